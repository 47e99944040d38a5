// NINA's auto-stretch (ImageUtility's stretch map): shadows clipped at median + blackClipping ×
// 1.4826 × MAD, then the midtones transfer function that puts the median at `factor`. A mono image
// has one channel, so linked and unlinked stretches are the same.

import { pixelStatistics, type RenderedFrame } from './frame-renderer';

export interface StretchParameters {
  factor: number;
  blackClipping: number;
}

/** An 8-bit grey picture, what the PNG/JPEG encoders and the thumbnails start from. */
export interface GreyImage {
  width: number;
  height: number;
  grey: Uint8Array;
}

const ADU_MAX = 65_535;
const MAD_TO_SIGMA = 1.4826;

/** PixInsight's MTF, as NINA writes it: 0 below 0, 1 above 1. */
function midtonesTransfer(balance: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return ((balance - 1) * x) / ((2 * balance - 1) * x - balance);
}

function stretchMap(median: number, mad: number, { factor, blackClipping }: StretchParameters): Uint8Array {
  const normalizedMedian = median / ADU_MAX;
  const normalizedMad = mad / ADU_MAX;
  let shadows: number;
  let highlights: number;
  let midtones: number;
  // NINA treats a median above half scale as an inverted or overexposed image and clips highlights instead.
  if (normalizedMedian > 0.5) {
    shadows = 0;
    highlights = normalizedMedian - blackClipping * normalizedMad * MAD_TO_SIGMA;
    midtones = midtonesTransfer(highlights - normalizedMedian, factor);
  } else {
    shadows = normalizedMedian + blackClipping * normalizedMad * MAD_TO_SIGMA;
    highlights = 1;
    midtones = midtonesTransfer(factor, normalizedMedian - shadows);
  }
  const map = new Uint8Array(ADU_MAX + 1);
  for (let value = 0; value <= ADU_MAX; value++) {
    map[value] = Math.round(midtonesTransfer(midtones, 1 - highlights + value / ADU_MAX - shadows) * 255);
  }
  return map;
}

export function stretch(frame: RenderedFrame, parameters: StretchParameters): GreyImage {
  const statistics = pixelStatistics(frame.data);
  const map = stretchMap(statistics.median, statistics.medianAbsoluteDeviation, parameters);
  const grey = new Uint8Array(frame.data.length);
  for (let i = 0; i < grey.length; i++) grey[i] = map[frame.data[i] ?? 0] ?? 0;
  return { width: frame.width, height: frame.height, grey };
}

/** PrepareImageParameters(autoStretch: false): the 16-bit data shown linearly. */
export function linear(frame: RenderedFrame): GreyImage {
  const grey = new Uint8Array(frame.data.length);
  for (let i = 0; i < grey.length; i++) grey[i] = (frame.data[i] ?? 0) >> 8;
  return { width: frame.width, height: frame.height, grey };
}
