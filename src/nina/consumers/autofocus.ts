import { formatInteger, formatNumber, formatSigned, isPresent } from '../../lib/format';
import { useAlertsStore } from '../../store/alerts';
import { useAutofocusHistory } from '../../store/autofocus-history';
import { fetchLastAutofocus } from '../api/focuser';
import { ninaKeys } from '../api/keys';
import { describeError } from '../errors';
import type { AutofocusReport } from '../schemas/focuser';
import type { EventConsumer, EventConsumerContext } from './types';

/**
 * Follows NINA's autofocus runs (notes §8) into the autofocus history: a run per
 * AUTOFOCUS-STARTING, its points as they arrive, its end, and NINA's report. The report is simply
 * the newest file in NINA's AutoFocus folder, so it belongs to this run only if it is not the one
 * that was newest when the run started; NINA may also still be writing it when FINISHED arrives,
 * so it is asked for a few times. A finished run is announced with an info alert.
 */

export interface AutofocusConsumerOptions {
  /** How many times to ask last-af for the run's report before giving up. */
  reportAttempts?: number;
  reportRetryDelayMs?: number;
}

const AUTOFOCUS_EVENTS: ReadonlySet<string> = new Set(['AUTOFOCUS-STARTING', 'AUTOFOCUS-POINT-ADDED', 'AUTOFOCUS-FINISHED', 'ERROR-AF']);

/** What tells two reports apart: NINA stamps each file. */
const identity = (report: AutofocusReport): string => report.timestamp ?? JSON.stringify(report);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function summary(report: AutofocusReport): string {
  const parts = [
    isPresent(report.calculatedFocusPoint.value) ? `HFR ${formatNumber(report.calculatedFocusPoint.value, 2)}` : undefined,
    report.filter,
    isPresent(report.temperatureC) ? `${formatSigned(report.temperatureC)} °C` : undefined,
  ];
  return parts.filter((part) => part !== undefined).join(' · ');
}

export function createAutofocusConsumer({ reportAttempts = 4, reportRetryDelayMs = 1_000 }: AutofocusConsumerOptions = {}): EventConsumer {
  /** Per run: the identity of the report that was already newest when it started (null: none). */
  const baselines = new Map<number, Promise<string | null | undefined>>();

  const knownReport = (report: AutofocusReport): boolean =>
    useAutofocusHistory.getState().runs.some((run) => run.report !== undefined && identity(run.report) === identity(report));

  async function collectReport(runId: number, outcome: 'finished' | 'failed', { http, queryClient }: EventConsumerContext): Promise<void> {
    const baseline = await (baselines.get(runId) ?? undefined);
    baselines.delete(runId);
    const history = useAutofocusHistory.getState();
    for (let attempt = 1; attempt <= reportAttempts; attempt += 1) {
      let report: AutofocusReport | null;
      try {
        report = await fetchLastAutofocus(http);
      } catch (error) {
        if (attempt === reportAttempts) history.reportMissing(runId, `Could not read NINA’s autofocus report: ${describeError(error)}`);
        else await sleep(reportRetryDelayMs);
        continue;
      }
      queryClient.setQueryData(ninaKeys.lastAutofocus(http.baseUrl), report);
      const fresh = report !== null && (baseline === undefined ? !knownReport(report) : identity(report) !== baseline);
      if (report !== null && fresh) {
        history.reportArrived(runId, report);
        if (outcome === 'finished') {
          useAlertsStore.getState().push({
            severity: 'info',
            title: `Autofocus finished at ${formatInteger(report.calculatedFocusPoint.positionSteps)} steps`,
            detail: summary(report) || undefined,
            source: 'AUTOFOCUS-FINISHED',
          });
        }
        return;
      }
      // A failed run that wrote nothing leaves the previous report newest: nothing to wait for.
      if (outcome === 'failed' || attempt === reportAttempts) break;
      await sleep(reportRetryDelayMs);
    }
    history.reportMissing(
      runId,
      outcome === 'failed' ? 'NINA wrote no report for this run' : 'NINA’s newest autofocus report is still the one from before this run',
    );
  }

  return (events, context) => {
    // An autofocus moves the focuser: its info is worth reading again now, not at the next poll.
    if (events.some((event) => AUTOFOCUS_EVENTS.has(event.name))) {
      void context.queryClient.invalidateQueries({ queryKey: ninaKeys.device(context.http.baseUrl, 'focuser') });
    }
    for (const event of events) {
      const now = Date.now();
      const history = useAutofocusHistory.getState();
      if (!event.known) continue;
      switch (event.name) {
        case 'AUTOFOCUS-STARTING': {
          const runId = history.started(now);
          baselines.set(
            runId,
            fetchLastAutofocus(context.http).then(
              (report) => (report === null ? null : identity(report)),
              () => undefined,
            ),
          );
          break;
        }
        case 'AUTOFOCUS-POINT-ADDED':
          if (Number.isFinite(event.data.Position)) {
            history.pointAdded({ positionSteps: event.data.Position, hfr: Number.isFinite(event.data.HFR) ? event.data.HFR : undefined }, now);
          }
          break;
        case 'AUTOFOCUS-FINISHED':
          void collectReport(history.finished(now), 'finished', context);
          break;
        case 'ERROR-AF':
          // The alert itself comes from the event-alerts consumer.
          void collectReport(history.failed(now), 'failed', context);
          break;
      }
    }
  };
}

export const autofocusRuns = createAutofocusConsumer();
