import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localSiderealTimeHours } from './astronomy';
import { expectedPierSide, hoursToMeridian, hoursToMeridianFlip, Mount } from './mount';
import { NinaLog } from './nina-log';
import { DEFAULT_SITE } from './rig';
import { SimClock } from './sim-clock';

const SIDEREAL_HOURS_PER_SOLAR_HOUR = 1.002_737_909;

describe('meridian arithmetic (NINA MeridianFlip)', () => {
  it('expects pierWest before transit and pierEast after it', () => {
    expect(expectedPierSide(5.5, 4)).toBe('pierWest');
    expect(expectedPierSide(3, 4)).toBe('pierEast');
  });

  it('counts hours to the meridian modulo 12', () => {
    expect(hoursToMeridian(5.5, 4)).toBeCloseTo(1.5, 12);
    expect(hoursToMeridian(3, 4)).toBeCloseTo(11, 12);
  });

  it('puts the flip five minutes (the default MaxMinutesAfterMeridian) after the meridian', () => {
    expect(hoursToMeridianFlip(5.5, 4)).toBeCloseTo(1.5 + 5 / 60, 12);
    expect(hoursToMeridianFlip(4 - 3 / 60, 4)).toBeCloseTo(2 / 60, 12);
  });
});

describe('Mount position model', () => {
  const clock = new SimClock(1, Date.UTC(2025, 10, 20, 22, 0, 0));
  afterEach(() => clock.dispose());

  const mount = (): Mount => new Mount({ clock, log: new NinaLog(clock), seed: 1 }, DEFAULT_SITE);

  it('starts an hour and a half east of the meridian, on the west side of the pier', () => {
    const fresh = mount();
    const now = clock.nowMs();
    const lst = localSiderealTimeHours(now, DEFAULT_SITE.longitudeDeg);
    expect(hoursToMeridian(fresh.position(now).raHours, lst)).toBeCloseTo(1.5, 3);
    expect(fresh.pierSide).toBe('pierWest');
  });

  it('keeps RA/Dec fixed while tracking, so altitude and azimuth change', () => {
    const tracking = mount();
    const now = clock.nowMs();
    const later = now + 3_600_000;
    expect(tracking.position(later)).toEqual(tracking.position(now));
    expect(tracking.horizontal(later).altDeg).not.toBeCloseTo(tracking.horizontal(now).altDeg, 1);
  });

  it('lets RA grow with sidereal time when tracking is off', () => {
    const idle = mount();
    idle.setTracking(false);
    const now = clock.nowMs();
    const raNow = idle.position(now).raHours;
    const raLater = idle.position(now + 3_600_000).raHours;
    expect((raLater - raNow + 24) % 24).toBeCloseTo(SIDEREAL_HOURS_PER_SOLAR_HOUR, 4);
  });
});

describe('Mount axes under MoveAxis and tracking', () => {
  let clock: SimClock;
  beforeEach(() => {
    clock = new SimClock(1, Date.UTC(2025, 10, 20, 22, 0, 0));
  });
  afterEach(() => clock.dispose());

  async function connectedMount(): Promise<Mount> {
    const mount = new Mount({ clock, log: new NinaLog(clock), seed: 1 }, DEFAULT_SITE);
    await mount.connect({ immediate: true });
    return mount;
  }

  it('moves RA east at the commanded deg/s on either side of the pier', async () => {
    const mount = await connectedMount();
    const now = clock.nowMs();
    const before = mount.position(now);
    mount.moveAxis('Primary', 1.5);
    expect(mount.slewing).toBe(true);
    const after = mount.position(now + 10_000);
    expect(((after.raHours - before.raHours + 24) % 24) * 15).toBeCloseTo(15, 2);
    expect(after.decDeg).toBeCloseTo(before.decDeg, 9);
  });

  it('goes over the pole when the Dec axis keeps moving north: Dec turns back and the pier side changes', async () => {
    const mount = await connectedMount();
    const now = clock.nowMs();
    mount.pointAt({ raHours: mount.lstHours(now) - 1.5, decDeg: 85 });
    const start = mount.position(now);
    expect(mount.pierSide).toBe('pierEast');
    mount.moveAxis('Secondary', 2);
    expect(mount.position(now + 2_500).decDeg).toBeCloseTo(90, 2);
    const over = mount.position(now + 5_000);
    expect(over.decDeg).toBeCloseTo(85, 2);
    expect((over.raHours - start.raHours + 24) % 24).toBeCloseTo(12, 6);
    // Past 90° the tube is over the pole: the west side of the pier.
    expect(mount.mechanicalPosition(now + 5_000).secondaryDeg).toBeCloseTo(95, 2);
  });

  it('clamps rates to the driver’s axis rates, refuses NaN and ignores MoveAxis while parked', async () => {
    const mount = await connectedMount();
    mount.moveAxis('Primary', -50);
    expect(mount.axisRatesDegPerS().Primary).toBeCloseTo(-3.3425, 4);
    mount.moveAxis('Secondary', Number.NaN);
    expect(mount.axisRatesDegPerS().Secondary).toBe(0);
    mount.moveAxis('Primary', 0);
    expect(mount.slewing).toBe(false);
    mount.park();
    mount.moveAxis('Primary', 1);
    expect(mount.axisRatesDegPerS().Primary).toBe(0);
  });

  it('tracks at the lunar rate: the pointing follows the Moon east by about half a degree an hour', async () => {
    const mount = await connectedMount();
    expect(mount.setTrackingMode('Lunar')).toBe(true);
    const now = clock.nowMs();
    const driftDeg = (mount.position(now + 3_600_000).raHours - mount.position(now).raHours) * 15;
    expect(driftDeg).toBeCloseTo(((15.041067 - 14.685) * 3600) / 3600, 2);
  });

  it('refuses tracking modes the driver does not list, and Custom', async () => {
    const mount = await connectedMount();
    mount.trackingModes = ['Sidereal', 'Stopped'];
    expect(mount.setTrackingMode('Solar')).toBe(false);
    expect(mount.setTrackingMode('Custom')).toBe(false);
    expect(mount.trackingMode).toBe('Sidereal');
    expect(mount.setTrackingMode('Stopped')).toBe(true);
    expect(mount.trackingEnabled).toBe(false);
  });

  it('syncs on the same side of the pier and learns where it really points', async () => {
    const mount = await connectedMount();
    const side = mount.pierSide;
    const truth = mount.truePosition();
    expect(await mount.sync(truth, 'JNOW')).toBe(true);
    expect(mount.pierSide).toBe(side);
    expect(mount.position().raHours).toBeCloseTo(truth.raHours, 9);
    expect(mount.snapshot().pointingErrorArcsec).toBeLessThan(1e-6);
  });
});
