import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../../index';
import { api, control, openSocket, startTestSimulator, type SocketClient } from '../../../testing';

type Json = Record<string, unknown>;

interface Event {
  Event: string;
  [key: string]: unknown;
}

const eventsOf = (socket: SocketClient): Event[] => socket.frames.map((frame) => (JSON.parse(frame) as { Response: Event }).Response);

async function until<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (performance.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('focuser and autofocus (Focuser.cs, notes §8)', () => {
  let simulator: RunningSimulator;
  const info = async () => (await api<{ Position: number; IsMoving: boolean; Temperature: number }>(simulator, '/equipment/focuser/info')).Response;

  beforeAll(async () => {
    simulator = await startTestSimulator();
  });
  afterAll(() => simulator.close());

  it('answers last-af with 500 "No AF available" before any run', async () => {
    expect(await api(simulator, '/equipment/focuser/last-af')).toEqual({
      Response: '',
      Error: 'No AF available',
      StatusCode: 500,
      Success: false,
      Type: 'API',
    });
  });

  it('moves at the stepper speed (not awaited), a new move cancels the last, stop-move stops it', async () => {
    const start = (await info()).Position;
    expect((await api(simulator, `/equipment/focuser/move?position=${start + 2000}`)).Response).toBe('Move started');
    const moving = await until(async () => {
      const current = await info();
      return current.IsMoving && current.Position > start ? current : undefined;
    });
    expect(moving.Position).toBeLessThan(start + 2000);
    expect((await api(simulator, `/equipment/focuser/move?position=${start}`)).Response).toBe('Move started');
    await until(async () => !(await info()).IsMoving);
    expect((await info()).Position).toBe(start);

    await api(simulator, `/equipment/focuser/move?position=${start + 3000}`);
    await until(async () => (await info()).Position > start + 50);
    expect((await api(simulator, '/equipment/focuser/stop-move')).Response).toBe('Focuser move stopped');
    const stopped = await info();
    expect(stopped.IsMoving).toBe(false);
    expect(stopped.Position).toBeLessThan(start + 3000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await info()).Position).toBe(stopped.Position);
    await api(simulator, `/equipment/focuser/move?position=${start}`);
    await until(async () => !(await info()).IsMoving);
  });

  it('runs an autofocus: STARTING, a point per frame, FINISHED; the report lands on the model best focus', async () => {
    const socket = await openSocket(simulator, '/v2/socket');
    try {
      const model = (await (await fetch(`${simulator.url}/__sim/imaging`)).json()) as { bestFocusSteps: number };
      expect(await api(simulator, '/equipment/focuser/auto-focus')).toEqual({
        Response: 'Autofocus started',
        Error: '',
        StatusCode: 200,
        Success: true,
        Type: 'API',
      });
      await until(() => eventsOf(socket).some((event) => event.Event === 'AUTOFOCUS-FINISHED'));
      const afEvents = eventsOf(socket).filter((event) => event.Event !== 'IMAGE-PREPARED');
      expect(afEvents[0]).toEqual({ Event: 'AUTOFOCUS-STARTING' });
      expect(afEvents.at(-1)).toEqual({ Event: 'AUTOFOCUS-FINISHED' });
      const points = afEvents.filter((event) => event.Event === 'AUTOFOCUS-POINT-ADDED');
      expect(points.length).toBeGreaterThanOrEqual(9);
      for (const point of points) expect(Object.keys(point).sort()).toEqual(['Event', 'HFR', 'Position']);
      // Position is DataPoint.X, a double: Newtonsoft writes it with ".0".
      expect(socket.frames.find((frame) => frame.includes('AUTOFOCUS-POINT-ADDED'))).toMatch(/"Position":\d+\.0[,}]/);
      // Each point comes from a prepared frame.
      expect(eventsOf(socket).filter((event) => event.Event === 'IMAGE-PREPARED').length).toBeGreaterThanOrEqual(points.length);

      const report = (await api<Json>(simulator, '/equipment/focuser/last-af')).Response;
      expect(Object.keys(report)).toEqual([
        'Version', 'Filter', 'AutoFocuserName', 'StarDetectorName', 'Timestamp', 'Temperature', 'Method', 'Fitting',
        'InitialFocusPoint', 'CalculatedFocusPoint', 'PreviousFocusPoint', 'MeasurePoints', 'Intersections', 'Fittings',
        'RSquares', 'BacklashCompensation', 'Duration',
      ]);
      expect(report).toMatchObject({ Version: 2, Filter: 'L', Method: 'STARHFR', Fitting: 'HYPERBOLIC', AutoFocuserName: 'NINA' });
      expect((report.InitialFocusPoint as Json).Value).toBe('NaN');
      const calculated = report.CalculatedFocusPoint as { Position: number; Value: number };
      expect(Math.abs(calculated.Position - model.bestFocusSteps)).toBeLessThan(25);
      expect(calculated.Value).toBeGreaterThan(1.2);
      expect(calculated.Value).toBeLessThan(2.5);
      const measured = report.MeasurePoints as { Position: number; Value: number; Error: number }[];
      expect(measured.map((point) => point.Position)).toEqual([...points.map((point) => point.Position as number)].sort((a, b) => a - b));
      for (const point of measured) expect(point.Error).toBeGreaterThan(0);
      expect(Object.keys(report.Intersections as Json)).toEqual(['TrendLineIntersection', 'HyperbolicMinimum', 'QuadraticMinimum', 'GaussianMaximum']);
      const fittings = report.Fittings as Record<string, string>;
      const number = String.raw`-?\d+(\.\d+)?(E[+-]\d+)?`;
      expect(fittings.Hyperbolic).toMatch(new RegExp(`^y = ${number} \\* cosh\\(asinh\\(\\(${number} - x\\) / ${number}\\)\\)$`));
      expect(fittings.Quadratic).toMatch(new RegExp(`^y = ${number} \\* x\\^2 \\+ ${number} \\* x \\+ ${number}$`));
      expect(fittings.Gaussian).toMatch(new RegExp(`^y = ${number} \\* exp\\(-1 \\* \\(x - ${number}\\) \\* \\(x - ${number}\\) / \\(2 \\* ${number} \\* ${number}\\)\\) \\+ ${number}$`));
      expect(fittings.LeftTrend).toMatch(new RegExp(`^y = -${number} \\* x \\+ ${number}$`));
      expect(fittings.RightTrend).toMatch(new RegExp(`^y = ${number} \\* x \\+ -${number}$`));
      expect((report.RSquares as { Hyperbolic: number }).Hyperbolic).toBeGreaterThan(0.95);
      expect(report.BacklashCompensation).toEqual({ BacklashCompensationModel: 'ABSOLUTE', BacklashIN: 0, BacklashOUT: 0 });
      expect(report.Duration).toMatch(/^00:0\d:\d{2}\.\d{7}$/);
      // The focuser ends at the calculated focus.
      await until(async () => !(await info()).IsMoving);
      expect((await info()).Position).toBe(calculated.Position);
    } finally {
      await socket.close();
    }
  });

  it('fails without stars: ERROR-AF from the log line, no FINISHED, no new report, the focuser back where it was', async () => {
    const previous = (await api<Json>(simulator, '/equipment/focuser/last-af')).Response;
    const start = (await info()).Position;
    const socket = await openSocket(simulator, '/v2/socket');
    try {
      await control(simulator, 'POST', 'imaging', { failNextAutofocus: true });
      expect((await api(simulator, '/equipment/focuser/auto-focus')).Response).toBe('Autofocus started');
      await until(() => eventsOf(socket).some((event) => event.Event === 'ERROR-AF'));
      const names = eventsOf(socket).map((event) => event.Event);
      expect(names[0]).toBe('AUTOFOCUS-STARTING');
      expect(names).not.toContain('AUTOFOCUS-FINISHED');
      expect((await api<Json>(simulator, '/equipment/focuser/last-af')).Response).toEqual(previous);
      const [line] = (await api<{ Message: string; Level: string }[]>(simulator, '/application/logs?lineCount=1&level=ERROR')).Response;
      expect(line?.Message).toMatch(/^Autofocus failed to run/);
      const history = (await api<Event[]>(simulator, '/event-history')).Response;
      expect(history.some((row) => row.Event === 'ERROR-AF')).toBe(true);
      await until(async () => {
        const current = await info();
        return !current.IsMoving && current.Position === start;
      });
    } finally {
      await socket.close();
    }
  });

  it('cancels an API autofocus: no ERROR-AF, the focuser returns', async () => {
    const start = (await info()).Position;
    const socket = await openSocket(simulator, '/v2/socket');
    try {
      await api(simulator, '/equipment/focuser/auto-focus');
      await until(() => eventsOf(socket).some((event) => event.Event === 'AUTOFOCUS-POINT-ADDED'));
      expect((await api(simulator, '/equipment/focuser/auto-focus?cancel=true')).Response).toBe('Autofocus canceled');
      await until(async () => {
        const current = await info();
        return !current.IsMoving && current.Position === start;
      });
      const names = eventsOf(socket).map((event) => event.Event);
      expect(names).not.toContain('ERROR-AF');
      expect(names).not.toContain('AUTOFOCUS-FINISHED');
    } finally {
      await socket.close();
    }
  });

  it('keeps the not-connected quirk: error fields with "Autofocus started", and the AF still runs (and fails)', async () => {
    await api(simulator, '/equipment/focuser/disconnect');
    const socket = await openSocket(simulator, '/v2/socket');
    try {
      expect(await api(simulator, '/equipment/focuser/auto-focus')).toEqual({
        Response: 'Autofocus started',
        Error: 'Focuser not connected',
        StatusCode: 409,
        Success: false,
        Type: 'API',
      });
      await until(() => eventsOf(socket).some((event) => event.Event === 'ERROR-AF'));
      expect(eventsOf(socket)[0]?.Event).toBe('AUTOFOCUS-STARTING');
      expect((await api(simulator, '/equipment/focuser/auto-focus?cancel=true')).Response).toBe('Autofocus canceled');
      for (const path of ['move?position=100', 'stop-move']) {
        expect(await api(simulator, `/equipment/focuser/${path}`)).toMatchObject({ Error: 'Focuser not connected', StatusCode: 409 });
      }
    } finally {
      await socket.close();
      await api(simulator, '/equipment/focuser/connect');
    }
  });
});

describe('filter wheel (FilterWheel.cs, notes §3.6)', () => {
  let simulator: RunningSimulator;
  const info = async () => (await api<Json>(simulator, '/equipment/filterwheel/info')).Response;

  beforeAll(async () => {
    // Slow enough that the wheel's 1–2 simulated seconds of IsMoving can be polled.
    simulator = await startTestSimulator({ speed: 10 });
  });
  afterAll(() => simulator.close());

  it('changes filter without waiting: IsMoving for a while, then FILTERWHEEL-CHANGED and the new filter', async () => {
    const socket = await openSocket(simulator, '/v2/socket');
    try {
      expect((await api(simulator, '/equipment/filterwheel/change-filter?filterId=4')).Response).toBe('Filter changed');
      expect(await info()).toMatchObject({ IsMoving: true, SelectedFilter: { Name: 'L', Id: 0 } });
      const [frame] = await socket.waitForFrames(1);
      expect(JSON.parse(frame ?? '')).toMatchObject({
        Response: { Event: 'FILTERWHEEL-CHANGED', Previous: { Name: 'L', Id: 0 }, New: { Name: 'Ha', Id: 4 } },
      });
      expect(await info()).toMatchObject({ IsMoving: false, SelectedFilter: { Name: 'Ha', Id: 4 } });
    } finally {
      await socket.close();
    }
  });

  it('carries the filter into every frame', async () => {
    await api(simulator, '/equipment/camera/capture?duration=1&save=true&waitForResult=true&omitImage=true');
    const item = await until(async () => (await api<Json[]>(simulator, '/image-history')).Response[0]);
    expect(item.Filter).toBe('Ha');
  });

  it('answers filter-info with the profile FilterInfo, and the 409 errors', async () => {
    const filter = (await api<Json>(simulator, '/equipment/filterwheel/filter-info?filterId=4')).Response;
    expect(Object.keys(filter)).toEqual([
      'Name', 'FocusOffset', 'Position', 'AutoFocusExposureTime', 'AutoFocusFilter', 'FlatWizardFilterSettings', 'AutoFocusBinning',
      'AutoFocusGain', 'AutoFocusOffset',
    ]);
    expect(filter).toMatchObject({ Name: 'Ha', Position: 4, FocusOffset: 27, AutoFocusBinning: { Name: '1x1', X: 1, Y: 1 } });
    expect((filter.FlatWizardFilterSettings as Json).FlatWizardMode).toBe('DYNAMICEXPOSURE');
    for (const path of ['change-filter?filterId=7', 'change-filter?filterId=-1', 'filter-info?filterId=9']) {
      expect(await api(simulator, `/equipment/filterwheel/${path}`)).toMatchObject({ Error: 'Filter not available', StatusCode: 409 });
    }
    await api(simulator, '/equipment/filterwheel/disconnect');
    try {
      expect((await api(simulator, '/equipment/filterwheel/change-filter?filterId=1')).Error).toBe('Filterwheel not connected');
      expect((await api(simulator, '/equipment/filterwheel/filter-info?filterId=1')).Error).toBe('Filterwheel not connected');
    } finally {
      await api(simulator, '/equipment/filterwheel/connect');
    }
  });
});
