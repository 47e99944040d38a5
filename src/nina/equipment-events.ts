import { deviceKinds, devices, type DeviceKind } from './schemas/equipment';
import type { DeviceSnapshot, EquipmentSnapshot } from './schemas/equipment-snapshot';
import type { NinaEvent } from './schemas/events';

/**
 * Event deltas on the `/equipment/info` snapshot: what an event tells us for certain is applied at
 * once, so a card changes the moment NINA says so instead of at the next poll.
 */

const connectionEvents = new Map<string, { kind: DeviceKind; connected: boolean }>(
  deviceKinds.flatMap((kind) => [
    [`${devices[kind].eventPrefix}-CONNECTED`, { kind, connected: true }],
    [`${devices[kind].eventPrefix}-DISCONNECTED`, { kind, connected: false }],
  ]),
);

/** The device whose snapshot an event changes, if any. */
export function deviceOfConnectionEvent(name: string): DeviceKind | undefined {
  return connectionEvents.get(name)?.kind;
}

const devicesByPrefix = new Map<string, DeviceKind>(deviceKinds.map((kind) => [devices[kind].eventPrefix, kind]));

/** The device an event is about (`MOUNT-PARKED` → mount), so its own queries can refresh at once. */
export function deviceOfEvent(name: string): DeviceKind | undefined {
  return devicesByPrefix.get(name.slice(0, name.indexOf('-')));
}

function patch<K extends DeviceKind>(
  snapshot: EquipmentSnapshot,
  kind: K,
  update: (info: Extract<DeviceSnapshot<K>, { ok: true }>['info']) => Extract<DeviceSnapshot<K>, { ok: true }>['info'],
): EquipmentSnapshot {
  const device = snapshot[kind] as DeviceSnapshot<K>;
  if (!device.ok) return snapshot;
  return { ...snapshot, [kind]: { ...device, info: update(device.info) } };
}

export function applyEventToEquipment(snapshot: EquipmentSnapshot, event: NinaEvent): EquipmentSnapshot {
  const connection = connectionEvents.get(event.name);
  if (connection) return patch(snapshot, connection.kind, (info) => ({ ...info, Connected: connection.connected }));
  if (!event.known) return snapshot;
  switch (event.name) {
    case 'SAFETY-CHANGED':
      return patch(snapshot, 'safetymonitor', (info) => ({ ...info, IsSafe: event.data.IsSafe }));
    case 'FILTERWHEEL-CHANGED': {
      const selected = event.data.New;
      if (!selected || selected.Id === undefined) return snapshot;
      return patch(snapshot, 'filterwheel', (info) => ({ ...info, SelectedFilter: { Name: selected.Name, Id: selected.Id as number } }));
    }
    case 'MOUNT-PARKED':
      return patch(snapshot, 'mount', (info) => ({ ...info, AtPark: true, Slewing: false }));
    case 'MOUNT-UNPARKED':
      return patch(snapshot, 'mount', (info) => ({ ...info, AtPark: false }));
    case 'MOUNT-HOMED':
      return patch(snapshot, 'mount', (info) => ({ ...info, AtHome: true }));
    case 'FLAT-BRIGHTNESS-CHANGED':
      return patch(snapshot, 'flatdevice', (info) => ({ ...info, Brightness: event.data.New }));
    case 'FLAT-COVER-OPENED':
      return patch(snapshot, 'flatdevice', (info) => ({ ...info, CoverState: 'Open' }));
    case 'FLAT-COVER-CLOSED':
      return patch(snapshot, 'flatdevice', (info) => ({ ...info, CoverState: 'Closed' }));
    case 'ROTATOR-MOVED':
      return patch(snapshot, 'rotator', (info) => ({ ...info, Position: event.data.To }));
    case 'ROTATOR-MOVED-MECHANICAL':
      return patch(snapshot, 'rotator', (info) => ({ ...info, MechanicalPosition: event.data.To }));
    case 'DOME-SLEWED':
      return patch(snapshot, 'dome', (info) => ({ ...info, Azimuth: event.data.To }));
    case 'DOME-SHUTTER-OPENED':
      return patch(snapshot, 'dome', (info) => ({ ...info, ShutterStatus: 'ShutterOpen' }));
    case 'DOME-SHUTTER-CLOSED':
      return patch(snapshot, 'dome', (info) => ({ ...info, ShutterStatus: 'ShutterClosed' }));
    case 'GUIDER-START':
      return patch(snapshot, 'guider', (info) => ({ ...info, State: 'Guiding' }));
    case 'GUIDER-STOP':
      return patch(snapshot, 'guider', (info) => ({ ...info, State: 'Stopped' }));
    default:
      return snapshot;
  }
}

/** Events after which the snapshot should be fetched again because more than we know has changed. */
export function eventInvalidatesEquipment(event: NinaEvent): boolean {
  return connectionEvents.has(event.name) || event.name === 'PROFILE-CHANGED';
}
