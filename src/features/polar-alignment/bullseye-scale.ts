/**
 * The bullseye's radial scale: logarithmic-like, so a fresh tripod's half a degree and the last
 * half arcminute both have room. r ↦ ln(1 + r/k) / ln(1 + edge/k), linear near the pole.
 */

/** Below this the scale is close to linear: the scatter of one reading stays visible. */
const SOFTNESS_ARCMIN = 0.5;
/** Errors beyond a degree sit on the rim. */
export const BULLSEYE_EDGE_ARCMIN = 60;
export const BULLSEYE_RINGS_ARCMIN = [1, 5, 30] as const;

/** 0 at the pole, 1 at the rim. */
export function bullseyeRadius(arcmin: number): number {
  const r = Math.max(0, Math.abs(arcmin));
  return Math.min(1, Math.log1p(r / SOFTNESS_ARCMIN) / Math.log1p(BULLSEYE_EDGE_ARCMIN / SOFTNESS_ARCMIN));
}

/** Where an axis offset (right and up of the pole, arcminutes) is drawn, in rim units; y up. */
export function bullseyePoint(rightArcmin: number, upArcmin: number): { x: number; y: number; offScale: boolean } {
  const distance = Math.hypot(rightArcmin, upArcmin);
  if (distance === 0) return { x: 0, y: 0, offScale: false };
  const r = bullseyeRadius(distance);
  return { x: (rightArcmin / distance) * r, y: (upArcmin / distance) * r, offScale: distance > BULLSEYE_EDGE_ARCMIN };
}
