import { describe, expect, it } from 'vitest';
import { clockTickFormatter, temperatureAxis } from './chart-time';

describe('chart time and temperature axes', () => {
  it('shows seconds only on short spans', () => {
    const at = new Date(2026, 0, 1, 22, 5, 9).getTime();
    expect(clockTickFormatter(60_000)(at)).toBe('22:05:09');
    expect(clockTickFormatter(3_600_000)(at)).toBe('22:05');
  });

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
