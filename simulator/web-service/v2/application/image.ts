// Image.cs (notes §7): the plugin's ImageWatcher (image history and thumbnails, IMAGE-SAVE and
// IMAGE-PREPARED), /image-history, /image/{index} (+ /solve, /prefix), /image/thumbnail/{index},
// /prepared-image (+ /solve). Also the preview and encoding helpers the camera controller shares.

import { envelopeReply, htmlErrorReply, type HttpReply } from '../../../http/reply';
import type { Router, RouteRequest } from '../../../http/router';
import { SensorType } from '../../../rig/nina-enums';
import type { Rig } from '../../../rig/rig';
import { SENSOR } from '../../../rig/camera';
import { binnedSize, renderScale } from '../../../rig/imaging/frame-renderer';
import {
  encodeFits,
  encodeImage,
  encodeJpeg,
  normalizeQuality,
  resizeGrey,
  resizeRequest,
  type ResizeRequest,
} from '../../../rig/imaging/image-codec';
import type { CapturedFrame, SavedImage } from '../../../rig/imaging/imaging';
import { plateSolveResultValue } from '../../../rig/imaging/plate-solve';
import { STRETCH_DEFAULTS } from '../../../rig/imaging/profile';
import { linear, stretch, type GreyImage, type StretchParameters } from '../../../rig/imaging/stretch';
import { err, ok, type Envelope } from '../../../wire/envelope';
import { dateTimeLocal, double, int, type NetValue } from '../../../wire/net-values';
import { queryField, type QueryData } from '../../../wire/query-binder';
import type { ApiContext } from '../api-context';

/** Re-rendering and stretching a saved frame is not free: keep the last few results. */
class SmallCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly size: number) {}

  get(key: string, make: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = make();
    this.entries.set(key, value);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value ?? key);
    return value;
  }
}

/** ImageWatcher.Images and the thumbnails folder, kept since the plugin loaded. */
interface ImageWatcherState {
  images: SavedImage[];
  /** `<n>.jpg` in thumbnails-<pid>: only saves made while CreateThumbnails was on get one. */
  thumbnails: SavedImage[];
  previews: SmallCache<GreyImage>;
  encodings: SmallCache<{ bytes: Buffer; png: boolean }>;
}

const states = new WeakMap<Rig, ImageWatcherState>();

function stateOf(rig: Rig): ImageWatcherState {
  let state = states.get(rig);
  if (state === undefined) {
    state = { images: [], thumbnails: [], previews: new SmallCache(4), encodings: new SmallCache(8) };
    states.set(rig, state);
  }
  return state;
}

/** How a frame is prepared for display: NINA's stretch, or the linear 16-bit view (autoStretch off). */
export type Preparation = StretchParameters | 'linear';

export const PROFILE_STRETCH: StretchParameters = { factor: STRETCH_DEFAULTS.factor, blackClipping: STRETCH_DEFAULTS.blackClipping };

export function preparedImage(rig: Rig, frame: CapturedFrame, preparation: Preparation): GreyImage {
  const key = preparation === 'linear' ? `${frame.params.id}:linear` : `${frame.params.id}:${preparation.factor}:${preparation.blackClipping}`;
  return stateOf(rig).previews.get(key, () => {
    const rendered = rig.imaging.render(frame);
    return preparation === 'linear' ? linear(rendered) : stretch(rendered, preparation);
  });
}

/** BitmapHelper's resize and encoder over the prepared image; PNG for quality -1, else JPEG. */
export function encodePrepared(
  rig: Rig,
  frame: CapturedFrame,
  preparation: Preparation,
  request: ResizeRequest,
  quality: number,
): { bytes: Buffer; png: boolean } {
  const stretchKey = preparation === 'linear' ? 'linear' : `${preparation.factor}:${preparation.blackClipping}`;
  const key = `${frame.params.id}:${stretchKey}:${JSON.stringify(request)}:${quality}`;
  return stateOf(rig).encodings.get(key, () => encodeImage(preparedImage(rig, frame, preparation), request, quality));
}

/** A binary reply: the image bytes with the endpoint's own Content-Type, no envelope. */
export function binaryReply(bytes: Buffer, contentType: string): HttpReply {
  return { status: 200, contentType, body: bytes };
}

/** ImageResponse (§7.2): the image-history item, and IMAGE-SAVE's ImageStatistics. */
export function imageResponse(image: SavedImage): NetValue {
  const { frame, statistics } = image;
  return {
    ExposureTime: double(frame.exposure.durationS),
    ImageType: frame.meta.imageType,
    Filter: frame.meta.filterName,
    RmsText: frame.meta.rmsText,
    Temperature: double(frame.exposure.temperatureC),
    CameraName: frame.meta.cameraName,
    TargetName: frame.meta.targetName,
    Gain: int(frame.exposure.gain),
    Offset: int(frame.exposure.offset),
    Date: dateTimeLocal(image.savedAtMs),
    TelescopeName: frame.meta.telescopeName,
    FocalLength: double(frame.meta.focalLengthMm),
    StDev: double(statistics.stdev),
    Mean: double(statistics.mean),
    Median: double(statistics.median),
    Min: double(statistics.min),
    Max: double(statistics.max),
    Stars: int(frame.stars.stars),
    HFR: double(frame.stars.hfr),
    HFRStDev: double(frame.stars.hfrStDev),
    IsBayered: false,
    Filename: image.fileName,
  };
}

/** The plugin's ImageWatcher: one history entry (and thumbnail) per ImageSaved, and the two image events. */
export function startImageWatcher(context: ApiContext): void {
  const { rig, events, settings } = context;
  const state = stateOf(rig);
  rig.imaging.imageSaved.subscribe((image) => {
    state.images.push(image);
    if (settings.createThumbnails) state.thumbnails.push(image);
    events.sendAndAddEvent('IMAGE-SAVE', { ImageStatistics: imageResponse(image) });
  });
  rig.imaging.imagePrepared.subscribe(() => events.sendAndAddEvent('IMAGE-PREPARED'));
}

/** The image endpoints' stretch parameters: each defaults to the profile only when the parameter is absent. */
function preparationFrom(query: QueryData, values: { factor: number; blackClipping: number; autoPrepare: boolean }): Preparation {
  if (values.autoPrepare) return PROFILE_STRETCH;
  return {
    factor: query.has('factor') ? values.factor : STRETCH_DEFAULTS.factor,
    blackClipping: query.has('blackClipping') ? values.blackClipping : STRETCH_DEFAULTS.blackClipping,
  };
}

/**
 * `bayerPattern` goes through Enum.Parse, which is case-sensitive here: a SensorType name (or its
 * number). The pattern only matters for debayering, which a mono frame does not need.
 */
function validBayerPattern(query: QueryData): boolean {
  if (!query.has('bayerPattern')) return true;
  const text = (query.last('bayerPattern') ?? '').trim();
  return /^[+-]?\d+$/.test(text) || Object.keys(SensorType).includes(text);
}

/** An int route segment; EmbedIO answers a segment that does not convert with its 400 page. */
function indexParam(request: RouteRequest): number | null {
  const text = request.params.index ?? '';
  return /^[+-]?\d+$/.test(text) && Math.abs(Number(text)) <= 2_147_483_647 ? Number(text) : null;
}

function ofType(images: readonly SavedImage[], query: QueryData, imageType: string | null): readonly SavedImage[] {
  return query.has('imageType') ? images.filter((image) => image.frame.meta.imageType === imageType) : images;
}

/** FITS headers NINA writes with the pixels (a subset of its standard set). */
function fitsHeaders(image: SavedImage): Record<string, string | number | boolean> {
  const { frame } = image;
  return {
    IMAGETYP: frame.meta.imageType,
    EXPOSURE: frame.exposure.durationS,
    EXPTIME: frame.exposure.durationS,
    'DATE-OBS': new Date(frame.exposure.startMs).toISOString().replace('Z', ''),
    XBINNING: frame.exposure.binX,
    YBINNING: frame.exposure.binY,
    XPIXSZ: SENSOR.pixelSizeUm * frame.exposure.binX * renderScale(frame.params),
    GAIN: frame.exposure.gain,
    OFFSET: frame.exposure.offset,
    'CCD-TEMP': frame.exposure.temperatureC,
    INSTRUME: frame.meta.cameraName,
    TELESCOP: frame.meta.telescopeName,
    FOCALLEN: frame.meta.focalLengthMm,
    FILTER: frame.meta.filterName ?? '',
    OBJECT: frame.meta.targetName,
    RA: frame.params.centerJ2000.raDeg,
    DEC: frame.params.centerJ2000.decDeg,
    FOCPOS: frame.meta.focuserPositionSteps,
  };
}

/** `unlinked`, `debayer` and `bayerPattern` are bound (a bad value is EmbedIO's 400) but change nothing on a mono frame. */
const IMAGE_SPEC = {
  resize: queryField.boolean(),
  quality: queryField.int32(),
  size: queryField.string(),
  scale: queryField.double(),
  factor: queryField.double(),
  blackClipping: queryField.double(),
  unlinked: queryField.boolean(),
  stream: queryField.boolean(),
  debayer: queryField.boolean(),
  bayerPattern: queryField.string(),
  autoPrepare: queryField.boolean(),
  imageType: queryField.string(),
};

const PREPARED_SPEC = {
  resize: queryField.boolean(),
  quality: queryField.int32(),
  size: queryField.string(),
  scale: queryField.double(),
  factor: queryField.double(),
  blackClipping: queryField.double(),
  unlinked: queryField.boolean(),
  debayer: queryField.boolean(),
  autoPrepare: queryField.boolean(),
  bayerPattern: queryField.string(),
};

export function registerImageRoutes(router: Router, context: ApiContext): void {
  const { rig } = context;
  const state = stateOf(rig);

  /** Precedence count > all > index; without index the newest, as a one-element array. */
  router.get(
    '/image-history',
    { all: queryField.boolean(), index: queryField.int32(), count: queryField.boolean(), imageType: queryField.string() },
    ({ all, index, count, imageType }, request) => {
      const images = ofType(state.images, request.query, imageType);
      if (count) return ok(int(images.length));
      if (all) return ok(images.map(imageResponse));
      const position = request.query.has('index') ? index : images.length - 1;
      const image = images[position];
      if (position < 0 || image === undefined) return err('Index out of range', 400);
      return ok([imageResponse(image)]);
    },
  );

  router.getRaw('/image/{index}', IMAGE_SPEC, (values, request) => {
    const index = indexParam(request);
    if (index === null) return htmlErrorReply(400);
    const { query } = request;
    const quality = normalizeQuality(values.quality);
    const resize = resizeRequest(values.resize, values.size, values.scale);
    if (!validBayerPattern(query)) return envelopeReply(err('Invalid bayer pattern', 400));
    const images = ofType(state.images, query, values.imageType);
    if (images.length === 0) return envelopeReply(err('No images available', 500));
    const image = images[index];
    if (index < 0 || image === undefined) return envelopeReply(err('Index out of range', 400));
    // Presence, not value: raw_fits=false still sends the FITS; the file is always a .fits here.
    if (query.has('raw_fits')) return envelopeReply(ok(encodeFits(rig.imaging.render(image.frame), fitsHeaders(image)).toString('base64')));
    const encoded = encodePrepared(rig, image.frame, preparationFrom(query, values), resize, quality);
    if (values.stream) return binaryReply(encoded.bytes, encoded.png ? 'image/png' : 'image/jpeg');
    return envelopeReply(ok(encoded.bytes.toString('base64')));
  });

  const solveReply = async (frame: CapturedFrame): Promise<Envelope> => {
    const outcome = await rig.imaging.solve(frame, frame.meta.mountJ2000);
    return ok(plateSolveResultValue(outcome, rig.clock.nowMs()));
  };

  router.getRaw('/image/{index}/solve', { imageType: queryField.string() }, async ({ imageType }, request) => {
    const index = indexParam(request);
    if (index === null) return htmlErrorReply(400);
    const images = ofType(state.images, request.query, imageType);
    if (images.length === 0) return envelopeReply(err('No images available', 400));
    const image = images[index];
    if (index < 0 || image === undefined) return envelopeReply(err('Index out of range', 400));
    return envelopeReply(await solveReply(image.frame));
  });

  router.getRaw(
    '/image/{index}/prefix',
    { prefix: queryField.string({ required: true }), imageType: queryField.string() },
    ({ prefix, imageType }, request) => {
      const index = indexParam(request);
      if (index === null) return htmlErrorReply(400);
      const images = ofType(state.images, request.query, imageType);
      if (images.length === 0) return envelopeReply(err('No images available', 400));
      const image = images[index];
      if (index < 0 || image === undefined) return envelopeReply(err('Index out of range', 400));
      const renamed = `${prefix ?? ''}${image.fileName}`;
      if (state.images.some((other) => other.fileName === renamed)) return envelopeReply(err('File already exists', 400));
      // The path is what changes; the history item keeps the Filename it was created with.
      image.fileName = renamed;
      return envelopeReply(ok(`Image renamed with prefix ${prefix ?? ''}`));
    },
  );

  /** Thumbnails are JPEG (quality 100) at 256 px / width clamped to [0.1, 1] of the full frame: 625 px for this sensor unbinned. */
  router.getRaw('/image/thumbnail/{index}', { imageType: queryField.string() }, ({ imageType }, request) => {
    const index = indexParam(request);
    if (index === null) return htmlErrorReply(400);
    if (state.thumbnails.length === 0) return envelopeReply(err('No thumbnails available', 400));
    const image = ofType(state.thumbnails, request.query, imageType)[index];
    // ElementAt past the end throws, which the catch-all answers with 500.
    if (index < 0 || image === undefined) throw new RangeError(`No thumbnail ${index}`);
    const realWidth = binnedSize(image.frame.params).width;
    const scale = Math.min(1, Math.max(0.1, 256 / realWidth));
    const thumbnail = resizeGrey(preparedImage(rig, image.frame, PROFILE_STRETCH), Math.max(1, Math.round(realWidth * scale)));
    return binaryReply(encodeJpeg(thumbnail, 100), 'image/jpeg');
  });

  /** Always binary; the last ImagePrepared frame of any source, re-stretched per request. */
  router.getRaw('/prepared-image', PREPARED_SPEC, (values, request) => {
    const quality = normalizeQuality(values.quality);
    const resize = resizeRequest(values.resize, values.size, values.scale);
    if (!validBayerPattern(request.query)) return envelopeReply(err('Invalid bayer pattern', 400));
    const frame = rig.imaging.lastPrepared;
    if (frame === null) return envelopeReply(err('No image', 404));
    const encoded = encodePrepared(rig, frame, preparationFrom(request.query, values), resize, quality);
    return binaryReply(encoded.bytes, encoded.png ? 'image/png' : 'image/jpeg');
  });

  router.get('/prepared-image/solve', {}, async () => {
    const frame = rig.imaging.lastPrepared;
    if (frame === null) return err('Image not available', 404);
    return solveReply(frame);
  });
}
