// A night, accelerated (issue 11): a 10-hour session on the simulator's clock, run NIGHT_SPEED times
// faster. At dusk a polar alignment and the live stack; then a 600-frame LRGB sequence with guiding,
// dithers and an autofocus every hour, while every socket is dropped 20 times over the night and
// the user moves between views. Measured through the Chrome DevTools Protocol: the JS heap after
// garbage collection on the Overview at the start and at the end, the DOM node count, every chart's
// points against its pixel width on each charted view at the end, and whether the event log
// accounts for every event NINA sent.
//
// Everything the simulator models (exposures, downloads, slews, settling, autofocus) runs on its
// clock, so the night keeps its shape; what runs on the browser's clock (polling, the 5 s cooling
// samples, throttled saves) happens NIGHT_SPEED times less often per simulated hour than in a real night.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, CDPSession, Page } from '@playwright/test';
import type { RunningServer } from '../server/index';
import { buildTargetSequence, type JsonObject, type TargetPlan } from '../src/lib/sequence-builder';
import { readSavedEventLog, simJson, sleep, startBenchServer } from './harness';

const SPEED = Number(process.env.NIGHT_SPEED ?? 120);
const NIGHT_HOURS = Number(process.env.NIGHT_HOURS ?? 10);
const FRAMES = Number(process.env.NIGHT_FRAMES ?? 600);
const DROPS = Number(process.env.NIGHT_DROPS ?? 20);
/** Real seconds on each view while the sequence runs: at 120× about 20 simulated minutes. */
const VIEW_DWELL_MS = Number(process.env.NIGHT_VIEW_SECONDS ?? 10) * 1000;
/**
 * A folder for what explains the numbers: heap snapshots at the start, after the first round of
 * views and at the end (DevTools opens them), and NINA's event history beside Skydeck's saved log.
 */
const ARTIFACTS_DIR = process.env.NIGHT_ARTIFACTS;

const AUTOFOCUS_EVERY_MIN = 60;
const DITHER_EVERY_FRAMES = 3;
/**
 * Simulated seconds a light frame costs beyond its exposure in this sequence: the download (1–3 s),
 * the preparation, a dither and its settling every third frame, and the share of the hourly
 * autofocus runs and of the start (cooling, centering, the first autofocus, calibrating the guider).
 * Measured: 600 frames of 50 s took 10.6 h on the simulator alone, 8.3 h for 600 of 38 s with
 * Skydeck open on a quiet machine. On a busy one the night runs longer: the simulator's own CPU work
 * (saving, stacking, encoding the images the Camera view asks for) then waits for a core, and every
 * real millisecond it waits is 120 simulated ones.
 */
const FRAME_OVERHEAD_S = 13;
const SETTLE_MS = 5_000;
/** The log is saved at most every 2 s. */
const LOG_SAVE_WAIT_MS = 3_000;
/** Time for a view's queries to answer and its charts to draw before they are read. */
const VIEW_LOAD_MS = 3_000;
const POLAR_ALIGNMENT_TIMEOUT_MS = 60_000;

const HEAP_GROWTH_TARGET_BYTES = 10 * 1024 * 1024;

/** Where the user spends the night, in turn. */
const NIGHT_VIEWS = ['Overview', 'Camera', 'Guiding', 'Focus', 'Sequence', 'Live stack'] as const;
/** The views with charts, read at the end of the night. */
const CHART_VIEWS = ['Camera', 'Guiding', 'Focus', 'Polar alignment'] as const;

/** M 81, circumpolar at the simulator's La Palma site, so it is up all night. */
const TARGET = { targetName: 'M 81', raHours: 9 + 55 / 60 + 33.2 / 3600, decDeg: 69 + 3 / 60 + 55 / 3600 };

export interface MemorySample {
  heapUsedBytes: number;
  /** document.getElementsByTagName('*'): elements in the document. */
  elements: number;
  /** Memory.getDOMCounters: every node the renderer holds, detached ones included. */
  domNodes: number | null;
  jsEventListeners: number | null;
}

export interface ChartReading {
  view: string;
  label: string;
  widthPx: number;
  /** What the chart declares in `data-points`; null when it does not. */
  declaredPoints: number | null;
  /** Marks drawn per series (line vertices, scatter symbols, bars), read from the SVG. */
  drawnPerSeries: number[];
}

export interface NightResult {
  speed: number;
  wallSeconds: number;
  simulatedHours: number;
  sequenceHours: number;
  exposureS: number;
  framesPlanned: number;
  framesDone: number;
  autofocusRuns: number;
  dithers: number;
  polarReadings: number;
  stackedFrames: number;
  start: MemorySample;
  /** After the first round of every view: the app's code and caches are loaded. */
  warm: MemorySample | null;
  end: MemorySample;
  /** Every return to the Overview during the night (at the simulated hour), after GC. */
  overviewSamples: { hour: number; sample: MemorySample }[];
  charts: ChartReading[];
  /** Points on the Camera view's HFR chart at the end: one per saved light frame. */
  hfrChartPoints: number | null;
  drops: number;
  reconnects: number;
  eventsReceived: number;
  imagePreparedReceived: number;
  historyRows: number;
  /** Entries the log ever took: live events, rows recovered from NINA's history after each drop, notices. */
  logAppended: number;
  /** Of NINA's newest history rows that fit in the log's bound, those the log does not hold. */
  missingFromLog: number;
  /** Of those it holds, how many are out of NINA's order. */
  outOfOrderInLog: number;
  longTasks: number;
  longestTaskMs: number;
  /** Long tasks over 50 ms by the view on screen, with the longest. */
  longTasksByView: { view: string; count: number; longestMs: number }[];
}

/** Runs in the page before Skydeck: counts socket opens and /v2/socket events, and long tasks. */
const INSTRUMENT = `
  const counters = { opens: {}, events: 0, imagePrepared: 0, longTasks: [], forcedGc: [], view: 'Overview' };
  window.nightCounters = counters;
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(url, protocols) {
      super(url, protocols);
      const path = new URL(String(url), location.href).pathname;
      this.addEventListener('open', () => { counters.opens[path] = (counters.opens[path] ?? 0) + 1; });
      if (path !== '/v2/socket') return;
      this.addEventListener('message', (event) => {
        if (typeof event.data !== 'string') return;
        try {
          const name = JSON.parse(event.data)?.Response?.Event;
          if (typeof name !== 'string') return;
          counters.events += 1;
          if (name === 'IMAGE-PREPARED') counters.imagePrepared += 1;
        } catch {}
      });
    }
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) counters.longTasks.push({ startMs: entry.startTime, durationMs: entry.duration, view: counters.view });
  }).observe({ type: 'longtask', buffered: false });
`;

interface PageCounters {
  opens: Record<string, number>;
  events: number;
  imagePrepared: number;
  longTasks: { startMs: number; durationMs: number; view: string }[];
  /** When the benchmark itself collected garbage, which blocks the page: those long tasks are not the app's. */
  forcedGc: { fromMs: number; toMs: number }[];
}

/** Every chart on screen: its declared points and width, and the marks its SVG draws per series. */
const READ_CHARTS = `[...document.querySelectorAll('[data-chart]')].map((frame) => {
  const drawn = [];
  for (const path of frame.querySelectorAll('path.recharts-line-curve')) drawn.push((path.getAttribute('d') ?? '').match(/[MLC]/g)?.length ?? 0);
  for (const group of frame.querySelectorAll('g.recharts-scatter')) drawn.push(group.querySelectorAll('.recharts-scatter-symbol').length);
  for (const group of frame.querySelectorAll('g.recharts-bar')) drawn.push(group.querySelectorAll('.recharts-bar-rectangle').length);
  return {
    label: frame.getAttribute('data-chart') ?? '',
    widthPx: Number(frame.getAttribute('data-width') ?? 0),
    declaredPoints: frame.hasAttribute('data-points') ? Number(frame.getAttribute('data-points')) : null,
    drawnPerSeries: drawn,
  };
})`;

type NightView = (typeof NIGHT_VIEWS)[number] | (typeof CHART_VIEWS)[number];

interface SequencerState {
  running: boolean;
  lightFrames: number;
}

async function goToView(page: Page, view: NightView): Promise<void> {
  await page.evaluate(`window.nightCounters.view = ${JSON.stringify(view)}`);
  const link = page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view, exact: true });
  await link.click();
  await page.waitForFunction((label) => document.title.startsWith(`${label} ·`), view, { timeout: 15_000 });
}

async function writeHeapSnapshot(cdp: CDPSession, name: string): Promise<void> {
  if (ARTIFACTS_DIR === undefined) return;
  const chunks: string[] = [];
  const collect = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
  writeFileSync(path.join(ARTIFACTS_DIR, `night-${name}.heapsnapshot`), chunks.join(''));
}

async function measureMemory(cdp: CDPSession, page: Page, snapshot?: string): Promise<MemorySample> {
  const fromMs = (await page.evaluate('performance.now()')) as number;
  // Twice: the first pass can leave objects that only the second finds unreachable (weak maps, finalizers).
  await cdp.send('HeapProfiler.collectGarbage');
  await sleep(200);
  await cdp.send('HeapProfiler.collectGarbage');
  if (snapshot !== undefined) await writeHeapSnapshot(cdp, snapshot);
  await page.evaluate(`window.nightCounters.forcedGc.push({ fromMs: ${fromMs}, toMs: performance.now() })`);
  const heap = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters').catch(() => null);
  const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  return { heapUsedBytes: heap.usedSize, elements, domNodes: counters?.nodes ?? null, jsEventListeners: counters?.jsEventListeners ?? null };
}

/** The exposure that makes FRAMES frames fill NIGHT_HOURS. */
function nightExposureS(): number {
  return Math.max(1, Math.round((NIGHT_HOURS * 3600) / FRAMES - FRAME_OVERHEAD_S));
}

/**
 * The night's sequence as NINA saves it: cooling, center on the target, autofocus, guiding, then
 * L, R, G and B (2:1:1:1) with a dither every third frame, an autofocus every hour, and the
 * plugin's trigger that reports failures on the socket.
 */
function nightSequence(frames: number, exposureS: number): JsonObject {
  const perColour = Math.floor(frames / 5);
  const row = (name: string, position: number, count: number) => ({
    filter: { name, position },
    exposureTimeS: exposureS,
    count,
    gain: -1,
    offset: -1,
    binning: { x: 1, y: 1 },
  });
  const plan: TargetPlan = {
    ...TARGET,
    positionAngleDeg: 0,
    move: 'center',
    cooling: { temperatureC: -10, durationMin: 5 },
    autofocusAtStart: true,
    guiding: true,
    ditherEveryFrames: DITHER_EVERY_FRAMES,
    reportFailures: true,
    exposures: [row('L', 0, frames - 3 * perColour), row('R', 1, perColour), row('G', 2, perColour), row('B', 3, perColour)].filter((line) => line.count > 0),
  };
  return withAutofocusAfterTime(buildTargetSequence(plan), AUTOFOCUS_EVERY_MIN);
}

const values = (collection: unknown) => (collection as { $values: JsonObject[] }).$values;

/**
 * Adds NINA's "AF After Time" trigger to the target, written as NINA saves a trigger: its Amount in
 * minutes and the TriggerRunner holding the Run Autofocus it runs, with `$id`s after the file's last.
 */
function withAutofocusAfterTime(root: JsonObject, amountMin: number): JsonObject {
  let lastId = 0;
  JSON.stringify(root, (key, value: unknown) => {
    if (key === '$id') lastId = Math.max(lastId, Number(value));
    return value;
  });
  const nextId = () => String(++lastId);
  const [, targetArea] = values(root.Items);
  const target = values(targetArea?.Items)[0];
  if (target === undefined) throw new Error('The built sequence has no target');
  // The collections' and strategy's type names are the ones the builder wrote for the target.
  const collection = (of: string, entries: () => JsonObject[]): JsonObject => {
    const $id = nextId();
    return { $id, $type: (target[of] as JsonObject).$type as string, $values: entries() };
  };
  const triggerId = nextId();
  const runnerId = nextId();
  const runner: JsonObject = {
    $id: runnerId,
    $type: 'NINA.Sequencer.Container.SequentialContainer, NINA.Sequencer',
    Strategy: target.Strategy as JsonObject,
    Name: null,
    Conditions: collection('Conditions', () => []),
    IsExpanded: true,
    Items: collection('Items', () => [
      { $id: nextId(), $type: 'NINA.Sequencer.SequenceItem.Autofocus.RunAutofocus, NINA.Sequencer', Parent: { $ref: runnerId }, ErrorBehavior: 0, Attempts: 1 },
    ]),
    Triggers: collection('Triggers', () => []),
    Parent: null,
    ErrorBehavior: 0,
    Attempts: 1,
  };
  values(target.Triggers).push({
    $id: triggerId,
    $type: 'NINA.Sequencer.Trigger.Autofocus.AutofocusAfterTimeTrigger, NINA.Sequencer',
    Amount: amountMin,
    Parent: { $ref: target.$id as string },
    TriggerRunner: runner,
  });
  return root;
}

async function ninaApi<T>(server: RunningServer & { sim: string }, path: string, init?: { method: string; body: string }): Promise<T> {
  const response = await fetch(`${server.sim}/v2/api${path}`, init);
  const envelope = (await response.json()) as { Response: T; Error: string; Success: boolean };
  if (!envelope.Success) throw new Error(`${path}: ${envelope.Error}`);
  return envelope.Response;
}

/** At dusk: TPPA from where the mount points, with the demo's person turning the knobs until it is within 1′. */
async function polarAlign(page: Page, sim: string): Promise<void> {
  await simJson(sim, '/__sim/tppa', { method: 'POST', body: { demoKnobs: true } });
  await simJson(sim, '/__sim/tppa/misalignment', { method: 'POST', body: { azimuthArcmin: 12, altitudeArcmin: -5 } });
  await goToView(page, 'Polar alignment');
  await page.getByText('TPPA options').click();
  await page.getByRole('group', { name: 'First point' }).getByRole('button', { name: 'Here' }).click();
  await page.getByLabel('Tolerance').fill('1');
  await page.getByLabel('Exposure').fill('2');
  await page.getByRole('button', { name: 'Start polar alignment' }).click();
  const startedMs = performance.now();
  await sleep(1_000);
  while ((await simJson<{ running: boolean }>(sim, '/__sim/tppa')).running) {
    if (performance.now() - startedMs > POLAR_ALIGNMENT_TIMEOUT_MS) {
      await page.getByRole('button', { name: 'Stop', exact: true }).click();
      break;
    }
    await sleep(500);
  }
}

async function startLiveStack(page: Page, sim: string): Promise<void> {
  await goToView(page, 'Live stack');
  await page.getByRole('button', { name: 'Start live stack' }).click();
  const deadline = performance.now() + 15_000;
  while (!(await simJson<{ running: boolean }>(sim, '/__sim/livestack')).running) {
    if (performance.now() > deadline) throw new Error('The live stack did not start');
    await sleep(250);
  }
}

interface LiveStackState {
  tabs: { target: string; filter: string; stackCount: number }[];
  colorCombinations: unknown[];
}

/** The plugin's colour wizard, as the user runs it once the night has a stack in each of R, G and B. */
async function combineColoursWhenReady(sim: string): Promise<boolean> {
  const state = await simJson<LiveStackState>(sim, '/__sim/livestack');
  if (state.colorCombinations.length > 0) return true;
  const filters = new Set(state.tabs.filter((tab) => tab.target === TARGET.targetName).map((tab) => tab.filter));
  if (!['R', 'G', 'B'].every((filter) => filters.has(filter))) return false;
  await simJson(sim, '/__sim/livestack/color-combination', { method: 'POST', body: { target: TARGET.targetName, red: 'R', green: 'G', blue: 'B' } });
  return true;
}

/** Loads the night into NINA through its own API and starts it from the Sequence view, as the user does. */
async function startSequence(page: Page, server: RunningServer & { sim: string }, exposureS: number): Promise<void> {
  await ninaApi(server, '/sequence/load', { method: 'POST', body: JSON.stringify(nightSequence(FRAMES, exposureS)) });
  await goToView(page, 'Sequence');
  await page.getByTestId('sequence-state').and(page.locator('[data-state="ready"]')).waitFor({ timeout: 15_000 });
  await page.getByRole('region', { name: 'Run' }).getByRole('button', { name: 'Start', exact: true }).click();
  const deadline = performance.now() + 15_000;
  while (!(await simJson<SequencerState>(server.sim, '/__sim/sequence')).running) {
    if (performance.now() > deadline) throw new Error('The sequence did not start (see NINA log: /v2/api/application/logs)');
    await sleep(250);
  }
}

/** Entries the log makes itself, which NINA's history has no row for. */
const LOG_NOTICES: ReadonlySet<string> = new Set(['HISTORY-UNAVAILABLE', 'MESSAGE', 'UNREADABLE']);

function commonSubsequenceLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint16Array(b.length + 1);
  let current = new Uint16Array(b.length + 1);
  for (const item of a) {
    for (let j = 1; j <= b.length; j += 1) current[j] = item === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/**
 * The log against NINA's newest history rows, as many as the log holds events NINA stores: the
 * rows it lacks, and those it holds in another order than NINA's.
 */
function compareWithHistory(historyNames: readonly string[], logNames: readonly string[]): { missing: number; outOfOrder: number } {
  const tail = historyNames.slice(-logNames.length);
  const held = new Map<string, number>();
  for (const name of logNames) held.set(name, (held.get(name) ?? 0) + 1);
  let missing = 0;
  for (const name of tail) {
    const count = held.get(name) ?? 0;
    if (count > 0) held.set(name, count - 1);
    else missing += 1;
  }
  return { missing, outOfOrder: tail.length - missing - commonSubsequenceLength(tail, logNames) };
}

/**
 * NINA's side of the night until the sequence ends: every socket dropped DROPS times, spread by
 * the frames taken so every drop falls inside the night, and the colour stack set up once R, G
 * and B each have one. Runs beside the views, so a slow view change never delays a drop.
 */
async function followTheNight(sim: string): Promise<{ drops: number }> {
  // Far more than the night needs at this speed: a stalled sequence ends the run instead of hanging it.
  const deadlineMs = performance.now() + ((NIGHT_HOURS * 3_600_000) / SPEED) * 3 + 120_000;
  let drops = 0;
  let coloursCombined = false;
  for (;;) {
    const state = await simJson<SequencerState>(sim, '/__sim/sequence');
    if (!state.running) return { drops };
    if (performance.now() > deadlineMs) throw new Error(`The night did not end in time: ${state.lightFrames} of ${FRAMES} frames`);
    while (drops < DROPS && state.lightFrames >= ((drops + 1) * FRAMES) / (DROPS + 1)) {
      await simJson(sim, '/__sim/sockets/drop', { method: 'POST', body: {} });
      drops += 1;
    }
    if (!coloursCombined && state.lightFrames >= FRAMES - FRAMES / 5) coloursCombined = await combineColoursWhenReady(sim);
    await sleep(250);
  }
}

/** The user's side: each view in turn for VIEW_DWELL_MS, the heap sampled on every return to the Overview. */
async function tourTheViews(
  page: Page,
  cdp: CDPSession,
  isOver: () => boolean,
  wallStartMs: number,
): Promise<{ warm: MemorySample | null; overviewSamples: NightResult['overviewSamples'] }> {
  const overviewSamples: NightResult['overviewSamples'] = [];
  let warm: MemorySample | null = null;
  for (let round = 1; ; round += 1) {
    const view = NIGHT_VIEWS[round % NIGHT_VIEWS.length]!;
    const leaveAtMs = performance.now() + VIEW_DWELL_MS;
    while (performance.now() < leaveAtMs) {
      if (isOver()) return { warm, overviewSamples };
      await sleep(250);
    }
    await goToView(page, view);
    if (view === 'Overview') {
      await sleep(1_000);
      const sample = await measureMemory(cdp, page, warm === null ? 'warm' : undefined);
      warm ??= sample;
      overviewSamples.push({ hour: ((performance.now() - wallStartMs) * SPEED) / 3_600_000, sample });
    }
  }
}

export async function runNight(browser: Browser): Promise<NightResult> {
  const exposureS = nightExposureS();
  const server = await startBenchServer({ speed: SPEED });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    await context.addInitScript(INSTRUMENT);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const wallStartMs = performance.now();
    await page.goto(`${server.url}/`);
    await page.locator('[data-testid="connection-badge"][data-state="open"]').waitFor({ timeout: 15_000 });
    await sleep(SETTLE_MS);
    const start = await measureMemory(cdp, page, 'start');

    await polarAlign(page, server.sim);
    await startLiveStack(page, server.sim);
    await startSequence(page, server, exposureS);
    const sequenceStartMs = performance.now();

    let nightOver = false;
    const ninaSide = followTheNight(server.sim).finally(() => {
      nightOver = true;
    });
    const userSide = tourTheViews(page, cdp, () => nightOver, wallStartMs);
    const [{ drops }, { warm, overviewSamples }] = await Promise.all([ninaSide, userSide]);
    const sequenceEndMs = performance.now();
    const finalState = await simJson<SequencerState>(server.sim, '/__sim/sequence');

    const charts: ChartReading[] = [];
    let hfrChartPoints: number | null = null;
    for (const view of CHART_VIEWS) {
      await goToView(page, view);
      await sleep(VIEW_LOAD_MS);
      const onView = (await page.evaluate(READ_CHARTS)) as Omit<ChartReading, 'view'>[];
      charts.push(...onView.map((chart) => ({ view, ...chart })));
      if (view === 'Camera') {
        const points = await page.getByTestId('hfr-chart').getAttribute('data-points');
        hfrChartPoints = points === null ? null : Number(points);
      }
    }

    // Back to the Overview the way every hourly sample came to it: the view before it keeps its
    // unmounted charts' DOM alive until a later commit, so a chart view just before would count twice.
    await goToView(page, 'Live stack');
    await sleep(VIEW_LOAD_MS);
    await goToView(page, 'Overview');
    await sleep(SETTLE_MS);
    const end = await measureMemory(cdp, page, 'end');
    const wallEndMs = performance.now();

    await sleep(LOG_SAVE_WAIT_MS);
    const counters = (await page.evaluate('window.nightCounters')) as PageCounters;
    const appTasks = counters.longTasks.filter((task) => !counters.forcedGc.some((gc) => task.startMs + task.durationMs >= gc.fromMs && task.startMs <= gc.toMs));
    const log = await readSavedEventLog(page);
    const history = await ninaApi<{ Event: string; Time: string }[]>(server, '/event-history');
    if (ARTIFACTS_DIR !== undefined) writeFileSync(path.join(ARTIFACTS_DIR, 'night-events.json'), JSON.stringify({ history, log }, null, 1));
    const historyNames = history.map((row) => row.Event);
    const count = (name: string) => historyNames.filter((event) => event === name).length;
    const logNames = log.entries.filter((entry) => entry.name !== 'IMAGE-PREPARED' && !LOG_NOTICES.has(entry.name)).map((entry) => entry.name);
    const { missing, outOfOrder } = compareWithHistory(historyNames, logNames);
    const livestack = await simJson<LiveStackState>(server.sim, '/__sim/livestack');
    const tppa = await simJson<{ readings: number }>(server.sim, '/__sim/tppa');
    await context.close();

    return {
      speed: SPEED,
      wallSeconds: (wallEndMs - wallStartMs) / 1000,
      simulatedHours: ((wallEndMs - wallStartMs) * SPEED) / 3_600_000,
      sequenceHours: ((sequenceEndMs - sequenceStartMs) * SPEED) / 3_600_000,
      exposureS,
      framesPlanned: FRAMES,
      framesDone: finalState.lightFrames,
      autofocusRuns: count('AUTOFOCUS-FINISHED'),
      dithers: count('GUIDER-DITHER'),
      polarReadings: tppa.readings,
      stackedFrames: livestack.tabs.reduce((sum, tab) => sum + tab.stackCount, 0),
      start,
      warm,
      end,
      overviewSamples,
      charts,
      hfrChartPoints,
      drops,
      reconnects: Math.max(0, (counters.opens['/v2/socket'] ?? 0) - 1),
      eventsReceived: counters.events,
      imagePreparedReceived: counters.imagePrepared,
      historyRows: history.length,
      logAppended: log.totalAppended,
      missingFromLog: missing,
      outOfOrderInLog: outOfOrder,
      longTasks: appTasks.filter((task) => task.durationMs > 50).length,
      longestTaskMs: Math.max(0, ...appTasks.map((task) => task.durationMs)),
      longTasksByView: [...new Set(appTasks.map((task) => task.view))].map((view) => {
        const onView = appTasks.filter((task) => task.view === view && task.durationMs > 50);
        return { view, count: onView.length, longestMs: Math.max(0, ...onView.map((task) => task.durationMs)) };
      }),
    };
  } finally {
    await context.close().catch(() => undefined);
    await server.close();
  }
}

export { HEAP_GROWTH_TARGET_BYTES };
