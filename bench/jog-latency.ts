// npm run bench:jog — how long a press and a release take to reach NINA's /v2/mount, as the
// simulator sees them: from the browser's own pointerdown/pointerup event time to the moment the
// simulator receives the move frame and the stop frame. Both clocks are this machine's wall clock.

import { startServer } from '../server/index';
import { launchChromium, percentile, printTable } from './browser';

const PRESSES = Number(process.env.JOG_BENCH_PRESSES ?? 100);
const HOLD_MS = 150;
const PAUSE_MS = 150;

interface Frame {
  atMs: number;
  source: string;
  direction: string | null;
  rateDegPerS: number | null;
}

const server = await startServer({ port: 0, host: '127.0.0.1', simulator: { port: 0, testControls: true }, log: false });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${server.url}/mount`);
  await page.locator('[data-testid="jog-pad"][data-link="open"]').waitFor();
  const north = page.getByRole('button', { name: 'Jog north' });
  await north.waitFor();
  await page.waitForFunction(() => !(document.querySelector('[aria-label="Jog north"]') as HTMLButtonElement).disabled);
  await fetch(`${server.simulatorUrl}/__sim/mount/axes`, { method: 'DELETE' });
  await page.evaluate(() => {
    const times: { type: string; atMs: number }[] = [];
    (window as unknown as { pointerTimes: typeof times }).pointerTimes = times;
    for (const type of ['pointerdown', 'pointerup']) {
      window.addEventListener(type, (event) => times.push({ type, atMs: performance.timeOrigin + event.timeStamp }), { capture: true });
    }
  });

  await north.hover();
  for (let i = 0; i < PRESSES; i += 1) {
    await page.mouse.down();
    await page.waitForTimeout(HOLD_MS);
    await page.mouse.up();
    await page.waitForTimeout(PAUSE_MS);
  }
  await page.waitForTimeout(500);

  const pointerTimes = await page.evaluate(() => (window as unknown as { pointerTimes: { type: string; atMs: number }[] }).pointerTimes);
  const report = (await (await fetch(`${server.simulatorUrl}/__sim/mount/axes`)).json()) as { frames: Frame[] };
  const frames = report.frames.filter((frame) => frame.source === 'frame' && frame.direction === 'north');

  const latencies = (type: string, isWanted: (frame: Frame) => boolean) =>
    pointerTimes
      .filter((event) => event.type === type)
      .map((event) => frames.find((frame) => frame.atMs >= event.atMs - 1 && isWanted(frame)))
      .map((frame, index) => (frame ? frame.atMs - pointerTimes.filter((event) => event.type === type)[index]!.atMs : Number.NaN));

  const pressMs = latencies('pointerdown', (frame) => (frame.rateDegPerS ?? 0) > 0).sort((a, b) => a - b);
  const releaseMs = latencies('pointerup', (frame) => frame.rateDegPerS === 0).sort((a, b) => a - b);
  const missing = [...pressMs, ...releaseMs].filter((value) => Number.isNaN(value)).length;
  const row = (label: string, values: number[]) => {
    const seen = values.filter((value) => !Number.isNaN(value));
    return [label, String(seen.length), percentile(seen, 50).toFixed(1), percentile(seen, 95).toFixed(1), Math.max(...seen).toFixed(1)];
  };
  printTable(`Jog latency over ${PRESSES} presses (ms, browser event → frame at the simulator; target p95 ≤ 16)`, [
    ['', 'n', 'p50', 'p95', 'max'],
    row('press → move frame', pressMs),
    row('release → stop frame', releaseMs),
  ]);
  if (missing > 0) console.log(`\n${missing} presses or releases had no matching frame.`);
} finally {
  await browser.close();
  await server.close();
}
