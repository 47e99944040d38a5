// npm run bench — Skydeck's numbers, measured against the simulator in Debian's Chromium and
// printed as tables. Not part of npm test (it takes several minutes and measures, not asserts).
//   BENCH_ONLY=bundle,idle,jog,storm  runs a subset
//   IDLE_BENCH_SECONDS, JOG_BENCH_PRESSES, STORM_RATE, STORM_SECONDS  shorten or change a run

import { launchChromium, printTable } from './browser';
import { ensureBuilt } from './build';
import { measureBundle } from './bundle';
import { runEventStorm } from './event-storm';
import { runIdleLoad } from './idle-load';
import { runJogLatency } from './jog-latency';

const only = new Set((process.env.BENCH_ONLY ?? 'bundle,idle,jog,storm').split(',').map((name) => name.trim()));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');

const distDir = await ensureBuilt();

if (only.has('bundle')) {
  const bundle = measureBundle(distDir);
  printTable('Bundle (gzip -9)', [
    ['', 'size', 'target', ''],
    ['initial JavaScript', kb(bundle.initialJs), '≤ 150 KB', verdict(bundle.initialJs <= 150 * 1024)],
    ['initial CSS', kb(bundle.initialCss), '', ''],
    ...bundle.views.map((view) => [`view: ${view.name}`, kb(view.gzipBytes), '', '']),
  ]);
}

const browser = await launchChromium();
try {
  if (only.has('idle')) {
    const idle = await runIdleLoad(browser);
    printTable(`Idle load (requests/s to NINA over ${idle[0]?.seconds ?? 0} s)`, [
      ['', 'requests', 'req/s', 'target', '', 'what'],
      ...idle.map((row) => [
        row.scenario,
        String(row.requests),
        row.perSecond.toFixed(3),
        `≤ ${row.targetPerSecond}`,
        verdict(row.perSecond <= row.targetPerSecond),
        Object.entries(row.paths)
          .map(([path, count]) => `${path.replace('/v2/api', '')} ×${count}`)
          .join(', ') || '—',
      ]),
    ]);
  }

  if (only.has('jog')) {
    const jog = await runJogLatency(browser);
    printTable(`Jog latency over ${jog.presses} presses (ms, browser event → frame at the simulator)`, [
      ['', 'p50', 'p95', 'max', 'target p95', ''],
      ['press → move frame', jog.press.p50.toFixed(1), jog.press.p95.toFixed(1), jog.press.max.toFixed(1), '≤ 16', verdict(jog.press.p95 <= 16)],
      ['release → stop frame', jog.release.p50.toFixed(1), jog.release.p95.toFixed(1), jog.release.max.toFixed(1), '≤ 16', verdict(jog.release.p95 <= 16)],
    ]);
  }

  if (only.has('storm')) {
    const storms = await runEventStorm(browser);
    printTable('Event storm (events/s on /v2/socket; long tasks > 50 ms; React commits/s; newest events missing from the log)', [
      ['view open', 'events', 'long tasks', 'longest', 'commits/s', 'missing', ''],
      ...storms.map((row) => [
        row.view,
        String(row.sent),
        String(row.longTasks),
        `${row.longestTaskMs.toFixed(0)} ms`,
        row.commitsPerSecond.toFixed(1),
        String(row.missing),
        verdict(row.longTasks === 0 && row.commitsPerSecond <= 60 && row.missing === 0),
      ]),
    ]);
  }

} finally {
  await browser.close();
}
