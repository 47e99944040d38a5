import { describe, expect, it } from 'vitest';
import type { RmsSample } from '../../store/guiding-rms-history';
import { trendRows } from './RmsTrendChart';

const MINUTE_MS = 60_000;
const sample = (minute: number, arcsecPerPx: number | null = 2): RmsSample => ({
  atMs: minute * MINUTE_MS,
  raPx: 0.3,
  decPx: 0.4,
  totalPx: 0.5,
  steps: 30,
  arcsecPerPx,
});

describe('the RMS trend rows', () => {
  it('scales by each sample’s own pixel scale, leaving out samples without one in arcseconds', () => {
    const rows = trendRows([sample(0, 2), sample(1, 4), sample(2, null)], 'arcsec', 100);
    expect(rows.map((row) => row.total)).toEqual([1, 2]);
    expect(trendRows([sample(0, 2), sample(2, null)], 'px', 100).map((row) => row.total)).toEqual([0.5, 0.5]);
  });

  it('breaks the line where guiding was not watched', () => {
    const rows = trendRows([sample(0), sample(1), sample(30), sample(31)], 'px', 100);
    expect(rows.map((row) => row.total)).toEqual([0.5, 0.5, null, 0.5, 0.5]);
  });

  it('never has more rows than the chart has pixels, gaps included', () => {
    const samples = Array.from({ length: 1_440 }, (_, i) => sample(i % 2 ? i * 5 : i * 5 + 1));
    expect(trendRows(samples, 'px', 300).length).toBeLessThanOrEqual(300);
  });
});
