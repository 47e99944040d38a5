import { describe, expect, it } from 'vitest';
import { lttb, minMax } from './downsample';

const series = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => ({ x: i, y: f(i) }));

describe('lttb', () => {
  it('returns the input when it already fits', () => {
    const points = series(10, (i) => i);
    expect(lttb(points, 20)).toEqual(points);
  });

  it('keeps the first and last points and exactly the threshold count', () => {
    const points = series(10_000, (i) => Math.sin(i / 100));
    const sampled = lttb(points, 500);
    expect(sampled).toHaveLength(500);
    expect(sampled[0]).toBe(points[0]);
    expect(sampled.at(-1)).toBe(points.at(-1));
    for (let i = 1; i < sampled.length; i += 1) expect(sampled[i]!.x).toBeGreaterThan(sampled[i - 1]!.x);
  });

  it('keeps a lone spike', () => {
    const points = series(5_000, (i) => (i === 2_345 ? 100 : 0));
    expect(lttb(points, 100).some((p) => p.y === 100)).toBe(true);
  });
});

describe('minMax', () => {
  it('never returns more than the threshold and keeps both extremes of each bucket', () => {
    const points = series(10_000, (i) => (i === 7_777 ? -50 : i === 1_234 ? 80 : Math.cos(i)));
    const sampled = minMax(points, 300);
    expect(sampled.length).toBeLessThanOrEqual(300);
    expect(sampled.some((p) => p.y === -50)).toBe(true);
    expect(sampled.some((p) => p.y === 80)).toBe(true);
  });
});
