import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../index';
import { api, control, openSocket, startTestSimulator, type SocketClient } from '../../../testing';

/** Two-minute calibrations in well under a second, with a 10 ms margin for every simulated second. */
const SPEED = 200;
const PIXEL_SCALE = 3.87;

interface GuideInfo {
  Connected: boolean;
  State?: string;
  PixelScale: number;
  RMSError?: Record<'RA' | 'Dec' | 'Total' | 'PeakRA' | 'PeakDec', { Pixel: number; Arcseconds: number }>;
  LastGuideStep?: { RADistanceRaw: number; DECDistanceRaw: number; RADuration: number; DECDuration: number };
}

interface GraphStep {
  Id: number;
  IdOffsetLeft: number;
  IdOffsetRight: number;
  RADistanceRaw: number;
  RADistanceRawDisplay: number;
  RADuration: number;
  DECDistanceRaw: number;
  DECDistanceRawDisplay: number;
  DECDuration: number;
  Dither: number | 'NaN';
}

interface GraphRms {
  RA: number;
  Dec: number;
  Total: number;
  RAText: string;
  DecText: string;
  TotalText: string;
  PeakRAText: string;
  PeakDecText: string;
  Scale: number;
  PeakRA: number;
  PeakDec: number;
  DataPoints: number;
}

interface Graph {
  RMS: GraphRms;
  ChangeId: number;
  Interval: number;
  MaxY: number;
  MinY: number;
  MaxDurationY: number;
  MinDurationY: number;
  GuideSteps: GraphStep[];
  HistorySize: number;
  PixelScale: number;
  Scale: string;
}

const events = (frames: string[]): string[] => frames.map((frame) => (JSON.parse(frame) as { Response: { Event: string } }).Response.Event);

async function simTimeMs(simulator: RunningSimulator): Promise<number> {
  return ((await control(simulator, 'GET', 'state')) as { simTimeMs: number }).simTimeMs;
}

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const populationStd = (values: number[]): number => {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
};

describe('guider (Guider.cs, notes §3.5, §9)', () => {
  let simulator: RunningSimulator;
  let socket: SocketClient;
  const info = async (): Promise<GuideInfo> => (await api<GuideInfo>(simulator, '/equipment/guider/info')).Response;
  const graph = async (): Promise<Graph> => (await api<Graph>(simulator, '/equipment/guider/graph')).Response;
  const guiderEvents = (): string[] => events(socket.frames).filter((name) => name.startsWith('GUIDER-'));
  /** Socket frames and REST replies travel on different connections, so wait for the events to arrive. */
  const expectGuiderEvents = async (expected: string[]): Promise<void> => {
    await until(async () => (guiderEvents().length >= expected.length ? true : undefined), expected.join(', '), 2000).catch(() => undefined);
    expect(guiderEvents()).toEqual(expected);
  };
  const stepsAfter = async (count: number): Promise<Graph> =>
    until(async () => {
      const current = await graph();
      return current.GuideSteps.filter((step) => step.Dither === 'NaN').length >= count ? current : undefined;
    }, `${count} guide steps`);

  beforeAll(async () => {
    simulator = await startTestSimulator({ speed: SPEED });
  });
  afterAll(() => simulator.close());
  beforeEach(async () => {
    await api(simulator, '/equipment/guider/disconnect');
    await api(simulator, '/equipment/guider/connect');
    await control(simulator, 'POST', 'guider', { calibrated: true, scale: 'PIXELS', historySize: 100, errorScale: 1, failClearCalibration: false });
    socket = await openSocket(simulator, '/v2/socket');
  });
  afterEach(async () => {
    await api(simulator, '/equipment/guider/stop');
    await socket.close();
  });

  it('calibrates when PHD2 has no calibration: awaited for a minute or two, "Calibrating" then "Guiding", then GUIDER-START', async () => {
    await control(simulator, 'POST', 'guider', { calibrated: false });
    const states = new Set<string>();
    let replied = false;
    const started = await simTimeMs(simulator);
    const reply = api(simulator, '/equipment/guider/start').then((envelope) => {
      replied = true;
      return envelope;
    });
    while (!replied) {
      states.add((await info()).State ?? '');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await reply).toEqual({ Response: 'Guiding started', Error: '', StatusCode: 200, Success: true, Type: 'API' });
    const elapsedMs = (await simTimeMs(simulator)) - started;
    expect(elapsedMs).toBeGreaterThan(60_000);
    // Calibration takes 60–120 s; the start then waits for PHD2 to settle (up to 40 s), and a busy machine adds slack.
    expect(elapsedMs).toBeLessThan(300_000);
    // Polling can miss the short settle before the reply on a busy machine, so only the order of what was seen is fixed.
    expect([...states].join(',')).toMatch(/^(Stopped,)?(Looping,)?Calibrating(,Guiding)?$/);
    await expectGuiderEvents(['GUIDER-START']);
    expect((await info()).State).toBe('Guiding');
  });

  it('skips calibration when calibrated, and forces it with calibrate=true', async () => {
    let started = await simTimeMs(simulator);
    expect((await api(simulator, '/equipment/guider/start')).Response).toBe('Guiding started');
    expect((await simTimeMs(simulator)) - started).toBeLessThan(55_000);
    expect((await api(simulator, '/equipment/guider/stop')).Response).toBe('Guiding stopped');

    const states = new Set<string>();
    let replied = false;
    started = await simTimeMs(simulator);
    const reply = api(simulator, '/equipment/guider/start?calibrate=true').finally(() => {
      replied = true;
    });
    while (!replied) states.add((await info()).State ?? '');
    expect((await reply).Response).toBe('Guiding started');
    expect((await simTimeMs(simulator)) - started).toBeGreaterThan(60_000);
    expect(states.has('Calibrating')).toBe(true);
    await expectGuiderEvents(['GUIDER-START', 'GUIDER-STOP', 'GUIDER-START']);
  });

  it('answers a start while guiding at once (PHD2 skips it) and raises GUIDER-START again', async () => {
    await api(simulator, '/equipment/guider/start');
    const started = await simTimeMs(simulator);
    expect((await api(simulator, '/equipment/guider/start?calibrate=true')).Response).toBe('Guiding started');
    expect((await simTimeMs(simulator)) - started).toBeLessThan(10_000);
    await expectGuiderEvents(['GUIDER-START', 'GUIDER-START']);
  });

  it('fails the earlier start with Unknown error when a second start cancels it during calibration', async () => {
    await control(simulator, 'POST', 'guider', { calibrated: false });
    const first = api(simulator, '/equipment/guider/start');
    await until(async () => ((await info()).State === 'Calibrating' ? true : undefined), 'calibration');
    const second = api(simulator, '/equipment/guider/start');
    expect(await first).toEqual({ Response: '', Error: 'Unknown error', StatusCode: 500, Success: false, Type: 'API' });
    expect((await second).Response).toBe('Guiding started');
    await expectGuiderEvents(['GUIDER-START']);
  });

  it('stops with GUIDER-STOP and State "Stopped"; a stop with nothing to stop raises nothing', async () => {
    await api(simulator, '/equipment/guider/start');
    expect(await api(simulator, '/equipment/guider/stop')).toEqual({ Response: 'Guiding stopped', Error: '', StatusCode: 200, Success: true, Type: 'API' });
    expect((await info()).State).toBe('Stopped');
    expect((await api(simulator, '/equipment/guider/stop')).Response).toBe('Guiding stopped');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expectGuiderEvents(['GUIDER-START', 'GUIDER-STOP']);
  });

  it('serves the guide graph as NINA\'s GuideStepsHistory: keys, types, Ids, "NaN" Dither and pixel Display values', async () => {
    await api(simulator, '/equipment/guider/start');
    await stepsAfter(8);
    await api(simulator, '/equipment/guider/stop');
    const history = await graph();
    expect(Object.keys(history)).toEqual([
      'RMS', 'ChangeId', 'Interval', 'MaxY', 'MinY', 'MaxDurationY', 'MinDurationY', 'GuideSteps', 'HistorySize', 'PixelScale', 'Scale',
    ]);
    expect(Object.keys(history.RMS)).toEqual([
      'RA', 'Dec', 'Total', 'RAText', 'DecText', 'TotalText', 'PeakRAText', 'PeakDecText', 'Scale', 'PeakRA', 'PeakDec', 'DataPoints',
    ]);
    expect(history).toMatchObject({ Interval: 1, MaxY: 4, MinY: -4, HistorySize: 100, PixelScale: PIXEL_SCALE, Scale: 'PIXELS' });
    expect(history.MinDurationY).toBe(-history.MaxDurationY);
    expect(history.MaxDurationY).toBe(Math.max(...history.GuideSteps.map((s) => Math.max(Math.abs(s.RADuration), Math.abs(s.DECDuration)))));
    history.GuideSteps.forEach((step, i) => {
      expect(Object.keys(step)).toEqual([
        'Id', 'IdOffsetLeft', 'IdOffsetRight', 'RADistanceRaw', 'RADistanceRawDisplay', 'RADuration',
        'DECDistanceRaw', 'DECDistanceRawDisplay', 'DECDuration', 'Dither',
      ]);
      expect(step.Id).toBe(i);
      expect(step.IdOffsetLeft).toBeCloseTo(step.Id - 0.15, 12);
      expect(step.IdOffsetRight).toBeCloseTo(step.Id + 0.15, 12);
      expect(step.Dither).toBe('NaN');
      expect(step.RADistanceRawDisplay).toBe(step.RADistanceRaw);
      expect(step.DECDistanceRawDisplay).toBe(step.DECDistanceRaw);
      for (const value of [step.RADistanceRaw, step.RADuration, step.DECDistanceRaw, step.DECDuration]) expect(typeof value).toBe('number');
    });
    const last = history.GuideSteps.at(-1);
    expect((await info()).LastGuideStep).toEqual({
      RADistanceRaw: last?.RADistanceRaw,
      DECDistanceRaw: last?.DECDistanceRaw,
      RADuration: last?.RADuration,
      DECDuration: last?.DECDuration,
    });
  });

  it('increments ChangeId on every change and shows Display = raw × PixelScale in ARCSECONDS', async () => {
    await api(simulator, '/equipment/guider/start');
    const before = await stepsAfter(3);
    await control(simulator, 'POST', 'guider', { scale: 'ARCSECONDS', historySize: 20 });
    const rebuilt = await graph();
    expect(rebuilt.ChangeId).toBeGreaterThan(before.ChangeId);
    expect(rebuilt).toMatchObject({ Scale: 'ARCSECONDS', HistorySize: 20 });
    for (const step of rebuilt.GuideSteps) {
      expect(step.RADistanceRawDisplay).toBeCloseTo(step.RADistanceRaw * PIXEL_SCALE, 12);
      expect(step.DECDistanceRawDisplay).toBeCloseTo(step.DECDistanceRaw * PIXEL_SCALE, 12);
    }
    const lastId = (current: Graph): number => current.GuideSteps.at(-1)?.Id ?? -1;
    const later = await until(async () => {
      const current = await graph();
      return lastId(current) > lastId(rebuilt) ? current : undefined;
    }, 'another guide step');
    expect(later.ChangeId).toBeGreaterThanOrEqual(rebuilt.ChangeId + lastId(later) - lastId(rebuilt));
    const full = await until(async () => {
      const current = await graph();
      return lastId(current) >= 30 ? current : undefined;
    }, 'a full window');
    expect(full.GuideSteps.length).toBe(20);
    expect(full.GuideSteps[0]?.Id).toBe(lastId(full) - 19);
  });

  it('computes the RMS of the window as NINA does (standard deviation, pixels) and mirrors it in RMSError', async () => {
    expect((await graph()).GuideSteps).toEqual([]);
    await api(simulator, '/equipment/guider/start');
    await stepsAfter(20);
    await api(simulator, '/equipment/guider/stop');
    const history = await graph();
    const ra = history.GuideSteps.map((s) => s.RADistanceRaw);
    const dec = history.GuideSteps.map((s) => s.DECDistanceRaw);
    expect(history.GuideSteps[0]?.Id).toBe(0);
    const rms = history.RMS;
    expect(rms.RA).toBeCloseTo(populationStd(ra), 9);
    expect(rms.Dec).toBeCloseTo(populationStd(dec), 9);
    expect(rms.Total).toBeCloseTo(Math.hypot(populationStd(ra), populationStd(dec)), 9);
    expect(rms.PeakRA).toBe(Math.max(...ra.map(Math.abs)));
    expect(rms.PeakDec).toBe(Math.max(...dec.map(Math.abs)));
    expect(rms.DataPoints).toBe(ra.length);
    expect(rms.Scale).toBe(PIXEL_SCALE);
    expect(rms.Total * PIXEL_SCALE).toBeLessThan(2);
    const f = (value: number): string => value.toFixed(2);
    expect(history.RMS).toMatchObject({
      RAText: `RA: ${f(rms.RA)} (${f(rms.RA * PIXEL_SCALE)}")`,
      DecText: `Dec: ${f(rms.Dec)}(${f(rms.Dec * PIXEL_SCALE)}")`,
      TotalText: `Tot: ${f(rms.Total)}(${f(rms.Total * PIXEL_SCALE)}")`,
      PeakRAText: `Peak RA: ${f(rms.PeakRA)} (${f(rms.PeakRA * PIXEL_SCALE)}")`,
      PeakDecText: `Peak Dec: ${f(rms.PeakDec)} (${f(rms.PeakDec * PIXEL_SCALE)}")`,
    });
    const error = (await info()).RMSError;
    expect(error?.RA).toEqual({ Pixel: rms.RA, Arcseconds: rms.RA * PIXEL_SCALE });
    expect(error?.Total.Pixel).toBe(rms.Total);
    expect(error?.PeakDec).toEqual({ Pixel: rms.PeakDec, Arcseconds: rms.PeakDec * PIXEL_SCALE });
  });

  it('dithers: a zero marker with Dither 0.01, no steps while settling, then GUIDER-DITHER', async () => {
    await api(simulator, '/equipment/guider/start');
    await stepsAfter(3);
    // A minute of settling: long enough to look at the graph while PHD2 settles.
    await control(simulator, 'POST', 'guider/dither', { pixels: 5, settleTimeS: 60 });
    const settling = await graph();
    const marker = settling.GuideSteps.at(-1);
    expect(marker).toEqual({
      Id: marker?.Id,
      IdOffsetLeft: marker?.IdOffsetLeft,
      IdOffsetRight: marker?.IdOffsetRight,
      RADistanceRaw: 0,
      RADistanceRawDisplay: 0,
      RADuration: 0,
      DECDistanceRaw: 0,
      DECDistanceRawDisplay: 0,
      DECDuration: 0,
      Dither: 0.01,
    });
    for (let i = 0; i < 3; i++) expect((await graph()).GuideSteps.at(-1)?.Id).toBe(marker?.Id);
    await expectGuiderEvents(['GUIDER-START', 'GUIDER-DITHER']);
    await until(async () => ((await graph()).GuideSteps.at(-1)?.Dither === 'NaN' ? true : undefined), 'guide steps after the dither');
    expect((await info()).State).toBe('Guiding');
  });

  it('loses the star on demand: "LostLock" for a few frames, then GUIDER-STOP and "Stopped"', async () => {
    await api(simulator, '/equipment/guider/start');
    await control(simulator, 'POST', 'guider/lost-lock', { frames: 4 });
    await until(async () => ((await info()).State === 'LostLock' ? true : undefined), 'LostLock');
    await until(async () => ((await info()).State === 'Stopped' ? true : undefined), 'Stopped');
    await expectGuiderEvents(['GUIDER-START', 'GUIDER-STOP']);
    await expect(control(simulator, 'POST', 'guider/lost-lock', {})).rejects.toThrow('HTTP 409');
  });

  it('loses the star now and then when asked to, seeded, and never by default in tests', async () => {
    const state = (await control(simulator, 'POST', 'guider', {})) as { state: { lostLockMeanIntervalH: number | null } };
    expect(state.state.lostLockMeanIntervalH).toBeNull();
    await api(simulator, '/equipment/guider/start');
    await control(simulator, 'POST', 'guider', { lostLockMeanIntervalH: 0.005 });
    try {
      await until(async () => ((await info()).State === 'LostLock' ? true : undefined), 'a lost star');
      await expectGuiderEvents(['GUIDER-START', 'GUIDER-STOP']);
    } finally {
      await control(simulator, 'POST', 'guider', { lostLockMeanIntervalH: null });
    }
  });

  it('still marks the graph and raises GUIDER-DITHER when PHD2 is not guiding, as NINA does', async () => {
    await control(simulator, 'POST', 'guider/dither', {});
    await expectGuiderEvents(['GUIDER-DITHER']);
    expect((await graph()).GuideSteps.map((step) => step.Dither)).toEqual([0.01]);
  });

  it('rejects test-control settings NINA cannot have', async () => {
    await expect(control(simulator, 'POST', 'guider', { scale: 'DEGREES' })).rejects.toThrow('HTTP 400');
    await expect(control(simulator, 'POST', 'guider', { historySize: 0 })).rejects.toThrow('HTTP 400');
  });

  it('starts and stops through the test controls without waiting', async () => {
    await control(simulator, 'POST', 'guider/start', {});
    expect(['Looping', 'Guiding']).toContain((await info()).State);
    await until(async () => (guiderEvents().includes('GUIDER-START') ? true : undefined), 'GUIDER-START');
    await control(simulator, 'POST', 'guider/stop', {});
    await until(async () => (guiderEvents().includes('GUIDER-STOP') ? true : undefined), 'GUIDER-STOP');
    expect((await info()).State).toBe('Stopped');
  });

  it('clears the calibration (Success is the result), so the next start calibrates', async () => {
    expect(await api(simulator, '/equipment/guider/clear-calibration')).toEqual({
      Response: 'Calibration cleared',
      Error: '',
      StatusCode: 200,
      Success: true,
      Type: 'API',
    });
    const started = await simTimeMs(simulator);
    await api(simulator, '/equipment/guider/start');
    expect((await simTimeMs(simulator)) - started).toBeGreaterThan(60_000);
    await control(simulator, 'POST', 'guider', { failClearCalibration: true });
    expect(await api(simulator, '/equipment/guider/clear-calibration')).toEqual({
      Response: 'Calibration cleared',
      Error: '',
      StatusCode: 200,
      Success: false,
      Type: 'API',
    });
  });
});

describe('guider while disconnected', () => {
  let simulator: RunningSimulator;
  beforeAll(async () => {
    simulator = await startTestSimulator({ speed: SPEED });
    await api(simulator, '/equipment/guider/disconnect');
  });
  afterAll(() => simulator.close());

  it('answers 409 "Guider not connected" to start, stop and clear-calibration', async () => {
    for (const action of ['start?calibrate=true', 'stop', 'clear-calibration']) {
      expect(await api(simulator, `/equipment/guider/${action}`)).toEqual({
        Response: '',
        Error: 'Guider not connected',
        StatusCode: 409,
        Success: false,
        Type: 'API',
      });
    }
  });

  it('still serves the graph, and info without State or RMSError', async () => {
    const { Response: history, Success } = await api<Graph>(simulator, '/equipment/guider/graph');
    expect(Success).toBe(true);
    expect(history).toMatchObject({ GuideSteps: [], HistorySize: 100, Scale: 'PIXELS', MaxDurationY: 1, MinDurationY: -1 });
    const { Response: guider } = await api<GuideInfo>(simulator, '/equipment/guider/info');
    expect(guider).toMatchObject({ Connected: false, PixelScale: 0 });
    expect(guider).not.toHaveProperty('State');
    expect(guider).not.toHaveProperty('RMSError');
  });
});
