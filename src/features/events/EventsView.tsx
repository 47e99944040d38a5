import { memo, useId, useMemo, useState } from 'react';
import { Button } from '../../components/Button';
import { StatusPill } from '../../components/StatusPill';
import { formatClockTime } from '../../lib/format';
import { EVENT_LOG_CAPACITY, type EventLogEntry } from '../../store/event-log';
import { eventTone, summarizeData } from './event-presentation';
import { useThrottledEventLog } from './use-throttled-log';

/** Rows rendered at once; "Show more" adds another page. Keeps a storm of events cheap to draw. */
const PAGE_SIZE = 200;

const EventRow = memo(function EventRow({ entry }: { entry: EventLogEntry }) {
  const summary = summarizeData(entry.data);
  return (
    <li className="grid grid-cols-[4.5rem_minmax(0,1fr)] gap-x-3 border-b border-border/60 py-2 text-sm" data-event={entry.name}>
      <time className="pt-0.5 font-mono text-xs text-muted" dateTime={new Date(entry.receivedAtMs).toISOString()} title={entry.ninaTime ? `NINA time ${entry.ninaTime}` : undefined}>
        {formatClockTime(entry.ninaTime ? Date.parse(entry.ninaTime) || entry.receivedAtMs : entry.receivedAtMs)}
      </time>
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <StatusPill tone={eventTone(entry)}>{entry.name}</StatusPill>
          {entry.source === 'history' ? <span className="text-xs text-muted">from NINA’s history</span> : null}
          {entry.unknown ? <span className="text-xs text-muted">unknown to Skydeck</span> : null}
        </div>
        {summary ? <p className="mt-1 break-words text-muted">{summary}</p> : null}
        {entry.problem ? <p className="mt-1 break-words text-warn">{entry.problem}</p> : null}
      </div>
    </li>
  );
});

/** The list is redrawn at most this often, however fast events arrive. */
const LOG_REDRAW_MS = 250;

export function EventsView() {
  const { entries, totalAppended } = useThrottledEventLog(LOG_REDRAW_MS);
  const [filter, setFilter] = useState('');
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const filterId = useId();
  const searchId = useId();

  const names = useMemo(() => {
    const counts = new Map<string, number>();
    for (const entry of entries) counts.set(entry.name, (counts.get(entry.name) ?? 0) + 1);
    return [...counts].sort(([a], [b]) => a.localeCompare(b));
  }, [entries]);

  const matching = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const result: EventLogEntry[] = [];
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const entry = entries[i] as EventLogEntry;
      if (filter && entry.name !== filter) continue;
      if (needle && !`${entry.name} ${summarizeData(entry.data)} ${entry.problem ?? ''}`.toLowerCase().includes(needle)) continue;
      result.push(entry);
    }
    return result;
  }, [entries, filter, search]);

  const dropped = Math.max(0, totalAppended - EVENT_LOG_CAPACITY);

  return (
    <div className="mx-auto max-w-4xl space-y-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex flex-col gap-1 sm:w-64">
          <label htmlFor={filterId} className="text-xs text-muted">
            Event type
          </label>
          <select
            id={filterId}
            value={filter}
            onChange={(event) => {
              setFilter(event.target.value);
              setLimit(PAGE_SIZE);
            }}
            className="min-h-11 rounded-lg border border-border bg-surface-2 px-3 text-sm"
          >
            <option value="">All types ({entries.length})</option>
            {names.map(([name, count]) => (
              <option key={name} value={name}>
                {name} ({count})
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-1 flex-col gap-1">
          <label htmlFor={searchId} className="text-xs text-muted">
            Search
          </label>
          <input
            id={searchId}
            type="search"
            value={search}
            placeholder="Filter name, target, error text…"
            onChange={(event) => setSearch(event.target.value)}
            className="min-h-11 rounded-lg border border-border bg-surface-2 px-3 text-sm"
          />
        </div>
      </div>
      <p className="text-xs text-muted" aria-live="polite">
        {matching.length} of {entries.length} events, newest first.
        {dropped > 0 ? ` ${dropped} older events no longer kept here; NINA keeps them all in its event history.` : ''}
      </p>
      {matching.length === 0 ? (
        <p className="rounded-xl border border-border bg-surface p-4 text-sm text-muted">
          {entries.length === 0 ? 'No events yet. They appear here as NINA sends them.' : 'No event matches.'}
        </p>
      ) : (
        <ol aria-label="Event log" className="rounded-xl border border-border bg-surface px-3">
          {matching.slice(0, limit).map((entry) => (
            <EventRow key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
      {matching.length > limit ? (
        <Button onClick={() => setLimit((value) => value + PAGE_SIZE)}>Show {Math.min(PAGE_SIZE, matching.length - limit)} more</Button>
      ) : null}
    </div>
  );
}
