import { isPresent } from '../../lib/format';
import type { CaptureSessionState } from '../../nina/api/capture-session';
import type { CameraInfo } from '../../nina/schemas/equipment';

/**
 * What the progress bar shows: the exposure with its seconds left, then the download and NINA's
 * processing until API-CAPTURE-FINISHED. Camera info is polled once a second, so between polls
 * (and before the first poll of a new exposure) the times come from the capture's own duration.
 */
export type CapturePhase =
  | { kind: 'idle' }
  | { kind: 'starting' }
  /** `fraction` is undefined for an exposure NINA started itself, whose length Skydeck does not know. */
  | { kind: 'exposing'; fraction?: number; secondsLeft?: number; own: boolean }
  | { kind: 'downloading'; own: boolean }
  | { kind: 'processing' };

/** NINA's ExposureEndTime (its own clock) in this browser's clock; undefined when unreadable. */
export function exposureEndMs(camera: CameraInfo | undefined, clockOffsetMs: number): number | undefined {
  if (!camera?.ExposureEndTime) return undefined;
  const ninaMs = Date.parse(camera.ExposureEndTime);
  return Number.isNaN(ninaMs) ? undefined : ninaMs - clockOffsetMs;
}

const downloadStates: ReadonlySet<string> = new Set(['Download', 'Reading']);

export function capturePhase({
  session,
  camera,
  nowMs,
  clockOffsetMs,
}: {
  session: CaptureSessionState;
  camera: CameraInfo | undefined;
  nowMs: number;
  clockOffsetMs: number;
}): CapturePhase {
  const downloading = camera?.CameraState !== undefined && downloadStates.has(camera.CameraState);

  if (session.status === 'starting') return { kind: 'starting' };
  if (session.status === 'running' && session.request && session.startedAtMs !== undefined) {
    const durationMs = session.request.durationS * 1000;
    const reportedEnd = camera?.IsExposing ? exposureEndMs(camera, clockOffsetMs) : undefined;
    // The first poll after the start may still show the camera idle: trust the duration until then.
    const endMs = reportedEnd ?? session.startedAtMs + durationMs;
    if (camera?.IsExposing || (!downloading && nowMs < endMs)) {
      const fraction = durationMs > 0 ? clamp01(1 - (endMs - nowMs) / durationMs) : 1;
      return { kind: 'exposing', fraction, secondsLeft: secondsLeft(endMs, nowMs), own: true };
    }
    return downloading ? { kind: 'downloading', own: true } : { kind: 'processing' };
  }

  if (camera?.IsExposing) {
    const endMs = exposureEndMs(camera, clockOffsetMs);
    return { kind: 'exposing', own: false, secondsLeft: endMs === undefined ? undefined : secondsLeft(endMs, nowMs) };
  }
  if (downloading) return { kind: 'downloading', own: false };
  return { kind: 'idle' };
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

function secondsLeft(endMs: number, nowMs: number): number {
  const left = Math.ceil((endMs - nowMs) / 1000);
  return isPresent(left) ? Math.max(0, left) : 0;
}
