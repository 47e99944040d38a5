import type { NewEventLogEntry } from '../store/event-log';
import { parseEventBody, type NinaEvent } from './schemas/events';

/**
 * `/event-history` is NINA's append-only record of events since the plugin loaded, oldest first
 * (notes §13.2). Live socket events, except IMAGE-PREPARED, are the same events as its rows, so a
 * row count ("cursor") tells which rows we have already seen live. After a socket outage the rows
 * past the cursor are exactly what we missed.
 */

export interface HistoryRow {
  name: string;
  time?: string;
  data: Record<string, unknown>;
  /** NINA's history mangles nested values (notes §13.2); set when some were dropped. */
  droppedNested: boolean;
}

/** Events NINA sends live but never stores in its history (notes §13.1). */
export const LIVE_ONLY_EVENTS: ReadonlySet<string> = new Set(['IMAGE-PREPARED']);

/**
 * Events that say what NINA is doing rather than that something happened, and lose nothing in
 * the history. Recovered from it they still reach the event consumers, or a sequence that
 * finished while the link was down would stay "running"; replaying the others would raise
 * alerts and chart points for old news.
 */
const STATE_EVENTS: ReadonlySet<string> = new Set(['SEQUENCE-STARTING', 'SEQUENCE-FINISHED']);

/** The event a recovered row still tells the consumers about, if it is a state event. */
export function recoveredStateEvent(row: HistoryRow): NinaEvent | undefined {
  if (!STATE_EVENTS.has(row.name)) return undefined;
  const parsed = parseEventBody({ Event: row.name, ...row.data });
  return parsed.ok ? parsed.event : undefined;
}

export function readHistoryRow(row: unknown): HistoryRow | undefined {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return undefined;
  const { Event: name, Time: time, ...rest } = row as Record<string, unknown>;
  if (typeof name !== 'string') return undefined;
  const data: Record<string, unknown> = {};
  let droppedNested = false;
  for (const [key, value] of Object.entries(rest)) {
    // Nested objects come back as {"Name":[],"Id":[]}: their values are gone, only the shape is left.
    if (value !== null && typeof value === 'object') droppedNested = true;
    else data[key] = value;
  }
  return { name, time: typeof time === 'string' ? time : undefined, data, droppedNested };
}

/**
 * Which history rows we missed: those past `cursor`, minus the newest ones that we also received
 * live since the socket reopened (the history request races with them). Returns the new cursor.
 * The first `inReplyAtLeast` live events arrived before the request was sent, so the reply holds
 * them. Rows carry no ids, so the overlap is found by names; when the reply could end with live
 * events of the same names or not (two AUTOFOCUS-POINT-ADDED in a row, the second arriving while
 * the reply travelled), `ambiguous` says so and the caller asks again.
 */
export function reconcileHistory(
  rows: readonly HistoryRow[],
  cursor: number,
  liveNamesSinceOpen: readonly string[],
  inReplyAtLeast = 0,
): { missed: HistoryRow[]; cursor: number; ambiguous: boolean } {
  // A history shorter than what we had seen means NINA restarted: every row is new to us.
  const start = cursor > rows.length ? 0 : Math.max(cursor, 0);
  const unseen = rows.slice(start);
  const fits = (overlap: number) => unseen.slice(unseen.length - overlap).every((row, i) => row.name === liveNamesSinceOpen[i]);
  const candidates: number[] = [];
  for (let overlap = Math.min(unseen.length, liveNamesSinceOpen.length); overlap >= 0; overlap -= 1) if (fits(overlap)) candidates.push(overlap);
  const sure = candidates.filter((overlap) => overlap >= inReplyAtLeast);
  // If even the events sent before the request do not fit, NINA's order surprised us: take the longest fit.
  const choices = sure.length > 0 ? sure : candidates;
  const overlap = choices[0] ?? 0;
  return {
    missed: unseen.slice(0, unseen.length - overlap),
    cursor: rows.length + (liveNamesSinceOpen.length - overlap),
    ambiguous: choices.length > 1,
  };
}

export function historyRowToEntry(row: HistoryRow, receivedAtMs: number): NewEventLogEntry {
  return {
    name: row.name,
    receivedAtMs,
    ninaTime: row.time,
    source: 'history',
    data: row.data,
    problem: row.droppedNested ? "NINA's event history does not keep nested values; they were shown live only" : undefined,
  };
}
