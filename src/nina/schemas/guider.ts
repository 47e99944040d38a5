import { z } from 'zod';
import { maybe, ninaNumber } from './common';

/**
 * `GET /equipment/guider/graph`: NINA's own GuideStepsHistory (notes §9, §16a.10). Parsed into
 * domain types with units in the names; distances are always the raw pixels, because the
 * `*Display` copies depend on NINA's graph setting and keep stale values until NINA rebuilds.
 * (`guider/info` is `guiderInfoSchema` in equipment.ts, shared with the equipment snapshot.)
 */

/** NINA's graph unit, a UI setting in NINA: names on the wire, an integer in the spec. */
export type NinaGuideScale = 'PIXELS' | 'ARCSECONDS';

const scaleSchema = z.union([z.string(), z.number()]).transform((value): NinaGuideScale | undefined => {
  if (value === 'PIXELS' || value === 0) return 'PIXELS';
  if (value === 'ARCSECONDS' || value === 1) return 'ARCSECONDS';
  return undefined;
});

export interface GuideStep {
  /** NINA's step counter; it restarts at 0 when NINA clears the graph. */
  id: number;
  /** Distance from the lock position, px; for PHD2 the RA sign is PHD2's negated (notes §3.5). */
  raPx: number;
  decPx: number;
  /** Correction pulses, ms, signed by direction (East and South negative). */
  raDurationMs: number;
  decDurationMs: number;
  /** A dither marker NINA inserts into the graph, not a guide step (all zeros on the wire). */
  dither: boolean;
}

const guideStepSchema = z
  .object({
    Id: z.number(),
    RADistanceRaw: ninaNumber,
    RADuration: ninaNumber,
    DECDistanceRaw: ninaNumber,
    DECDuration: ninaNumber,
    // "NaN" on guide steps, 0.01 on dither markers.
    Dither: maybe(ninaNumber),
  })
  .transform(
    (step): GuideStep => ({
      id: step.Id,
      raPx: step.RADistanceRaw,
      decPx: step.DECDistanceRaw,
      raDurationMs: step.RADuration,
      decDurationMs: step.DECDuration,
      dither: step.Dither !== undefined && Number.isFinite(step.Dither),
    }),
  );

/** NINA's RMS block over its own window, in px; `scaleArcsecPerPx` turns it into arcseconds. */
export interface NinaGuideRms {
  raPx: number;
  decPx: number;
  totalPx: number;
  peakRaPx?: number;
  peakDecPx?: number;
  scaleArcsecPerPx?: number;
  dataPoints?: number;
}

const rmsSchema = z
  .object({
    RA: ninaNumber,
    Dec: ninaNumber,
    Total: ninaNumber,
    PeakRA: maybe(ninaNumber),
    PeakDec: maybe(ninaNumber),
    Scale: maybe(ninaNumber),
    DataPoints: maybe(z.number()),
  })
  .transform(
    (rms): NinaGuideRms => ({
      raPx: rms.RA,
      decPx: rms.Dec,
      totalPx: rms.Total,
      peakRaPx: rms.PeakRA,
      peakDecPx: rms.PeakDec,
      scaleArcsecPerPx: rms.Scale,
      dataPoints: rms.DataPoints,
    }),
  );

export interface GuideGraph {
  /** Increments on every change of NINA's graph; absent from older plugins. */
  changeId?: number;
  /** Oldest first. */
  steps: GuideStep[];
  rms?: NinaGuideRms;
  /** How many steps NINA keeps in its window (the user's choice in NINA: 50 to 400). */
  historySize?: number;
  pixelScaleArcsecPerPx?: number;
  scale?: NinaGuideScale;
}

export const guideGraphSchema = z
  .object({
    RMS: maybe(rmsSchema),
    ChangeId: maybe(z.number()),
    GuideSteps: maybe(z.array(guideStepSchema)),
    HistorySize: maybe(z.number()),
    PixelScale: maybe(ninaNumber),
    Scale: maybe(scaleSchema),
  })
  .transform(
    (graph): GuideGraph => ({
      changeId: graph.ChangeId,
      steps: graph.GuideSteps ?? [],
      rms: graph.RMS,
      historySize: graph.HistorySize,
      pixelScaleArcsecPerPx: graph.PixelScale,
      scale: graph.Scale,
    }),
  );
