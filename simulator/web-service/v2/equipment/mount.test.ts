import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../index';
import type { Equatorial } from '../../../rig/astronomy';
import { jnowToJ2000, j2000ToJnow, separationDeg } from '../../../rig/mount-astrometry';
import { api, control, openSocket, startTestSimulator, type Envelope, type SocketClient } from '../../../testing';

interface MountInfo {
  Connected: boolean;
  RightAscension: number;
  Declination: number;
  SiderealTime: number;
  SideOfPier: string;
  Slewing: boolean;
  AtPark: boolean;
  AtHome: boolean;
  TrackingEnabled: boolean;
  TrackingMode: string;
  TargetCoordinates?: { RA: number; Dec: number; Epoch: string };
  TargetSideOfPier?: string;
  UTCDate: string;
}

interface MountState {
  raHours: number;
  decDeg: number;
  trueRaHours: number;
  trueDecDeg: number;
  pointingErrorArcsec: number;
  mechanical: { primaryDeg: number; secondaryDeg: number };
}

const failure = (error: string, statusCode: number): Envelope<string> => ({ Response: '', Error: error, StatusCode: statusCode, Success: false, Type: 'API' });
const success = (response: string): Envelope<string> => ({ Response: response, Error: '', StatusCode: 200, Success: true, Type: 'API' });
const ALL_MODES = ['Sidereal', 'Lunar', 'Solar', 'King', 'Custom', 'Stopped'];

function simMs(info: MountInfo): number {
  return Date.parse(info.UTCDate);
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 8000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (performance.now() > deadline) throw new Error(`Timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function eventNames(client: SocketClient): string[] {
  return client.frames.map((frame) => (JSON.parse(frame) as { Response: { Event: string } }).Response.Event);
}

async function waitForEvent(client: SocketClient, name: string, timeoutMs = 8000): Promise<void> {
  await until(async () => eventNames(client), (names) => names.includes(name), timeoutMs);
}

function startedMount(simulator: () => RunningSimulator) {
  const info = async (): Promise<MountInfo> => (await api<MountInfo>(simulator(), '/equipment/mount/info')).Response;
  const call = (path: string): Promise<Envelope<string>> => api<string>(simulator(), `/equipment/mount/${path}`);
  const state = async (): Promise<MountState> =>
    ((await control(simulator(), 'GET', 'state')) as { devices: { mount: MountState } }).devices.mount;
  const logMessages = async (): Promise<string[]> =>
    (await api<{ Message: string }[]>(simulator(), '/application/logs?lineCount=400')).Response.map((row) => row.Message);
  /** Points the mount (JNOW) at an hour angle and Dec, tracking, unparked, with every fault off. */
  const pointAt = async (hourAngleHours: number, decDeg: number): Promise<Equatorial> => {
    const { SiderealTime } = await info();
    const target = { raHours: (((SiderealTime - hourAngleHours) % 24) + 24) % 24, decDeg };
    await control(simulator(), 'POST', 'devices/mount', { atPark: false, trackingEnabled: true, raHours: target.raHours, decDeg });
    return target;
  };
  return { info, call, state, logMessages, pointAt };
}

describe('mount commands (Mount.cs)', () => {
  let simulator: RunningSimulator;
  let events: SocketClient;
  const { info, call, state, logMessages, pointAt } = startedMount(() => simulator);

  beforeAll(async () => {
    simulator = await startTestSimulator();
  });
  afterAll(() => simulator.close());
  beforeEach(async () => {
    await control(simulator, 'POST', 'mount/faults', { slews: 'none', plateSolves: 'succeed' });
    await control(simulator, 'POST', 'mount/capabilities', { canSetPark: true, trackingModes: ALL_MODES });
    await pointAt(-1.5, 22);
    events = await openSocket(simulator, '/v2/socket');
  });
  afterEach(() => events.close());

  it('checks the connection first: 409 for the moves, 400 for set-park-position and sync', async () => {
    await control(simulator, 'POST', 'devices/mount', { atPark: true });
    expect((await call('disconnect')).Response).toBe('Disconnected');
    try {
      for (const path of ['home', 'tracking?mode=0', 'park', 'unpark', 'flip', 'slew?ra=10&dec=20', 'slew/stop']) {
        expect(await call(path), path).toEqual(failure('Mount not connected', 409));
      }
      for (const path of ['set-park-position', 'sync', 'sync?ra=10&dec=20']) {
        expect(await call(path), path).toEqual(failure('Mount not connected', 400));
      }
    } finally {
      expect((await call('connect')).Response).toBe('Connected');
    }
  });

  it('refuses moves while parked, reports park state as success, and unparks with MOUNT-UNPARKED', async () => {
    await control(simulator, 'POST', 'devices/mount', { atPark: true });
    for (const path of ['home', 'tracking?mode=1', 'flip', 'slew?ra=10&dec=20&waitForResult=true']) {
      expect(await call(path), path).toEqual(failure('Mount parked', 409));
    }
    expect(await call('sync?ra=10&dec=20')).toEqual(failure('Mount is parked', 400));
    expect(await call('set-park-position')).toEqual(failure('Mount can not set park position', 400));
    expect(await call('park')).toEqual(success('Mount already parked'));
    expect(await call('slew/stop')).toEqual(success('Stopped slew'));
    expect(await call('unpark')).toEqual(success('Unparking'));
    await waitForEvent(events, 'MOUNT-UNPARKED');
    expect(await info()).toMatchObject({ AtPark: false, TrackingEnabled: false, TrackingMode: 'Stopped' });
    expect(await call('unpark')).toEqual(success('Mount not parked'));
  });

  it('parks with a slew to the pole, counterweight down, then stops tracking and raises MOUNT-PARKED', async () => {
    const before = await info();
    expect(await call('park')).toEqual(success('Parking'));
    expect(await info()).toMatchObject({ Slewing: true, AtPark: false });
    await waitForEvent(events, 'MOUNT-PARKED');
    const parked = await info();
    expect(parked).toMatchObject({ AtPark: true, Slewing: false, TrackingEnabled: false, TrackingMode: 'Stopped' });
    expect(parked.TargetCoordinates).toBeUndefined();
    expect(parked.Declination).toBeCloseTo(90, 6);
    expect((((parked.SiderealTime - parked.RightAscension) % 24) + 24) % 24).toBeCloseTo(6, 6);
    // 68° of Dec at 3.3°/s, then NINA's wait for the next poll.
    expect(simMs(parked) - simMs(before)).toBeGreaterThan(20_000);
    expect(eventNames(events).filter((name) => name.startsWith('MOUNT-'))).toEqual(['MOUNT-PARKED']);
    const later = await until(info, (value) => simMs(value) - simMs(parked) > 120_000);
    expect((((later.SiderealTime - later.RightAscension) % 24) + 24) % 24).toBeCloseTo(6, 6);
    expect(later.RightAscension).not.toBeCloseTo(parked.RightAscension, 2);
    expect((await logMessages()).slice(0, 20)).toEqual(expect.arrayContaining(['Mount has been commanded to park', 'Mount has parked']));
  });

  it('homes to the pole with MOUNT-HOMED and stays at home until it moves', async () => {
    expect(await call('home')).toEqual(success('Homing'));
    await waitForEvent(events, 'MOUNT-HOMED');
    expect(await info()).toMatchObject({ AtHome: true, Slewing: false, TrackingEnabled: false });
    expect(await call('home')).toEqual(success('Mount already homed'));
    expect(await call('tracking?mode=0')).toEqual(success('Tracking mode changed'));
    expect((await info()).AtHome).toBe(false);
  });

  it('slews both axes at a few degrees per second, showing the JNOW target while the motors run', async () => {
    const start = await info();
    const targetJnow = { raHours: (start.SiderealTime + 4 + 24) % 24, decDeg: 60 };
    const targetJ2000 = jnowToJ2000(targetJnow, simMs(start));
    expect(await call(`slew?ra=${targetJ2000.raHours * 15}&dec=${targetJ2000.decDeg}`)).toEqual(success('Slew started'));
    const samples: MountInfo[] = [];
    await until(info, (value) => {
      samples.push(value);
      return !value.Slewing;
    });
    const moving = samples.filter((sample) => sample.Slewing);
    expect(moving.length).toBeGreaterThan(3);
    for (const sample of moving) {
      expect(sample.TargetCoordinates?.Epoch).toBe('JNOW');
      expect(sample.TargetCoordinates?.Dec).toBeCloseTo(60, 2);
      expect(sample).not.toHaveProperty('TargetSideOfPier');
    }
    const decs = moving.map((sample) => sample.Declination);
    expect(decs).toEqual([...decs].sort((a, b) => a - b));
    const end = samples.at(-1) as MountInfo;
    expect(end.TargetCoordinates).toBeUndefined();
    expect(end.SideOfPier).toBe('pierWest');
    expect(separationDeg({ raHours: end.RightAscension, decDeg: end.Declination }, j2000ToJnow(targetJ2000, simMs(end))) * 3600).toBeLessThan(1);
    // 38° of Dec at 800× sidereal with the ramps: about 13.6 s of motor time.
    const motorS = (simMs(end) - simMs(start)) / 1000;
    expect(motorS).toBeGreaterThan(12);
    expect(motorS).toBeLessThan(20);
  });

  it('waits for the slew and NINA’s 5 s settle with waitForResult, answering "Slew finished"', async () => {
    const start = await info();
    const target = jnowToJ2000({ raHours: (start.SiderealTime + 2 + 24) % 24, decDeg: -10 }, simMs(start));
    const reply = await call(`slew?ra=${target.raHours * 15}&dec=${target.decDeg}&waitForResult=true`);
    const end = await info();
    expect(reply).toEqual(success('Slew finished'));
    expect(end.Slewing).toBe(false);
    expect(end.Declination).toBeCloseTo(j2000ToJnow(target, simMs(end)).decDeg, 6);
    expect(simMs(end) - simMs(start)).toBeGreaterThan(32_000 / 3.3425 + 5_000);
  });

  it('answers "Slew failed" (Success false, StatusCode 200) when the slew it waited for finds the mount parked', async () => {
    expect(await call('park')).toEqual(success('Parking'));
    expect(await call('slew?ra=30&dec=10&waitForResult=true')).toEqual({ ...success('Slew failed'), Success: false });
    expect(await logMessages()).toContain('Slew requested while mount is parked');
    await waitForEvent(events, 'MOUNT-PARKED');
  });

  it('still answers "Slew finished" when the driver refuses the goto, since NINA drops the driver’s result', async () => {
    await control(simulator, 'POST', 'mount/faults', { slews: 'refuse' });
    const before = await info();
    expect(await call('slew?ra=30&dec=10&waitForResult=true')).toEqual(success('Slew finished'));
    expect((await info()).Declination).toBeCloseTo(before.Declination, 9);
    expect((await logMessages()).some((message) => message.startsWith('ASCOM.InvalidValueException'))).toBe(true);
  });

  it('stops a slew where it is; the awaited slew then still answers "Slew finished"', async () => {
    const start = await info();
    const target = jnowToJ2000({ raHours: start.RightAscension, decDeg: 80 }, simMs(start));
    const awaited = call(`slew?ra=${target.raHours * 15}&dec=${target.decDeg}&waitForResult=true`);
    await until(info, (value) => value.Declination > 40);
    expect(await call('slew/stop')).toEqual(success('Stopped slew'));
    const stopped = await info();
    expect(stopped.Slewing).toBe(false);
    expect(stopped.TargetCoordinates).toBeUndefined();
    expect(stopped.Declination).toBeLessThan(79);
    expect(await awaited).toEqual(success('Slew finished'));
    expect((await info()).Declination).toBeCloseTo(stopped.Declination, 6);
  });

  it('maps tracking mode numbers as the plugin does: 4 and 5 stop, others 400, omitted is Sidereal', async () => {
    const expected: [string, string][] = [['0', 'Sidereal'], ['1', 'Lunar'], ['2', 'Solar'], ['3', 'King'], ['4', 'Stopped'], ['5', 'Stopped']];
    for (const [mode, name] of expected) {
      expect(await call(`tracking?mode=${mode}`)).toEqual(success('Tracking mode changed'));
      expect((await info()).TrackingMode).toBe(name);
    }
    expect(await call('tracking')).toEqual(success('Tracking mode changed'));
    expect((await info()).TrackingMode).toBe('Sidereal');
    expect(await call('tracking?mode=6')).toEqual(failure('Invalid tracking mode', 400));
    expect(await call('tracking?mode=-1')).toEqual(failure('Invalid tracking mode', 400));
    const notANumber = await fetch(`${simulator.url}/v2/api/equipment/mount/tracking?mode=fast`);
    expect(notANumber.status).toBe(400);
    expect(notANumber.headers.get('content-type')).toContain('text/html');
  });

  it('answers Success false with StatusCode 200 for a mode the driver does not list', async () => {
    await control(simulator, 'POST', 'mount/capabilities', { trackingModes: ['Sidereal', 'Stopped'] });
    expect(await call('tracking?mode=1')).toEqual({ ...success('Tracking mode changed'), Success: false });
    expect((await info()).TrackingMode).toBe('Sidereal');
  });

  it('lets the sky drift by with tracking off: RA grows with sidereal time', async () => {
    expect(await call('tracking?mode=4')).toEqual(success('Tracking mode changed'));
    const first = await info();
    const later = await until(info, (value) => simMs(value) - simMs(first) > 300_000);
    const raGain = (later.RightAscension - first.RightAscension + 24) % 24;
    const lstGain = (later.SiderealTime - first.SiderealTime + 24) % 24;
    expect(raGain).toBeCloseTo(lstGain, 6);
    expect(later).toMatchObject({ TrackingEnabled: false, TrackingMode: 'Stopped' });
  });

  it('flips only when needed, and the API flip raises no MOUNT-BEFORE-FLIP/AFTER-FLIP', async () => {
    expect(await call('flip')).toEqual(success('Flipping'));
    const start = await info();
    const settled = await until(info, (value) => simMs(value) - simMs(start) > 30_000 && !value.Slewing);
    expect(settled.SideOfPier).toBe('pierWest');
    const target = await pointAt(-0.05, 35);
    expect((await info()).SideOfPier).toBe('pierWest');
    expect(await call('flip')).toEqual(success('Flipping'));
    const samples: MountInfo[] = [];
    const flipped = await until(info, (value) => {
      samples.push(value);
      return value.SideOfPier === 'pierEast' && value.TargetSideOfPier === undefined && !value.Slewing;
    });
    expect(samples.some((sample) => sample.TargetSideOfPier === 'pierEast' && sample.Slewing)).toBe(true);
    expect(flipped.RightAscension).toBeCloseTo(target.raHours, 6);
    expect(flipped.Declination).toBeCloseTo(35, 6);
    const flipStart = samples.find((sample) => sample.TargetSideOfPier === 'pierEast') as MountInfo;
    // A half turn of the RA axis: about a minute.
    expect(simMs(flipped) - simMs(flipStart)).toBeGreaterThan(50_000);
    expect(eventNames(events).filter((name) => name.startsWith('MOUNT-'))).toEqual([]);
  });

  it('raises MOUNT-BEFORE-FLIP and MOUNT-AFTER-FLIP around the flip NINA’s sequencer runs (test control)', async () => {
    await pointAt(-0.05, 35);
    await control(simulator, 'POST', 'mount/meridian-flip', {});
    await waitForEvent(events, 'MOUNT-BEFORE-FLIP');
    expect((await info()).SideOfPier).toBe('pierWest');
    await waitForEvent(events, 'MOUNT-AFTER-FLIP');
    expect(eventNames(events).filter((name) => name.startsWith('MOUNT-'))).toEqual(['MOUNT-BEFORE-FLIP', 'MOUNT-AFTER-FLIP']);
    expect(await info()).toMatchObject({ SideOfPier: 'pierEast', TrackingEnabled: true, Slewing: false });
  });

  it('parks where set-park-position was called', async () => {
    await pointAt(2, 45);
    // Tracking off: the axes stand still between reading them and setting the park position.
    await call('tracking?mode=4');
    const parkAt = (await state()).mechanical;
    expect(await call('set-park-position')).toEqual(success('Park position set'));
    await pointAt(-3, -20);
    expect(await call('park')).toEqual(success('Parking'));
    await waitForEvent(events, 'MOUNT-PARKED');
    const parked = (await state()).mechanical;
    expect(parked.primaryDeg).toBeCloseTo(parkAt.primaryDeg, 6);
    expect(parked.secondaryDeg).toBeCloseTo(parkAt.secondaryDeg, 6);
  });

  it('keeps the plugin’s bug: without CanSetPark, sync answers "Mount is parked"', async () => {
    await control(simulator, 'POST', 'mount/capabilities', { canSetPark: false });
    expect(await call('set-park-position')).toEqual(failure('Mount can not set park position', 400));
    expect(await call('sync?ra=10&dec=20')).toEqual(failure('Mount is parked', 400));
    expect((await info()).AtPark).toBe(false);
  });

  it('syncs to J2000 degrees on the same side of the pier, but only while tracking', async () => {
    const before = await info();
    const target = jnowToJ2000({ raHours: before.RightAscension + 0.01, decDeg: before.Declination - 0.2 }, simMs(before));
    expect(await call(`sync?ra=${target.raHours * 15}&dec=${target.decDeg}`)).toEqual(success('Synced'));
    const synced = await info();
    expect(synced.RightAscension).toBeCloseTo(before.RightAscension + 0.01, 4);
    expect(synced.Declination).toBeCloseTo(before.Declination - 0.2, 4);
    expect(synced.SideOfPier).toBe(before.SideOfPier);
    await call('tracking?mode=4');
    const untracked = await info();
    expect(await call(`sync?ra=${target.raHours * 15 + 1}&dec=${target.decDeg}`)).toEqual(success('Synced'));
    expect((await info()).Declination).toBeCloseTo(untracked.Declination, 9);
    expect(await logMessages()).toContain('Telescope is not tracking to be able to sync');
  });

  it('plate-solves and syncs when a coordinate is missing, which takes an exposure and a solve', async () => {
    await call('slew?ra=100&dec=-5&waitForResult=true');
    expect((await state()).pointingErrorArcsec).toBeGreaterThan(60);
    const before = await info();
    expect(await call('sync?ra=100')).toEqual(success('Synced'));
    const after = await info();
    expect(simMs(after) - simMs(before)).toBeGreaterThan(9_000);
    expect((await state()).pointingErrorArcsec).toBeLessThan(0.01);
    expect(await logMessages()).toEqual(expect.arrayContaining(['Starting Category: , Item: SolveAndSync', 'Finishing Category: , Item: SolveAndSync']));
  });

  it('centers with a plate-solve loop, ending close to the target but answering "Slew failed" (Execute, not Run)', async () => {
    const start = await info();
    const target = { raDeg: ((start.SiderealTime + 3) % 24) * 15, decDeg: 40 };
    const reply = await call(`slew?ra=${target.raDeg}&dec=${target.decDeg}&center=true&waitForResult=true`);
    const end = await info();
    expect(reply).toEqual({ ...success('Slew failed'), Success: false });
    const mount = await state();
    const targetJnow = j2000ToJnow({ raHours: target.raDeg / 15, decDeg: target.decDeg }, simMs(end));
    expect(separationDeg({ raHours: mount.trueRaHours, decDeg: mount.trueDecDeg }, targetJnow) * 60).toBeLessThan(1);
    // Slew, settle, two solves, a sync and a short correction slew.
    expect(simMs(end) - simMs(start)).toBeGreaterThan(30_000);
    const logs = await logMessages();
    expect(logs.filter((message) => message.startsWith('Centering Solver - ')).length).toBeGreaterThanOrEqual(2);
    expect(logs.some((message) => message.startsWith('{"RA":') && message.includes('"Epoch":2'))).toBe(true);
    expect(eventNames(events)).not.toContain('MOUNT-CENTER');
  });

  it('turns a failed centering into the catch-all 500 "Unknown error" when waited for', async () => {
    await control(simulator, 'POST', 'mount/faults', { plateSolves: 'fail' });
    expect(await call('slew?ra=120&dec=10&center=true&waitForResult=true')).toEqual(failure('Unknown error', 500));
    expect(await logMessages()).toContain('ASTAP - Plate solve failed.');
  });

  it('starts a centering without waiting, and slew/stop cancels it', async () => {
    const solverLines = async (): Promise<number> => (await logMessages()).filter((message) => message.startsWith('Centering Solver - ')).length;
    const before = await solverLines();
    expect(await call('slew?ra=140&dec=30&center=true')).toEqual(success('Slew started'));
    await until(info, (value) => value.Slewing);
    expect(await call('slew/stop')).toEqual(success('Stopped slew'));
    const stopped = await info();
    const later = await until(info, (value) => simMs(value) - simMs(stopped) > 120_000);
    expect(later.Slewing).toBe(false);
    expect(later.Declination).toBeCloseTo(stopped.Declination, 6);
    expect(await solverLines()).toBe(before);
  });

  it('rotates the camera to the position angle before centering with rotate=true', async () => {
    const reply = await call('slew?ra=60&dec=20&rotate=true&rotationAngle=120&waitForResult=true');
    expect(reply).toEqual({ ...success('Slew failed'), Success: false });
    const rotator = (await api<{ Position: number }>(simulator, '/equipment/rotator/info')).Response;
    expect(rotator.Position).toBeCloseTo(120, 0);
  });

  it('raises MOUNT-CENTER from the log line of a Center the sequencer starts (test control)', async () => {
    await control(simulator, 'POST', 'mount/sequencer-center', { raDeg: 83.63, decDeg: 22.01 });
    await waitForEvent(events, 'MOUNT-CENTER');
    const live = JSON.parse(events.frames.at(-1) ?? '') as { Response: Record<string, unknown> };
    expect(live.Response).toEqual({ Event: 'MOUNT-CENTER' });
    const history = (await api<{ Event: string; Time: string }[]>(simulator, '/event-history')).Response;
    expect(history.at(-1)).toEqual({ Event: 'MOUNT-CENTER', Time: expect.any(String) as unknown });
    expect(await logMessages()).toContain(`Starting Category: Telescope, Item: Center, Coordinates RA: 05:34:31; Dec: 22° 00' 36"; Epoch: J2000`);
    await until(logMessages, (messages) => messages.some((message) => message.startsWith('Finishing Category: Telescope, Item: Center')));
  });
});

describe('a goto the driver never finishes', () => {
  let simulator: RunningSimulator;
  const { info, call, logMessages } = startedMount(() => simulator);
  beforeAll(async () => {
    simulator = await startTestSimulator({ speed: 4000 });
  });
  afterAll(() => simulator.close());

  it('answers "Slew failed" after NINA’s 10-minute timeout, which also stops the mount', async () => {
    await control(simulator, 'POST', 'mount/faults', { slews: 'hang' });
    const start = await info();
    expect(await call('slew?ra=30&dec=10&waitForResult=true')).toEqual({ ...success('Slew failed'), Success: false });
    const end = await info();
    expect(simMs(end) - simMs(start)).toBeGreaterThanOrEqual(600_000);
    expect(end.Slewing).toBe(false);
    expect(await logMessages()).toContain('Mount slew timed out after 10 Minutes');
  });
});
