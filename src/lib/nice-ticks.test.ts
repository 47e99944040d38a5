import { describe, expect, it } from 'vitest';
import { niceTicks, niceTicksFromZero } from './nice-ticks';

describe('niceTicks', () => {
  it('puts round values inside the range, no more than asked for', () => {
    expect(niceTicks(15_047, 15_653, 7)).toEqual([15_100, 15_200, 15_300, 15_400, 15_500, 15_600]);
    expect(niceTicks(15_047, 15_653, 3)).toEqual([15_200, 15_400, 15_600]);
    expect(niceTicks(0, 1, 6)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(-3.3, 2.1, 4)).toEqual([-2, 0, 2]);
  });

  it('copes with a single value or nothing sensible', () => {
    expect(niceTicks(5, 5, 4)).toEqual([5]);
    expect(niceTicks(2, 1, 4)).toEqual([]);
    expect(niceTicks(Number.NaN, 1, 4)).toEqual([]);
  });
});

describe('niceTicksFromZero', () => {
  it('ends on a round value above the data, with room to spare', () => {
    expect(niceTicksFromZero(2.16, 5)).toEqual([0, 1, 2, 3]);
    expect(niceTicksFromZero(1_320, 5)).toEqual([0, 500, 1_000, 1_500]);
    expect(niceTicksFromZero(0.9, 6)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicksFromZero(9.5, 5)).toEqual([0, 5, 10, 15]);
  });

  it('gives a unit axis when there is nothing to show', () => {
    expect(niceTicksFromZero(0, 5)).toEqual([0, 0.5, 1]);
    expect(niceTicksFromZero(Number.NaN, 5)).toEqual([0, 0.5, 1]);
  });
});
