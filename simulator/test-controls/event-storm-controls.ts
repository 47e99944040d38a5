// /__sim/events/storm: a burst of /v2/socket events at a steady rate, for the event-storm
// benchmark. It runs on real time (it loads the client, not the simulated rig) and numbers each
// event (`N`) so a client can prove none went missing.

import { z } from 'zod';
import type { EventSocket } from '../sockets/event-socket';
import { int } from '../wire/net-values';
import { ControlError, validate } from './control-error';

const stormSchema = z.strictObject({
  ratePerS: z.number().positive().max(5_000),
  durationS: z.number().positive().max(600),
  event: z.string().min(1).optional(),
});

/** Events go out in small batches on a 10 ms tick, so the rate holds without a timer per event. */
const TICK_MS = 10;

export function eventStormControls(events: EventSocket) {
  let sent = 0;
  let running = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  const start = ({ ratePerS, durationS, event = 'BENCH-STORM' }: z.infer<typeof stormSchema>) => {
    if (running) throw new ControlError(409, 'A storm is already running');
    sent = 0;
    running = true;
    const total = Math.round(ratePerS * durationS);
    const startedMs = performance.now();
    timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - startedMs) / 1000) * ratePerS));
      for (; sent < due; sent += 1) events.sendAndAddEvent(event, { N: int(sent) });
      if (sent >= total) {
        clearInterval(timer);
        running = false;
      }
    }, TICK_MS);
    timer.unref?.();
    return { ok: true, total };
  };

  return [
    {
      method: 'POST',
      pattern: /^\/__sim\/events\/storm$/,
      handler: (body: Buffer) => start(validate(stormSchema, body.length === 0 ? {} : JSON.parse(body.toString('utf8')))),
    },
    { method: 'GET', pattern: /^\/__sim\/events\/storm$/, handler: () => ({ running, sent }) },
  ];
}
