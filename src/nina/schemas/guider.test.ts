import { describe, expect, it } from 'vitest';
import { guideRms } from '../../lib/guide-stats';
import { envelopeSchema } from './common';
import { guideGraphSchema } from './guider';
// A `guider/graph` reply recorded from the simulator: 31 guide steps, one dither marker, NINA's
// RMS block over them (PIXELS scale, 3.87″/px).
import recorded from './guider-graph.sample.json';

const parseRecorded = () => guideGraphSchema.parse(envelopeSchema.parse(recorded).Response);

describe('guideGraphSchema', () => {
  it('reads NINA’s GuideStepsHistory into steps with units, dither markers flagged', () => {
    const graph = parseRecorded();
    expect(graph.steps).toHaveLength(32);
    expect(graph.steps.filter((step) => step.dither)).toHaveLength(1);
    expect(graph.scale).toBe('PIXELS');
    expect(graph.pixelScaleArcsecPerPx).toBe(3.87);
    expect(graph.historySize).toBe(100);
    expect(typeof graph.changeId).toBe('number');
    const marker = graph.steps.find((step) => step.dither);
    expect(marker).toMatchObject({ raPx: 0, decPx: 0, raDurationMs: 0, decDurationMs: 0 });
  });

  it('computes the same RMS and peaks from the steps as NINA’s RMS block, within its rounding', () => {
    const graph = parseRecorded();
    const nina = graph.rms!;
    const ours = guideRms(graph.steps.filter((step) => !step.dither));
    expect(ours.count).toBe(nina.dataPoints);
    expect(ours.raPx).toBeCloseTo(nina.raPx, 9);
    expect(ours.decPx).toBeCloseTo(nina.decPx, 9);
    expect(ours.totalPx).toBeCloseTo(nina.totalPx, 9);
    expect(ours.peakRaPx).toBeCloseTo(nina.peakRaPx!, 9);
    expect(ours.peakDecPx).toBeCloseTo(nina.peakDecPx!, 9);
    // What NINA's text shows in arcseconds, e.g. `Tot: 0.17(0.64")`.
    const totalText = (recorded as { Response: { RMS: { TotalText: string } } }).Response.RMS.TotalText;
    expect(totalText).toContain(`(${(ours.totalPx * nina.scaleArcsecPerPx!).toFixed(2)}")`);
  });

  it('tolerates the spec’s integer Scale, a missing ChangeId and an empty history', () => {
    expect(guideGraphSchema.parse({ Scale: 1, PixelScale: 'NaN' })).toEqual({
      changeId: undefined,
      steps: [],
      rms: undefined,
      historySize: undefined,
      pixelScaleArcsecPerPx: Number.NaN,
      scale: 'ARCSECONDS',
    });
    expect(guideGraphSchema.parse({ Scale: 'SOMETHING-NEW', GuideSteps: null }).scale).toBeUndefined();
  });

  it('reads a step whose Dither key is missing as a guide step', () => {
    const graph = guideGraphSchema.parse({
      GuideSteps: [{ Id: 3, RADistanceRaw: 0.5, RADuration: -120, DECDistanceRaw: '-Infinity', DECDuration: 0, Extra: true }],
    });
    expect(graph.steps).toEqual([{ id: 3, raPx: 0.5, decPx: Number.NEGATIVE_INFINITY, raDurationMs: -120, decDurationMs: 0, dither: false }]);
  });

  it('rejects a step without an Id', () => {
    expect(guideGraphSchema.safeParse({ GuideSteps: [{ RADistanceRaw: 0, RADuration: 0, DECDistanceRaw: 0, DECDuration: 0 }] }).success).toBe(false);
  });
});
