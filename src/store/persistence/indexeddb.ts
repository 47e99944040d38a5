import type { StateStorage } from 'zustand/middleware';

/**
 * A zustand StateStorage on IndexedDB: roomier than localStorage (a night of HFR points and
 * guiding RMS does not fit its 5 MB comfortably) and asynchronous, so writes never block a frame.
 * Where IndexedDB is missing (private modes, tests) it keeps state in memory for the page's life.
 */
const DB_NAME = 'skydeck';
const STORE_NAME = 'state';

let database: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  database ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE_NAME);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
  });
  return database;
}

function run<T>(mode: IDBTransactionMode, operation: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const transaction = db.transaction(STORE_NAME, mode);
        const request = operation(transaction.objectStore(STORE_NAME));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
        // Commit now rather than when the transaction falls idle: a write made as the page is
        // hidden or reloaded (session-history flushes then) is otherwise dropped with the page.
        transaction.commit();
      }),
  );
}

function memoryStorage(): StateStorage {
  const values = new Map<string, string>();
  return {
    getItem: (name) => values.get(name) ?? null,
    setItem: (name, value) => void values.set(name, value),
    removeItem: (name) => void values.delete(name),
  };
}

export function indexedDbStorage(): StateStorage {
  if (typeof indexedDB === 'undefined') return memoryStorage();
  return {
    getItem: async (name) => {
      try {
        return ((await run('readonly', (store) => store.get(name))) as string | undefined) ?? null;
      } catch (error) {
        console.warn('[skydeck] could not read saved session history', error);
        return null;
      }
    },
    setItem: async (name, value) => {
      try {
        await run('readwrite', (store) => store.put(value, name));
      } catch (error) {
        console.warn('[skydeck] could not save session history', error);
      }
    },
    removeItem: async (name) => {
      try {
        await run('readwrite', (store) => store.delete(name));
      } catch (error) {
        console.warn('[skydeck] could not clear session history', error);
      }
    },
  };
}
