import { describe, expect, it } from 'vitest';
import { parseTppaMessage } from './tppa';

const envelope = (response: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ Response: response, Error: '', StatusCode: 200, Success: true, Type: 'Socket', ...extra });

describe('parseTppaMessage', () => {
  it('reads the four confirmations', () => {
    expect(parseTppaMessage(envelope('started procedure'))).toEqual({ kind: 'confirmation', action: 'start-alignment', text: 'started procedure' });
    expect(parseTppaMessage(envelope('stopped procedure'))).toMatchObject({ action: 'stop-alignment' });
    expect(parseTppaMessage(envelope('paused procedure'))).toMatchObject({ action: 'pause-alignment' });
    expect(parseTppaMessage(envelope('resumed procedure'))).toMatchObject({ action: 'resume-alignment' });
  });

  it('reads progress, with -1 and NaN as indeterminate and a small overshoot capped at 1', () => {
    expect(parseTppaMessage(envelope({ Status: 'Moving to next point', Progress: 0.42 }))).toEqual({ kind: 'progress', status: 'Moving to next point', fraction: 0.42 });
    expect(parseTppaMessage(envelope({ Status: 'Solving image...', Progress: -1 }))).toEqual({ kind: 'progress', status: 'Solving image...', fraction: undefined });
    expect(parseTppaMessage(envelope({ Status: 'Settling', Progress: 'NaN' }))).toMatchObject({ fraction: undefined });
    expect(parseTppaMessage(envelope({ Status: 'x', Progress: 'Infinity' }))).toMatchObject({ fraction: undefined });
    expect(parseTppaMessage(envelope({ Status: 'Moving to next point', Progress: 1.02 }))).toMatchObject({ fraction: 1 });
    expect(parseTppaMessage(envelope({ Status: null, Progress: -1 }))).toEqual({ kind: 'progress', status: '', fraction: undefined });
  });

  it('reads an alignment error in signed degrees, tolerating extra fields', () => {
    expect(parseTppaMessage(envelope({ AzimuthError: -0.0533, AltitudeError: 0.0183, TotalError: 0.0564, Extra: 1 }))).toEqual({
      kind: 'alignment-error',
      azimuthDeg: -0.0533,
      altitudeDeg: 0.0183,
      totalDeg: 0.0564,
    });
  });

  it('keeps NINA’s error text for a refusal', () => {
    expect(parseTppaMessage(envelope('', { Success: false, StatusCode: 400, Error: 'Something failed' }))).toEqual({ kind: 'refusal', text: 'Something failed' });
  });

  it('calls everything else unreadable instead of throwing', () => {
    expect(parseTppaMessage('{oops')).toMatchObject({ kind: 'unreadable' });
    expect(parseTppaMessage(JSON.stringify({ hello: 1 }))).toMatchObject({ kind: 'unreadable' });
    expect(parseTppaMessage(envelope('finished procedure'))).toMatchObject({ kind: 'unreadable', problem: 'Unexpected answer on the polar alignment channel: finished procedure' });
    expect(parseTppaMessage(envelope({ AzimuthError: 'NaN', AltitudeError: 0, TotalError: 0 }))).toMatchObject({ kind: 'unreadable' });
    expect(parseTppaMessage(envelope({ AzimuthError: 'east', AltitudeError: 0, TotalError: 0 }))).toMatchObject({ kind: 'unreadable' });
    expect(parseTppaMessage(envelope([1, 2]))).toMatchObject({ kind: 'unreadable' });
  });
});
