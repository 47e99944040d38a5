import type { Page } from '@playwright/test';
import { expect, openSkydeck, test, type SimulatorControls } from './fixtures';

// PHD2 exposes every 2 s of simulated time: at 10× a step arrives every 200 ms.
test.use({ simulatorSpeed: 10 });

interface NinaGraph {
  RMS: { RA: number; Dec: number; Total: number; PeakRA: number; PeakDec: number; Scale: number; DataPoints: number };
  PixelScale: number;
}

/** What NINA's `guider/graph` says right now, read past Skydeck. */
async function ninaGraph(sim: SimulatorControls): Promise<NinaGraph> {
  const response = await fetch(`${sim.url}/v2/api/equipment/guider/graph`);
  return ((await response.json()) as { Response: NinaGraph }).Response;
}

async function startGuidingInSimulator(sim: SimulatorControls) {
  await sim.post('/__sim/guider', { calibrated: true });
  await sim.post('/__sim/guider/start', {});
}

/** The number shown first in an RMS figure, e.g. 0.66 from “0.66″ 0.17 px”. */
async function shownValue(page: Page, figure: string): Promise<number> {
  const text = (await page.getByTestId(`rms-${figure}`).textContent()) ?? '';
  const match = /^(−?\d+\.\d+)/.exec(text);
  if (!match) throw new Error(`no value in rms-${figure}: “${text}”`);
  return Number(match[1]!.replace('−', '-'));
}

async function shownStepCount(page: Page): Promise<number> {
  const text = (await page.getByText(/guide steps on the graph/).textContent()) ?? '';
  return Number(/Over the (\d+) guide steps/.exec(text)?.[1] ?? 0);
}

/** NINA's event history, as the plugin keeps it. */
async function eventNames(sim: SimulatorControls): Promise<string[]> {
  const response = await fetch(`${sim.url}/v2/api/event-history`);
  return ((await response.json()) as { Response: { Event: string }[] }).Response.map((row) => row.Event);
}

const graphRequests = async (sim: SimulatorControls) =>
  (await sim.get<{ path: string }[]>('/__sim/requests')).filter((request) => request.path === '/v2/api/equipment/guider/graph').length;

test('start guiding from Skydeck: the graph fills and its RMS is NINA’s, within rounding @phone', async ({ page, skydeck, sim }) => {
  await sim.post('/__sim/guider', { calibrated: true });
  await openSkydeck(page, skydeck, '/guiding');
  const guider = page.getByRole('region', { name: 'Guider' });
  await guider.getByRole('button', { name: 'Start guiding' }).click();
  await expect(guider.getByText('NINA: Guiding started')).toBeVisible({ timeout: 10_000 });
  await expect(guider.getByText('Guiding', { exact: true })).toBeVisible();

  await expect.poll(() => shownStepCount(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(20);
  await guider.getByRole('button', { name: 'Stop guiding' }).click();
  await expect(guider.getByText('NINA: Guiding stopped')).toBeVisible();

  // NINA's graph no longer changes; GUIDER-STOP made Skydeck read it once more.
  const nina = await ninaGraph(sim);
  await expect.poll(() => shownStepCount(page)).toBe(nina.RMS.DataPoints);
  const arcsec = (px: number) => px * nina.RMS.Scale;
  expect(Math.abs((await shownValue(page, 'total')) - arcsec(nina.RMS.Total))).toBeLessThanOrEqual(0.011);
  expect(Math.abs((await shownValue(page, 'ra')) - arcsec(nina.RMS.RA))).toBeLessThanOrEqual(0.011);
  expect(Math.abs((await shownValue(page, 'dec')) - arcsec(nina.RMS.Dec))).toBeLessThanOrEqual(0.011);
  expect(Math.abs((await shownValue(page, 'peak-ra')) - arcsec(nina.RMS.PeakRA))).toBeLessThanOrEqual(0.011);
  expect(Math.abs((await shownValue(page, 'peak-dec')) - arcsec(nina.RMS.PeakDec))).toBeLessThanOrEqual(0.011);
});

test('the px / arcsec toggle scales the graph and the RMS by NINA’s pixel scale', async ({ page, skydeck, sim }) => {
  await startGuidingInSimulator(sim);
  await expect.poll(async () => (await ninaGraph(sim)).RMS.DataPoints, { timeout: 10_000 }).toBeGreaterThanOrEqual(10);
  await sim.post('/__sim/guider/stop', {});
  await openSkydeck(page, skydeck, '/guiding');
  const nina = await ninaGraph(sim);
  await expect.poll(() => shownStepCount(page)).toBe(nina.RMS.DataPoints);

  await page.getByLabel('Scale').selectOption({ label: '±4″' });
  const graph = page.getByTestId('guide-graph');
  await expect(graph).toHaveAttribute('data-y-limit', '4');
  expect(Math.abs((await shownValue(page, 'total')) - nina.RMS.Total * nina.PixelScale)).toBeLessThanOrEqual(0.011);

  await page.getByRole('group', { name: 'Unit' }).getByRole('button', { name: 'px' }).click();
  await expect(page.getByRole('group', { name: 'Unit' }).getByRole('button', { name: 'px' })).toHaveAttribute('aria-pressed', 'true');
  expect(Number(await graph.getAttribute('data-y-limit'))).toBeCloseTo(4 / nina.PixelScale, 9);
  expect(Math.abs((await shownValue(page, 'total')) - nina.RMS.Total)).toBeLessThanOrEqual(0.011);
  await expect(page.getByTestId('rms-total')).toContainText(' px');
});

test('a dither shows as a marker on the graph, and GUIDER-DITHER follows', async ({ page, skydeck, sim }) => {
  await startGuidingInSimulator(sim);
  await openSkydeck(page, skydeck, '/guiding');
  await expect.poll(() => shownStepCount(page), { timeout: 10_000 }).toBeGreaterThanOrEqual(5);
  await expect(page.locator('.dither-marker')).toHaveCount(0);

  await sim.post('/__sim/guider/dither', { pixels: 2, settleTimeS: 1 });
  await expect(page.locator('.dither-marker')).toHaveCount(1);
  await expect(page.getByTestId('guide-graph')).toHaveAttribute('data-dither-markers', '1');
  await expect.poll(() => eventNames(sim), { timeout: 10_000 }).toContain('GUIDER-DITHER');
  // Guiding goes on after the settle, on both sides of the marker.
  await expect.poll(() => shownStepCount(page)).toBeGreaterThan(10);
  await expect(page.locator('.dither-marker')).toHaveCount(1);
});

test('the graph is polled only while PHD2 guides, at most once a second', async ({ page, skydeck, sim }) => {
  await openSkydeck(page, skydeck, '/guiding');
  await expect(page.getByText('No guide steps yet.')).toBeVisible();
  await fetch(`${sim.url}/__sim/requests`, { method: 'DELETE' });
  await page.waitForTimeout(2_500);
  expect(await graphRequests(sim)).toBe(0);

  await startGuidingInSimulator(sim);
  await expect.poll(() => shownStepCount(page), { timeout: 10_000 }).toBeGreaterThan(0);
  await fetch(`${sim.url}/__sim/requests`, { method: 'DELETE' });
  await page.waitForTimeout(3_000);
  const whileGuiding = await graphRequests(sim);
  expect(whileGuiding).toBeGreaterThanOrEqual(2);
  expect(whileGuiding).toBeLessThanOrEqual(4);
});

test('the Overview shows the guider’s state and a total-RMS trend', async ({ page, skydeck, sim }) => {
  await startGuidingInSimulator(sim);
  await openSkydeck(page, skydeck, '/');
  const widget = page.getByRole('region', { name: 'Guiding', exact: true });
  await expect(widget.getByTestId('guider-state')).toHaveText('Guiding', { timeout: 10_000 });
  await expect(widget.getByTestId('widget-rms-total')).toHaveText(/^\d+\.\d\d″$/, { timeout: 10_000 });
  await expect(widget.getByRole('img', { name: /^Total RMS over the last \d+ steps/ })).toBeVisible();
  await widget.getByRole('link', { name: 'Guide graph' }).click();
  await expect(page).toHaveURL(/\/guiding$/);
});
