import type { AutofocusRun } from '../../store/autofocus-history';
import type { ChartPoint } from './AutofocusChart';
import { headlineRSquared } from './autofocus-curves';

/** 59 982 ms → "60 s", 83 456 ms → "1 min 23 s". */
export function formatDurationMs(ms: number): string {
  const totalS = Math.round(ms / 1000);
  if (totalS < 60) return `${totalS} s`;
  const minutes = Math.floor(totalS / 60);
  const seconds = totalS % 60;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}

/** A run's points: NINA's measured points once its report is in (all of them), else the live ones. */
export function runPoints(run: AutofocusRun): ChartPoint[] {
  if (run.report) return run.report.measurePoints.map((point) => ({ positionSteps: point.positionSteps, hfr: point.value }));
  return run.points;
}

/** One history row: what a run tells about focus, from its report when there is one. */
export interface RunSummary {
  id: number;
  atMs: number;
  status: AutofocusRun['status'];
  filter?: string;
  temperatureC?: number;
  positionSteps?: number;
  hfr?: number;
  rSquared?: number;
  pointCount: number;
}

export function summarizeRun(run: AutofocusRun): RunSummary {
  const report = run.report;
  // A failed run's report names a position NINA did not keep: it went back to where it started.
  const kept = run.status === 'finished' ? report : undefined;
  return {
    id: run.id,
    atMs: run.startedAtMs,
    status: run.status,
    filter: report?.filter,
    temperatureC: report?.temperatureC,
    positionSteps: kept?.calculatedFocusPoint.positionSteps,
    hfr: kept?.calculatedFocusPoint.value,
    rSquared: report ? headlineRSquared(report) : undefined,
    pointCount: report ? report.measurePoints.length : run.points.length,
  };
}
