/**
 * The convergence chart's error axis: logarithmic, so the last arcminute is as readable as the
 * first half degree, with ticks on round angles.
 */

const TICKS_ARCMIN = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300] as const;
/** The chart's floor: a perfect reading still has to sit somewhere on a log axis. */
export const CHART_FLOOR_ARCMIN = 0.05;

export function errorAxis(valuesArcmin: readonly number[], goalArcmin: number): { domain: [number, number]; ticks: number[] } {
  const values = [...valuesArcmin.map((value) => Math.max(CHART_FLOOR_ARCMIN, Math.abs(value))), goalArcmin];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const bottom = [...TICKS_ARCMIN].reverse().find((tick) => tick <= low) ?? CHART_FLOOR_ARCMIN;
  const top = TICKS_ARCMIN.find((tick) => tick >= high) ?? Math.ceil(high / 60) * 60;
  // At least a decade tall, so scatter near the goal does not look like a cliff.
  const floor = Math.min(bottom, [...TICKS_ARCMIN].reverse().find((tick) => tick <= top / 10) ?? CHART_FLOOR_ARCMIN);
  return { domain: [floor, top], ticks: TICKS_ARCMIN.filter((tick) => tick >= floor && tick <= top) };
}

/** 30″, 5′, 1° */
export function errorTick(arcmin: number): string {
  if (arcmin < 1) return `${Math.round(arcmin * 60)}″`;
  if (arcmin < 60) return `${arcmin}′`;
  return `${arcmin / 60}°`;
}

/** Elapsed time since the first reading: 0:45, 12:03. */
export function elapsedTick(ms: number): string {
  const totalS = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(totalS / 60)}:${String(totalS % 60).padStart(2, '0')}`;
}
