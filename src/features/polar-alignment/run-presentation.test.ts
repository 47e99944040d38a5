import { describe, expect, it } from 'vitest';
import type { PolarReading, PolarRun } from '../../store/polar-history';
import { FIRST_NEWS_WAIT_MS, goalOf, phaseLabel, SILENCE_WARN_MS, silenceWarning, stepIndex, trendOf } from './run-presentation';

const reading = (totalArcmin: number, atMs = 0): PolarReading => ({ atMs, azimuthDeg: totalArcmin / 60, altitudeDeg: 0, totalDeg: totalArcmin / 60 });
const run = (patch: Partial<PolarRun> = {}): PolarRun => ({
  id: 1,
  startedAtMs: 0,
  lastEventAtMs: 0,
  endedAtMs: null,
  status: 'running',
  joinedLate: false,
  toleranceArcmin: null,
  phase: 'measuring',
  point: 1,
  readings: [],
  ...patch,
});

describe('goalOf', () => {
  it('is the tolerance sent to TPPA, or 1′ when TPPA’s own is unknown or 0', () => {
    expect(goalOf(run({ toleranceArcmin: 2 }))).toEqual({ arcmin: 2, sentToTppa: true });
    expect(goalOf(run({ toleranceArcmin: 0 }))).toEqual({ arcmin: 1, sentToTppa: false });
    expect(goalOf(run())).toEqual({ arcmin: 1, sentToTppa: false });
    expect(goalOf(undefined)).toEqual({ arcmin: 1, sentToTppa: false });
  });
});

describe('trendOf', () => {
  it('compares the last two readings, ignoring changes smaller than a reading’s scatter', () => {
    expect(trendOf([reading(5)])).toBeUndefined();
    expect(trendOf([reading(5), reading(3)])).toEqual({ direction: 'better', changeArcmin: 2 });
    expect(trendOf([reading(3), reading(5)])).toEqual({ direction: 'worse', changeArcmin: 2 });
    expect(trendOf([reading(3), reading(3.05)])?.direction).toBe('steady');
  });
});

describe('phase', () => {
  it('names the step TPPA is on', () => {
    expect(phaseLabel(undefined, { pause: 'none' })).toBe('Not running');
    expect(phaseLabel(run({ point: 2 }), { pause: 'none' })).toBe('Measuring point 2 of 3');
    expect(phaseLabel(run({ phase: 'adjusting' }), { pause: 'requested' })).toBe('Pausing…');
    expect(phaseLabel(run({ phase: 'adjusting' }), { pause: 'paused' })).toBe('Paused');
    expect(phaseLabel(run({ status: 'aligned' }), { pause: 'none' })).toBe('Aligned');
    expect(stepIndex(run({ point: 3 }))).toBe(2);
    expect(stepIndex(run({ phase: 'calculating', point: 3 }))).toBe(2);
    expect(stepIndex(run({ phase: 'adjusting' }))).toBe(3);
    expect(stepIndex(run({ point: null }))).toBeUndefined();
  });
});

describe('silenceWarning', () => {
  it('waits for TPPA’s first word after a start, then says what to check', () => {
    expect(silenceWarning(run(), { pause: 'none' }, FIRST_NEWS_WAIT_MS - 1)).toBeUndefined();
    expect(silenceWarning(run(), { pause: 'none' }, FIRST_NEWS_WAIT_MS)).toMatch(/^No word from TPPA since the start 45 s ago/);
  });

  it('warns after a long silence in a run that was talking, but not while paused or ended', () => {
    const talking = run({ readings: [reading(3)], lastEventAtMs: 1_000 });
    expect(silenceWarning(talking, { pause: 'none', lastMessageAtMs: 1_000 }, 1_000 + SILENCE_WARN_MS - 1)).toBeUndefined();
    expect(silenceWarning(talking, { pause: 'none', lastMessageAtMs: 1_000 }, 1_000 + 3 * 60_000)).toBe(
      "No word from TPPA for 3 min. It may have stopped or failed: TPPA reports that only in NINA's log.",
    );
    expect(silenceWarning(talking, { pause: 'paused', lastMessageAtMs: 1_000 }, 1_000 + 3 * 60_000)).toBeUndefined();
    expect(silenceWarning({ ...talking, status: 'stopped' }, { pause: 'none' }, 1_000 + 3 * 60_000)).toBeUndefined();
  });
});
