/**
 * Never draw more points than there are pixels (Grafana's maxDataPointsFromWidth): a night of
 * samples is reduced to what the chart can show before it reaches the chart.
 */

export interface XY {
  x: number;
  y: number;
}

/**
 * Largest-Triangle-Three-Buckets (Steinarsson 2013): keeps the first and last points and, in each
 * bucket, the point that forms the largest triangle with its neighbours, which preserves peaks
 * and shape far better than taking every n-th point. Points must be sorted by x.
 */
export function lttb<T extends XY>(points: readonly T[], threshold: number): T[] {
  const limit = Math.floor(threshold);
  if (limit >= points.length || limit <= 2) return limit <= 2 ? points.slice(0, Math.max(0, limit)) : [...points];
  const sampled: T[] = [points[0] as T];
  const bucketSize = (points.length - 2) / (limit - 2);
  let anchor = 0;
  for (let bucket = 0; bucket < limit - 2; bucket += 1) {
    const nextStart = Math.floor((bucket + 1) * bucketSize) + 1;
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketSize) + 1, points.length);
    let avgX = 0;
    let avgY = 0;
    for (let i = nextStart; i < nextEnd; i += 1) {
      avgX += (points[i] as T).x;
      avgY += (points[i] as T).y;
    }
    const count = Math.max(1, nextEnd - nextStart);
    avgX /= count;
    avgY /= count;

    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.floor((bucket + 1) * bucketSize) + 1;
    const a = points[anchor] as T;
    let chosen = start;
    let largest = -1;
    for (let i = start; i < end; i += 1) {
      const p = points[i] as T;
      const area = Math.abs((a.x - avgX) * (p.y - a.y) - (a.x - p.x) * (avgY - a.y));
      if (area > largest) {
        largest = area;
        chosen = i;
      }
    }
    sampled.push(points[chosen] as T);
    anchor = chosen;
  }
  sampled.push(points[points.length - 1] as T);
  return sampled;
}

/**
 * Min-max per bucket: keeps both extremes of every pixel column, so no spike (a guiding jump,
 * an HFR outlier) can vanish. Returns at most `threshold` points, in x order.
 */
export function minMax<T extends XY>(points: readonly T[], threshold: number): T[] {
  const limit = Math.floor(threshold);
  if (points.length <= limit) return [...points];
  const buckets = Math.max(1, Math.floor(limit / 2));
  const size = points.length / buckets;
  const out: T[] = [];
  for (let bucket = 0; bucket < buckets; bucket += 1) {
    const start = Math.floor(bucket * size);
    const end = Math.min(points.length, Math.floor((bucket + 1) * size));
    let low = start;
    let high = start;
    for (let i = start; i < end; i += 1) {
      if ((points[i] as T).y < (points[low] as T).y) low = i;
      if ((points[i] as T).y > (points[high] as T).y) high = i;
    }
    if (low === high) out.push(points[low] as T);
    else out.push(points[Math.min(low, high)] as T, points[Math.max(low, high)] as T);
  }
  return out;
}
