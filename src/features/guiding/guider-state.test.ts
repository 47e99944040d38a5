import { describe, expect, it } from 'vitest';
import type { GuiderInfo } from '../../nina/schemas/equipment';
import { describeGuiderState, guiderCommands } from './guider-state';

const info = (State: string | undefined, extra: Partial<GuiderInfo> = {}) => ({ Connected: true, State, ...extra }) as GuiderInfo;

describe('describeGuiderState', () => {
  it('puts PHD2’s AppState in words, lost star in red', () => {
    expect(describeGuiderState(info('Guiding'))).toEqual({ label: 'Guiding', tone: 'ok', pulse: false });
    expect(describeGuiderState(info('LostLock'))).toEqual({ label: 'Star lost', tone: 'bad', pulse: true });
    expect(describeGuiderState(info('Calibrating')).tone).toBe('info');
    expect(describeGuiderState(info('')).label).toBe('Waiting for PHD2');
    expect(describeGuiderState(info('SomethingNew')).label).toBe('SomethingNew');
  });

  it('says when there is no guider', () => {
    expect(describeGuiderState(undefined).label).toBe('Unknown');
    expect(describeGuiderState(info(undefined, { Connected: false })).label).toBe('Not connected');
  });
});

describe('guiderCommands', () => {
  it('offers start when stopped and stop while guiding, calibrating or lost', () => {
    expect(guiderCommands(info('Stopped'), false)).toEqual({ start: true, calibrate: true, stop: false, clearCalibration: true });
    expect(guiderCommands(info('Guiding'), false)).toMatchObject({ start: false, calibrate: true, stop: true });
    expect(guiderCommands(info('Calibrating'), false)).toMatchObject({ start: false, calibrate: false, stop: true });
    expect(guiderCommands(info('LostLock'), false)).toMatchObject({ start: true, stop: true });
  });

  it('does not send a second start while NINA still holds the first, but lets it be stopped', () => {
    expect(guiderCommands(info('Looping'), true)).toMatchObject({ start: false, calibrate: false, stop: true });
  });

  it('blocks everything without a connected guider, and clear calibration when NINA says it cannot', () => {
    expect(guiderCommands(info(undefined, { Connected: false }), false)).toEqual({
      start: false,
      calibrate: false,
      stop: false,
      clearCalibration: false,
      blocked: 'Guider not connected in NINA',
    });
    expect(guiderCommands(info('Stopped', { CanClearCalibration: false }), false).clearCalibration).toBe(false);
  });
});
