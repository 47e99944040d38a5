import type { PolarReading, PolarRun, TppaLive } from '../../store/polar-history';
import { DEFAULT_TOLERANCE_ARCMIN } from './start-options';

/** How a run reads on screen: its phase, its goal, whether it is getting better, and silences. */

export interface Goal {
  arcmin: number;
  /** TPPA finishes by itself inside it: this browser sent it as the run's tolerance. */
  sentToTppa: boolean;
}

/** A run started elsewhere, or with a tolerance of 0, still needs a line to call "aligned". */
export function goalOf(run: PolarRun | undefined): Goal {
  const tolerance = run?.toleranceArcmin;
  return tolerance != null && tolerance > 0 ? { arcmin: tolerance, sentToTppa: true } : { arcmin: DEFAULT_TOLERANCE_ARCMIN, sentToTppa: false };
}

export const totalArcmin = (reading: PolarReading): number => Math.abs(reading.totalDeg * 60);

export const withinGoal = (reading: PolarReading | undefined, goal: Goal): boolean => reading !== undefined && totalArcmin(reading) <= goal.arcmin;

/** One reading's scatter is a few arcseconds: smaller changes are neither better nor worse. */
const TREND_THRESHOLD_ARCMIN = 0.1;

export interface Trend {
  direction: 'better' | 'worse' | 'steady';
  /** Unsigned change of the total error since the previous reading. */
  changeArcmin: number;
}

export function trendOf(readings: readonly PolarReading[]): Trend | undefined {
  const last = readings.at(-1);
  const previous = readings.at(-2);
  if (!last || !previous) return undefined;
  const change = totalArcmin(last) - totalArcmin(previous);
  const direction = Math.abs(change) < TREND_THRESHOLD_ARCMIN ? 'steady' : change < 0 ? 'better' : 'worse';
  return { direction, changeArcmin: Math.abs(change) };
}

export const MEASUREMENT_STEPS = ['Point 1', 'Point 2', 'Point 3', 'Adjust'] as const;

/** Index into MEASUREMENT_STEPS, or undefined when not known (a run joined late before a reading). */
export function stepIndex(run: PolarRun): number | undefined {
  if (run.phase === 'adjusting') return 3;
  if (run.phase === 'calculating') return 2;
  return run.point === null ? undefined : run.point - 1;
}

export function phaseLabel(run: PolarRun | undefined, live: TppaLive): string {
  if (!run) return 'Not running';
  if (run.status === 'aligned') return 'Aligned';
  if (run.status === 'stopped') return 'Stopped';
  if (run.status === 'unfinished') return 'Ended';
  if (live.pause === 'paused') return 'Paused';
  if (live.pause === 'requested') return 'Pausing…';
  if (run.phase === 'adjusting') return 'Adjusting';
  if (run.phase === 'calculating') return 'Calculating the error';
  return run.point === null ? 'Measuring' : `Measuring point ${run.point} of 3`;
}

/** TPPA may slew to its start position first, which reports nothing. */
export const FIRST_NEWS_WAIT_MS = 45_000;
/** A blind solve can take a while without a word; longer than this, something is wrong. */
export const SILENCE_WARN_MS = 90_000;

/**
 * TPPA reports failures only in NINA's log (notes §10.2), so a long silence is the only sign:
 * say so, and what to check.
 */
export function silenceWarning(run: PolarRun | undefined, live: TppaLive, nowMs: number): string | undefined {
  if (!run || run.status !== 'running' || live.pause === 'paused') return undefined;
  const heardSinceStart = live.status !== undefined || run.readings.length > 0;
  const lastNewsMs = Math.max(run.lastEventAtMs, live.lastMessageAtMs ?? 0);
  if (!heardSinceStart && !run.joinedLate) {
    if (nowMs - run.startedAtMs < FIRST_NEWS_WAIT_MS) return undefined;
    return `No word from TPPA since the start ${Math.round((nowMs - run.startedAtMs) / 1000)} s ago. It may still be slewing; if not, check NINA: TPPA says why it cannot start only in its log (camera or mount not connected, mount parked, plugin missing or older than 2.2.4.1).`;
  }
  if (nowMs - lastNewsMs < SILENCE_WARN_MS) return undefined;
  return `No word from TPPA for ${Math.round((nowMs - lastNewsMs) / 60_000)} min. It may have stopped or failed: TPPA reports that only in NINA's log.`;
}
