// The simulator sends 500 events/s on /v2/socket for 30 s while Skydeck is open. Measured in the
// page: main-thread long tasks over 50 ms (PerformanceObserver), React commits per second (counted
// through the hook React itself calls for developer tools), and whether the bounded event log kept
// every one of the newest events (read back from the log Skydeck saves in IndexedDB).

import type { Browser } from '@playwright/test';
import { EVENT_LOG_CAPACITY } from '../src/store/event-log';
import { readSavedEventLog, simJson, sleep, startBenchServer } from './harness';

export interface StormResult {
  view: string;
  sent: number;
  longTasks: number;
  longestTaskMs: number;
  commitsPerSecond: number;
  missing: number;
}

const RATE_PER_S = Number(process.env.STORM_RATE ?? 500);
const DURATION_S = Number(process.env.STORM_SECONDS ?? 30);

async function storm(browser: Browser, view: string, path: string): Promise<StormResult> {
  const server = await startBenchServer();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // Strings, not functions: tsx would wrap named functions in a helper the page does not have.
    await page.addInitScript(`
      const counters = { commits: 0, longTasks: [] };
      window.benchCounters = counters;
      // React reports every commit to this hook when it exists (it is how its developer tools work).
      window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
        supportsFiber: true,
        renderers: new Map(),
        inject() { return 1; },
        onScheduleFiberRoot() {},
        onCommitFiberRoot() { counters.commits += 1; },
        onCommitFiberUnmount() {},
        onPostCommitFiberRoot() {},
        checkDCE() {},
      };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) counters.longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    `);
    await page.goto(`${server.url}${path}`);
    await page.locator('[data-testid="connection-badge"][data-state="open"]').waitFor({ timeout: 15_000 });
    await sleep(3_000);
    await page.evaluate(() => {
      const counters = (window as unknown as { benchCounters: { commits: number; longTasks: number[] } }).benchCounters;
      counters.commits = 0;
      counters.longTasks.length = 0;
    });
    const { total } = await simJson<{ total: number }>(server.sim, '/__sim/events/storm', { method: 'POST', body: { ratePerS: RATE_PER_S, durationS: DURATION_S } });
    await sleep(DURATION_S * 1000);
    while ((await simJson<{ running: boolean }>(server.sim, '/__sim/events/storm')).running) await sleep(200);
    const counters = await page.evaluate(() => (window as unknown as { benchCounters: { commits: number; longTasks: number[] } }).benchCounters);
    // The log is saved at most every 2 s; hiding the page saves it at once.
    await sleep(3_000);
    const numbers = (await readSavedEventLog(page)).entries.filter((entry) => entry.name === 'BENCH-STORM').map((entry) => Number(entry.data.N ?? -1));
    const expected = Math.min(total, EVENT_LOG_CAPACITY - 50);
    const kept = new Set(numbers);
    let missing = 0;
    for (let n = total - expected; n < total; n += 1) if (!kept.has(n)) missing += 1;
    await page.close();
    return {
      view,
      sent: total,
      longTasks: counters.longTasks.filter((duration) => duration > 50).length,
      longestTaskMs: Math.max(0, ...counters.longTasks),
      commitsPerSecond: counters.commits / DURATION_S,
      missing,
    };
  } finally {
    await server.close();
  }
}

export async function runEventStorm(browser: Browser): Promise<StormResult[]> {
  return [await storm(browser, 'Overview', '/'), await storm(browser, 'Events', '/events')];
}
