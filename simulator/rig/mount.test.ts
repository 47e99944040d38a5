import { afterEach, describe, expect, it } from 'vitest';
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
