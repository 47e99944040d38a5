import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Button, Spinner } from '../../components/Button';
import { CommandFeedback } from '../../components/CommandFeedback';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Panel } from '../../components/Panel';
import { Stat, StatGrid } from '../../components/Stat';
import { StatusPill, type Tone } from '../../components/StatusPill';
import { useNow } from '../../components/use-now';
import { DASH, formatClockTime } from '../../lib/format';
import { useSequenceCommand, type SequenceCommand } from '../../nina/api/sequence';
import { isNinaError } from '../../nina/errors';
import type { SequenceNode, SequenceTree } from '../../nina/schemas/sequence';
import { useEventLogStore } from '../../store/event-log';
import { CheckField } from './fields';
import { formatDurationS, nodeDetails } from './presentation';
import {
  frameTotals,
  hasProgress,
  isEmptySequence,
  nothingRan,
  perFrameOverheadS,
  remainingS,
  runFromEventLog,
  type PlanRowProgress,
} from './sequence-progress';

/** SEQUENCE-STARTING may arrive a moment before NINA's answer to the start reaches the browser. */
const START_EVENT_SLACK_MS = 2_000;

const pendingTexts: Record<SequenceCommand['kind'], string> = {
  start: 'Starting…',
  stop: 'Stopping…',
  reset: 'Resetting…',
  'skip-current': 'Skipping…',
  'load-saved': 'Loading…',
  'load-json': 'Loading…',
};

type RunState = 'running' | 'finished' | 'partial' | 'ready' | 'empty';

const runStates: Record<RunState, { label: string; tone: Tone }> = {
  running: { label: 'Running', tone: 'info' },
  finished: { label: 'Finished', tone: 'ok' },
  partial: { label: 'Stopped part way', tone: 'warn' },
  ready: { label: 'Ready', tone: 'idle' },
  empty: { label: 'Nothing loaded', tone: 'idle' },
};

function runStateOf(tree: SequenceTree | undefined, running: boolean): RunState {
  if (running) return 'running';
  if (!tree || isEmptySequence(tree)) return 'empty';
  if (tree.areas.every((area) => area.status === 'FINISHED' || area.status === 'SKIPPED' || area.status === 'DISABLED')) return 'finished';
  return hasProgress(tree) ? 'partial' : 'ready';
}

/** The instruction sets in the Targets area (NINA's area order: Start, Targets, End). */
function targetNames(tree: SequenceTree | undefined): string[] {
  const area = tree?.areas.length === 3 ? tree.areas[1] : undefined;
  return (area?.items ?? []).filter((item) => item.kind === 'container').map((item) => item.name);
}

function NotInitializedHint({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const notInitialized = isNinaError(error) && /not initiali[sz]ed/i.test(error.ninaError ?? '');
  return (
    <div className="space-y-2">
      <ErrorNotice error={error} />
      {notInitialized ? <p className="text-sm text-muted">NINA prepares its sequencer when its Advanced Sequencer is first opened. Open it in NINA, then try again.</p> : null}
      <Button onClick={onRetry}>Try again</Button>
    </div>
  );
}

function CurrentItems({ items, rows }: { items: readonly SequenceNode[]; rows: readonly PlanRowProgress[] }) {
  if (items.length === 0) return null;
  return (
    <ul aria-label="Running now" className="space-y-1">
      {items.map((item) => {
        const row = rows.find((candidate) => candidate.id === item.id);
        // Smart Exposure names its filter; Take Many Exposures takes the one switched to before it.
        const filter = row?.filter && row.filter !== 'Current' && item.kind !== 'smart-exposure' ? row.filter : '';
        const details = [filter, nodeDetails(item)].filter(Boolean).join(' · ');
        return (
          <li key={item.id} className="rounded-lg border border-accent bg-accent/10 px-3 py-2 text-sm">
            <span className="text-xs font-medium tracking-wide text-accent uppercase">Now</span>{' '}
            <span className="font-medium">{item.name}</span>
            {details ? <span className="text-muted"> · {details}</span> : null}
            {row && row.done < row.total ? (
              <span className="text-muted">
                {' '}
                · frame {row.done + 1} of {row.total}
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

interface RunPanelProps {
  query: UseQueryResult<SequenceTree>;
  running: boolean;
  rows: readonly PlanRowProgress[];
  current: readonly SequenceNode[];
}

/** Start, stop, reset and skip, and how the run goes: time, frames, what runs now, what failed. */
export function RunPanel({ query, running, rows, current }: RunPanelProps) {
  const tree = query.data;
  const entries = useEventLogStore((s) => s.entries);
  const run = useMemo(() => runFromEventLog(entries), [entries]);
  const now = useNow(1_000, running);
  // One command at a time, and one answer under the buttons: the last command's.
  const command = useSequenceCommand();
  const pending = (kind: SequenceCommand['kind']) => command.isPending && command.variables.kind === kind;
  const [skipValidation, setSkipValidation] = useState(false);
  const [lastStart, setLastStart] = useState<{ atMs: number; skipValidation: boolean; stopped: boolean }>();
  const [confirmingStop, setConfirmingStop] = useState(false);

  const state = runStateOf(tree, running);
  const targets = targetNames(tree);
  const startRun = (withoutValidation: boolean) => {
    setLastStart({ atMs: Date.now(), skipValidation: withoutValidation, stopped: false });
    command.mutate({ kind: 'start', skipValidation: withoutValidation });
  };

  // NINA answers "Sequence started" before it checks the sequence; with issues it asks on its own
  // screen, nobody answers there, and SEQUENCE-FINISHED follows with every item still waiting.
  const endedAtOnce =
    lastStart !== undefined &&
    !lastStart.stopped &&
    !running &&
    run.startedAtMs !== undefined &&
    run.startedAtMs >= lastStart.atMs - START_EVENT_SLACK_MS &&
    run.finishedAtMs !== undefined &&
    nothingRan(tree);

  const frames = frameTotals(rows);
  const overheadS = perFrameOverheadS(run.frames);
  const leftS = remainingS(rows, overheadS ?? 0);
  const elapsedMs =
    run.startedAtMs === undefined ? undefined : running ? Math.max(0, now - run.startedAtMs) : run.finishedAtMs !== undefined ? run.finishedAtMs - run.startedAtMs : undefined;

  return (
    <Panel
      title="Run"
      aside={
        tree ? (
          <StatusPill tone={runStates[state].tone} pulse={state === 'running'}>
            <span data-testid="sequence-state" data-state={state}>
              {runStates[state].label}
            </span>
          </StatusPill>
        ) : null
      }
    >
      {query.isPending ? (
        <p className="flex items-center gap-2 text-sm text-muted">
          <Spinner /> Reading NINA’s sequence…
        </p>
      ) : !tree ? (
        <NotInitializedHint error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <div className="space-y-4">
          {targets.length > 0 ? (
            <p className="-mt-2 text-sm text-muted">
              {targets.length === 1 ? 'Target' : 'Targets'}: <span className="text-fg">{targets.join(', ')}</span>
            </p>
          ) : null}
          {query.isError ? <p className="text-xs text-warn">Last refresh failed: {query.error.message}</p> : null}

          <div className="space-y-2">
            {running ? (
              <div className="flex flex-wrap gap-2">
                <Button pending={pending('skip-current')} onClick={() => command.mutate({ kind: 'skip-current' })}>
                  Skip current item
                </Button>
                <Button variant="danger" pending={pending('stop')} onClick={() => setConfirmingStop(true)}>
                  Stop
                </Button>
              </div>
            ) : (
              <>
                <div className="flex flex-wrap gap-2">
                  <Button variant="primary" disabled={state === 'empty'} pending={pending('start')} onClick={() => startRun(skipValidation)}>
                    Start
                  </Button>
                  <Button disabled={state === 'empty' || state === 'ready'} pending={pending('reset')} onClick={() => command.mutate({ kind: 'reset' })}>
                    Reset
                  </Button>
                </div>
                <CheckField label="Skip NINA’s validation" checked={skipValidation} onChange={setSkipValidation} />
              </>
            )}
            <CommandFeedback status={command} pendingText={pendingTexts[command.variables?.kind ?? 'start']} />
            {state === 'empty' ? <p className="text-sm text-muted">NINA’s sequencer is empty: load a saved sequence or build one.</p> : null}
            {!running && (state === 'finished' || state === 'partial') && !endedAtOnce ? (
              <p className="text-sm text-muted">NINA skips items that already ran: reset the sequence to run all of it again.</p>
            ) : null}
          </div>

          {endedAtOnce ? (
            <div role="alert" className="rounded-lg border border-warn/50 bg-warn/10 p-3 text-sm">
              <p className="font-medium text-warn">NINA ended the sequence at once, without running anything.</p>
              {lastStart.skipValidation ? (
                <p className="mt-1 text-fg">Nothing in it was waiting to run, or NINA refused to start; NINA’s log says which.</p>
              ) : (
                <>
                  <p className="mt-1 text-fg">
                    Before it starts, NINA checks every item (devices connected, filters known…). When something is wrong it asks on its own screen
                    whether to start anyway, and with nobody there to answer, it does not. Fix what NINA’s sequencer marks, or start without the check.
                  </p>
                  <Button className="mt-2" pending={pending('start')} onClick={() => startRun(true)}>
                    Start, skipping validation
                  </Button>
                </>
              )}
            </div>
          ) : null}

          {state !== 'empty' ? (
            <StatGrid>
              <Stat label={running ? 'Elapsed' : 'Last run took'} value={elapsedMs === undefined ? DASH : formatDurationS(elapsedMs / 1000)} />
              <Stat label="Frames" value={frames.total > 0 ? `${frames.done} / ${frames.total}` : DASH} />
              <Stat
                label={overheadS === undefined ? 'Exposure left' : 'Time left ≈'}
                value={frames.total > frames.done && (running || state === 'ready') ? formatDurationS(leftS) : DASH}
              />
              <Stat label="Ends ≈" value={running && frames.total > frames.done ? formatClockTime(now + leftS * 1000) : DASH} />
            </StatGrid>
          ) : null}

          <CurrentItems items={current} rows={rows} />

          {run.failures.length > 0 ? (
            <section aria-label="Failures" className="rounded-lg border border-bad/40 bg-bad/10 p-3">
              <h3 className="text-sm font-medium text-bad">{running ? 'Failed in this run' : 'Failed in the last run'}</h3>
              <ul className="mt-1 space-y-1 text-sm">
                {run.failures.map((failure, index) => (
                  <li key={`${failure.atMs}-${index}`} className="break-words">
                    <span className="font-mono text-xs text-muted">{formatClockTime(failure.atMs)}</span> <span className="font-medium">{failure.entity}</span>:{' '}
                    {failure.error}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      )}
      <ConfirmDialog
        open={confirmingStop}
        title="Stop the sequence?"
        confirmLabel="Stop"
        tone="danger"
        onCancel={() => setConfirmingStop(false)}
        onConfirm={() => {
          setConfirmingStop(false);
          setLastStart((previous) => (previous ? { ...previous, stopped: true } : previous));
          command.mutate({ kind: 'stop' });
        }}
      >
        NINA cancels what runs now (an exposure in progress is lost). Items that finished stay finished; the rest waits for the next start.
      </ConfirmDialog>
    </Panel>
  );
}
