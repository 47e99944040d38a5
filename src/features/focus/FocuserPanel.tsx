import { useId, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { Button, Spinner } from '../../components/Button';
import { CommandFeedback } from '../../components/CommandFeedback';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Panel } from '../../components/Panel';
import { Stat } from '../../components/Stat';
import { StatusPill } from '../../components/StatusPill';
import { DASH, formatInteger, formatSigned, isPresent } from '../../lib/format';
import type { UseQueryResult } from '@tanstack/react-query';
import { useFocuserCommand } from '../../nina/api/focuser';
import type { FocuserInfo } from '../../nina/schemas/equipment';
import { parseSteps, positionStepsSchema, stepStepsSchema, useFocusSettings } from './focus-settings';
import { useManualGuard } from './use-manual-guard';

const inputClass = 'min-h-11 w-full rounded-lg border border-border bg-surface-2 px-3 font-mono text-sm aria-[invalid=true]:border-bad';

function StepSizes() {
  const { smallSteps, largeSteps, setSteps } = useFocusSettings();
  const [texts, setTexts] = useState({ small: String(smallSteps), large: String(largeSteps) });
  const [errors, setErrors] = useState<{ small?: string; large?: string }>({});
  const ids = { small: useId(), large: useId() };

  const apply = (size: 'small' | 'large') => {
    const parsed = parseSteps(texts[size], stepStepsSchema);
    setErrors((current) => ({ ...current, [size]: parsed.ok ? undefined : parsed.error }));
    if (parsed.ok) setSteps(size, parsed.value);
  };

  return (
    <details className="text-sm">
      <summary className="min-h-11 cursor-pointer py-3 text-muted">
        Step sizes: {smallSteps} and {largeSteps} steps
      </summary>
      <div className="grid grid-cols-2 gap-3 pt-1">
        {(['small', 'large'] as const).map((size) => (
          <div key={size} className="flex flex-col gap-1">
            <label htmlFor={ids[size]} className="text-xs text-muted">
              {size === 'small' ? 'Small step' : 'Large step'}
            </label>
            <input
              id={ids[size]}
              inputMode="numeric"
              value={texts[size]}
              aria-invalid={Boolean(errors[size])}
              onChange={(event) => setTexts((current) => ({ ...current, [size]: event.target.value }))}
              onBlur={() => apply(size)}
              onKeyDown={(event) => event.key === 'Enter' && apply(size)}
              className={inputClass}
            />
            {errors[size] ? (
              <p role="alert" className="text-xs text-bad">
                {errors[size]}
              </p>
            ) : null}
          </div>
        ))}
      </div>
    </details>
  );
}

/** The focuser: where it is, how warm, whether it moves; move to a position, step in or out, stop. */
export function FocuserPanel({ info, autofocusRunning }: { info: UseQueryResult<FocuserInfo>; autofocusRunning: boolean }) {
  const command = useFocuserCommand();
  const stop = useFocuserCommand();
  const { smallSteps, largeSteps } = useFocusSettings();
  const { guard, dialog } = useManualGuard();
  const [targetText, setTargetText] = useState('');
  const [targetError, setTargetError] = useState<string>();
  const ids = { target: useId(), targetError: useId() };

  const focuser = info.data;
  const connected = focuser?.Connected === true;
  const position = focuser?.Position;

  const moveTo = (positionSteps: number) => guard(() => command.mutate({ kind: 'move', positionSteps }), { autofocusRunning });

  const step = (deltaSteps: number) => {
    if (!isPresent(position)) return;
    const target = position + deltaSteps;
    if (target < 0) {
      setTargetError(`The focuser is at ${formatInteger(position)}: it cannot go ${formatInteger(-deltaSteps)} steps further in`);
      return;
    }
    setTargetError(undefined);
    moveTo(target);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseSteps(targetText, positionStepsSchema);
    setTargetError(parsed.ok ? undefined : parsed.error);
    if (parsed.ok) moveTo(parsed.value);
  };

  const state = !focuser ? null : !connected ? (
    <StatusPill tone="idle">Disconnected</StatusPill>
  ) : focuser.IsMoving ? (
    <StatusPill tone="info" pulse>
      Moving
    </StatusPill>
  ) : focuser.IsSettling ? (
    <StatusPill tone="info">Settling</StatusPill>
  ) : (
    <StatusPill tone="ok">Still</StatusPill>
  );

  const stepButton = (label: string, deltaSteps: number, ariaLabel: string) => (
    <Button key={label} aria-label={ariaLabel} disabled={!connected || !isPresent(position)} onClick={() => step(deltaSteps)} className="px-2 font-mono">
      {label}
    </Button>
  );

  return (
    <Panel title="Focuser" aside={state}>
      {info.isPending ? (
        <p className="flex items-center gap-2 text-muted">
          <Spinner /> Reading the focuser…
        </p>
      ) : !focuser ? (
        <ErrorNotice error={info.error} />
      ) : (
        <div className="space-y-4">
          <dl className="grid grid-cols-2 gap-x-4 gap-y-3">
            <div className="min-w-0">
              <dt className="text-xs text-muted">Position</dt>
              <dd className="font-mono text-2xl leading-tight" data-testid="focuser-position">
                {connected ? formatInteger(position) : DASH}
                <span className="ml-1 text-xs text-muted">steps</span>
              </dd>
            </div>
            <div className="min-w-0">
              <dt className="text-xs text-muted">Temperature</dt>
              <dd className="font-mono text-2xl leading-tight">
                {connected && isPresent(focuser.Temperature) ? formatSigned(focuser.Temperature, 2) : DASH}
                <span className="ml-1 text-xs text-muted">°C</span>
              </dd>
            </div>
            {focuser.TempCompAvailable ? <Stat label="Temperature compensation" value={focuser.TempComp ? 'On' : 'Off'} /> : null}
            {connected ? <Stat label="Device" value={focuser.DisplayName ?? focuser.Name ?? DASH} muted /> : null}
          </dl>
          {info.isError ? <p className="text-xs text-warn">Last refresh failed: {info.error.message}</p> : null}

          {!connected ? (
            <p className="text-sm text-muted">
              Focuser not connected. Connect it on the{' '}
              <Link href="/" className="text-accent underline">
                Overview
              </Link>
              .
            </p>
          ) : null}

          <div role="group" aria-label="Step the focuser" className="grid grid-cols-4 gap-2">
            {stepButton(`−${largeSteps}`, -largeSteps, `Step in ${largeSteps} steps`)}
            {stepButton(`−${smallSteps}`, -smallSteps, `Step in ${smallSteps} steps`)}
            {stepButton(`+${smallSteps}`, smallSteps, `Step out ${smallSteps} steps`)}
            {stepButton(`+${largeSteps}`, largeSteps, `Step out ${largeSteps} steps`)}
          </div>
          <p className="-mt-2 flex justify-between text-xs text-muted" aria-hidden>
            <span>◀ in</span>
            <span>out ▶</span>
          </p>

          <form onSubmit={submit} noValidate aria-label="Move the focuser" className="flex flex-col gap-1">
            <label htmlFor={ids.target} className="text-xs text-muted">
              Move to position
            </label>
            <div className="flex gap-2">
              <input
                id={ids.target}
                inputMode="numeric"
                autoComplete="off"
                placeholder={isPresent(position) ? String(position) : 'steps'}
                value={targetText}
                onChange={(event) => setTargetText(event.target.value)}
                aria-invalid={Boolean(targetError)}
                aria-describedby={targetError ? ids.targetError : undefined}
                className={`${inputClass} min-w-0 flex-1`}
              />
              <Button type="submit" variant="primary" disabled={!connected} pending={command.isPending}>
                Move
              </Button>
              <Button variant="danger" disabled={!connected} pending={stop.isPending} onClick={() => stop.mutate({ kind: 'stop' })}>
                Stop
              </Button>
            </div>
            {targetError ? (
              <p id={ids.targetError} role="alert" className="text-xs text-bad">
                {targetError}
              </p>
            ) : null}
          </form>
          <CommandFeedback status={command} />
          <CommandFeedback status={stop} />
          <StepSizes />
          <p className="text-xs text-muted">Stop halts moves sent from Skydeck or another API client; NINA’s own moves run on.</p>
        </div>
      )}
      {dialog}
    </Panel>
  );
}
