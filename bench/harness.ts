import type { Browser, Page } from '@playwright/test';
import { startServer, type RunningServer } from '../server/index';

/** A Skydeck server with its own simulated NINA (test controls on), for one benchmark scenario. */
export async function startBenchServer(simulator: { speed?: number; seed?: number } = {}): Promise<RunningServer & { sim: string }> {
  const server = await startServer({ port: 0, host: '127.0.0.1', build: false, simulator: { port: 0, testControls: true, ...simulator }, log: false });
  if (!server.simulatorUrl) throw new Error('the server did not start a simulator');
  return { ...server, sim: server.simulatorUrl };
}

export async function simJson<T>(simUrl: string, path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const response = await fetch(`${simUrl}${path}`, {
    method: init?.method ?? 'GET',
    headers: init?.body === undefined ? undefined : { 'content-type': 'application/json' },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Open a view and wait until Skydeck is talking to NINA. */
export async function openView(browser: Browser, server: RunningServer, path: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(`${server.url}${path}`);
  await page.locator('[data-testid="connection-badge"][data-state="open"]').waitFor({ timeout: 15_000 });
  return page;
}

/**
 * Make the page believe its tab is hidden, as a phone's browser does when the screen turns off:
 * the same visibilityState and event the app listens to.
 */
export async function hideTab(page: Page): Promise<void> {
  // A string, not a function: tsx would wrap the getters in a helper the page does not have.
  await page.evaluate(`
    Object.defineProperty(document, 'visibilityState', { configurable: true, get() { return 'hidden'; } });
    Object.defineProperty(document, 'hidden', { configurable: true, get() { return true; } });
    document.dispatchEvent(new Event('visibilitychange'));
  `);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SavedEventLog {
  totalAppended: number;
  entries: { name: string; source: string; receivedAtMs: number; ninaTime?: string; data: Record<string, unknown> }[];
}

/** The event log Skydeck saved in IndexedDB, as persisted (a string script: tsx would inject helpers into a function). */
export function readSavedEventLog(page: Page): Promise<SavedEventLog> {
  return page.evaluate(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('skydeck');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const read = (operation) => new Promise((resolve) => {
      const request = operation(db.transaction('state').objectStore('state'));
      request.onsuccess = () => resolve(request.result);
    });
    const keys = await read((store) => store.getAllKeys());
    const key = keys.find((candidate) => String(candidate).endsWith('history.event-log'));
    return JSON.parse(await read((store) => store.get(key))).state;
  })()`) as Promise<SavedEventLog>;
}
