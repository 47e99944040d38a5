import { useState } from 'react';
import { Button, Spinner } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { StatusPill, type Tone } from '../../components/StatusPill';
import type { TppaClientState, TppaCommandResult } from '../../nina/sockets/tppa';
import { useActivityStore } from '../../store/activity';
import type { PolarRun, TppaLive } from '../../store/polar-history';
import { OptionsForm } from './OptionsForm';
import { usePolarSettings } from './polar-settings';
import { ProgressBar } from './ProgressBar';
import { MEASUREMENT_STEPS, phaseLabel, stepIndex } from './run-presentation';
import { describeOptions, parseDraft, type DraftErrors } from './start-options';
import type { TppaCommands } from './use-tppa';

const commandWords: Record<string, string> = {
  'start-alignment': 'Start',
  'stop-alignment': 'Stop',
  'pause-alignment': 'Pause',
  'resume-alignment': 'Resume',
};

export function phaseTone(run: PolarRun | undefined, live: TppaLive, aligned: boolean): Tone {
  if (aligned || run?.status === 'aligned') return 'ok';
  if (!run || run.status !== 'running') return 'idle';
  return live.pause === 'none' ? 'info' : 'warn';
}

function Steps({ run }: { run: PolarRun }) {
  const current = stepIndex(run);
  return (
    <ol className="grid grid-cols-4 gap-1 text-center text-xs" aria-label="TPPA’s steps" data-testid="tppa-steps" data-step={current ?? 'unknown'}>
      {MEASUREMENT_STEPS.map((step, index) => {
        const done = current !== undefined && index < current;
        const active = index === current;
        return (
          <li key={step} aria-current={active ? 'step' : undefined} className="space-y-1">
            <span className={`block h-1.5 rounded-full ${done ? 'bg-accent' : active ? 'animate-pulse bg-accent/70' : 'bg-surface-2'}`} />
            <span className={active ? 'font-semibold text-fg' : done ? 'text-fg' : 'text-muted'}>{step}</span>
          </li>
        );
      })}
    </ol>
  );
}

function CommandLine({ state }: { state: TppaClientState }) {
  const command = state.command;
  if (!command) return null;
  const what = commandWords[command.action] ?? command.action;
  if (command.status === 'sent') {
    return (
      <p role="status" className="flex items-center gap-2 text-xs text-muted">
        <Spinner className="size-3" /> {what}: waiting for NINA…
      </p>
    );
  }
  if (command.status === 'confirmed') {
    return (
      <p role="status" className="text-xs text-ok" data-testid="tppa-confirmation">
        NINA: {command.text}
      </p>
    );
  }
  return (
    <p role="alert" className="text-xs text-bad">
      {what}: {command.text}
    </p>
  );
}

/**
 * Start with TPPA's options, then pause, resume or stop; the step TPPA is on, its progress and its
 * own status text, and every way it can go quiet.
 */
export function RunPanel({
  run,
  latest,
  live,
  client,
  commands,
  aligned,
  blockers,
  warnings,
  filters,
  silence,
  onAtTheMount,
}: {
  /** The running run, if any. */
  run: PolarRun | undefined;
  /** The newest run, running or not: how the last one ended. */
  latest: PolarRun | undefined;
  live: TppaLive;
  client: TppaClientState;
  commands: TppaCommands;
  aligned: boolean;
  /** Reasons TPPA cannot start now (it would refuse silently). */
  blockers: readonly string[];
  warnings: readonly string[];
  filters: readonly string[] | undefined;
  silence: string | undefined;
  onAtTheMount: () => void;
}) {
  const draft = usePolarSettings((s) => s.draft);
  const setDraft = usePolarSettings((s) => s.setDraft);
  const sequenceRunning = useActivityStore((s) => s.sequenceRunning);
  const manualControlTaken = useActivityStore((s) => s.manualControlTaken);
  const takeManualControl = useActivityStore((s) => s.takeManualControl);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [refusal, setRefusal] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [optionsOpen, setOptionsOpen] = useState(false);

  const parsed = parseDraft(draft);
  const linkDown = client.link !== 'open';
  const running = run !== undefined;

  const act = (result: TppaCommandResult) => setRefusal(result.ok ? undefined : result.reason);
  const start = () => {
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setOptionsOpen(true);
      return;
    }
    setErrors({});
    if (sequenceRunning && !manualControlTaken) {
      setConfirming(true);
      return;
    }
    const result = commands.start(parsed.options);
    act(result);
    // Once running, the guidance matters more than the form, on a phone right below it.
    if (result.ok) setOptionsOpen(false);
  };

  const startBlocked = linkDown ? 'The polar alignment link to NINA is not connected' : blockers[0];
  const pill = phaseLabel(run ?? latest, live);
  return (
    <div className="space-y-4" data-testid="tppa-run" data-phase={run?.phase ?? 'idle'} data-pause={live.pause} data-link={client.link}>
      <div className="flex flex-wrap items-center gap-2">
        <span data-testid="tppa-phase">
          <StatusPill tone={phaseTone(run ?? latest, live, aligned)} pulse={running && live.pause === 'none' && !aligned}>
            {aligned && running ? 'Aligned' : pill}
          </StatusPill>
        </span>
        {linkDown ? (
          <StatusPill tone="warn" pulse>
            {client.link === 'connecting' ? 'Connecting to TPPA…' : 'Link down, reconnecting'}
          </StatusPill>
        ) : null}
      </div>

      {run ? (
        <div className="space-y-3">
          <Steps run={run} />
          <div className="space-y-1.5" aria-live="polite">
            <ProgressBar fraction={live.status ? live.fraction : undefined} label="TPPA’s progress" />
            <p className="min-h-5 text-sm break-words" data-testid="tppa-status">
              {linkDown ? <span className="text-muted">Not hearing TPPA while the link is down.</span> : live.status || <span className="text-muted">Waiting for TPPA…</span>}
            </p>
          </div>
        </div>
      ) : null}

      {silence ? (
        <p role="alert" className="rounded-lg border border-warn/40 bg-warn/10 p-3 text-sm text-warn">
          {silence}
        </p>
      ) : null}
      {live.problem ? (
        <p role="alert" className="text-sm text-bad">
          {live.problem.text}
        </p>
      ) : null}

      <div className="flex flex-wrap gap-2">
        {running ? (
          <>
            {live.pause === 'none' ? (
              <Button onClick={() => act(commands.pause())} disabled={linkDown} className="min-w-28 flex-1 sm:flex-none">
                Pause
              </Button>
            ) : (
              <Button variant="primary" onClick={() => act(commands.resume())} disabled={linkDown} className="min-w-28 flex-1 sm:flex-none">
                Resume
              </Button>
            )}
            <Button variant="danger" onClick={() => act(commands.stop())} disabled={linkDown} className="min-w-28 flex-1 sm:flex-none">
              Stop
            </Button>
          </>
        ) : null}
        {!running || silence ? (
          <Button variant={running ? 'secondary' : 'primary'} onClick={start} disabled={startBlocked !== undefined} className="min-w-40 flex-1 sm:flex-none">
            {running ? 'Start again' : 'Start polar alignment'}
          </Button>
        ) : null}
        <Button
          onClick={onAtTheMount}
          className={`min-w-40 flex-1 sm:flex-none ${running ? 'border-accent/70 text-accent' : ''}`}
          aria-label="At the mount: full screen"
        >
          <svg viewBox="0 0 24 24" aria-hidden className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round">
            <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />
          </svg>
          At the mount
        </Button>
      </div>
      <CommandLine state={client} />
      {refusal ? (
        <p role="alert" className="text-sm text-bad">
          {refusal}
        </p>
      ) : null}
      {!running && startBlocked ? <p className="text-sm text-warn">{startBlocked}</p> : null}
      {!running
        ? warnings.map((warning) => (
            <p key={warning} className="text-sm text-muted">
              {warning}
            </p>
          ))
        : null}

      <details open={optionsOpen} onToggle={(event) => setOptionsOpen(event.currentTarget.open)} className="rounded-lg border border-border">
        <summary className="flex min-h-11 cursor-pointer items-center justify-between gap-2 px-3 text-sm">
          <span className="shrink-0 font-medium">TPPA options</span>
          <span className="min-w-0 truncate text-xs text-muted">{parsed.ok ? describeOptions(parsed.options) : 'Check the options'}</span>
        </summary>
        <div className="border-t border-border p-3">
          <OptionsForm
            draft={draft}
            errors={errors}
            filters={filters}
            onChange={(next) => {
              setDraft(next);
              if (Object.keys(errors).length > 0) {
                const check = parseDraft(next);
                setErrors(check.ok ? {} : check.errors);
              }
            }}
          />
        </div>
      </details>

      <ConfirmDialog
        open={confirming}
        title="A sequence is running"
        confirmLabel="Take manual control"
        tone="danger"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          takeManualControl();
          if (parsed.ok) act(commands.start(parsed.options));
        }}
      >
        Polar alignment moves the mount, stops guiding and takes its own exposures, which disturbs the running sequence. Start it anyway?
      </ConfirmDialog>
    </div>
  );
}
