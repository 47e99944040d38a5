import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { TppaMessageContext } from '../nina/sockets/tppa';
import type { TppaMessage } from '../nina/schemas/tppa';
import { registerHistoryStore, sessionHistoryOptions } from './persistence/session-history';
import { withQuietReset } from './quiet-reset';

/**
 * Three-point polar alignment runs as the `/v2/tppa` channel told them (notes §10.2): a start
 * confirmation, progress statuses through the three measurement points, then one error reading per
 * solve while the user turns the knobs. TPPA sends no "finished" message: a run ends with a stop,
 * or with a reading inside the tolerance this browser sent (TPPA then finishes by itself).
 *
 * Runs and their readings are kept per NINA instance across reloads. The live status (progress
 * text, pause) arrives up to ten times a second and is kept apart, in memory only, so it never
 * rewrites the saved history.
 */

/** Two or three runs a night; a few nights of them. */
export const POLAR_RUN_LIMIT = 20;
/** A reading every few seconds: half an hour and more of knob turning per run. */
export const POLAR_READING_LIMIT = 400;
/** A run still "running" when the page loads again, after this long without a reading, was missed ending. */
export const POLAR_STALE_RUN_MS = 15 * 60_000;
/** Messages this soon after a run ended were in flight when it ended, not a run of their own. */
export const POLAR_END_GRACE_MS = 3_000;

const readingSchema = z.object({ atMs: z.number(), azimuthDeg: z.number(), altitudeDeg: z.number(), totalDeg: z.number() });
export type PolarReading = z.infer<typeof readingSchema>;

const runSchema = z.object({
  id: z.number(),
  /** This browser's clock. */
  startedAtMs: z.number(),
  /** The last start, reading or state change saved (progress is not saved). */
  lastEventAtMs: z.number(),
  endedAtMs: z.number().nullable(),
  /** `aligned`: TPPA finished by itself within the tolerance; `unfinished`: how it ended was never told. */
  status: z.enum(['running', 'aligned', 'stopped', 'unfinished']),
  /** Skydeck saw the run only from its later messages. */
  joinedLate: z.boolean(),
  /** Arcminutes, when this browser sent it with the start; otherwise TPPA's own, unknown here. */
  toleranceArcmin: z.number().nullable(),
  phase: z.enum(['measuring', 'calculating', 'adjusting']),
  /** Which of the three measurement points TPPA is on; null when the run was joined late. */
  point: z.number().int().min(1).max(3).nullable(),
  readings: z.array(readingSchema),
});
export type PolarRun = z.infer<typeof runSchema>;

const persistedSchema = z.object({ runs: z.array(runSchema), nextId: z.number() });
export type PolarSession = z.infer<typeof persistedSchema>;

export type PauseState = 'none' | 'requested' | 'paused';

/** What TPPA is doing right now; never saved. */
export interface TppaLive {
  /** TPPA's status text; '' while it reports nothing in particular. */
  status?: string;
  /** 0..1, or undefined while indeterminate. */
  fraction?: number;
  /** The last message of any kind on the channel, this browser's clock. */
  lastMessageAtMs?: number;
  pause: PauseState;
  /** An unreadable message or a refusal, shown in the view until the next run. */
  problem?: { text: string; atMs: number };
}

export const emptySession: PolarSession = { runs: [], nextId: 1 };
export const idleLive: TppaLive = { pause: 'none' };

/** TPPA's statuses while the RA axis moves to the next point, automated or by hand. */
const MOVE_STATUS = /^(Moving to next point|Move mount along RA axis)/;

export const currentRun = (session: PolarSession): PolarRun | undefined => {
  const last = session.runs.at(-1);
  return last?.status === 'running' ? last : undefined;
};

const replaceLast = (session: PolarSession, run: PolarRun): PolarSession => ({ ...session, runs: [...session.runs.slice(0, -1), run] });

function openRun(session: PolarSession, atMs: number, joinedLate: boolean, toleranceArcmin: number | null): PolarSession {
  const closed = session.runs.map((run) => (run.status === 'running' ? { ...run, status: 'unfinished' as const, endedAtMs: run.lastEventAtMs } : run));
  const run: PolarRun = {
    id: session.nextId,
    startedAtMs: atMs,
    lastEventAtMs: atMs,
    endedAtMs: null,
    status: 'running',
    joinedLate,
    toleranceArcmin,
    phase: joinedLate ? 'adjusting' : 'measuring',
    point: joinedLate ? null : 1,
    readings: [],
  };
  return { runs: [...closed, run].slice(-POLAR_RUN_LIMIT), nextId: session.nextId + 1 };
}

/** The open run, or one opened late from a message of a run Skydeck did not see start. */
function runForMessage(session: PolarSession, atMs: number): PolarSession | undefined {
  if (currentRun(session)) return session;
  const last = session.runs.at(-1);
  if (last?.endedAtMs != null && atMs - last.endedAtMs < POLAR_END_GRACE_MS) return undefined;
  return openRun(session, atMs, true, null);
}

/**
 * One `/v2/tppa` message applied to the saved session and the live state. Returns the same
 * objects when nothing changed, so callers write only what did.
 */
export function applyTppaMessage(
  session: PolarSession,
  live: TppaLive,
  message: TppaMessage,
  context: TppaMessageContext,
  atMs: number,
): { session: PolarSession; live: TppaLive } {
  const heard: TppaLive = { ...live, lastMessageAtMs: atMs };
  switch (message.kind) {
    case 'confirmation': {
      const run = currentRun(session);
      if (message.action === 'start-alignment') {
        // TPPA ignores a start while it runs; a run with no news for a long while is taken as over.
        if (run && atMs - Math.max(run.lastEventAtMs, live.lastMessageAtMs ?? 0) < POLAR_STALE_RUN_MS) return { session, live: heard };
        const tolerance = context.own ? (context.startOptions?.AlignmentTolerance ?? null) : null;
        return { session: openRun(session, atMs, false, tolerance), live: { pause: 'none', lastMessageAtMs: atMs } };
      }
      if (message.action === 'stop-alignment') {
        const stopped = run ? replaceLast(session, { ...run, status: 'stopped', endedAtMs: atMs, lastEventAtMs: atMs }) : session;
        return { session: stopped, live: { pause: 'none', lastMessageAtMs: atMs, problem: live.problem } };
      }
      if (!run) return { session, live: heard };
      return { session, live: { ...heard, pause: message.action === 'pause-alignment' ? 'requested' : 'none' } };
    }
    case 'progress': {
      const withRun = message.status === '' && !currentRun(session) ? undefined : runForMessage(session, atMs);
      if (!withRun) return { session, live: heard };
      const run = currentRun(withRun) as PolarRun;
      let next = run;
      if (run.phase === 'measuring' && run.point !== null && MOVE_STATUS.test(message.status) && !MOVE_STATUS.test(live.status ?? '')) {
        next = { ...run, point: Math.min(3, run.point + 1), lastEventAtMs: atMs };
      } else if (run.phase === 'measuring' && message.status.startsWith('Calculating')) {
        next = { ...run, phase: 'calculating', lastEventAtMs: atMs };
      }
      let pause = live.pause;
      if (message.status === 'Paused') pause = 'paused';
      else if (pause === 'paused' && message.status !== '') pause = 'none';
      return {
        session: next === run ? withRun : replaceLast(withRun, next),
        live: { ...heard, status: message.status, fraction: message.fraction, pause },
      };
    }
    case 'alignment-error': {
      const withRun = runForMessage(session, atMs);
      if (!withRun) return { session, live: heard };
      const run = currentRun(withRun) as PolarRun;
      const reading: PolarReading = { atMs, azimuthDeg: message.azimuthDeg, altitudeDeg: message.altitudeDeg, totalDeg: message.totalDeg };
      const withinTolerance = run.toleranceArcmin !== null && run.toleranceArcmin > 0 && Math.abs(message.totalDeg * 60) <= run.toleranceArcmin;
      const updated: PolarRun = {
        ...run,
        phase: 'adjusting',
        lastEventAtMs: atMs,
        readings: [...run.readings, reading].slice(-POLAR_READING_LIMIT),
        ...(withinTolerance && { status: 'aligned' as const, endedAtMs: atMs }),
      };
      return { session: replaceLast(withRun, updated), live: withinTolerance ? { pause: 'none', lastMessageAtMs: atMs } : heard };
    }
    case 'refusal':
      return { session, live: { ...heard, problem: { text: `NINA: ${message.text}`, atMs } } };
    case 'unreadable':
      return { session, live: { ...heard, problem: { text: message.problem, atMs } } };
  }
}

/** One message as it arrived. */
export interface TppaDelivery {
  message: TppaMessage;
  context: TppaMessageContext;
  atMs: number;
}

interface PolarHistoryState extends PolarSession {
  live: TppaLive;
  /** Messages in the order they arrived, applied in one update. */
  receive: (deliveries: readonly TppaDelivery[]) => void;
}

const persistence = withQuietReset(
  sessionHistoryOptions<PolarHistoryState, PolarSession>('polar-alignment', 1, ({ runs, nextId }) => ({ runs, nextId })),
);

export const usePolarHistory = create<PolarHistoryState>()(
  persist(
    (set, get) => ({
      ...emptySession,
      live: idleLive,
      receive: (deliveries) => {
        const state = get();
        const session: PolarSession = { runs: state.runs, nextId: state.nextId };
        const next = deliveries.reduce(
          (current, { message, context, atMs }) => applyTppaMessage(current.session, current.live, message, context, atMs),
          { session, live: state.live },
        );
        if (next.session === session) {
          // Only the live state changed: zustand's persist would otherwise rewrite the history.
          persistence.quietly(() => set({ live: next.live }));
          return;
        }
        set({ ...next.session, live: next.live });
      },
    }),
    {
      ...persistence.options,
      merge: (persisted, current) => {
        const parsed = persistedSchema.safeParse(persisted);
        if (!parsed.success) {
          if (persisted !== undefined) console.warn('[skydeck] ignoring unreadable saved polar alignment history');
          return current;
        }
        const now = Date.now();
        // A page closed mid-run cannot know how the run ended.
        const runs = parsed.data.runs.map((run) =>
          run.status === 'running' && now - run.lastEventAtMs > POLAR_STALE_RUN_MS ? { ...run, status: 'unfinished' as const, endedAtMs: run.lastEventAtMs } : run,
        );
        return { ...current, runs: runs.slice(-POLAR_RUN_LIMIT), nextId: Math.max(parsed.data.nextId, current.nextId) };
      },
    },
  ),
);

registerHistoryStore({
  name: 'polar-alignment',
  reset: () => persistence.quietly(() => usePolarHistory.setState({ ...emptySession, live: idleLive })),
  rehydrate: () => usePolarHistory.persist.rehydrate(),
});
