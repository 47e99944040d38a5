import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useActivityStore } from '../store/activity';
import { useScreenPreferences } from '../store/screen-preferences';
import { SequenceWakeLock } from './SequenceWakeLock';

describe('the screen kept on during a sequence', () => {
  const release = vi.fn(async () => undefined);
  const request = vi.fn(async () => ({ released: false, release }));

  beforeEach(() => {
    Object.defineProperty(navigator, 'wakeLock', { value: { request }, configurable: true });
    useActivityStore.getState().setSequenceRunning(false);
    useScreenPreferences.getState().setAwakeDuringSequence(false);
  });
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'wakeLock');
    vi.clearAllMocks();
  });

  it('takes the lock only while a sequence runs and the user asked for it, and lets go after', async () => {
    render(<SequenceWakeLock />);
    await act(async () => useActivityStore.getState().setSequenceRunning(true));
    expect(request).not.toHaveBeenCalled();

    await act(async () => useScreenPreferences.getState().setAwakeDuringSequence(true));
    expect(request).toHaveBeenCalledWith('screen');

    await act(async () => useActivityStore.getState().setSequenceRunning(false));
    expect(release).toHaveBeenCalled();
  });
});
