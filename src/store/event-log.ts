import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { RingBuffer } from '../lib/ring-buffer';
import { registerHistoryStore, sessionHistoryOptions } from './persistence/session-history';
import { withQuietReset } from './quiet-reset';

/** About one busy night of events; older ones remain in NINA's own `/event-history`. */
export const EVENT_LOG_CAPACITY = 2_000;
/** The log changes with every event; saving it more often than this buys nothing. */
const EVENT_LOG_SAVE_INTERVAL_MS = 2_000;

export interface EventLogEntry {
  /** Increasing and unique for this NINA's saved log; React keys and ordering. */
  id: number;
  name: string;
  /** When Skydeck received it (epoch ms). */
  receivedAtMs: number;
  /** NINA's own timestamp, present on rows recovered from `/event-history` (local time with offset). */
  ninaTime?: string;
  source: 'live' | 'history';
  data: Readonly<Record<string, unknown>>;
  /** Set when the payload could not be read as expected; the entry is kept so nothing is lost. */
  problem?: string;
  /** An event name this Skydeck has no schema for. */
  unknown?: boolean;
}

export type NewEventLogEntry = Omit<EventLogEntry, 'id'>;

interface EventLogState {
  entries: readonly EventLogEntry[];
  /** Total ever appended, so a view can tell how many scrolled out of the bounded log. */
  totalAppended: number;
  /**
   * How many of NINA's `/event-history` rows this log accounts for. Saved with the log, so after a
   * reload only the rows past it are new (see nina/event-history.ts).
   */
  historyCursor: number;
  append: (batch: readonly NewEventLogEntry[]) => void;
  setHistoryCursor: (cursor: number) => void;
  clear: () => void;
}

type SavedEventLog = Pick<EventLogState, 'entries' | 'totalAppended' | 'historyCursor'>;

const ring = new RingBuffer<EventLogEntry>(EVENT_LOG_CAPACITY);
let nextId = 1;

const persistence = withQuietReset(
  sessionHistoryOptions<EventLogState, SavedEventLog>(
    'event-log',
    1,
    ({ entries, totalAppended, historyCursor }) => ({ entries, totalAppended, historyCursor }),
    { throttleMs: EVENT_LOG_SAVE_INTERVAL_MS },
  ),
);

export const useEventLogStore = create<EventLogState>()(
  persist(
    (set, get) => ({
      entries: [],
      totalAppended: 0,
      historyCursor: 0,
      append: (batch) => {
        if (batch.length === 0) return;
        for (const entry of batch) ring.push({ ...entry, id: nextId++ });
        set({ entries: ring.toArray(), totalAppended: get().totalAppended + batch.length });
      },
      setHistoryCursor: (historyCursor) => set({ historyCursor }),
      clear: () => {
        ring.clear();
        set({ entries: [], totalAppended: 0, historyCursor: 0 });
      },
    }),
    {
      ...persistence.options,
      merge: (persisted, current) => {
        const saved = persisted as Partial<SavedEventLog> | undefined;
        if (!saved || !Array.isArray(saved.entries)) return current;
        // Events that arrived before the saved log loaded go after it.
        const arrivedMeanwhile = current.entries;
        ring.clear();
        ring.pushAll(saved.entries);
        nextId = saved.entries.reduce((max, entry) => Math.max(max, entry.id), 0) + 1;
        for (const entry of arrivedMeanwhile) ring.push({ ...entry, id: nextId++ });
        return {
          ...current,
          entries: ring.toArray(),
          totalAppended: (saved.totalAppended ?? saved.entries.length) + arrivedMeanwhile.length,
          historyCursor: saved.historyCursor ?? 0,
        };
      },
    },
  ),
);

registerHistoryStore({
  name: 'event-log',
  reset: () => persistence.quietly(() => useEventLogStore.getState().clear()),
  rehydrate: () => useEventLogStore.persist.rehydrate(),
});
