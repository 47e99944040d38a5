import type { Tone } from '../../components/StatusPill';
import type { GuiderInfo } from '../../nina/schemas/equipment';

export interface GuiderStateView {
  label: string;
  tone: Tone;
  pulse: boolean;
}

/**
 * PHD2's AppState as NINA passes it through (notes §3.5), in words for the person at the scope.
 * Other guiders send their own strings; those are shown as they come.
 */
export function describeGuiderState(info: GuiderInfo | undefined): GuiderStateView {
  if (!info) return { label: 'Unknown', tone: 'idle', pulse: false };
  if (!info.Connected) return { label: 'Not connected', tone: 'idle', pulse: false };
  return describeAppState(info.State);
}

/** One AppState string, whatever reported it. */
export function describeAppState(state: string | undefined): GuiderStateView {
  switch (state) {
    case undefined:
    case '':
      return { label: 'Waiting for PHD2', tone: 'idle', pulse: false };
    case 'Stopped':
      return { label: 'Stopped', tone: 'idle', pulse: false };
    case 'Selected':
      return { label: 'Star selected', tone: 'idle', pulse: false };
    case 'Looping':
      return { label: 'Looping', tone: 'info', pulse: false };
    case 'Calibrating':
      return { label: 'Calibrating', tone: 'info', pulse: true };
    case 'Guiding':
      return { label: 'Guiding', tone: 'ok', pulse: false };
    case 'LostLock':
      return { label: 'Star lost', tone: 'bad', pulse: true };
    case 'Paused':
      return { label: 'Paused', tone: 'warn', pulse: false };
    default:
      return { label: state, tone: 'idle', pulse: false };
  }
}

export interface GuiderCommandAvailability {
  start: boolean;
  calibrate: boolean;
  stop: boolean;
  clearCalibration: boolean;
  /** Why nothing can be sent, when nothing can. */
  blocked?: string;
}

/** PHD2 is exposing for the guider: NINA's stop has something to stop (notes §9). */
const RUNNING = new Set(['Guiding', 'Calibrating', 'LostLock', 'Looping', 'Paused']);

/**
 * Which commands make sense now. NINA would accept most of them anyway and answer "Guiding
 * started" whatever happens (notes §16a.23), so the view does not offer what cannot work.
 */
export function guiderCommands(info: GuiderInfo | undefined, startPending: boolean): GuiderCommandAvailability {
  if (!info?.Connected) return { start: false, calibrate: false, stop: false, clearCalibration: false, blocked: 'Guider not connected in NINA' };
  const state = info.State ?? '';
  return {
    start: !startPending && state !== 'Guiding' && state !== 'Calibrating',
    calibrate: !startPending && state !== 'Calibrating',
    stop: startPending || RUNNING.has(state),
    clearCalibration: info.CanClearCalibration !== false,
  };
}
