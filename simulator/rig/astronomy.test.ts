// Reference values: Jean Meeus, "Astronomical Algorithms", 2nd ed. (1998),
// examples 12.a and 12.b (sidereal time) and 13.b (Venus at Washington, alt/az).

import { describe, expect, it } from 'vitest';
import {
  equatorialToHorizontal,
  greenwichApparentSiderealTimeHours,
  greenwichMeanSiderealTimeHours,
  hourAngleHours,
  localSiderealTimeHours,
} from './astronomy';

const hms = (h: number, m: number, s: number): number => h + m / 60 + s / 3600;
const dms = (d: number, m: number, s: number): number => Math.sign(d || 1) * (Math.abs(d) + m / 60 + s / 3600);
const SECOND_OF_TIME_H = 1 / 3600;

describe('sidereal time', () => {
  it('matches Meeus 12.a: 1987-04-10 0h UT, mean 13h10m46.3668s, apparent 13h10m46.1351s', () => {
    const instant = Date.UTC(1987, 3, 10, 0, 0, 0);
    expect(Math.abs(greenwichMeanSiderealTimeHours(instant) - hms(13, 10, 46.3668))).toBeLessThan(0.001 * SECOND_OF_TIME_H);
    expect(Math.abs(greenwichApparentSiderealTimeHours(instant) - hms(13, 10, 46.1351))).toBeLessThan(0.05 * SECOND_OF_TIME_H);
  });

  it('matches Meeus 12.b: 1987-04-10 19:21:00 UT, mean 8h34m57.0896s', () => {
    const instant = Date.UTC(1987, 3, 10, 19, 21, 0);
    expect(Math.abs(greenwichMeanSiderealTimeHours(instant) - hms(8, 34, 57.0896))).toBeLessThan(0.001 * SECOND_OF_TIME_H);
  });

  it('adds east longitude and wraps into [0, 24)', () => {
    const instant = Date.UTC(1987, 3, 10, 19, 21, 0);
    const greenwich = greenwichApparentSiderealTimeHours(instant);
    expect(localSiderealTimeHours(instant, -150)).toBeCloseTo((greenwich - 10 + 24) % 24, 9);
  });
});

describe('hour angle', () => {
  it('is negative east of the meridian and positive west of it, within [-12, 12)', () => {
    expect(hourAngleHours(2, 3.5)).toBeCloseTo(-1.5, 12);
    expect(hourAngleHours(23, 1)).toBeCloseTo(-2, 12);
    expect(hourAngleHours(1, 23)).toBeCloseTo(2, 12);
  });
});

describe('equatorialToHorizontal', () => {
  it('matches Meeus 13.b: Venus from Washington, h = 15.1249°, A = 68.0337° from south (248.0337° from north)', () => {
    const instant = Date.UTC(1987, 3, 10, 19, 21, 0);
    const longitudeDeg = -dms(77, 3, 56);
    const lst = localSiderealTimeHours(instant, longitudeDeg);
    const venus = { raHours: hms(23, 9, 16.641), decDeg: dms(-6, 43, 11.61) };
    expect(Math.abs(hourAngleHours(lst, venus.raHours) * 15 - 64.352133)).toBeLessThan(0.001);
    const { altDeg, azDeg } = equatorialToHorizontal(venus, dms(38, 55, 17), lst);
    expect(Math.abs(altDeg - 15.1249)).toBeLessThan(0.001);
    expect(Math.abs(azDeg - 248.0337)).toBeLessThan(0.001);
  });

  it('puts a star on the meridian due south at the altitude 90° − latitude + declination', () => {
    const { altDeg, azDeg } = equatorialToHorizontal({ raHours: 6, decDeg: 10 }, 40, 6);
    expect(altDeg).toBeCloseTo(60, 9);
    expect(azDeg).toBeCloseTo(180, 4);
  });
});
