import { minMax } from '../../lib/downsample';
import { DASH, formatNumber, isPresent } from '../../lib/format';
import { niceCeil, robustAxisLimit } from '../../lib/guide-stats';
import type { GuideStep } from '../../nina/schemas/guider';
import type { GuideUnit } from '../../store/guide-graph-settings';

/** What the chart draws: guide steps in the display unit, dither markers apart. */
export interface GraphRow {
  id: number;
  ra: number;
  dec: number;
  raMs: number;
  decMs: number;
}

export interface GraphModel {
  /** Guide steps only, at most `maxPoints`, oldest first. */
  rows: GraphRow[];
  ditherIds: number[];
  /** The x range: the whole window, markers included. */
  firstId?: number;
  lastId?: number;
  /** ± limit of the distance axis, display unit. */
  yLimit: number;
  /** ± limit of the correction axis, ms. */
  durationLimitMs: number;
}

/** A usable arcsec/px: NINA reports 0 or NaN without a guider (notes §2.4). */
export const validPixelScale = (arcsecPerPx: number | undefined): arcsecPerPx is number => isPresent(arcsecPerPx) && arcsecPerPx > 0;

/** Display units per pixel. */
export const unitFactor = (unit: GuideUnit, arcsecPerPx: number | undefined) => (unit === 'arcsec' && validPixelScale(arcsecPerPx) ? arcsecPerPx : 1);

/** The auto scale never zooms in past ±0.5″: a still star's seeing noise should not fill the graph. */
const AUTO_FLOOR_ARCSEC = 0.5;
/** The same without a pixel scale: a quarter pixel is about half an arcsecond on common guide scopes. */
const AUTO_FLOOR_PX = 0.25;
const MIN_DURATION_LIMIT_MS = 100;

export interface GraphOptions {
  unit: GuideUnit;
  arcsecPerPx: number | undefined;
  /** ± arcseconds, or auto. */
  yScale: number | 'auto';
  /** Never more points than the chart has pixels. */
  maxPoints: number;
}

/**
 * The rows that keep every spike: with more steps than points, the min and max of each bucket
 * for RA and for Dec (lib/downsample minMax), merged.
 */
function pickRows(rows: GraphRow[], maxPoints: number): GraphRow[] {
  if (rows.length <= maxPoints) return rows;
  const perSeries = Math.max(2, Math.floor(maxPoints / 2));
  const keep = new Set<number>();
  for (const key of ['ra', 'dec'] as const) {
    const points = rows.map((row, index) => ({ x: index, y: row[key] }));
    for (const point of minMax(points, perSeries)) keep.add(point.x);
  }
  return [...keep].sort((a, b) => a - b).map((index) => rows[index] as GraphRow);
}

export function buildGraphModel(steps: readonly GuideStep[], { unit, arcsecPerPx, yScale, maxPoints }: GraphOptions): GraphModel {
  const factor = unitFactor(unit, arcsecPerPx);
  const rows: GraphRow[] = [];
  const ditherIds: number[] = [];
  for (const step of steps) {
    if (step.dither) ditherIds.push(step.id);
    else rows.push({ id: step.id, ra: step.raPx * factor, dec: step.decPx * factor, raMs: step.raDurationMs, decMs: step.decDurationMs });
  }

  // Presets are arcseconds; in pixels they need the pixel scale, without it the graph scales itself.
  const arcsecToDisplay = unit === 'arcsec' ? 1 : validPixelScale(arcsecPerPx) ? 1 / arcsecPerPx : undefined;
  const yLimit =
    yScale !== 'auto' && arcsecToDisplay !== undefined
      ? yScale * arcsecToDisplay
      : robustAxisLimit(
          rows.flatMap((row) => [row.ra, row.dec]),
          { floor: arcsecToDisplay === undefined ? AUTO_FLOOR_PX : AUTO_FLOOR_ARCSEC * arcsecToDisplay },
        );
  const longestPulseMs = rows.reduce((longest, row) => Math.max(longest, Math.abs(row.raMs) || 0, Math.abs(row.decMs) || 0), 0);

  return {
    rows: pickRows(rows, Math.max(2, Math.floor(maxPoints))),
    ditherIds,
    firstId: steps[0]?.id,
    lastId: steps.at(-1)?.id,
    yLimit,
    durationLimitMs: Math.max(MIN_DURATION_LIMIT_MS, niceCeil(longestPulseMs)),
  };
}

/** Ticks at the limits, halfway and zero. */
export const symmetricTicks = (limit: number) => [-limit, -limit / 2, 0, limit / 2, limit];

/** The decimals the limit and its half need (1.5 → 0.75 needs two), at most two. */
export function axisDecimals(limit: number): number {
  for (let decimals = 0; decimals < 2; decimals += 1) {
    const scale = 10 ** decimals;
    if ([limit, limit / 2].every((value) => Math.abs(Math.round(value * scale) - value * scale) < 1e-9)) return decimals;
  }
  return 2;
}

/** 0.44″ or 0.11 px; a real minus for negatives. */
export function formatGuideValue(value: number | undefined, unit: GuideUnit, fractionDigits = 2): string {
  if (!isPresent(value)) return DASH;
  const text = formatNumber(Math.abs(value), fractionDigits);
  const signed = value < 0 && Number(text) !== 0 ? `−${text}` : text;
  return unit === 'arcsec' ? `${signed}″` : `${signed} px`;
}
