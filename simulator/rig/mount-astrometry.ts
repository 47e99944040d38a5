// Coordinates the mount side of NINA works with: the API takes J2000, EQMOD reports JNOW (NINA
// transforms with SOFA; precession alone, Meeus "Astronomical Algorithms" ch. 21 eq. 21.4, gets
// within the ~20" of nutation and aberration, far below any pointing error), and NINA's
// Coordinates.ToString() for its log lines.

import { julianDate, modulo, type Equatorial } from './astronomy';
import { degreesToDms, hoursToHms } from './sexagesimal';

const DEG = Math.PI / 180;
const ARCSEC = DEG / 3600;
const JD_J2000 = 2_451_545;

interface PrecessionAngles {
  zeta: number;
  z: number;
  theta: number;
}

function precessionAngles(epochMs: number): PrecessionAngles {
  const t = (julianDate(epochMs) - JD_J2000) / 36_525;
  return {
    zeta: (2306.2181 * t + 0.30188 * t ** 2 + 0.017998 * t ** 3) * ARCSEC,
    z: (2306.2181 * t + 1.09468 * t ** 2 + 0.018203 * t ** 3) * ARCSEC,
    theta: (2004.3109 * t - 0.42665 * t ** 2 - 0.041833 * t ** 3) * ARCSEC,
  };
}

function rotate(position: Equatorial, { zeta, z, theta }: PrecessionAngles): Equatorial {
  const ra = position.raHours * 15 * DEG;
  const dec = position.decDeg * DEG;
  const a = Math.cos(dec) * Math.sin(ra + zeta);
  const b = Math.cos(theta) * Math.cos(dec) * Math.cos(ra + zeta) - Math.sin(theta) * Math.sin(dec);
  const c = Math.sin(theta) * Math.cos(dec) * Math.cos(ra + zeta) + Math.cos(theta) * Math.sin(dec);
  return {
    raHours: modulo((Math.atan2(a, b) + z) / DEG / 15, 24),
    decDeg: Math.asin(Math.max(-1, Math.min(1, c))) / DEG,
  };
}

export function j2000ToJnow(position: Equatorial, epochMs: number): Equatorial {
  return rotate(position, precessionAngles(epochMs));
}

/** The inverse rotation: the same three angles, negated and swapped (ζ ↔ z). */
export function jnowToJ2000(position: Equatorial, epochMs: number): Equatorial {
  const { zeta, z, theta } = precessionAngles(epochMs);
  return rotate(position, { zeta: -z, z: -zeta, theta: -theta });
}

/** Great-circle distance in degrees (haversine, stable for the arcsecond offsets of a centering). */
export function separationDeg(a: Equatorial, b: Equatorial): number {
  const dec1 = a.decDeg * DEG;
  const dec2 = b.decDeg * DEG;
  const deltaRa = (a.raHours - b.raHours) * 15 * DEG;
  const h = Math.sin((dec2 - dec1) / 2) ** 2 + Math.cos(dec1) * Math.cos(dec2) * Math.sin(deltaRa / 2) ** 2;
  return (2 * Math.asin(Math.min(1, Math.sqrt(h)))) / DEG;
}

/** The direction from `from` to `to` in degrees (0 = north, 90 = east). */
export function bearingDeg(from: Equatorial, to: Equatorial): number {
  const dec1 = from.decDeg * DEG;
  const dec2 = to.decDeg * DEG;
  const deltaRa = (to.raHours - from.raHours) * 15 * DEG;
  const y = Math.sin(deltaRa) * Math.cos(dec2);
  const x = Math.cos(dec1) * Math.sin(dec2) - Math.sin(dec1) * Math.cos(dec2) * Math.cos(deltaRa);
  return modulo(Math.atan2(y, x) / DEG, 360);
}

/** A point `distanceDeg` away from `origin` in the direction `bearingDeg` (0 = north, 90 = east). */
export function offsetBy(origin: Equatorial, distanceDeg: number, bearingDeg: number): Equatorial {
  const dec1 = origin.decDeg * DEG;
  const distance = distanceDeg * DEG;
  const bearing = bearingDeg * DEG;
  const sinDec = Math.sin(dec1) * Math.cos(distance) + Math.cos(dec1) * Math.sin(distance) * Math.cos(bearing);
  const dec2 = Math.asin(Math.max(-1, Math.min(1, sinDec)));
  const deltaRa = Math.atan2(Math.sin(bearing) * Math.sin(distance) * Math.cos(dec1), Math.cos(distance) - Math.sin(dec1) * sinDec);
  return { raHours: modulo(origin.raHours + deltaRa / DEG / 15, 24), decDeg: dec2 / DEG };
}

/** NINA's Coordinates.ToString(), e.g. `RA: 05:34:31; Dec: 22° 00' 52"; Epoch: J2000`. */
export function coordinatesText(position: Equatorial, epoch: 'J2000' | 'JNOW'): string {
  return `RA: ${hoursToHms(position.raHours)}; Dec: ${degreesToDms(position.decDeg)}; Epoch: ${epoch}`;
}
