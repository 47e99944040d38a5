// The Livestack plugin's stacks, on the simulator's preview-sized renders: a frame is registered onto
// the stack's first frame (the affine transform the plugin fits to matched stars, here computed from
// the frames' known pointing, camera angle and binning) and added to a running mean, so the noise of
// the stack falls as 1/√N. A stack tab's picture is the stretched stack; a colour combination stretches
// its red, green and blue stacks separately and merges them in the red stack's frame.

import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { FrameParams, RenderedFrame } from './imaging/frame-renderer';
import { resizeGrey, targetWidth, type ResizeRequest } from './imaging/image-codec';
import { gnomonic, inverseGnomonic, separationDeg, type RaDecDeg } from './imaging/sky';
import { stretch, type GreyImage, type StretchParameters } from './imaging/stretch';

const ADU_MAX = 65_535;
const ARCSEC_RAD = Math.PI / (180 * 3600);
const MAD_TO_SIGMA = 1.4826;
/** Every n-th pixel is enough for a robust noise estimate of a million-pixel stack. */
const NOISE_SAMPLE_STEP = 7;

/** Where a render's pixels are on the sky: its centre, camera angle, pixel scale and size. */
export interface StackGeometry {
  centerJ2000: RaDecDeg;
  positionAngleDeg: number;
  /** Radians per binned sensor pixel. */
  binnedScaleRad: number;
  binnedWidth: number;
  binnedHeight: number;
  /** Binned sensor pixels per rendered pixel. */
  renderScale: number;
  width: number;
  height: number;
}

export function geometryOf(params: FrameParams, rendered: RenderedFrame): StackGeometry {
  return {
    centerJ2000: params.centerJ2000,
    positionAngleDeg: params.positionAngleDeg,
    binnedScaleRad: params.pixelScaleArcsecPerPx * params.binX * ARCSEC_RAD,
    binnedWidth: Math.floor(params.sensorWidthPx / params.binX),
    binnedHeight: Math.floor(params.sensorHeightPx / params.binY),
    renderScale: rendered.scale,
    width: rendered.width,
    height: rendered.height,
  };
}

/** Half the diagonal of the field in degrees: farther apart, two frames share no stars. */
function halfFieldDeg(geometry: StackGeometry): number {
  return ((Math.hypot(geometry.binnedWidth, geometry.binnedHeight) / 2) * geometry.binnedScaleRad * 180) / Math.PI;
}

/** Whether the plugin could match stars between the two frames at all. */
export function overlaps(a: StackGeometry, b: StackGeometry): boolean {
  return separationDeg(a.centerJ2000, b.centerJ2000) < halfFieldDeg(a);
}

/** Rendered pixel → sky, by the renderer's own projection (frame-renderer.ts, frameLight). */
function skyAt(geometry: StackGeometry, u: number, v: number): RaDecDeg {
  const angle = (geometry.positionAngleDeg * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const x = geometry.binnedWidth / 2 - u * geometry.renderScale;
  const y = geometry.binnedHeight / 2 - v * geometry.renderScale;
  const east = x * cos + y * sin;
  const north = -x * sin + y * cos;
  return inverseGnomonic(geometry.centerJ2000, east * geometry.binnedScaleRad, north * geometry.binnedScaleRad);
}

/** Sky → rendered pixel of `geometry`; null behind the tangent plane. */
function pixelOf(geometry: StackGeometry, sky: RaDecDeg): { u: number; v: number } | null {
  const projected = gnomonic(geometry.centerJ2000, sky);
  if (projected === null) return null;
  const angle = (geometry.positionAngleDeg * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const east = projected.xi / geometry.binnedScaleRad;
  const north = projected.eta / geometry.binnedScaleRad;
  const x = geometry.binnedWidth / 2 - (east * cos - north * sin);
  const y = geometry.binnedHeight / 2 - (east * sin + north * cos);
  return { u: x / geometry.renderScale, v: y / geometry.renderScale };
}

/** u' = a[0] + a[1]·u + a[2]·v and v' = a[3] + a[4]·u + a[5]·v: reference pixel → source pixel. */
export type Affine = readonly [number, number, number, number, number, number];

export function affineBetween(reference: StackGeometry, source: StackGeometry): Affine | null {
  const at = (u: number, v: number) => pixelOf(source, skyAt(reference, u, v));
  const origin = at(0, 0);
  const right = at(reference.width, 0);
  const down = at(0, reference.height);
  if (origin === null || right === null || down === null) return null;
  return [
    origin.u,
    (right.u - origin.u) / reference.width,
    (down.u - origin.u) / reference.height,
    origin.v,
    (right.v - origin.v) / reference.width,
    (down.v - origin.v) / reference.height,
  ];
}

/** `source` resampled (bilinear) onto a width × height grid; NaN where the source has no pixel. */
export function resample(
  source: { width: number; height: number; data: ArrayLike<number> },
  affine: Affine,
  width: number,
  height: number,
): Float32Array {
  const result = new Float32Array(width * height);
  const { data } = source;
  const [a0, a1, a2, b0, b1, b2] = affine;
  const maxU = source.width - 1;
  const maxV = source.height - 1;
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const su = a0 + a1 * u + a2 * v;
      const sv = b0 + b1 * u + b2 * v;
      if (!(su >= 0 && sv >= 0 && su <= maxU && sv <= maxV)) {
        result[v * width + u] = Number.NaN;
        continue;
      }
      const u0 = Math.min(Math.floor(su), maxU - 1);
      const v0 = Math.min(Math.floor(sv), maxV - 1);
      const fu = su - u0;
      const fv = sv - v0;
      const i0 = v0 * source.width + u0;
      const i1 = i0 + source.width;
      const top = data[i0]! + (data[i0 + 1]! - data[i0]!) * fu;
      const bottom = data[i1]! + (data[i1 + 1]! - data[i1]!) * fu;
      result[v * width + u] = top + (bottom - top) * fv;
    }
  }
  return result;
}

function toRendered(width: number, height: number, data: Float32Array): RenderedFrame {
  const pixels = new Uint16Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const value = data[i] ?? 0;
    pixels[i] = Number.isNaN(value) ? 0 : Math.min(ADU_MAX, Math.max(0, Math.round(value)));
  }
  return { width, height, scale: 1, data: pixels };
}

/** One stack tab: the mean of the registered frames, in the first frame's pixels. */
/** A stack as it was after one frame: what a broadcast carries, rendered only if someone asks. */
export interface StackSnapshot {
  geometry: StackGeometry;
  data: Float32Array;
}

/** The stack tab's picture: the stack stretched. */
export function monoPicture(snapshot: StackSnapshot, parameters: StretchParameters): GreyImage {
  return stretch(toRendered(snapshot.geometry.width, snapshot.geometry.height, snapshot.data), parameters);
}

/** A stack moved into another stack's frame (the colour combination's alignment); null if they do not overlap. */
function alignedTo(snapshot: StackSnapshot, reference: StackGeometry): Float32Array | null {
  if (reference === snapshot.geometry) return snapshot.data;
  const affine = affineBetween(reference, snapshot.geometry);
  if (affine === null) return null;
  return resample({ width: snapshot.geometry.width, height: snapshot.geometry.height, data: snapshot.data }, affine, reference.width, reference.height);
}

/** One stack tab: the mean of the registered frames, in the first frame's pixels. */
export class MonoStack {
  /** Frames in the stack: the first one is the reference. */
  count = 1;
  private readonly mean: Float32Array;

  constructor(
    readonly target: string,
    readonly filter: string,
    first: RenderedFrame,
    readonly geometry: StackGeometry,
  ) {
    this.mean = Float32Array.from(first.data);
  }

  snapshot(): StackSnapshot {
    return { geometry: this.geometry, data: this.mean.slice() };
  }

  /** A later frame, registered onto the first; pixels it does not cover keep their mean. */
  add(frame: RenderedFrame, geometry: StackGeometry): boolean {
    const affine = affineBetween(this.geometry, geometry);
    if (affine === null) return false;
    const registered = resample(frame, affine, this.geometry.width, this.geometry.height);
    this.count += 1;
    const weight = 1 / this.count;
    for (let i = 0; i < this.mean.length; i++) {
      const value = registered[i] ?? Number.NaN;
      if (!Number.isNaN(value)) this.mean[i]! += (value - this.mean[i]!) * weight;
    }
    return true;
  }

  /** Robust noise of the stack in ADU (1.4826 × MAD), mostly the sky background's. */
  noiseAdu(): number {
    const sample = new Float32Array(Math.ceil(this.mean.length / NOISE_SAMPLE_STEP));
    for (let i = 0; i < sample.length; i++) sample[i] = this.mean[i * NOISE_SAMPLE_STEP]!;
    sample.sort();
    const median = sample[sample.length >> 1]!;
    const deviations = sample.map((value) => Math.abs(value - median)).sort();
    return MAD_TO_SIGMA * deviations[deviations.length >> 1]!;
  }
}

/** An 8-bit colour picture, channel by channel. */
export interface RgbImage {
  width: number;
  height: number;
  red: Uint8Array;
  green: Uint8Array;
  blue: Uint8Array;
}

/** The colour combination tab: each channel stretched on its own, green and blue aligned to red. */
export function colorPicture(red: StackSnapshot, green: StackSnapshot, blue: StackSnapshot, parameters: StretchParameters): RgbImage | null {
  const reference = red.geometry;
  const channel = (stack: StackSnapshot): Uint8Array | null => {
    const aligned = alignedTo(stack, reference);
    return aligned === null ? null : stretch(toRendered(reference.width, reference.height, aligned), parameters).grey;
  };
  const [r, g, b] = [channel(red), channel(green), channel(blue)];
  if (r === null || g === null || b === null) return null;
  return { width: reference.width, height: reference.height, red: r, green: g, blue: b };
}

function encodeRgbPng(image: RgbImage): Buffer {
  const data = Buffer.alloc(image.width * image.height * 3);
  for (let i = 0; i < image.red.length; i++) {
    data[3 * i] = image.red[i] ?? 0;
    data[3 * i + 1] = image.green[i] ?? 0;
    data[3 * i + 2] = image.blue[i] ?? 0;
  }
  const png = new PNG({ width: image.width, height: image.height, colorType: 2, inputColorType: 2, inputHasAlpha: false, bitDepth: 8 });
  png.data = data;
  return PNG.sync.write(png, { colorType: 2, inputColorType: 2, inputHasAlpha: false, bitDepth: 8, deflateLevel: 4, filterType: 1 });
}

function encodeRgbJpeg(image: RgbImage, quality: number): Buffer {
  const rgba = Buffer.alloc(image.width * image.height * 4);
  for (let i = 0; i < image.red.length; i++) {
    rgba[4 * i] = image.red[i] ?? 0;
    rgba[4 * i + 1] = image.green[i] ?? 0;
    rgba[4 * i + 2] = image.blue[i] ?? 0;
    rgba[4 * i + 3] = 255;
  }
  return jpeg.encode({ width: image.width, height: image.height, data: rgba }, quality).data;
}

/** BitmapHelper's resize and encoders for a colour picture: PNG for quality -1, else JPEG. */
export function encodeRgb(image: RgbImage, request: ResizeRequest, quality: number): { bytes: Buffer; png: boolean } {
  const width = targetWidth({ width: image.width, height: image.height, grey: image.red }, request);
  const resize = (grey: Uint8Array): GreyImage => resizeGrey({ width: image.width, height: image.height, grey }, width);
  const [red, green, blue] = [resize(image.red), resize(image.green), resize(image.blue)];
  const resized: RgbImage = { width: red.width, height: red.height, red: red.grey, green: green.grey, blue: blue.grey };
  return quality === -1 ? { bytes: encodeRgbPng(resized), png: true } : { bytes: encodeRgbJpeg(resized, quality), png: false };
}
