import { useEffect, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { StatusPill } from '../../components/StatusPill';
import { formatClockTime } from '../../lib/format';
import { useAlertsStore, type Alert } from '../../store/alerts';

const tone = { info: 'info', warning: 'warn', error: 'bad' } as const;

/** The bell in the header: how many alerts are unread, and their history. */
export function AlertCentre() {
  const alerts = useAlertsStore((state) => state.alerts);
  const dismissAll = useAlertsStore((state) => state.dismissAll);
  const clear = useAlertsStore((state) => state.clear);
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const unread = alerts.filter((alert) => !alert.dismissed && alert.severity !== 'info').length;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={unread > 0 ? `Alerts: ${unread} unread` : 'Alerts'}
        className={`relative inline-flex size-11 shrink-0 items-center justify-center rounded-lg hover:bg-surface-2 ${unread > 0 ? 'text-warn' : 'text-muted'}`}
      >
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" aria-hidden className="size-5">
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10 21h4" />
        </svg>
        {unread > 0 ? (
          <span aria-hidden className="absolute top-1.5 right-1.5 min-w-4 rounded-full bg-bad px-1 text-[10px] leading-4 font-bold text-bg">
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      <dialog
        ref={dialog}
        aria-label="Alert history"
        onClose={() => setOpen(false)}
        onClick={(event) => {
          if (event.target === event.currentTarget) setOpen(false);
        }}
        className="m-auto max-h-[85dvh] w-[min(36rem,calc(100vw-1rem))] rounded-xl border border-border bg-surface p-0 text-fg backdrop:bg-black/70"
      >
        <div className="flex items-center justify-between gap-2 border-b border-border p-4">
          <h2 className="text-lg font-semibold">Alerts</h2>
          <div className="flex gap-2">
            <Button variant="ghost" onClick={dismissAll} disabled={alerts.length === 0}>
              Mark all read
            </Button>
            <Button variant="ghost" onClick={clear} disabled={alerts.length === 0}>
              Clear
            </Button>
            <Button onClick={() => setOpen(false)}>Close</Button>
          </div>
        </div>
        {alerts.length === 0 ? (
          <p className="p-4 text-sm text-muted">No alerts yet.</p>
        ) : (
          <ol className="max-h-[65dvh] overflow-y-auto p-2">
            {[...alerts].reverse().map((alert: Alert) => (
              <li key={alert.id} className={`rounded-lg p-2 ${alert.dismissed ? 'opacity-70' : ''}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-mono text-xs text-muted">{formatClockTime(alert.atMs)}</span>
                  <StatusPill tone={tone[alert.severity]}>{alert.severity}</StatusPill>
                  <span className="text-sm font-medium">{alert.title}</span>
                  {alert.repeats > 1 ? <span className="text-xs text-muted">×{alert.repeats}, last at this time</span> : null}
                </div>
                {alert.detail ? <p className="mt-1 text-sm break-words text-muted">{alert.detail}</p> : null}
              </li>
            ))}
          </ol>
        )}
      </dialog>
    </>
  );
}
