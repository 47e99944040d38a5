import { sequenceActivity } from './sequence-activity';
import type { EventConsumer } from './types';

export type { EventConsumer, EventConsumerContext } from './types';

/** Every consumer of live events, in the order they run. One line per consumer. */
export const eventConsumers: readonly EventConsumer[] = [sequenceActivity];
