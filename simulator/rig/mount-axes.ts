// The mechanics of a German equatorial mount: where its two axes point and how long a goto takes.
//
// The mount is described by its axes, not by the sky, because that is what a slew, a meridian flip
// and a MoveAxis jog actually turn:
// - the primary (RA) axis is kept as the "axis RA": the right ascension the tube points at while it
//   is on the east side of the pier. With tracking at the sidereal rate it stays constant; with
//   tracking off it grows with sidereal time. Its mechanical angle is the hour angle LST - axis RA.
// - the secondary (Dec) axis angle is measured toward the pole the mount is aligned on: 0 on the
//   equator, 90 at the pole. Beyond 90 the tube has gone over the pole, the same sky point is reached
//   from the west side of the pier, and the RA it points at is the axis RA - 12 h.
// On both sides the counterweight hangs below the RA axis while the primary angle is in [0°, 180°],
// which is why NINA expects pierWest east of the meridian and pierEast west of it.

import { modulo, type Equatorial } from './astronomy';

export type PierSideName = 'pierEast' | 'pierWest';

export interface AxisPosition {
  axisRaHours: number;
  secondaryDeg: number;
}

export interface Pointing extends Equatorial {
  pierSide: PierSideName;
}

/** EQMOD's fastest slew: 800× sidereal, also the top of its MoveAxis AxisRates. */
export const MAX_AXIS_RATE_DEG_PER_S = (800 * 15.041_067) / 3600;
/** Both EQ6-R motors ramp up and down at this rate during a goto. */
const AXIS_ACCELERATION_DEG_PER_S2 = 1.5;
/** Lowest and highest Dec axis angle: the tube against the opposite pole on either side of the pier. */
const SECONDARY_MIN_DEG = -90;
const SECONDARY_MAX_DEG = 270;

/** +1 when the mount is aligned on the north celestial pole, -1 for the south. */
export function hemisphere(latitudeDeg: number): 1 | -1 {
  return latitudeDeg >= 0 ? 1 : -1;
}

/** The Dec axis stops at the opposite pole on either side (the tube would hit the pier or the ground). */
export function clampSecondaryDeg(secondaryDeg: number): number {
  return Math.min(SECONDARY_MAX_DEG, Math.max(SECONDARY_MIN_DEG, secondaryDeg));
}

/**
 * The RA axis angle (hour angle of the axis RA) in [-90°, 270°): the seam is the counterweight
 * pointing straight up, which no goto ever passes through.
 */
export function primaryAngleDeg(axisRaHours: number, localSiderealHours: number): number {
  return modulo((localSiderealHours - axisRaHours) * 15 + 90, 360) - 90;
}

export function pointingOf(axes: AxisPosition, latitudeDeg: number): Pointing {
  const pole = hemisphere(latitudeDeg);
  if (axes.secondaryDeg <= 90) {
    return { raHours: modulo(axes.axisRaHours, 24), decDeg: pole * axes.secondaryDeg, pierSide: 'pierEast' };
  }
  return { raHours: modulo(axes.axisRaHours - 12, 24), decDeg: pole * (180 - axes.secondaryDeg), pierSide: 'pierWest' };
}

/** The axis position that points at `target` from the given side of the pier. */
export function axesFor(target: Equatorial, pierSide: PierSideName, latitudeDeg: number): AxisPosition {
  const pole = hemisphere(latitudeDeg);
  if (pierSide === 'pierEast') return { axisRaHours: modulo(target.raHours, 24), secondaryDeg: pole * target.decDeg };
  return { axisRaHours: modulo(target.raHours + 12, 24), secondaryDeg: 180 - pole * target.decDeg };
}

/** Seconds a trapezoidal move (ramp up, cruise at the slew rate, ramp down) of `distanceDeg` takes. */
export function moveDurationS(distanceDeg: number): number {
  const distance = Math.abs(distanceDeg);
  const rampDistance = MAX_AXIS_RATE_DEG_PER_S ** 2 / AXIS_ACCELERATION_DEG_PER_S2;
  if (distance >= rampDistance) return distance / MAX_AXIS_RATE_DEG_PER_S + MAX_AXIS_RATE_DEG_PER_S / AXIS_ACCELERATION_DEG_PER_S2;
  return 2 * Math.sqrt(distance / AXIS_ACCELERATION_DEG_PER_S2);
}

/** Degrees covered `elapsedS` into that move, from 0 to |distanceDeg|. */
export function moveProgressDeg(distanceDeg: number, elapsedS: number): number {
  const distance = Math.abs(distanceDeg);
  const totalS = moveDurationS(distance);
  if (elapsedS <= 0) return 0;
  if (elapsedS >= totalS) return distance;
  const peakRate = Math.min(MAX_AXIS_RATE_DEG_PER_S, Math.sqrt(distance * AXIS_ACCELERATION_DEG_PER_S2));
  const rampS = peakRate / AXIS_ACCELERATION_DEG_PER_S2;
  const rampDistance = (peakRate * rampS) / 2;
  if (elapsedS < rampS) return (AXIS_ACCELERATION_DEG_PER_S2 * elapsedS ** 2) / 2;
  const brakingStartS = totalS - rampS;
  if (elapsedS <= brakingStartS) return rampDistance + peakRate * (elapsedS - rampS);
  const remainingS = totalS - elapsedS;
  return distance - (AXIS_ACCELERATION_DEG_PER_S2 * remainingS ** 2) / 2;
}
