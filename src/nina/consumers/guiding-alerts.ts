import { QueryObserver } from '@tanstack/react-query';
import { useActivityStore } from '../../store/activity';
import { useAlertsStore } from '../../store/alerts';
import { guiderInfoQuery, stopRequestedRecently } from '../api/guider';
import type { EventConsumer, EventConsumerContext } from './types';

/**
 * Guiding that fails during a sequence ruins every frame until someone notices: GUIDER-STOP, or
 * PHD2's LostLock state (which has no event, notes §9), raise an alert while a sequence runs.
 */

/** While a sequence runs, guider/info is read this often whatever view is open. */
export const LOST_LOCK_POLL_MS = 5_000;
/** A stop sent from this page this recently is the user's own, not an alarm. */
export const OWN_STOP_WINDOW_MS = 60_000;

const SOURCE = 'guiding';

let lostLockWatch: { baseUrl: string; stop: () => void } | undefined;

/** Reads PHD2's state for as long as the sequence runs; other views' reads of it count too. */
function watchForLostLock({ http, queryClient }: EventConsumerContext): void {
  if (lostLockWatch?.baseUrl === http.baseUrl) return;
  lostLockWatch?.stop();
  const observer = new QueryObserver(queryClient, { ...guiderInfoQuery(http), refetchInterval: LOST_LOCK_POLL_MS });
  let previousState: string | undefined;
  const unsubscribe = observer.subscribe(({ data }) => {
    if (!data) return;
    const state = data.State;
    if (state === 'LostLock' && previousState !== 'LostLock' && useActivityStore.getState().sequenceRunning) {
      useAlertsStore.getState().push({
        severity: 'error',
        title: 'Guide star lost',
        detail: 'PHD2 lost the guide star while the sequence runs: frames trail until it finds the star again.',
        source: SOURCE,
      });
    }
    previousState = state;
  });
  // However the sequence comes to be seen as over (its event, a switch to another NINA), stop reading.
  const unsubscribeActivity = useActivityStore.subscribe((activity) => {
    if (!activity.sequenceRunning) stopWatching();
  });
  lostLockWatch = {
    baseUrl: http.baseUrl,
    stop: () => {
      unsubscribe();
      unsubscribeActivity();
    },
  };
}

function stopWatching(): void {
  lostLockWatch?.stop();
  lostLockWatch = undefined;
}

export const guidingAlerts: EventConsumer = (events, context) => {
  // sequence-activity has already applied this batch: a GUIDER-STOP that arrives together with
  // SEQUENCE-FINISHED is the sequence ending, not an alarm.
  const sequenceRunning = useActivityStore.getState().sequenceRunning;
  for (const event of events) {
    if (event.name === 'SEQUENCE-STARTING' && sequenceRunning) watchForLostLock(context);
    if (event.name === 'SEQUENCE-FINISHED') stopWatching();
    if (event.name === 'GUIDER-STOP' && sequenceRunning && !stopRequestedRecently(context.queryClient, context.http.baseUrl, Date.now(), OWN_STOP_WINDOW_MS)) {
      useAlertsStore.getState().push({
        severity: 'warning',
        title: 'Guiding stopped during the sequence',
        detail: 'NINA stopped guiding. Unless the sequence starts it again (after autofocus or a meridian flip), frames will trail.',
        source: SOURCE,
      });
    }
  }
  if (!sequenceRunning) stopWatching();
};
