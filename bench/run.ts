// npm run bench — Skydeck's numbers, measured against the simulator in Debian's Chromium and
// printed as tables. Not part of npm test (it takes several minutes and measures, not asserts).
//   BENCH_ONLY=bundle,idle,jog,storm  runs a subset; BENCH_ONLY=night runs the accelerated night
//   (about 6 minutes, so not in the default set)
//   IDLE_BENCH_SECONDS, JOG_BENCH_PRESSES, STORM_RATE, STORM_SECONDS  shorten or change a run
//   NIGHT_SPEED, NIGHT_HOURS, NIGHT_FRAMES, NIGHT_DROPS, NIGHT_VIEW_SECONDS  change the night

import { launchChromium, printTable } from './browser';
import { ensureBuilt } from './build';
import { measureBundle } from './bundle';
import { runEventStorm } from './event-storm';
import { runIdleLoad } from './idle-load';
import { runJogLatency } from './jog-latency';
import { HEAP_GROWTH_TARGET_BYTES, runNight } from './night';

const only = new Set((process.env.BENCH_ONLY ?? 'bundle,idle,jog,storm').split(',').map((name) => name.trim()));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const signedMb = (bytes: number) => `${bytes < 0 ? '−' : '+'}${mb(Math.abs(bytes))}`;
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

  if (only.has('night')) {
    const night = await runNight(browser);
    printTable(
      `A night at ${night.speed}× (${night.simulatedHours.toFixed(1)} simulated h in ${(night.wallSeconds / 60).toFixed(1)} min; the sequence ${night.sequenceHours.toFixed(1)} h)`,
      [
        ['', 'value', 'target', ''],
        ['frames done', `${night.framesDone} / ${night.framesPlanned} × ${night.exposureS} s`, '', ''],
        ['saved frames on the HFR chart', String(night.hfrChartPoints ?? '—'), String(night.framesDone), verdict(night.hfrChartPoints === night.framesDone)],
        ['autofocus runs · dithers', `${night.autofocusRuns} · ${night.dithers}`, '', ''],
        ['polar readings · frames stacked', `${night.polarReadings} · ${night.stackedFrames}`, '', ''],
        ['socket drops · reconnects seen', `${night.drops} · ${night.reconnects}`, '', verdict(night.reconnects >= night.drops)],
        ['JS heap after GC: start', mb(night.start.heapUsedBytes), '', ''],
        ['JS heap after GC: after first round of views', night.warm ? mb(night.warm.heapUsedBytes) : '—', '', ''],
        ['JS heap after GC: end', mb(night.end.heapUsedBytes), '', ''],
        ['JS heap growth, start → end', signedMb(night.end.heapUsedBytes - night.start.heapUsedBytes), '≤ 10 MB', verdict(night.end.heapUsedBytes - night.start.heapUsedBytes <= HEAP_GROWTH_TARGET_BYTES)],
        ...(night.warm
          ? [['JS heap growth, first round → end', signedMb(night.end.heapUsedBytes - night.warm.heapUsedBytes), '≤ 10 MB', verdict(night.end.heapUsedBytes - night.warm.heapUsedBytes <= HEAP_GROWTH_TARGET_BYTES)]]
          : []),
        ['DOM elements: start → end', `${night.start.elements} → ${night.end.elements}`, '', ''],
        ['DOM nodes (renderer): start → end', `${night.start.domNodes ?? '—'} → ${night.end.domNodes ?? '—'}`, '', ''],
        ['JS event listeners: start → end', `${night.start.jsEventListeners ?? '—'} → ${night.end.jsEventListeners ?? '—'}`, '', ''],
        ['events received live (IMAGE-PREPARED)', `${night.eventsReceived} (${night.imagePreparedReceived})`, '', ''],
        ["NINA's event history rows", String(night.historyRows), '', ''],
        ['entries the log took (live + recovered)', String(night.logAppended), `${night.historyRows + night.imagePreparedReceived}`, verdict(night.logAppended === night.historyRows + night.imagePreparedReceived)],
        ['newest events missing from the log', String(night.missingFromLog), '0', verdict(night.missingFromLog === 0)],
        ["… held out of NINA's order", String(night.outOfOrderInLog), '0', verdict(night.outOfOrderInLog === 0)],
        ['long tasks > 50 ms (longest)', `${night.longTasks} (${night.longestTaskMs.toFixed(0)} ms)`, '', ''],
      ],
    );
    printTable('The Overview through the night, after GC', [
      ['simulated hour', 'JS heap', 'DOM elements', 'DOM nodes', 'JS event listeners'],
      ...[{ hour: 0, sample: night.start }, ...night.overviewSamples, { hour: night.simulatedHours, sample: night.end }].map(({ hour, sample }) => [
        hour.toFixed(1),
        mb(sample.heapUsedBytes),
        String(sample.elements),
        String(sample.domNodes ?? '—'),
        String(sample.jsEventListeners ?? '—'),
      ]),
    ]);
    printTable('Long tasks over 50 ms during the night, by the view on screen', [
      ['view', 'long tasks', 'longest'],
      ...night.longTasksByView.map((row) => [row.view, String(row.count), `${row.longestMs.toFixed(0)} ms`]),
    ]);
    printTable('Charts at the end of the night (points against pixel width)', [
      ['view', 'chart', 'width px', 'declared points', 'drawn per series', ''],
      ...night.charts.map((chart) => [
        chart.view,
        chart.label.length > 60 ? `${chart.label.slice(0, 59)}…` : chart.label,
        String(chart.widthPx),
        chart.declaredPoints === null ? '—' : String(chart.declaredPoints),
        chart.drawnPerSeries.join(' · ') || '—',
        verdict((chart.declaredPoints ?? 0) <= chart.widthPx && chart.drawnPerSeries.every((points) => points <= chart.widthPx)),
      ]),
    ]);
  }
} finally {
  await browser.close();
}
