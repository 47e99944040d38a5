import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../index';
import { api, control, openSocket, startTestSimulator, type SocketClient } from '../testing';
import type { TppaLogEntry } from './tppa-socket';

const SPEED = 300;
const confirmation = (response: string): string => `{"Response":"${response}","Error":"","StatusCode":200,"Success":true,"Type":"Socket"}`;

interface Progress {
  Status: string | null;
  Progress: number | string;
}
interface AlignmentError {
  AzimuthError: number;
  AltitudeError: number;
  TotalError: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function responses(client: SocketClient): unknown[] {
  return client.frames.map((frame) => (JSON.parse(frame) as { Response: unknown }).Response);
}
const isError = (response: unknown): response is AlignmentError => typeof response === 'object' && response !== null && 'AzimuthError' in response;
const isProgress = (response: unknown): response is Progress => typeof response === 'object' && response !== null && 'Progress' in response;
const errorsOf = (client: SocketClient): AlignmentError[] => responses(client).filter(isError);
const statusesOf = (client: SocketClient): string[] => responses(client).filter(isProgress).map((progress) => progress.Status ?? '(null)');

async function until(check: () => boolean, what: string, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(5);
  }
}

describe('/v2/tppa (TPPASocket)', () => {
  let simulator: RunningSimulator;
  let client: SocketClient;
  const state = async () => (await control(simulator, 'GET', 'tppa')) as { running: boolean; step: string; readings: number; paused: boolean };
  const mountInfo = async () =>
    (await api<{ RightAscension: number; Altitude: number; Azimuth: number; TrackingEnabled: boolean }>(simulator, '/equipment/mount/info')).Response;
  const send = (message: string | Record<string, unknown>): void => client.socket.send(typeof message === 'string' ? message : JSON.stringify(message));

  beforeEach(async () => {
    simulator = await startTestSimulator({ speed: SPEED });
    client = await openSocket(simulator, '/v2/tppa');
  });
  afterEach(async () => {
    await client.close();
    await simulator.close();
  });

  it('confirms the four actions to every client, as JSON or legacy text, and ignores anything else', async () => {
    const bystander = await openSocket(simulator, '/v2/tppa');
    send('pause-alignment');
    send({ Action: 'resume-alignment' });
    send({ action: 'stop-alignment', TargetDistance: 3 });
    send('Start-Alignment');
    send('{"Action":"start-alignment","TargetDistance":"far"}');
    send({ Action: 'dance' });
    send({ Action: 'start-alignment' });
    const expected = ['paused procedure', 'resumed procedure', 'stopped procedure', 'started procedure'].map(confirmation);
    expect((await client.waitForFrames(4)).slice(0, 4)).toEqual(expected);
    expect((await bystander.waitForFrames(4)).slice(0, 4)).toEqual(expected);
    const log = (await control(simulator, 'GET', 'tppa/log')) as TppaLogEntry[];
    const received = log.filter((entry) => entry.direction === 'in').map(({ action, outcome, format }) => ({ action, outcome, format }));
    expect(received).toEqual([
      { action: 'pause-alignment', outcome: 'published', format: 'text' },
      { action: 'resume-alignment', outcome: 'published', format: 'json' },
      { action: 'stop-alignment', outcome: 'published', format: 'json' },
      { action: null, outcome: 'ignored', format: 'text' },
      { action: null, outcome: 'ignored', format: 'text' },
      { action: null, outcome: 'ignored', format: 'json' },
      { action: 'start-alignment', outcome: 'published', format: 'json' },
    ]);
    send('stop-alignment');
    await bystander.close();
  });

  it('drops the connection on JSON without an Action, as the unhandled exception does in EmbedIO', async () => {
    const bystander = await openSocket(simulator, '/v2/tppa');
    const closed = once(client.socket, 'close');
    send({ TargetDistance: 10 });
    await closed;
    bystander.socket.send('stop-alignment');
    expect(await bystander.waitForFrames(1)).toEqual([confirmation('stopped procedure')]);
    const log = (await control(simulator, 'GET', 'tppa/log')) as TppaLogEntry[];
    expect(log[0]).toMatchObject({ direction: 'in', action: null, outcome: 'connection-dropped' });
    await bystander.close();
  });

  it('measures three points with the mount moving east by TargetDistance, then reads the error after each solve until within tolerance', async () => {
    await control(simulator, 'POST', 'tppa/misalignment', { azimuthArcmin: 12, altitudeArcmin: -6 });
    const before = await mountInfo();
    send({ Action: 'start-alignment', StartFromCurrentPosition: true, TargetDistance: 15, MoveRate: 1, ExposureTime: 1, AlignmentTolerance: 1 });
    await until(() => errorsOf(client).length >= 2, 'two alignment errors');
    const statuses = statusesOf(client);
    const first = errorsOf(client)[0];
    expect(first?.AzimuthError).toBeCloseTo(0.2, 2);
    expect(first?.AltitudeError).toBeCloseTo(-0.1, 2);
    expect(first?.TotalError).toBeCloseTo(Math.hypot(0.2, 0.1), 2);
    // Newtonsoft doubles, and -1 for the indeterminate statuses.
    expect(client.frames).toContain('{"Response":{"Status":"Capturing new image to solve...","Progress":-1.0},"Error":"","StatusCode":200,"Success":true,"Type":"Socket"}');
    expect(client.frames[0]).toBe(confirmation('started procedure'));
    // Three solves before "Calculating Error", two moves between them, each followed by the settle.
    const beforeCalculation = statuses.slice(0, statuses.indexOf('Calculating Error'));
    expect(beforeCalculation.filter((status) => status === 'Solving image...')).toHaveLength(3);
    const moves = beforeCalculation.join('|').split('Moving to next point').length - 1;
    expect(moves).toBeGreaterThanOrEqual(2);
    expect(beforeCalculation.some((status) => /^Settling \d s \/ 5 s$/.test(status))).toBe(true);
    expect(beforeCalculation.some((status) => /^Exposing/.test(status))).toBe(true);
    const moving = responses(client).filter(isProgress).filter((progress) => progress.Status === 'Moving to next point');
    for (const progress of moving) expect(progress.Progress).toBeGreaterThan(0);
    const logs = (await api<{ Message: string }[]>(simulator, '/application/logs?lineCount=400')).Response.map((row) => row.Message);
    expect(logs.filter((line) => line === 'Moving axis by 1 into direction East until distance 15° is traveled')).toHaveLength(2);
    expect(logs.filter((line) => line === 'Moving Primary Telescope Axis using rate 1.')).toHaveLength(2);
    expect(logs.filter((line) => line === 'Moving Primary Telescope Axis using rate 0.')).toHaveLength(2);
    // At least the two target distances; at this speed a stalled event loop lets the axis run on a little.
    const after = await mountInfo();
    const movedDeg = ((after.RightAscension - before.RightAscension + 24) % 24) * 15;
    expect(movedDeg).toBeGreaterThanOrEqual(29);
    expect(movedDeg).toBeLessThan(60);

    await control(simulator, 'POST', 'tppa/knobs', { converge: true });
    await until(() => errorsOf(client).some((reading) => reading.TotalError * 60 <= 1), 'a reading within tolerance');
    await sleep(20);
    expect((await state()).running).toBe(false);
    // StopTrackingWhenDone.
    expect((await mountInfo()).TrackingEnabled).toBe(false);
  });

  it("slews to TPPA's default start near the pole first, and a stop ends the run without a final message", async () => {
    send({ Action: 'start-alignment', ExposureTime: 1 });
    await until(() => statusesOf(client).includes('Capturing new image to solve...'), 'the first capture');
    const info = await mountInfo();
    expect(info.Altitude).toBeCloseTo(28.7606 + 2, 1);
    expect(info.Azimuth).toBeCloseTo(1, 1);
    send('stop-alignment');
    await until(() => client.frames.includes(confirmation('stopped procedure')), 'the stop confirmation');
    await sleep(10);
    expect((await state()).running).toBe(false);
    const count = client.frames.length;
    await sleep(100);
    expect(client.frames.length).toBe(count);
  });

  it('pauses before the next solve and holds the readings until resumed', async () => {
    send({ Action: 'start-alignment', StartFromCurrentPosition: true, TargetDistance: 5, MoveRate: 3, ExposureTime: 1, AlignmentTolerance: 0 });
    await until(() => errorsOf(client).length >= 1, 'a first reading');
    send('pause-alignment');
    await until(() => statusesOf(client).includes('Paused'), 'the Paused status');
    const held = errorsOf(client).length;
    expect((await state()).paused).toBe(true);
    await sleep(150);
    expect(errorsOf(client).length).toBe(held);
    send('resume-alignment');
    await until(() => errorsOf(client).length > held, 'a reading after the resume');
    const statuses = statusesOf(client);
    expect(statuses[statuses.indexOf('Paused') + 1]).toBe('');
    send('stop-alignment');
  });

  it('points the errors by the hemisphere: in the south an axis above the pole reads a negative altitude error', async () => {
    await control(simulator, 'POST', 'mount/site', { latitudeDeg: -33.9, longitudeDeg: 18.4 });
    await control(simulator, 'POST', 'tppa/misalignment', { azimuthArcmin: 12, altitudeArcmin: 6 });
    send({ Action: 'start-alignment', StartFromCurrentPosition: true, TargetDistance: 5, MoveRate: 3, ExposureTime: 1 });
    await until(() => errorsOf(client).length >= 1, 'a reading');
    const [reading] = errorsOf(client);
    expect(reading?.AzimuthError).toBeCloseTo(0.2, 2);
    expect(reading?.AltitudeError).toBeCloseTo(-0.1, 2);
    send('stop-alignment');
  });

  it("lets the demo's person turn the knobs until the error is within tolerance", async () => {
    await control(simulator, 'POST', 'tppa', { demoKnobs: true });
    await control(simulator, 'POST', 'tppa/misalignment', { azimuthArcmin: 20, altitudeArcmin: 15 });
    send({ Action: 'start-alignment', StartFromCurrentPosition: true, TargetDistance: 5, MoveRate: 3, ExposureTime: 1, AlignmentTolerance: 1 });
    await until(() => errorsOf(client).length >= 1, 'a reading');
    await until(() => errorsOf(client).some((reading) => reading.TotalError * 60 <= 1), 'convergence', 15_000);
    const totals = errorsOf(client).map((reading) => reading.TotalError * 60);
    expect(totals[0]).toBeGreaterThan(20);
    expect(totals.length).toBeGreaterThan(3);
    await sleep(20);
    expect((await state()).running).toBe(false);
  });
});
