import { useEffect } from 'react';
import { useAlertsStore, type Alert } from '../store/alerts';

/** Info toasts fade on their own; warnings and errors stay until dismissed. */
const INFO_TOAST_MS = 6_000;
const MAX_TOASTS = 4;
/** On a phone the toasts sit over the view: only the newest two show, the rest wait in the alert centre. */
const MAX_PHONE_TOASTS = 2;

const tone: Record<Alert['severity'], string> = {
  info: 'border-accent/50',
  warning: 'border-warn/70',
  error: 'border-bad/80',
};
const label: Record<Alert['severity'], string> = { info: 'Info', warning: 'Warning', error: 'Error' };
const labelTone: Record<Alert['severity'], string> = { info: 'text-accent', warning: 'text-warn', error: 'text-bad' };

function Toast({ alert, phoneHidden }: { alert: Alert; phoneHidden: boolean }) {
  const dismiss = useAlertsStore((state) => state.dismiss);
  useEffect(() => {
    if (alert.severity !== 'info') return;
    const timer = setTimeout(() => dismiss(alert.id), INFO_TOAST_MS);
    return () => clearTimeout(timer);
  }, [alert.id, alert.severity, alert.atMs, dismiss]);
  return (
    <li role={alert.severity === 'info' ? 'status' : 'alert'} className={`pointer-events-auto items-start ${phoneHidden ? 'hidden sm:flex' : 'flex'} gap-3 rounded-xl border bg-surface p-3 shadow-lg ${tone[alert.severity]}`}>
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium">
          <span className={`mr-2 text-xs uppercase ${labelTone[alert.severity]}`}>{label[alert.severity]}</span>
          {alert.title}
          {alert.repeats > 1 ? (
            <span className="ml-2 rounded-full bg-surface-2 px-1.5 text-xs text-muted" aria-label={`${alert.repeats} times`}>
              ×{alert.repeats}
            </span>
          ) : null}
        </p>
        {alert.detail ? <p className="mt-1 text-sm break-words text-muted">{alert.detail}</p> : null}
      </div>
      <button type="button" aria-label={`Dismiss: ${alert.title}`} onClick={() => dismiss(alert.id)} className="-m-1 inline-flex size-11 shrink-0 items-center justify-center rounded-lg text-muted hover:bg-surface-2">
        ✕
      </button>
    </li>
  );
}

export function Toasts() {
  const alerts = useAlertsStore((state) => state.alerts);
  const visible = alerts.filter((alert) => !alert.dismissed).slice(-MAX_TOASTS);
  if (visible.length === 0) return null;
  return (
    <ol aria-label="Alerts" className="pointer-events-none fixed inset-x-2 bottom-20 z-40 flex flex-col gap-2 sm:inset-x-auto sm:right-4 sm:w-96 lg:bottom-4">
      {visible.map((alert, index) => (
        <Toast key={alert.id} alert={alert} phoneHidden={index < visible.length - MAX_PHONE_TOASTS} />
      ))}
    </ol>
  );
}
