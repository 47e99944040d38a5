// Sky geometry for the synthetic frames and the plate solver: precession between the mount's JNOW
// and the catalogue's J2000 (Meeus, "Astronomical Algorithms" 2nd ed., ch. 21, eq. 21.2/21.4),
// the gnomonic (TAN) projection every plate solver assumes, galactic latitude and separations.

import { julianDate, modulo } from '../astronomy';

const DEG = Math.PI / 180;
const ARCSEC = DEG / 3600;
const JD_J2000 = 2_451_545;

export interface RaDecDeg {
  raDeg: number;
  decDeg: number;
}

type Vector = [number, number, number];
type Matrix = [Vector, Vector, Vector];

function toVector({ raDeg, decDeg }: RaDecDeg): Vector {
  const ra = raDeg * DEG;
  const dec = decDeg * DEG;
  return [Math.cos(dec) * Math.cos(ra), Math.cos(dec) * Math.sin(ra), Math.sin(dec)];
}

function fromVector([x, y, z]: Vector): RaDecDeg {
  return { raDeg: modulo(Math.atan2(y, x) / DEG, 360), decDeg: Math.asin(Math.max(-1, Math.min(1, z))) / DEG };
}

/** The rotation that takes J2000 mean coordinates to the mean equator and equinox of `epochMs` (Meeus 21.2). */
function precessionMatrix(epochMs: number): Matrix {
  const t = (julianDate(epochMs) - JD_J2000) / 36_525;
  const zeta = (2306.2181 * t + 0.30188 * t ** 2 + 0.017998 * t ** 3) * ARCSEC;
  const z = (2306.2181 * t + 1.09468 * t ** 2 + 0.018203 * t ** 3) * ARCSEC;
  const theta = (2004.3109 * t - 0.42665 * t ** 2 - 0.041833 * t ** 3) * ARCSEC;
  const [cz, sz, cZ, sZ, ct, st] = [Math.cos(zeta), Math.sin(zeta), Math.cos(z), Math.sin(z), Math.cos(theta), Math.sin(theta)];
  return [
    [cz * ct * cZ - sz * sZ, -sz * ct * cZ - cz * sZ, -st * cZ],
    [cz * ct * sZ + sz * cZ, -sz * ct * sZ + cz * cZ, -st * sZ],
    [cz * st, -sz * st, ct],
  ];
}

function apply(matrix: Matrix, vector: Vector, transpose: boolean): Vector {
  const result: Vector = [0, 0, 0];
  for (let row = 0; row < 3; row++) {
    let sum = 0;
    for (let column = 0; column < 3; column++) {
      sum += (transpose ? matrix[column]![row]! : matrix[row]![column]!) * vector[column]!;
    }
    result[row] = sum;
  }
  return result;
}

/** JNOW (mean of date; nutation and aberration are below a frame's pixel scale here) to J2000. */
export function jnowToJ2000(position: RaDecDeg, epochMs: number): RaDecDeg {
  return fromVector(apply(precessionMatrix(epochMs), toVector(position), true));
}

export function j2000ToJnow(position: RaDecDeg, epochMs: number): RaDecDeg {
  return fromVector(apply(precessionMatrix(epochMs), toVector(position), false));
}

/** Standard coordinates (ξ east, η north, radians) of `star` on the tangent plane at `center`; null behind it. */
export function gnomonic(center: RaDecDeg, star: RaDecDeg): { xi: number; eta: number } | null {
  const ra0 = center.raDeg * DEG;
  const dec0 = center.decDeg * DEG;
  const ra = star.raDeg * DEG;
  const dec = star.decDeg * DEG;
  const cosC = Math.sin(dec0) * Math.sin(dec) + Math.cos(dec0) * Math.cos(dec) * Math.cos(ra - ra0);
  if (cosC <= 0.2) return null;
  return {
    xi: (Math.cos(dec) * Math.sin(ra - ra0)) / cosC,
    eta: (Math.cos(dec0) * Math.sin(dec) - Math.sin(dec0) * Math.cos(dec) * Math.cos(ra - ra0)) / cosC,
  };
}

/** The inverse of `gnomonic`. */
export function inverseGnomonic(center: RaDecDeg, xi: number, eta: number): RaDecDeg {
  const ra0 = center.raDeg * DEG;
  const dec0 = center.decDeg * DEG;
  const rho = Math.hypot(xi, eta);
  if (rho === 0) return { ...center };
  const c = Math.atan(rho);
  const dec = Math.asin(Math.cos(c) * Math.sin(dec0) + (eta * Math.sin(c) * Math.cos(dec0)) / rho);
  const ra = ra0 + Math.atan2(xi * Math.sin(c), rho * Math.cos(dec0) * Math.cos(c) - eta * Math.sin(dec0) * Math.sin(c));
  return { raDeg: modulo(ra / DEG, 360), decDeg: dec / DEG };
}

/** Galactic latitude in degrees (IAU 1958 pole, J2000: α 192.8595°, δ 27.1283°). */
export function galacticLatitudeDeg({ raDeg, decDeg }: RaDecDeg): number {
  const poleRa = 192.859_508 * DEG;
  const poleDec = 27.128_336 * DEG;
  const dec = decDeg * DEG;
  const sinB = Math.sin(dec) * Math.sin(poleDec) + Math.cos(dec) * Math.cos(poleDec) * Math.cos(raDeg * DEG - poleRa);
  return Math.asin(Math.max(-1, Math.min(1, sinB))) / DEG;
}

/** Great-circle distance in degrees. */
export function separationDeg(a: RaDecDeg, b: RaDecDeg): number {
  const [ax, ay, az] = toVector(a);
  const [bx, by, bz] = toVector(b);
  const cross = Math.hypot(ay * bz - az * by, az * bx - ax * bz, ax * by - ay * bx);
  return Math.atan2(cross, ax * bx + ay * by + az * bz) / DEG;
}

/** Position angle of `to` seen from `from`, degrees east of north, in [0, 360). */
export function bearingDeg(from: RaDecDeg, to: RaDecDeg): number {
  const dRa = (to.raDeg - from.raDeg) * DEG;
  const dec1 = from.decDeg * DEG;
  const dec2 = to.decDeg * DEG;
  const y = Math.sin(dRa) * Math.cos(dec2);
  const x = Math.cos(dec1) * Math.sin(dec2) - Math.sin(dec1) * Math.cos(dec2) * Math.cos(dRa);
  return modulo(Math.atan2(y, x) / DEG, 360);
}
