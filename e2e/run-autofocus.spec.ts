import type { Page } from '@playwright/test';
import { expect, openSkydeck, test, type SimulatorControls } from './fixtures';

// A simulated autofocus takes a minute at speed 1 (ten 2 s frames plus moves). Five times faster
// it reports a point about every second: quick, yet slow enough for a busy machine to follow.
test.use({ simulatorSpeed: 5 });

interface LastAf {
  CalculatedFocusPoint: { Position: number };
  MeasurePoints: { Position: number; Value: number }[];
  RSquares: { Hyperbolic: number };
}

async function lastAf(sim: SimulatorControls): Promise<LastAf> {
  const response = await fetch(`${sim.url}/v2/api/equipment/focuser/last-af`);
  return ((await response.json()) as { Response: LastAf }).Response;
}

/**
 * Every point count the page showed, in order, with the number of points the chart drew at that
 * moment, recorded as React renders it (polling could miss a step).
 */
async function recordPointCounts(page: Page) {
  await page.evaluate(() => {
    const seen: { count: number; drawn: number }[] = [];
    (window as unknown as { pointCounts: typeof seen }).pointCounts = seen;
    const read = () => {
      const text = document.querySelector('[data-testid="autofocus-point-count"]')?.textContent;
      if (text === undefined || text === null) return;
      const count = Number(text);
      if (seen.at(-1)?.count === count) return;
      const drawn = document.querySelectorAll('[role="img"][aria-label^="Autofocus curve"] .recharts-scatter-symbol').length;
      seen.push({ count, drawn });
    };
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { pointCounts: { count: number; drawn: number }[] }).pointCounts);
}

/** The SVG x of the lowest point of the drawn hyperbola, and of the chosen-position line. */
async function curveMinimumAndFocusLineX(page: Page) {
  return page.getByRole('img', { name: /^Autofocus curve/ }).evaluate((chart) => {
    const numbers = (d: string) => (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    const curve = chart.querySelector('.fitted-curve-hyperbolic path.recharts-curve');
    const values = numbers(curve?.getAttribute('d') ?? '');
    let lowest = { x: Number.NaN, y: Number.NEGATIVE_INFINITY };
    for (let i = 0; i + 1 < values.length; i += 2) {
      const point = { x: values[i] as number, y: values[i + 1] as number };
      // SVG y grows downwards: the smallest HFR is the largest y.
      if (point.y > lowest.y) lowest = point;
    }
    const line = chart.querySelector('.recharts-reference-line line');
    return { curveMinimumX: lowest.x, focusLineX: Number(line?.getAttribute('x1')) };
  });
}

test('start an autofocus, watch the points arrive one by one, then the fitted curve and NINA’s chosen position', async ({ page, skydeck, sim }) => {
  test.setTimeout(60_000);
  await openSkydeck(page, skydeck, '/focus');
  await expect(page.getByText('No autofocus yet: NINA has no report.')).toBeVisible();
  const pointCounts = await recordPointCounts(page);

  await page.getByRole('button', { name: 'Start autofocus' }).click();
  await expect(page.getByText('NINA: Autofocus started')).toBeVisible();
  await expect(page.getByTestId('autofocus-status')).toHaveText('Running');
  await expect(page.getByRole('button', { name: 'Cancel autofocus' })).toBeEnabled();

  await expect(page.getByTestId('autofocus-status')).toHaveText('Finished', { timeout: 40_000 });
  const report = await lastAf(sim);
  // The chart grew with the count, point by point, each drawn as it came (the newest twice: as a
  // point and as the "latest" marker). Skydeck renders once per animation frame, so on a busy
  // machine two points that land in the same frame appear together; most steps are still seen.
  const counts = (await pointCounts()).filter((seen) => seen.count > 0);
  const steps = counts.map((seen) => seen.count);
  expect(steps.at(-1)).toBe(report.MeasurePoints.length);
  expect(steps.every((count, i) => i === 0 || count > (steps[i - 1] as number))).toBe(true);
  expect(steps.length).toBeGreaterThanOrEqual(report.MeasurePoints.length / 2);
  for (const seen of counts) expect(seen.drawn).toBe(seen.count + 1);

  // The report's numbers, and its curve drawn from the formula: lowest where NINA chose to focus.
  const result = page.getByTestId('autofocus-result');
  await expect(page.getByTestId('autofocus-final-position')).toHaveText(report.CalculatedFocusPoint.Position.toLocaleString('en-US'));
  await expect(result.getByText(report.RSquares.Hyperbolic.toFixed(4))).toBeVisible();
  await expect(page.locator('[role="img"][aria-label^="Autofocus curve"] .recharts-errorBar')).toHaveCount(report.MeasurePoints.length);
  const { curveMinimumX, focusLineX } = await curveMinimumAndFocusLineX(page);
  expect(Math.abs(curveMinimumX - focusLineX)).toBeLessThan(4);

  const row = page.getByTestId('autofocus-run-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(report.CalculatedFocusPoint.Position.toLocaleString('en-US'));
  await expect(row).toContainText('Done');
  await expect(page.getByRole('list', { name: 'Alerts' }).getByText(`Autofocus finished at ${report.CalculatedFocusPoint.Position.toLocaleString('en-US')} steps`)).toBeVisible();
});

test.describe('at a slower simulated clock, so the run is surely still going when Cancel is pressed', () => {
  test.use({ simulatorSpeed: 2 });

  test('cancelling mid-run stops the autofocus and says it ended without a report', async ({ page, skydeck, sim }) => {
    await openSkydeck(page, skydeck, '/focus');
    await page.getByRole('button', { name: 'Start autofocus' }).click();
    // Cancel as soon as the first point is in: the run has at least eight more to go.
    await expect(page.getByTestId('autofocus-point-count')).toHaveText(/^[1-9]$/, { timeout: 10_000 });

    await page.getByRole('button', { name: 'Cancel autofocus' }).click();
    await expect(page.getByText('NINA: Autofocus canceled')).toBeVisible();
    await expect(page.getByTestId('autofocus-status')).toHaveText('Canceled');
    await expect(page.getByText('Autofocus canceled: the run ended without a report.')).toBeVisible();
    await expect.poll(async () => (await sim.get<{ autofocusRunning: boolean }>('/__sim/imaging')).autofocusRunning).toBe(false);
    // No more points: longer than a point takes (about 5.5 simulated seconds), the curve has not grown.
    const pointsNow = await page.locator('[role="img"][aria-label^="Autofocus curve"] .recharts-scatter-symbol').count();
    await page.waitForTimeout(3_500);
    await expect(page.locator('[role="img"][aria-label^="Autofocus curve"] .recharts-scatter-symbol')).toHaveCount(pointsNow);
    await expect(page.getByRole('button', { name: 'Start autofocus' })).toBeEnabled();
    await expect(page.getByTestId('autofocus-run-row')).toContainText('Canceled');
  });
});

test('a failed autofocus raises an alert and is marked failed @phone', async ({ page, skydeck, sim }) => {
  await sim.post('/__sim/imaging', { failNextAutofocus: true });
  await openSkydeck(page, skydeck, '/focus');
  await page.getByRole('button', { name: 'Start autofocus' }).click();
  await expect(page.getByTestId('autofocus-status')).toHaveText('Failed', { timeout: 15_000 });
  await expect(page.getByRole('list', { name: 'Alerts' }).getByRole('alert').filter({ hasText: 'Autofocus failed' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Autofocus' }).getByText('NINA logged “Autofocus failed to run”')).toBeVisible();
  await expect(page.getByTestId('autofocus-run-row')).toContainText('Failed');
});

test('without a focuser NINA’s own error is shown, though it still tries (notes §8)', async ({ page, skydeck, sim }) => {
  await sim.setDevice('focuser', { connected: false });
  await openSkydeck(page, skydeck, '/focus');
  await expect(page.getByText('The focuser is not connected.')).toBeVisible();
  await page.getByRole('button', { name: 'Start autofocus' }).click();
  await expect(page.getByRole('region', { name: 'Autofocus' }).getByRole('alert').filter({ hasText: 'Focuser not connected' })).toBeVisible();
  await expect(page.getByText('NINA answered “Autofocus started” as well')).toBeVisible();
  await expect(page.getByTestId('autofocus-status')).toHaveText('Failed', { timeout: 10_000 });
});

test('while a sequence runs, starting an autofocus asks to take manual control first', async ({ page, skydeck, sim }) => {
  await openSkydeck(page, skydeck, '/focus');
  await sim.emitEvent({ Event: 'SEQUENCE-STARTING' });
  await page.getByRole('button', { name: 'Start autofocus' }).click();
  const dialog = page.getByRole('dialog', { name: 'A sequence is running' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect((await sim.get<{ autofocusRunning: boolean }>('/__sim/imaging')).autofocusRunning).toBe(false);
  await page.getByRole('button', { name: 'Start autofocus' }).click();
  await dialog.getByRole('button', { name: 'Take manual control' }).click();
  await expect(page.getByText('NINA: Autofocus started')).toBeVisible();
});
