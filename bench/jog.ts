// npm run bench:jog — press and release latency of the jog pad, over 100 presses.
import { launchChromium, printTable } from './browser';
import { ensureBuilt } from './build';
import { runJogLatency, type LatencyStats } from './jog-latency';

await ensureBuilt();
const browser = await launchChromium();
try {
  const result = await runJogLatency(browser);
  const row = (label: string, s: LatencyStats) => [label, String(s.n), s.p50.toFixed(1), s.p95.toFixed(1), s.max.toFixed(1)];
  printTable(`Jog latency over ${result.presses} presses (ms, browser event → frame at the simulator; target p95 ≤ 16)`, [
    ['', 'n', 'p50', 'p95', 'max'],
    row('press → move frame', result.press),
    row('release → stop frame', result.release),
  ]);
  if (result.unmatched > 0) console.log(`\n${result.unmatched} presses or releases had no matching frame.`);
} finally {
  await browser.close();
}
