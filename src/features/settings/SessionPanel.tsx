import { useState } from 'react';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Panel } from '../../components/Panel';
import { playAlertTone, useAlertPreferences, useAlertsStore } from '../../store/alerts';
import { clearSessionHistory } from '../../store/persistence/session-history';
import { useScreenPreferences } from '../../store/screen-preferences';

/** Alert preferences and the session's saved history. */
export function SessionPanel() {
  const { sound, notifications, setSound, setNotifications } = useAlertPreferences();
  const clearAlerts = useAlertsStore((state) => state.clear);
  const { awakeDuringSequence, setAwakeDuringSequence } = useScreenPreferences();
  const wakeLockSupported = typeof navigator !== 'undefined' && 'wakeLock' in navigator;
  const [clearing, setClearing] = useState(false);
  const [notice, setNotice] = useState<string>();
  const notificationsSupported = typeof Notification !== 'undefined';

  const toggleNotifications = async (on: boolean) => {
    if (!on) {
      setNotifications(false);
      return;
    }
    const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
    if (permission === 'granted') {
      setNotifications(true);
      setNotice(undefined);
    } else {
      setNotice('The browser refused notifications for Skydeck. Allow them in the site settings to use this.');
    }
  };

  return (
    <Panel title="Alerts and session">
      <div className="space-y-3 text-sm">
        <p className="text-muted">Errors and notable events (autofocus or plate solve failures, unsafe conditions, guiding lost, devices dropping) show as alerts. Sound and system notifications are off until you turn them on.</p>
        <label className="flex min-h-11 items-center gap-3">
          <input type="checkbox" className="size-5" checked={sound} onChange={(event) => setSound(event.target.checked)} />
          Play a tone for warnings and errors
        </label>
        {sound ? (
          <Button variant="ghost" onClick={() => playAlertTone('error')}>
            Test the tone
          </Button>
        ) : null}
        <label className="flex min-h-11 items-center gap-3">
          <input
            type="checkbox"
            className="size-5"
            disabled={!notificationsSupported}
            checked={notifications}
            onChange={(event) => void toggleNotifications(event.target.checked)}
          />
          Show a system notification when Skydeck is in the background
        </label>
        {!notificationsSupported ? <p className="text-muted">This browser has no system notifications.</p> : null}
        {notice ? <p className="text-warn">{notice}</p> : null}
        <label className="flex min-h-11 items-center gap-3">
          <input type="checkbox" className="size-5" checked={awakeDuringSequence} onChange={(event) => setAwakeDuringSequence(event.target.checked)} />
          Keep this screen on while a sequence runs
        </label>
        {!wakeLockSupported ? <p className="text-muted">This browser cannot keep the screen on (it needs HTTPS or localhost for the Wake Lock API).</p> : null}
        <div className="border-t border-border pt-3">
          <p className="text-muted">This rig’s HFR points, autofocus runs, guiding RMS, live-stack exposures, cooling, polar-alignment readings and event log are kept in this browser, and come back after a reload.</p>
          <Button className="mt-2" variant="danger" onClick={() => setClearing(true)}>
            Clear session
          </Button>
        </div>
      </div>
      <ConfirmDialog
        open={clearing}
        title="Clear the session?"
        confirmLabel="Clear"
        tone="danger"
        onCancel={() => setClearing(false)}
        onConfirm={() => {
          setClearing(false);
          clearAlerts();
          void clearSessionHistory();
        }}
      >
        Skydeck forgets this rig’s saved history and alerts in this browser. NINA itself keeps its images and logs.
      </ConfirmDialog>
    </Panel>
  );
}
