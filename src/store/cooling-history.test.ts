import { beforeEach, describe, expect, it } from 'vitest';
import { COOLING_HISTORY_LIMIT, COOLING_SAMPLE_MS, useCoolingHistory, type CoolingSample } from './cooling-history';

const sample = (atMs: number): CoolingSample => ({ atMs, temperatureC: -10, setPointC: -10, powerPercent: 60, coolerOn: true });

describe('the cooling history store', () => {
  beforeEach(() => useCoolingHistory.getState().clear());

  it('keeps at most one sample per interval, however often the camera is polled', () => {
    for (let atMs = 0; atMs <= 3 * COOLING_SAMPLE_MS; atMs += 1_000) useCoolingHistory.getState().addSample(sample(atMs));
    expect(useCoolingHistory.getState().samples.map((s) => s.atMs)).toEqual([0, COOLING_SAMPLE_MS, 2 * COOLING_SAMPLE_MS, 3 * COOLING_SAMPLE_MS]);
  });

  it('stays bounded', () => {
    useCoolingHistory.setState({ samples: Array.from({ length: COOLING_HISTORY_LIMIT }, (_, i) => sample(i * COOLING_SAMPLE_MS)) });
    for (let i = COOLING_HISTORY_LIMIT; i < COOLING_HISTORY_LIMIT + 5; i += 1) useCoolingHistory.getState().addSample(sample(i * COOLING_SAMPLE_MS));
    const { samples } = useCoolingHistory.getState();
    expect(samples).toHaveLength(COOLING_HISTORY_LIMIT);
    expect(samples[0]!.atMs).toBe(5 * COOLING_SAMPLE_MS);
  });
});
