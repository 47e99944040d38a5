import { beforeEach, describe, expect, it } from 'vitest';
import { AUTOFOCUS_POINT_LIMIT, AUTOFOCUS_RUN_LIMIT, AUTOFOCUS_STALE_RUN_MS, useAutofocusHistory, type AutofocusRun } from './autofocus-history';

const state = () => useAutofocusHistory.getState();

describe('autofocus history', () => {
  beforeEach(() => state().reset());

  it('keeps the newest runs and the newest points of a run, within bounds', () => {
    for (let i = 0; i < AUTOFOCUS_RUN_LIMIT + 5; i += 1) {
      state().started(i);
      state().finished(i + 1);
    }
    expect(state().runs).toHaveLength(AUTOFOCUS_RUN_LIMIT);
    expect(state().runs[0]!.startedAtMs).toBe(5);

    state().started(1_000);
    for (let i = 0; i < AUTOFOCUS_POINT_LIMIT + 10; i += 1) state().pointAdded({ positionSteps: i, hfr: 2 }, 1_000 + i);
    const points = state().runs.at(-1)!.points;
    expect(points).toHaveLength(AUTOFOCUS_POINT_LIMIT);
    expect(points[0]!.positionSteps).toBe(10);
  });

  it('cancels only a running run, and a run that keeps measuring was not cancelled after all', () => {
    state().canceled(5);
    expect(state().runs).toEqual([]);
    state().started(10);
    state().pointAdded({ positionSteps: 15_000, hfr: 3 }, 11);
    state().canceled(12);
    expect(state().runs[0]).toMatchObject({ status: 'canceled', endedAtMs: 12 });
    // A point already on its way when NINA cancelled is kept; the run stays cancelled.
    state().pointAdded({ positionSteps: 15_060, hfr: 2.5 }, 13);
    expect(state().runs).toHaveLength(1);
    expect(state().runs[0]).toMatchObject({ status: 'canceled', endedAtMs: 12 });
    expect(state().runs[0]!.points).toHaveLength(2);
    // NINA cancels only an autofocus started through the API (notes §8): a sequence's goes on.
    state().pointAdded({ positionSteps: 15_120, hfr: 2.1 }, 14);
    expect(state().runs).toHaveLength(1);
    expect(state().runs[0]).toMatchObject({ status: 'running', endedAtMs: undefined, cancelIgnored: true });
    expect(state().runs[0]!.points).toHaveLength(3);
  });

  it('opens a run late for an end whose start it missed', () => {
    const id = state().failed(50);
    expect(state().runs).toEqual([expect.objectContaining({ id, status: 'failed', joinedLate: true, points: [] })]);
  });

  it('on reload, closes a run that has been silent too long and keeps one that is still going', () => {
    const merge = useAutofocusHistory.persist.getOptions().merge!;
    const now = Date.now();
    const run = (id: number, lastEventAtMs: number): AutofocusRun => ({ id, startedAtMs: lastEventAtMs, lastEventAtMs, status: 'running', joinedLate: false, points: [] });
    const merged = merge({ runs: [run(1, now - AUTOFOCUS_STALE_RUN_MS - 1_000), run(2, now - 1_000)], nextId: 3 }, state());
    expect(merged.runs.map((r) => r.status)).toEqual(['unfinished', 'running']);
    expect(merged.nextId).toBe(3);
    expect(merge({ something: 'else' }, state())).toBe(state());
  });
});
