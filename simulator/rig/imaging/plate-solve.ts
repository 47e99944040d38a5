// A plate solver that knows the answer: a frame solves to the J2000 centre it was rendered at (plus
// the sub-arcsecond scatter of a real solve) when it shows enough stars, and fails like ASTAP when
// it does not. The result is NINA's PlateSolveResult as STJ writes it (notes §6.1).

import { dateTimeLocal, dateTimeUtc, double, type NetValue } from '../../wire/net-values';
import { modulo } from '../astronomy';
import { Epoch } from '../nina-enums';
import type { SeededRandom } from '../random';
import { degreesToDms, hoursToHms } from '../sexagesimal';
import { binnedSize, type FrameParams, type StarAnalysis } from './frame-renderer';
import { bearingDeg, inverseGnomonic, separationDeg, type RaDecDeg } from './sky';

/** ASTAP needs a few dozen stars to match quads. */
const MINIMUM_STARS = 15;
const SOLVE_SCATTER_ARCSEC = 0.6;

export interface PlateSolveOutcome {
  success: boolean;
  solveTimeMs: number;
  coordinatesJ2000: RaDecDeg | null;
  positionAngleDeg: number;
  pixelScaleArcsecPerPx: number;
  radiusDeg: number;
  /** The coordinates the solver was given as a hint (the mount's), J2000; null for none. */
  hintJ2000: RaDecDeg | null;
}

export function solveFrame(
  params: FrameParams,
  stars: StarAnalysis,
  hintJ2000: RaDecDeg | null,
  solveTimeMs: number,
  random: SeededRandom,
): PlateSolveOutcome {
  if (stars.stars < MINIMUM_STARS) {
    return { success: false, solveTimeMs, coordinatesJ2000: null, positionAngleDeg: 0, pixelScaleArcsecPerPx: 0, radiusDeg: 0, hintJ2000 };
  }
  const { width, height } = binnedSize(params);
  const scatterRad = (SOLVE_SCATTER_ARCSEC / 3600) * (Math.PI / 180);
  const pixelScale = params.pixelScaleArcsecPerPx * params.binX;
  return {
    success: true,
    solveTimeMs,
    coordinatesJ2000: inverseGnomonic(params.centerJ2000, scatterRad * random.gaussian(), scatterRad * random.gaussian()),
    positionAngleDeg: modulo(params.positionAngleDeg + 0.01 * random.gaussian(), 360),
    pixelScaleArcsecPerPx: pixelScale * (1 + 2e-5 * random.gaussian()),
    radiusDeg: (Math.hypot(width, height) / 2) * (pixelScale / 3600),
    hintJ2000,
  };
}

function angle(degrees: number): NetValue {
  return {
    Degree: double(degrees),
    ArcMinutes: double(degrees * 60),
    ArcSeconds: double(degrees * 3600),
    Radians: double((degrees * Math.PI) / 180),
    Hours: double(degrees / 15),
  };
}

/** Coordinates as NINA's Coordinates class serializes (the mount's shape), epoch J2000. */
function coordinatesValue(position: RaDecDeg, nowMs: number): NetValue {
  const raHours = position.raDeg / 15;
  return {
    RA: double(raHours),
    RAString: hoursToHms(raHours),
    RADegrees: double(position.raDeg),
    Dec: double(position.decDeg),
    DecString: degreesToDms(position.decDeg),
    Epoch: Epoch.J2000,
    DateTime: { Now: dateTimeLocal(nowMs), UtcNow: dateTimeUtc(nowMs) },
  };
}

/** NINA's PlateSolveResult; Separation exists only when the solver had coordinates to compare with. */
export function plateSolveResultValue(outcome: PlateSolveOutcome, nowMs: number): NetValue {
  const solved = outcome.success ? outcome.coordinatesJ2000 : null;
  const hint = solved === null ? null : outcome.hintJ2000;
  let separation: NetValue = null;
  let raErrorArcsec = Number.NaN;
  let decErrorArcsec = Number.NaN;
  let raErrorString = '--';
  let decErrorString = '--';
  if (solved !== null && hint !== null) {
    const raDeg = modulo(solved.raDeg - hint.raDeg + 180, 360) - 180;
    const decDeg = solved.decDeg - hint.decDeg;
    separation = { RA: angle(raDeg), Dec: angle(decDeg), Distance: angle(separationDeg(hint, solved)), Bearing: angle(bearingDeg(hint, solved)) };
    raErrorArcsec = raDeg * 3600;
    decErrorArcsec = decDeg * 3600;
    raErrorString = hoursToHms(raDeg / 15);
    decErrorString = degreesToDms(decDeg);
  }
  return {
    SolveTime: dateTimeLocal(outcome.solveTimeMs),
    Orientation: double(modulo(360 - outcome.positionAngleDeg, 360)),
    PositionAngle: double(outcome.positionAngleDeg),
    Pixscale: double(outcome.pixelScaleArcsecPerPx),
    Radius: double(outcome.radiusDeg),
    Coordinates: solved === null ? null : coordinatesValue(solved, nowMs),
    Flipped: false,
    Success: outcome.success,
    Separation: separation,
    RaErrorString: raErrorString,
    RaPixError: double(outcome.success && hint !== null ? raErrorArcsec / outcome.pixelScaleArcsecPerPx : Number.NaN),
    DecPixError: double(outcome.success && hint !== null ? decErrorArcsec / outcome.pixelScaleArcsecPerPx : Number.NaN),
    DecErrorString: decErrorString,
  };
}
