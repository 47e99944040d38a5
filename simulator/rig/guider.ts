// PHD2 through NINA's PHD2 driver (PHD2Guider) and NINA's GuiderVM: PHD2's capture loop runs one
// exposure every GUIDE_EXPOSURE_MS while it loops, calibrates or guides; NINA follows its AppState
// events, keeps the guide graph (GuideStepsHistory) and raises GuidingStarted, GuidingStopped and
// AfterDither, which the plugin turns into GUIDER-START, GUIDER-STOP and GUIDER-DITHER.
//
// `phase` is PHD2's own state (what NINA's get_app_state polls see); `state` is the AppState NINA
// last took from PHD2's events, which is what GuideInfo.State shows. They differ briefly: after
// calibration PHD2 is guiding before its first GuideStep event reaches NINA.

import { Device, Signal, type DeviceServices } from './device';
import { GuideStepsHistory, RunningRms } from './guider-history';
import { GUIDE_EXPOSURE_MS, GuideStarTracking } from './guider-tracking';
import { SeededRandom } from './random';
import type { Timer } from './sim-clock';

/** PHD2's AppState values, as NINA passes them through. */
export type Phd2AppState = '' | 'Stopped' | 'Selected' | 'Calibrating' | 'Guiding' | 'LostLock' | 'Paused' | 'Looping';

/** A PHD2 GuideStep as NINA's PhdEventGuideStep sees it: distances in px, durations in signed ms. */
export interface GuideStep {
  raDistanceRawPx: number;
  decDistanceRawPx: number;
  raDurationMs: number;
  decDurationMs: number;
}

/** NINA's RMSError: pixels, and the arcsec/px that turns them into arcseconds. */
export interface GuideRms {
  raPx: number;
  decPx: number;
  totalPx: number;
  peakRaPx: number;
  peakDecPx: number;
  arcsecPerPx: number;
}

/** What NINA hands PHD2's `dither` RPC; the defaults are the profile's GuiderSettings. */
export interface DitherRequest {
  pixels?: number;
  raOnly?: boolean;
  settlePixels?: number;
  settleTimeS?: number;
  settleTimeoutS?: number;
}

type Phase = 'stopped' | 'looping' | 'calibrating' | 'guiding' | 'lost-lock';

interface SettleCriteria {
  tolerancePx: number;
  timeS: number;
  timeoutS: number;
}

interface Settle extends SettleCriteria {
  elapsedMs: number;
  inRangeSinceMs: number | null;
}

interface Waiter {
  ready(): boolean;
  finish(met: boolean): void;
}

/** GuiderSettings defaults: DitherPixels 5, DitherRAOnly off, SettlePixels 1.5, SettleTime 10 s, SettleTimeout 40 s. */
const DEFAULT_DITHER_PX = 5;
const DEFAULT_SETTLE: SettleCriteria = { tolerancePx: 1.5, timeS: 10, timeoutS: 40 };
/** GuiderSettings.AutoRetryStartGuidingTimeoutSeconds: how long StartGuiding waits for PHD2 to report Guiding. */
const START_GUIDING_TIMEOUT_MS = 300_000;
/** PHD2 auto-selects the star on its first looped frame. */
const LOOPING_FRAMES = 1;
/** PHD2's calibration walks the star out and back on both axes: one to two minutes. */
const CALIBRATION_MIN_S = 60;
const CALIBRATION_MAX_S = 120;
/** stop_capture ends the current exposure; PHD2 reports Stopped a moment later. */
const STOP_CAPTURE_MS = 300;
/** PHD2Guider.ClearCalibration gives PHD2 this long after the RPC. */
const CLEAR_CALIBRATION_MS = 100;
/** How many frames a lost star stays lost when nobody says otherwise. */
const DEFAULT_LOST_LOCK_FRAMES = 3;
/** arcsec/px of the guide camera (ASI120MM Mini on a 200 mm guide scope). */
const PIXEL_SCALE_ARCSEC_PER_PX = 3.87;

export class Guider extends Device {
  /** GuiderVM.GuideEvent: every guide step NINA takes in, which the plugin keeps as LastGuideStep. */
  readonly guideEvent = new Signal<GuideStep>();
  readonly guidingStarted = new Signal();
  readonly guidingStopped = new Signal();
  readonly afterDither = new Signal();
  readonly pixelScaleArcsecPerPx = PIXEL_SCALE_ARCSEC_PER_PX;
  /** GuiderVM.GuideStepsHistory, which `guider/graph` returns. */
  readonly history = new GuideStepsHistory();
  readonly tracking: GuideStarTracking;
  state: Phd2AppState = 'Stopped';
  /** Whether PHD2 holds a calibration; it keeps one across NINA's connects. */
  calibrated = false;
  /** GuiderInfo.RMSError: null while disconnected, zeros after a connect, then updated by every step. */
  rmsError: GuideRms | null = null;
  /** Mean simulated hours between spontaneous star losses while guiding; null never loses it. */
  lostLockMeanIntervalH: number | null = null;
  /** Test control: PHD2 answers clear_calibration with an error. */
  failClearCalibration = false;
  private phase: Phase = 'stopped';
  private phaseFramesLeft = 0;
  private calibrateNext = false;
  private lostLockFramesPending = 0;
  private settle: Settle | null = null;
  /** GuiderVM.Dither unsubscribes from GuideEvent while PHD2 dithers and settles. */
  private dithersInProgress = 0;
  private loop: Timer | null = null;
  private readonly waiters = new Set<Waiter>();
  private readonly eventRandom: SeededRandom;
  private readonly rmsRecordings = new Map<number, RunningRms>();
  private nextRecordingHandle = 1;

  constructor(services: DeviceServices) {
    super(
      {
        kind: 'guider',
        driver: {
          id: 'PHD2_Single',
          name: 'PHD2',
          displayName: 'PHD2',
          description: 'PHD2 Guider',
          driverInfo: 'PHD2 Guider',
          // NINA's PHD2Guider reports its own class version, not PHD2's.
          driverVersion: '1.0',
          category: 'Guiders',
          hasSetupDialog: true,
          supportedActions: [],
        },
        noDeviceName: 'No Guider',
        logLabel: 'Guider',
        connectOrigin: { source: 'GuiderVM.cs', member: 'Connect', line: 214 },
        disconnectOrigin: { source: 'GuiderVM.cs', member: 'Disconnect', line: 270 },
        connectDurationMs: 1200,
        rescanDurationMs: 600,
      },
      services,
    );
    const random = new SeededRandom((services.seed ^ 0x9e1d3a57) >>> 0);
    this.tracking = new GuideStarTracking(random.fork(), PIXEL_SCALE_ARCSEC_PER_PX);
    this.eventRandom = random.fork();
  }

  /** PHD2 is exposing (looping, calibrating, guiding or searching for a lost star). */
  get capturing(): boolean {
    return this.phase !== 'stopped';
  }

  get settling(): boolean {
    return this.settle !== null;
  }

  /** GuiderVM.Connect clears the guide graph first, whether or not the connect succeeds. */
  override connect(options: { immediate?: boolean } = {}): Promise<boolean> {
    this.history.clear();
    return super.connect(options);
  }

  /**
   * GuiderVM's Guider_GuideEvent: the step goes into the graph, RMSError follows the graph's RMS,
   * and the step is passed on to GuideEvent's subscribers.
   */
  recordGuideStep(step: GuideStep): void {
    this.history.addGuideStep(step);
    const rms = this.history.rms;
    this.rmsError = { raPx: rms.raPx, decPx: rms.decPx, totalPx: rms.totalPx, peakRaPx: rms.peakRaPx, peakDecPx: rms.peakDecPx, arcsecPerPx: rms.scale };
    for (const recording of this.rmsRecordings.values()) recording.add(step.raDistanceRawPx, step.decDistanceRawPx);
    this.guideEvent.emit(step);
  }

  /**
   * GuiderVM.StartRMSRecording: an RMS of the guide steps from now on (NINA records one per
   * exposure for the image's RecordedRMS), in the graph's current pixel scale.
   */
  startRmsRecording(): number {
    const recording = new RunningRms();
    recording.scale = this.history.pixelScale;
    const handle = this.nextRecordingHandle++;
    this.rmsRecordings.set(handle, recording);
    return handle;
  }

  /** GuiderVM.StopRMSRecording: the recorded RMS, or null for an unknown handle. */
  stopRmsRecording(handle: number): RunningRms | null {
    const recording = this.rmsRecordings.get(handle) ?? null;
    this.rmsRecordings.delete(handle);
    return recording;
  }

  /**
   * GuiderVM.StartGuiding over PHD2Guider.StartGuiding: resolves once PHD2 guides and has settled
   * (true, and GUIDER-START), or false when PHD2 did not start guiding in time. A cancelled start
   * (the plugin cancels the previous one on every new request) rejects while PHD2 is still
   * looping or calibrating, as NINA's cancelled delays throw there; once guiding it stops waiting
   * for the settle and counts as started.
   */
  async startGuiding(forceCalibration: boolean, signal?: AbortSignal): Promise<boolean> {
    if (!this.connected) return false;
    const started = await this.phd2StartGuiding(forceCalibration, signal);
    if (started) this.guidingStarted.emit();
    return started;
  }

  private async phd2StartGuiding(forceCalibration: boolean, signal: AbortSignal | undefined): Promise<boolean> {
    if (this.phase === 'guiding') return true;
    if (this.phase === 'lost-lock') this.stopCapture();
    if (!(await this.until(() => this.phase !== 'calibrating', { signal }))) return false;
    this.guideCommand(forceCalibration);
    const running = () => this.phase !== 'looping' && this.phase !== 'calibrating';
    if (!(await this.until(running, { signal }))) return false;
    const guiding = await this.until(() => this.phase === 'guiding', { signal, timeoutMs: START_GUIDING_TIMEOUT_MS });
    if (!guiding) return false;
    // NINA's WaitForSettling swallows a cancellation, so a cancelled start that got this far succeeds.
    await this.until(() => this.settle === null, { signal }).catch(() => undefined);
    return this.connected;
  }

  /** PHD2's `guide` RPC: start the loop from Stopped, or settle again when already guiding. */
  private guideCommand(forceCalibration: boolean): void {
    if (this.phase === 'stopped') {
      this.calibrateNext = forceCalibration || !this.calibrated;
      this.enterPhase('looping', LOOPING_FRAMES);
      this.state = 'Looping';
      this.loop = this.services.clock.setRepeating(GUIDE_EXPOSURE_MS, () => this.frame());
    } else if (this.phase === 'guiding') {
      this.beginSettle(DEFAULT_SETTLE);
    } else if (this.phase === 'looping' && forceCalibration) {
      this.calibrateNext = true;
    }
  }

  /**
   * GuiderVM.StopGuiding: PHD2Guider only stops when PHD2 is guiding, calibrating or has lost the
   * star (false otherwise, with no event); a stop that happened raises GUIDER-STOP.
   */
  async stopGuiding(): Promise<boolean> {
    if (!this.connected) return false;
    if (this.phase !== 'guiding' && this.phase !== 'calibrating' && this.phase !== 'lost-lock') return false;
    await this.services.clock.sleep(STOP_CAPTURE_MS);
    if (!this.connected || !this.capturing) return false;
    this.stopCapture();
    this.guidingStopped.emit();
    return true;
  }

  /** PHD2's clear_calibration: the next start calibrates again; guiding in progress carries on. */
  async clearCalibration(): Promise<boolean> {
    if (!this.connected) return false;
    if (this.failClearCalibration) return false;
    await this.services.clock.sleep(CLEAR_CALIBRATION_MS);
    this.calibrated = false;
    return true;
  }

  /**
   * GuiderVM.Dither, as NINA's Dither instruction calls it: a marker goes into the graph, PHD2
   * moves the lock position by up to `pixels` on each axis and settles, and AfterDither
   * (GUIDER-DITHER) follows. The steps taken while settling never reach the graph or GuideEvent.
   * When PHD2 is not guiding it skips the dither, yet NINA still adds the marker and raises
   * AfterDither. False (nothing happens) when the guider is not connected.
   */
  async dither(request: DitherRequest = {}): Promise<boolean> {
    if (!this.connected) return false;
    this.history.addDitherIndicator();
    this.dithersInProgress++;
    try {
      if (this.phase === 'guiding') {
        await this.until(() => this.settle === null);
        if (this.phase === 'guiding') {
          const pixels = request.pixels ?? DEFAULT_DITHER_PX;
          const raPx = pixels * this.eventRandom.range(-1, 1);
          const decPx = request.raOnly === true ? 0 : pixels * this.eventRandom.range(-1, 1);
          this.tracking.shiftLock(raPx, decPx);
          this.beginSettle({
            tolerancePx: request.settlePixels ?? DEFAULT_SETTLE.tolerancePx,
            timeS: request.settleTimeS ?? DEFAULT_SETTLE.timeS,
            timeoutS: request.settleTimeoutS ?? DEFAULT_SETTLE.timeoutS,
          });
          await this.until(() => this.settle === null);
        }
      }
    } finally {
      this.dithersInProgress--;
    }
    if (!this.connected) return false;
    this.afterDither.emit();
    return true;
  }

  /**
   * PHD2 loses the star for `frames` exposures (StarLost events, State "LostLock", no guide
   * steps). PHD2 itself would keep searching; the session then ends the way NINA's StopGuiding
   * ends it (a sequence giving up on guiding, or the user), so GUIDER-STOP follows. False when
   * PHD2 is not guiding.
   */
  loseStar(frames: number = DEFAULT_LOST_LOCK_FRAMES): boolean {
    if (this.phase !== 'guiding') return false;
    this.lostLockFramesPending = Math.max(1, frames);
    return true;
  }

  private enterPhase(phase: Phase, frames = 0): void {
    this.phase = phase;
    this.phaseFramesLeft = frames;
  }

  /** One PHD2 exposure. */
  private frame(): void {
    switch (this.phase) {
      case 'looping':
        this.tracking.skipFrame();
        if (--this.phaseFramesLeft <= 0) this.afterStarSelected();
        break;
      case 'calibrating':
        this.tracking.skipFrame();
        if (--this.phaseFramesLeft <= 0) {
          this.calibrated = true;
          this.beginGuiding();
        }
        break;
      case 'guiding':
        if (this.lostLockFramesPending > 0) this.starLost();
        else this.guideFrame();
        break;
      case 'lost-lock':
        this.tracking.skipFrame();
        if (--this.phaseFramesLeft <= 0) {
          this.stopCapture();
          this.guidingStopped.emit();
        }
        break;
      case 'stopped':
        break;
    }
    this.wake();
  }

  private afterStarSelected(): void {
    if (!this.calibrateNext) {
      this.beginGuiding();
      return;
    }
    const calibrationS = this.eventRandom.range(CALIBRATION_MIN_S, CALIBRATION_MAX_S);
    this.enterPhase('calibrating', Math.round((calibrationS * 1000) / GUIDE_EXPOSURE_MS));
    this.state = 'Calibrating';
  }

  /** PHD2 locks on the star and settles; NINA's AppState turns "Guiding" with the first GuideStep. */
  private beginGuiding(): void {
    this.enterPhase('guiding');
    this.tracking.lockOnStar();
    this.beginSettle(DEFAULT_SETTLE);
  }

  private beginSettle(criteria: SettleCriteria): void {
    this.settle = { ...criteria, elapsedMs: 0, inRangeSinceMs: null };
  }

  private guideFrame(): void {
    const step = this.tracking.guide();
    this.state = 'Guiding';
    if (this.dithersInProgress === 0) this.recordGuideStep(step);
    this.advanceSettle(Math.hypot(step.raDistanceRawPx, step.decDistanceRawPx));
    const meanIntervalH = this.lostLockMeanIntervalH;
    if (meanIntervalH !== null && meanIntervalH > 0) {
      const chancePerFrame = GUIDE_EXPOSURE_MS / (meanIntervalH * 3_600_000);
      if (this.eventRandom.next() < chancePerFrame) this.lostLockFramesPending = 2 + Math.floor(this.eventRandom.next() * 4);
    }
  }

  /** PHD2's settle: in range for `timeS` in a row (SettleDone), or SettleDone with an error after `timeoutS`. */
  private advanceSettle(distancePx: number): void {
    const settle = this.settle;
    if (settle === null) return;
    settle.elapsedMs += GUIDE_EXPOSURE_MS;
    if (distancePx <= settle.tolerancePx) {
      settle.inRangeSinceMs ??= settle.elapsedMs;
      if (settle.elapsedMs - settle.inRangeSinceMs >= settle.timeS * 1000) this.settle = null;
    } else {
      settle.inRangeSinceMs = null;
    }
    if (this.settle !== null && settle.elapsedMs >= settle.timeoutS * 1000) this.settle = null;
  }

  private starLost(): void {
    this.enterPhase('lost-lock', this.lostLockFramesPending);
    this.lostLockFramesPending = 0;
    this.state = 'LostLock';
    this.tracking.skipFrame();
  }

  /** PHD2 stops exposing (LoopingExposuresStopped): State "Stopped", and any settle ends with it. */
  private stopCapture(): void {
    this.loop?.cancel();
    this.loop = null;
    this.enterPhase('stopped');
    this.state = 'Stopped';
    this.settle = null;
    this.lostLockFramesPending = 0;
    this.wake();
  }

  /** Waits for `ready`; false after `timeoutMs` or when the guider disconnects, rejects when aborted. */
  private until(ready: () => boolean, options: { signal?: AbortSignal | undefined; timeoutMs?: number } = {}): Promise<boolean> {
    const { signal, timeoutMs } = options;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (ready()) return Promise.resolve(true);
    return new Promise((resolve, reject) => {
      const cleanUp = (): void => {
        this.waiters.delete(waiter);
        timer?.cancel();
        signal?.removeEventListener('abort', onAbort);
      };
      const waiter: Waiter = {
        ready,
        finish: (met) => {
          cleanUp();
          resolve(met);
        },
      };
      const onAbort = (): void => {
        cleanUp();
        reject(abortReason(signal));
      };
      const timer = timeoutMs === undefined ? null : this.services.clock.setTimer(timeoutMs, () => waiter.finish(false));
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.add(waiter);
    });
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) if (waiter.ready()) waiter.finish(true);
  }

  protected onConnected(): void {
    this.state = 'Stopped';
    this.history.pixelScale = PIXEL_SCALE_ARCSEC_PER_PX;
    this.rmsError = { raPx: 0, decPx: 0, totalPx: 0, peakRaPx: 0, peakDecPx: 0, arcsecPerPx: 1 };
  }

  /**
   * NINA stops listening to PHD2; the simulation stops PHD2's loop with it. NINA's pending
   * StartGuiding and Dither calls give up (their PHD2 calls fail), and GuiderInfo resets, so
   * RMSError is null (omitted).
   */
  protected onDisconnected(): void {
    this.loop?.cancel();
    this.loop = null;
    this.enterPhase('stopped');
    this.state = 'Stopped';
    this.settle = null;
    this.lostLockFramesPending = 0;
    this.rmsError = null;
    for (const waiter of [...this.waiters]) waiter.finish(false);
  }

  snapshot(): Record<string, unknown> {
    return {
      connected: this.connected,
      failConnect: this.failConnect,
      state: this.state,
      phase: this.phase,
      calibrated: this.calibrated,
      settling: this.settling,
      errorScale: this.tracking.errorScale,
      lostLockMeanIntervalH: this.lostLockMeanIntervalH,
      failClearCalibration: this.failClearCalibration,
      graph: {
        changeId: this.history.changeId,
        historySize: this.history.historySize,
        scale: this.history.scale,
        steps: this.history.guideSteps.length,
      },
      rmsError: this.rmsError,
    };
  }
}

function abortReason(signal: AbortSignal | undefined): Error {
  return signal?.reason instanceof Error ? signal.reason : new Error('Aborted');
}
