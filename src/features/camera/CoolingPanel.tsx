import { useEffect, useId, useState, type FormEvent } from 'react';
import { Button } from '../../components/Button';
import { CommandFeedback } from '../../components/CommandFeedback';
import { Stat } from '../../components/Stat';
import { StatusPill, type Tone } from '../../components/StatusPill';
import { DASH, formatNumber, formatSigned, isPresent } from '../../lib/format';
import { useCameraCommand } from '../../nina/api/camera';
import type { CameraInfo } from '../../nina/schemas/equipment';
import { useCoolingHistory } from '../../store/cooling-history';
import { CoolingChart } from './CoolingChart';

const inputClass = 'min-h-11 w-full min-w-0 rounded-lg border border-border bg-surface-2 px-3 font-mono text-sm aria-[invalid=true]:border-bad';
const SET_POINT_RANGE_C = { min: -50, max: 30 } as const;
const MAX_DURATION_MIN = 120;
/** Regulation within this much of the set point counts as there; AtTargetTemp is exact equality (notes §3.2). */
const AT_SET_POINT_C = 0.5;

const parseDecimal = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.').replace('−', '-')));

/** Records camera/info readings into the session's cooling history while the view polls them. */
export function useCoolingSampler(camera: CameraInfo | undefined, updatedAtMs: number): void {
  useEffect(() => {
    if (!camera?.Connected || updatedAtMs === 0 || !useCoolingHistory.persist.hasHydrated()) return;
    useCoolingHistory.getState().addSample({
      atMs: updatedAtMs,
      temperatureC: isPresent(camera.Temperature) ? camera.Temperature : null,
      setPointC: isPresent(camera.TemperatureSetPoint) ? camera.TemperatureSetPoint : null,
      powerPercent: isPresent(camera.CoolerPower) ? camera.CoolerPower : null,
      coolerOn: Boolean(camera.CoolerOn),
    });
  }, [camera, updatedAtMs]);
}

function coolerState(camera: CameraInfo): { tone: Tone; text: string } {
  if (!camera.CoolerOn) return { tone: 'idle', text: 'Cooler off' };
  const { Temperature: temperature, TemperatureSetPoint: setPoint } = camera;
  if (isPresent(temperature) && isPresent(setPoint)) {
    if (Math.abs(temperature - setPoint) <= AT_SET_POINT_C) return { tone: 'ok', text: 'At set point' };
    return temperature > setPoint ? { tone: 'info', text: 'Cooling' } : { tone: 'info', text: 'Warming' };
  }
  return { tone: 'info', text: 'Cooler on' };
}

export function CoolingPanel({ camera }: { camera: CameraInfo | undefined }) {
  const samples = useCoolingHistory((state) => state.samples);
  const lastRamp = useCoolingHistory((state) => state.lastRamp);
  const setLastRamp = useCoolingHistory((state) => state.setLastRamp);
  const command = useCameraCommand();
  const [setPointText, setSetPointText] = useState<string>();
  const [durationText, setDurationText] = useState('5');
  const [errors, setErrors] = useState<{ setPoint?: string; duration?: string }>({});
  const ids = { setPoint: useId(), duration: useId() };

  const defaultSetPoint = isPresent(camera?.TargetTemp) ? String(camera.TargetTemp) : '-10';
  const setPointValue = setPointText ?? defaultSetPoint;

  const duration = (): number | undefined => {
    const minutes = parseDecimal(durationText);
    if (!Number.isFinite(minutes) || minutes < 0 || minutes > MAX_DURATION_MIN) {
      setErrors((previous) => ({ ...previous, duration: `The duration is 0 to ${MAX_DURATION_MIN} minutes (0: at once)` }));
      return undefined;
    }
    return minutes;
  };

  const cool = (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    const temperatureC = parseDecimal(setPointValue);
    const minutes = duration();
    if (!Number.isFinite(temperatureC) || temperatureC < SET_POINT_RANGE_C.min || temperatureC > SET_POINT_RANGE_C.max) {
      setErrors((previous) => ({ ...previous, setPoint: `The set point is between −50 °C and +30 °C` }));
      return;
    }
    if (minutes === undefined) return;
    command.mutate({ kind: 'cool', temperatureC, durationMin: minutes }, { onSuccess: () => setLastRamp('cool') });
  };

  const warm = () => {
    setErrors({});
    const minutes = duration();
    if (minutes === undefined) return;
    command.mutate({ kind: 'warm', durationMin: minutes }, { onSuccess: () => setLastRamp('warm') });
  };

  const cancel = () =>
    command.mutate({ kind: lastRamp === 'warm' ? 'cancel-warming' : 'cancel-cooling' }, { onSuccess: () => setLastRamp(null) });

  if (camera && camera.Connected && camera.CanSetTemperature === false) {
    return <p className="text-sm text-muted">This camera has no temperature control.</p>;
  }

  const state = camera?.Connected ? coolerState(camera) : undefined;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2" data-testid="cooler-state">
        {state ? <StatusPill tone={state.tone}>{state.text}</StatusPill> : <StatusPill tone="idle">Camera not connected</StatusPill>}
      </div>
      <dl className="grid grid-cols-3 gap-x-4 gap-y-2" data-testid="cooling-status">
        <Stat label="Sensor" value={camera?.Connected && isPresent(camera.Temperature) ? `${formatSigned(camera.Temperature)} °C` : DASH} />
        <Stat
          label="Set point"
          value={camera?.Connected && camera.CoolerOn && isPresent(camera.TemperatureSetPoint) ? `${formatSigned(camera.TemperatureSetPoint)} °C` : DASH}
        />
        <Stat label="Power" value={camera?.Connected && isPresent(camera.CoolerPower) ? `${formatNumber(camera.CoolerPower, 0)} %` : DASH} />
      </dl>

      <form onSubmit={cool} noValidate aria-label="Cool the camera" className="space-y-3">
        <div className="grid grid-cols-2 gap-3">
          <div className="flex min-w-0 flex-col gap-1">
            <label htmlFor={ids.setPoint} className="text-xs text-muted">
              Set point (°C)
            </label>
            <input
              id={ids.setPoint}
              inputMode="decimal"
              autoComplete="off"
              value={setPointValue}
              onChange={(event) => setSetPointText(event.target.value)}
              aria-invalid={Boolean(errors.setPoint)}
              className={inputClass}
            />
            {errors.setPoint ? <p className="text-xs text-bad">{errors.setPoint}</p> : null}
          </div>
          <div className="flex min-w-0 flex-col gap-1">
            <label htmlFor={ids.duration} className="text-xs text-muted">
              Over (minutes)
            </label>
            <input
              id={ids.duration}
              inputMode="decimal"
              autoComplete="off"
              value={durationText}
              onChange={(event) => setDurationText(event.target.value)}
              aria-invalid={Boolean(errors.duration)}
              className={inputClass}
            />
            {errors.duration ? <p className="text-xs text-bad">{errors.duration}</p> : null}
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="primary" pending={command.isPending && command.variables?.kind === 'cool'}>
            Cool
          </Button>
          <Button pending={command.isPending && command.variables?.kind === 'warm'} onClick={warm}>
            Warm up
          </Button>
          {lastRamp ? (
            <Button variant="ghost" pending={command.isPending && command.variables?.kind.startsWith('cancel')} onClick={cancel}>
              {lastRamp === 'warm' ? 'Cancel warming' : 'Cancel cooling'}
            </Button>
          ) : null}
        </div>
        <CommandFeedback status={command} />
      </form>

      <CoolingChart samples={samples} />
    </div>
  );
}
