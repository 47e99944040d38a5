import { describe, expect, it } from 'vitest';
import type { GuideStep } from './guider';
import { GuideStarTracking } from './guider-tracking';
import { SeededRandom } from './random';

const PIXEL_SCALE = 3.87;

function guideFor(frames: number, seed = 1, errorScale = 1): GuideStep[] {
  const tracking = new GuideStarTracking(new SeededRandom(seed), PIXEL_SCALE);
  tracking.errorScale = errorScale;
  return Array.from({ length: frames }, () => tracking.guide());
}

const rmsArcsec = (values: number[]): number => {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length) * PIXEL_SCALE;
};

describe('GuideStarTracking', () => {
  it('guides a typical night at 0.5–1" total RMS over twenty minutes, for any seed', () => {
    for (const seed of [1, 2, 3, 7, 42]) {
      const steps = guideFor(600, seed);
      const total = Math.hypot(rmsArcsec(steps.map((s) => s.raDistanceRawPx)), rmsArcsec(steps.map((s) => s.decDistanceRawPx)));
      expect(total, `seed ${seed}`).toBeGreaterThan(0.5);
      expect(total, `seed ${seed}`).toBeLessThan(1);
    }
  });

  it('pulses against the error: after NINA negates RA, each duration has the opposite sign of its distance', () => {
    const steps = guideFor(300);
    const pulsed = steps.filter((s) => s.raDurationMs !== 0 && s.decDurationMs !== 0);
    expect(pulsed.length).toBeGreaterThan(20);
    for (const s of steps) {
      if (s.raDurationMs !== 0) expect(Math.sign(s.raDurationMs)).toBe(-Math.sign(s.raDistanceRawPx));
      if (s.decDurationMs !== 0) expect(Math.sign(s.decDurationMs)).toBe(-Math.sign(s.decDistanceRawPx));
      expect(Number.isInteger(s.raDurationMs) && Number.isInteger(s.decDurationMs)).toBe(true);
    }
  });

  it('is reproducible from the seed and still at error scale 0', () => {
    expect(guideFor(50, 9)).toEqual(guideFor(50, 9));
    expect(guideFor(50, 9)).not.toEqual(guideFor(50, 10));
    for (const s of guideFor(50, 9, 0)) expect(s).toEqual({ raDistanceRawPx: -0, decDistanceRawPx: 0, raDurationMs: 0, decDurationMs: 0 });
  });

  it('brings the star back to a dithered lock position within a few frames', () => {
    const tracking = new GuideStarTracking(new SeededRandom(3), PIXEL_SCALE);
    tracking.shiftLock(4, -3);
    expect(tracking.distancePx()).toBeCloseTo(5, 9);
    const first = tracking.guide();
    expect(first.raDistanceRawPx).toBeGreaterThan(3);
    expect(first.raDurationMs).toBeLessThan(-1000);
    for (let i = 0; i < 5; i++) tracking.guide();
    expect(tracking.distancePx()).toBeLessThan(0.5);
  });
});
