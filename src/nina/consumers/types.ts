import type { QueryClient } from '@tanstack/react-query';
import type { NinaHttp } from '../http';
import type { NinaEvent } from '../schemas/events';

export interface EventConsumerContext {
  http: NinaHttp;
  queryClient: QueryClient;
}

/**
 * Turns a batch of live `/v2/socket` events (one animation frame's worth, oldest first) into
 * store updates or cache changes. Runs after the event log and the equipment snapshot are
 * updated. A consumer that throws is logged and skipped; the others still run.
 */
export type EventConsumer = (events: readonly NinaEvent[], context: EventConsumerContext) => void;
