import { QueryClient } from '@tanstack/react-query';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAlertsStore } from '../../store/alerts';
import { useAutofocusHistory } from '../../store/autofocus-history';
import { ninaKeys } from '../api/keys';
import { NinaError } from '../errors';
import type { NinaHttp } from '../http';
import { parseSocketFrame, type NinaEvent } from '../schemas/events';
import { createAutofocusConsumer } from './autofocus';

const BASE = 'http://nina:1888';

/** A live /v2/socket event, parsed as the event sync parses it. */
function event(response: Record<string, unknown>): NinaEvent {
  const frame = parseSocketFrame(JSON.stringify({ Response: response, Error: '', StatusCode: 200, Success: true, Type: 'Socket' }));
  if (frame.kind !== 'event') throw new Error('not an event');
  return frame.event;
}

const starting = () => event({ Event: 'AUTOFOCUS-STARTING' });
const point = (position: number, hfr: number | 'NaN') => event({ Event: 'AUTOFOCUS-POINT-ADDED', HFR: hfr, Position: position });
const finished = () => event({ Event: 'AUTOFOCUS-FINISHED' });
const failed = () => event({ Event: 'ERROR-AF' });

function report(timestamp: string, positionSteps: number) {
  return {
    Filter: 'L',
    Timestamp: timestamp,
    Temperature: 11.8,
    Fitting: 'HYPERBOLIC',
    CalculatedFocusPoint: { Position: positionSteps, Value: 1.7, Error: 0 },
    MeasurePoints: [{ Position: positionSteps, Value: 1.7, Error: 0.1 }],
    Fittings: { Hyperbolic: `y = 1.7 * cosh(asinh((${positionSteps} - x) / 80))` },
    RSquares: { Hyperbolic: 0.99 },
    Duration: '00:01:00',
  };
}

const noAf = () => new NinaError({ kind: 'nina', path: '/equipment/focuser/last-af', statusCode: 500, ninaError: 'No AF available', message: 'No AF available' });

/** last-af answers from a script, one entry per call (the last one repeats). */
function fakeNina(replies: (() => unknown)[]) {
  let calls = 0;
  const http: NinaHttp = {
    baseUrl: BASE,
    get: async (path, schema) => {
      if (path !== '/equipment/focuser/last-af') throw new Error(`unexpected ${path}`);
      const reply = replies[Math.min(calls, replies.length - 1)] as () => unknown;
      calls += 1;
      return schema.parse(reply());
    },
    getBlob: () => Promise.reject(new Error('no images here')),
  };
  return { http, calls: () => calls };
}

const runs = () => useAutofocusHistory.getState().runs;
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the autofocus consumer', () => {
  beforeEach(() => {
    useAutofocusHistory.getState().reset();
    useAlertsStore.getState().clear();
  });

  it('follows a run: its start, each point as it comes, its end, then NINA’s report', async () => {
    const nina = fakeNina([
      () => {
        throw noAf();
      },
      () => report('2025-07-20T23:10:00+02:00', 15354),
    ]);
    const queryClient = new QueryClient();
    const consume = createAutofocusConsumer({ reportRetryDelayMs: 0 });
    const context = { http: nina.http, queryClient };

    consume([starting()], context);
    expect(runs()).toHaveLength(1);
    expect(runs()[0]).toMatchObject({ status: 'running', joinedLate: false, points: [] });

    consume([point(15560, 4.5)], context);
    consume([point(15500, 3.4), point(15440, 'NaN')], context);
    expect(runs()[0]!.points.map((p) => [p.positionSteps, p.hfr])).toEqual([
      [15560, 4.5],
      [15500, 3.4],
      [15440, undefined],
    ]);

    consume([finished()], context);
    expect(runs()[0]!.status).toBe('finished');
    await vi.waitFor(() => expect(runs()[0]!.report?.calculatedFocusPoint.positionSteps).toBe(15354));
    expect(queryClient.getQueryData(ninaKeys.lastAutofocus(BASE))).toMatchObject({ calculatedFocusPoint: { positionSteps: 15354 } });
    expect(useAlertsStore.getState().alerts.map((alert) => alert.title)).toEqual(['Autofocus finished at 15,354 steps']);
  });

  it('has the focuser read again on each autofocus event, since the run moves it', () => {
    const nina = fakeNina([() => report('2025-07-20T23:10:00+02:00', 15354)]);
    const queryClient = new QueryClient();
    const key = ninaKeys.deviceInfo(BASE, 'focuser');
    queryClient.setQueryData(key, { Connected: true, Position: 15_000 });
    const consume = createAutofocusConsumer({ reportRetryDelayMs: 0 });
    consume([event({ Event: 'GUIDER-DITHER' })], { http: nina.http, queryClient });
    expect(queryClient.getQueryState(key)?.isInvalidated).toBe(false);
    consume([point(15_060, 2.5)], { http: nina.http, queryClient });
    expect(queryClient.getQueryState(key)?.isInvalidated).toBe(true);
  });

  it('waits for a new report when the newest one is still from before the run', async () => {
    const old = () => report('2025-07-20T22:00:00+02:00', 15300);
    const nina = fakeNina([old, old, old, () => report('2025-07-20T23:10:00+02:00', 15354)]);
    const consume = createAutofocusConsumer({ reportRetryDelayMs: 0, reportAttempts: 4 });
    const context = { http: nina.http, queryClient: new QueryClient() };
    consume([starting()], context);
    await settle();
    consume([finished()], context);
    await vi.waitFor(() => expect(runs()[0]!.report?.calculatedFocusPoint.positionSteps).toBe(15354));
    expect(nina.calls()).toBe(4);
  });

  it('says so when NINA never writes a report for a finished run', async () => {
    const old = () => report('2025-07-20T22:00:00+02:00', 15300);
    const nina = fakeNina([old]);
    const consume = createAutofocusConsumer({ reportRetryDelayMs: 0, reportAttempts: 3 });
    const context = { http: nina.http, queryClient: new QueryClient() };
    consume([starting()], context);
    await settle();
    consume([finished()], context);
    await vi.waitFor(() => expect(runs()[0]!.reportProblem).toBe('NINA’s newest autofocus report is still the one from before this run'));
    expect(runs()[0]!.report).toBeUndefined();
    expect(useAlertsStore.getState().alerts).toEqual([]);
  });

  it('marks a failed run, asking once for a report it may not have written', async () => {
    const old = () => report('2025-07-20T22:00:00+02:00', 15300);
    const nina = fakeNina([old]);
    const consume = createAutofocusConsumer({ reportRetryDelayMs: 0 });
    const context = { http: nina.http, queryClient: new QueryClient() };
    consume([starting(), point(15560, 0)], context);
    await settle();
    consume([failed()], context);
    expect(runs()[0]!.status).toBe('failed');
    await vi.waitFor(() => expect(runs()[0]!.reportProblem).toBe('NINA wrote no report for this run'));
    expect(nina.calls()).toBe(2);
  });

  it('keeps the report of a failed run that wrote one (a fit below NINA’s R² threshold), without a success alert', async () => {
    const nina = fakeNina([() => report('2025-07-20T22:00:00+02:00', 15300), () => report('2025-07-20T23:10:00+02:00', 15420)]);
    const consume = createAutofocusConsumer({ reportRetryDelayMs: 0 });
    const context = { http: nina.http, queryClient: new QueryClient() };
    consume([starting()], context);
    await settle();
    consume([failed()], context);
    await vi.waitFor(() => expect(runs()[0]!.report?.calculatedFocusPoint.positionSteps).toBe(15420));
    expect(runs()[0]!.status).toBe('failed');
    expect(useAlertsStore.getState().alerts).toEqual([]);
  });

  it('records a run it joined late, and closes a run whose end it never heard of', async () => {
    const nina = fakeNina([() => report('2025-07-20T23:10:00+02:00', 15354)]);
    const consume = createAutofocusConsumer({ reportRetryDelayMs: 0 });
    const context = { http: nina.http, queryClient: new QueryClient() };
    consume([point(15400, 2.2), point(15340, 1.8)], context);
    expect(runs()).toHaveLength(1);
    expect(runs()[0]).toMatchObject({ status: 'running', joinedLate: true });

    consume([starting()], context);
    expect(runs().map((run) => run.status)).toEqual(['unfinished', 'running']);
    await settle();
  });

  it('reads a report for a run whose start it missed by comparing with the reports it already has', async () => {
    const first = () => report('2025-07-20T22:00:00+02:00', 15300);
    const nina = fakeNina([
      () => {
        throw noAf();
      },
      first,
      first,
      () => report('2025-07-20T23:10:00+02:00', 15354),
    ]);
    const consume = createAutofocusConsumer({ reportRetryDelayMs: 0 });
    const context = { http: nina.http, queryClient: new QueryClient() };
    consume([starting()], context);
    await settle();
    consume([finished()], context);
    await vi.waitFor(() => expect(runs()[0]!.report?.calculatedFocusPoint.positionSteps).toBe(15300));
    // Second run, seen only from its last point on.
    consume([point(15360, 1.7), finished()], context);
    await vi.waitFor(() => expect(runs()[1]!.report?.calculatedFocusPoint.positionSteps).toBe(15354));
    expect(runs()[1]!.joinedLate).toBe(true);
  });
});
