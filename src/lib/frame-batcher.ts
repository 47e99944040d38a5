/**
 * Collects items and hands them over in one batch per animation frame, so a burst of socket
 * events costs one store update and one React commit. Hidden tabs get no animation frames, so a
 * timer flushes there instead; `maxPending` bounds what waits, dropping the oldest (the consumer
 * keeps a bounded log anyway).
 */
export interface FrameBatcherOptions {
  maxPending: number;
  /** Flush after this long even without an animation frame (hidden tab). */
  fallbackMs?: number;
  requestFrame?: (callback: () => void) => number;
  cancelFrame?: (handle: number) => void;
}

export interface FrameBatcher<T> {
  push(item: T): void;
  /** Deliver what is pending now. */
  flush(): void;
  dispose(): void;
}

export function createFrameBatcher<T>(deliver: (items: T[]) => void, options: FrameBatcherOptions): FrameBatcher<T> {
  const requestFrame = options.requestFrame ?? ((cb: () => void) => requestAnimationFrame(cb));
  const cancelFrame = options.cancelFrame ?? ((handle: number) => cancelAnimationFrame(handle));
  const fallbackMs = options.fallbackMs ?? 250;
  let pending: T[] = [];
  let frame: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const cancelScheduled = () => {
    if (frame !== undefined) cancelFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
    frame = undefined;
    timer = undefined;
  };

  const flush = () => {
    cancelScheduled();
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    deliver(batch);
  };

  return {
    push(item) {
      pending.push(item);
      if (pending.length > options.maxPending) pending.splice(0, pending.length - options.maxPending);
      if (frame === undefined) frame = requestFrame(flush);
      if (timer === undefined) timer = setTimeout(flush, fallbackMs);
    },
    flush,
    dispose() {
      cancelScheduled();
      pending = [];
    },
  };
}
