// The Three Point Polar Alignment plugin (TPPA 2.2.4.x) as NINA runs it from its dockable: what the
// Advanced API's /v2/tppa socket starts, stops, pauses and resumes through the message broker, and
// the two broadcasts it listens to (PolarAlignmentPlugin_PolarAlignment_Progress and _AlignmentError).
//
// A run (PolarAlignment.Execute): slew to the start position (unless starting from where the mount
// points), solve, move the RA axis by TargetDistance at MoveRate, settle, solve, again for the third
// point, calculate the error, then the adjustment phase: solve after solve, an error reading after
// each. Frames are real captures of the simulated camera (snapshots, not saved) and real solves of
// them; the polar error itself comes from PolarAxis (see polar-alignment-axis.ts for the signs),
// not from the three positions, which the simulated mount measures perfectly.
//
// Every ApplicationStatus the run reports goes out as a Progress broadcast: TPPA's own statuses,
// NINA's CoreUtil.Wait countdowns ("Settling 2 s / 5 s") and the camera's "Exposing". The statuses
// of the final cleanup are reported to the dockable only, so there is no "finished" broadcast.

import { Signal } from './device';
import type { Camera } from './camera';
import type { FilterWheel, ProfileFilter } from './filter-wheel';
import type { Guider } from './guider';
import type { CapturedFrame, Imaging } from './imaging/imaging';
import type { PlateSolveOutcome } from './imaging/plate-solve';
import { PLATE_SOLVE_EXPOSURE_S } from './imaging/profile';
import { SETTLE_TIME_MS, type Mount } from './mount';
import { jnowToJ2000 } from './mount-astrometry';
import { MAX_AXIS_RATE_DEG_PER_S } from './mount-axes';
import { modulo, type Equatorial } from './astronomy';
import type { LogOrigin, NinaLog } from './nina-log';
import { isNorthern, PolarAxis, type AlignmentErrorDeg } from './polar-alignment-axis';
import { SeededRandom } from './random';
import { ClockDisposedError, type SimClock } from './sim-clock';

/** TPPA's Properties.Settings defaults and the profile's plate-solve settings the dockable starts with. */
const DEFAULTS = {
  moveRateDegPerS: 3,
  eastDirection: true,
  targetDistanceDeg: 10,
  searchRadiusDeg: 10,
  altitudeOffsetDeg: 2,
  azimuthOffsetDeg: 1,
  alignmentToleranceArcmin: 0,
  exposureTimeS: PLATE_SOLVE_EXPOSURE_S,
  binning: 1,
  gain: -1,
  offset: -1,
} as const;
/** MoveToNextPoint gives up after distance / rate × this (TPPA's MoveTimeoutFactor). */
const MOVE_TIMEOUT_FACTOR = 2;
/** StopTrackingWhenDone defaults on: tracking stops when a run ends, however it ends. */
const STOP_TRACKING_WHEN_DONE = true;
/** NINA's CoreUtil.Wait and TPPA's move loop report every 100 ms. */
const REPORT_PERIOD_MS = 100;
/**
 * At high --speed a 100 ms simulated period means hundreds of socket frames per real second; the
 * reports are thinned to about 100 per real second, which changes only how often they come.
 */
const MAX_REPORTS_PER_REAL_S = 100;
const MANUAL_POLL_MS = 1_000;
const STOP_POLL_MS = 500;
const MANUAL_SETTLE_MS = 10_000;
const RETRY_WAIT_MS = 1_000;

const ORIGIN = {
  execute: { source: 'PolarAlignment.cs', member: 'Execute', line: 438 },
  move: { source: 'PolarAlignment.cs', member: 'MoveToNextPoint', line: 772 },
  nextPoint: { source: 'PolarAlignment.cs', member: 'AutomatedNextPoint', line: 296 },
  dockable: { source: 'DockablePolarAlignmentVM.cs', member: 'OnMessageReceived', line: 160 },
  astap: { source: 'ASTAPSolver.cs', member: 'GetResult', line: 138 },
} as const satisfies Record<string, LogOrigin>;

/** NINA's ApplicationStatus as TPPA reports it: Progress/MaxProgress default to -1 and 1. */
export interface TppaStatus {
  status: string | null;
  progress: number;
  maxProgress: number;
}

/**
 * The StartAlignment message's content: the plugin's TPPARequest as ninaAPI deserialized it. A null
 * (or absent) field keeps the dockable's current setting; the others change it for good.
 */
export interface TppaStartContent {
  ManualMode?: boolean | null;
  TargetDistance?: number | null;
  MoveRate?: number | null;
  EastDirection?: boolean | null;
  StartFromCurrentPosition?: boolean | null;
  AltDegrees?: number | null;
  AltMinutes?: number | null;
  AltSeconds?: number | null;
  AzDegrees?: number | null;
  AzMinutes?: number | null;
  AzSeconds?: number | null;
  AlignmentTolerance?: number | null;
  Filter?: string | null;
  ExposureTime?: number | null;
  Binning?: number | null;
  Gain?: number | null;
  Offset?: number | null;
  SearchRadius?: number | null;
}

/** InputTopocentricCoordinates keeps degrees, minutes and seconds apart; a message may set any of them. */
interface SexagesimalParts {
  degrees: number;
  minutes: number;
  seconds: number;
}

export interface TppaSettings {
  manualMode: boolean;
  targetDistanceDeg: number;
  moveRateDegPerS: number;
  eastDirection: boolean;
  startFromCurrentPosition: boolean;
  /** The start position; null until a message sets part of it, which means TPPA's default near the pole. */
  altitude: SexagesimalParts | null;
  azimuth: SexagesimalParts | null;
  alignmentToleranceArcmin: number;
  filter: ProfileFilter | null;
  exposureTimeS: number;
  binning: number;
  gain: number;
  offset: number;
  searchRadiusDeg: number;
}

type TppaStep = 'idle' | 'slewing' | 'first-point' | 'second-point' | 'third-point' | 'calculating' | 'adjusting';

export interface PolarAlignmentDevices {
  clock: SimClock;
  log: NinaLog;
  seed: number;
  mount: Mount;
  camera: Camera;
  filterWheel: FilterWheel;
  guider: Guider;
  imaging: Imaging;
}

/** How a run ended early: the user's stop, or the error dropping below the tolerance. */
class RunCancelled extends Error {}

interface Run {
  abort: AbortController;
  settings: TppaSettings;
  /** The PauseTokenSource: asked for by pause-alignment, honoured at the run's next WaitIfPaused. */
  pauseRequested: boolean;
  paused: boolean;
  resumed: (() => void) | null;
  finished: boolean;
}

function toDegrees(parts: SexagesimalParts): number {
  const magnitude = Math.abs(parts.degrees) + parts.minutes / 60 + parts.seconds / 3600;
  return parts.degrees < 0 ? -magnitude : magnitude;
}

function toParts(value: number): SexagesimalParts {
  const magnitude = Math.abs(value);
  const degrees = Math.trunc(magnitude);
  const minutes = Math.trunc((magnitude - degrees) * 60);
  const seconds = (magnitude - degrees - minutes / 60) * 3600;
  return { degrees: value < 0 ? -degrees : degrees, minutes, seconds };
}

/** TPPA's Distance: the angle between two right ascensions in degrees, 0..180. */
function raDistanceDeg(a: number, b: number): number {
  return 180 - Math.abs(Math.abs(a - b) - 180);
}

/** Horizontal to equatorial (JNOW) for the start position, without refraction. */
function horizontalToEquatorial(altDeg: number, azDeg: number, latitudeDeg: number, localSiderealHours: number): Equatorial {
  const rad = Math.PI / 180;
  const [alt, az, lat] = [altDeg * rad, azDeg * rad, latitudeDeg * rad];
  const sinDec = Math.sin(alt) * Math.sin(lat) + Math.cos(alt) * Math.cos(lat) * Math.cos(az);
  const dec = Math.asin(Math.max(-1, Math.min(1, sinDec)));
  const hourAngle = Math.atan2(-Math.sin(az) * Math.cos(alt), Math.sin(alt) * Math.cos(lat) - Math.cos(alt) * Math.sin(lat) * Math.cos(az));
  return { raHours: modulo(localSiderealHours - hourAngle / rad / 15, 24), decDeg: dec / rad };
}

/**
 * CoreUtil.Wait's status text: "<status> 3 s / 5 s" below a minute, "mm:ss / mm:ss" below an hour,
 * "hh:mm:ss / hh:mm:ss" above (TimeSpan components, so 2.5 s shows as "/ 2 s").
 */
export function waitStatusText(status: string, elapsedMs: number, totalMs: number): string {
  const parts = (ms: number): { h: number; m: number; s: number } => {
    const whole = Math.floor(ms / 1000);
    return { h: Math.floor(whole / 3600) % 24, m: Math.floor(whole / 60) % 60, s: whole % 60 };
  };
  const two = (value: number): string => String(value).padStart(2, '0');
  const elapsed = parts(elapsedMs);
  const total = parts(totalMs);
  if (total.h > 0) return `${status} ${two(elapsed.h)}:${two(elapsed.m)}:${two(elapsed.s)} / ${two(total.h)}:${two(total.m)}:${two(total.s)}`;
  if (total.m > 0) return `${status} ${two(elapsed.m)}:${two(elapsed.s)} / ${two(total.m)}:${two(total.s)}`;
  return `${status} ${elapsed.s} s / ${total.s} s`;
}

/** C#'s Math.Round(value, 2) printed with the default double format. */
function round2(value: number): string {
  return String(Math.round(value * 100) / 100);
}

export class PolarAlignment {
  /** PolarAlignmentPlugin_PolarAlignment_Progress. */
  readonly progress = new Signal<TppaStatus>();
  /** PolarAlignmentPlugin_PolarAlignment_AlignmentError (message Version 1). */
  readonly alignmentError = new Signal<AlignmentErrorDeg>();
  readonly axis: PolarAxis;
  /** The demo's person at the mount turns the knobs after each reading; off under test controls. */
  demoKnobs = true;
  private settingsState: TppaSettings;
  private run: Run | null = null;
  private stepState: TppaStep = 'idle';
  private lastReading: AlignmentErrorDeg | null = null;
  private readings = 0;

  constructor(private readonly devices: PolarAlignmentDevices) {
    this.axis = new PolarAxis(new SeededRandom((devices.seed ^ 0x7a9a) >>> 0));
    this.settingsState = {
      manualMode: false,
      targetDistanceDeg: DEFAULTS.targetDistanceDeg,
      moveRateDegPerS: DEFAULTS.moveRateDegPerS,
      eastDirection: DEFAULTS.eastDirection,
      startFromCurrentPosition: false,
      altitude: null,
      azimuth: null,
      alignmentToleranceArcmin: DEFAULTS.alignmentToleranceArcmin,
      filter: null,
      exposureTimeS: DEFAULTS.exposureTimeS,
      binning: DEFAULTS.binning,
      gain: DEFAULTS.gain,
      offset: DEFAULTS.offset,
      searchRadiusDeg: DEFAULTS.searchRadiusDeg,
    };
  }

  get settings(): TppaSettings {
    return { ...this.settingsState };
  }

  get running(): boolean {
    return this.run !== null && !this.run.finished;
  }

  get paused(): boolean {
    return this.running && (this.run?.paused ?? false);
  }

  private get latitudeDeg(): number {
    return this.devices.mount.site.latitudeDeg;
  }

  /** TPPA's default start position: one degree east of the pole's azimuth, two degrees above it. */
  private defaultPosition(): { altitude: SexagesimalParts; azimuth: SexagesimalParts } {
    const latitude = this.latitudeDeg;
    const azimuth = (isNorthern(latitude) ? 0 : 180) + DEFAULTS.azimuthOffsetDeg;
    return { altitude: toParts(Math.abs(latitude) + DEFAULTS.altitudeOffsetDeg), azimuth: toParts(azimuth) };
  }

  private apply(content: TppaStartContent): void {
    const settings = this.settingsState;
    const set = <T>(value: T | null | undefined, assign: (value: T) => void): void => {
      if (value !== null && value !== undefined) assign(value);
    };
    set(content.ManualMode, (value) => (settings.manualMode = value));
    set(content.TargetDistance, (value) => (settings.targetDistanceDeg = value));
    set(content.MoveRate, (value) => (settings.moveRateDegPerS = value));
    set(content.EastDirection, (value) => (settings.eastDirection = value));
    set(content.StartFromCurrentPosition, (value) => (settings.startFromCurrentPosition = value));
    set(content.AlignmentTolerance, (value) => (settings.alignmentToleranceArcmin = value));
    set(content.ExposureTime, (value) => (settings.exposureTimeS = value));
    set(content.Binning, (value) => (settings.binning = value));
    set(content.Gain, (value) => (settings.gain = value));
    set(content.Offset, (value) => (settings.offset = value));
    set(content.SearchRadius, (value) => (settings.searchRadiusDeg = value));
    // The filter is looked up by name among the profile's filters; an unknown name clears it.
    set(content.Filter, (name) => (settings.filter = this.devices.filterWheel.filters.find((filter) => filter.name === name) ?? null));
    const coordinateParts = [content.AltDegrees, content.AltMinutes, content.AltSeconds, content.AzDegrees, content.AzMinutes, content.AzSeconds];
    if (coordinateParts.some((value) => value !== null && value !== undefined)) {
      const defaults = this.defaultPosition();
      const altitude = settings.altitude ?? defaults.altitude;
      const azimuth = settings.azimuth ?? defaults.azimuth;
      settings.altitude = {
        degrees: content.AltDegrees ?? altitude.degrees,
        minutes: content.AltMinutes ?? altitude.minutes,
        seconds: content.AltSeconds ?? altitude.seconds,
      };
      settings.azimuth = {
        degrees: content.AzDegrees ?? azimuth.degrees,
        minutes: content.AzMinutes ?? azimuth.minutes,
        seconds: content.AzSeconds ?? azimuth.seconds,
      };
    }
  }

  /** The instruction's Validate(): the dockable's start does nothing while it finds issues. */
  private issues(settings: TppaSettings): string[] {
    const { camera, mount, filterWheel } = this.devices;
    const issues: string[] = [];
    if (!camera.connected) issues.push('Camera not connected');
    if (settings.filter !== null && !filterWheel.connected) issues.push('Filter wheel not connected');
    if (!settings.manualMode && !mount.connected) issues.push('Telescope not connected');
    if (mount.connected && mount.atPark) issues.push('Telescope is parked. Please unpark the telescope first!');
    return issues;
  }

  /**
   * DockablePolarAlignmentVM_StartAlignment: the content's settings are kept, then the alignment
   * starts unless one is running (the dockable's start command is disabled meanwhile; inferred).
   * The run begins after the publish returns, so ninaAPI's confirmation goes out first.
   */
  start(content: TppaStartContent | null): void {
    const { log } = this.devices;
    if (this.running) {
      log.write('WARNING', ORIGIN.dockable, 'Polar alignment is already running. Ignoring the request to start it.');
      return;
    }
    if (content !== null) this.apply(content);
    const settings = { ...this.settingsState };
    const issues = this.issues(settings);
    if (issues.length > 0) {
      log.write('WARNING', ORIGIN.dockable, `Polar alignment cannot start: ${issues.join('; ')}`);
      return;
    }
    const run: Run = { abort: new AbortController(), settings, pauseRequested: false, paused: false, resumed: null, finished: false };
    this.run = run;
    this.readings = 0;
    this.lastReading = null;
    void Promise.resolve().then(() => this.execute(run));
  }

  /** DockablePolarAlignmentVM_StopAlignment: cancels the run wherever it is. */
  stop(): void {
    if (this.running) this.run?.abort.abort(new RunCancelled('stopped'));
  }

  /** PolarAlignment_PauseAlignment: the run pauses at its next WaitIfPaused (before a move or a solve). */
  pause(): void {
    if (this.run !== null) this.run.pauseRequested = true;
  }

  resume(): void {
    if (this.run === null) return;
    this.run.pauseRequested = false;
    this.run.resumed?.();
  }

  snapshot(): Record<string, unknown> {
    const offsets = this.axis.current;
    const latitude = this.latitudeDeg;
    const position = this.startPosition();
    return {
      running: this.running,
      paused: this.paused,
      pauseRequested: this.running && (this.run?.pauseRequested ?? false),
      step: this.running ? this.stepState : 'idle',
      readings: this.readings,
      lastReading: this.lastReading,
      demoKnobs: this.demoKnobs,
      latitudeDeg: latitude,
      hemisphere: isNorthern(latitude) ? 'northern' : 'southern',
      axis: offsets,
      settings: { ...this.settingsState, filter: this.settingsState.filter?.name ?? null, startAltitudeDeg: position.altDeg, startAzimuthDeg: position.azDeg },
    };
  }

  private startPosition(settings: TppaSettings = this.settingsState): { altDeg: number; azDeg: number } {
    const defaults = this.defaultPosition();
    return { altDeg: toDegrees(settings.altitude ?? defaults.altitude), azDeg: toDegrees(settings.azimuth ?? defaults.azimuth) };
  }

  private report(status: string | null, progress = -1, maxProgress = 1): void {
    this.progress.emit({ status, progress, maxProgress });
  }

  /** The period of a reporting loop: 100 ms of simulated time, fewer at high speed. */
  private reportPeriodMs(): number {
    return Math.max(REPORT_PERIOD_MS, (this.devices.clock.speed * 1000) / MAX_REPORTS_PER_REAL_S);
  }

  /** CoreUtil.Wait with a progress: counts up to `totalMs`, reporting the fraction done. */
  private async wait(totalMs: number, status: string, signal: AbortSignal): Promise<void> {
    const { clock } = this.devices;
    const startMs = clock.nowMs();
    for (;;) {
      const elapsedMs = clock.nowMs() - startMs;
      if (elapsedMs >= totalMs) return;
      await clock.sleep(Math.min(this.reportPeriodMs(), totalMs - elapsedMs), signal);
      const nowElapsedMs = Math.min(totalMs, clock.nowMs() - startMs);
      this.report(waitStatusText(status, nowElapsedMs, totalMs), nowElapsedMs / totalMs);
    }
  }

  private async waitIfPaused(run: Run): Promise<void> {
    if (!run.pauseRequested) return;
    run.paused = true;
    this.report('Paused');
    await new Promise<void>((resolve, reject) => {
      const onAbort = (): void => reject(run.abort.signal.reason as Error);
      if (run.abort.signal.aborted) onAbort();
      run.abort.signal.addEventListener('abort', onAbort, { once: true });
      run.resumed = () => {
        run.abort.signal.removeEventListener('abort', onAbort);
        resolve();
      };
    });
    run.resumed = null;
    this.report('');
    run.paused = false;
  }

  private setTrackingSidereal(on: boolean): void {
    const { mount } = this.devices;
    mount.setTrackingMode('Sidereal');
    if (!on) mount.setTrackingMode('Stopped');
  }

  private async execute(run: Run): Promise<void> {
    const { log, mount, guider, clock } = this.devices;
    const { settings } = run;
    const signal = run.abort.signal;
    try {
      // TPPA 2.2.4.2 stops guiding before it moves the mount.
      if (guider.connected) await guider.stopGuiding();
      if (!settings.manualMode) {
        if (!settings.startFromCurrentPosition) {
          const { altDeg, azDeg } = this.startPosition(settings);
          const jnow = horizontalToEquatorial(altDeg, azDeg, this.latitudeDeg, mount.lstHours());
          log.info(ORIGIN.execute, `Slewing to initial position Alt: ${altDeg.toFixed(4)}° Az: ${azDeg.toFixed(4)}°`);
          this.stepState = 'slewing';
          this.setTrackingSidereal(true);
          await mount.slewToCoordinates(jnowToJ2000(jnow, clock.nowMs()), signal);
        } else {
          log.info(ORIGIN.execute, 'Starting from current position');
        }
      } else if (mount.connected) {
        log.info(ORIGIN.execute, 'Manual mode engaged with mount connection available. Running in semi manual mode with standard plate solver.');
        this.setTrackingSidereal(true);
      } else {
        log.info(ORIGIN.execute, 'Manual mode engaged without any mount connection. Running in complete blind mode using blind solver.');
      }
      signal.throwIfAborted();

      this.stepState = 'first-point';
      const first = await this.solve(run);
      log.info(ORIGIN.execute, `First measurement point ${coordinatesText(first)}`);

      this.stepState = 'second-point';
      const second = settings.manualMode ? await this.manualNextPoint(run, first) : await this.automatedNextPoint(run);
      log.info(ORIGIN.execute, `Second measurement point ${coordinatesText(second)}`);

      this.stepState = 'third-point';
      let third = settings.manualMode ? await this.manualNextPoint(run, second) : await this.automatedNextPoint(run);
      if (settings.manualMode) {
        await this.wait(MANUAL_SETTLE_MS, "Waiting for things to settle. Make sure the scope is tracking and don't move any further!", signal);
        third = await this.solve(run);
      }
      log.info(ORIGIN.execute, `Third measurement point ${coordinatesText(third)}`);

      this.stepState = 'calculating';
      this.report('Calculating Error');
      const initial = this.axis.measure(this.latitudeDeg);
      log.info(ORIGIN.execute, `Calculated Error: ${errorText(initial)}`);

      this.stepState = 'adjusting';
      for (;;) {
        await this.waitIfPaused(run);
        await this.solve(run);
        const reading = this.axis.measure(this.latitudeDeg);
        this.readings += 1;
        this.lastReading = reading;
        this.alignmentError.emit(reading);
        log.info(ORIGIN.execute, `TPPA correction-loop calculated error: ${errorText(reading)}`);
        const totalArcmin = Math.abs(reading.totalDeg * 60);
        if (totalArcmin <= settings.alignmentToleranceArcmin) {
          log.info(
            ORIGIN.execute,
            `Total Error is below alignment tolerance (${settings.alignmentToleranceArcmin}'). Altitude Error: ${round2(reading.altitudeDeg * 60)}'. ` +
              `Azimuth Error: ${round2(reading.azimuthDeg * 60)}'. Total Error: ${round2(totalArcmin)}'. Automatically finishing polar alignment.`,
          );
          run.abort.abort(new RunCancelled('within tolerance'));
          signal.throwIfAborted();
        }
        if (this.demoKnobs) this.axis.demoTurn(reading, this.latitudeDeg, settings.alignmentToleranceArcmin);
      }
    } catch (error) {
      // Cancellation (stop, tolerance reached) ends quietly; the simulator shutting down too.
      if (!signal.aborted && !(error instanceof ClockDisposedError)) {
        log.write('ERROR', ORIGIN.execute, `Three Point Polar Alignment failed - ${error instanceof Error ? error.message : String(error)}`);
      }
    } finally {
      run.finished = true;
      this.stepState = 'idle';
      if (STOP_TRACKING_WHEN_DONE) this.setTrackingSidereal(false);
    }
  }

  /** Automated second and third points: wait if paused, move along RA, then solve. */
  private async automatedNextPoint(run: Run): Promise<PlateSolveOutcome> {
    const { mount, log } = this.devices;
    const { settings } = run;
    const previousRaDeg = mount.position().raHours * 15;
    await this.waitIfPaused(run);
    await this.moveToNextPoint(run);
    const solve = await this.solve(run);
    const distance = raDistanceDeg(previousRaDeg, mount.position().raHours * 15);
    if (distance - settings.targetDistanceDeg < -1) {
      log.write(
        'WARNING',
        ORIGIN.nextPoint,
        `The mount did not move far enough to reach the target distance for the next point (${round2(distance)}°/${round2(settings.targetDistanceDeg)}°).`,
      );
    }
    return solve;
  }

  /** MoveToNextPoint: MoveAxis on the primary axis until the RA has changed by the target distance. */
  private async moveToNextPoint(run: Run): Promise<void> {
    const { mount, log, clock } = this.devices;
    const { settings } = run;
    const signal = run.abort.signal;
    const moveDistance = settings.targetDistanceDeg;
    try {
      const startRaDeg = mount.position().raHours * 15;
      let rate = settings.moveRateDegPerS;
      if (rate > MAX_AXIS_RATE_DEG_PER_S) {
        // TPPA logs the requested rate twice: it writes the message before it lowers the rate.
        log.write('WARNING', ORIGIN.move, `Provided MoveRate of ${rate} is not supported. Using ${rate} instead`);
        rate = MAX_AXIS_RATE_DEG_PER_S;
      }
      log.info(ORIGIN.move, `Moving axis by ${rate} into direction ${settings.eastDirection ? 'East' : 'West'} until distance ${moveDistance}° is traveled`);
      mount.moveAxis('Primary', settings.eastDirection ? rate : -rate);
      // TimeSpan.FromSeconds throws for the infinite timeout of a zero rate.
      const timeoutMs = (moveDistance / rate) * MOVE_TIMEOUT_FACTOR * 1000;
      if (!Number.isFinite(timeoutMs)) throw new Error('TimeSpan overflowed because the duration is too long.');
      const startMs = clock.nowMs();
      const maxProgress = Math.trunc(moveDistance);
      let distance = 0;
      while (distance < moveDistance && clock.nowMs() - startMs < timeoutMs) {
        // Sleep no further than the predicted arrival, so a thinned report period does not overshoot.
        const untilArrivalMs = rate > 0 ? ((moveDistance - distance) / rate) * 1000 : Infinity;
        const untilTimeoutMs = timeoutMs - (clock.nowMs() - startMs);
        await clock.sleep(Math.max(1, Math.min(this.reportPeriodMs(), untilArrivalMs, untilTimeoutMs)), signal);
        distance = raDistanceDeg(mount.position().raHours * 15, startRaDeg);
        this.report('Moving to next point', distance, maxProgress);
      }
      mount.moveAxis('Primary', 0);
      while (mount.slewing) await this.wait(STOP_POLL_MS, 'Waiting for mount to stop slewing', signal);
      await this.wait(SETTLE_TIME_MS, 'Settling', signal);
      this.setTrackingSidereal(true);
      this.report('');
    } catch (error) {
      mount.moveAxis('Primary', 0);
      throw error;
    }
  }

  /** ManualNextPoint: the user turns the RA axis (here: the /v2/mount pad) until far enough. */
  private async manualNextPoint(run: Run, previous: PlateSolveOutcome): Promise<PlateSolveOutcome> {
    const { mount, clock } = this.devices;
    const { settings } = run;
    const signal = run.abort.signal;
    const telescopeConnected = mount.connected;
    const previousRaDeg = telescopeConnected ? mount.position().raHours * 15 : Number.NaN;
    let solve: PlateSolveOutcome | null = null;
    for (;;) {
      await this.waitIfPaused(run);
      let distance: number;
      if (telescopeConnected) {
        distance = raDistanceDeg(previousRaDeg, mount.position().raHours * 15);
      } else {
        solve = await this.solve(run);
        distance = raDistanceDeg(previous.coordinatesJ2000?.raDeg ?? 0, solve.coordinatesJ2000?.raDeg ?? 0);
      }
      if (distance - settings.targetDistanceDeg >= -1) break;
      this.report(`Move mount along RA axis! ${round2(distance)}°/${round2(settings.targetDistanceDeg)}°`);
      // Task.Delay without the token: a stop takes effect after the second.
      await clock.sleep(MANUAL_POLL_MS);
      signal.throwIfAborted();
    }
    // Without a mount the last solve of the loop is the point.
    if (!telescopeConnected && solve !== null) return solve;
    while (mount.slewing) {
      this.report('Moved far enough. Stop axis rotation now!');
      await clock.sleep(STOP_POLL_MS, signal);
    }
    await this.wait(SETTLE_TIME_MS, 'Settling', signal);
    this.setTrackingSidereal(true);
    return this.solve(run);
  }

  /** Solve: capture with the run's exposure settings and plate-solve, retrying until a solve succeeds. */
  private async solve(run: Run): Promise<PlateSolveOutcome> {
    const { imaging, mount, log } = this.devices;
    const signal = run.abort.signal;
    for (;;) {
      signal.throwIfAborted();
      this.report('Capturing new image to solve...');
      let frame: CapturedFrame | null = null;
      try {
        frame = await this.capture(run);
      } catch (error) {
        if (signal.aborted) throw signal.reason as Error;
        log.write('ERROR', ORIGIN.execute, error instanceof Error ? error.message : String(error));
      }
      signal.throwIfAborted();
      if (frame !== null) {
        this.report('Solving image...');
        const outcome = await imaging.solve(frame, imaging.mountPositionJ2000(), signal);
        if (outcome.success && mount.plateSolveFails) log.write('ERROR', ORIGIN.astap, 'ASTAP - Plate solve failed.');
        if (outcome.success && !mount.plateSolveFails) return outcome;
        await this.wait(RETRY_WAIT_MS, 'Plate solve failed. Retrying...', signal);
      } else {
        await this.wait(RETRY_WAIT_MS, 'Image capture failed. Retrying...', signal);
      }
    }
  }

  /** CaptureAndPrepareImage of a SNAPSHOT, with the camera's "Exposing" reports while it exposes. */
  private async capture(run: Run): Promise<CapturedFrame> {
    const { imaging, clock, camera } = this.devices;
    const { settings } = run;
    const signal = run.abort.signal;
    const exposureMs = Math.max(0, settings.exposureTimeS) * 1000;
    // NINA refuses a binning the camera does not offer; TPPA counts that as a failed capture.
    if (!camera.binningModes.some((mode) => mode === settings.binning)) {
      throw new Error(`Binning ${settings.binning}x${settings.binning} is not supported by the camera`);
    }
    const capture = imaging.capture({
      durationS: settings.exposureTimeS,
      gain: settings.gain,
      offset: settings.offset,
      binning: { x: settings.binning, y: settings.binning },
      imageType: 'SNAPSHOT',
      filter: settings.filter,
      signal,
    });
    // The camera reports once it starts exposing (a wheel turning first delays that), then counts up
    // like CoreUtil.Wait until the exposure is over.
    const unsubscribe = camera.stateChanged.subscribe((state) => {
      if (state !== 'Exposing') return;
      unsubscribe();
      if (exposureMs < 1000) {
        this.report('Exposing');
        return;
      }
      this.report('Exposing', 0, Math.trunc(exposureMs / 1000));
      void (async () => {
        const startMs = clock.nowMs();
        while (camera.isExposing && !signal.aborted) {
          const elapsedMs = clock.nowMs() - startMs;
          if (elapsedMs >= exposureMs) return;
          await clock.sleep(Math.min(this.reportPeriodMs(), exposureMs - elapsedMs)).catch(() => undefined);
          if (!camera.isExposing) return;
          const nowMs = Math.min(exposureMs, clock.nowMs() - startMs);
          this.report(waitStatusText('Exposing', nowMs, exposureMs), nowMs / exposureMs);
        }
      })();
    });
    try {
      return await capture;
    } finally {
      unsubscribe();
    }
  }
}

function coordinatesText(outcome: PlateSolveOutcome): string {
  const position = outcome.coordinatesJ2000;
  if (position === null) return '(none)';
  return `RA: ${(position.raDeg / 15).toFixed(6)}h Dec: ${position.decDeg.toFixed(6)}° Epoch: J2000`;
}

function errorText(reading: AlignmentErrorDeg): string {
  const arcmin = (deg: number): string => `${(deg * 60).toFixed(2)}'`;
  return `Az: ${arcmin(reading.azimuthDeg)}, Alt: ${arcmin(reading.altitudeDeg)}, Tot: ${arcmin(reading.totalDeg)}`;
}
