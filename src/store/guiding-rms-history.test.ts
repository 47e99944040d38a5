import { beforeEach, describe, expect, it } from 'vitest';
import { RMS_BLOCK_MS, RMS_HISTORY_LIMIT, useGuidingRmsHistory, type RmsSample } from './guiding-rms-history';

const steps = (count: number, amplitudePx = 0.5) => Array.from({ length: count }, (_, i) => ({ raPx: i % 2 ? amplitudePx : -amplitudePx, decPx: 0 }));
const state = () => useGuidingRmsHistory.getState();

describe('the guiding RMS history', () => {
  beforeEach(() => state().clear());

  it('sums a minute of steps into one sample, RMS about the mean as PHD2 computes it', () => {
    state().addSteps(steps(10), 3.87, 0);
    state().addSteps(steps(10), 3.87, RMS_BLOCK_MS / 2);
    expect(state().samples).toEqual([]);
    state().addSteps(steps(10), 3.87, RMS_BLOCK_MS);
    expect(state().samples).toEqual([{ atMs: RMS_BLOCK_MS, raPx: 0.5, decPx: 0, totalPx: 0.5, steps: 30, arcsecPerPx: 3.87 }]);
    expect(state().block).toBeUndefined();
  });

  it('starts a new block when the pixel scale changes, and drops a block too short to mean anything', () => {
    state().addSteps(steps(20, 1), 3.87, 0);
    state().addSteps(steps(20, 0.2), 1.5, 1_000);
    state().addSteps(steps(2, 0.2), null, 2_000);
    expect(state().samples.map((sample) => [Number(sample.totalPx.toFixed(6)), sample.arcsecPerPx, sample.steps])).toEqual([
      [1, 3.87, 20],
      [0.2, 1.5, 20],
    ]);
    state().addSteps(steps(10), 3.87, 3_000);
    expect(state().samples).toHaveLength(2);
  });

  it('stays bounded', () => {
    const sample = (atMs: number): RmsSample => ({ atMs, raPx: 0.3, decPx: 0.3, totalPx: 0.42, steps: 30, arcsecPerPx: null });
    useGuidingRmsHistory.setState({ samples: Array.from({ length: RMS_HISTORY_LIMIT }, (_, i) => sample(i)) });
    state().addSteps(steps(10), null, 0);
    state().addSteps(steps(10), null, RMS_BLOCK_MS);
    expect(state().samples).toHaveLength(RMS_HISTORY_LIMIT);
    expect(state().samples[0]!.atMs).toBe(1);
  });
});
