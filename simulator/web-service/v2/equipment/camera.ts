// Camera.cs (notes §3.2, §6): info, capture (with its getResult/waitForResult branches and temp.png),
// capture/statistics, cool, warm, abort-exposure, set-binning, set-readout, dew-heater, usb-limit.

import { envelopeReply, type HttpReply } from '../../../http/reply';
import type { Router } from '../../../http/router';
import type { Rig } from '../../../rig/rig';
import { IMAGE_TYPES, pixelStatistics, type ImageTypeName } from '../../../rig/imaging/frame-renderer';
import { normalizeQuality, resizeRequest } from '../../../rig/imaging/image-codec';
import type { CapturedFrame } from '../../../rig/imaging/imaging';
import { plateSolveResultValue, type PlateSolveOutcome } from '../../../rig/imaging/plate-solve';
import { COOLING_DURATION_MIN, PLATE_SOLVE_EXPOSURE_S, WARMING_DURATION_MIN } from '../../../rig/imaging/profile';
import { err, ok, type Envelope } from '../../../wire/envelope';
import { double, int, netNumber, type NetValue } from '../../../wire/net-values';
import { queryField } from '../../../wire/query-binder';
import type { ApiContext } from '../api-context';
import { binaryReply, encodePrepared, PROFILE_STRETCH, preparedImage, type Preparation } from '../application/image';

/** Reloading temp.png, star detection and statistics on every call (notes §6.2). */
const STATISTICS_MS = 400;

/**
 * CameraInfoResponse.FromCam: NINA's CameraInfo plus TargetTemp and AtTargetTemp. FromCam never
 * copies HasBattery, so it is always false; AtTargetTemp is exact float equality, so it is
 * usually false while the cooler regulates (and true for a reset camera, where both are 0).
 */
export function cameraInfoResponse(context: ApiContext): Record<string, NetValue> {
  const camera = context.rig.camera;
  const info = camera.info();
  const atTargetTemp = netNumber(info.Temperature ?? null) === netNumber(info.TemperatureSetPoint ?? null);
  return { TargetTemp: double(camera.targetTempC), AtTargetTemp: atTargetTemp, ...info, HasBattery: false };
}

/** The capture endpoint's static state in the plugin: the last task, temp.png and the last solve. */
interface CaptureState {
  task: { done: boolean; failed: boolean; finished: Promise<void> } | null;
  /** temp.png: the prepared image of the last API capture that wrote one. */
  tempPng: { frame: CapturedFrame; preparation: Preparation } | null;
  plateSolve: PlateSolveOutcome | null;
}

const states = new WeakMap<Rig, CaptureState>();

function captureState(rig: Rig): CaptureState {
  let state = states.get(rig);
  if (state === undefined) {
    state = { task: null, tempPng: null, plateSolve: null };
    states.set(rig, state);
  }
  return state;
}

/** `imageType` is matched case-insensitively; anything else (or nothing) is a SNAPSHOT. */
function captureImageType(text: string | null): ImageTypeName {
  const upper = (text ?? '').trim().toUpperCase();
  return IMAGE_TYPES.find((type) => type === upper) ?? 'SNAPSHOT';
}

/** int.TryParse over one side of "XxY". */
function parseBinningSide(text: string | undefined): number | null {
  if (text === undefined || !/^\s*[+-]?\d+\s*$/.test(text)) return null;
  return Number(text.trim());
}

const CAPTURE_SPEC = {
  solve: queryField.boolean(),
  duration: queryField.double(),
  getResult: queryField.boolean(),
  resize: queryField.boolean(),
  quality: queryField.int32(),
  size: queryField.string(),
  gain: queryField.int32(),
  scale: queryField.double(),
  stream: queryField.boolean(),
  omitImage: queryField.boolean(),
  waitForResult: queryField.boolean(),
  save: queryField.boolean(),
  targetName: queryField.string(),
  onlyAwaitCaptureCompletion: queryField.boolean(),
  onlySaveRaw: queryField.boolean(),
  skipAutoStretch: queryField.boolean(),
  imageType: queryField.string(),
};

export function registerCameraRoutes(router: Router, context: ApiContext): void {
  const { rig, events } = context;
  const { camera, imaging } = rig;
  const state = captureState(rig);
  const notConnected = (): Envelope => err('Camera not connected', 409);

  router.get('/equipment/camera/info', {}, () => ok(cameraInfoResponse(context)));

  /** The getResult reply: temp.png resized and encoded, streamed or as base64 beside the last solve. */
  const result = (resize: ReturnType<typeof resizeRequest>, quality: number, stream: boolean, omitImage: boolean): HttpReply => {
    const temp = state.tempPng;
    // No temp.png on disk: reading it throws, which the catch-all turns into 500.
    if (temp === null) throw new Error('temp.png not found');
    const solve = state.plateSolve === null ? null : plateSolveResultValue(state.plateSolve, rig.clock.nowMs());
    if (stream) {
      const encoded = encodePrepared(rig, temp.frame, temp.preparation, resize, quality);
      // Camera.cs writes image/jpg, not image/jpeg (§16a.13).
      return binaryReply(encoded.bytes, encoded.png ? 'image/png' : 'image/jpg');
    }
    const image = omitImage ? null : encodePrepared(rig, temp.frame, temp.preparation, resize, quality).bytes.toString('base64');
    return envelopeReply(ok({ Image: image, PlateSolveResult: solve }));
  };

  router.getRaw('/equipment/camera/capture', CAPTURE_SPEC, async (query) => {
    const quality = normalizeQuality(query.quality);
    const resize = resizeRequest(query.resize, query.size, query.scale);
    if (query.getResult) {
      if (state.task === null) return envelopeReply(err('No capture processed', 409));
      if (!state.task.done) return envelopeReply(ok('Capture already in progress'));
      return result(resize, quality, query.stream, query.omitImage);
    }
    if (!camera.connected) return envelopeReply(notConnected());
    if (camera.isExposing) return envelopeReply(err('Camera currently exposing', 409));

    // No check on a task still downloading, preparing or solving: a new one simply replaces it.
    const task = { done: false, failed: false, finished: Promise.resolve() };
    // onlyAwaitCaptureCompletion polls IsExposing: first until it is true (or the task is over), then until it is false.
    let exposureOver: Promise<void> = Promise.resolve();
    let stopWatching = (): void => undefined;
    if (query.onlyAwaitCaptureCompletion) {
      exposureOver = new Promise<void>((resolve) => {
        let exposing = false;
        const unsubscribe = camera.stateChanged.subscribe(() => {
          if (camera.isExposing) exposing = true;
          else if (exposing) stopWatching();
        });
        stopWatching = () => {
          unsubscribe();
          resolve();
        };
      });
    }
    task.finished = (async () => {
      state.plateSolve = null;
      const frame = await imaging.capture({
        durationS: query.duration <= 0 ? PLATE_SOLVE_EXPOSURE_S : query.duration,
        gain: query.gain > 0 ? query.gain : -1,
        imageType: captureImageType(query.imageType),
        targetName: query.targetName === null || query.targetName === '' ? 'Snapshot' : query.targetName,
      });
      if (!query.onlySaveRaw) state.tempPng = { frame, preparation: query.skipAutoStretch ? 'linear' : PROFILE_STRETCH };
      if (query.solve) state.plateSolve = await imaging.solve(frame, imaging.mountPositionJ2000());
      // Enqueue only hands the frame to the save queue; IMAGE-SAVE follows once the file is written.
      if (query.save || query.onlySaveRaw) void imaging.save(frame).catch(() => undefined);
      events.sendAndAddEvent('API-CAPTURE-FINISHED');
    })().then(
      () => {
        task.done = true;
        stopWatching();
      },
      () => {
        task.done = true;
        task.failed = true;
        stopWatching();
      },
    );
    state.task = task;

    let reply = 'Capture started';
    if (query.onlyAwaitCaptureCompletion) {
      await exposureOver;
      reply = 'Capture finished';
    }
    if (query.waitForResult) {
      await task.finished;
      if (task.failed) throw new Error('The capture task failed');
      return result(resize, quality, query.stream, query.omitImage);
    }
    return envelopeReply(ok(reply));
  });

  router.get('/equipment/camera/capture/statistics', {}, async () => {
    const temp = state.tempPng;
    if (temp === null) return err('No image available', 400);
    await rig.clock.sleep(STATISTICS_MS);
    // temp.png reloaded as 16 bit: the 8-bit preview scaled by 257.
    const statistics = pixelStatistics(preparedImage(rig, temp.frame, temp.preparation).grey, 257);
    return ok({
      Stars: int(temp.frame.stars.stars),
      HFR: double(temp.frame.stars.hfr),
      Median: double(statistics.median),
      MedianAbsoluteDeviation: double(statistics.medianAbsoluteDeviation),
      Mean: double(statistics.mean),
      Max: int(statistics.max),
      Min: int(statistics.min),
      StDev: double(statistics.stdev),
    });
  });

  router.get(
    '/equipment/camera/cool',
    { temperature: queryField.double(), minutes: queryField.double(), cancel: queryField.boolean() },
    ({ temperature, minutes, cancel }) => {
      if (!camera.connected) return notConnected();
      if (!camera.canSetTemperature) return err('Camera has no temperature control', 409);
      camera.cancelRamp();
      if (cancel) return ok('Cooling canceled');
      // Omitted minutes bind to 0 (cool at once); only an explicit -1 means the profile's duration.
      camera.cool(temperature, (minutes === -1 ? COOLING_DURATION_MIN : minutes) * 60_000);
      return ok('Cooling started');
    },
  );

  router.get('/equipment/camera/warm', { minutes: queryField.double(), cancel: queryField.boolean() }, ({ minutes, cancel }) => {
    if (!camera.connected) return notConnected();
    if (!camera.canSetTemperature) return err('Camera has no temperature control', 409);
    camera.cancelRamp();
    if (cancel) return ok('Warming canceled');
    camera.warm((minutes === -1 ? WARMING_DURATION_MIN : minutes) * 60_000);
    return ok('Warming started');
  });

  /** Not exposing is a success, not the 409 the spec lists (§16a.21). */
  router.get('/equipment/camera/abort-exposure', {}, () => {
    if (!camera.connected) return notConnected();
    return ok(camera.abortExposure() ? 'Exposure aborted' : 'Camera not exposing');
  });

  /** The binning is checked before the connection, and every failure is a 409. */
  router.get('/equipment/camera/set-binning', { binning: queryField.string() }, ({ binning }) => {
    if (binning === null || binning === '') return err('Binning must be specified', 409);
    if (!camera.connected) return notConnected();
    if (!binning.includes('x')) return err('Binning must be specified', 409);
    const [xText, yText] = binning.split('x');
    const x = parseBinningSide(xText);
    const y = parseBinningSide(yText);
    if (x === null || y === null || !camera.binningModes.some((mode) => mode === x && mode === y)) return err('Invalid binning mode', 409);
    camera.binX = x;
    camera.binY = y;
    return ok('Binning set');
  });

  const readoutRoute = (path: string, apply: (mode: number) => void): void => {
    router.get(path, { mode: queryField.int16() }, ({ mode }) => {
      // Without a camera ReadoutModes is null and counting it throws: the catch-all's 500.
      if (!camera.connected) throw new Error('ReadoutModes is null');
      if (mode < 0 || mode >= camera.readoutModes.length) return err('Invalid readout mode', 400);
      apply(mode);
      return ok('Readout mode updated');
    });
  };
  readoutRoute('/equipment/camera/set-readout', (mode) => {
    camera.readoutMode = mode;
  });
  readoutRoute('/equipment/camera/set-readout/image', (mode) => {
    camera.readoutModeForNormalImages = mode;
  });
  readoutRoute('/equipment/camera/set-readout/snapshot', (mode) => {
    camera.readoutModeForSnapImages = mode;
  });

  router.get('/equipment/camera/dew-heater', { power: queryField.boolean() }, ({ power }) => {
    if (!camera.connected) return notConnected();
    if (!camera.hasDewHeater) return err('Camera has no dew heater', 409);
    camera.dewHeaterOn = power;
    return ok('Dew heater set');
  });

  router.get('/equipment/camera/usb-limit', { limit: queryField.int32() }, ({ limit }) => {
    if (!camera.connected) return notConnected();
    if (!camera.canSetUsbLimit) return err('Camera can not set USB limit', 409);
    if (limit < camera.usbLimitRange.min || limit > camera.usbLimitRange.max) return err('USB limit out of range', 409);
    camera.usbLimit = limit;
    return ok('USB limit set');
  });
}
