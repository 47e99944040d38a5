import { useActivityStore } from '../../store/activity';
import { useAlertsStore, type AlertSeverity } from '../../store/alerts';
import { devices } from '../schemas/equipment';
import { deviceOfConnectionEvent } from '../equipment-events';
import type { NinaEvent } from '../schemas/events';
import type { EventConsumer } from './types';

/**
 * NINA's events that someone running a night must not miss, as alerts. A device "disconnecting"
 * is only reported if it does not come back at once: NINA sends X-DISCONNECTED right before
 * every X-CONNECTED when it connects a device.
 */
export const DISCONNECT_GRACE_MS = 3_000;

const pendingDisconnects = new Map<string, ReturnType<typeof setTimeout>>();

function push(severity: AlertSeverity, title: string, source: string, detail?: string) {
  useAlertsStore.getState().push({ severity, title, source, detail });
}

function alertFor(event: NinaEvent): void {
  if (!event.known) return;
  switch (event.name) {
    case 'ERROR-AF':
      push('error', 'Autofocus failed', event.name, 'NINA’s autofocus run did not complete. Check the focus view and NINA’s log.');
      return;
    case 'ERROR-PLATESOLVE':
      push('error', 'Plate solve failed', event.name, 'NINA could not solve the last image.');
      return;
    case 'SEQUENCE-ENTITY-FAILED':
      push('error', `${event.data.Entity ?? 'A sequence item'} failed`, event.name, event.data.Error);
      return;
    case 'SAFETY-CHANGED':
      if (!event.data.IsSafe) push('error', 'Conditions are unsafe', event.name, 'The safety monitor reports unsafe conditions.');
      else push('info', 'Conditions are safe again', event.name);
      return;
    case 'CAMERA-DOWNLOAD-TIMEOUT':
      push('warning', 'Camera download timed out', event.name, 'NINA gave up waiting for the image from the camera.');
      return;
  }
}

export const eventAlerts: EventConsumer = (events) => {
  for (const event of events) {
    const kind = deviceOfConnectionEvent(event.name);
    if (kind) {
      const pending = pendingDisconnects.get(kind);
      if (event.name.endsWith('-CONNECTED')) {
        clearTimeout(pending);
        pendingDisconnects.delete(kind);
      } else if (!pending) {
        pendingDisconnects.set(
          kind,
          setTimeout(() => {
            pendingDisconnects.delete(kind);
            if (useActivityStore.getState().expectedDisconnects[kind]) return;
            push('warning', `${devices[kind].label} disconnected`, event.name, `NINA reports that the ${devices[kind].label.toLowerCase()} is no longer connected.`);
          }, DISCONNECT_GRACE_MS),
        );
      }
      continue;
    }
    alertFor(event);
  }
};
