import { useEffect } from 'react';

/**
 * Keeps the screen on while `active` (Screen Wake Lock API). Browsers drop the lock when the tab
 * is hidden, so it is taken again when the page comes back. Where the API is missing or refused,
 * nothing happens: the screen may dim, which is all the harm there is.
 */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active || !('wakeLock' in navigator)) return;
    let lock: WakeLockSentinel | undefined;
    let released = false;
    const acquire = async () => {
      if (released || document.visibilityState !== 'visible' || (lock && !lock.released)) return;
      try {
        lock = await navigator.wakeLock.request('screen');
        if (released) void lock.release();
      } catch (error) {
        console.info('[skydeck] the screen wake lock was refused', error);
      }
    };
    const onVisibility = () => void acquire();
    void acquire();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      released = true;
      document.removeEventListener('visibilitychange', onVisibility);
      void lock?.release();
    };
  }, [active]);
}
