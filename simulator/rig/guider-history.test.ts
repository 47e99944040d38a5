import { describe, expect, it } from 'vitest';
import type { GuideStep } from './guider';
import { GuideStepsHistory, RunningRms } from './guider-history';

const step = (raPx: number, decPx: number, raMs = 0, decMs = 0): GuideStep => ({
  raDistanceRawPx: raPx,
  decDistanceRawPx: decPx,
  raDurationMs: raMs,
  decDurationMs: decMs,
});

const populationStd = (values: number[]): number => {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
};

describe('RunningRms (NINA.Core.Model.RMS)', () => {
  it('is the standard deviation about the mean, with running peaks', () => {
    const rms = new RunningRms();
    const ra = [0.3, -0.1, 0.5, 0.2];
    const dec = [-0.2, 0.1, 0.1, -0.4];
    ra.forEach((value, i) => rms.add(value, dec[i] ?? 0));
    expect(rms.raPx).toBeCloseTo(populationStd(ra), 12);
    expect(rms.decPx).toBeCloseTo(populationStd(dec), 12);
    expect(rms.totalPx).toBeCloseTo(Math.hypot(populationStd(ra), populationStd(dec)), 12);
    expect(rms.peakRaPx).toBe(0.5);
    expect(rms.peakDecPx).toBe(0.4);
    expect(rms.dataPoints).toBe(4);
  });

  it('removes points without lowering the peaks, and clears everything when the last one goes', () => {
    const rms = new RunningRms();
    rms.add(0.9, 0);
    rms.add(0.1, 0.2);
    rms.add(-0.1, -0.2);
    rms.remove(0.9, 0);
    expect(rms.raPx).toBeCloseTo(populationStd([0.1, -0.1]), 12);
    expect(rms.peakRaPx).toBe(0.9);
    rms.remove(0.1, 0.2);
    rms.remove(-0.1, -0.2);
    expect(rms).toMatchObject({ dataPoints: 0, raPx: 0, peakRaPx: 0, peakDecPx: 0 });
  });
});

describe('GuideStepsHistory (NINA.Equipment)', () => {
  it('numbers steps from 1 until a Clear, and from 0 after it', () => {
    const history = new GuideStepsHistory();
    history.addGuideStep(step(0.1, 0.1));
    history.addGuideStep(step(0.2, 0.1));
    expect(history.guideSteps.map((s) => s.id)).toEqual([1, 2]);
    history.clear();
    history.addGuideStep(step(0.1, 0.1));
    history.addDitherIndicator();
    history.addGuideStep(step(0.1, 0.1));
    expect(history.guideSteps.map((s) => s.id)).toEqual([0, 1, 2]);
  });

  it('counts every change in ChangeId: steps, dither markers, clears and rebuilds', () => {
    const history = new GuideStepsHistory(100);
    history.addGuideStep(step(0.1, 0.1));
    history.addDitherIndicator();
    history.clear();
    expect(history.changeId).toBe(3);
    history.addGuideStep(step(0.1, 0.1));
    history.scale = 'ARCSECONDS';
    expect(history.changeId).toBe(5);
    history.clear();
    history.scale = 'PIXELS';
    expect(history.changeId).toBe(6);
  });

  it('keeps the last HistorySize steps, oldest first, with the RMS of that window', () => {
    const history = new GuideStepsHistory(5);
    history.changeId = 1;
    const ra = [0.4, -0.3, 0.2, 0.1, -0.2, 0.3, 0.05];
    ra.forEach((value, i) => history.addGuideStep(step(value, -value / 2, 100 * i, -50 * i)));
    expect(history.guideSteps.map((s) => s.raDistanceRawPx)).toEqual(ra.slice(-5));
    expect(history.rms.raPx).toBeCloseTo(populationStd(ra.slice(-5)), 12);
    expect(history.maxDurationY).toBe(600);
  });

  it('marks dithers with a zero step whose Dither is 0.01, outside the RMS until the next rebuild', () => {
    const history = new GuideStepsHistory(100);
    history.addGuideStep(step(0.4, 0.2, 120, -80));
    history.addDitherIndicator();
    history.addGuideStep(step(-0.2, 0.1, -60, 40));
    const [first, marker] = history.guideSteps;
    expect(Number.isNaN(first?.dither)).toBe(true);
    expect(marker).toEqual({
      id: 2,
      raDistanceRawPx: 0,
      raDistanceRawDisplay: 0,
      raDurationMs: 0,
      decDistanceRawPx: 0,
      decDistanceRawDisplay: 0,
      decDurationMs: 0,
      dither: 0.01,
    });
    expect(history.rms.dataPoints).toBe(2);
    history.historySize = 100;
    expect(history.rms.dataPoints).toBe(3);
  });

  it('scales Display values by the pixel scale only in ARCSECONDS, and only from the next rebuild on', () => {
    const history = new GuideStepsHistory();
    history.pixelScale = 3.87;
    history.addGuideStep(step(0.5, -0.25));
    expect(history.guideSteps[0]).toMatchObject({ raDistanceRawDisplay: 0.5, decDistanceRawDisplay: -0.25 });
    history.scale = 'ARCSECONDS';
    expect(history.guideSteps[0]).toMatchObject({ raDistanceRawDisplay: 0.5 * 3.87, decDistanceRawDisplay: -0.25 * 3.87 });
    history.addGuideStep(step(0.1, 0.2));
    expect(history.guideSteps[1]).toMatchObject({ raDistanceRawDisplay: 0.1 * 3.87, decDistanceRawDisplay: 0.2 * 3.87 });
    history.pixelScale = 2;
    expect(history.guideSteps[1]?.raDistanceRawDisplay).toBe(0.1 * 3.87);
    expect(history.rms.scale).toBe(2);
  });

  it('rebuilds from the window every HistorySize changes, which resets the peaks to the window', () => {
    const history = new GuideStepsHistory(4);
    history.addGuideStep(step(2, 0));
    for (let i = 0; i < 6; i++) history.addGuideStep(step(0.1 * (i % 2 ? 1 : -1), 0));
    expect(history.guideSteps.every((s) => Math.abs(s.raDistanceRawPx) < 1)).toBe(true);
    expect(history.changeId).toBe(9);
    expect(history.rms.peakRaPx).toBeCloseTo(0.1, 12);
  });
});
