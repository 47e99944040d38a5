// NINA's own log (%LOCALAPPDATA%\NINA\Logs), kept in memory. The rig writes to it as things happen;
// `/application/logs` reads it back the way the plugin parses the newest log file.

import { formatDateTime, localOffsetMinutes } from '../wire/net-format';
import { Signal } from './device';
import type { SimClock } from './sim-clock';

export type LogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

export interface LogEntry {
  /** Raw text as NINA writes it: local time, four fractional digits, no offset. */
  timestamp: string;
  level: LogLevel;
  source: string;
  member: string;
  line: number;
  message: string;
}

/** Where a line comes from in NINA's source: file, member and line number. */
export interface LogOrigin {
  source: string;
  member: string;
  line: number;
}

/** Plenty for any client that asks for the last N lines; older lines are dropped like a rotated log. */
const MAX_ENTRIES = 20_000;

function logTimestamp(epochMs: number): string {
  const wallClockMs = epochMs + localOffsetMinutes(epochMs) * 60_000;
  const wholeSecondMs = Math.floor(wallClockMs / 1000) * 1000;
  const tenThousandths = Math.floor((wallClockMs - wholeSecondMs) * 10);
  return `${formatDateTime(wholeSecondMs, 'unspecified')}.${String(tenThousandths).padStart(4, '0')}`;
}

export class NinaLog {
  private readonly entries: LogEntry[] = [];
  /** Every line as it is written, with its instant: what a tail of the log file sees. */
  readonly written = new Signal<{ entry: LogEntry; atMs: number }>();

  constructor(private readonly clock: SimClock) {}

  write(level: LogLevel, origin: LogOrigin, message: string): void {
    const atMs = this.clock.nowMs();
    const entry: LogEntry = { timestamp: logTimestamp(atMs), level, ...origin, message };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    this.written.emit({ entry, atMs });
  }

  info(origin: LogOrigin, message: string): void {
    this.write('INFO', origin, message);
  }

  /** Oldest first. */
  all(): readonly LogEntry[] {
    return this.entries;
  }
}
