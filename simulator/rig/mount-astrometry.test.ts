import { describe, expect, it } from 'vitest';
import { julianDate } from './astronomy';
import { bearingDeg, coordinatesText, j2000ToJnow, jnowToJ2000, offsetBy, separationDeg } from './mount-astrometry';

const msOfJulianDate = (jd: number): number => (jd - 2_440_587.5) * 86_400_000;

describe('J2000 and JNOW', () => {
  it('precesses as Meeus example 21.b (θ Persei to 2028 Nov 13.19)', () => {
    const epochMs = msOfJulianDate(2_462_088.69);
    expect(julianDate(epochMs)).toBeCloseTo(2_462_088.69, 6);
    const jnow = j2000ToJnow({ raHours: 41.054063 / 15, decDeg: 49.22775 }, epochMs);
    expect(jnow.raHours * 15).toBeCloseTo(41.547214, 5);
    expect(jnow.decDeg).toBeCloseTo(49.348483, 5);
  });

  it('goes back exactly', () => {
    const epochMs = Date.UTC(2025, 10, 20);
    for (const position of [
      { raHours: 0.01, decDeg: 0 },
      { raHours: 18.6, decDeg: 38.78 },
      { raHours: 12, decDeg: -89.9 },
    ]) {
      const back = jnowToJ2000(j2000ToJnow(position, epochMs), epochMs);
      expect(separationDeg(back, position) * 3600).toBeLessThan(1e-6);
    }
  });

  it('moves a 2025 equatorial position by about a third of a degree', () => {
    const shift = separationDeg(j2000ToJnow({ raHours: 6, decDeg: 0 }, Date.UTC(2025, 6, 1)), { raHours: 6, decDeg: 0 });
    expect(shift).toBeGreaterThan(0.3);
    expect(shift).toBeLessThan(0.4);
  });
});

describe('offsets on the sky', () => {
  it('finds the point it offset to, and the bearing back', () => {
    const origin = { raHours: 5.5, decDeg: 22 };
    const moved = offsetBy(origin, 3 / 60, 120);
    expect(separationDeg(origin, moved) * 60).toBeCloseTo(3, 9);
    expect(bearingDeg(origin, moved)).toBeCloseTo(120, 6);
    expect(bearingDeg(origin, offsetBy(origin, 0.5, 0))).toBeCloseTo(0, 9);
    expect(offsetBy(origin, 0.5, 90).raHours).toBeGreaterThan(origin.raHours);
  });

  it('writes coordinates as NINA logs them', () => {
    expect(coordinatesText({ raHours: 5.5753, decDeg: 22.0144 }, 'J2000')).toBe(`RA: 05:34:31; Dec: 22° 00' 52"; Epoch: J2000`);
  });
});
