/**
 * Guide-error statistics the way PHD2 and NINA compute them, so the numbers Skydeck shows match
 * the ones the user sees in PHD2 and in NINA's guide graph.
 */

/** One guide step's measured distance from the lock position, px. */
export interface GuideErrorSample {
  raPx: number;
  decPx: number;
}

export interface GuideRms {
  raPx: number;
  decPx: number;
  totalPx: number;
  /** Largest distance from the lock position, either sign. */
  peakRaPx: number;
  peakDecPx: number;
  /** Steps with a finite distance on both axes. */
  count: number;
}

const usable = (sample: GuideErrorSample) => Number.isFinite(sample.raPx) && Number.isFinite(sample.decPx);

/**
 * NINA's RMS (NINA.Core.Model.RMS) and PHD2's are the population standard deviation about the
 * mean, not the root mean square about zero: a steady offset from the lock position does not
 * count. Total is the quadrature sum of RA and Dec.
 */
export function guideRms(samples: readonly GuideErrorSample[]): GuideRms {
  let count = 0;
  let sumRa = 0;
  let sumDec = 0;
  let peakRaPx = 0;
  let peakDecPx = 0;
  for (const sample of samples) {
    if (!usable(sample)) continue;
    count += 1;
    sumRa += sample.raPx;
    sumDec += sample.decPx;
    peakRaPx = Math.max(peakRaPx, Math.abs(sample.raPx));
    peakDecPx = Math.max(peakDecPx, Math.abs(sample.decPx));
  }
  if (count === 0) return { raPx: 0, decPx: 0, totalPx: 0, peakRaPx: 0, peakDecPx: 0, count: 0 };
  const meanRa = sumRa / count;
  const meanDec = sumDec / count;
  let squaresRa = 0;
  let squaresDec = 0;
  for (const sample of samples) {
    if (!usable(sample)) continue;
    squaresRa += (sample.raPx - meanRa) ** 2;
    squaresDec += (sample.decPx - meanDec) ** 2;
  }
  const raPx = Math.sqrt(squaresRa / count);
  const decPx = Math.sqrt(squaresDec / count);
  return { raPx, decPx, totalPx: Math.hypot(raPx, decPx), peakRaPx, peakDecPx, count };
}

/**
 * The total RMS over the `window` steps ending at each step (fewer at the start), for a trend
 * line: how guiding has been lately rather than how it was at one instant.
 */
export function rollingTotalRms(samples: readonly GuideErrorSample[], window: number): number[] {
  const finite = samples.filter(usable);
  const size = Math.max(1, Math.floor(window));
  const result: number[] = [];
  let sumRa = 0;
  let sumDec = 0;
  let squaresRa = 0;
  let squaresDec = 0;
  finite.forEach((sample, index) => {
    sumRa += sample.raPx;
    sumDec += sample.decPx;
    squaresRa += sample.raPx ** 2;
    squaresDec += sample.decPx ** 2;
    const leaving = finite[index - size];
    if (leaving) {
      sumRa -= leaving.raPx;
      sumDec -= leaving.decPx;
      squaresRa -= leaving.raPx ** 2;
      squaresDec -= leaving.decPx ** 2;
    }
    const count = Math.min(index + 1, size);
    // Rounding can leave a variance a hair below zero when every value is the same.
    const varianceRa = Math.max(0, squaresRa / count - (sumRa / count) ** 2);
    const varianceDec = Math.max(0, squaresDec / count - (sumDec / count) ** 2);
    result.push(Math.sqrt(varianceRa + varianceDec));
  });
  return result;
}

/** 1, 1.5, 2, 3, 4, 5, 6, 8 × 10ⁿ: axis limits a person reads at a glance. */
const NICE_MANTISSAS = [1, 1.5, 2, 3, 4, 5, 6, 8, 10];

/** The smallest "nice" number at or above `value` (positive values only; others give 0). */
export function niceCeil(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  const mantissa = NICE_MANTISSAS.find((candidate) => candidate * power >= value * (1 - 1e-9)) ?? 10;
  // toPrecision drops the binary residue of the multiplication (0.6000000000000001).
  return Number((mantissa * power).toPrecision(12));
}

/** Below this many values a quantile is just the maximum, so nothing is treated as an outlier. */
const MIN_VALUES_FOR_OUTLIERS = 20;

/**
 * A symmetric axis limit that fits nearly every value but not the odd spike: the `quantile` of
 * the absolute values with some headroom, rounded up to a nice number and never below `floor`.
 * A star lost for one frame should not squash the rest of the graph into a flat line.
 */
export function robustAxisLimit(values: readonly number[], options: { quantile?: number; headroom?: number; floor?: number } = {}): number {
  const { quantile = 0.98, headroom = 1.25, floor = 0 } = options;
  const magnitudes = values.filter(Number.isFinite).map(Math.abs).sort((a, b) => a - b);
  if (magnitudes.length === 0) return niceCeil(floor) || floor;
  const index = magnitudes.length < MIN_VALUES_FOR_OUTLIERS ? magnitudes.length - 1 : Math.ceil(quantile * magnitudes.length) - 1;
  const typical = magnitudes[Math.max(0, index)] ?? 0;
  return niceCeil(Math.max(typical * headroom, floor)) || floor;
}
