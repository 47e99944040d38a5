import { lttb } from '../../lib/downsample';
import type { ImageHistoryItem } from '../../nina/schemas/images';
import type { HfrPoint } from '../../store/hfr-history';

export interface ChartPoint {
  x: number;
  y: number;
  point: HfrPoint;
}

export interface HfrChartData {
  /** HFR points per filter, in time order, together never more than `maxPoints`. */
  byFilter: { filter: string; points: ChartPoint[] }[];
  stars: ChartPoint[];
  /** Autofocus marks since the first point; a run after the last frame widens the span. */
  autofocusAtMs: number[];
  /** The time span charted, epoch ms. */
  domain: [number, number];
}

export const NO_FILTER = 'No filter';

/**
 * Reduces the night to what the chart can draw: LTTB keeps the shape (focus drift, a cloud's dip
 * in star count) with at most one point per horizontal pixel for each series.
 */
export function hfrChartData(points: readonly HfrPoint[], autofocusAtMs: readonly number[], maxPoints: number): HfrChartData {
  const limit = Math.max(3, Math.floor(maxPoints));
  const withHfr = points.flatMap((point) => (point.hfrPx === null ? [] : [{ x: point.atMs, y: point.hfrPx, point }]));
  const hfr = lttb(withHfr, limit);
  const stars = lttb(
    points.map((point) => ({ x: point.atMs, y: point.stars, point })),
    limit,
  );

  const groups = new Map<string, ChartPoint[]>();
  for (const item of hfr) {
    const filter = item.point.filter ?? NO_FILTER;
    const group = groups.get(filter);
    if (group) group.push(item);
    else groups.set(filter, [item]);
  }
  const first = points[0]?.atMs ?? 0;
  const last = points.at(-1)?.atMs ?? 0;
  const marks = autofocusAtMs.filter((atMs) => atMs >= first);
  return {
    byFilter: [...groups].map(([filter, group]) => ({ filter, points: group })),
    stars,
    autofocusAtMs: marks,
    domain: [first, Math.max(last, ...marks)],
  };
}

/** Frames per filter, in the order the filters first appear. */
export function filterCounts(points: readonly HfrPoint[]): { filter: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const point of points) {
    const filter = point.filter ?? NO_FILTER;
    counts.set(filter, (counts.get(filter) ?? 0) + 1);
  }
  return [...counts].map(([filter, count]) => ({ filter, count }));
}

/**
 * The frame's index in NINA's image history now: the one recorded when it was saved if the item
 * there is still that frame, else wherever an item with the same save time and file name sits
 * (another save may have slipped in while the index was asked), else none (NINA restarted).
 */
export function historyIndexOf(point: HfrPoint, items: readonly ImageHistoryItem[]): number | undefined {
  const same = (item: ImageHistoryItem | undefined) =>
    item !== undefined && point.ninaDate !== null && item.Date === point.ninaDate && (point.filename === null || item.Filename === point.filename);
  if (point.index !== null && same(items[point.index])) return point.index;
  const found = items.findIndex((item) => same(item));
  return found >= 0 ? found : undefined;
}
