import { describe, expect, it } from 'vitest';
import type { GuideStep } from '../../nina/schemas/guider';
import { axisDecimals, buildGraphModel, formatGuideValue, symmetricTicks, unitFactor } from './graph-data';

const step = (id: number, raPx: number, decPx: number, extra: Partial<GuideStep> = {}): GuideStep => ({
  id,
  raPx,
  decPx,
  raDurationMs: raPx * -400,
  decDurationMs: decPx * -400,
  dither: false,
  ...extra,
});
const marker = (id: number): GuideStep => ({ id, raPx: 0, decPx: 0, raDurationMs: 0, decDurationMs: 0, dither: true });

describe('buildGraphModel', () => {
  const steps = [step(0, 0.1, -0.2), step(1, 0.3, 0.1), marker(2), step(3, -0.25, 0.05)];

  it('scales pixels to arcseconds by the pixel scale and keeps dither markers out of the traces', () => {
    const model = buildGraphModel(steps, { unit: 'arcsec', arcsecPerPx: 4, yScale: 'auto', maxPoints: 500 });
    expect(model.rows.map((row) => row.id)).toEqual([0, 1, 3]);
    expect(model.rows[1]).toEqual({ id: 1, ra: 1.2, dec: 0.4, raMs: -120, decMs: -40 });
    expect(model.ditherIds).toEqual([2]);
    expect(model.firstId).toBe(0);
    expect(model.lastId).toBe(3);
  });

  it('draws pixels as they are', () => {
    const model = buildGraphModel(steps, { unit: 'px', arcsecPerPx: 4, yScale: 'auto', maxPoints: 500 });
    expect(model.rows[1]?.ra).toBe(0.3);
  });

  it('turns an arcsecond preset into pixels with the pixel scale', () => {
    expect(buildGraphModel(steps, { unit: 'arcsec', arcsecPerPx: 4, yScale: 2, maxPoints: 500 }).yLimit).toBe(2);
    expect(buildGraphModel(steps, { unit: 'px', arcsecPerPx: 4, yScale: 2, maxPoints: 500 }).yLimit).toBe(0.5);
  });

  it('scales itself to the bulk of the steps, not to one spike, and not below ±0.5″', () => {
    const calm = Array.from({ length: 100 }, (_, i) => step(i, i % 2 ? 0.3 : -0.3, 0.1));
    calm[50] = step(50, 12, 0);
    expect(buildGraphModel(calm, { unit: 'arcsec', arcsecPerPx: 1, yScale: 'auto', maxPoints: 500 }).yLimit).toBe(0.5);
    const wide = calm.map((s) => ({ ...s, raPx: s.raPx * 5 }));
    expect(buildGraphModel(wide, { unit: 'arcsec', arcsecPerPx: 1, yScale: 'auto', maxPoints: 500 }).yLimit).toBe(2);
  });

  it('falls back to the auto scale in pixels when NINA has no pixel scale', () => {
    const model = buildGraphModel(steps, { unit: 'px', arcsecPerPx: 0, yScale: 4, maxPoints: 500 });
    expect(model.yLimit).toBe(0.4);
  });

  it('never hands the chart more points than it has pixels, and keeps the spikes', () => {
    const many = Array.from({ length: 400 }, (_, i) => step(i, Math.sin(i / 7) * 0.2, Math.cos(i / 5) * 0.2));
    many[123] = step(123, 3, 0);
    many[321] = step(321, 0, -2.5);
    const model = buildGraphModel(many, { unit: 'px', arcsecPerPx: 1, yScale: 'auto', maxPoints: 120 });
    expect(model.rows.length).toBeLessThanOrEqual(120);
    expect(model.rows.map((row) => row.id)).toEqual(expect.arrayContaining([123, 321]));
    expect(model.rows.map((row) => row.id)).toEqual([...model.rows.map((row) => row.id)].sort((a, b) => a - b));
  });

  it('gives the correction axis a nice limit around the longest pulse', () => {
    const model = buildGraphModel([step(0, 1, 0, { raDurationMs: -730 })], { unit: 'px', arcsecPerPx: 1, yScale: 'auto', maxPoints: 10 });
    expect(model.durationLimitMs).toBe(800);
    expect(buildGraphModel([], { unit: 'px', arcsecPerPx: 1, yScale: 'auto', maxPoints: 10 }).durationLimitMs).toBe(100);
  });
});

describe('helpers', () => {
  it('unitFactor is the pixel scale for arcseconds, 1 for pixels or without a scale', () => {
    expect(unitFactor('arcsec', 3.87)).toBe(3.87);
    expect(unitFactor('px', 3.87)).toBe(1);
    expect(unitFactor('arcsec', Number.NaN)).toBe(1);
  });

  it('ticks are symmetric and decimals follow the scale', () => {
    expect(symmetricTicks(2)).toEqual([-2, -1, 0, 1, 2]);
    expect(axisDecimals(16)).toBe(0);
    expect(axisDecimals(2)).toBe(0);
    expect(axisDecimals(3)).toBe(1);
    expect(axisDecimals(1.5)).toBe(2);
    expect(axisDecimals(0.5)).toBe(2);
    expect(axisDecimals(0.3)).toBe(2);
  });

  it('formats values with their unit and a real minus', () => {
    expect(formatGuideValue(0.444, 'arcsec')).toBe('0.44″');
    expect(formatGuideValue(-0.114, 'px')).toBe('−0.11 px');
    expect(formatGuideValue(-0.001, 'px')).toBe('0.00 px');
    expect(formatGuideValue(undefined, 'px')).toBe('—');
  });
});
