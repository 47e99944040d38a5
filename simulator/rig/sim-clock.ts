// Simulated time: start + real elapsed × speed. Every duration the rig models (connects, later
// exposures and slews) and every DateTime it reports is on this clock, so `--speed 60` runs an hour
// of observatory time per real minute. Timers are tracked so `dispose()` leaves nothing running.

import { performance } from 'node:perf_hooks';

/** Rejects the sleeps still pending when the simulator shuts down. */
export class ClockDisposedError extends Error {
  constructor() {
    super('The simulated clock was disposed');
  }
}

export interface Timer {
  cancel(): void;
}

export class SimClock {
  private readonly startEpochMs: number;
  private readonly startPerfMs: number;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly pendingSleeps = new Set<(error: Error) => void>();
  private disposed = false;

  constructor(
    readonly speed: number,
    startEpochMs: number = Date.now(),
  ) {
    if (!(speed > 0)) throw new RangeError(`speed must be positive, got ${speed}`);
    this.startEpochMs = startEpochMs;
    this.startPerfMs = performance.now();
  }

  /** Simulated epoch milliseconds, with sub-millisecond resolution. */
  nowMs(): number {
    return this.startEpochMs + (performance.now() - this.startPerfMs) * this.speed;
  }

  get startMs(): number {
    return this.startEpochMs;
  }

  private realDelayMs(simMs: number): number {
    return Math.max(0, simMs / this.speed);
  }

  /**
   * Runs `callback` once after `simMs` of simulated time. Node may fire a timer up to a
   * millisecond early by its own clock, which at high speeds is seconds of simulated time, so an
   * early wake-up waits again for the rest.
   */
  setTimer(simMs: number, callback: () => void): Timer {
    if (this.disposed) return { cancel: () => undefined };
    const dueMs = this.nowMs() + simMs;
    let handle: NodeJS.Timeout;
    const arm = (delaySimMs: number) => {
      handle = setTimeout(() => {
        this.timers.delete(handle);
        const leftMs = dueMs - this.nowMs();
        if (leftMs > 0 && !this.disposed) arm(leftMs);
        else callback();
      }, this.realDelayMs(delaySimMs));
      this.timers.add(handle);
    };
    arm(simMs);
    return {
      cancel: () => {
        clearTimeout(handle);
        this.timers.delete(handle);
      },
    };
  }

  /** Runs `callback` every `simMs` of simulated time until cancelled or disposed. */
  setRepeating(simMs: number, callback: () => void): Timer {
    if (this.disposed) return { cancel: () => undefined };
    const handle = setInterval(callback, this.realDelayMs(simMs));
    this.timers.add(handle);
    return {
      cancel: () => {
        clearInterval(handle);
        this.timers.delete(handle);
      },
    };
  }

  /**
   * Waits `simMs` of simulated time. Rejects with the signal's reason when aborted (a stopped
   * slew, a cancelled exposure) and with ClockDisposedError when the simulator closes.
   */
  sleep(simMs: number, signal?: AbortSignal): Promise<void> {
    if (this.disposed) return Promise.reject(new ClockDisposedError());
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const fail = (error: Error): void => {
        timer.cancel();
        this.pendingSleeps.delete(fail);
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      };
      const onAbort = (): void => fail(signal?.reason instanceof Error ? signal.reason : new Error('Aborted'));
      const timer = this.setTimer(simMs, () => {
        this.pendingSleeps.delete(fail);
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
      this.pendingSleeps.add(fail);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  dispose(): void {
    this.disposed = true;
    for (const handle of this.timers) clearTimeout(handle);
    this.timers.clear();
    for (const fail of [...this.pendingSleeps]) fail(new ClockDisposedError());
  }
}
