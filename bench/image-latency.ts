// npm run bench:image — how long a new frame takes to reach the screen, and what it costs on the wire.
//
// 1. Latency: from the IMAGE-PREPARED frame arriving at the page's event socket to the new image
//    painted in the Camera view's viewer, sized for a viewer 1920 device pixels wide. Split into:
//    event → request sent, the request itself (NINA renders, encodes and sends), and response →
//    painted (decode, swap, the next frame). Measured in the page with performance.now(); "painted"
//    is the first task after the animation frame that follows the <img> swap.
// 2. Bytes: the same frame streamed as PNG and as JPEG against the base64 envelope a client gets
//    without `stream=true`.

import type { Page } from '@playwright/test';
import { startServer } from '../server/index';
import { launchChromium, percentile, printTable } from './browser';
import { ensureBuilt } from './build';

const FRAMES = Number(process.env.IMAGE_BENCH_FRAMES ?? 20);
/** Only the simulator's waits (exposure, download, preparation) run faster; encoding and the browser do not. */
const SPEED = Number(process.env.IMAGE_BENCH_SPEED ?? 4);
const VIEWER_DEVICE_PX = 1920;
const JPEG_QUALITY = 85;

interface Timeline {
  preparedAt: number[];
  painted: { frame: string; at: number; width: number }[];
}

/** Runs in the page before Skydeck: timestamps IMAGE-PREPARED frames and viewer image swaps. */
function instrument() {
  const timeline: Timeline = { preparedAt: [], painted: [] };
  (window as unknown as { benchTimeline: Timeline }).benchTimeline = timeline;
  const NativeSocket = window.WebSocket;
  window.WebSocket = class extends NativeSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event: MessageEvent) => {
        if (typeof event.data === 'string' && event.data.includes('"IMAGE-PREPARED"')) timeline.preparedAt.push(performance.now());
      });
    }
  };
  new MutationObserver((records) => {
    for (const record of records) {
      const image = record.target as HTMLImageElement;
      if (record.type !== 'attributes' || image.dataset.testid !== 'viewer-image') continue;
      const frame = image.dataset.frame ?? '';
      const width = Number(image.dataset.width);
      requestAnimationFrame(() => setTimeout(() => timeline.painted.push({ frame, at: performance.now(), width })));
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['src'] });
}

async function sizeViewer(page: Page): Promise<number> {
  const viewer = page.getByTestId('image-viewer');
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const cssWidth = await viewer.evaluate((element) => element.clientWidth);
    const size = page.viewportSize()!;
    if (Math.abs(cssWidth - VIEWER_DEVICE_PX) <= 1) return cssWidth;
    await page.setViewportSize({ width: size.width + VIEWER_DEVICE_PX - cssWidth, height: size.height });
    await page.waitForTimeout(300);
  }
  return viewer.evaluate((element) => element.clientWidth);
}

interface Run {
  total: number[];
  toRequest: number[];
  request: number[];
  toPaint: number[];
  bytes: number[];
  servedWidth: number;
  requestedSize: string;
}

async function measure(format: 'png' | 'jpeg', server: Awaited<ReturnType<typeof startServer>>): Promise<Run> {
  const simulator = server.simulatorUrl!;
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 2400, height: 1400 }, deviceScaleFactor: 1, serviceWorkers: 'block' });
    await context.addInitScript(instrument);
    await context.addInitScript((chosen) => {
      localStorage.setItem('skydeck.viewer', JSON.stringify({ state: { format: chosen, stretchMode: 'profile', factor: 0.2, blackClipping: -2.8, unlinked: false, crosshair: false }, version: 1 }));
    }, format);
    const page = await context.newPage();
    await page.goto(`${server.url}/camera`);
    await page.locator('[data-testid="connection-badge"][data-state="open"]').waitFor();
    await sizeViewer(page);
    await page.waitForTimeout(500);

    for (let frame = 1; frame <= FRAMES; frame += 1) {
      const reply = (await (await fetch(`${simulator}/v2/api/equipment/camera/capture?duration=0.2`)).json()) as { Response: string; Error: string };
      if (reply.Error) throw new Error(`NINA refused the capture: ${reply.Error}`);
      await page.locator(`[data-testid="viewer-image"][data-frame="live:${frame}"]`).waitFor({ timeout: 30_000 });
      await page.waitForTimeout(250);
    }

    const timeline = await page.evaluate(() => (window as unknown as { benchTimeline: Timeline }).benchTimeline);
    const resources = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/prepared-image'))
        .map((entry) => {
          const timing = entry as PerformanceResourceTiming;
          return { name: timing.name, start: timing.startTime, end: timing.responseEnd, bytes: timing.encodedBodySize };
        }),
    );
    const run: Run = { total: [], toRequest: [], request: [], toPaint: [], bytes: [], servedWidth: 0, requestedSize: '' };
    for (let frame = 1; frame <= FRAMES; frame += 1) {
      const arrived = timeline.preparedAt[frame - 1];
      const painted = timeline.painted.find((entry) => entry.frame === `live:${frame}`);
      const fetched = resources.find((entry) => arrived !== undefined && entry.start >= arrived);
      if (arrived === undefined || !painted || !fetched) continue;
      run.total.push(painted.at - arrived);
      run.toRequest.push(fetched.start - arrived);
      run.request.push(fetched.end - fetched.start);
      run.toPaint.push(painted.at - fetched.end);
      run.bytes.push(fetched.bytes);
      run.servedWidth = painted.width;
      run.requestedSize = new URL(fetched.name).searchParams.get('size') ?? '';
    }
    return run;
  } finally {
    await browser.close();
  }
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return [String(sorted.length), percentile(sorted, 50).toFixed(0), percentile(sorted, 95).toFixed(0), Math.max(...sorted).toFixed(0)];
};
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

async function bodyBytes(url: string): Promise<{ bytes: number; contentType: string; text?: string }> {
  const response = await fetch(url);
  const body = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get('content-type') ?? '';
  return { bytes: body.length, contentType, text: contentType.includes('json') ? body.toString('utf8') : undefined };
}

await ensureBuilt();
const server = await startServer({ port: 0, host: '127.0.0.1', build: false, simulator: { port: 0, testControls: true, speed: SPEED }, log: false });
try {
  const runs = { png: await measure('png', server), jpeg: await measure('jpeg', server) };
  printTable(
    `IMAGE-PREPARED → image painted, ${FRAMES} frames per format, viewer ${VIEWER_DEVICE_PX} device px wide (ms)`,
    [
      ['', 'n', 'p50', 'p95', 'max'],
      ...(['png', 'jpeg'] as const).flatMap((format) => [
        [`${format.toUpperCase()} total`, ...stats(runs[format].total)],
        [`  event → request sent`, ...stats(runs[format].toRequest)],
        [`  request (NINA renders, sends)`, ...stats(runs[format].request)],
        [`  response → painted`, ...stats(runs[format].toPaint)],
      ]),
    ],
  );
  console.log(
    `\nRequested size=${runs.png.requestedSize}; the simulator renders frames at most ${runs.png.servedWidth} px wide, so that is what it served (a real NINA sends 1920).`,
  );

  // Bytes on the wire for one saved frame, as the viewer asks for it and as a base64 client would.
  const base = `${server.simulatorUrl}/v2/api`;
  await fetch(`${base}/equipment/camera/capture?duration=0.2&save=true`);
  let count = 0;
  for (let attempt = 0; attempt < 100 && count === 0; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    count = ((await (await fetch(`${base}/image-history?count=true`)).json()) as { Response: number }).Response;
  }
  const index = count - 1;
  const sized = `resize=true&size=${VIEWER_DEVICE_PX}x1280`;
  const rows: string[][] = [['', 'PNG', `JPEG q${JPEG_QUALITY}`]];
  for (const [label, size] of [
    [`${VIEWER_DEVICE_PX}-px request`, `&${sized}`],
    ['full frame', ''],
  ] as const) {
    const png = await bodyBytes(`${base}/image/${index}?stream=true&quality=-1${size}`);
    const jpeg = await bodyBytes(`${base}/image/${index}?stream=true&quality=${JPEG_QUALITY}${size}`);
    const png64 = await bodyBytes(`${base}/image/${index}?quality=-1${size}`);
    const jpeg64 = await bodyBytes(`${base}/image/${index}?quality=${JPEG_QUALITY}${size}`);
    rows.push([`${label}, streamed`, kib(png.bytes), kib(jpeg.bytes)]);
    rows.push([`${label}, base64 envelope`, kib(png64.bytes), kib(jpeg64.bytes)]);
    rows.push([`  base64 / streamed`, (png64.bytes / png.bytes).toFixed(3), (jpeg64.bytes / jpeg.bytes).toFixed(3)]);
  }
  printTable(`Bytes per image (frame ${index})`, rows);
  const viewerBytes = (format: 'png' | 'jpeg') => kib(percentile([...runs[format].bytes].sort((a, b) => a - b), 50));
  console.log(`\nThe viewer's /prepared-image downloads during the latency runs: PNG ${viewerBytes('png')}, JPEG ${viewerBytes('jpeg')} (median).`);
} finally {
  await server.close();
}
