import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useEventLogStore } from '../../store/event-log';
import { useThrottledEventLog } from './use-throttled-log';

function Count({ renders }: { renders: number[] }) {
  const { entries } = useThrottledEventLog(250);
  renders.push(entries.length);
  return <p>{entries.length}</p>;
}

describe('the throttled event log', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useEventLogStore.getState().clear();
  });
  afterEach(() => vi.useRealTimers());

  it('redraws at most every interval however fast events arrive, and always ends on the newest log', async () => {
    const renders: number[] = [];
    render(<Count renders={renders} />);
    for (let i = 0; i < 100; i += 1) {
      act(() => useEventLogStore.getState().append([{ name: 'STORM', receivedAtMs: i, source: 'live', data: {} }]));
      await act(async () => vi.advanceTimersByTimeAsync(10));
    }
    await act(async () => vi.advanceTimersByTimeAsync(250));
    // 1 s of events in 250 ms steps: the first render plus about five, not a hundred.
    expect(renders.length).toBeLessThanOrEqual(7);
    expect(renders.at(-1)).toBe(100);
  });
});
