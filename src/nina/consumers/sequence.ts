import { useActivityStore } from '../../store/activity';
import { ninaKeys } from '../api/keys';
import type { EventConsumer } from './types';

const SEQUENCE_EVENTS: ReadonlySet<string> = new Set(['SEQUENCE-STARTING', 'SEQUENCE-FINISHED', 'SEQUENCE-ENTITY-FAILED']);

/**
 * Rereads the sequence tree when NINA's sequencer says something happened, and after each saved
 * frame while a sequence runs, so statuses and frame counts move at once rather than on the next
 * poll. Only a tree someone is looking at is fetched again.
 */
export const sequenceEvents: EventConsumer = (events, { http, queryClient }) => {
  const relevant = events.some(
    (event) => SEQUENCE_EVENTS.has(event.name) || (event.name === 'IMAGE-SAVE' && useActivityStore.getState().sequenceRunning),
  );
  if (relevant) void queryClient.invalidateQueries({ queryKey: ninaKeys.sequenceTree(http.baseUrl) });
};
