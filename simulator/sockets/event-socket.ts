// /v2/socket (WebSocketV2.cs): every event is broadcast to all clients as a Newtonsoft envelope
// and, except IMAGE-PREPARED, stored for GET /event-history (notes §13).

import type { SimClock } from '../rig/sim-clock';
import { historyRow } from '../wire/newtonsoft-round-trip';
import { dateTimeLocal, hashtable, type NetHashtable, type NetValue } from '../wire/net-values';
import { toNewtonsoft } from '../wire/serializer';
import type { ChannelHandler, SocketHub } from './socket-hub';

export class EventSocket implements ChannelHandler {
  private readonly rows: NetHashtable[] = [];
  /**
   * Toggled by `enable-consumer-events` / `disable-consumer-events`. It changes nothing: the
   * plugin's SendConsumerEvent returns before looking at it, so *-INFO-UPDATED is never sent.
   */
  consumerEventsEnabled = false;

  constructor(
    private readonly hub: SocketHub,
    private readonly clock: SimClock,
  ) {}

  /** Client messages get no reply; only the two consumer-event texts are recognised at all. */
  onMessage(_client: unknown, text: string): void {
    if (text === 'enable-consumer-events') this.consumerEventsEnabled = true;
    if (text === 'disable-consumer-events') this.consumerEventsEnabled = false;
  }

  /**
   * WebSocketV2.SendAndAddEvent. Live events carry no Time; the history copy does (the event's
   * time, or the log line's for log-scraped events). IMAGE-SAVE rows keep only Event and Time.
   */
  sendAndAddEvent(event: string, data: Record<string, NetValue> = {}, timeMs: number = this.clock.nowMs()): void {
    if (event !== 'IMAGE-PREPARED') {
      const stored = event === 'IMAGE-SAVE' ? {} : data;
      this.rows.push(historyRow({ Event: event, Time: dateTimeLocal(timeMs), ...stored }));
    }
    const envelope = { Response: hashtable({ Event: event, ...data }), Error: '', StatusCode: 200, Success: true, Type: 'Socket' };
    this.hub.broadcast('/v2/socket', toNewtonsoft(envelope));
  }

  /** Oldest first, never trimmed. */
  history(): readonly NetHashtable[] {
    return this.rows;
  }
}
