import { describe, expect, it } from 'vitest';
import { switchHistoryInstance } from './persistence/session-history';
import { HFR_HISTORY_LIMIT, useHfrHistory, type HfrPoint } from './hfr-history';

const point = (atMs: number): HfrPoint => ({
  atMs,
  hfrPx: 2,
  stars: 100,
  filter: 'L',
  imageType: 'LIGHT',
  exposureS: 60,
  targetName: null,
  ninaDate: `d${atMs}`,
  filename: null,
  index: null,
});

describe('the HFR history store', () => {
  it('keeps each NINA’s points apart and gives them back after a switch (or a reload)', async () => {
    await switchHistoryInstance('rig-a');
    useHfrHistory.getState().addPoints([point(1), point(2)]);
    useHfrHistory.getState().addAutofocus(3);
    await switchHistoryInstance('rig-b');
    expect(useHfrHistory.getState().points).toEqual([]);
    await switchHistoryInstance('rig-a');
    expect(useHfrHistory.getState().points.map((p) => p.atMs)).toEqual([1, 2]);
    expect(useHfrHistory.getState().autofocusAtMs).toEqual([3]);
  });

  it('stays bounded, dropping the oldest points', () => {
    useHfrHistory.getState().clear();
    useHfrHistory.getState().addPoints(Array.from({ length: HFR_HISTORY_LIMIT + 10 }, (_, i) => point(i)));
    const { points } = useHfrHistory.getState();
    expect(points).toHaveLength(HFR_HISTORY_LIMIT);
    expect(points[0]!.atMs).toBe(10);
  });

  it('numbers a point once', () => {
    useHfrHistory.getState().clear();
    useHfrHistory.getState().addPoints([point(5)]);
    useHfrHistory.getState().setIndex('d5', 4);
    useHfrHistory.getState().setIndex('d5', 9);
    expect(useHfrHistory.getState().points[0]!.index).toBe(4);
  });
});
