import { describe, expect, it } from 'vitest';
import type { GuideGraph, GuideStep } from '../schemas/guider';
import { latestSteps, mergeGuideGraph, stepsAddedSince } from './guide-history';

const step = (id: number, raPx = id / 10, dither = false): GuideStep => ({
  id,
  raPx: dither ? 0 : raPx,
  decPx: dither ? 0 : -raPx,
  raDurationMs: 0,
  decDurationMs: 0,
  dither,
});

/** NINA's window: the last `size` steps up to `lastId`. */
const graph = (changeId: number, firstId: number, lastId: number, extra: Partial<GuideGraph> = {}): GuideGraph => ({
  changeId,
  steps: Array.from({ length: Math.max(0, lastId - firstId + 1) }, (_, i) => step(firstId + i)),
  pixelScaleArcsecPerPx: 3.87,
  historySize: 100,
  scale: 'PIXELS',
  ...extra,
});

const ids = (steps: readonly GuideStep[]) => steps.map((s) => s.id);

describe('mergeGuideGraph', () => {
  it('starts from the first reply', () => {
    const history = mergeGuideGraph(undefined, graph(10, 0, 9));
    expect(ids(history.steps)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(history.changeId).toBe(10);
    expect(history.pixelScaleArcsecPerPx).toBe(3.87);
  });

  it('returns the same object when NINA’s ChangeId has not moved, so React has nothing to redraw', () => {
    const first = mergeGuideGraph(undefined, graph(10, 0, 9));
    expect(mergeGuideGraph(first, graph(10, 0, 9))).toBe(first);
  });

  it('takes a new pixel scale even without a new ChangeId (NINA does not bump it for that)', () => {
    const first = mergeGuideGraph(undefined, graph(10, 0, 9));
    const rescaled = mergeGuideGraph(first, graph(10, 0, 9, { pixelScaleArcsecPerPx: 1.2 }));
    expect(rescaled).not.toBe(first);
    expect(rescaled.pixelScaleArcsecPerPx).toBe(1.2);
    expect(rescaled.steps).toBe(first.steps);
  });

  it('keeps steps beyond NINA’s own window, up to the capacity', () => {
    let history = mergeGuideGraph(undefined, graph(1, 0, 49), 120);
    // NINA's window is 50 steps; it slides by 10 each poll.
    for (let last = 59; last <= 149; last += 10) history = mergeGuideGraph(history, graph(last, last - 49, last), 120);
    expect(history.steps).toHaveLength(120);
    expect(history.steps[0]?.id).toBe(30);
    expect(history.steps.at(-1)?.id).toBe(149);
  });

  it('keeps dither markers where NINA put them', () => {
    const first = mergeGuideGraph(undefined, graph(1, 0, 4));
    const next = mergeGuideGraph(first, { ...graph(3, 0, 4), steps: [...graph(3, 0, 4).steps, step(5, 0, true), step(6)] });
    expect(next.steps.map((s) => s.dither)).toEqual([false, false, false, false, false, true, false]);
  });

  it('starts again when NINA cleared its graph and the ids restarted', () => {
    const first = mergeGuideGraph(undefined, graph(40, 20, 39));
    expect(ids(mergeGuideGraph(first, graph(41, 0, 2)).steps)).toEqual([0, 1, 2]);
    // Even when the new ids already reach past the old ones, the values tell the steps apart.
    const other = { ...graph(90, 0, 45), steps: graph(90, 0, 45).steps.map((s) => ({ ...s, raPx: s.raPx + 1 })) };
    expect(mergeGuideGraph(first, other).steps[0]?.id).toBe(0);
    expect(mergeGuideGraph(first, graph(41, 0, -1)).steps).toEqual([]);
  });

  it('starts again after a gap rather than stitching across missed steps', () => {
    const first = mergeGuideGraph(undefined, graph(10, 0, 9));
    expect(ids(mergeGuideGraph(first, graph(200, 150, 159)).steps)).toEqual([150, 151, 152, 153, 154, 155, 156, 157, 158, 159]);
  });

  it('starts again when NINA restarted (its ChangeId went back)', () => {
    const first = mergeGuideGraph(undefined, graph(500, 0, 9));
    expect(mergeGuideGraph(first, graph(5, 0, 9)).changeId).toBe(5);
  });
});

describe('latestSteps', () => {
  it('is the newest entries, oldest first', () => {
    const history = mergeGuideGraph(undefined, graph(1, 0, 9));
    expect(ids(latestSteps(history, 3))).toEqual([7, 8, 9]);
    expect(latestSteps(history, 50)).toBe(history.steps);
    expect(latestSteps(undefined, 50)).toEqual([]);
  });
});

describe('stepsAddedSince', () => {
  it('is the steps a reply added, without dither markers', () => {
    const first = mergeGuideGraph(undefined, graph(10, 0, 9));
    const withDither = graph(11, 5, 12);
    withDither.steps[6] = step(11, 0, true);
    const second = mergeGuideGraph(first, withDither);
    expect(ids(stepsAddedSince(first, second))).toEqual([10, 12]);
  });

  it('is nothing for the first read, an unchanged reply, or a graph that does not continue', () => {
    const first = mergeGuideGraph(undefined, graph(10, 0, 9));
    expect(stepsAddedSince(undefined, first)).toEqual([]);
    expect(stepsAddedSince(first, mergeGuideGraph(first, graph(10, 0, 9)))).toEqual([]);
    expect(stepsAddedSince(first, mergeGuideGraph(first, graph(30, 50, 60)))).toEqual([]);
  });
});
