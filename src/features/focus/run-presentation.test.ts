import { describe, expect, it } from 'vitest';
import { autofocusReportSchema } from '../../nina/schemas/focuser';
import type { AutofocusRun } from '../../store/autofocus-history';
import { formatDurationMs, runPoints, summarizeRun } from './run-presentation';

const report = autofocusReportSchema.parse({
  Filter: 'Ha',
  Temperature: 9.5,
  Fitting: 'HYPERBOLIC',
  CalculatedFocusPoint: { Position: 15_400, Value: 1.9, Error: 0 },
  MeasurePoints: [
    { Position: 15_340, Value: 2.4, Error: 0.1 },
    { Position: 15_400, Value: 1.9, Error: 0.1 },
  ],
  RSquares: { Hyperbolic: 0.98 },
});

const run = (fields: Partial<AutofocusRun>): AutofocusRun => ({
  id: 1,
  startedAtMs: 1_000,
  lastEventAtMs: 2_000,
  status: 'finished',
  joinedLate: false,
  points: [{ positionSteps: 15_400, hfr: 1.95, atMs: 1_500 }],
  ...fields,
});

describe('formatDurationMs', () => {
  it('reads like a person says it', () => {
    expect(formatDurationMs(59_982)).toBe('1 min');
    expect(formatDurationMs(42_400)).toBe('42 s');
    expect(formatDurationMs(83_456)).toBe('1 min 23 s');
    expect(formatDurationMs(120_000)).toBe('2 min');
    expect(formatDurationMs(400)).toBe('0 s');
  });
});

describe('summarizeRun and runPoints', () => {
  it('take a finished run’s figures and points from its report', () => {
    expect(summarizeRun(run({ report }))).toEqual({
      id: 1,
      atMs: 1_000,
      status: 'finished',
      filter: 'Ha',
      temperatureC: 9.5,
      positionSteps: 15_400,
      hfr: 1.9,
      rSquared: 0.98,
      pointCount: 2,
    });
    expect(runPoints(run({ report }))).toEqual([
      { positionSteps: 15_340, hfr: 2.4 },
      { positionSteps: 15_400, hfr: 1.9 },
    ]);
  });

  it('show no focus position for a failed run: NINA went back to where it started', () => {
    const summary = summarizeRun(run({ status: 'failed', report }));
    expect(summary.positionSteps).toBeUndefined();
    expect(summary.hfr).toBeUndefined();
    expect(summary.filter).toBe('Ha');
  });

  it('fall back to the live points without a report', () => {
    expect(runPoints(run({}))).toEqual([{ positionSteps: 15_400, hfr: 1.95, atMs: 1_500 }]);
    expect(summarizeRun(run({ status: 'canceled' })).pointCount).toBe(1);
  });
});
