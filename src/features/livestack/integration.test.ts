import { describe, expect, it } from 'vitest';
import type { SavedFrames } from '../../store/livestack-frames';
import { formatCounts, formatDurationS, formatIntegration, formatSubExposure, integrationOf, totalIntegration } from './integration';

const saved = (exposures: { exposureS: number; frames: number }[]): SavedFrames => ({
  target: 'M 42',
  filter: 'L',
  exposures,
  lastExposureS: exposures.at(-1)?.exposureS ?? 0,
  lastSavedAtMs: 0,
});

describe('integration time', () => {
  it('is the stack’s frames times their exposure, exact when every saved frame had the same length', () => {
    const integration = integrationOf({ kind: 'mono', frames: 24 }, saved([{ exposureS: 300, frames: 30 }]));
    expect(integration).toEqual({ seconds: 7_200, exact: true, shortestS: 300, longestS: 300 });
    expect(formatIntegration(integration)).toBe('2 h 00 min');
    expect(formatSubExposure(integration!)).toBe('300 s');
  });

  it('is an estimate from the mean exposure when the length changed during the night', () => {
    const integration = integrationOf({ kind: 'mono', frames: 4 }, saved([{ exposureS: 60, frames: 3 }, { exposureS: 120, frames: 1 }]));
    expect(integration).toMatchObject({ seconds: 300, exact: false });
    expect(formatIntegration(integration)).toBe('≈ 5 min');
    expect(formatSubExposure(integration!)).toBe('60 s–120 s');
  });

  it('is unknown without saved frames, and for a colour combination (its channels are other stacks)', () => {
    expect(integrationOf({ kind: 'mono', frames: 4 }, undefined)).toBeUndefined();
    expect(integrationOf({ kind: 'color', red: 1, green: 2, blue: 3 }, saved([{ exposureS: 60, frames: 3 }]))).toBeUndefined();
    expect(formatIntegration(undefined)).toBe('—');
  });

  it('adds up per target, and the total is an estimate if any stack’s is or is missing', () => {
    const exact = { seconds: 600, exact: true, shortestS: 60, longestS: 60 };
    expect(totalIntegration([exact, { ...exact, shortestS: 120, longestS: 120 }])).toEqual({ seconds: 1_200, exact: true, shortestS: 60, longestS: 120 });
    expect(totalIntegration([exact, undefined])).toMatchObject({ seconds: 600, exact: false });
    expect(totalIntegration([undefined])).toBeUndefined();
  });
});

describe('formatting', () => {
  it('writes durations to the second under an hour and to the minute above', () => {
    expect(formatDurationS(0)).toBe('0 s');
    expect(formatDurationS(45)).toBe('45 s');
    expect(formatDurationS(60)).toBe('1 min');
    expect(formatDurationS(750)).toBe('12 min 30 s');
    expect(formatDurationS(3_599.6)).toBe('1 h 00 min');
    expect(formatDurationS(5_430)).toBe('1 h 31 min');
    expect(formatDurationS(Number.NaN)).toBe('—');
  });

  it('writes mono and colour counts', () => {
    expect(formatCounts({ kind: 'mono', frames: 1 })).toBe('1 frame');
    expect(formatCounts({ kind: 'mono', frames: 12 })).toBe('12 frames');
    expect(formatCounts({ kind: 'color', red: 12, green: 11, blue: 10 })).toBe('R 12 · G 11 · B 10');
    expect(formatCounts(undefined)).toBe('—');
  });
});
