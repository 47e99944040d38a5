import { describe, expect, it } from 'vitest';
import { applyEventToEquipment, deviceOfConnectionEvent, eventInvalidatesEquipment } from './equipment-events';
import { equipmentSnapshotSchema, type EquipmentSnapshot } from './schemas/equipment-snapshot';
import { parseSocketFrame, type NinaEvent } from './schemas/events';

const bundle = {
  Camera: { Connected: true, Name: 'ZWO ASI2600MM Pro', Temperature: -10 },
  Mount: { Connected: true, AtPark: false },
  Focuser: { Connected: true, Temperature: 'NaN' },
  FilterWheel: { Connected: true, SelectedFilter: { Name: 'L', Id: 0 }, AvailableFilters: [{ Name: 'L', Id: 0 }, { Name: 'Ha', Id: 4 }] },
  Guider: { Connected: true, State: 'Stopped' },
  Rotator: { Connected: false },
  FlatDevice: { Connected: false },
  Dome: { Connected: false, Azimuth: 'NaN' },
  SafetyMonitor: { Connected: true, IsSafe: true },
  WeatherData: { Connected: false, Temperature: 'NaN' },
  Switch: { Connected: false },
};

const snapshot = (): EquipmentSnapshot => equipmentSnapshotSchema.parse(bundle);

function event(response: Record<string, unknown>): NinaEvent {
  const frame = parseSocketFrame(JSON.stringify({ Response: response, Error: '', StatusCode: 200, Success: true, Type: 'Socket' }));
  if (frame.kind !== 'event') throw new Error(`not an event: ${JSON.stringify(frame)}`);
  return frame.event;
}

describe('equipmentSnapshotSchema', () => {
  it('parses each device on its own so one bad device does not hide the others', () => {
    const parsed = equipmentSnapshotSchema.parse({ ...bundle, Camera: { Connected: 'sometimes' } });
    expect(parsed.camera.ok).toBe(false);
    expect(parsed.camera.ok ? '' : parsed.camera.problem).toContain('Connected');
    expect(parsed.mount.ok).toBe(true);
  });

  it('marks a device missing from the bundle as unreadable', () => {
    const { Switch: _removed, ...rest } = bundle;
    expect(equipmentSnapshotSchema.parse(rest).switch).toMatchObject({ ok: false, problem: "NINA's reply has no Switch entry" });
  });

  it('decodes NaN strings', () => {
    const parsed = snapshot();
    expect(parsed.focuser.ok && parsed.focuser.info.Temperature).toBeNaN();
  });
});

describe('applyEventToEquipment', () => {
  it('flips Connected on *-CONNECTED / *-DISCONNECTED for every device kind', () => {
    const after = applyEventToEquipment(snapshot(), event({ Event: 'CAMERA-DISCONNECTED' }));
    expect(after.camera.ok && after.camera.info.Connected).toBe(false);
    const flat = applyEventToEquipment(snapshot(), event({ Event: 'FLAT-CONNECTED' }));
    expect(flat.flatdevice.ok && flat.flatdevice.info.Connected).toBe(true);
    const weather = applyEventToEquipment(snapshot(), event({ Event: 'WEATHER-CONNECTED' }));
    expect(weather.weather.ok && weather.weather.info.Connected).toBe(true);
  });

  it('applies what events say for certain', () => {
    let state = snapshot();
    state = applyEventToEquipment(state, event({ Event: 'SAFETY-CHANGED', IsSafe: false }));
    state = applyEventToEquipment(state, event({ Event: 'FILTERWHEEL-CHANGED', Previous: { Name: 'L', Id: 0 }, New: { Name: 'Ha', Id: 4 } }));
    state = applyEventToEquipment(state, event({ Event: 'MOUNT-PARKED' }));
    expect(state.safetymonitor.ok && state.safetymonitor.info.IsSafe).toBe(false);
    expect(state.filterwheel.ok && state.filterwheel.info.SelectedFilter).toEqual({ Name: 'Ha', Id: 4 });
    expect(state.mount.ok && state.mount.info.AtPark).toBe(true);
  });

  it('leaves the snapshot untouched for events it says nothing about', () => {
    const before = snapshot();
    expect(applyEventToEquipment(before, event({ Event: 'AUTOFOCUS-STARTING' }))).toBe(before);
    expect(applyEventToEquipment(before, event({ Event: 'NEW-THING' }))).toBe(before);
  });
});

describe('event classification', () => {
  it('maps connection events to devices and asks for a refetch', () => {
    expect(deviceOfConnectionEvent('SAFETY-DISCONNECTED')).toBe('safetymonitor');
    expect(deviceOfConnectionEvent('GUIDER-DITHER')).toBeUndefined();
    expect(eventInvalidatesEquipment(event({ Event: 'MOUNT-CONNECTED' }))).toBe(true);
    expect(eventInvalidatesEquipment(event({ Event: 'GUIDER-DITHER' }))).toBe(false);
  });
});
