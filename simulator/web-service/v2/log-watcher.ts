// The plugin's NINALogMessageProcessor (notes §13.3): it tails NINA's log file, skips DEBUG and
// TRACE lines, and turns the messages matching its case-insensitive patterns into events with no
// data, timed at the log line.

import type { ApiContext } from './api-context';

const LOG_EVENTS: readonly { event: string; pattern: RegExp }[] = [
  { event: 'MOUNT-CENTER', pattern: /^Starting Category: Telescope, Item: Center, (?<extra>.+)$/i },
  { event: 'ERROR-AF', pattern: /^Autofocus failed to run(?<extra>.+)$/i },
  { event: 'ERROR-PLATESOLVE', pattern: /^ASTAP - Plate solve failed\./i },
];

export function startLogWatcher(context: ApiContext): void {
  const { rig, events } = context;
  rig.log.written.subscribe(({ entry, atMs }) => {
    if (entry.level === 'DEBUG' || entry.level === 'TRACE') return;
    for (const { event, pattern } of LOG_EVENTS) {
      if (pattern.test(entry.message)) events.sendAndAddEvent(event, {}, atMs);
    }
  });
}
