import { z } from 'zod';
import { maybe, ninaNumber } from './common';

/**
 * Camera replies beyond `camera/info` (which lives with the other device infos in equipment.ts):
 * the statistics of the last API capture and NINA's PlateSolveResult (notes §6.1, §6.2).
 */

/**
 * `capture/statistics`: measured on the stretched preview NINA wrote for the last API capture
 * (temp.png, reloaded as 16 bit), not on the raw frame, so Mean and Median are preview levels.
 */
export const captureStatisticsSchema = z.object({
  Stars: z.number(),
  HFR: ninaNumber,
  Median: maybe(ninaNumber),
  MedianAbsoluteDeviation: maybe(ninaNumber),
  Mean: maybe(ninaNumber),
  Max: maybe(ninaNumber),
  Min: maybe(ninaNumber),
  StDev: maybe(ninaNumber),
});
export type CaptureStatistics = z.infer<typeof captureStatisticsSchema>;

const solvedCoordinatesSchema = z.object({
  /** Hours. */
  RA: ninaNumber,
  RADegrees: maybe(ninaNumber),
  Dec: ninaNumber,
  RAString: maybe(z.string()),
  DecString: maybe(z.string()),
  /** A name here (STJ); the spec's integer is wrong (notes §16a.12). */
  Epoch: maybe(z.union([z.string(), z.number()])),
});

/**
 * NINA's PlateSolveResult as STJ writes it: `Pixscale`, not the spec's `PixelScale` (notes §6.1,
 * §16a.12). A failed solve still answers Success:true in the envelope, with `Success:false` here.
 */
export const plateSolveResultSchema = z.object({
  Success: z.boolean(),
  SolveTime: maybe(z.string()),
  PositionAngle: maybe(ninaNumber),
  Orientation: maybe(ninaNumber),
  /** arcsec per pixel of the solved (binned) image. */
  Pixscale: maybe(ninaNumber),
  /** Field radius, degrees. */
  Radius: maybe(ninaNumber),
  Flipped: maybe(z.boolean()),
  Coordinates: maybe(solvedCoordinatesSchema),
  RaErrorString: maybe(z.string()),
  DecErrorString: maybe(z.string()),
  RaPixError: maybe(ninaNumber),
  DecPixError: maybe(ninaNumber),
});
export type PlateSolveResult = z.infer<typeof plateSolveResultSchema>;
