import { describe, expect, it } from 'vitest';
import type { CaptureSessionState } from '../../nina/api/capture-session';
import type { CameraInfo } from '../../nina/schemas/equipment';
import { capturePhase } from './capture-phase';

const idleSession: CaptureSessionState = { status: 'idle', looping: false, framesDone: 0, start: { pending: false }, abort: { pending: false } };
const request = { durationS: 10, binning: '1x1', imageType: 'LIGHT', save: true, targetName: '' } as const;
const running = (startedAtMs: number): CaptureSessionState => ({ ...idleSession, status: 'running', request, startedAtMs });
const t0 = Date.parse('2026-11-21T22:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
const camera = (fields: Partial<CameraInfo>) => ({ Connected: true, CameraState: 'Idle', IsExposing: false, ...fields }) as CameraInfo;

describe('capture phase', () => {
  it('counts down from the capture’s own duration until the first poll shows the exposure', () => {
    const phase = capturePhase({ session: running(t0), camera: camera({}), nowMs: t0 + 2_500, clockOffsetMs: 0 });
    expect(phase).toEqual({ kind: 'exposing', fraction: 0.25, secondsLeft: 8, own: true });
  });

  it('then follows NINA’s ExposureEndTime, read through the clock offset', () => {
    // NINA's clock runs 3 s ahead: its end time of t0+13 s is t0+10 s here.
    const exposing = camera({ IsExposing: true, CameraState: 'Exposing', ExposureEndTime: iso(t0 + 13_000) });
    const phase = capturePhase({ session: running(t0), camera: exposing, nowMs: t0 + 5_000, clockOffsetMs: 3_000 });
    expect(phase).toEqual({ kind: 'exposing', fraction: 0.5, secondsLeft: 5, own: true });
  });

  it('downloads, then waits for NINA to prepare the frame', () => {
    expect(capturePhase({ session: running(t0), camera: camera({ CameraState: 'Download' }), nowMs: t0 + 11_000, clockOffsetMs: 0 })).toEqual({
      kind: 'downloading',
      own: true,
    });
    expect(capturePhase({ session: running(t0), camera: camera({}), nowMs: t0 + 12_000, clockOffsetMs: 0 })).toEqual({ kind: 'processing' });
  });

  it('shows an exposure NINA started itself, with its seconds left but no length', () => {
    const exposing = camera({ IsExposing: true, CameraState: 'Exposing', ExposureEndTime: iso(t0 + 30_000) });
    expect(capturePhase({ session: idleSession, camera: exposing, nowMs: t0, clockOffsetMs: 0 })).toEqual({ kind: 'exposing', own: false, secondsLeft: 30 });
    expect(capturePhase({ session: idleSession, camera: camera({}), nowMs: t0, clockOffsetMs: 0 })).toEqual({ kind: 'idle' });
  });

  it('is starting while the filter, binning and capture requests go out', () => {
    expect(capturePhase({ session: { ...idleSession, status: 'starting' }, camera: undefined, nowMs: t0, clockOffsetMs: 0 })).toEqual({ kind: 'starting' });
  });
});
