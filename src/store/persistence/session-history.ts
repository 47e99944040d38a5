import { createJSONStorage, type PersistOptions, type PersistStorage, type StateStorage, type StorageValue } from 'zustand/middleware';
import { indexedDbStorage } from './indexeddb';

/**
 * Session history (HFR points, autofocus runs, guiding RMS, polar-alignment readings) is kept per
 * NINA instance: two rigs never mix their nights. Each history store persists through
 * `sessionHistoryOptions` and registers itself, so switching the NINA address empties every
 * store and loads that instance's saved history, and "Clear session" empties them all.
 */

export interface HistoryStoreHandle {
  name: string;
  reset: () => void;
  rehydrate: () => Promise<void> | void;
}

const base = indexedDbStorage();
const stores = new Set<HistoryStoreHandle>();
let instance = 'default';
/** The loads of the current instance's history still under way. */
let loading: Promise<void> = Promise.resolve();

const instanceStorage: StateStorage = {
  getItem: (name) => base.getItem(`${instance}|${name}`),
  setItem: (name, value) => base.setItem(`${instance}|${name}`, value),
  removeItem: (name) => base.removeItem(`${instance}|${name}`),
};

/**
 * Writes the latest value of each key at most once per `intervalMs`, and at once when the page is
 * hidden or closed: a phone's browser may discard a hidden tab without warning.
 */
const pendingWrites = new Map<string, { instance: string; value: unknown }>();
let flushTimer: ReturnType<typeof setTimeout> | undefined;

function flushPendingWrites(): void {
  clearTimeout(flushTimer);
  flushTimer = undefined;
  for (const [name, { instance: owner, value }] of pendingWrites) void base.setItem(`${owner}|${name}`, JSON.stringify(value));
  pendingWrites.clear();
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', flushPendingWrites);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushPendingWrites();
  });
}

function throttledStorage<P>(intervalMs: number): PersistStorage<P> {
  const json = createJSONStorage<P>(() => instanceStorage)!;
  return {
    getItem: json.getItem,
    removeItem: (name) => {
      pendingWrites.delete(name);
      return json.removeItem(name);
    },
    // Serialized when written, not on every change: a log of 2000 entries changes with every event.
    setItem: (name, value: StorageValue<P>) => {
      pendingWrites.set(name, { instance, value });
      flushTimer ??= setTimeout(flushPendingWrites, intervalMs);
    },
  };
}

export interface SessionHistoryPersistence {
  /** Write at most this often (the latest state wins), for stores that change many times a second. */
  throttleMs?: number;
}

/** persist() options for a history store named `name`; its persisted state must be plain JSON. */
export function sessionHistoryOptions<S, P>(
  name: string,
  version: number,
  partialize: (state: S) => P,
  { throttleMs }: SessionHistoryPersistence = {},
): PersistOptions<S, P> {
  const storage = throttleMs ? throttledStorage<P>(throttleMs) : createJSONStorage<P>(() => instanceStorage);
  // registerHistoryStore loads it for the NINA in use, switchHistoryInstance for the next one.
  return { name: `history.${name}`, version, storage, partialize, skipHydration: true };
}

/**
 * A store loads the current NINA's history as soon as it exists (at start-up, or with its view);
 * switchHistoryInstance waits for those loads, so live events never race a saved log still loading.
 */
export function registerHistoryStore(store: HistoryStoreHandle): void {
  stores.add(store);
  loading = Promise.all([loading, store.rehydrate()]).then(() => undefined);
}

export function currentHistoryInstance(): string {
  return instance;
}

/** Called when Skydeck starts talking to a (different) NINA: load that instance's history. */
export function switchHistoryInstance(id: string): Promise<void> {
  if (id === instance) return loading;
  flushPendingWrites();
  instance = id;
  for (const store of stores) store.reset();
  loading = Promise.all([...stores].map((store) => store.rehydrate())).then(() => undefined);
  return loading;
}

/** "Clear session": forget this instance's history, in memory and on disk. */
export async function clearSessionHistory(): Promise<void> {
  for (const store of stores) store.reset();
  pendingWrites.clear();
  await Promise.all([...stores].map((store) => instanceStorage.removeItem(`history.${store.name}`)));
}
