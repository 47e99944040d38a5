import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClockDisposedError, SimClock } from './sim-clock';

describe('SimClock', () => {
  const clocks: SimClock[] = [];
  const clock = (speed: number, startMs?: number): SimClock => {
    const created = new SimClock(speed, startMs);
    clocks.push(created);
    return created;
  };
  afterEach(() => {
    for (const created of clocks.splice(0)) created.dispose();
  });

  it('starts at the given instant and runs `speed` times faster than real time', async () => {
    const fast = clock(1000, Date.UTC(2025, 0, 1));
    expect(fast.startMs).toBe(Date.UTC(2025, 0, 1));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const elapsedSimMs = fast.nowMs() - fast.startMs;
    expect(elapsedSimMs).toBeGreaterThanOrEqual(45_000);
    expect(elapsedSimMs).toBeLessThan(1_000_000);
  });

  it('sleeps in simulated time', async () => {
    const fast = clock(10_000);
    const before = performance.now();
    await fast.sleep(5000);
    expect(performance.now() - before).toBeLessThan(100);
    expect(fast.nowMs() - fast.startMs).toBeGreaterThanOrEqual(5000);
  });

  it('rejects a sleep with the abort reason when its signal aborts', async () => {
    const slow = clock(1);
    const controller = new AbortController();
    const sleeping = slow.sleep(60_000, controller.signal);
    controller.abort(new Error('slew stopped'));
    await expect(sleeping).rejects.toThrow('slew stopped');
  });

  it('on dispose, rejects pending sleeps and cancels timers so nothing keeps the process alive', async () => {
    const slow = clock(1);
    const callback = vi.fn();
    slow.setTimer(10, callback);
    slow.setRepeating(10, callback);
    const sleeping = slow.sleep(60_000);
    slow.dispose();
    await expect(sleeping).rejects.toBeInstanceOf(ClockDisposedError);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(callback).not.toHaveBeenCalled();
    await expect(slow.sleep(1)).rejects.toBeInstanceOf(ClockDisposedError);
  });
});
