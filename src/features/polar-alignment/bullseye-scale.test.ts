import { describe, expect, it } from 'vitest';
import { BULLSEYE_EDGE_ARCMIN, bullseyePoint, bullseyeRadius } from './bullseye-scale';

describe('bullseyeRadius', () => {
  it('grows with the error and fits half an arcminute and half a degree on one target', () => {
    const radii = [0, 0.5, 1, 5, 30, BULLSEYE_EDGE_ARCMIN].map(bullseyeRadius);
    expect(radii[0]).toBe(0);
    for (let i = 1; i < radii.length; i += 1) expect(radii[i]).toBeGreaterThan(radii[i - 1]!);
    expect(radii.at(-1)).toBe(1);
    // The 1′ ring is not squeezed into the centre, nor the 30′ ring onto the rim.
    expect(bullseyeRadius(1)).toBeGreaterThan(0.2);
    expect(bullseyeRadius(30)).toBeLessThan(0.9);
  });

  it('keeps errors beyond the rim on the rim', () => {
    expect(bullseyeRadius(500)).toBe(1);
    expect(bullseyeRadius(-5)).toBe(bullseyeRadius(5));
  });
});

describe('bullseyePoint', () => {
  it('keeps the direction and maps the distance', () => {
    const point = bullseyePoint(3, 4);
    expect(Math.hypot(point.x, point.y)).toBeCloseTo(bullseyeRadius(5), 10);
    expect(point.y / point.x).toBeCloseTo(4 / 3, 10);
    expect(point.offScale).toBe(false);
    expect(bullseyePoint(-90, 0)).toEqual({ x: -1, y: 0, offScale: true });
    expect(bullseyePoint(0, 0)).toEqual({ x: 0, y: 0, offScale: false });
  });
});
