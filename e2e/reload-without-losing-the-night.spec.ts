import type { Page } from '@playwright/test';
import { expect, openSkydeck, test, type SimulatorControls } from './fixtures';

// An autofocus is a minute of simulated time; twenty times faster the whole night here takes seconds.
test.use({ simulatorSpeed: 20 });

/** The event log as the user reads it: each row's time, name and details, newest first. */
const eventRows = (page: Page) => page.getByRole('list', { name: 'Event log' }).locator('li[data-event]').allInnerTexts();

/** Moves within the page, as a user does: only the reload below reloads. */
const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view, exact: true }).click();

const historyLength = async (sim: SimulatorControls) => (await sim.get<{ Response: unknown[] }>('/v2/api/event-history')).Response.length;

/** Saves a 1 s light frame through `filter`; the form keeps the other settings for the next one. */
async function captureFrame(page: Page, filter: string) {
  const form = page.getByRole('form', { name: 'Capture a frame' });
  await form.getByLabel('Exposure (s)').fill('1');
  await form.getByLabel('Frame type').selectOption('LIGHT');
  await form.getByLabel('Save in NINA').check();
  await form.getByLabel('Filter').selectOption({ label: filter });
  await form.getByRole('button', { name: 'Capture' }).click();
}

test('after frames, an autofocus and guiding, a reload shows the same event log, HFR points and autofocus runs', async ({ page, skydeck, sim }) => {
  // Two frames, an autofocus run and guiding, then a reload: about 20 s alone, more beside another worker.
  test.setTimeout(60_000);
  await openSkydeck(page, skydeck, '/camera');
  const chart = page.getByTestId('hfr-chart');
  await captureFrame(page, 'R');
  await expect(chart).toHaveAttribute('data-points', '1', { timeout: 10_000 });
  await captureFrame(page, 'G');
  await expect(chart).toHaveAttribute('data-points', '2', { timeout: 10_000 });

  await goTo(page, 'Focus');
  await page.getByRole('button', { name: 'Start autofocus' }).click();
  await expect(page.getByTestId('autofocus-status')).toHaveText('Finished', { timeout: 20_000 });
  const runRow = page.getByTestId('autofocus-run-row');
  await expect(runRow).toHaveCount(1);
  await expect(runRow).toContainText('Done');
  const runsBefore = await runRow.allTextContents();

  // No spontaneous star loss: NINA must stay quiet while the page reloads.
  await sim.post('/__sim/guider', { calibrated: true, lostLockMeanIntervalH: null });
  await goTo(page, 'Guiding');
  const guider = page.getByRole('region', { name: 'Guider' });
  await guider.getByRole('button', { name: 'Start guiding' }).click();
  await expect(guider.getByText('NINA: Guiding started')).toBeVisible({ timeout: 15_000 });

  await goTo(page, 'Events');
  const eventCount = await historyLength(sim);
  // Every event NINA recorded so far is in the log (IMAGE-PREPARED is sent live but never recorded).
  await expect.poll(async () => (await eventRows(page)).filter((row) => !row.includes('IMAGE-PREPARED')).length).toBe(eventCount);
  const rowsBefore = await eventRows(page);
  expect(rowsBefore.filter((row) => row.includes('IMAGE-SAVE'))).toHaveLength(2);
  expect(rowsBefore.some((row) => row.includes('AUTOFOCUS-FINISHED'))).toBe(true);
  expect(rowsBefore.some((row) => row.includes('GUIDER-START'))).toBe(true);

  await page.reload();
  await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'open');
  // Nothing happened in NINA meanwhile, so the log is exactly what it was: nothing lost, nothing twice.
  expect(await historyLength(sim)).toBe(eventCount);
  await expect.poll(() => eventRows(page)).toEqual(rowsBefore);

  await goTo(page, 'Camera');
  await expect(page.getByTestId('hfr-chart')).toHaveAttribute('data-points', '2');
  await expect(page.getByTestId('hfr-chart').locator('[data-filter="R"]')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('hfr-chart').locator('[data-filter="G"]')).toHaveAttribute('data-count', '1');

  await goTo(page, 'Focus');
  await expect(page.getByTestId('autofocus-run-row')).toHaveText(runsBefore);
});
