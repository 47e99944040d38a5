import type { Page } from '@playwright/test';
import { expect, openSkydeck, test, type SimulatorControls } from './fixtures';
import { loadPlan, runRegion } from './sequence-plan';

// Frames of 1 s (simulated) at ten times speed: each is saved and stacked within a second or two.
test.use({ simulatorSpeed: 10 });

/**
 * Whatever NINA's users type (target names) and whatever NINA reports (filter names from the
 * profile, exception messages) reaches Skydeck as strings. Markup in them must show as written
 * and never run: React renders text, and nothing may use innerHTML or a tooltip library that
 * does. Each string would put an <img src="x"> in the page if it were parsed as HTML, and its
 * handler would open a dialog (or, blocked by the content security policy, fail the pageHealth
 * fixture).
 */
const TARGET = '<img src=x onerror=alert(1)>';
const FILTER = '<b>Ha</b><img src=x onerror=alert(2)>';
const NINA_ERROR = 'Camera <i>lost</i> <img src=x onerror=alert(3)> & gave up';

async function nina(sim: SimulatorControls, path: string): Promise<unknown> {
  const response = await fetch(`${sim.url}/v2/api${path}`);
  const body = (await response.json()) as { Response: unknown; Success: boolean; Error: string };
  if (!body.Success) throw new Error(`${path}: ${body.Error}`);
  return body.Response;
}

/** Fails the journey on any dialog a string managed to open, once it is over. */
function watchDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on('dialog', (dialog) => {
    opened.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return opened;
}

async function expectNoInjectedMarkup(page: Page) {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator('[onerror], b:text("Ha"), i:text("lost")')).toHaveCount(0);
}

const goTo = (page: Page, view: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: view, exact: true }).click();

test('a target, a filter and an error written in HTML are shown as written wherever they appear, and nothing runs', async ({ page, skydeck, sim }) => {
  const dialogs = watchDialogs(page);

  // A frame of the target saved through NINA's API while the live stack runs.
  await openSkydeck(page, skydeck, '/live-stack');
  await page.getByRole('button', { name: 'Start live stack' }).click();
  await expect(page.getByTestId('stack-controls')).toHaveAttribute('data-status', 'Running');
  await nina(sim, `/equipment/camera/capture?duration=1&save=true&imageType=LIGHT&targetName=${encodeURIComponent(TARGET)}`);
  const tile = page.getByRole('article', { name: `L stack of ${TARGET}`, exact: true });
  await expect(tile.getByTestId('stack-count')).toHaveText('1 frame', { timeout: 10_000 });
  await expect(tile).toHaveAttribute('data-target', TARGET);
  await expectNoInjectedMarkup(page);

  await goTo(page, 'Camera');
  await expect(page.getByTestId('frame-statistics').locator('..')).toContainText(`LIGHT · ${TARGET} · saved`);
  // The same frame opened from the saved frames, as NINA's image history describes it.
  await page.getByTestId('history-strip').getByRole('button', { name: /^Open frame 0/ }).click();
  await expect(page.getByRole('heading', { name: 'Frame #0' })).toBeVisible();
  await expect(page.getByTestId('frame-statistics').locator('..')).toContainText(`LIGHT · ${TARGET} · saved`);
  await page.getByRole('button', { name: 'Back to live' }).click();
  const point = page.getByTestId('hfr-chart').locator('path.recharts-symbols').first();
  await point.scrollIntoViewIfNeeded();
  await point.hover();
  await expect(page.getByTestId('hfr-chart').getByText(TARGET)).toBeVisible();
  await expectNoInjectedMarkup(page);

  // A filter named in markup, as NINA's profile could hold it. The simulated wheel's names are
  // fixed, so the frame's IMAGE-SAVE is sent as NINA would send it.
  await sim.emitEvent({
    Event: 'IMAGE-SAVE',
    ImageStatistics: {
      ExposureTime: 1,
      ImageType: 'LIGHT',
      Filter: FILTER,
      RmsText: '',
      Temperature: -10,
      CameraName: 'Simulated camera',
      TargetName: TARGET,
      Gain: 100,
      Offset: 10,
      Date: new Date().toISOString(),
      TelescopeName: 'Simulated scope',
      FocalLength: 400,
      StDev: 50,
      Mean: 500,
      Median: 480,
      Min: 0,
      Max: 65_535,
      Stars: 120,
      HFR: 2.5,
      HFRStDev: 0.4,
      IsBayered: false,
      Filename: 'C:\\Images\\hostile.fits',
    },
  });
  const perFilter = page.getByTestId('hfr-chart').locator(`[data-filter="${FILTER}"]`);
  await expect(perFilter).toHaveAttribute('data-count', '1');
  await expect(perFilter).toContainText(FILTER);
  await expect(page.getByTestId('hfr-chart')).toContainText(`stars, ${FILTER}`);
  await expectNoInjectedMarkup(page);

  // A sequence for the target whose exposure fails with NINA's error in markup.
  await goTo(page, 'Sequence');
  await loadPlan(page, [{ filter: 'L', exposureS: 1, frames: 1 }], TARGET);
  await sim.post('/__sim/sequence', { failItem: { match: 'TakeExposure', message: NINA_ERROR } });
  await runRegion(page).getByRole('button', { name: 'Start', exact: true }).click();
  const alert = page.getByRole('list', { name: 'Alerts' }).getByRole('alert').filter({ hasText: 'Take Exposure failed' });
  await expect(alert).toContainText(NINA_ERROR, { timeout: 10_000 });
  await expect(page.getByTestId('sequence-state')).toHaveAttribute('data-state', 'finished', { timeout: 15_000 });
  await expect(runRegion(page)).toContainText(`Target: ${TARGET}`);
  await expect(page.getByRole('region', { name: 'Failures' })).toContainText(`Take Exposure: ${NINA_ERROR}`);
  await expect(page.getByRole('region', { name: `Exposures: ${TARGET}`, exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Sequence tree' }).getByText(TARGET, { exact: true })).toBeVisible();
  await expectNoInjectedMarkup(page);

  await goTo(page, 'Events');
  await expect(page.locator('li[data-event="SEQUENCE-ENTITY-FAILED"]')).toContainText(`Error: ${NINA_ERROR}`);
  await expectNoInjectedMarkup(page);

  await page.getByRole('button', { name: /^Alerts/ }).click();
  await expect(page.getByRole('dialog', { name: 'Alert history' })).toContainText(NINA_ERROR);
  await expectNoInjectedMarkup(page);

  expect(dialogs, 'no string opened a dialog').toEqual([]);
});
