// Sidereal time and horizontal coordinates. The formulas are Meeus, "Astronomical Algorithms"
// (2nd ed.): sidereal time ch. 12 (eq. 12.4), nutation ch. 22 (low-accuracy terms), alt/az ch. 13,
// the latter in the same form as NINA's AstroUtil.GetAltitude/GetAzimuth.

const DEG = Math.PI / 180;
const MS_PER_DAY = 86_400_000;
const JD_UNIX_EPOCH = 2_440_587.5;
const JD_J2000 = 2_451_545;

export interface Site {
  latitudeDeg: number;
  longitudeDeg: number;
  elevationM: number;
}

export interface Equatorial {
  raHours: number;
  decDeg: number;
}

export interface Horizontal {
  altDeg: number;
  azDeg: number;
}

/** Euclidean modulus, like AstroUtil.EuclidianModulus: the result has the sign of `divisor`. */
export function modulo(value: number, divisor: number): number {
  const remainder = value % divisor;
  return remainder < 0 ? remainder + divisor : remainder;
}

export function julianDate(epochMs: number): number {
  return epochMs / MS_PER_DAY + JD_UNIX_EPOCH;
}

/** Greenwich mean sidereal time in hours (Meeus 12.4; UT1 taken as UTC). */
export function greenwichMeanSiderealTimeHours(epochMs: number): number {
  const daysSinceJ2000 = julianDate(epochMs) - JD_J2000;
  const centuries = daysSinceJ2000 / 36_525;
  const degrees =
    280.460_618_37 +
    360.985_647_366_29 * daysSinceJ2000 +
    0.000_387_933 * centuries ** 2 -
    centuries ** 3 / 38_710_000;
  return modulo(degrees, 360) / 15;
}

/** Equation of the equinoxes in hours, from the nutation in longitude and the obliquity (Meeus ch. 22). */
export function equationOfEquinoxesHours(epochMs: number): number {
  const centuries = (julianDate(epochMs) - JD_J2000) / 36_525;
  const node = (125.044_52 - 1934.136_261 * centuries) * DEG;
  const sunLongitude = (280.4665 + 36_000.7698 * centuries) * DEG;
  const moonLongitude = (218.3165 + 481_267.8813 * centuries) * DEG;
  const nutationLongitudeArcsec =
    -17.2 * Math.sin(node) - 1.32 * Math.sin(2 * sunLongitude) - 0.23 * Math.sin(2 * moonLongitude) + 0.21 * Math.sin(2 * node);
  const nutationObliquityArcsec =
    9.2 * Math.cos(node) + 0.57 * Math.cos(2 * sunLongitude) + 0.1 * Math.cos(2 * moonLongitude) - 0.09 * Math.cos(2 * node);
  const meanObliquityDeg = 23.439_291_1 - (46.815 * centuries) / 3600;
  const obliquity = (meanObliquityDeg + nutationObliquityArcsec / 3600) * DEG;
  return (nutationLongitudeArcsec * Math.cos(obliquity)) / 15 / 3600;
}

/** Greenwich apparent sidereal time in hours; NINA asks NOVAS for the apparent one too. */
export function greenwichApparentSiderealTimeHours(epochMs: number): number {
  return modulo(greenwichMeanSiderealTimeHours(epochMs) + equationOfEquinoxesHours(epochMs), 24);
}

/** Local apparent sidereal time in hours; longitude east positive. */
export function localSiderealTimeHours(epochMs: number, longitudeDeg: number): number {
  return modulo(greenwichApparentSiderealTimeHours(epochMs) + longitudeDeg / 15, 24);
}

/** Hour angle in hours within [-12, 12): negative east of the meridian (rising), positive west. */
export function hourAngleHours(localSiderealHours: number, raHours: number): number {
  return modulo(localSiderealHours - raHours + 12, 24) - 12;
}

/** Geometric altitude and azimuth (north = 0°, east = 90°), no refraction. */
export function equatorialToHorizontal(position: Equatorial, latitudeDeg: number, localSiderealHours: number): Horizontal {
  const hourAngle = hourAngleHours(localSiderealHours, position.raHours) * 15 * DEG;
  const dec = position.decDeg * DEG;
  const lat = latitudeDeg * DEG;
  const sinAlt = Math.sin(dec) * Math.sin(lat) + Math.cos(dec) * Math.cos(lat) * Math.cos(hourAngle);
  const alt = Math.asin(Math.min(1, Math.max(-1, sinAlt)));
  const cosAz = Math.min(1, Math.max(-1, (Math.sin(dec) - Math.sin(alt) * Math.sin(lat)) / (Math.cos(alt) * Math.cos(lat))));
  const azFromAcos = Math.acos(cosAz) / DEG;
  const azDeg = Math.sin(hourAngle) < 0 ? azFromAcos : 360 - azFromAcos;
  return { altDeg: alt / DEG, azDeg: modulo(azDeg, 360) };
}
