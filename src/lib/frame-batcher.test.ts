import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFrameBatcher } from './frame-batcher';

describe('createFrameBatcher', () => {
  let frames: (() => void)[];
  const requestFrame = (cb: () => void) => frames.push(cb);
  const cancelFrame = (handle: number) => {
    frames[handle - 1] = () => {};
  };

  beforeEach(() => {
    frames = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('delivers a burst as one batch on the next frame', () => {
    const deliver = vi.fn();
    const batcher = createFrameBatcher<number>(deliver, { maxPending: 100, requestFrame, cancelFrame });
    for (let i = 0; i < 50; i += 1) batcher.push(i);
    expect(deliver).not.toHaveBeenCalled();
    expect(frames).toHaveLength(1);
    frames[0]?.();
    expect(deliver).toHaveBeenCalledTimes(1);
    expect(deliver.mock.calls[0]?.[0]).toHaveLength(50);
  });

  it('flushes by timer when no frame comes (hidden tab)', () => {
    const deliver = vi.fn();
    const batcher = createFrameBatcher<string>(deliver, { maxPending: 10, fallbackMs: 200, requestFrame, cancelFrame });
    batcher.push('a');
    vi.advanceTimersByTime(199);
    expect(deliver).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(deliver).toHaveBeenCalledWith(['a']);
  });

  it('keeps only the newest items beyond maxPending', () => {
    const deliver = vi.fn();
    const batcher = createFrameBatcher<number>(deliver, { maxPending: 3, requestFrame, cancelFrame });
    [1, 2, 3, 4, 5].forEach((n) => batcher.push(n));
    batcher.flush();
    expect(deliver).toHaveBeenCalledWith([3, 4, 5]);
  });

  it('delivers nothing after dispose', () => {
    const deliver = vi.fn();
    const batcher = createFrameBatcher<number>(deliver, { maxPending: 3, requestFrame, cancelFrame });
    batcher.push(1);
    batcher.dispose();
    vi.runAllTimers();
    frames.forEach((frame) => frame());
    expect(deliver).not.toHaveBeenCalled();
  });
});
