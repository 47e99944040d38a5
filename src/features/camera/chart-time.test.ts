import { describe, expect, it } from 'vitest';
import { temperatureAxis } from './chart-time';

describe('the temperature axis', () => {
  it('gives a steady camera a few whole degrees around it, with even ticks', () => {
    expect(temperatureAxis([-10.1, -10, -9.9])).toEqual({ domain: [-12, -8], ticks: [-12, -11, -10, -9, -8] });
  });

  it('covers a whole ramp with evenly spaced ticks', () => {
    const { domain, ticks } = temperatureAxis([15, 3, -10]);
    expect(domain[0]).toBeLessThanOrEqual(-10);
    expect(domain[1]).toBeGreaterThanOrEqual(15);
    const steps = new Set(ticks.slice(1).map((tick, i) => tick - ticks[i]!));
    expect(steps.size).toBe(1);
  });
});
