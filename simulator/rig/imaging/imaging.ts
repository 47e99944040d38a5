// NINA's imaging pipeline for the simulated rig: capture (the camera's exposure and download),
// prepare (stretch and star detection, ImagePrepared), save (the image-save queue, ImageSaved),
// plate solving and autofocus. The API's capture, the sequence runner and the AF routine all take
// their frames here.
//
// Memory stays bounded: a frame is its parameters and measurements; pixels are rendered on demand
// and only the last few renders are cached.

import { electronsPerAdu, SENSOR, type Camera, type ExposureRecord } from '../camera';
import { Signal } from '../device';
import type { Environment } from '../environment';
import type { FilterWheel, ProfileFilter } from '../filter-wheel';
import type { Focuser } from '../focuser';
import type { Guider } from '../guider';
import type { Mount } from '../mount';
import type { NinaLog } from '../nina-log';
import { SeededRandom } from '../random';
import type { SimClock } from '../sim-clock';
import { Autofocus } from './autofocus';
import { FocusModel } from './focus-model';
import {
  analyzeStars,
  pixelStatistics,
  renderFrame,
  type FrameParams,
  type ImageTypeName,
  type PixelStatistics,
  type RenderedFrame,
  type StarAnalysis,
} from './frame-renderer';
import { imageFileName } from './image-file';
import { solveFrame, type PlateSolveOutcome } from './plate-solve';
import { AUTOFOCUS_SETTINGS, pixelScaleArcsecPerPx, TELESCOPE } from './profile';
import { jnowToJ2000, type RaDecDeg } from './sky';
import { StarCatalogue } from './star-catalogue';

/** Stretching, star detection and statistics of a full frame in NINA's PrepareImage. */
const PREPARE_MS = 700;
/** Writing a 50 MB FITS in the image-save queue. */
const SAVE_MS = 450;
const SOLVE_MIN_MS = 1800;
const SOLVE_SPREAD_MS = 1500;
/** The camera's angle in the focuser: sky position angle of the image's up direction, pier west. */
const CAMERA_ANGLE_DEG = 2.3;
const RENDER_CACHE_SIZE = 3;

export interface ImagingDevices {
  clock: SimClock;
  log: NinaLog;
  seed: number;
  environment: Environment;
  camera: Camera;
  focuser: Focuser;
  filterWheel: FilterWheel;
  mount: Mount;
  guider: Guider;
}

/** NINA's CaptureSequence, the part the simulator models. */
export interface CaptureRequest {
  durationS: number;
  /** -1 (or absent) = the camera's default gain. */
  gain?: number;
  offset?: number;
  /** Absent: the camera's current binning. */
  binning?: { x: number; y: number };
  imageType: ImageTypeName;
  targetName?: string;
  /** The filter to expose through: the wheel turns to it first (ImagingVM). Absent or null: whatever is in place. */
  filter?: ProfileFilter | null;
  /** $$FRAMENR$$: a sequence's exposure count; 0 for snapshots. */
  frameNumber?: number;
  signal?: AbortSignal;
}

/** What NINA's image metadata records beside the pixels. */
export interface FrameMetadata {
  imageType: ImageTypeName;
  targetName: string;
  filterName: string | null;
  cameraName: string;
  telescopeName: string;
  focalLengthMm: number;
  rmsText: string;
  frameNumber: number;
  /** The mount's position when the frame was taken (J2000), the solver's hint; null without a mount. */
  mountJ2000: RaDecDeg | null;
  focuserPositionSteps: number;
}

export interface CapturedFrame {
  params: FrameParams;
  exposure: ExposureRecord;
  meta: FrameMetadata;
  stars: StarAnalysis;
}

export interface SavedImage {
  frame: CapturedFrame;
  statistics: PixelStatistics;
  savedAtMs: number;
  fileName: string;
}

function mix(seed: number, value: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(value, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x27d4eb2f);
  return (h ^ (h >>> 15)) >>> 0;
}

export class Imaging {
  readonly focusModel = new FocusModel();
  readonly catalogue: StarCatalogue;
  readonly autofocus: Autofocus;
  /** IImagingMediator.ImagePrepared: every frame prepared for display, AF frames included. */
  readonly imagePrepared = new Signal<CapturedFrame>();
  /** IImageSaveMediator.ImageSaved. */
  readonly imageSaved = new Signal<SavedImage>();
  /** Every saved image since NINA started, oldest first (files on disk). */
  readonly saved: SavedImage[] = [];
  /** The image NINA's image dockable shows: the last prepared frame. */
  lastPrepared: CapturedFrame | null = null;
  /** Test control: the fraction of starlight reaching the camera (clouds). */
  transparency = 1;
  private nextFrameId = 1;
  private readonly renders = new Map<number, RenderedFrame>();
  private readonly solveRandom: SeededRandom;

  constructor(private readonly devices: ImagingDevices) {
    this.catalogue = new StarCatalogue(devices.seed);
    this.solveRandom = new SeededRandom(mix(devices.seed, 0x501e));
    this.autofocus = new Autofocus({
      clock: devices.clock,
      log: devices.log,
      focuser: devices.focuser,
      filterWheel: devices.filterWheel,
      takeFocusFrame: (filter, signal, clouded) => this.takeFocusFrame(filter, signal, clouded),
    });
  }

  /** The mount's pointing in J2000 and the camera's sky angle, which turns by 180° across the meridian. */
  private pointing(nowMs: number): { centerJ2000: RaDecDeg; positionAngleDeg: number } {
    const { mount } = this.devices;
    const jnow = mount.position(nowMs);
    const centerJ2000 = jnowToJ2000({ raDeg: jnow.raHours * 15, decDeg: jnow.decDeg }, nowMs);
    return { centerJ2000, positionAngleDeg: (CAMERA_ANGLE_DEG + (mount.pierSide === 'pierEast' ? 180 : 0)) % 360 };
  }

  /** MetaData.Image.RecordedRMS.TotalText, from the guide graph's RMS (NINA's en-US label, no space before the bracket). */
  private rmsText(): string {
    const { rms } = this.devices.guider.history;
    return `Tot: ${rms.totalPx.toFixed(2)}(${(rms.totalPx * rms.scale).toFixed(2)}")`;
  }

  private describeFrame(request: CaptureRequest, exposure: ExposureRecord, filter: ProfileFilter | null, transparency: number): CapturedFrame {
    const { clock, seed, environment, camera, focuser, mount } = this.devices;
    const nowMs = clock.nowMs();
    const id = this.nextFrameId++;
    const noiseSeed = mix(seed, id);
    const pixelScale = pixelScaleArcsecPerPx(SENSOR.pixelSizeUm);
    const conditions = environment.conditions(nowMs);
    const pointing = this.pointing(nowMs);
    const filterName = filter?.name ?? null;
    const hfrPx = this.focusModel.hfrPx({
      positionSteps: focuser.positionSteps,
      temperatureC: environment.temperatureC(nowMs),
      filterName,
      seeingFwhmArcsec: this.focusModel.seeingFwhmArcsec(conditions.starFwhmArcsec),
      pixelScaleArcsecPerPx: pixelScale,
      seeingNoise: new SeededRandom(noiseSeed).gaussian(),
    });
    const params: FrameParams = {
      id,
      noiseSeed,
      skySeed: seed,
      sensorWidthPx: SENSOR.widthPx,
      sensorHeightPx: SENSOR.heightPx,
      pixelScaleArcsecPerPx: pixelScale,
      binX: exposure.binX,
      binY: exposure.binY,
      exposureS: exposure.durationS,
      gain: exposure.gain,
      offset: exposure.offset,
      electronsPerAdu: electronsPerAdu(exposure.gain),
      imageType: request.imageType,
      filterName,
      centerJ2000: pointing.centerJ2000,
      positionAngleDeg: pointing.positionAngleDeg,
      hfrPx,
      skyQualityMagPerArcsec2: conditions.skyQualityMagPerArcsec2,
      transparency,
      sensorTemperatureC: exposure.temperatureC,
    };
    return {
      params,
      exposure,
      meta: {
        imageType: request.imageType,
        targetName: request.targetName ?? '',
        filterName,
        cameraName: camera.driver.name,
        telescopeName: TELESCOPE.name,
        focalLengthMm: TELESCOPE.focalLengthMm,
        rmsText: this.rmsText(),
        frameNumber: request.frameNumber ?? 0,
        mountJ2000: mount.connected ? pointing.centerJ2000 : null,
        focuserPositionSteps: focuser.positionSteps,
      },
      stars: analyzeStars(params, this.catalogue),
    };
  }

  /**
   * CaptureImage then PrepareImage: the filter change a sequence asks for, the exposure, its download,
   * then the preparation that ends with ImagePrepared. The frame is not saved; see save().
   */
  async capture(request: CaptureRequest, transparency = this.transparency): Promise<CapturedFrame> {
    const { camera, filterWheel, clock } = this.devices;
    if (request.filter && filterWheel.connected && filterWheel.selectedPosition !== request.filter.position) {
      await filterWheel.changeFilter(request.filter.position);
    }
    const filter = filterWheel.connected ? filterWheel.selectedFilter : null;
    const exposure = await camera.expose({
      durationS: request.durationS,
      binX: request.binning?.x ?? camera.binX,
      binY: request.binning?.y ?? camera.binY,
      gain: request.gain ?? -1,
      offset: request.offset ?? -1,
      ...(request.signal ? { signal: request.signal } : {}),
    });
    const frame = this.describeFrame(request, exposure, filter, transparency);
    await clock.sleep(PREPARE_MS, request.signal);
    this.lastPrepared = frame;
    this.imagePrepared.emit(frame);
    return frame;
  }

  /** The image-save queue: the file is written a moment later, then ImageSaved. Not cancellable, like NINA's queue. */
  async save(frame: CapturedFrame): Promise<SavedImage> {
    const { clock } = this.devices;
    await clock.sleep(SAVE_MS);
    const image: SavedImage = {
      frame,
      statistics: pixelStatistics(this.render(frame).data),
      savedAtMs: clock.nowMs(),
      fileName: imageFileName({
        startMs: frame.exposure.startMs,
        filterName: frame.meta.filterName,
        sensorTemperatureC: frame.exposure.temperatureC,
        exposureS: frame.exposure.durationS,
        frameNumber: frame.meta.frameNumber,
      }),
    };
    this.saved.push(image);
    this.imageSaved.emit(image);
    return image;
  }

  /**
   * What the sequencer's TakeExposure does: capture and prepare, then hand the frame to the save queue
   * without waiting for the file (NINA goes on with the next exposure while the queue writes).
   */
  async takeExposure(request: CaptureRequest & { save: boolean }): Promise<{ frame: CapturedFrame; saved: Promise<SavedImage> | null }> {
    const frame = await this.capture(request);
    return { frame, saved: request.save ? this.save(frame) : null };
  }

  /** The frame's pixels at preview size, from a small cache. */
  render(frame: CapturedFrame): RenderedFrame {
    const id = frame.params.id;
    const cached = this.renders.get(id);
    if (cached !== undefined) {
      this.renders.delete(id);
      this.renders.set(id, cached);
      return cached;
    }
    const rendered = renderFrame(frame.params, this.catalogue);
    this.renders.set(id, rendered);
    if (this.renders.size > RENDER_CACHE_SIZE) this.renders.delete(this.renders.keys().next().value ?? id);
    return rendered;
  }

  /** A plate solve (ASTAP, a few seconds) of the frame, with `hintJ2000` as the coordinates to compare with. */
  async solve(frame: CapturedFrame, hintJ2000: RaDecDeg | null, signal?: AbortSignal): Promise<PlateSolveOutcome> {
    const { clock, log } = this.devices;
    await clock.sleep(SOLVE_MIN_MS + SOLVE_SPREAD_MS * this.solveRandom.next(), signal);
    const outcome = solveFrame(frame.params, frame.stars, hintJ2000, clock.nowMs(), this.solveRandom);
    // The plugin's log watcher turns this line into ERROR-PLATESOLVE.
    if (!outcome.success) log.write('ERROR', { source: 'ASTAPSolver.cs', member: 'GetResult', line: 138 }, 'ASTAP - Plate solve failed.');
    return outcome;
  }

  /** Where the mount points now, J2000; null without a connected mount (the hint a capture solve gets). */
  mountPositionJ2000(): RaDecDeg | null {
    const { mount, clock } = this.devices;
    return mount.connected ? this.pointing(clock.nowMs()).centerJ2000 : null;
  }

  private async takeFocusFrame(filter: ProfileFilter | null, signal: AbortSignal, clouded: boolean): Promise<StarAnalysis> {
    const binning = { x: AUTOFOCUS_SETTINGS.binning, y: AUTOFOCUS_SETTINGS.binning };
    const frame = await this.capture(
      { durationS: AUTOFOCUS_SETTINGS.exposureS, binning, imageType: 'SNAPSHOT', filter, signal },
      clouded ? 0 : this.transparency,
    );
    return frame.stars;
  }
}
