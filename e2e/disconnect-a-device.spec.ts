import { deviceCard, expect, openSkydeck, test } from './fixtures';

test('a camera disconnected in NINA changes its card within 1 s, by event and not by the poll', async ({ page, skydeck, sim }) => {
  await openSkydeck(page, skydeck);
  const camera = deviceCard(page, 'Camera');
  await expect(camera).toHaveAttribute('data-connected', 'true');

  // From here on the equipment poll gets no answer, so only the CAMERA-DISCONNECTED event can change the card.
  await page.route('**/v2/api/equipment/info', () => {});
  await sim.setDevice('camera', { connected: false });

  await expect(camera).toHaveAttribute('data-connected', 'false', { timeout: 1_000 });
  await expect(camera.getByText('Disconnected')).toBeVisible();
});

test('disconnect and reconnect the camera from its card @phone', async ({ page, skydeck }) => {
  await openSkydeck(page, skydeck);
  const camera = deviceCard(page, 'Camera');

  await camera.getByRole('button', { name: 'Disconnect the camera' }).click();
  await expect(camera).toHaveAttribute('data-connected', 'false');

  const connect = camera.getByRole('button', { name: 'Connect the camera' });
  await connect.click();
  await expect(camera).toHaveAttribute('data-connected', 'true', { timeout: 10_000 });
  await expect(camera.getByText('Sensor', { exact: true })).toBeVisible();
});

test('a failed connect shows NINA’s own error text', async ({ page, skydeck, sim }) => {
  await openSkydeck(page, skydeck);
  await sim.setDevice('focuser', { connected: false, failConnect: true });
  const focuser = deviceCard(page, 'Focuser');
  await expect(focuser).toHaveAttribute('data-connected', 'false');

  await focuser.getByRole('button', { name: 'Connect the focuser' }).click();
  await expect(focuser.getByRole('alert')).toHaveText('Failed to connect');
  await expect(focuser).toHaveAttribute('data-connected', 'false');
});
