import { useState, type ReactNode } from 'react';
import { Button, Spinner } from '../../components/Button';
import { CommandFeedback } from '../../components/CommandFeedback';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNow } from '../../components/use-now';
import { useGuiderCommand, useGuidingStartPending, useStartGuiding, type GuiderCommand } from '../../nina/api/guider';
import type { GuiderInfo } from '../../nina/schemas/equipment';
import { useActivityStore } from '../../store/activity';
import { describeAppState, guiderCommands } from './guider-state';

type Action = { kind: 'start'; calibrate: boolean } | GuiderCommand;

interface Question {
  action: Action;
  title: string;
  text: ReactNode;
  confirmLabel: string;
  takesManualControl: boolean;
}

const confirmations: Partial<Record<Action['kind'], Omit<Question, 'action' | 'takesManualControl'>>> = {
  'clear-calibration': {
    title: 'Clear the calibration?',
    text: 'PHD2 forgets its calibration. The next start calibrates again, which takes a minute or two; guiding in progress carries on.',
    confirmLabel: 'Clear calibration',
  },
};

function formatElapsed(ms: number): string {
  const totalS = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(totalS / 60)}:${String(totalS % 60).padStart(2, '0')}`;
}

/** While NINA holds `guider/start`: what PHD2 is doing and for how long. */
function StartProgress({ info, sinceMs }: { info: GuiderInfo | undefined; sinceMs: number | undefined }) {
  const now = useNow(1_000);
  const calibrating = info?.State === 'Calibrating';
  return (
    <div role="status" className="rounded-lg border border-accent/40 bg-accent/10 p-3 text-sm">
      <p className="flex items-center gap-2 font-medium text-accent">
        <Spinner /> {calibrating ? 'Calibrating…' : 'Starting guiding…'}
        {sinceMs !== undefined ? <span className="font-mono text-xs text-muted">{formatElapsed(now - sinceMs)}</span> : null}
      </p>
      <p className="mt-1 text-xs text-muted">
        NINA answers once PHD2 guides and has settled{calibrating ? '; a calibration takes one to two minutes' : ''}.
      </p>
    </div>
  );
}

/** Start, start with calibration, stop and clear calibration, each with NINA's answer under it. */
export function GuiderCommands({ info }: { info: GuiderInfo | undefined }) {
  const start = useStartGuiding();
  const stop = useGuiderCommand();
  const clear = useGuiderCommand();
  const startPending = useGuidingStartPending();
  const sequenceRunning = useActivityStore((s) => s.sequenceRunning);
  const manualControlTaken = useActivityStore((s) => s.manualControlTaken);
  const takeManualControl = useActivityStore((s) => s.takeManualControl);
  const [question, setQuestion] = useState<Question>();
  const available = guiderCommands(info, startPending);

  const run = (action: Action) => {
    if (action.kind === 'start') start.mutate({ calibrate: action.calibrate });
    else if (action.kind === 'stop') stop.mutate(action);
    else clear.mutate(action);
  };

  const ask = (action: Action) => {
    if (sequenceRunning && !manualControlTaken) {
      setQuestion({
        action,
        title: 'A sequence is running',
        text: 'NINA’s sequence is using the guider. Changing it by hand can spoil the frames being taken. Take manual control and go ahead?',
        confirmLabel: 'Take manual control',
        takesManualControl: true,
      });
      return;
    }
    const confirmation = confirmations[action.kind];
    if (confirmation) setQuestion({ action, ...confirmation, takesManualControl: false });
    else run(action);
  };

  const startedButNotGuiding = start.isSuccess && start.data.stateAfter !== undefined && start.data.stateAfter !== 'Guiding' ? start.data.stateAfter : undefined;
  // The start button that was pressed carries the feedback.
  const startFeedback = (calibrate: boolean) =>
    start.variables?.calibrate === calibrate ? (
      <>
        <CommandFeedback status={{ ...start, data: start.data?.reply }} pendingText="Waiting for NINA…" />
        {startedButNotGuiding !== undefined && !start.isPending ? (
          <p role="alert" className="text-xs text-warn">
            …but PHD2 is {startedButNotGuiding === 'not connected' ? 'not connected' : `“${describeAppState(startedButNotGuiding).label}”`}: NINA
            answers this even when the start failed. Check PHD2.
          </p>
        ) : null}
      </>
    ) : null;

  return (
    <div className="space-y-3">
      {startPending ? <StartProgress info={info} sinceMs={start.isPending ? start.submittedAt : undefined} /> : null}
      <div className="grid grid-cols-2 gap-2">
        <div className="flex flex-col gap-1">
          <Button variant="primary" disabled={!available.start} pending={start.isPending && start.variables.calibrate === false} onClick={() => ask({ kind: 'start', calibrate: false })}>
            Start guiding
          </Button>
          {startFeedback(false)}
        </div>
        <div className="flex flex-col gap-1">
          <Button disabled={!available.calibrate} pending={start.isPending && start.variables.calibrate} onClick={() => ask({ kind: 'start', calibrate: true })}>
            Calibrate &amp; start
          </Button>
          {startFeedback(true)}
        </div>
        <div className="flex flex-col gap-1">
          <Button variant="danger" disabled={!available.stop} pending={stop.isPending} onClick={() => ask({ kind: 'stop' })}>
            Stop guiding
          </Button>
          <CommandFeedback status={stop} />
        </div>
        <div className="flex flex-col gap-1">
          <Button disabled={!available.clearCalibration} pending={clear.isPending} onClick={() => ask({ kind: 'clear-calibration' })}>
            Clear calibration
          </Button>
          <CommandFeedback status={clear} />
        </div>
      </div>
      {available.blocked ? <p className="text-sm text-muted">{available.blocked}.</p> : null}
      <ConfirmDialog
        open={question !== undefined}
        title={question?.title ?? ''}
        confirmLabel={question?.confirmLabel ?? 'OK'}
        tone={question?.takesManualControl ? 'danger' : 'primary'}
        onCancel={() => setQuestion(undefined)}
        onConfirm={() => {
          if (!question) return;
          if (question.takesManualControl) takeManualControl();
          setQuestion(undefined);
          run(question.action);
        }}
      >
        {question?.text}
      </ConfirmDialog>
    </div>
  );
}
