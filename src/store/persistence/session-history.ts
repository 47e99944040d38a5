import { createJSONStorage, type PersistOptions, type StateStorage } from 'zustand/middleware';
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

const instanceStorage: StateStorage = {
  getItem: (name) => base.getItem(`${instance}|${name}`),
  setItem: (name, value) => base.setItem(`${instance}|${name}`, value),
  removeItem: (name) => base.removeItem(`${instance}|${name}`),
};

/** persist() options for a history store named `name`; its persisted state must be plain JSON. */
export function sessionHistoryOptions<S, P>(name: string, version: number, partialize: (state: S) => P): PersistOptions<S, P> {
  // Hydration waits for switchHistoryInstance, which knows which NINA the history belongs to.
  return { name: `history.${name}`, version, storage: createJSONStorage<P>(() => instanceStorage), partialize, skipHydration: true };
}

export function registerHistoryStore(store: HistoryStoreHandle): void {
  stores.add(store);
}

export function currentHistoryInstance(): string {
  return instance;
}

/** Called when Skydeck starts talking to a (different) NINA: load that instance's history. */
export async function switchHistoryInstance(id: string): Promise<void> {
  if (id === instance) return;
  instance = id;
  for (const store of stores) store.reset();
  await Promise.all([...stores].map((store) => store.rehydrate()));
}

/** "Clear session": forget this instance's history, in memory and on disk. */
export async function clearSessionHistory(): Promise<void> {
  for (const store of stores) store.reset();
  await Promise.all([...stores].map((store) => instanceStorage.removeItem(`history.${store.name}`)));
}
