/**
 * Precession between J2000 and the equinox of date (Meeus, Astronomical Algorithms, ch. 21,
 * IAU 1976 angles). NINA's mounts report JNow while `mount/slew` and `mount/sync` take J2000
 * (notes §3.3, §4); over a quarter century the difference is about a third of a degree.
 * Nutation and aberration (under 1′) are left out: centering with a plate solve removes them.
 */

const ARCSEC_TO_RAD = Math.PI / (180 * 3600);
const J2000_JD = 2451545.0;
const JULIAN_CENTURY_DAYS = 36525;

export interface EquatorialHours {
  raHours: number;
  decDeg: number;
}

export function julianDate(epochMs: number): number {
  return epochMs / 86_400_000 + 2440587.5;
}

function angles(epochMs: number) {
  const t = (julianDate(epochMs) - J2000_JD) / JULIAN_CENTURY_DAYS;
  return {
    zeta: (2306.2181 * t + 0.30188 * t * t + 0.017998 * t ** 3) * ARCSEC_TO_RAD,
    z: (2306.2181 * t + 1.09468 * t * t + 0.018203 * t ** 3) * ARCSEC_TO_RAD,
    theta: (2004.3109 * t - 0.42665 * t * t - 0.041833 * t ** 3) * ARCSEC_TO_RAD,
  };
}

const toRad = (deg: number) => (deg * Math.PI) / 180;
const toDeg = (rad: number) => (rad * 180) / Math.PI;
const normalizeHours = (hours: number) => ((hours % 24) + 24) % 24;

export function j2000ToJNow({ raHours, decDeg }: EquatorialHours, epochMs: number): EquatorialHours {
  const { zeta, z, theta } = angles(epochMs);
  const ra = toRad(raHours * 15) + zeta;
  const dec = toRad(decDeg);
  const a = Math.cos(dec) * Math.sin(ra);
  const b = Math.cos(theta) * Math.cos(dec) * Math.cos(ra) - Math.sin(theta) * Math.sin(dec);
  const c = Math.sin(theta) * Math.cos(dec) * Math.cos(ra) + Math.cos(theta) * Math.sin(dec);
  return { raHours: normalizeHours(toDeg(Math.atan2(a, b) + z) / 15), decDeg: toDeg(Math.asin(Math.max(-1, Math.min(1, c)))) };
}

export function jNowToJ2000({ raHours, decDeg }: EquatorialHours, epochMs: number): EquatorialHours {
  const { zeta, z, theta } = angles(epochMs);
  const ra = toRad(raHours * 15) - z;
  const dec = toRad(decDeg);
  const a = Math.cos(dec) * Math.sin(ra);
  const b = Math.cos(theta) * Math.cos(dec) * Math.cos(ra) + Math.sin(theta) * Math.sin(dec);
  const c = -Math.sin(theta) * Math.cos(dec) * Math.cos(ra) + Math.cos(theta) * Math.sin(dec);
  return { raHours: normalizeHours(toDeg(Math.atan2(a, b) - zeta) / 15), decDeg: toDeg(Math.asin(Math.max(-1, Math.min(1, c)))) };
}
