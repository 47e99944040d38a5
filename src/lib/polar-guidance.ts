/**
 * What a three-point polar alignment reading asks the person at the mount to do.
 *
 * TPPA's sign convention (its PolarErrorDetermination and direction texts, notes §10.2):
 * - AzimuthError > 0: the RA axis points clockwise of the pole seen from above, which is east of the
 *   north celestial pole but west of the south one. Either way the fix is "move left", facing the pole.
 * - AltitudeError > 0: the axis is too HIGH in the northern hemisphere but too LOW in the southern one.
 * - A latitude of exactly 0 counts as southern (TPPA's `Northern` is latitude > 0).
 *
 * Everything here is seen by someone standing behind the mount, facing the pole: "right" is
 * clockwise seen from above in both hemispheres, "up" is up. A per-axis reversal flips only the
 * arrow, for mounts whose adjusters turn the other way; the words keep saying where the axis goes.
 */

export type Hemisphere = 'north' | 'south';

/** One TPPA reading as TPPA signs it: degrees. */
export interface PolarErrorDeg {
  azimuthDeg: number;
  altitudeDeg: number;
  totalDeg: number;
}

export interface ArrowReversal {
  azimuth: boolean;
  altitude: boolean;
}

/** TPPA's `Northern`: latitude above 0; the equator counts as southern. */
export function hemisphereOf(latitudeDeg: number): Hemisphere {
  return latitudeDeg > 0 ? 'north' : 'south';
}

/**
 * Where the axis points relative to the pole, facing the pole, in arcminutes: right is clockwise
 * seen from above, up is too high. Without a hemisphere the altitude keeps TPPA's (northern) sign.
 */
export function axisOffsetArcmin(error: PolarErrorDeg, hemisphere: Hemisphere | undefined): { rightArcmin: number; upArcmin: number } {
  const altitudeArcmin = error.altitudeDeg * 60;
  return { rightArcmin: error.azimuthDeg * 60, upArcmin: hemisphere === 'south' ? -altitudeArcmin : altitudeArcmin };
}

/** Below half an arcsecond an axis needs no turn: the amount would print as 0″. */
const CENTRED_ARCMIN = 0.5 / 60;

export interface AzimuthAdvice {
  axis: 'azimuth';
  amountArcmin: number;
  /** Too close to the pole for a turn to be worth it. */
  centred: boolean;
  /** Where the axis must go on the compass; undefined when centred or the hemisphere is unknown. */
  compass?: 'east' | 'west';
  /** Where the axis must go facing the pole; undefined when centred. */
  toward?: 'left' | 'right';
  /** The arrow to draw: `toward`, or its opposite when reversed. */
  arrow?: 'left' | 'right';
  reversed: boolean;
  words: string;
}

export interface AltitudeAdvice {
  axis: 'altitude';
  amountArcmin: number;
  centred: boolean;
  /** Undefined when centred or when the hemisphere is unknown (TPPA's sign then means nothing). */
  move?: 'raise' | 'lower';
  toward?: 'up' | 'down';
  /** The arrow to draw: `toward`, or its opposite when reversed. */
  arrow?: 'up' | 'down';
  reversed: boolean;
  words: string;
}

export interface PolarGuidance {
  azimuth: AzimuthAdvice;
  altitude: AltitudeAdvice;
  /** "Azimuth: turn 3′ 12″ east · Altitude: raise 1′ 06″" */
  text: string;
}

const flipHorizontal = { left: 'right', right: 'left' } as const;
const flipVertical = { up: 'down', down: 'up' } as const;

export function azimuthAdvice(error: PolarErrorDeg, hemisphere: Hemisphere | undefined, reversed = false): AzimuthAdvice {
  const { rightArcmin } = axisOffsetArcmin(error, hemisphere);
  const amountArcmin = Math.abs(rightArcmin);
  const amount = formatPolarAngleArcmin(amountArcmin);
  if (amountArcmin < CENTRED_ARCMIN) return { axis: 'azimuth', amountArcmin, centred: true, reversed, words: 'Azimuth: centred' };
  // Right of the pole (clockwise from above) is east of it in the north and west of it in the south.
  const toTheLeft = rightArcmin > 0;
  const natural = toTheLeft ? 'left' : 'right';
  const arrow = reversed ? flipHorizontal[natural] : natural;
  if (hemisphere === undefined) {
    return { axis: 'azimuth', amountArcmin, centred: false, toward: natural, arrow, reversed, words: `Azimuth: turn ${amount} ${natural} (facing the pole)` };
  }
  const compass = (hemisphere === 'north') === toTheLeft ? 'west' : 'east';
  return { axis: 'azimuth', amountArcmin, centred: false, compass, toward: natural, arrow, reversed, words: `Azimuth: turn ${amount} ${compass}` };
}

export function altitudeAdvice(error: PolarErrorDeg, hemisphere: Hemisphere | undefined, reversed = false): AltitudeAdvice {
  const amountArcmin = Math.abs(error.altitudeDeg * 60);
  const amount = formatPolarAngleArcmin(amountArcmin);
  if (amountArcmin < CENTRED_ARCMIN) return { axis: 'altitude', amountArcmin, centred: true, reversed, words: 'Altitude: centred' };
  if (hemisphere === undefined) {
    return { axis: 'altitude', amountArcmin, centred: false, reversed, words: `Altitude: ${amount} off, direction unknown without the hemisphere` };
  }
  const tooHigh = axisOffsetArcmin(error, hemisphere).upArcmin > 0;
  const move = tooHigh ? 'lower' : 'raise';
  const natural = tooHigh ? 'down' : 'up';
  return { axis: 'altitude', amountArcmin, centred: false, move, toward: natural, arrow: reversed ? flipVertical[natural] : natural, reversed, words: `Altitude: ${move} ${amount}` };
}

export function polarGuidance(error: PolarErrorDeg, hemisphere: Hemisphere | undefined, reversal: ArrowReversal = { azimuth: false, altitude: false }): PolarGuidance {
  const azimuth = azimuthAdvice(error, hemisphere, reversal.azimuth);
  const altitude = altitudeAdvice(error, hemisphere, reversal.altitude);
  return { azimuth, altitude, text: `${azimuth.words} · ${altitude.words}` };
}

/**
 * A polar error as degrees, arcminutes and arcseconds, leaving out what is zero in front:
 * 45″, 3′ 12″, 1° 02′ (a degree off, seconds do not matter). Unsigned.
 */
export function formatPolarAngleArcmin(arcmin: number): string {
  if (!Number.isFinite(arcmin)) return '—';
  const totalArcsec = Math.round(Math.abs(arcmin) * 60);
  if (totalArcsec >= 3600) {
    const totalArcmin = Math.round(totalArcsec / 60);
    return `${Math.floor(totalArcmin / 60)}° ${String(totalArcmin % 60).padStart(2, '0')}′`;
  }
  if (totalArcsec >= 60) return `${Math.floor(totalArcsec / 60)}′ ${String(totalArcsec % 60).padStart(2, '0')}″`;
  return `${totalArcsec}″`;
}

/** The same, from degrees, with a real minus sign for negative values when `signed`. */
export function formatPolarAngleDeg(deg: number, signed = false): string {
  const text = formatPolarAngleArcmin(deg * 60);
  if (!signed || !Number.isFinite(deg) || text === '0″') return text;
  return `${deg < 0 ? '−' : '+'}${text}`;
}
