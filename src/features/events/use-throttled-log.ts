import { useState, useSyncExternalStore } from 'react';
import { useEventLogStore } from '../../store/event-log';

type LogState = ReturnType<typeof useEventLogStore.getState>;

/** The event log store seen through a throttle: its snapshot moves on at most every `intervalMs`. */
function throttledLog(intervalMs: number) {
  let snapshot: LogState = useEventLogStore.getState();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastMs = 0;
  return {
    getSnapshot: () => snapshot,
    subscribe: (notify: () => void) => {
      // Whatever changed while nobody listened; React reads the snapshot again after subscribing.
      snapshot = useEventLogStore.getState();
      const unsubscribe = useEventLogStore.subscribe(() => {
        if (timer !== undefined) return;
        timer = setTimeout(
          () => {
            timer = undefined;
            lastMs = Date.now();
            snapshot = useEventLogStore.getState();
            notify();
          },
          Math.max(0, lastMs + intervalMs - Date.now()),
        );
      });
      return () => {
        unsubscribe();
        clearTimeout(timer);
        timer = undefined;
      };
    },
  };
}

/**
 * The event log at most every `intervalMs`: in a storm NINA sends hundreds of events a second,
 * and redrawing the list for each batch keeps the main thread busy for nothing a reader can
 * follow. The newest state always arrives within one interval.
 */
export function useThrottledEventLog(intervalMs: number): LogState {
  const [log] = useState(() => throttledLog(intervalMs));
  return useSyncExternalStore(log.subscribe, log.getSnapshot);
}
