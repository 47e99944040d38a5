import { expect, openSkydeck, test } from './fixtures';

// A PHD2 calibration takes 60–120 s of simulated time: 3–6 s at 20×.
test.use({ simulatorSpeed: 20 });

const stopRequests = async (sim: { get<T>(path: string): Promise<T> }) =>
  (await sim.get<{ path: string }[]>('/__sim/requests')).filter((request) => request.path === '/v2/api/equipment/guider/stop').length;

test('calibrate and start: Skydeck shows PHD2 calibrating while NINA holds the request @phone', async ({ page, skydeck }) => {
  await openSkydeck(page, skydeck, '/guiding');
  const guider = page.getByRole('region', { name: 'Guider' });
  await guider.getByRole('button', { name: 'Calibrate & start' }).click();
  await expect(guider.getByRole('status').filter({ hasText: 'Calibrating…' })).toBeVisible({ timeout: 10_000 });
  await expect(guider.getByText('Calibrating', { exact: true })).toBeVisible();
  await expect(guider.getByRole('button', { name: 'Start guiding' })).toBeDisabled();
  await expect(guider.getByText('NINA: Guiding started')).toBeVisible({ timeout: 20_000 });
  await expect(guider.getByText('Guiding', { exact: true })).toBeVisible();
});

test('while a sequence runs, stopping guiding asks first and sends nothing when cancelled', async ({ page, skydeck, sim }) => {
  await sim.post('/__sim/guider', { calibrated: true });
  await sim.post('/__sim/guider/start', {});
  await openSkydeck(page, skydeck, '/guiding');
  const guider = page.getByRole('region', { name: 'Guider' });
  await expect(guider.getByText('Guiding', { exact: true })).toBeVisible({ timeout: 10_000 });
  await sim.emitEvent({ Event: 'SEQUENCE-STARTING' });

  await guider.getByRole('button', { name: 'Stop guiding' }).click();
  const dialog = page.getByRole('dialog', { name: 'A sequence is running' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await stopRequests(sim)).toBe(0);

  await guider.getByRole('button', { name: 'Stop guiding' }).click();
  await dialog.getByRole('button', { name: 'Take manual control' }).click();
  await expect(guider.getByText('NINA: Guiding stopped')).toBeVisible();
  expect(await stopRequests(sim)).toBe(1);
  // The user's own stop is not reported as guiding failing.
  await expect(page.getByRole('list', { name: 'Alerts' }).getByText('Guiding stopped during the sequence')).toHaveCount(0);
});

test('a refused clear-calibration shows why', async ({ page, skydeck, sim }) => {
  await sim.post('/__sim/guider', { failClearCalibration: true });
  await openSkydeck(page, skydeck, '/guiding');
  const guider = page.getByRole('region', { name: 'Guider' });
  await guider.getByRole('button', { name: 'Clear calibration' }).click();
  await page.getByRole('dialog', { name: 'Clear the calibration?' }).getByRole('button', { name: 'Clear calibration' }).click();
  await expect(guider.getByRole('alert').filter({ hasText: 'The guider did not clear its calibration' })).toBeVisible();
});
