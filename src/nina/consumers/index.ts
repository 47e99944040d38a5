import { autofocusRuns } from './autofocus';
import { guidingAlerts } from './guiding-alerts';
import { hfrHistory } from './hfr-history';
import { imageActivity } from './image-activity';
import { liveStack } from './livestack';
import { eventAlerts } from './event-alerts';
import { sequenceActivity } from './sequence-activity';
import { sequenceEvents } from './sequence';
import type { EventConsumer } from './types';

export type { EventConsumer, EventConsumerContext } from './types';

/** Every consumer of live events, in the order they run. One line per consumer. */
export const eventConsumers: readonly EventConsumer[] = [sequenceActivity, guidingAlerts, autofocusRuns, eventAlerts, imageActivity, hfrHistory, liveStack, sequenceEvents];
