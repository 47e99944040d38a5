import { create } from 'zustand';
import { RingBuffer } from '../lib/ring-buffer';

/** About one busy night of events; older ones remain in NINA's own `/event-history`. */
export const EVENT_LOG_CAPACITY = 2_000;

export interface EventLogEntry {
  /** Increasing, unique within the page's life; React keys and ordering. */
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
  append: (batch: readonly NewEventLogEntry[]) => void;
  clear: () => void;
}

const ring = new RingBuffer<EventLogEntry>(EVENT_LOG_CAPACITY);
let nextId = 1;

export const useEventLogStore = create<EventLogState>()((set, get) => ({
  entries: [],
  totalAppended: 0,
  append: (batch) => {
    if (batch.length === 0) return;
    for (const entry of batch) ring.push({ ...entry, id: nextId++ });
    set({ entries: ring.toArray(), totalAppended: get().totalAppended + batch.length });
  },
  clear: () => {
    ring.clear();
    set({ entries: [], totalAppended: 0 });
  },
}));
