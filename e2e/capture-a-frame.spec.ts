import type { Page } from '@playwright/test';
import { expect, openSkydeck, test, type SimulatorControls } from './fixtures';

interface ImageSave {
  HFR: number;
  Stars: number;
  Mean: number;
  Median: number;
  StDev: number;
  Filter: string;
  Temperature: number;
}

/** Every IMAGE-SAVE the page's event socket receives, as NINA sent it. */
function recordImageSaves(page: Page): ImageSave[] {
  const saves: ImageSave[] = [];
  page.on('websocket', (socket) => {
    if (!socket.url().endsWith('/v2/socket')) return;
    socket.on('framereceived', ({ payload }) => {
      const body = JSON.parse(String(payload)) as { Response?: { Event?: string; ImageStatistics?: ImageSave } };
      if (body.Response?.Event === 'IMAGE-SAVE' && body.Response.ImageStatistics) saves.push(body.Response.ImageStatistics);
    });
  });
  return saves;
}

interface ReceivedRequest {
  path: string;
  query: string;
}

const imageRequests = async (sim: SimulatorControls) =>
  (await sim.get<ReceivedRequest[]>('/__sim/requests')).filter((request) => /\/(prepared-image|image\/\d+)$/.test(request.path));

interface ProgressRecord {
  values: number[];
  phases: string[];
}

/** Every value and phase the capture progress shows, recorded in the page so a slow test runner misses none. */
async function recordProgress(page: Page): Promise<() => Promise<ProgressRecord>> {
  await page.evaluate(() => {
    const record: ProgressRecord = { values: [], phases: [] };
    (window as unknown as { progress: ProgressRecord }).progress = record;
    new MutationObserver(() => {
      const value = document.querySelector('[role="progressbar"][aria-label="Capture progress"]')?.getAttribute('aria-valuenow');
      if (value !== null && value !== undefined && Number(value) !== record.values.at(-1)) record.values.push(Number(value));
      const phase = document.querySelector('[data-testid="capture-progress"]')?.getAttribute('data-phase');
      if (phase && phase !== record.phases.at(-1)) record.phases.push(phase);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow', 'data-phase'] });
  });
  return () => page.evaluate(() => (window as unknown as { progress: ProgressRecord }).progress);
}

async function capture(page: Page, filter: string) {
  const form = page.getByRole('form', { name: 'Capture a frame' });
  await form.getByLabel('Exposure (s)').fill('2');
  await form.getByLabel('Filter').selectOption({ label: filter });
  await form.getByLabel('Frame type').selectOption('LIGHT');
  await form.getByLabel('Save in NINA').check();
  await form.getByRole('button', { name: 'Capture' }).click();
}

test('capture a 2 s frame: the progress bar moves, the image and its IMAGE-SAVE statistics appear, one HFR point per frame @phone', async ({
  page,
  skydeck,
  sim,
}) => {
  const saves = recordImageSaves(page);
  await openSkydeck(page, skydeck, '/camera');
  await expect(page.getByRole('form', { name: 'Capture a frame' }).getByLabel('Filter')).toHaveValue('0');

  const progress = await recordProgress(page);
  await capture(page, 'R');
  // Turning the wheel to R comes first, then NINA's answer to the capture.
  await expect(page.getByText('NINA: Capture started')).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('capture-progress')).toBeHidden({ timeout: 15_000 });
  // Exposing, then the download or NINA's preparation (camera info is polled once a second, so
  // either may pass between two polls), until API-CAPTURE-FINISHED.
  const { values, phases } = await progress();
  const afterExposure = phases.slice(phases.indexOf('exposing') + 1);
  expect(phases).toContain('exposing');
  expect(afterExposure.length).toBeGreaterThan(0);
  for (const phase of afterExposure) expect(['downloading', 'processing']).toContain(phase);
  // The bar moved through the exposure a few times a second, forward (NINA's end time may correct it a little).
  expect(values.length).toBeGreaterThanOrEqual(5);
  values.slice(1).forEach((value, i) => expect(value).toBeGreaterThanOrEqual(values[i]! - 5));
  // The bar is redrawn four times a second, so its last value before the download is within a tick
  // or two (on a busy machine) of the end: 2 s in 250 ms ticks is 12.5 % a tick.
  expect(values.at(-1)).toBeGreaterThanOrEqual(75);

  // The new frame is shown, streamed at the viewer's width in device pixels, never as base64.
  await expect(page.getByTestId('viewer-image')).toHaveAttribute('data-frame', 'live:1');
  const viewerWidth = await page.getByTestId('image-viewer').evaluate((element) => Math.round(element.clientWidth * window.devicePixelRatio));
  const requests = await imageRequests(sim);
  expect(requests.length).toBeGreaterThanOrEqual(2);
  for (const request of requests) {
    expect(request.path).toBe('/v2/api/prepared-image');
    expect(request.query).toContain(`resize=true&size=${viewerWidth}x`);
  }

  // The statistics beside it are the frame's IMAGE-SAVE.
  const statistics = page.getByTestId('frame-statistics');
  await expect(statistics).toHaveAttribute('data-source', 'saved');
  expect(saves).toHaveLength(1);
  const saved = saves[0]!;
  await expect(statistics.getByText('HFR').locator('..')).toContainText(saved.HFR.toFixed(2));
  await expect(statistics.getByText('Stars').locator('..')).toContainText(saved.Stars.toLocaleString('en-US'));
  await expect(statistics.getByText('Mean').locator('..')).toContainText(saved.Mean.toFixed(1));
  await expect(statistics.getByText('Median').locator('..')).toContainText(saved.Median.toFixed(1));
  await expect(statistics.getByText('Filter').locator('..')).toContainText('R');
  expect(saved.Filter).toBe('R');

  const chart = page.getByTestId('hfr-chart');
  await expect(chart).toHaveAttribute('data-points', '1');
  await expect(chart.locator('[data-filter="R"]')).toHaveAttribute('data-count', '1');

  // A second frame through another filter adds exactly one point with that filter.
  await capture(page, 'G');
  await expect(chart).toHaveAttribute('data-points', '2', { timeout: 15_000 });
  await expect(chart.locator('[data-filter="G"]')).toHaveAttribute('data-count', '1');
  await expect(chart.locator('[data-filter="R"]')).toHaveAttribute('data-count', '1');
  expect(saves.map((save) => save.Filter)).toEqual(['R', 'G']);
  await expect(page.getByTestId('viewer-image')).toHaveAttribute('data-frame', 'live:2');

  // The chart is session history: it survives a reload.
  await page.reload();
  await expect(page.getByTestId('hfr-chart')).toHaveAttribute('data-points', '2');
});

test('open a saved frame from the history strip and plate-solve it', async ({ page, skydeck, sim }) => {
  await openSkydeck(page, skydeck, '/camera');
  await capture(page, 'L');
  await expect(page.getByTestId('hfr-chart')).toHaveAttribute('data-points', '1', { timeout: 15_000 });

  const strip = page.getByTestId('history-strip');
  await strip.getByRole('button', { name: /^Open frame 0, filter L/ }).click();
  await expect(page.getByTestId('viewer-image')).toHaveAttribute('data-frame', 'history:0');
  await expect(page.getByRole('heading', { name: 'Frame #0' })).toBeVisible();
  const requests = await imageRequests(sim);
  const historyRequest = requests.find((request) => request.path === '/v2/api/image/0');
  expect(historyRequest?.query).toContain('stream=true');
  // The thumbnail came from NINA's thumbnail endpoint, loaded by the browser.
  await expect(strip.locator('img')).toHaveJSProperty('complete', true);
  expect(await strip.locator('img').evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Solve this image' }).click();
  const result = page.getByTestId('solve-result');
  await expect(result).toBeVisible({ timeout: 10_000 });
  await expect(result).toContainText('RA (J2000)');
  await expect(result).toContainText(/\d+\.\d{3}″\/px/);
  await expect(result).toContainText(/\d+\.\d{2}°/);

  await page.getByRole('button', { name: 'Back to live' }).click();
  await expect(page.getByTestId('viewer-image')).toHaveAttribute('data-frame', /^live:/);

  // Hovering the frame's HFR point shows the frame; a click opens it.
  const point = page.getByTestId('hfr-chart').locator('path.recharts-symbols').first();
  await point.scrollIntoViewIfNeeded();
  await point.hover();
  await expect(page.getByTestId('hfr-chart').getByText('Frame #0 ·')).toBeVisible();
  await point.click();
  await expect(page.getByTestId('viewer-image')).toHaveAttribute('data-frame', 'history:0');
});

test('double tap toggles fit and 100 %, two fingers pinch-zoom, and the crosshair toggles', async ({ page, skydeck }) => {
  await openSkydeck(page, skydeck, '/camera');
  await capture(page, 'L');
  const viewer = page.getByTestId('image-viewer');
  await expect(page.getByTestId('viewer-image')).toHaveAttribute('data-frame', 'live:1', { timeout: 15_000 });
  await expect(viewer).toHaveAttribute('data-zoom', '1.00');
  await viewer.dblclick();
  await expect.poll(async () => Number(await viewer.getAttribute('data-zoom'))).toBeGreaterThan(1.2);
  await expect(page.getByRole('button', { name: '100 %' })).toHaveAttribute('aria-pressed', 'true');
  await viewer.dblclick();
  await expect(viewer).toHaveAttribute('data-zoom', '1.00');

  // Two fingers spreading apart zoom in around their midpoint.
  await viewer.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const fire = (type: string, pointerId: number, dx: number) =>
      element.dispatchEvent(
        new PointerEvent(type, { pointerId, pointerType: 'touch', isPrimary: pointerId === 1, bubbles: true, clientX: box.left + box.width / 2 + dx, clientY: box.top + box.height / 2 }),
      );
    fire('pointerdown', 1, -40);
    fire('pointerdown', 2, 40);
    fire('pointermove', 1, -80);
    fire('pointermove', 2, 80);
    fire('pointerup', 1, -80);
    fire('pointerup', 2, 80);
  });
  await expect(viewer).toHaveAttribute('data-zoom', '2.00');

  await expect(page.getByTestId('crosshair')).toBeHidden();
  await page.getByRole('button', { name: 'Crosshair' }).click();
  await expect(page.getByTestId('crosshair')).toBeVisible();
});
