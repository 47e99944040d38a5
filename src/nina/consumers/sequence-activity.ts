import { useActivityStore } from '../../store/activity';
import type { EventConsumer } from './types';

/** SEQUENCE-STARTING / SEQUENCE-FINISHED tell other views to ask before taking manual control. */
export const sequenceActivity: EventConsumer = (events) => {
  for (const event of events) {
    if (event.name === 'SEQUENCE-STARTING') useActivityStore.getState().setSequenceRunning(true);
    if (event.name === 'SEQUENCE-FINISHED') useActivityStore.getState().setSequenceRunning(false);
  }
};
