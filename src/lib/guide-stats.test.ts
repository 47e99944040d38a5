import { describe, expect, it } from 'vitest';
import { guideRms, niceCeil, robustAxisLimit, rollingTotalRms } from './guide-stats';

describe('guideRms', () => {
  it('is the population standard deviation about the mean, with the total in quadrature', () => {
    const rms = guideRms([
      { raPx: 1, decPx: 2 },
      { raPx: 3, decPx: 2 },
      { raPx: -1, decPx: -2 },
      { raPx: 1, decPx: 6 },
    ]);
    // RA: mean 1, deviations 0, 2, -2, 0 → √(8/4). Dec: mean 2, deviations 0, 0, -4, 4 → √(32/4).
    expect(rms.raPx).toBeCloseTo(Math.SQRT2, 12);
    expect(rms.decPx).toBeCloseTo(Math.sqrt(8), 12);
    expect(rms.totalPx).toBeCloseTo(Math.sqrt(10), 12);
    expect(rms.peakRaPx).toBe(3);
    expect(rms.peakDecPx).toBe(6);
    expect(rms.count).toBe(4);
  });

  it('does not count a steady offset, which guiding towards a shifted lock position is', () => {
    const rms = guideRms([
      { raPx: 2, decPx: -1 },
      { raPx: 2, decPx: -1 },
    ]);
    expect(rms.totalPx).toBe(0);
    expect(rms.peakRaPx).toBe(2);
  });

  it('skips steps without a finite distance and is all zeros with no steps', () => {
    expect(guideRms([{ raPx: Number.NaN, decPx: 1 }])).toEqual({ raPx: 0, decPx: 0, totalPx: 0, peakRaPx: 0, peakDecPx: 0, count: 0 });
    expect(guideRms([{ raPx: 1, decPx: 1 }, { raPx: Number.NaN, decPx: 5 }, { raPx: 3, decPx: 1 }]).raPx).toBeCloseTo(1, 12);
  });
});

describe('rollingTotalRms', () => {
  it('gives, for each step, the total RMS of the window ending there', () => {
    const samples = [0, 2, 0, 2, 10, 10].map((raPx) => ({ raPx, decPx: 0 }));
    const rolling = rollingTotalRms(samples, 2);
    expect(rolling).toHaveLength(6);
    expect(rolling[0]).toBe(0);
    expect(rolling[1]).toBeCloseTo(1, 12);
    expect(rolling[3]).toBeCloseTo(1, 12);
    expect(rolling[4]).toBeCloseTo(4, 12);
    expect(rolling[5]).toBeCloseTo(0, 6);
  });

  it('matches guideRms over the same window', () => {
    const samples = Array.from({ length: 50 }, (_, i) => ({ raPx: Math.sin(i * 1.7) * 0.4, decPx: Math.cos(i * 0.9) * 0.3 + 0.1 }));
    const rolling = rollingTotalRms(samples, 20);
    expect(rolling[49]).toBeCloseTo(guideRms(samples.slice(30)).totalPx, 9);
    expect(rolling[10]).toBeCloseTo(guideRms(samples.slice(0, 11)).totalPx, 9);
  });
});

describe('niceCeil', () => {
  it('rounds up to 1, 1.5, 2, 3, 4, 5, 6 or 8 times a power of ten', () => {
    expect(niceCeil(0.7)).toBe(0.8);
    expect(niceCeil(0.45)).toBe(0.5);
    expect(niceCeil(1)).toBe(1);
    expect(niceCeil(1.1)).toBe(1.5);
    expect(niceCeil(2.5)).toBe(3);
    expect(niceCeil(9)).toBe(10);
    expect(niceCeil(1200)).toBe(1500);
    expect(niceCeil(0)).toBe(0);
    expect(niceCeil(Number.NaN)).toBe(0);
  });
});

describe('robustAxisLimit', () => {
  it('ignores the odd spike once there are enough values', () => {
    const values = [...Array.from({ length: 99 }, (_, i) => (i % 2 ? 0.5 : -0.5)), 40];
    expect(robustAxisLimit(values)).toBe(0.8);
  });

  it('fits every value when there are only a few', () => {
    expect(robustAxisLimit([0.2, -3, 0.1])).toBe(4);
  });

  it('never goes below the floor', () => {
    expect(robustAxisLimit([0, 0, 0], { floor: 0.5 })).toBe(0.5);
    expect(robustAxisLimit([], { floor: 1 })).toBe(1);
  });
});
