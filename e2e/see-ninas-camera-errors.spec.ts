import { expect, openSkydeck, test } from './fixtures';

test('with the camera disconnected, capture and cooling show NINA’s own “Camera not connected” @phone', async ({ page, skydeck, sim }) => {
  await sim.setDevice('camera', { connected: false });
  await openSkydeck(page, skydeck, '/camera');
  await expect(page.getByText('NINA reports the camera as not connected.')).toBeVisible();

  const form = page.getByRole('form', { name: 'Capture a frame' });
  await form.getByRole('button', { name: 'Capture' }).click();
  await expect(form.getByRole('alert')).toHaveText('Camera not connected');

  const cooling = page.getByRole('form', { name: 'Cool the camera' });
  await cooling.getByLabel('Set point (°C)').fill('-10');
  await cooling.getByRole('button', { name: 'Cool' }).click();
  await expect(cooling.getByRole('alert')).toHaveText('Camera not connected');
});

test('while NINA exposes, a capture shows NINA’s own “Camera currently exposing”, and Abort stops that exposure', async ({ page, skydeck, sim }) => {
  await openSkydeck(page, skydeck, '/camera');
  // An exposure Skydeck did not start, as NINA's imaging tab or another client would.
  const response = await fetch(`${sim.url}/v2/api/equipment/camera/capture?duration=20`);
  expect(((await response.json()) as { Response: string }).Response).toBe('Capture started');

  const form = page.getByRole('form', { name: 'Capture a frame' });
  // No event announces an exposure: the next camera poll (every 5 s when idle) finds it.
  await expect(page.getByText(/NINA is exposing · \d+ s left/)).toBeVisible({ timeout: 10_000 });
  await form.getByRole('button', { name: 'Capture' }).click();
  await expect(form.getByRole('alert')).toHaveText('Camera currently exposing');

  await form.getByRole('button', { name: 'Abort' }).click();
  await expect(form.getByText('NINA: Exposure aborted')).toBeVisible();
  await expect(page.getByText(/NINA is exposing/)).toBeHidden({ timeout: 5_000 });
});

test('a bad exposure or gain gets a clear message before anything is sent, and gain 0 is explained', async ({ page, skydeck, sim }) => {
  await openSkydeck(page, skydeck, '/camera');
  await fetch(`${sim.url}/__sim/requests`, { method: 'DELETE' });
  const form = page.getByRole('form', { name: 'Capture a frame' });
  await form.getByLabel('Exposure (s)').fill('0');
  await form.getByLabel('Gain').fill('9999');
  await form.getByRole('button', { name: 'Capture' }).click();
  await expect(form.getByText('The exposure must be longer than 0 s')).toBeVisible();
  await expect(form.getByText('The gain must be between 0 and 700')).toBeVisible();
  await form.getByLabel('Gain').fill('0');
  await expect(form.getByText('NINA cannot be asked for gain 0: it will use the camera’s default gain (100) instead.')).toBeVisible();
  const sent = await sim.get<{ path: string }[]>('/__sim/requests');
  expect(sent.filter((request) => request.path.includes('/equipment/camera/capture') || request.path.includes('set-binning'))).toEqual([]);
});
