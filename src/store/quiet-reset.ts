import type { PersistOptions, PersistStorage } from 'zustand/middleware';

/**
 * zustand's persist writes every change, including the reset switchHistoryInstance does before it
 * loads the next NINA's history; that write lands first and the load then reads the empty state,
 * so the saved history is lost on every reload. Changes made inside `quietly` are not written.
 */
export function withQuietReset<S, P>(options: PersistOptions<S, P>): { options: PersistOptions<S, P>; quietly: (change: () => void) => void } {
  let quiet = false;
  const storage = options.storage;
  const wrapped: PersistStorage<P> | undefined = storage && {
    getItem: (name) => storage.getItem(name),
    setItem: (name, value) => (quiet ? undefined : storage.setItem(name, value)),
    removeItem: (name) => storage.removeItem(name),
  };
  return {
    options: { ...options, storage: wrapped },
    quietly: (change) => {
      quiet = true;
      try {
        change();
      } finally {
        quiet = false;
      }
    },
  };
}
