// Requests per second Skydeck sends to NINA while nobody touches it: with the Overview open, with
// the Mount view open, and with the tab hidden (a phone in a pocket). Counted by the simulator.

import type { Browser } from '@playwright/test';
import { hideTab, openView, simJson, sleep, startBenchServer } from './harness';

export interface IdleLoadResult {
  scenario: string;
  requests: number;
  seconds: number;
  perSecond: number;
  targetPerSecond: number;
  paths: Record<string, number>;
}

const SETTLE_MS = 5_000;

async function measure(browser: Browser, scenario: string, path: string, hidden: boolean, seconds: number, targetPerSecond: number): Promise<IdleLoadResult> {
  const server = await startBenchServer();
  try {
    const page = await openView(browser, server, path);
    if (hidden) await hideTab(page);
    await sleep(SETTLE_MS);
    await fetch(`${server.sim}/__sim/requests`, { method: 'DELETE' });
    await sleep(seconds * 1000);
    const requests = await simJson<{ path: string }[]>(server.sim, '/__sim/requests');
    const paths: Record<string, number> = {};
    for (const request of requests) paths[request.path] = (paths[request.path] ?? 0) + 1;
    await page.close();
    return { scenario, requests: requests.length, seconds, perSecond: requests.length / seconds, targetPerSecond, paths };
  } finally {
    await server.close();
  }
}

export function runIdleLoad(browser: Browser, seconds = Number(process.env.IDLE_BENCH_SECONDS ?? 60)): Promise<IdleLoadResult[]> {
  // Each scenario has its own server and simulator, so the three run side by side.
  return Promise.all([
    measure(browser, 'Overview open', '/', false, seconds, 0.5),
    measure(browser, 'Mount view open', '/mount', false, seconds, 1.2),
    measure(browser, 'Tab hidden (Overview)', '/', true, seconds, 0.05),
  ]);
}
