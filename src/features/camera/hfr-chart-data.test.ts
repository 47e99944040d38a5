import { describe, expect, it } from 'vitest';
import type { ImageHistoryItem } from '../../nina/schemas/images';
import type { HfrPoint } from '../../store/hfr-history';
import { filterCounts, hfrChartData, historyIndexOf, NO_FILTER } from './hfr-chart-data';

const point = (i: number, fields: Partial<HfrPoint> = {}): HfrPoint => ({
  atMs: 1_000 * i,
  hfrPx: 2 + (i % 7) / 10,
  stars: 500 + i,
  filter: ['L', 'R', 'G'][i % 3] ?? null,
  imageType: 'LIGHT',
  exposureS: 60,
  targetName: 'M42',
  ninaDate: `date-${i}`,
  filename: `f${i}.fits`,
  index: i,
  ...fields,
});

describe('HFR chart data', () => {
  it('never has more points per series than the chart has pixels', () => {
    const points = Array.from({ length: 2_000 }, (_, i) => point(i));
    const data = hfrChartData(points, [], 300);
    const hfrCount = data.byFilter.reduce((sum, group) => sum + group.points.length, 0);
    expect(hfrCount).toBeLessThanOrEqual(300);
    expect(data.stars.length).toBeLessThanOrEqual(300);
    expect(data.byFilter.map((group) => group.filter).sort()).toEqual(['G', 'L', 'R']);
  });

  it('keeps frames without stars on the star line only, and names frames without a filter', () => {
    const data = hfrChartData([point(0, { hfrPx: null, stars: 0 }), point(1, { filter: null })], [], 100);
    expect(data.byFilter).toEqual([{ filter: NO_FILTER, points: [expect.objectContaining({ x: 1_000 })] }]);
    expect(data.stars.map((row) => row.y)).toEqual([0, 501]);
  });

  it('marks autofocus runs from the first frame on, widening the span for a run after the last frame', () => {
    const data = hfrChartData([point(5), point(10)], [1_000, 7_000, 20_000], 100);
    expect(data.autofocusAtMs).toEqual([7_000, 20_000]);
    expect(data.domain).toEqual([5_000, 20_000]);
  });

  it('counts frames per filter', () => {
    expect(filterCounts([point(0), point(3), point(1)])).toEqual([
      { filter: 'L', count: 2 },
      { filter: 'R', count: 1 },
    ]);
  });
});

describe('finding a point’s frame in the image history', () => {
  const item = (i: number) => ({ ExposureTime: 60, Date: `date-${i}`, Filename: `f${i}.fits` }) as ImageHistoryItem;
  const items = [item(0), item(1), item(2)];

  it('uses the recorded index when the frame is still there', () => {
    expect(historyIndexOf(point(1), items)).toBe(1);
  });

  it('finds the frame by its save time when the recorded index is off or unknown', () => {
    expect(historyIndexOf(point(2, { index: 1 }), items)).toBe(2);
    expect(historyIndexOf(point(2, { index: null }), items)).toBe(2);
  });

  it('finds nothing after NINA restarted with another history', () => {
    expect(historyIndexOf(point(7), items)).toBeUndefined();
  });
});
