import type { Page } from '@playwright/test';
import { deviceCard, expect, openSkydeck, test, type SimulatorControls } from './fixtures';

/**
 * NINA (or the link to it) misbehaving in every way the simulator can: each fault shows a clear
 * message in the panel concerned, nothing goes white, nothing is thrown uncaught (the pageHealth
 * fixture fails the journey otherwise), and commands are never sent twice.
 */

const fault = (sim: SimulatorControls, path: string, kind: string, times?: number) => sim.post('/__sim/fault', { path, kind, ...(times && { times }) });
const requestsTo = async (sim: SimulatorControls, path: string) =>
  (await sim.get<{ path: string }[]>('/__sim/requests')).filter((request) => request.path === `/v2/api${path}`).length;

const refreshFailures: [kind: string, message: RegExp][] = [
  ['unknown-error', /last refresh failed: Unknown error/],
  ['html-400', /last refresh failed: NINA refused the request \(HTTP 400\)/],
  ['empty', /last refresh failed: NINA sent an empty reply to \/equipment\/info/],
  ['malformed-json', /last refresh failed: NINA's reply to \/equipment\/info is not valid JSON/],
];

for (const [kind, message] of refreshFailures) {
  test(`a ${kind} reply to the Overview's refresh is explained and the cards stay`, async ({ page, skydeck, sim }) => {
    await openSkydeck(page, skydeck);
    await expect(deviceCard(page, 'Camera')).toHaveAttribute('data-connected', 'true');
    await fault(sim, '/equipment/info', kind);
    await expect(page.getByText(message)).toBeVisible({ timeout: 8_000 });
    await expect(deviceCard(page, 'Camera')).toBeVisible();
  });
}

test('a reply that breaks the schema marks only the devices it broke as unreadable', async ({ page, skydeck, sim }) => {
  await openSkydeck(page, skydeck);
  await fault(sim, '/equipment/info', 'schema-break');
  await expect(page.locator('section[data-device]').filter({ hasText: 'Unreadable' }).first()).toBeVisible({ timeout: 8_000 });
  // The rest of the Overview keeps working.
  await expect(page.locator('section[data-device][data-connected="true"]').first()).toBeVisible();
});

test('a NINA that stops answering is reported as a timeout, then recovers when it answers again', async ({ page, skydeck, sim }) => {
  test.setTimeout(45_000);
  await openSkydeck(page, skydeck);
  // The Overview has its first snapshot: the hang hits a refresh, not the first read.
  await expect(deviceCard(page, 'Camera')).toHaveAttribute('data-connected', 'true');
  await fault(sim, '/equipment/info', 'hang');
  await expect(page.getByText(/last refresh failed: NINA did not answer \/equipment\/info within 10 s/)).toBeVisible({ timeout: 25_000 });
  await fetch(`${sim.url}/__sim/fault`, { method: 'DELETE' });
  await expect(page.getByText(/last refresh failed/)).toBeHidden({ timeout: 15_000 });
});

test('a view that cannot load at all says why instead of going blank @phone', async ({ page, skydeck, sim }) => {
  await fault(sim, '/equipment/mount/info', 'unknown-error');
  await openSkydeck(page, skydeck, '/mount');
  await expect(page.getByRole('region', { name: 'Position' }).getByText('Unknown error')).toBeVisible();
  // The rest of the view is still there.
  await expect(page.getByRole('region', { name: 'Jog' })).toBeVisible();
});

test('a failing slew is sent to NINA exactly once, and NINA’s error is shown', async ({ page, skydeck, sim }) => {
  await openSkydeck(page, skydeck, '/mount');
  await fetch(`${sim.url}/__sim/requests`, { method: 'DELETE' });
  await fault(sim, '/equipment/mount/slew', 'unknown-error');
  const form = page.getByRole('form', { name: 'Slew to coordinates' });
  await form.getByLabel('Right ascension (J2000)').fill('10h 00m 00s');
  await form.getByLabel('Declination (J2000)').fill('+20');
  await form.getByRole('button', { name: 'Slew', exact: true }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'Unknown error' })).toBeVisible();
  // An alert says so too, in case the user looks elsewhere.
  await expect(page.getByRole('alert').filter({ hasText: 'NINA refused a command' })).toBeVisible();
  await page.waitForTimeout(3_000);
  expect(await requestsTo(sim, '/equipment/mount/slew')).toBe(1);
});

test('a slew refused with EmbedIO’s HTML page is not retried either', async ({ page, skydeck, sim }) => {
  await openSkydeck(page, skydeck, '/mount');
  await fetch(`${sim.url}/__sim/requests`, { method: 'DELETE' });
  await fault(sim, '/equipment/mount/slew', 'html-400');
  const form = page.getByRole('form', { name: 'Slew to coordinates' });
  await form.getByLabel('Right ascension (J2000)').fill('10.5');
  await form.getByLabel('Declination (J2000)').fill('20');
  await form.getByRole('button', { name: 'Slew and center' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'HTTP 400' })).toBeVisible();
  await page.waitForTimeout(2_000);
  expect(await requestsTo(sim, '/equipment/mount/slew')).toBe(1);
});

async function pressCapture(page: Page) {
  const form = page.getByRole('form', { name: 'Capture a frame' });
  await form.getByLabel('Exposure (s)').fill('1');
  await form.getByRole('button', { name: 'Capture' }).click();
  return form;
}

test('a failing capture is sent to NINA exactly once, and NINA’s error is shown', async ({ page, skydeck, sim }) => {
  await openSkydeck(page, skydeck, '/camera');
  await fetch(`${sim.url}/__sim/requests`, { method: 'DELETE' });
  await fault(sim, '/equipment/camera/capture', 'unknown-error');
  const form = await pressCapture(page);
  await expect(form.getByRole('alert').filter({ hasText: 'Unknown error' })).toBeVisible();
  await expect(form.getByRole('button', { name: 'Capture' })).toBeEnabled();
  // Nothing to wait for but the absence of a second try.
  await page.waitForTimeout(3_000);
  expect(await requestsTo(sim, '/equipment/camera/capture')).toBe(1);
});

test('a capture whose reply is lost on the way is not sent again', async ({ page, skydeck, sim }) => {
  await openSkydeck(page, skydeck, '/camera');
  await fetch(`${sim.url}/__sim/requests`, { method: 'DELETE' });
  // NINA gets the request and starts the exposure; the connection breaks before its reply arrives.
  let sentByBrowser = 0;
  await page.route('**/v2/api/equipment/camera/capture?*', async (route) => {
    sentByBrowser += 1;
    await route.fetch();
    await route.abort('connectionreset');
  });
  const form = await pressCapture(page);
  await expect(form.getByRole('alert').filter({ hasText: `Could not reach NINA at ${skydeck.url}` })).toBeVisible();
  await page.waitForTimeout(3_000);
  expect(sentByBrowser).toBe(1);
  expect(await requestsTo(sim, '/equipment/camera/capture')).toBe(1);
});

test('a capture NINA never answers times out once and is not sent again', async ({ page, skydeck, sim }) => {
  await openSkydeck(page, skydeck, '/camera');
  await fetch(`${sim.url}/__sim/requests`, { method: 'DELETE' });
  await fault(sim, '/equipment/camera/capture', 'hang');
  const form = await pressCapture(page);
  await expect(form.getByRole('alert').filter({ hasText: 'NINA did not answer /equipment/camera/capture within 10 s' })).toBeVisible({ timeout: 15_000 });
  await expect(form.getByRole('button', { name: 'Capture' })).toBeEnabled();
  await page.waitForTimeout(2_000);
  expect(await requestsTo(sim, '/equipment/camera/capture')).toBe(1);
});
