import { describe, expect, it } from 'vitest';
import { elapsedTick, errorAxis, errorTick } from './convergence-axis';

describe('errorAxis', () => {
  it('spans the readings and the goal on round ticks, at least a decade tall', () => {
    expect(errorAxis([42, 12, 3, 0.8], 1)).toEqual({ domain: [0.5, 60], ticks: [0.5, 1, 2, 5, 10, 30, 60] });
    expect(errorAxis([1.5, 1.2], 1)).toEqual({ domain: [0.1, 2], ticks: [0.1, 0.25, 0.5, 1, 2] });
  });

  it('puts a perfect reading on the floor instead of breaking the log scale', () => {
    expect(errorAxis([0, 2], 1).domain[0]).toBe(0.05);
  });
});

describe('ticks', () => {
  it('labels angles in ° ′ ″ and time as m:ss', () => {
    expect([0.5, 5, 60, 120].map(errorTick)).toEqual(['30″', '5′', '1°', '2°']);
    expect(elapsedTick(45_000)).toBe('0:45');
    expect(elapsedTick(723_400)).toBe('12:03');
  });
});
