// A German equatorial mount (Sky-Watcher EQ6-R Pro through EQMOD/ASCOM) and NINA's TelescopeInfo.
//
// Position model: the mount's pointing is an anchor (RA/Dec at an instant) plus motion since then.
// While tracking, RA/Dec stay at the anchor and alt/az move with the sky; with tracking off the
// hour angle stays fixed, so RA grows with sidereal time. Anything that changes motion (tracking,
// and later slews at a rate or axis moves at a commanded deg/s) first calls `rebase()` so the
// anchor holds the position reached so far, then changes the motion.

import {
  dateTimeLocal,
  dateTimeMinValue,
  dateTimeUtc,
  double,
  type NetValue,
} from '../wire/net-values';
import {
  equatorialToHorizontal,
  localSiderealTimeHours,
  modulo,
  type Equatorial,
  type Horizontal,
  type Site,
} from './astronomy';
import { Device, type DeviceServices } from './device';
import { AlignmentMode, Epoch, PierSide, TrackingMode, type TrackingModeName } from './nina-enums';
import { degreesToDms, hoursToHms } from './sexagesimal';

/** NINA's default MeridianFlipSettings.MaxMinutesAfterMeridian. */
const MAX_MINUTES_AFTER_MERIDIAN = 5;
/** EQMOD's default guide rate: half sidereal, in arcsec per second. */
const GUIDE_RATE_ARCSEC_PER_S = 15.0411 / 2;
/** When nothing needs to happen, NINA reports 24 h to the meridian and to the flip. */
const NOT_TRACKING_HOURS = 24;

type PierSideName = keyof typeof PierSide;

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

export class Mount extends Device {
  trackingEnabled = true;
  /** The rate tracking uses when enabled; TrackingMode reads "Stopped" when tracking is off. */
  trackingRate: Exclude<TrackingModeName, 'Stopped'> = 'Sidereal';
  atPark = false;
  atHome = false;
  slewing = false;
  pierSide: PierSideName;
  targetCoordinates: Equatorial | null = null;
  private anchor: { atMs: number } & Equatorial;

  constructor(
    services: DeviceServices,
    readonly site: Site,
  ) {
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
    const now = services.clock.nowMs();
    // Start on a target an hour and a half east of the meridian, high in the sky at any site.
    const raHours = modulo(this.lstHours(now) + 1.5, 24);
    this.anchor = { atMs: now, raHours, decDeg: 22.0147 };
    this.pierSide = expectedPierSide(raHours, this.lstHours(now));
  }

  lstHours(nowMs: number = this.services.clock.nowMs()): number {
    return localSiderealTimeHours(nowMs, this.site.longitudeDeg);
  }

  position(nowMs: number = this.services.clock.nowMs()): Equatorial {
    if (this.trackingEnabled) return { raHours: this.anchor.raHours, decDeg: this.anchor.decDeg };
    const siderealElapsedHours = this.lstHours(nowMs) - this.lstHours(this.anchor.atMs);
    return { raHours: modulo(this.anchor.raHours + siderealElapsedHours, 24), decDeg: this.anchor.decDeg };
  }

  horizontal(nowMs: number = this.services.clock.nowMs()): Horizontal {
    return equatorialToHorizontal(this.position(nowMs), this.site.latitudeDeg, this.lstHours(nowMs));
  }

  /** Freezes the motion so far into the anchor; call before changing how the mount moves. */
  rebase(nowMs: number = this.services.clock.nowMs()): void {
    this.anchor = { atMs: nowMs, ...this.position(nowMs) };
  }

  setTracking(enabled: boolean): void {
    this.rebase();
    this.trackingEnabled = enabled;
  }

  /** Points the mount at RA/Dec now, on the pier side a slew there would pick (a finished slew or a sync). */
  pointAt(target: Equatorial): void {
    const now = this.services.clock.nowMs();
    this.anchor = { atMs: now, raHours: modulo(target.raHours, 24), decDeg: target.decDeg };
    this.pierSide = expectedPierSide(this.anchor.raHours, this.lstHours(now));
  }

  /** EQMOD's default park position is home: counterweight down, pointing at the celestial pole, not tracking. */
  park(): void {
    const now = this.services.clock.nowMs();
    this.trackingEnabled = false;
    this.anchor = {
      atMs: now,
      raHours: modulo(this.lstHours(now) + 6, 24),
      decDeg: this.site.latitudeDeg >= 0 ? 90 : -90,
    };
    this.atPark = true;
  }

  unpark(): void {
    this.atPark = false;
  }

  protected onConnected(): void {}

  protected onDisconnected(): void {}

  get trackingMode(): TrackingModeName {
    return this.trackingEnabled ? this.trackingRate : 'Stopped';
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
    const now = this.services.clock.nowMs();
    const lst = this.lstHours(now);
    const position = this.position(now);
    const horizontal = equatorialToHorizontal(position, this.site.latitudeDeg, lst);
    const toMeridian = this.trackingEnabled ? hoursToMeridian(position.raHours, lst) : NOT_TRACKING_HOURS;
    const toFlip = this.trackingEnabled ? hoursToMeridianFlip(position.raHours, lst) : NOT_TRACKING_HOURS;
    const canSetPierSide = true;
    const canSlew = true;
    return {
      SiderealTime: double(lst),
      RightAscension: double(position.raHours),
      Declination: double(position.decDeg),
      SiteLatitude: double(this.site.latitudeDeg),
      SiteLongitude: double(this.site.longitudeDeg),
      SiteElevation: double(this.site.elevationM),
      RightAscensionString: hoursToHms(position.raHours),
      DeclinationString: degreesToDms(position.decDeg),
      Coordinates: this.coordinates(position, now),
      TimeToMeridianFlip: double(toFlip),
      SideOfPier: PierSide[this.pierSide],
      Altitude: double(horizontal.altDeg),
      AltitudeString: degreesToDms(horizontal.altDeg),
      Azimuth: double(horizontal.azDeg),
      AzimuthString: degreesToDms(horizontal.azDeg),
      SiderealTimeString: hoursToHms(lst),
      HoursToMeridianString: hoursToHms(toMeridian),
      AtPark: this.atPark,
      TrackingRate: {},
      TrackingEnabled: this.trackingEnabled,
      TrackingModes: (['Sidereal', 'Lunar', 'Solar', 'King', 'Custom', 'Stopped'] as const).map((mode) => TrackingMode[mode]),
      AtHome: this.atHome,
      CanFindHome: true,
      CanPark: true,
      CanSetPark: true,
      CanSetTrackingEnabled: true,
      CanSetDeclinationRate: true,
      CanSetRightAscensionRate: true,
      EquatorialSystem: Epoch.JNOW,
      HasUnknownEpoch: false,
      TimeToMeridianFlipString: hoursToHms(toFlip),
      TargetCoordinates: this.targetCoordinates === null ? null : this.coordinates(this.targetCoordinates, now),
      TargetSideOfPier: null,
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
    const now = this.services.clock.nowMs();
    const position = this.position(now);
    const horizontal = this.horizontal(now);
    return {
      connected: this.connected,
      failConnect: this.failConnect,
      raHours: position.raHours,
      decDeg: position.decDeg,
      altDeg: horizontal.altDeg,
      azDeg: horizontal.azDeg,
      siderealTimeHours: this.lstHours(now),
      trackingEnabled: this.trackingEnabled,
      trackingMode: this.trackingMode,
      atPark: this.atPark,
      atHome: this.atHome,
      slewing: this.slewing,
      pierSide: this.pierSide,
      site: this.site,
    };
  }
}
