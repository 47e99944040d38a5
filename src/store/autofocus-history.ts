import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { AutofocusReport } from '../nina/schemas/focuser';
import { registerHistoryStore, sessionHistoryOptions } from './persistence/session-history';
import { withQuietReset } from './quiet-reset';

/**
 * The night's autofocus runs as NINA's events told them (notes §8): AUTOFOCUS-STARTING, one
 * AUTOFOCUS-POINT-ADDED per measured point, then AUTOFOCUS-FINISHED (and NINA's report from
 * last-af) or ERROR-AF. A cancel ends a run with no event at all, so Skydeck records its own.
 * Kept per NINA instance across reloads, so focus drift over the night stays visible.
 */

/** A night holds a dozen runs or two; older ones drop off. */
export const AUTOFOCUS_RUN_LIMIT = 50;
/** NINA stops a run past framesPerPoint × offsetSteps × 10 points; a generous cap on any run. */
export const AUTOFOCUS_POINT_LIMIT = 300;
/** A run still "running" after this long without news, when the page loads again, was missed ending. */
export const AUTOFOCUS_STALE_RUN_MS = 15 * 60_000;

export type AutofocusRunStatus = 'running' | 'finished' | 'failed' | 'canceled' | 'unfinished';

export interface AutofocusLivePoint {
  positionSteps: number;
  /** Undefined when NINA sent "NaN" (no stars). */
  hfr?: number;
  atMs: number;
}

export interface AutofocusRun {
  id: number;
  /** This browser's clock: when Skydeck learned of the run. */
  startedAtMs: number;
  /** The last event of the run (its start, a point, its end). */
  lastEventAtMs: number;
  endedAtMs?: number;
  status: AutofocusRunStatus;
  /** Skydeck saw this run only from a later event: its first points are missing. */
  joinedLate: boolean;
  points: AutofocusLivePoint[];
  /** NINA's report (last-af) for this run, once fetched. */
  report?: AutofocusReport;
  /** Why the run has no report, when it should have one. */
  reportProblem?: string;
  /** Points that came after Skydeck's cancel; see `pointAdded`. */
  pointsAfterCancel?: number;
  /** NINA answered the cancel but the run went on: it cancels only API-started runs (notes §8). */
  cancelIgnored?: boolean;
}

interface AutofocusHistoryState {
  runs: AutofocusRun[];
  nextId: number;
  /** AUTOFOCUS-STARTING. A run still open is one whose end NINA never announced. */
  started: (atMs: number) => number;
  /** AUTOFOCUS-POINT-ADDED; without an open run, one is opened late. */
  pointAdded: (point: { positionSteps: number; hfr?: number }, atMs: number) => number;
  /** AUTOFOCUS-FINISHED: the run's id, to attach its report to. */
  finished: (atMs: number) => number;
  /** ERROR-AF. */
  failed: (atMs: number) => number;
  /** NINA answered "Autofocus canceled" to Skydeck's cancel. */
  canceled: (atMs: number) => void;
  reportArrived: (runId: number, report: AutofocusReport) => void;
  reportMissing: (runId: number, problem: string) => void;
  reset: () => void;
}

const initial = { runs: [] as AutofocusRun[], nextId: 1 };

type Update = Partial<Pick<AutofocusHistoryState, 'runs' | 'nextId'>>;

/** Applies `change` to the run with `id`, leaving the others as they are. */
const changeRun = (runs: readonly AutofocusRun[], id: number, change: (run: AutofocusRun) => AutofocusRun): AutofocusRun[] =>
  runs.map((run) => (run.id === id ? change(run) : run));

const bounded = (runs: AutofocusRun[]): AutofocusRun[] => runs.slice(-AUTOFOCUS_RUN_LIMIT);

const persistence = withQuietReset(
  sessionHistoryOptions('autofocus', 1, (state: AutofocusHistoryState) => ({ runs: state.runs, nextId: state.nextId })),
);

export const useAutofocusHistory = create<AutofocusHistoryState>()(
  persist(
    (set, get) => {
      /** The open run, or a new one opened late (its start was missed). */
      const openRun = (atMs: number, joinedLate: boolean): { id: number; update: Update; runs: AutofocusRun[] } => {
        const { runs, nextId } = get();
        const current = runs.at(-1);
        if (current && current.status === 'running') return { id: current.id, update: {}, runs };
        const run: AutofocusRun = { id: nextId, startedAtMs: atMs, lastEventAtMs: atMs, status: 'running', joinedLate, points: [] };
        const next = bounded([...runs, run]);
        return { id: nextId, update: { runs: next, nextId: nextId + 1 }, runs: next };
      };

      const end = (atMs: number, status: AutofocusRunStatus): number => {
        const open = openRun(atMs, true);
        set({
          ...open.update,
          runs: changeRun(open.runs, open.id, (run) => ({ ...run, status, endedAtMs: atMs, lastEventAtMs: atMs })),
        });
        return open.id;
      };

      return {
        ...initial,
        started: (atMs) => {
          const { runs, nextId } = get();
          const closed = runs.map((run) => (run.status === 'running' ? { ...run, status: 'unfinished' as const } : run));
          const run: AutofocusRun = { id: nextId, startedAtMs: atMs, lastEventAtMs: atMs, status: 'running', joinedLate: false, points: [] };
          set({ runs: bounded([...closed, run]), nextId: nextId + 1 });
          return nextId;
        },
        pointAdded: (point, atMs) => {
          const last = get().runs.at(-1);
          if (last?.status === 'canceled') {
            // One point may already have been on its way when NINA cancelled. More than that: the
            // run was not NINA's to cancel (it cancels only API-started runs, notes §8) and goes on.
            const after = (last.pointsAfterCancel ?? 0) + 1;
            const goesOn = after >= 2;
            set({
              runs: changeRun(get().runs, last.id, (run) => ({
                ...run,
                ...(goesOn ? { status: 'running' as const, endedAtMs: undefined, cancelIgnored: true } : {}),
                pointsAfterCancel: after,
                lastEventAtMs: atMs,
                points: [...run.points, { positionSteps: point.positionSteps, hfr: point.hfr, atMs }].slice(-AUTOFOCUS_POINT_LIMIT),
              })),
            });
            return last.id;
          }
          const open = openRun(atMs, true);
          set({
            ...open.update,
            runs: changeRun(open.runs, open.id, (run) => ({
              ...run,
              lastEventAtMs: atMs,
              points: [...run.points, { positionSteps: point.positionSteps, hfr: point.hfr, atMs }].slice(-AUTOFOCUS_POINT_LIMIT),
            })),
          });
          return open.id;
        },
        finished: (atMs) => end(atMs, 'finished'),
        failed: (atMs) => end(atMs, 'failed'),
        canceled: (atMs) => {
          const last = get().runs.at(-1);
          if (!last || last.status !== 'running') return;
          set({ runs: changeRun(get().runs, last.id, (run) => ({ ...run, status: 'canceled', endedAtMs: atMs })) });
        },
        reportArrived: (runId, report) =>
          set({ runs: changeRun(get().runs, runId, (run) => ({ ...run, report, reportProblem: undefined })) }),
        reportMissing: (runId, problem) => set({ runs: changeRun(get().runs, runId, (run) => ({ ...run, reportProblem: problem })) }),
        reset: () => set(initial),
      };
    },
    {
      ...persistence.options,
      merge: (persisted, current) => {
        const saved = persisted as Partial<Pick<AutofocusHistoryState, 'runs' | 'nextId'>> | undefined;
        if (!saved || !Array.isArray(saved.runs) || typeof saved.nextId !== 'number') return current;
        const now = Date.now();
        // A page closed mid-run cannot know how the run ended.
        const runs = saved.runs.map((run) =>
          run.status === 'running' && now - run.lastEventAtMs > AUTOFOCUS_STALE_RUN_MS ? { ...run, status: 'unfinished' as const } : run,
        );
        return { ...current, runs: bounded(runs), nextId: Math.max(saved.nextId, current.nextId) };
      },
    },
  ),
);

registerHistoryStore({
  name: 'autofocus',
  reset: () => persistence.quietly(() => useAutofocusHistory.getState().reset()),
  rehydrate: () => useAutofocusHistory.persist.rehydrate(),
});

