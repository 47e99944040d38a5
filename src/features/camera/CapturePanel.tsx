import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '../../components/Button';
import { CommandFeedback } from '../../components/CommandFeedback';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Panel } from '../../components/Panel';
import { StatusPill, type Tone } from '../../components/StatusPill';
import { useNow } from '../../components/use-now';
import { formatInteger, isPresent } from '../../lib/format';
import { IMAGE_TYPES, useFilterWheelInfo, useNinaClockOffsetMs, type CaptureStep } from '../../nina/api/camera';
import type { CaptureSession, CaptureSessionState, CommandOutcome } from '../../nina/api/capture-session';
import type { CameraInfo } from '../../nina/schemas/equipment';
import { useActivityStore } from '../../store/activity';
import { gainZeroNotice, validateCaptureForm } from './capture-form';
import { capturePhase, type CapturePhase } from './capture-phase';
import { useCaptureSettings } from './capture-settings';

const inputClass =
  'min-h-11 w-full min-w-0 rounded-lg border border-border bg-surface-2 px-3 text-sm aria-[invalid=true]:border-bad disabled:opacity-50';

const stepText: Record<CaptureStep, string> = {
  filter: 'Turning the filter wheel…',
  binning: 'Setting the binning…',
  capture: 'Starting the exposure…',
};

const imageTypeLabel: Record<(typeof IMAGE_TYPES)[number], string> = {
  LIGHT: 'Light',
  SNAPSHOT: 'Snapshot',
  DARK: 'Dark',
  FLAT: 'Flat',
  BIAS: 'Bias',
};

function Field({ label, htmlFor, children, hint, error }: { label: string; htmlFor: string; children: ReactNode; hint?: ReactNode; error?: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={htmlFor} className="text-xs text-muted">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${htmlFor}-error`} className="text-xs text-bad">
          {error}
        </p>
      ) : hint ? (
        <p className="text-xs text-muted">{hint}</p>
      ) : null}
    </div>
  );
}

/** CommandFeedback wants a mutation's shape; the session keeps its own outcomes. */
const asStatus = (outcome: CommandOutcome) => ({
  isPending: outcome.pending,
  isError: outcome.error !== undefined,
  isSuccess: outcome.reply !== undefined,
  data: outcome.reply,
  error: outcome.error,
});

function phasePill(phase: CapturePhase, camera: CameraInfo | undefined): { tone: Tone; text: string; pulse?: boolean } {
  switch (phase.kind) {
    case 'starting':
      return { tone: 'info', text: 'Starting', pulse: true };
    case 'exposing':
      return { tone: 'info', text: phase.own ? 'Exposing' : 'Exposing (NINA)', pulse: true };
    case 'downloading':
      return { tone: 'info', text: 'Downloading', pulse: true };
    case 'processing':
      return { tone: 'info', text: 'Processing', pulse: true };
    case 'idle':
      if (!camera) return { tone: 'idle', text: '…' };
      if (!camera.Connected) return { tone: 'idle', text: 'Disconnected' };
      if (camera.CameraState === 'Error') return { tone: 'bad', text: 'Camera error' };
      return { tone: 'ok', text: 'Ready' };
  }
}

function CapturePill({ phase, camera }: { phase: CapturePhase; camera: CameraInfo | undefined }) {
  const pill = phasePill(phase, camera);
  return (
    <StatusPill tone={pill.tone} pulse={pill.pulse}>
      {pill.text}
    </StatusPill>
  );
}

/**
 * The exposure's percentage, never going back within one capture: until NINA's first camera
 * report the end is estimated from when the capture was sent, and a NINA that started exposing
 * later moves the end back. The bar then waits for the exposure to catch up.
 */
function useForwardPercent(percent: number | undefined, captureKey: number | undefined): number | undefined {
  const [peak, setPeak] = useState<{ key: number | undefined; percent: number }>({ key: undefined, percent: 0 });
  if (percent !== undefined && (peak.key !== captureKey || percent > peak.percent)) setPeak({ key: captureKey, percent });
  if (percent === undefined) return undefined;
  return peak.key === captureKey ? Math.max(peak.percent, percent) : percent;
}

function ProgressLine({ phase, state }: { phase: CapturePhase; state: CaptureSessionState }) {
  const percent = useForwardPercent(phase.kind === 'exposing' && phase.fraction !== undefined ? Math.round(phase.fraction * 100) : undefined, state.startedAtMs);
  if (phase.kind === 'idle') return null;
  const busy = phase.kind !== 'exposing';
  let text: string;
  switch (phase.kind) {
    case 'starting':
      text = state.step ? stepText[state.step] : 'Sending to NINA…';
      break;
    case 'exposing':
      text = `${phase.own ? 'Exposing' : 'NINA is exposing'}${phase.secondsLeft !== undefined ? ` · ${phase.secondsLeft} s left` : ''}`;
      break;
    case 'downloading':
      text = 'Downloading the frame…';
      break;
    case 'processing':
      text = 'NINA is preparing the image…';
      break;
  }
  const loopText = state.looping ? ` · loop, frame ${state.framesDone + 1}` : '';
  return (
    <div className="space-y-1" data-testid="capture-progress" data-phase={phase.kind}>
      <div
        role="progressbar"
        aria-label="Capture progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
        className="h-2.5 overflow-hidden rounded-full bg-surface-2"
      >
        {percent !== undefined ? (
          <div className="h-full rounded-full bg-accent transition-[width] duration-300 ease-linear" style={{ width: `${percent}%` }} />
        ) : (
          <div className={`h-full w-full rounded-full bg-accent/50 ${busy ? 'animate-pulse' : ''}`} />
        )}
      </div>
      <p className="text-sm" aria-live="polite">
        {text}
        <span className="text-muted">{loopText}</span>
      </p>
    </div>
  );
}

export function CapturePanel({ camera, session, state }: { camera: CameraInfo | undefined; session: CaptureSession; state: CaptureSessionState }) {
  const settings = useCaptureSettings();
  const wheel = useFilterWheelInfo();
  const clockOffsetMs = useNinaClockOffsetMs();
  const sequenceRunning = useActivityStore((s) => s.sequenceRunning);
  const manualControlTaken = useActivityStore((s) => s.manualControlTaken);
  const takeManualControl = useActivityStore((s) => s.takeManualControl);
  const [binningChoice, setBinningChoice] = useState<string>();
  const [filterChoice, setFilterChoice] = useState<number>();
  const [errors, setErrors] = useState<{ exposure?: string; gain?: string; binning?: string }>({});
  const [confirming, setConfirming] = useState(false);
  const ids = {
    exposure: useId(),
    gain: useId(),
    binning: useId(),
    filter: useId(),
    type: useId(),
    target: useId(),
  };

  const active = state.status !== 'idle' || Boolean(camera?.IsExposing);
  const nowMs = useNow(250, active);
  const phase = capturePhase({ session: state, camera, nowMs, clockOffsetMs });

  const binningModes = camera?.BinningModes?.length ? camera.BinningModes : [{ Name: '1x1', X: 1, Y: 1 }];
  const currentBinning = isPresent(camera?.BinX) && camera.BinX > 0 ? `${camera.BinX}x${camera.BinY ?? camera.BinX}` : undefined;
  const binning = binningChoice ?? currentBinning ?? binningModes[0]?.Name ?? '1x1';

  const wheelInfo = wheel.data;
  const wheelConnected = Boolean(wheelInfo?.Connected);
  const filters = wheelConnected ? (wheelInfo?.AvailableFilters ?? []) : [];
  const filterId = wheelConnected ? (filterChoice ?? wheelInfo?.SelectedFilter?.Id) : undefined;

  const gainNotice = gainZeroNotice(settings.gainText, camera);
  const canSetGain = camera?.CanSetGain !== false;

  const run = () => {
    const result = validateCaptureForm(
      {
        exposureText: settings.exposureText,
        gainText: settings.gainText,
        binning,
        filterId,
        imageType: settings.imageType,
        save: settings.save,
        targetName: settings.targetName,
      },
      camera,
    );
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    session.capture(result.request, settings.loop);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (sequenceRunning && !manualControlTaken) {
      setConfirming(true);
      return;
    }
    run();
  };

  const busy = state.status !== 'idle';
  const describedBy = (id: string, error?: string) => (error ? `${id}-error` : undefined);

  return (
    <Panel title="Capture" aside={<CapturePill phase={phase} camera={camera} />}>
      <form onSubmit={submit} noValidate aria-label="Capture a frame" className="space-y-4">
        <div className="grid grid-cols-2 gap-3">
          <Field label="Exposure (s)" htmlFor={ids.exposure} error={errors.exposure}>
            <input
              id={ids.exposure}
              inputMode="decimal"
              autoComplete="off"
              value={settings.exposureText}
              onChange={(event) => {
                settings.change({ exposureText: event.target.value });
                setErrors((previous) => ({ ...previous, exposure: undefined }));
              }}
              aria-invalid={Boolean(errors.exposure)}
              aria-describedby={describedBy(ids.exposure, errors.exposure)}
              className={`${inputClass} font-mono`}
            />
          </Field>
          <Field label="Filter" htmlFor={ids.filter}>
            <select
              id={ids.filter}
              value={filterId ?? ''}
              disabled={!wheelConnected || filters.length === 0}
              onChange={(event) => setFilterChoice(Number(event.target.value))}
              className={inputClass}
            >
              {!wheelConnected ? <option value="">No filter wheel</option> : null}
              {wheelConnected && filterId === undefined ? <option value="">—</option> : null}
              {filters.map((filter) => (
                <option key={filter.Id} value={filter.Id}>
                  {filter.Name}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" className="size-5" checked={settings.save} onChange={(event) => settings.change({ save: event.target.checked })} />
            Save in NINA
          </label>
          <label className="flex min-h-11 items-center gap-2">
            <input type="checkbox" className="size-5" checked={settings.loop} onChange={(event) => settings.change({ loop: event.target.checked })} />
            Loop
          </label>
        </div>

        <div className="flex flex-wrap gap-2">
          {!busy ? (
            <Button type="submit" variant="primary" className="min-w-32 flex-1 sm:flex-none">
              {settings.loop ? 'Start loop' : 'Capture'}
            </Button>
          ) : state.looping ? (
            <Button onClick={() => session.stopLoop()} className="min-w-32 flex-1 sm:flex-none">
              Stop after this frame
            </Button>
          ) : (
            <Button type="submit" variant="primary" disabled className="min-w-32 flex-1 sm:flex-none">
              Capture
            </Button>
          )}
          {busy || camera?.IsExposing ? (
            <Button variant="danger" pending={state.abort.pending} onClick={() => void session.abort()}>
              Abort
            </Button>
          ) : null}
        </div>

        <ProgressLine phase={phase} state={state} />

        {camera && !camera.Connected ? <p className="text-sm text-muted">NINA reports the camera as not connected.</p> : null}
        {state.status === 'running' || state.start.error !== undefined ? <CommandFeedback status={asStatus(state.start)} /> : null}
        <CommandFeedback status={asStatus(state.abort)} />
        {state.notice ? (
          <p role="alert" className="text-sm text-warn">
            {state.notice}
          </p>
        ) : null}
        {state.status === 'idle' && state.framesDone > 0 && !state.notice ? (
          <p role="status" className="text-xs text-muted">
            {state.framesDone === 1 ? 'Frame done.' : `${state.framesDone} frames done.`}
          </p>
        ) : null}

        <div className="grid grid-cols-2 gap-3 border-t border-border pt-4">
          <Field
            label="Gain"
            htmlFor={ids.gain}
            error={errors.gain}
            hint={
              gainNotice ? (
                <span className="text-warn">{gainNotice}</span>
              ) : isPresent(camera?.GainMin) && isPresent(camera?.GainMax) && camera.GainMax > 0 ? (
                `${camera.GainMin}–${camera.GainMax}; empty for the default`
              ) : undefined
            }
          >
            <input
              id={ids.gain}
              inputMode="numeric"
              autoComplete="off"
              disabled={!canSetGain}
              placeholder={isPresent(camera?.DefaultGain) && camera.DefaultGain >= 0 ? `default (${camera.DefaultGain})` : 'default'}
              value={settings.gainText}
              onChange={(event) => {
                settings.change({ gainText: event.target.value });
                setErrors((previous) => ({ ...previous, gain: undefined }));
              }}
              aria-invalid={Boolean(errors.gain)}
              aria-describedby={describedBy(ids.gain, errors.gain)}
              className={`${inputClass} font-mono`}
            />
          </Field>
          <Field label="Binning" htmlFor={ids.binning} error={errors.binning}>
            <select id={ids.binning} value={binning} onChange={(event) => setBinningChoice(event.target.value)} className={inputClass}>
              {binningModes.map((mode) => (
                <option key={mode.Name} value={mode.Name}>
                  {mode.Name.replace('x', '×')}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Frame type" htmlFor={ids.type}>
            <select
              id={ids.type}
              value={settings.imageType}
              onChange={(event) => settings.change({ imageType: event.target.value as (typeof IMAGE_TYPES)[number] })}
              className={inputClass}
            >
              {IMAGE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {imageTypeLabel[type]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Target name" htmlFor={ids.target}>
            <input
              id={ids.target}
              autoComplete="off"
              placeholder="Snapshot"
              value={settings.targetName}
              onChange={(event) => settings.change({ targetName: event.target.value })}
              className={inputClass}
            />
          </Field>
        </div>
        <p className="text-xs text-muted">
          Offset {formatInteger(camera?.Offset)}
          {camera?.CanSetOffset ? ': NINA’s API cannot change it, set it in NINA.' : '.'}
        </p>

        <ConfirmDialog
          open={confirming}
          title="A sequence is running"
          confirmLabel="Take manual control"
          tone="danger"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            takeManualControl();
            setConfirming(false);
            run();
          }}
        >
          A capture now competes with the running sequence for the camera (NINA refuses it while the sequence exposes). Take manual control for this
          sequence?
        </ConfirmDialog>
      </form>
    </Panel>
  );
}
