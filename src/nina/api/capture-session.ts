import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import { z } from 'zod';
import { useImageActivity } from '../../store/image-activity';
import { isNinaError } from '../errors';
import type { NinaHttp } from '../http';
import { cameraInfoSchema } from '../schemas/equipment';
import { cameraBusy, startCapture, type CaptureRequest, type CaptureStep } from './camera';
import { useNinaClient } from './client-context';
import { ninaKeys } from './keys';

/**
 * Skydeck's own captures, one at a time or in a loop: start (filter, binning, capture), then wait
 * for NINA's API-CAPTURE-FINISHED, then start the next one while looping. It lives outside any
 * view, so a loop keeps going while the person looks at another view.
 */

/**
 * NINA reports no failure of a capture task (notes §6.1): without API-CAPTURE-FINISHED this long
 * after the exposure should have ended, and with the camera idle, the capture is given up.
 */
export const CAPTURE_LOST_AFTER_MS = 90_000;

export interface CommandOutcome {
  pending: boolean;
  reply?: string;
  error?: unknown;
}

export interface CaptureSessionState {
  status: 'idle' | 'starting' | 'running';
  step?: CaptureStep;
  /** The capture being taken, or the last one. */
  request?: CaptureRequest;
  /** When NINA answered "Capture started", this browser's clock. */
  startedAtMs?: number;
  looping: boolean;
  /** Frames finished since the last press of Capture. */
  framesDone: number;
  /** The start of the latest capture: NINA's reply or its error. */
  start: CommandOutcome;
  abort: CommandOutcome;
  /** Why Skydeck stopped following a capture on its own. */
  notice?: string;
}

const initialState: CaptureSessionState = { status: 'idle', looping: false, framesDone: 0, start: { pending: false }, abort: { pending: false } };

export class CaptureSession {
  private state = initialState;
  private readonly listeners = new Set<() => void>();
  private starting: AbortController | undefined;
  private lostTimer: ReturnType<typeof setTimeout> | undefined;
  private finishedBaseline = 0;

  constructor(
    private readonly http: NinaHttp,
    private readonly queryClient: QueryClient,
  ) {
    useImageActivity.subscribe((activity, previous) => {
      if (activity.capturesFinished !== previous.capturesFinished) this.onCaptureFinished(activity.capturesFinished);
    });
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): CaptureSessionState => this.state;

  /** Start one capture, or a loop of them. Ignored while one is already being started or taken. */
  capture(request: CaptureRequest, loop: boolean): void {
    if (this.state.status !== 'idle') return;
    this.update({ looping: loop, framesDone: 0, notice: undefined, abort: { pending: false } });
    this.begin(request);
  }

  /** Finish the frame under way, then stop. */
  stopLoop(): void {
    this.update({ looping: false });
  }

  /** Stop at once: cancel a start in progress and abort the exposure NINA is taking. */
  async abort(): Promise<void> {
    this.starting?.abort();
    this.update({ looping: false, abort: { pending: true } });
    try {
      const reply = await this.http.get('/equipment/camera/abort-exposure', z.string());
      // An aborted task never sends API-CAPTURE-FINISHED (notes §6.1): stop waiting for it.
      this.finish({ abort: { pending: false, reply } });
    } catch (error) {
      this.update({ abort: { pending: false, error } });
    } finally {
      void this.queryClient.invalidateQueries({ queryKey: ninaKeys.device(this.http.baseUrl, 'camera') });
    }
  }

  private begin(request: CaptureRequest): void {
    const controller = new AbortController();
    this.starting = controller;
    this.finishedBaseline = useImageActivity.getState().capturesFinished;
    this.update({ status: 'starting', request, step: undefined, startedAtMs: undefined, start: { pending: true } });
    startCapture(this.http, request, { signal: controller.signal, onStep: (step) => this.update({ step }) }).then(
      (reply) => {
        if (this.starting !== controller) return;
        this.starting = undefined;
        this.update({ status: 'running', startedAtMs: Date.now(), start: { pending: false, reply } });
        this.armLostTimer(request);
      },
      (error: unknown) => {
        if (this.starting !== controller) return;
        this.starting = undefined;
        const cancelled = isNinaError(error) && error.kind === 'aborted';
        this.update({ status: 'idle', looping: false, start: cancelled ? { pending: false } : { pending: false, error } });
      },
    );
    void this.queryClient.invalidateQueries({ queryKey: ninaKeys.device(this.http.baseUrl, 'camera') });
  }

  private onCaptureFinished(count: number): void {
    if (this.state.status !== 'running' || count === this.finishedBaseline) return;
    const framesDone = this.state.framesDone + 1;
    const next = this.state.looping ? this.state.request : undefined;
    this.finish({ framesDone });
    if (next) {
      this.update({ looping: true });
      this.begin(next);
    }
  }

  private finish(change: Partial<CaptureSessionState>): void {
    clearTimeout(this.lostTimer);
    this.update({ status: 'idle', step: undefined, ...change });
  }

  private armLostTimer(request: CaptureRequest): void {
    clearTimeout(this.lostTimer);
    this.lostTimer = setTimeout(() => void this.checkLost(request), request.durationS * 1000 + CAPTURE_LOST_AFTER_MS);
  }

  private async checkLost(request: CaptureRequest): Promise<void> {
    if (this.state.status !== 'running') return;
    try {
      const camera = await this.http.get('/equipment/camera/info', cameraInfoSchema);
      if (cameraBusy(camera)) {
        this.armLostTimer({ ...request, durationS: 0 });
        return;
      }
    } catch {
      // NINA out of reach: the capture cannot be followed either.
    }
    if (this.state.status !== 'running') return;
    this.finish({
      looping: false,
      notice: 'NINA never reported the end of this capture; it may have failed (NINA does not report capture errors). The loop was stopped.',
    });
  }

  private update(change: Partial<CaptureSessionState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}

const sessions = new WeakMap<NinaHttp, CaptureSession>();

function sessionFor(http: NinaHttp, queryClient: QueryClient): CaptureSession {
  let session = sessions.get(http);
  if (!session) {
    session = new CaptureSession(http, queryClient);
    sessions.set(http, session);
  }
  return session;
}

/** The capture session for the NINA Skydeck talks to, and its state. */
export function useCaptureSession(): { session: CaptureSession; state: CaptureSessionState } {
  const { http } = useNinaClient();
  const queryClient = useQueryClient();
  const session = useMemo(() => sessionFor(http, queryClient), [http, queryClient]);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return { session, state };
}
