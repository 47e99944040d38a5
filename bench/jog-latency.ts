// How long a press and a release take to reach NINA's /v2/mount, as the simulator sees them: from
// the browser's own pointerdown/pointerup event time to the moment the simulator receives the move
// frame and the stop frame. Both clocks are this machine's wall clock.

import type { Browser } from '@playwright/test';
import { percentile } from './browser';
import { openView, simJson, startBenchServer } from './harness';

const HOLD_MS = 150;
const PAUSE_MS = 150;

interface Frame {
  atMs: number;
  source: string;
  direction: string | null;
  rateDegPerS: number | null;
}

export interface LatencyStats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export interface JogLatencyResult {
  presses: number;
  press: LatencyStats;
  release: LatencyStats;
  unmatched: number;
}

function stats(values: number[]): LatencyStats {
  const seen = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  return { n: seen.length, p50: percentile(seen, 50), p95: percentile(seen, 95), max: Math.max(...seen) };
}

export async function runJogLatency(browser: Browser, presses = Number(process.env.JOG_BENCH_PRESSES ?? 100)): Promise<JogLatencyResult> {
  const server = await startBenchServer();
  try {
    const page = await openView(browser, server, '/mount');
    await page.locator('[data-testid="jog-pad"][data-link="open"]').waitFor();
    const north = page.getByRole('button', { name: 'Jog north' });
    await page.waitForFunction(() => !(document.querySelector('[aria-label="Jog north"]') as HTMLButtonElement | null)?.disabled);
    await fetch(`${server.sim}/__sim/mount/axes`, { method: 'DELETE' });
    await page.evaluate(() => {
      const times: { type: string; atMs: number }[] = [];
      (window as unknown as { pointerTimes: typeof times }).pointerTimes = times;
      for (const type of ['pointerdown', 'pointerup']) {
        window.addEventListener(type, (event) => times.push({ type, atMs: performance.timeOrigin + event.timeStamp }), { capture: true });
      }
    });

    await north.hover();
    for (let i = 0; i < presses; i += 1) {
      await page.mouse.down();
      await page.waitForTimeout(HOLD_MS);
      await page.mouse.up();
      await page.waitForTimeout(PAUSE_MS);
    }
    await page.waitForTimeout(500);

    const pointerTimes = await page.evaluate(() => (window as unknown as { pointerTimes: { type: string; atMs: number }[] }).pointerTimes);
    const frames = (await simJson<{ frames: Frame[] }>(server.sim, '/__sim/mount/axes')).frames.filter(
      (frame) => frame.source === 'frame' && frame.direction === 'north',
    );
    // Each browser event against the first matching frame the simulator received after it.
    const latencies = (type: string, wanted: (frame: Frame) => boolean) =>
      pointerTimes
        .filter((event) => event.type === type)
        .map((event) => {
          const frame = frames.find((candidate) => candidate.atMs >= event.atMs - 1 && wanted(candidate));
          return frame ? frame.atMs - event.atMs : Number.NaN;
        });
    const pressMs = latencies('pointerdown', (frame) => (frame.rateDegPerS ?? 0) > 0);
    const releaseMs = latencies('pointerup', (frame) => frame.rateDegPerS === 0);
    await page.close();
    return {
      presses,
      press: stats(pressMs),
      release: stats(releaseMs),
      unmatched: [...pressMs, ...releaseMs].filter((value) => Number.isNaN(value)).length,
    };
  } finally {
    await server.close();
  }
}
