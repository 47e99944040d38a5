import { useState } from 'react';
import { Button, Spinner } from '../../components/Button';
import { CommandFeedback } from '../../components/CommandFeedback';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Panel } from '../../components/Panel';
import { Stat } from '../../components/Stat';
import { StatusPill, type Tone } from '../../components/StatusPill';
import { useNow } from '../../components/use-now';
import { DASH, formatClockTime, formatInteger, formatNumber, formatSigned, isPresent } from '../../lib/format';
import { responseDespiteError, useAutofocusCommand, useLastAutofocus } from '../../nina/api/focuser';
import type { FocuserInfo } from '../../nina/schemas/equipment';
import type { AutofocusReport } from '../../nina/schemas/focuser';
import type { AutofocusRun, AutofocusRunStatus } from '../../store/autofocus-history';
import { AutofocusChart, curveColors, type ChartPoint } from './AutofocusChart';
import { curveLabels, curvesUsed, fittedCurves, headlineRSquared, type CurveName } from './autofocus-curves';
import { formatDurationMs, runPoints } from './run-presentation';
import { useManualGuard } from './use-manual-guard';

const statusPills: Record<AutofocusRunStatus, { tone: Tone; text: string }> = {
  running: { tone: 'info', text: 'Running' },
  finished: { tone: 'ok', text: 'Finished' },
  failed: { tone: 'bad', text: 'Failed' },
  canceled: { tone: 'idle', text: 'Canceled' },
  unfinished: { tone: 'warn', text: 'Ended unseen' },
};

/** Longer than any autofocus frame and move: a running run this quiet may have ended unseen. */
const QUIET_RUN_MS = 3 * 60_000;
/** A report older than this is shown with its date: it is not from tonight. */
const REPORT_DATE_AFTER_MS = 12 * 3_600_000;

const starless = (run: AutofocusRun) => run.points.length > 0 && run.points.every((point) => point.hfr === 0 || point.hfr === undefined);

function RunMessage({ run }: { run: AutofocusRun }) {
  switch (run.status) {
    case 'running':
      return run.cancelIgnored ? (
        <p className="rounded-lg border border-warn/40 bg-warn/10 p-3 text-sm">
          NINA answered “Autofocus canceled” but the run goes on: NINA can cancel only an autofocus started through its API, not one a sequence or
          NINA itself started.
        </p>
      ) : null;
    case 'failed':
      return (
        <p role="alert" className="rounded-lg border border-bad/40 bg-bad/10 p-3 text-sm">
          <span className="font-medium text-bad">Autofocus failed.</span> NINA logged “Autofocus failed to run” and puts the focuser back where the run
          started.{starless(run) ? ' None of its frames showed stars: clouds, dew, or a closed cover?' : ''}
          {run.report ? ' Its report for this run is below.' : ''}
        </p>
      );
    case 'canceled':
      return <p className="rounded-lg border border-border bg-surface-2 p-3 text-sm">Autofocus canceled: the run ended without a report.</p>;
    case 'unfinished':
      return (
        <p className="rounded-lg border border-warn/40 bg-warn/10 p-3 text-sm">
          This run ended without word from NINA (cancelled, or Skydeck was away when it ended), so there is no report for it.
        </p>
      );
    case 'finished':
      if (run.report) return null;
      return run.reportProblem ? (
        <p className="text-sm text-warn">{run.reportProblem}</p>
      ) : (
        <p className="flex items-center gap-2 text-sm text-muted">
          <Spinner className="size-3" /> Reading NINA’s report…
        </p>
      );
  }
}

function Progress({ run, focuserPosition }: { run: AutofocusRun; focuserPosition?: number }) {
  const now = useNow(1_000, run.status === 'running');
  const lastPoint = run.points.at(-1);
  return (
    <p role="status" className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="autofocus-progress">
      <span className="flex items-center gap-2 text-accent">
        <Spinner className="size-3" /> Measuring
      </span>
      <span>
        <span data-testid="autofocus-point-count">{run.points.length}</span> {run.points.length === 1 ? 'point' : 'points'}
      </span>
      {lastPoint ? (
        <span className="text-muted">
          {/* NINA records a frame without stars as HFR 0. */}
          last: {lastPoint.hfr === 0 || !isPresent(lastPoint.hfr) ? 'no stars' : `HFR ${formatNumber(lastPoint.hfr, 2)}`} at {formatInteger(lastPoint.positionSteps)}
        </span>
      ) : null}
      {isPresent(focuserPosition) ? <span className="text-muted">focuser at {formatInteger(focuserPosition)}</span> : null}
      <span className="text-muted">{formatDurationMs(Math.max(0, now - run.startedAtMs))} so far</span>
      {now - run.lastEventAtMs > QUIET_RUN_MS ? (
        <span className="basis-full text-warn">
          No news from NINA for {formatDurationMs(now - run.lastEventAtMs)}: the run may have ended while Skydeck was not listening.
        </span>
      ) : null}
    </p>
  );
}

/** NINA's clock time of a report; with its date when it is not from tonight. */
function reportTime(report: AutofocusReport): string {
  if (!isPresent(report.timestampMs)) return report.timestamp ?? DASH;
  if (Math.abs(Date.now() - report.timestampMs) < REPORT_DATE_AFTER_MS) return formatClockTime(report.timestampMs);
  const date = new Date(report.timestampMs);
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  return `${day} ${formatClockTime(report.timestampMs).slice(0, 5)}`;
}

/** `kept`: NINA moved to the fitted position (a failed run goes back where it started). */
function ReportSummary({ report, kept }: { report: AutofocusReport; kept: boolean }) {
  const used = curvesUsed(report);
  const rSquared = headlineRSquared(report);
  const start = report.initialFocusPoint?.positionSteps;
  const final = report.calculatedFocusPoint.positionSteps;
  const shift = isPresent(start) && isPresent(final) ? final - start : undefined;
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-3 sm:grid-cols-4" aria-label="Autofocus result" data-testid="autofocus-result">
      <div className="min-w-0">
        <dt className="text-xs text-muted">{kept ? 'Focus position' : 'Fitted position (not kept)'}</dt>
        <dd className={`font-mono text-xl leading-tight ${kept ? 'text-ok' : ''}`} data-testid="autofocus-final-position">
          {formatInteger(final)}
        </dd>
      </div>
      <div className="min-w-0">
        <dt className="text-xs text-muted">HFR at focus</dt>
        <dd className="font-mono text-xl leading-tight">{formatNumber(report.calculatedFocusPoint.value, 2)}</dd>
      </div>
      <Stat label={`R² (${used.map((name) => curveLabels[name].toLowerCase()).join(' + ')})`} value={isPresent(rSquared) ? rSquared.toFixed(4) : DASH} />
      <Stat label="Temperature" value={isPresent(report.temperatureC) ? `${formatSigned(report.temperatureC, 2)} °C` : DASH} />
      <Stat label="Filter" value={report.filter ?? DASH} />
      <Stat label="Duration" value={isPresent(report.durationMs) ? formatDurationMs(report.durationMs) : DASH} />
      <Stat label="Moved from start" value={isPresent(shift) ? `${shift > 0 ? '+' : shift < 0 ? '−' : ''}${formatInteger(Math.abs(shift))}` : DASH} unit="steps" />
      <Stat label="Finished (NINA time)" value={reportTime(report)} />
    </dl>
  );
}

function CurveToggles({ report, visible, onChange }: { report: AutofocusReport; visible: ReadonlySet<CurveName>; onChange: (next: Set<CurveName>) => void }) {
  const { problems } = fittedCurves(report, 0, 1, 2);
  const available = (Object.keys(curveLabels) as CurveName[]).filter((name) => report.fittings[name] !== undefined);
  if (available.length === 0) return <p className="text-xs text-muted">The report carries no fitted curves.</p>;
  const rOf: Partial<Record<CurveName, number>> = report.rSquared;
  return (
    <div className="space-y-1">
      <fieldset className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        <legend className="sr-only">Fitted curves to draw</legend>
        {available.map((name) => (
          <label
            key={name}
            className="flex min-h-11 cursor-pointer flex-wrap items-center gap-x-2 rounded-lg border border-border bg-surface-2 px-3 py-1 text-xs has-[:checked]:border-accent/60"
          >
            <input
              type="checkbox"
              className="size-4"
              checked={visible.has(name)}
              onChange={(event) => {
                const next = new Set(visible);
                if (event.target.checked) next.add(name);
                else next.delete(name);
                onChange(next);
              }}
            />
            <span aria-hidden className="inline-block h-0.5 w-4" style={{ background: curveColors[name] }} />
            {curveLabels[name]}
            {isPresent(rOf[name]) ? <span className="font-mono text-muted">R² {(rOf[name] as number).toFixed(4)}</span> : null}
          </label>
        ))}
      </fieldset>
      {problems.map((problem) => (
        <p key={problem.name} className="text-xs text-warn">
          Skydeck cannot draw the {curveLabels[problem.name].toLowerCase()} fitting: {problem.problem}.
        </p>
      ))}
    </div>
  );
}

/** The report's points as numbers: what the chart shows, for reading exactly and for screen readers. */
function MeasuredPoints({ report }: { report: AutofocusReport }) {
  if (report.measurePoints.length === 0) return null;
  return (
    <details className="text-sm">
      <summary className="min-h-11 cursor-pointer py-3 text-muted">Measured points ({report.measurePoints.length})</summary>
      <table className="w-full max-w-md text-right font-mono text-xs">
        <thead className="font-sans text-muted">
          <tr>
            <th scope="col" className="py-1 font-normal">
              Position
            </th>
            <th scope="col" className="py-1 font-normal">
              HFR
            </th>
            <th scope="col" className="py-1 font-normal">
              ± error
            </th>
          </tr>
        </thead>
        <tbody>
          {report.measurePoints.map((point, i) => (
            <tr key={`${i}:${point.positionSteps}`} className="border-t border-border">
              <td className="py-1">{formatInteger(point.positionSteps)}</td>
              {/* NINA records a frame without stars as HFR 0 with an error of 1000. */}
              <td className="py-1">{point.value === 0 ? 'no stars' : formatNumber(point.value, 2)}</td>
              <td className="py-1">{point.value === 0 ? DASH : formatNumber(point.error, 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** Start or cancel NINA's autofocus and follow it: the live curve, then the report and its fit. */
export function AutofocusPanel({
  shown,
  previous,
  latest,
  focuser,
}: {
  shown?: AutofocusRun;
  previous?: AutofocusRun;
  latest?: AutofocusRun;
  focuser?: FocuserInfo;
}) {
  const lastAf = useLastAutofocus();
  const running = latest?.status === 'running';
  const start = useAutofocusCommand();
  const cancel = useAutofocusCommand();
  const { guard, dialog } = useManualGuard();
  const [curveChoice, setCurveChoice] = useState<{ key: string; names: Set<CurveName> }>();

  // Without a run seen tonight, NINA's newest report (from before Skydeck watched) stands in.
  const fromNina = shown === undefined ? (lastAf.data ?? undefined) : undefined;
  const report = shown?.report ?? fromNina;
  const reportKey = report ? (report.timestamp ?? String(report.calculatedFocusPoint.positionSteps)) : '';
  const visibleCurves = curveChoice?.key === reportKey ? curveChoice.names : new Set(report ? curvesUsed(report) : []);
  const pill = shown ? statusPills[shown.status] : undefined;
  const quirk = (start.isError ? responseDespiteError(start.error) : undefined) ?? (cancel.isError ? responseDespiteError(cancel.error) : undefined);
  const focuserConnected = focuser?.Connected;

  const previousPoints: ChartPoint[] | undefined = previous ? runPoints(previous) : undefined;
  const chartLabel = report
    ? `Autofocus curve: ${report.measurePoints.length} measured points, focus at ${formatInteger(report.calculatedFocusPoint.positionSteps)} steps`
    : shown
      ? `Autofocus curve: ${shown.points.length} points so far`
      : 'Autofocus curve: no points';

  return (
    <Panel
      title="Autofocus"
      aside={
        pill ? (
          <StatusPill tone={pill.tone} pulse={shown?.status === 'running'}>
            <span data-testid="autofocus-status">{pill.text}</span>
          </StatusPill>
        ) : null
      }
    >
      <div className="space-y-4">
        <div className="flex flex-wrap items-start gap-2">
          <Button variant="primary" disabled={running} pending={start.isPending} onClick={() => guard(() => start.mutate('start'))}>
            Start autofocus
          </Button>
          <Button variant="danger" disabled={!running} pending={cancel.isPending} onClick={() => cancel.mutate('cancel')}>
            Cancel autofocus
          </Button>
        </div>
        <div className="-mt-2 space-y-1" aria-live="polite">
          {focuserConnected === false && !running ? <p className="text-xs text-warn">The focuser is not connected.</p> : null}
          <CommandFeedback status={start} pendingText="Asking NINA to start an autofocus…" />
          <CommandFeedback status={cancel} pendingText="Asking NINA to cancel…" />
          {quirk ? <p className="text-xs text-muted">NINA answered “{quirk}” as well: it goes ahead with the request anyway.</p> : null}
        </div>

        {shown?.status === 'running' ? <Progress run={shown} focuserPosition={focuser?.Connected ? focuser.Position : undefined} /> : null}
        {shown ? <RunMessage run={shown} /> : null}
        {shown?.joinedLate && shown.points.length > 0 && !shown.report ? (
          <p className="text-xs text-muted">Skydeck joined this run late: its first points are missing here (NINA’s report will have them all).</p>
        ) : null}
        {fromNina ? <p className="text-sm text-muted">No autofocus seen tonight yet. NINA’s newest report:</p> : null}
        {!shown && !fromNina ? (
          lastAf.isPending ? (
            <p className="flex items-center gap-2 text-sm text-muted">
              <Spinner className="size-3" /> Reading NINA’s last autofocus…
            </p>
          ) : lastAf.isError ? (
            <ErrorNotice error={lastAf.error} />
          ) : (
            <p className="text-sm text-muted">No autofocus yet: NINA has no report. Start one, and its points appear here as NINA measures them.</p>
          )
        ) : null}

        {shown || fromNina ? (
          <AutofocusChart
            livePoints={shown ? shown.points : []}
            report={report}
            previous={previousPoints}
            visibleCurves={visibleCurves}
            label={chartLabel}
          />
        ) : null}
        {previous && previousPoints && previousPoints.length > 0 ? (
          <p className="-mt-2 flex items-center gap-2 text-xs text-muted">
            <span aria-hidden className="inline-block h-0.5 w-4 bg-muted opacity-60" />
            Faint: the run before, at {formatClockTime(previous.startedAtMs).slice(0, 5)}
          </p>
        ) : null}
        {report ? (
          <>
            <ReportSummary report={report} kept={shown?.status !== 'failed'} />
            <CurveToggles report={report} visible={visibleCurves} onChange={(names) => setCurveChoice({ key: reportKey, names })} />
            <MeasuredPoints report={report} />
          </>
        ) : null}
      </div>
      {dialog}
    </Panel>
  );
}
