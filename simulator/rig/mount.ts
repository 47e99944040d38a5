// A German equatorial mount (Sky-Watcher EQ6-R Pro through EQMOD/ASCOM), NINA's TelescopeInfo, and
// the parts of NINA's TelescopeVM and AscomTelescope that drive it: gotos with their settle time,
// park, unpark, home, sync, set-park, the meridian flip and MoveAxis.
//
// Position model (mount-axes.ts): the axes are an anchor (an axis position at an instant) plus the
// motion since then, either the tracking and MoveAxis rates or one goto at a time moving along the
// motors' ramps. Anything that changes the motion first freezes the position reached so far into the
// anchor (`rebase`).
//
// Pointing: the mount believes it points at `position()`; the sky it really sees is `truePosition()`,
// a few arcminutes off after a long goto (no pointing model is perfect) and a few arcseconds off near
// the place it was last synced. Plate solving measures the truth; centering closes the gap.

import { formatDouble } from '../wire/net-format';
import { dateTimeLocal, dateTimeMinValue, dateTimeUtc, double, type NetValue } from '../wire/net-values';
import { equatorialToHorizontal, localSiderealTimeHours, modulo, type Equatorial, type Horizontal, type Site } from './astronomy';
import { Device, Signal, type DeviceServices } from './device';
import { bearingDeg, coordinatesText, j2000ToJnow, offsetBy, separationDeg } from './mount-astrometry';
import {
  axesFor,
  clampSecondaryDeg,
  hemisphere,
  MAX_AXIS_RATE_DEG_PER_S,
  moveDurationS,
  moveProgressDeg,
  pointingOf,
  primaryAngleDeg,
  type AxisPosition,
  type PierSideName,
  type Pointing,
} from './mount-axes';
import type { LogOrigin } from './nina-log';
import { AlignmentMode, Epoch, PierSide, TrackingMode, type TrackingModeName } from './nina-enums';
import { SeededRandom } from './random';
import { degreesToDms, hoursToHms } from './sexagesimal';

export type { PierSideName } from './mount-axes';
export type MountAxis = 'Primary' | 'Secondary';
export type DriveRateName = 'Sidereal' | 'Lunar' | 'Solar' | 'King';
/** How the driver treats gotos (test control): accept them, throw at once, or never report the end. */
export type SlewFault = 'none' | 'refuse' | 'hang';

/** NINA's default MeridianFlipSettings.MaxMinutesAfterMeridian. */
const MAX_MINUTES_AFTER_MERIDIAN = 5;
/** EQMOD's default guide rate: half sidereal, in arcsec per second. */
const GUIDE_RATE_ARCSEC_PER_S = 15.0411 / 2;
/** When nothing needs to happen, NINA reports 24 h to the meridian and to the flip. */
const NOT_TRACKING_HOURS = 24;
const SIDEREAL_RATE_DEG_PER_S = 360 / 86_164.0905;
/** ASCOM DriveRates; sidereal is exactly the sky's rate so a tracked RA never creeps. */
const TRACKING_RATE_DEG_PER_S: Readonly<Record<DriveRateName, number>> = {
  Sidereal: SIDEREAL_RATE_DEG_PER_S,
  Lunar: 14.685 / 3600,
  Solar: 15 / 3600,
  King: 15.0369 / 3600,
};
export const ALL_TRACKING_MODES: readonly TrackingModeName[] = ['Sidereal', 'Lunar', 'Solar', 'King', 'Custom', 'Stopped'];

/** NINA's TelescopeSettings.SettleTime default: every slew waits this long before it counts as finished. */
export const SETTLE_TIME_MS = 5_000;
/** NINA waits for the next poll of the driver (every 2 s) after park, home, sync and flips: 1 s on average. */
export const DEVICE_POLL_WAIT_MS = 1_000;
/** SlewAsyncInternal, ParkTelescope and FindHome give up after 10 minutes. */
const NINA_MOTION_TIMEOUT_MS = 10 * 60_000;
/** TelescopeVM.WaitForSlew polls Slewing once a second. */
const WAIT_FOR_SLEW_POLL_MS = 1_000;
/** EQMOD's unpark only clears its parked state. */
const UNPARK_DURATION_MS = 500;
/** AscomTelescope.MeridianFlip pads the sidereal time, so a target right at the meridian counts as past it. */
const FLIP_PADDING_HOURS = 0.2;
/** AscomTelescope.MeridianFlip retries a failed flip slew 20 times, a minute apart. */
const FLIP_RETRY_ATTEMPTS = 20;
const FLIP_RETRY_WAIT_MS = 60_000;
/** Pointing after a goto: a few arcminutes off (the pointing model), but close near the last sync. */
const FAR_POINTING_ERROR_ARCSEC = [90, 360] as const;
const NEAR_POINTING_ERROR_ARCSEC = [2, 20] as const;
const NEAR_SYNC_DEG = 5;
/** EQMOD's home and default park position: counterweight down, tube on the pole. */
const HOME_POSITION: MechanicalPosition = { primaryDeg: 90, secondaryDeg: 90 };

const ORIGIN = {
  park: { source: 'TelescopeVM.cs', member: 'ParkTelescope', line: 139 },
  unpark: { source: 'TelescopeVM.cs', member: 'UnparkTelescope', line: 221 },
  findHome: { source: 'TelescopeVM.cs', member: 'FindHome', line: 270 },
  setPark: { source: 'TelescopeVM.cs', member: 'SetParkPosition', line: 190 },
  slew: { source: 'TelescopeVM.cs', member: 'SlewAsyncInternal', line: 842 },
  sync: { source: 'TelescopeVM.cs', member: 'Sync', line: 688 },
  stopSlew: { source: 'TelescopeVM.cs', member: 'StopSlew', line: 745 },
  ascomSlew: { source: 'AscomTelescope.cs', member: 'SlewToCoordinates', line: 774 },
  ascomSync: { source: 'AscomTelescope.cs', member: 'Sync', line: 834 },
  moveAxis: { source: 'AscomTelescope.cs', member: 'MoveAxis', line: 636 },
  flip: { source: 'AscomTelescope.cs', member: 'MeridianFlip', line: 338 },
  pierSide: { source: 'AscomTelescope.cs', member: 'SetPierSide', line: 318 },
} as const satisfies Record<string, LogOrigin>;

/** MeridianFlip.ExpectedPierSide: counterweight down is pierWest before transit, pierEast after. */
export function expectedPierSide(raHours: number, localSiderealHours: number): PierSideName {
  return modulo(raHours - localSiderealHours, 24) < 12 ? 'pierWest' : 'pierEast';
}

/** MeridianFlip.TimeToMeridian in hours: always in [0, 12). */
export function hoursToMeridian(raHours: number, localSiderealHours: number): number {
  return modulo(raHours - localSiderealHours, 12);
}

/** MeridianFlip.TimeToMeridianFlip with the default settings (UseSideOfPier off). */
export function hoursToMeridianFlip(raHours: number, localSiderealHours: number): number {
  const projected = modulo(localSiderealHours - MAX_MINUTES_AFTER_MERIDIAN / 60, 24);
  return hoursToMeridian(raHours, projected);
}

/** Axis angles independent of the sky: the RA axis as an hour angle, the Dec axis toward the pole. */
export interface MechanicalPosition {
  primaryDeg: number;
  secondaryDeg: number;
}

interface Motion {
  kind: 'goto' | 'park' | 'home';
  startMs: number;
  fromPrimaryDeg: number;
  toPrimaryDeg: number;
  fromSecondaryDeg: number;
  toSecondaryDeg: number;
  abort: AbortController;
  /** On target; a hung driver keeps reporting Slewing after that. */
  arrived: boolean;
}

type MotionOutcome = 'arrived' | 'aborted';

/** Why a goto stopped short: AbortSlew, a newer command, or a disconnect. */
class MotionAbortedError extends Error {
  constructor() {
    super('The slew was aborted');
  }
}

/** The 10-minute safety timeout NINA puts around slews, parks and homes. */
class NinaTimeoutError extends Error {
  constructor() {
    super('The operation has timed out');
  }
}

function isFiniteTarget(target: Equatorial): boolean {
  return Number.isFinite(target.raHours) && Number.isFinite(target.decDeg);
}

function waitForAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason as Error);
    else signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
}

export class Mount extends Device {
  /** TelescopeVM's Parked/Unparked/Homed events, which the plugin's MountWatcher forwards. */
  readonly parked = new Signal();
  readonly unparked = new Signal();
  readonly homed = new Signal();
  /** ITelescopeMediator.BeforeMeridianFlip/AfterMeridianFlip: raised by NINA's flip workflow, never by the mount. */
  readonly beforeMeridianFlip = new Signal();
  readonly afterMeridianFlip = new Signal();

  /** Test controls: driver faults and capabilities. */
  slewFault: SlewFault = 'none';
  /** The simulated ASTAP fails every solve (centering and solve-and-sync run on the mount's behalf). */
  plateSolveFails = false;
  canSetPark = true;
  trackingModes: TrackingModeName[] = [...ALL_TRACKING_MODES];

  private siteState: Site;
  private anchor: { atMs: number } & AxisPosition;
  private motion: Motion | null = null;
  private readonly jogRatesDegPerS: Record<MountAxis, number> = { Primary: 0, Secondary: 0 };
  private trackingOn = true;
  private driveRate: DriveRateName = 'Sidereal';
  private parkedState = false;
  private atHomeState = false;
  private parkPosition: MechanicalPosition = { ...HOME_POSITION };
  private targetCoordinatesJnow: Equatorial | null = null;
  private targetSideOfPierState: PierSideName | null = null;
  private pointingError = { distanceDeg: 0, bearingDeg: 0 };
  private lastSyncPosition: Equatorial;
  private readonly random: SeededRandom;

  constructor(services: DeviceServices, site: Site) {
    super(
      {
        kind: 'mount',
        driver: {
          id: 'EQMOD.Telescope',
          name: 'EQMOD ASCOM HEQ5/6',
          displayName: 'EQMOD ASCOM HEQ5/6',
          description: 'Sky-Watcher EQ6-R Pro',
          driverInfo: 'EQMOD ASCOM Driver V2.00w',
          driverVersion: '2.0',
          category: 'ASCOM',
          hasSetupDialog: true,
          supportedActions: [],
        },
        noDeviceName: 'No Telescope',
        logLabel: 'Telescope',
        connectOrigin: { source: 'TelescopeVM.cs', member: 'ChooseTelescope', line: 588 },
        disconnectOrigin: { source: 'TelescopeVM.cs', member: 'Disconnect', line: 801 },
        connectDurationMs: 1500,
        rescanDurationMs: 1200,
      },
      services,
    );
    this.siteState = { ...site };
    this.random = new SeededRandom(services.seed ^ 0x6d6f756e);
    const now = services.clock.nowMs();
    // Start on a target an hour and a half east of the meridian, high in the sky at any site.
    const start = { raHours: modulo(this.lstHours(now) + 1.5, 24), decDeg: 22.0147 };
    this.anchor = { atMs: now, ...axesFor(start, expectedPierSide(start.raHours, this.lstHours(now)), site.latitudeDeg) };
    this.lastSyncPosition = start;
    this.pointingError = this.drawPointingError(NEAR_POINTING_ERROR_ARCSEC);
  }

  /** The mount's own site (its SiteLatitude/SiteLongitude), a copy so a test can move just the mount. */
  get site(): Site {
    return this.siteState;
  }

  /** Moves the mount to another site; it keeps pointing at the same RA/Dec, on the side a goto would pick. */
  setSite(site: Site): void {
    const position = this.position();
    this.siteState = { ...site };
    this.pointAt(position);
  }

  lstHours(nowMs: number = this.services.clock.nowMs()): number {
    return localSiderealTimeHours(nowMs, this.siteState.longitudeDeg);
  }

  private now(): number {
    return this.services.clock.nowMs();
  }

  private axesAt(nowMs: number): AxisPosition {
    const motion = this.motion;
    if (motion !== null && !motion.arrived) {
      const elapsedS = (nowMs - motion.startMs) / 1000;
      const primaryDeltaDeg = motion.toPrimaryDeg - motion.fromPrimaryDeg;
      const secondaryDeltaDeg = motion.toSecondaryDeg - motion.fromSecondaryDeg;
      const primaryDeg = motion.fromPrimaryDeg + Math.sign(primaryDeltaDeg) * moveProgressDeg(primaryDeltaDeg, elapsedS);
      const secondaryDeg = motion.fromSecondaryDeg + Math.sign(secondaryDeltaDeg) * moveProgressDeg(secondaryDeltaDeg, elapsedS);
      return { axisRaHours: this.lstHours(nowMs) - primaryDeg / 15, secondaryDeg };
    }
    const { atMs, axisRaHours, secondaryDeg } = this.anchor;
    const elapsedS = (nowMs - atMs) / 1000;
    // East (+) on the primary axis raises RA on either side of the pier; the Dec axis is mechanical, so
    // + is north on the east side of the pier and south once the tube has gone over the pole.
    let driftHours = (this.jogRatesDegPerS.Primary * elapsedS) / 15;
    if (this.trackingOn) driftHours += ((SIDEREAL_RATE_DEG_PER_S - TRACKING_RATE_DEG_PER_S[this.driveRate]) * elapsedS) / 15;
    else driftHours += this.lstHours(nowMs) - this.lstHours(atMs);
    const pole = hemisphere(this.siteState.latitudeDeg);
    return {
      axisRaHours: axisRaHours + driftHours,
      secondaryDeg: clampSecondaryDeg(secondaryDeg + pole * this.jogRatesDegPerS.Secondary * elapsedS),
    };
  }

  private pointing(nowMs: number = this.now()): Pointing {
    return pointingOf(this.axesAt(nowMs), this.siteState.latitudeDeg);
  }

  /** Where the mount reports it points (JNOW). */
  position(nowMs: number = this.now()): Equatorial {
    const { raHours, decDeg } = this.pointing(nowMs);
    return { raHours, decDeg };
  }

  /** Where the tube really points (JNOW): what a plate solve of a frame taken now finds. */
  truePosition(nowMs: number = this.now()): Equatorial {
    return offsetBy(this.position(nowMs), this.pointingError.distanceDeg, this.pointingError.bearingDeg);
  }

  horizontal(nowMs: number = this.now()): Horizontal {
    return equatorialToHorizontal(this.position(nowMs), this.siteState.latitudeDeg, this.lstHours(nowMs));
  }

  mechanicalPosition(nowMs: number = this.now()): MechanicalPosition {
    const axes = this.axesAt(nowMs);
    return { primaryDeg: primaryAngleDeg(axes.axisRaHours, this.lstHours(nowMs)), secondaryDeg: axes.secondaryDeg };
  }

  get pierSide(): PierSideName {
    return this.pointing().pierSide;
  }

  /** ASCOM Slewing: a goto, park or home under way, or an axis moving by MoveAxis. */
  get slewing(): boolean {
    return this.motion !== null || this.jogRatesDegPerS.Primary !== 0 || this.jogRatesDegPerS.Secondary !== 0;
  }

  get atPark(): boolean {
    return this.parkedState;
  }

  get atHome(): boolean {
    return this.atHomeState;
  }

  get trackingEnabled(): boolean {
    return this.trackingOn;
  }

  get trackingMode(): TrackingModeName {
    return this.trackingOn ? this.driveRate : 'Stopped';
  }

  /** AscomTelescope.TargetCoordinates: set while a goto runs, in the mount's epoch (JNOW). */
  get targetCoordinates(): Equatorial | null {
    return this.targetCoordinatesJnow;
  }

  /** AscomTelescope.TargetSideOfPier: set only while a meridian flip sets the side of pier. */
  get targetSideOfPier(): PierSideName | null {
    return this.targetSideOfPierState;
  }

  /** The current MoveAxis rates, deg/s as the driver runs them (clamped to its axis rates). */
  axisRatesDegPerS(): Readonly<Record<MountAxis, number>> {
    return { ...this.jogRatesDegPerS };
  }

  /** Freezes the motion so far into the anchor; call before changing how the mount moves. */
  private rebase(nowMs: number = this.now()): void {
    if (this.motion !== null && !this.motion.arrived) return;
    this.anchor = { atMs: nowMs, ...this.axesAt(nowMs) };
  }

  /** Stops a goto where it is (the motion's own promise then resolves as aborted). */
  private endMotion(): void {
    const motion = this.motion;
    if (motion === null) return;
    const now = this.now();
    this.anchor = { atMs: now, ...this.axesAt(now) };
    this.motion = null;
    motion.abort.abort(new MotionAbortedError());
  }

  private stopJogging(): void {
    this.rebase();
    this.jogRatesDegPerS.Primary = 0;
    this.jogRatesDegPerS.Secondary = 0;
  }

  /** Everything stops: gotos and MoveAxis alike (ASCOM AbortSlew, or a disconnect). */
  private halt(): void {
    this.endMotion();
    this.stopJogging();
  }

  /** The driver's Tracking property. Tracking moves the axes, so the mount leaves home. */
  setTracking(enabled: boolean): void {
    if (this.trackingOn === enabled) return;
    this.rebase();
    this.trackingOn = enabled;
    if (enabled) this.atHomeState = false;
  }

  private axesAtMechanical(position: MechanicalPosition, atMs: number): AxisPosition {
    return { axisRaHours: this.lstHours(atMs) - position.primaryDeg / 15, secondaryDeg: position.secondaryDeg };
  }

  /**
   * Runs the motors to `destination` (evaluated at arrival, so a sky target is met where it has moved
   * to). Resolves 'aborted' when AbortSlew, a newer command or a disconnect stops it; rejects when the
   * caller's own signal does (NINA's cancellation), or when the simulator shuts down. `onArrival`
   * runs the instant the axes stop on target (a park's tracking stop).
   */
  private async runMotion(
    kind: Motion['kind'],
    destination: (atMs: number) => AxisPosition,
    options: { hangs?: boolean; signal?: AbortSignal; onArrival?: () => void } = {},
  ): Promise<MotionOutcome> {
    const { clock } = this.services;
    this.halt();
    const startMs = this.now();
    const from = this.axesAt(startMs);
    const fromPrimaryDeg = primaryAngleDeg(from.axisRaHours, this.lstHours(startMs));
    let endMs = startMs;
    let toPrimaryDeg = fromPrimaryDeg;
    let toSecondaryDeg = from.secondaryDeg;
    for (let pass = 0; pass < 2; pass++) {
      const to = destination(endMs);
      toPrimaryDeg = primaryAngleDeg(to.axisRaHours, this.lstHours(endMs));
      toSecondaryDeg = to.secondaryDeg;
      const durationS = Math.max(moveDurationS(toPrimaryDeg - fromPrimaryDeg), moveDurationS(toSecondaryDeg - from.secondaryDeg));
      endMs = startMs + durationS * 1000;
    }
    const motion: Motion = {
      kind,
      startMs,
      fromPrimaryDeg,
      toPrimaryDeg,
      fromSecondaryDeg: from.secondaryDeg,
      toSecondaryDeg,
      abort: new AbortController(),
      arrived: false,
    };
    this.motion = motion;
    this.atHomeState = false;
    const signal = options.signal ? AbortSignal.any([motion.abort.signal, options.signal]) : motion.abort.signal;
    try {
      await clock.sleep(endMs - startMs, signal);
      motion.arrived = true;
      options.onArrival?.();
      const arrivalMs = this.now();
      this.anchor = { atMs: arrivalMs, ...destination(arrivalMs) };
      if (!options.hangs) {
        this.motion = null;
        return 'arrived';
      }
      // A hung driver: the axes are on target, but Slewing never drops until someone aborts.
      await waitForAbort(signal);
      return 'arrived';
    } catch (error) {
      const stoppedByTheMount = motion.abort.signal.aborted;
      if (this.motion === motion) this.endMotion();
      if (stoppedByTheMount) return 'aborted';
      throw error;
    }
  }

  private drawPointingError([minimumArcsec, maximumArcsec]: readonly [number, number]): { distanceDeg: number; bearingDeg: number } {
    return { distanceDeg: this.random.range(minimumArcsec, maximumArcsec) / 3600, bearingDeg: this.random.range(0, 360) };
  }

  /** Points the mount at RA/Dec now, on the pier side a slew there would pick (test control). */
  pointAt(target: Equatorial): void {
    this.halt();
    const now = this.now();
    const side = expectedPierSide(target.raHours, this.lstHours(now));
    this.anchor = { atMs: now, ...axesFor(target, side, this.siteState.latitudeDeg) };
  }

  /** Parks at once, without the slew or the event (test control). */
  park(): void {
    this.halt();
    this.trackingOn = false;
    this.anchor = { atMs: this.now(), ...this.axesAtMechanical(this.parkPosition, this.now()) };
    this.parkedState = true;
  }

  /** Unparks at once, without the event (test control). */
  unpark(): void {
    this.parkedState = false;
  }

  // ---- The ASCOM driver (EQMOD), as AscomTelescope calls it ----

  /**
   * AscomTelescope.SlewToCoordinates: tracking on, TargetCoordinates set while the goto runs, and
   * true once the driver stops slewing, whether it arrived or was aborted. A driver exception
   * (invalid coordinates, the "refuse" fault) is logged and gives false.
   */
  private async driverSlew(target: Equatorial, signal?: AbortSignal): Promise<boolean> {
    if (!this.connected || this.parkedState) return false;
    this.setTracking(true);
    this.targetCoordinatesJnow = target;
    try {
      if (!isFiniteTarget(target) || this.slewFault === 'refuse') {
        this.services.log.write('ERROR', ORIGIN.ascomSlew, `ASCOM.InvalidValueException: SlewToCoordinatesAsync - ${coordinatesText(target, 'JNOW')} is not reachable`);
        return false;
      }
      const side = expectedPierSide(target.raHours, this.lstHours());
      const outcome = await this.runMotion('goto', () => axesFor(target, side, this.siteState.latitudeDeg), {
        hangs: this.slewFault === 'hang',
        signal,
      });
      if (outcome === 'arrived') {
        const near = separationDeg(target, this.lastSyncPosition) < NEAR_SYNC_DEG;
        this.pointingError = this.drawPointingError(near ? NEAR_POINTING_ERROR_ARCSEC : FAR_POINTING_ERROR_ARCSEC);
      }
      return true;
    } finally {
      if (this.targetCoordinatesJnow === target) this.targetCoordinatesJnow = null;
    }
  }

  /** AscomTelescope.SetPierSide: the driver flips to the same RA/Dec on the other side of the pier. */
  private async setPierSide(side: PierSideName, signal?: AbortSignal): Promise<boolean> {
    try {
      this.services.log.write('DEBUG', ORIGIN.pierSide, `Setting pier side from ${this.pierSide} to ${side}`);
      this.targetSideOfPierState = side;
      const target = this.position();
      await this.runMotion('goto', () => axesFor(target, side, this.siteState.latitudeDeg), { signal });
      await this.services.clock.sleep(DEVICE_POLL_WAIT_MS, signal);
      return true;
    } catch (error) {
      this.services.log.write('ERROR', ORIGIN.pierSide, `Failed to flip side of pier ${String(error)}`);
      return false;
    }
  }

  /** EQMOD's SyncToCoordinates: only while tracking; the axes are re-read as the synced position. */
  private driverSync(target: Equatorial): boolean {
    if (!this.trackingOn) {
      this.services.log.write('ERROR', ORIGIN.ascomSync, 'Telescope is not tracking to be able to sync');
      return false;
    }
    if (!isFiniteTarget(target) || (this.motion !== null && !this.motion.arrived)) {
      this.services.log.write('ERROR', ORIGIN.ascomSync, `ASCOM.InvalidOperationException: SyncToCoordinates - ${coordinatesText(target, 'JNOW')}`);
      return false;
    }
    const now = this.now();
    const truth = this.truePosition(now);
    const side = this.pointing(now).pierSide;
    this.anchor = { atMs: now, ...axesFor(target, side, this.siteState.latitudeDeg) };
    this.pointingError = { distanceDeg: separationDeg(target, truth), bearingDeg: bearingDeg(target, truth) };
    this.lastSyncPosition = target;
    return true;
  }

  /**
   * TelescopeVM.MoveAxis → AscomTelescope.MoveAxis: ignored while parked, the rate clamped to the
   * driver's AxisRates, a NaN rate refused by the driver. A moving axis ends a goto in progress; a
   * stop (rate 0) leaves one alone.
   */
  moveAxis(axis: MountAxis, rateDegPerS: number): void {
    if (!this.connected) return;
    const { log } = this.services;
    if (this.parkedState) {
      log.write('WARNING', ORIGIN.moveAxis, 'Telescope parked');
      return;
    }
    const rate = rateDegPerS === 0 ? 0 : Math.sign(rateDegPerS) * Math.min(Math.abs(rateDegPerS), MAX_AXIS_RATE_DEG_PER_S);
    if (Number.isNaN(rate)) {
      log.write('ERROR', ORIGIN.moveAxis, `ASCOM.InvalidValueException: MoveAxis - rate ${formatDouble(rateDegPerS)} is invalid`);
      return;
    }
    log.info(ORIGIN.moveAxis, `Moving ${axis} Telescope Axis using rate ${formatDouble(rate)}.`);
    if (rate !== 0 && this.motion !== null) this.endMotion();
    this.rebase();
    this.jogRatesDegPerS[axis] = rate;
    if (rate !== 0) this.atHomeState = false;
  }

  /** TelescopeVM.StopSlew → ASCOM AbortSlew: stops gotos, parks, homes and MoveAxis; refused while parked. */
  stopSlew(): void {
    if (!this.connected) return;
    if (this.parkedState) {
      this.services.log.write('ERROR', ORIGIN.stopSlew, 'ASCOM.ParkedException: AbortSlew - the mount is parked');
      return;
    }
    this.halt();
  }

  // ---- NINA's TelescopeVM ----

  /**
   * TelescopeVM.SlewToCoordinatesAsync(J2000): waits for a slew already running, refuses when parked,
   * then slews and settles. The driver's own result is discarded, so a refused goto still "succeeds";
   * false comes only from being parked or disconnected, or from the 10-minute timeout.
   */
  async slewToCoordinates(targetJ2000: Equatorial, signal?: AbortSignal): Promise<boolean> {
    const { clock, log } = this.services;
    const timeout = new AbortController();
    const timer = clock.setTimer(NINA_MOTION_TIMEOUT_MS, () => timeout.abort(new NinaTimeoutError()));
    const linked = signal ? AbortSignal.any([signal, timeout.signal]) : timeout.signal;
    try {
      if (!this.connected) {
        log.write('WARNING', ORIGIN.slew, 'Mount is not connected to slew');
        return false;
      }
      if (this.slewing) {
        log.write('WARNING', ORIGIN.slew, 'Slew issued while a prior slew is still in progress! Waiting for the prior slew to complete');
        while (this.connected && this.slewing && !linked.aborted) await clock.sleep(WAIT_FOR_SLEW_POLL_MS);
      }
      if (this.parkedState) {
        log.write('ERROR', ORIGIN.slew, 'Slew requested while mount is parked');
        return false;
      }
      const target = j2000ToJnow(targetJ2000, clock.nowMs());
      log.info(ORIGIN.slew, `Slewing from ${coordinatesText(this.position(), 'JNOW')} to ${coordinatesText(target, 'JNOW')}`);
      await this.driverSlew(target, linked);
      await clock.sleep(SETTLE_TIME_MS, linked);
      return true;
    } catch (error) {
      if (timeout.signal.aborted && !signal?.aborted) {
        log.write('ERROR', ORIGIN.slew, 'Mount slew timed out after 10 Minutes');
        return false;
      }
      throw error;
    } finally {
      timer.cancel();
    }
  }

  /** TelescopeVM.ParkTelescope: slews to the park position, stops tracking, then raises Parked. */
  async parkTelescope(): Promise<boolean> {
    const { clock, log } = this.services;
    log.info(ORIGIN.park, 'Mount has been commanded to park');
    const timeout = new AbortController();
    const timer = clock.setTimer(NINA_MOTION_TIMEOUT_MS, () => timeout.abort(new NinaTimeoutError()));
    let result = true;
    try {
      if (this.parkedState) {
        log.info(ORIGIN.park, 'Mount commanded to park but it is already parked');
      } else {
        const outcome = await this.runMotion('park', (atMs) => this.axesAtMechanical(this.parkPosition, atMs), {
          signal: timeout.signal,
          onArrival: () => {
            this.trackingOn = false;
            this.parkedState = true;
          },
        });
        // Assumed: an aborted park (AbortSlew, disconnect) ends without AtPark and without the event.
        if (outcome === 'aborted' || !this.connected) {
          result = false;
        } else {
          await clock.sleep(DEVICE_POLL_WAIT_MS, timeout.signal);
        }
      }
    } catch (error) {
      if (!timeout.signal.aborted) throw error;
      log.write('ERROR', ORIGIN.park, 'Park has timed out after 10 minutes');
      result = false;
    } finally {
      timer.cancel();
    }
    if (result) {
      log.info(ORIGIN.park, 'Mount has parked');
      this.parked.emit();
    } else {
      log.write('ERROR', ORIGIN.park, 'Mount failed to park');
    }
    return result;
  }

  /** TelescopeVM.UnparkTelescope: EQMOD clears its parked state; tracking stays off. */
  async unparkTelescope(): Promise<boolean> {
    const { clock, log } = this.services;
    log.info(ORIGIN.unpark, 'Mount ordered to unpark');
    if (!this.connected) {
      log.write('ERROR', ORIGIN.unpark, 'Mount is not connected');
      return false;
    }
    let success = false;
    if (this.parkedState) {
      await clock.sleep(UNPARK_DURATION_MS);
      if (this.connected) {
        this.parkedState = false;
        success = true;
        await clock.sleep(DEVICE_POLL_WAIT_MS);
      }
    } else {
      log.info(ORIGIN.unpark, 'Mount is already unparked');
      success = true;
    }
    if (success) {
      log.info(ORIGIN.unpark, 'Mount has unparked');
      this.unparked.emit();
    } else {
      log.write('ERROR', ORIGIN.unpark, 'Mount failed to unpark');
    }
    return success;
  }

  /** TelescopeVM.FindHome: slews to the home position (counterweight down, on the pole) and stops tracking. */
  async findHome(): Promise<boolean> {
    const { clock, log } = this.services;
    log.info(ORIGIN.findHome, 'Mount ordered to locate home position');
    let success = false;
    let reason = '';
    if (this.connected) {
      if (this.atHomeState) {
        log.info(ORIGIN.findHome, 'Mount ordered to home but it is already at home');
        success = true;
      } else if (this.parkedState) {
        reason = 'it is parked';
      } else {
        const timeout = new AbortController();
        const timer = clock.setTimer(NINA_MOTION_TIMEOUT_MS, () => timeout.abort(new NinaTimeoutError()));
        try {
          const outcome = await this.runMotion('home', (atMs) => this.axesAtMechanical(HOME_POSITION, atMs), {
            signal: timeout.signal,
            onArrival: () => {
              this.trackingOn = false;
              this.atHomeState = true;
            },
          });
          // Assumed, as for park: an aborted home is no home.
          if (outcome === 'arrived' && this.connected) {
            await clock.sleep(DEVICE_POLL_WAIT_MS, timeout.signal);
            success = true;
          }
        } catch (error) {
          if (!timeout.signal.aborted) throw error;
          log.write('ERROR', ORIGIN.findHome, 'Find home has timed out after 10 minutes');
          reason = 'it has timed out';
        } finally {
          timer.cancel();
        }
      }
    }
    if (success) {
      log.info(ORIGIN.findHome, 'Mount has located its home position');
      this.homed.emit();
    } else if (reason !== '') {
      log.write('ERROR', ORIGIN.findHome, `Mount cannot locate home because ${reason}`);
    }
    return success;
  }

  /** TelescopeVM.SetParkPosition: EQMOD stores the current axis position as its park position. */
  async setParkPosition(): Promise<boolean> {
    if (!this.canSetPark || this.parkedState) return false;
    this.services.log.info(ORIGIN.setPark, `Setting mount park position to ${coordinatesText(this.position(), 'JNOW')}`);
    this.parkPosition = this.mechanicalPosition();
    await Promise.resolve();
    return true;
  }

  /**
   * TelescopeVM.Sync: to the mount's epoch, then the driver syncs (only while tracking) and NINA
   * waits for the next poll. The API gives J2000; a plate solve's JNOW solution goes in as it is.
   */
  async sync(target: Equatorial, epoch: 'J2000' | 'JNOW'): Promise<boolean> {
    const { clock, log } = this.services;
    const jnow = epoch === 'J2000' ? j2000ToJnow(target, clock.nowMs()) : target;
    log.write('DEBUG', ORIGIN.sync, `Starting sync to coordinates ${coordinatesText(jnow, 'JNOW')}`);
    if (!this.connected) return false;
    const position = this.position();
    const transition = `${coordinatesText(position, 'JNOW')} to ${coordinatesText(jnow, 'JNOW')}`;
    if (!this.driverSync(jnow)) {
      log.info(ORIGIN.sync, `FAILED - Syncing scope from ${transition}`);
      return false;
    }
    log.info(ORIGIN.sync, `Syncing scope from ${transition}`);
    await clock.sleep(DEVICE_POLL_WAIT_MS);
    return true;
  }

  /**
   * TelescopeVM.SetTrackingMode → AscomTelescope.TrackingMode: false while parked, for Custom, and for
   * a rate the driver does not list (the setter then changes nothing).
   */
  setTrackingMode(mode: TrackingModeName): boolean {
    if (!this.connected || this.parkedState || mode === 'Custom') return false;
    if (this.trackingModes.includes(mode)) {
      if (mode === 'Stopped') {
        this.setTracking(false);
      } else {
        this.rebase();
        this.driveRate = mode;
        this.setTracking(true);
      }
    }
    return this.trackingMode === mode;
  }

  /**
   * TelescopeVM.MeridianFlip → AscomTelescope.MeridianFlip: tracking on, then the side of pier the
   * target needs a little after now. A mount still counterweight-down slews first and flips only if
   * it then sits on the wrong side; a mount past the meridian flips (SetPierSide) before the slew.
   * It "only flips if needed": otherwise it is a slew to where it already points.
   */
  async meridianFlip(targetJnow: Equatorial, signal?: AbortSignal): Promise<boolean> {
    if (!this.connected) return false;
    const { clock, log } = this.services;
    let success = false;
    try {
      this.setTracking(true);
      const lst = this.lstHours();
      const targetSide = expectedPierSide(targetJnow.raHours, modulo(lst + FLIP_PADDING_HOURS, 24));
      this.targetCoordinatesJnow = targetJnow;
      let pierSideSuccess = false;
      let checkAfterFirstSlew = false;
      const current = this.pointing();
      if (expectedPierSide(current.raHours, lst) === current.pierSide) {
        log.info(ORIGIN.flip, `Current side of pier is ${current.pierSide}, which should be a counter weight down position already. Setting side of pier will be done after the first slew attempt if the mount did not flip the pier side by then.`);
        pierSideSuccess = true;
        checkAfterFirstSlew = true;
      }
      for (let retries = 0; ; retries++) {
        if (!pierSideSuccess) {
          log.info(ORIGIN.flip, `Setting pier side to ${targetSide}`);
          pierSideSuccess = await this.setPierSide(targetSide, signal);
        }
        log.info(ORIGIN.flip, `Slewing to coordinates ${coordinatesText(targetJnow, 'JNOW')}. Attempt ${retries + 1} / ${FLIP_RETRY_ATTEMPTS}`);
        const slewSuccess = await this.driverSlew(targetJnow, signal);
        if (checkAfterFirstSlew) {
          if (this.pierSide !== targetSide) {
            log.info(ORIGIN.flip, `Setting pier side to ${targetSide} after initial slew as the mount seems to not have flipped yet.`);
            pierSideSuccess = await this.setPierSide(targetSide, signal);
          }
          checkAfterFirstSlew = false;
        }
        if (!pierSideSuccess) pierSideSuccess = this.pierSide === targetSide;
        success = slewSuccess && pierSideSuccess;
        log.info(ORIGIN.flip, `Finished slewing to coordinates. Slew was ${slewSuccess ? 'successful' : 'NOT successful'}. Setting pier side was ${pierSideSuccess ? 'successful' : 'NOT successful'}`);
        if (success) break;
        if (retries + 1 >= FLIP_RETRY_ATTEMPTS) {
          log.write('ERROR', ORIGIN.flip, 'Failed to slew for Meridian Flip, even after retrying');
          break;
        }
        log.write('WARNING', ORIGIN.flip, `Failed to slew for Meridian Flip. Retry ${retries + 1} of ${FLIP_RETRY_ATTEMPTS} times with a 00:01:00 wait between each.`);
        await clock.sleep(FLIP_RETRY_WAIT_MS, signal);
      }
    } catch (error) {
      log.write('ERROR', ORIGIN.flip, String(error));
    } finally {
      this.targetCoordinatesJnow = null;
      this.targetSideOfPierState = null;
    }
    if (this.connected) await clock.sleep(DEVICE_POLL_WAIT_MS, signal);
    return success;
  }

  protected onConnected(): void {}

  /** The driver is gone: whatever the motors did, NINA no longer sees it. */
  protected onDisconnected(): void {
    this.halt();
    this.targetCoordinatesJnow = null;
    this.targetSideOfPierState = null;
  }

  private coordinates(position: Equatorial, nowMs: number): NetValue {
    return {
      RA: double(position.raHours),
      RAString: hoursToHms(position.raHours),
      RADegrees: double(position.raHours * 15),
      Dec: double(position.decDeg),
      DecString: degreesToDms(position.decDeg),
      Epoch: Epoch.JNOW,
      DateTime: { Now: dateTimeLocal(nowMs), UtcNow: dateTimeUtc(nowMs) },
    };
  }

  /**
   * NINA's TelescopeInfo as TelescopeVM fills it. Two of NINA's own quirks are kept: CanSlewAltAz is
   * never copied from the driver (always false), and the poll maps CanPulseGuide from CanSetPierSide
   * and IsPulseGuiding from CanSlew (TelescopeVM.GetTelescopeValues).
   */
  info(): Record<string, NetValue> {
    if (!this.connected) return this.defaultInfo();
    const now = this.now();
    const lst = this.lstHours(now);
    const pointing = this.pointing(now);
    const position = { raHours: pointing.raHours, decDeg: pointing.decDeg };
    const horizontal = equatorialToHorizontal(position, this.siteState.latitudeDeg, lst);
    const toMeridian = this.trackingOn ? hoursToMeridian(position.raHours, lst) : NOT_TRACKING_HOURS;
    const toFlip = this.trackingOn ? hoursToMeridianFlip(position.raHours, lst) : NOT_TRACKING_HOURS;
    const canSetPierSide = true;
    const canSlew = true;
    return {
      SiderealTime: double(lst),
      RightAscension: double(position.raHours),
      Declination: double(position.decDeg),
      SiteLatitude: double(this.siteState.latitudeDeg),
      SiteLongitude: double(this.siteState.longitudeDeg),
      SiteElevation: double(this.siteState.elevationM),
      RightAscensionString: hoursToHms(position.raHours),
      DeclinationString: degreesToDms(position.decDeg),
      Coordinates: this.coordinates(position, now),
      TimeToMeridianFlip: double(toFlip),
      SideOfPier: PierSide[pointing.pierSide],
      Altitude: double(horizontal.altDeg),
      AltitudeString: degreesToDms(horizontal.altDeg),
      Azimuth: double(horizontal.azDeg),
      AzimuthString: degreesToDms(horizontal.azDeg),
      SiderealTimeString: hoursToHms(lst),
      HoursToMeridianString: hoursToHms(toMeridian),
      AtPark: this.parkedState,
      TrackingRate: {},
      TrackingEnabled: this.trackingOn,
      TrackingModes: this.trackingModes.map((mode) => TrackingMode[mode]),
      AtHome: this.atHomeState,
      CanFindHome: true,
      CanPark: true,
      CanSetPark: this.canSetPark,
      CanSetTrackingEnabled: true,
      CanSetDeclinationRate: true,
      CanSetRightAscensionRate: true,
      EquatorialSystem: Epoch.JNOW,
      HasUnknownEpoch: false,
      TimeToMeridianFlipString: hoursToHms(toFlip),
      TargetCoordinates: this.targetCoordinatesJnow === null ? null : this.coordinates(this.targetCoordinatesJnow, now),
      TargetSideOfPier: this.targetSideOfPierState === null ? null : PierSide[this.targetSideOfPierState],
      Slewing: this.slewing,
      GuideRateRightAscensionArcsecPerSec: double(GUIDE_RATE_ARCSEC_PER_S),
      GuideRateDeclinationArcsecPerSec: double(GUIDE_RATE_ARCSEC_PER_S),
      CanMovePrimaryAxis: true,
      CanMoveSecondaryAxis: true,
      PrimaryAxisRates: [{}],
      SecondaryAxisRates: [{}],
      SupportedActions: this.supportedActions(),
      AlignmentMode: AlignmentMode.GermanPolar,
      CanPulseGuide: canSetPierSide,
      IsPulseGuiding: canSlew,
      CanSetPierSide: canSetPierSide,
      CanSlew: canSlew,
      CanSlewAltAz: false,
      UTCDate: dateTimeUtc(now),
      ...this.deviceInfo(),
    };
  }

  /** `TelescopeInfo.Reset()`: class defaults, so Altitude/Azimuth are NaN and SideOfPier is default(PierSide) = pierEast. */
  private defaultInfo(): Record<string, NetValue> {
    return {
      SiderealTime: double(0),
      RightAscension: double(0),
      Declination: double(0),
      SiteLatitude: double(0),
      SiteLongitude: double(0),
      SiteElevation: double(0),
      RightAscensionString: null,
      DeclinationString: null,
      Coordinates: null,
      TimeToMeridianFlip: double(0),
      SideOfPier: PierSide.pierEast,
      Altitude: double(Number.NaN),
      AltitudeString: '',
      Azimuth: double(Number.NaN),
      AzimuthString: '',
      SiderealTimeString: null,
      HoursToMeridianString: null,
      AtPark: false,
      TrackingRate: {},
      TrackingEnabled: false,
      TrackingModes: null,
      AtHome: false,
      CanFindHome: false,
      CanPark: false,
      CanSetPark: false,
      CanSetTrackingEnabled: false,
      CanSetDeclinationRate: false,
      CanSetRightAscensionRate: false,
      EquatorialSystem: Epoch.JNOW,
      HasUnknownEpoch: false,
      TimeToMeridianFlipString: null,
      TargetCoordinates: null,
      TargetSideOfPier: null,
      Slewing: false,
      GuideRateRightAscensionArcsecPerSec: double(0),
      GuideRateDeclinationArcsecPerSec: double(0),
      CanMovePrimaryAxis: false,
      CanMoveSecondaryAxis: false,
      PrimaryAxisRates: null,
      SecondaryAxisRates: null,
      SupportedActions: null,
      AlignmentMode: AlignmentMode.AltAz,
      CanPulseGuide: false,
      IsPulseGuiding: false,
      CanSetPierSide: false,
      CanSlew: false,
      CanSlewAltAz: false,
      UTCDate: dateTimeMinValue(),
      ...this.deviceInfo(),
    };
  }

  snapshot(): Record<string, unknown> {
    const now = this.now();
    const pointing = this.pointing(now);
    const horizontal = this.horizontal(now);
    const truth = this.truePosition(now);
    return {
      connected: this.connected,
      failConnect: this.failConnect,
      raHours: pointing.raHours,
      decDeg: pointing.decDeg,
      altDeg: horizontal.altDeg,
      azDeg: horizontal.azDeg,
      trueRaHours: truth.raHours,
      trueDecDeg: truth.decDeg,
      pointingErrorArcsec: this.pointingError.distanceDeg * 3600,
      mechanical: this.mechanicalPosition(now),
      siderealTimeHours: this.lstHours(now),
      trackingEnabled: this.trackingOn,
      trackingMode: this.trackingMode,
      trackingModes: this.trackingModes,
      atPark: this.parkedState,
      atHome: this.atHomeState,
      slewing: this.slewing,
      motion: this.motion?.kind ?? null,
      axisRatesDegPerS: this.axisRatesDegPerS(),
      pierSide: pointing.pierSide,
      targetCoordinates: this.targetCoordinatesJnow,
      targetSideOfPier: this.targetSideOfPierState,
      parkPosition: this.parkPosition,
      canSetPark: this.canSetPark,
      slewFault: this.slewFault,
      plateSolveFails: this.plateSolveFails,
      site: this.siteState,
    };
  }
}
