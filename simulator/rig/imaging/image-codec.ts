// What the plugin's BitmapHelper does to a prepared image before it goes on the wire: resize to a
// width or scale it, then encode PNG (quality -1) or JPEG (quality 1..100). Also a minimal FITS
// writer for image/{index}?raw_fits.

import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { RenderedFrame } from './frame-renderer';
import type { GreyImage } from './stretch';

/** The output format: -1 is PNG, 1..100 a JPEG quality (the plugin's clamped `quality`). */
export type ImageQuality = number;

/** BitmapHelper's choice between ResizeBitmap (a target width) and ScaleBitmap (a factor). */
export type ResizeRequest = { kind: 'none' } | { kind: 'width'; widthPx: number } | { kind: 'scale'; scale: number };

/** `quality` as the plugin normalizes it: clamped to [-1, 100], and 0 (also "missing") means PNG. */
export function normalizeQuality(quality: number): ImageQuality {
  const clamped = Math.min(100, Math.max(-1, quality));
  return clamped === 0 ? -1 : clamped;
}

/**
 * The resize the plugin applies for `resize`/`size`/`scale`: with resize and no scale, `size`
 * (default "640x480") is split on "x" and both halves parsed as ints (a bad size throws, which is the
 * catch-all's 500) but only the width is used; with resize and a scale, the scale is clamped to [0.1, 1].
 */
export function resizeRequest(resize: boolean, size: string | null, scale: number): ResizeRequest {
  if (!resize) return { kind: 'none' };
  const text = size === null || size.trim() === '' ? '640x480' : size;
  const [widthText, heightText] = text.split('x');
  const widthPx = parseDotNetInt(widthText);
  parseDotNetInt(heightText);
  if (scale !== 0) {
    if (Number.isNaN(scale)) throw new RangeError('scale is NaN');
    return { kind: 'scale', scale: Math.min(1, Math.max(0.1, scale)) };
  }
  if (widthPx <= 0) throw new RangeError(`A width of ${widthPx} px cannot be rendered`);
  return { kind: 'width', widthPx };
}

/** int.Parse with the invariant culture: optional sign and surrounding white space, digits only. */
function parseDotNetInt(text: string | undefined): number {
  if (text === undefined || !/^\s*[+-]?\d+\s*$/.test(text)) throw new RangeError(`"${text ?? ''}" is not an int`);
  const value = Number(text.trim());
  if (!Number.isSafeInteger(value) || Math.abs(value) > 2_147_483_647) throw new RangeError(`${value} overflows an int`);
  return value;
}

/**
 * The served image is the preview, at most the rendered width: a requested width beyond it is
 * served at the preview's width (NINA would scale its full-size frame; there is none here).
 */
export function targetWidth(image: GreyImage, request: ResizeRequest): number {
  if (request.kind === 'none') return image.width;
  if (request.kind === 'scale') return Math.max(1, Math.round(image.width * request.scale));
  return Math.min(image.width, request.widthPx);
}

/** Box-filtered downscale keeping the aspect ratio. */
export function resizeGrey(image: GreyImage, widthPx: number): GreyImage {
  if (widthPx >= image.width) return image;
  const factor = image.width / widthPx;
  const heightPx = Math.max(1, Math.round(image.height / factor));
  const grey = new Uint8Array(widthPx * heightPx);
  for (let y = 0; y < heightPx; y++) {
    const sy0 = Math.floor(y * factor);
    const sy1 = Math.min(image.height, Math.max(sy0 + 1, Math.floor((y + 1) * factor)));
    for (let x = 0; x < widthPx; x++) {
      const sx0 = Math.floor(x * factor);
      const sx1 = Math.min(image.width, Math.max(sx0 + 1, Math.floor((x + 1) * factor)));
      let sum = 0;
      for (let sy = sy0; sy < sy1; sy++) {
        const row = sy * image.width;
        for (let sx = sx0; sx < sx1; sx++) sum += image.grey[row + sx] ?? 0;
      }
      grey[y * widthPx + x] = Math.round(sum / ((sy1 - sy0) * (sx1 - sx0)));
    }
  }
  return { width: widthPx, height: heightPx, grey };
}

export function encodePng(image: GreyImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height, colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8 });
  png.data = Buffer.from(image.grey.buffer, image.grey.byteOffset, image.grey.byteLength);
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8, deflateLevel: 4, filterType: 1 });
}

export function encodeJpeg(image: GreyImage, quality: number): Buffer {
  const rgba = Buffer.alloc(image.width * image.height * 4);
  for (let i = 0; i < image.grey.length; i++) {
    const value = image.grey[i] ?? 0;
    rgba[4 * i] = value;
    rgba[4 * i + 1] = value;
    rgba[4 * i + 2] = value;
    rgba[4 * i + 3] = 255;
  }
  return jpeg.encode({ width: image.width, height: image.height, data: rgba }, quality).data;
}

/** Resize and encode as the plugin does; `mime` is the encoder's, each endpoint decides what Content-Type it claims. */
export function encodeImage(image: GreyImage, request: ResizeRequest, quality: ImageQuality): { bytes: Buffer; png: boolean } {
  const resized = resizeGrey(image, targetWidth(image, request));
  return quality === -1 ? { bytes: encodePng(resized), png: true } : { bytes: encodeJpeg(resized, quality), png: false };
}

export type FitsHeaderValue = string | number | boolean;

function fitsCard(key: string, value: FitsHeaderValue, comment = ''): string {
  let text: string;
  if (typeof value === 'boolean') text = (value ? 'T' : 'F').padStart(20);
  else if (typeof value === 'number') text = (Number.isInteger(value) ? String(value) : value.toPrecision(12).replace(/\.?0+$/, '')).padStart(20);
  else text = `'${value.replaceAll("'", "''").padEnd(8)}'`.padEnd(20);
  const card = `${key.padEnd(8)}= ${text}${comment ? ` / ${comment}` : ''}`;
  return card.slice(0, 80).padEnd(80);
}

/** A single-HDU 16-bit FITS of the frame (BZERO 32768 stores unsigned data), headers as NINA writes its common ones. */
export function encodeFits(frame: RenderedFrame, headers: Readonly<Record<string, FitsHeaderValue>>): Buffer {
  const cards = [
    fitsCard('SIMPLE', true, 'C# FITS'),
    fitsCard('BITPIX', 16),
    fitsCard('NAXIS', 2, 'Dimensionality'),
    fitsCard('NAXIS1', frame.width),
    fitsCard('NAXIS2', frame.height),
    fitsCard('BZERO', 32768),
    fitsCard('BSCALE', 1),
    ...Object.entries(headers).map(([key, value]) => fitsCard(key, value)),
    'END'.padEnd(80),
  ];
  const headerText = cards.join('');
  const headerBytes = Math.ceil(headerText.length / 2880) * 2880;
  const dataBytes = Math.ceil((frame.data.length * 2) / 2880) * 2880;
  const file = Buffer.alloc(headerBytes + dataBytes);
  file.write(headerText.padEnd(headerBytes), 0, 'ascii');
  for (let i = 0; i < frame.data.length; i++) file.writeInt16BE((frame.data[i] ?? 0) - 32768, headerBytes + 2 * i);
  return file;
}
