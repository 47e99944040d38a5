// Synthetic frames of the ASI2600MM Pro behind the FSQ-106: stars from the catalogue projected at
// the mount's pointing, each a Gaussian whose size the focus model decides, on a sky with a gradient,
// read noise, shot noise and the sensor's hot pixels. A frame is a pure function of its FrameParams,
// so a saved image is kept as its parameters and rendered again on demand.
//
// The full frame is rendered small (at most RENDER_MAX_WIDTH_PX wide; the preview is what is served),
// while the star measurements run on stamps at the real pixel scale, the way NINA's star detection
// sees the full-resolution image.

import { SeededRandom } from '../random';
import { gnomonic, type RaDecDeg } from './sky';
import type { StarCatalogue } from './star-catalogue';

export const IMAGE_TYPES = ['LIGHT', 'DARK', 'BIAS', 'FLAT', 'SNAPSHOT'] as const;
export type ImageTypeName = (typeof IMAGE_TYPES)[number];

const RENDER_MAX_WIDTH_PX = 1500;
const ADU_MAX = 65_535;
/** Bias level per unit of offset on the ASI2600 (16-bit ADC). */
const BIAS_ADU_PER_OFFSET = 10;
const READ_NOISE_E = 1.4;
/** Magnitude that gives 1 e-/s on this aperture through L (a 106 mm objective, QE about 80 %). */
const ZERO_POINT_MAG = 20.75;
/** Dark current at 0 °C, doubling every 6 °C. */
const DARK_CURRENT_E_PER_S_AT_0C = 0.002;
const HOT_PIXEL_FRACTION = 1.5e-4;
const SKY_GRADIENT = 0.15;
const FLAT_LEVEL_ADU = 30_000;
/** A star counts as detected when its peak stands this many noise sigmas above the background. */
const DETECTION_SIGMAS = 5;
/** Stars NINA's HFR average is taken over here: the brightest unsaturated ones. */
const MAX_MEASURED_STARS = 80;
const MAX_STAMP_RADIUS_PX = 40;
const SATURATION_ADU = 64_000;
/** The flux-weighted mean radius of a Gaussian is 1.2533 σ. */
const HFR_PER_SIGMA = 1.2533;
/** Relative growth of a star's size from the centre to the corner of the field. */
const FIELD_CURVATURE = 0.12;
/** Relative star-to-star scatter of the size. */
const STAR_SCATTER = 0.07;
const NOISE_TABLE_SIZE = 1 << 16;

/** Fraction of a star's (continuum) light and of the sky's light each filter passes. */
const FILTER_THROUGHPUT: Readonly<Record<string, { star: number; sky: number }>> = {
  L: { star: 1, sky: 1 },
  R: { star: 0.32, sky: 0.3 },
  G: { star: 0.3, sky: 0.28 },
  B: { star: 0.26, sky: 0.3 },
  Ha: { star: 0.025, sky: 0.03 },
  OIII: { star: 0.025, sky: 0.025 },
  SII: { star: 0.022, sky: 0.03 },
};
const NO_FILTER = { star: 1.1, sky: 1.1 };

export interface FrameParams {
  /** Unique per exposure; the cache key. */
  id: number;
  /** Seeds this frame's noise and seeing. */
  noiseSeed: number;
  /** The simulator's seed: the sky and the sensor's hot pixels are the same in every frame. */
  skySeed: number;
  sensorWidthPx: number;
  sensorHeightPx: number;
  pixelScaleArcsecPerPx: number;
  binX: number;
  binY: number;
  exposureS: number;
  gain: number;
  offset: number;
  electronsPerAdu: number;
  imageType: ImageTypeName;
  filterName: string | null;
  centerJ2000: RaDecDeg;
  positionAngleDeg: number;
  /** The focus model's HFR for this frame, unbinned pixels. */
  hfrPx: number;
  skyQualityMagPerArcsec2: number;
  /** Fraction of starlight the sky lets through: 1 on a clear night, 0 under clouds. */
  transparency: number;
  sensorTemperatureC: number;
}

export interface RenderedFrame {
  width: number;
  height: number;
  /** Binned sensor pixels per rendered pixel. */
  scale: number;
  /** Raw ADU, row-major. */
  data: Uint16Array;
}

export interface StarAnalysis {
  stars: number;
  /** Mean HFR of the measured stars in binned pixels; NaN without stars. */
  hfr: number;
  hfrStDev: number;
}

export interface PixelStatistics {
  mean: number;
  median: number;
  stdev: number;
  min: number;
  max: number;
  medianAbsoluteDeviation: number;
}

interface FrameStar {
  xPx: number;
  yPx: number;
  peakAdu: number;
}

interface FrameLight {
  binnedWidth: number;
  binnedHeight: number;
  backgroundAdu: number;
  noiseAdu: number;
  sigmaPx: number;
  stars: FrameStar[];
  flat: boolean;
}

let noiseTable: Float32Array | null = null;

/** Standard-normal values drawn once; frames index into them with their own generator, which is far cheaper than Box–Muller per pixel. */
function gaussianTable(): Float32Array {
  if (noiseTable === null) {
    const random = new SeededRandom(0x6e6f6973);
    noiseTable = new Float32Array(NOISE_TABLE_SIZE);
    for (let i = 0; i < NOISE_TABLE_SIZE; i++) noiseTable[i] = random.gaussian();
  }
  return noiseTable;
}

function xorshift(state: number): number {
  let x = state;
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  return x >>> 0;
}

export function binnedSize(params: FrameParams): { width: number; height: number } {
  return { width: Math.floor(params.sensorWidthPx / params.binX), height: Math.floor(params.sensorHeightPx / params.binY) };
}

export function renderScale(params: FrameParams): number {
  return Math.ceil(binnedSize(params).width / RENDER_MAX_WIDTH_PX);
}

function isSkyFrame(imageType: ImageTypeName): boolean {
  return imageType === 'LIGHT' || imageType === 'SNAPSHOT';
}

/** Where the light of this frame comes from, in binned pixels and ADU. */
function frameLight(params: FrameParams, catalogue: StarCatalogue): FrameLight {
  const { width: binnedWidth, height: binnedHeight } = binnedSize(params);
  const binning = params.binX * params.binY;
  const exposureS = Math.max(0, params.exposureS);
  const throughput = params.filterName === null ? NO_FILTER : (FILTER_THROUGHPUT[params.filterName] ?? NO_FILTER);
  const darkE = DARK_CURRENT_E_PER_S_AT_0C * 2 ** (params.sensorTemperatureC / 6) * exposureS * binning;
  const sky = isSkyFrame(params.imageType);
  const pixelAreaArcsec2 = params.pixelScaleArcsecPerPx ** 2;
  const skyMagPerPx = params.skyQualityMagPerArcsec2 - 2.5 * Math.log10(pixelAreaArcsec2);
  const skyE = sky ? 10 ** (-0.4 * (skyMagPerPx - ZERO_POINT_MAG)) * throughput.sky * exposureS * binning : 0;
  const flat = params.imageType === 'FLAT';
  const signalE = flat ? FLAT_LEVEL_ADU * params.electronsPerAdu : skyE + darkE;
  const noiseE = Math.sqrt(signalE + READ_NOISE_E ** 2 * binning);
  const backgroundAdu = params.offset * BIAS_ADU_PER_OFFSET + signalE / params.electronsPerAdu;
  const sigmaPx = Math.sqrt((params.hfrPx / HFR_PER_SIGMA / params.binX) ** 2 + 1 / 12);
  const stars: FrameStar[] = [];
  if (sky && exposureS > 0) {
    const binnedScaleRad = (params.pixelScaleArcsecPerPx * params.binX * Math.PI) / (180 * 3600);
    const halfDiagonalDeg = (Math.hypot(params.sensorWidthPx, params.sensorHeightPx) / 2) * (params.pixelScaleArcsecPerPx / 3600);
    const angle = (params.positionAngleDeg * Math.PI) / 180;
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    const peakPerFlux = 1 / (2 * Math.PI * sigmaPx * sigmaPx * params.electronsPerAdu);
    for (const star of catalogue.around(params.centerJ2000, halfDiagonalDeg * 1.05)) {
      const projected = gnomonic(params.centerJ2000, star);
      if (projected === null) continue;
      const east = projected.xi / binnedScaleRad;
      const north = projected.eta / binnedScaleRad;
      const xPx = binnedWidth / 2 - (east * cos - north * sin);
      const yPx = binnedHeight / 2 - (east * sin + north * cos);
      if (xPx < -4 * sigmaPx || yPx < -4 * sigmaPx || xPx > binnedWidth + 4 * sigmaPx || yPx > binnedHeight + 4 * sigmaPx) continue;
      const fluxE = 10 ** (-0.4 * (star.magnitude - ZERO_POINT_MAG)) * throughput.star * params.transparency * exposureS;
      stars.push({ xPx, yPx, peakAdu: fluxE * peakPerFlux });
    }
  }
  return { binnedWidth, binnedHeight, backgroundAdu, noiseAdu: noiseE / params.electronsPerAdu, sigmaPx, stars, flat };
}

function hash32(...values: number[]): number {
  let h = 0x811c9dc5;
  for (const value of values) {
    h = Math.imul(h ^ (value | 0), 0x01000193);
    h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  }
  return (h ^ (h >>> 13)) >>> 0 || 1;
}

/** The whole frame at preview size. Stars keep their real peak so the picture reads like a downsized full frame. */
export function renderFrame(params: FrameParams, catalogue: StarCatalogue): RenderedFrame {
  const light = frameLight(params, catalogue);
  const scale = renderScale(params);
  const width = Math.floor(light.binnedWidth / scale);
  const height = Math.floor(light.binnedHeight / scale);
  const pixels = new Float32Array(width * height);
  const table = gaussianTable();
  let state = hash32(params.noiseSeed, 1);
  const pointing = hash32(Math.round(params.centerJ2000.raDeg * 10), Math.round(params.centerJ2000.decDeg * 10));
  const gradientAngle = (pointing / 4_294_967_296) * 2 * Math.PI;
  const gradientX = light.flat ? 0 : (SKY_GRADIENT * Math.cos(gradientAngle)) / width;
  const gradientY = light.flat ? 0 : (SKY_GRADIENT * Math.sin(gradientAngle)) / width;
  const bias = params.offset * BIAS_ADU_PER_OFFSET;
  const lit = light.backgroundAdu - bias;
  const mask = NOISE_TABLE_SIZE - 1;
  const noise = light.noiseAdu;
  for (let y = 0; y < height; y++) {
    const dy = y - height / 2;
    const row = y * width;
    const rowLevel = bias + lit * (1 + gradientY * dy);
    const vignettingY = (dy * dy) / (height * height);
    for (let x = 0; x < width; x++) {
      const dx = x - width / 2;
      let level = rowLevel + lit * gradientX * dx;
      if (light.flat) level -= lit * 0.36 * ((dx * dx) / (width * width) + vignettingY);
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      pixels[row + x] = level + noise * table[state & mask]!;
    }
  }
  const sigma = Math.max(light.sigmaPx / scale, 0.55);
  const inverseTwoSigma2 = 1 / (2 * sigma * sigma);
  const radius = Math.ceil(3 * sigma);
  for (const star of light.stars) {
    const cx = star.xPx / scale;
    const cy = star.yPx / scale;
    const x0 = Math.max(0, Math.floor(cx - radius));
    const x1 = Math.min(width - 1, Math.ceil(cx + radius));
    const y0 = Math.max(0, Math.floor(cy - radius));
    const y1 = Math.min(height - 1, Math.ceil(cy + radius));
    for (let y = y0; y <= y1; y++) {
      const dy2 = (y - cy) ** 2;
      for (let x = x0; x <= x1; x++) pixels[y * width + x]! += star.peakAdu * Math.exp(-((x - cx) ** 2 + dy2) * inverseTwoSigma2);
    }
  }
  addHotPixels(params, pixels, width, height);
  const data = new Uint16Array(width * height);
  for (let i = 0; i < data.length; i++) {
    const value = pixels[i]! + 0.5;
    data[i] = value >= ADU_MAX ? ADU_MAX : value <= 0 ? 0 : value;
  }
  return { width, height, scale, data };
}

/** A fixed defect map of the sensor: the same pixels in every frame, brighter the longer and warmer the exposure. */
function addHotPixels(params: FrameParams, pixels: Float32Array, width: number, height: number): void {
  const random = new SeededRandom(hash32(params.skySeed, 0x686f74));
  const count = Math.round(width * height * HOT_PIXEL_FRACTION);
  const thermal = 2 ** (params.sensorTemperatureC / 6) * Math.max(0, params.exposureS) * params.binX * params.binY;
  for (let i = 0; i < count; i++) {
    const index = Math.floor(random.next() * width) + Math.floor(random.next() * height) * width;
    const rateEPerS = 2 + 60 * random.next() ** 3;
    pixels[index]! += (rateEPerS * thermal) / params.electronsPerAdu;
  }
}

/**
 * NINA's star detection on the full-resolution frame: a star is detected when its peak clears the
 * noise, and the HFR is the mean over the brightest unsaturated stars of their measured HFR
 * (flux-weighted mean radius about the centroid, background from the stamp's rim), each measured on
 * a noisy stamp at the binned pixel scale.
 */
export function analyzeStars(params: FrameParams, catalogue: StarCatalogue): StarAnalysis {
  const light = frameLight(params, catalogue);
  const edge = 3 * light.sigmaPx;
  const detected = light.stars.filter(
    (star) =>
      star.peakAdu > DETECTION_SIGMAS * light.noiseAdu &&
      star.xPx > edge &&
      star.yPx > edge &&
      star.xPx < light.binnedWidth - edge &&
      star.yPx < light.binnedHeight - edge,
  );
  const measurable = detected
    .filter((star) => light.backgroundAdu + star.peakAdu < SATURATION_ADU)
    .sort((a, b) => b.peakAdu - a.peakAdu)
    .slice(0, MAX_MEASURED_STARS);
  if (measurable.length === 0) return { stars: detected.length, hfr: Number.NaN, hfrStDev: Number.NaN };
  const table = gaussianTable();
  const hfrs = measurable.map((star, index) => measureStamp(star, light, params, table, hash32(params.noiseSeed, 2, index)));
  const mean = hfrs.reduce((sum, value) => sum + value, 0) / hfrs.length;
  const variance = hfrs.reduce((sum, value) => sum + (value - mean) ** 2, 0) / hfrs.length;
  return { stars: detected.length, hfr: mean, hfrStDev: Math.sqrt(variance) };
}

function measureStamp(star: FrameStar, light: FrameLight, params: FrameParams, table: Float32Array, seed: number): number {
  // Stars are not all alike: field curvature grows them towards the corners, and each has its own
  // blend and guiding history, which gives NINA's HFR its star-to-star scatter.
  const fromCentre = Math.hypot(star.xPx / light.binnedWidth - 0.5, star.yPx / light.binnedHeight - 0.5) / Math.SQRT1_2;
  const sigmaPx = light.sigmaPx * (1 + FIELD_CURVATURE * fromCentre ** 2 + STAR_SCATTER * (table[seed & (NOISE_TABLE_SIZE - 1)] ?? 0));
  const radius = Math.min(MAX_STAMP_RADIUS_PX, Math.ceil(3 * sigmaPx) + 3);
  const size = 2 * radius + 1;
  const cx = radius + (star.xPx - Math.floor(star.xPx));
  const cy = radius + (star.yPx - Math.floor(star.yPx));
  const inverseTwoSigma2 = 1 / (2 * sigmaPx * sigmaPx);
  const peakAdu = (star.peakAdu * light.sigmaPx ** 2) / sigmaPx ** 2;
  const stamp = new Float64Array(size * size);
  let state = seed;
  let rimSum = 0;
  let rimCount = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r2 = (x - cx) ** 2 + (y - cy) ** 2;
      const signal = peakAdu * Math.exp(-r2 * inverseTwoSigma2);
      state = xorshift(state);
      const noise = Math.sqrt(light.noiseAdu ** 2 + signal / params.electronsPerAdu) * (table[state & (NOISE_TABLE_SIZE - 1)] ?? 0);
      const value = light.backgroundAdu + signal + noise;
      stamp[y * size + x] = value;
      if (Math.sqrt(r2) >= radius - 1) {
        rimSum += value;
        rimCount += 1;
      }
    }
  }
  const background = rimCount > 0 ? rimSum / rimCount : light.backgroundAdu;
  const aperture = Math.min(radius - 1.5, 3 * sigmaPx);
  let flux = 0;
  let sumX = 0;
  let sumY = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if ((x - cx) ** 2 + (y - cy) ** 2 > aperture * aperture) continue;
      const value = Math.max(0, (stamp[y * size + x] ?? 0) - background);
      flux += value;
      sumX += value * x;
      sumY += value * y;
    }
  }
  if (flux <= 0) return Number.NaN;
  const centroidX = sumX / flux;
  const centroidY = sumY / flux;
  let weightedRadius = 0;
  let weight = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - centroidX, y - centroidY);
      if (distance > aperture) continue;
      const value = Math.max(0, (stamp[y * size + x] ?? 0) - background);
      weightedRadius += value * distance;
      weight += value;
    }
  }
  return weightedRadius / weight;
}

/** Mean, median, MAD, stdev, min and max over every pixel, by histogram (the values are 16-bit). */
export function pixelStatistics(data: Uint16Array | Uint8Array, scaleTo16Bit = 1): PixelStatistics {
  const histogram = new Float64Array(65_536);
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < data.length; i++) {
    const value = (data[i] ?? 0) * scaleTo16Bit;
    histogram[value]! += 1;
    sum += value;
    sumSquares += value * value;
  }
  const count = data.length;
  const mean = sum / count;
  const median = histogramMedian(histogram, count);
  const deviations = new Float64Array(65_536);
  let min = -1;
  let max = 0;
  for (let value = 0; value < 65_536; value++) {
    const frequency = histogram[value] ?? 0;
    if (frequency === 0) continue;
    if (min < 0) min = value;
    max = value;
    deviations[Math.abs(value - Math.round(median))]! += frequency;
  }
  return {
    mean,
    median,
    stdev: Math.sqrt(Math.max(0, sumSquares / count - mean * mean)),
    min: Math.max(0, min),
    max,
    medianAbsoluteDeviation: histogramMedian(deviations, count),
  };
}

function histogramMedian(histogram: Float64Array, count: number): number {
  const half = count / 2;
  let cumulative = 0;
  for (let value = 0; value < histogram.length; value++) {
    cumulative += histogram[value] ?? 0;
    if (cumulative >= half) return value;
  }
  return 0;
}
