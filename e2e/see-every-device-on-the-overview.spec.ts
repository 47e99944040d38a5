import { deviceCard, expect, openSkydeck, test } from './fixtures';

const deviceLabels = ['Camera', 'Mount', 'Guider', 'Focuser', 'Filter wheel', 'Rotator', 'Weather', 'Safety monitor', 'Dome', 'Flat panel', 'Switch'];

test('open Skydeck in demo mode and see every device on the Overview @phone', async ({ page, skydeck }) => {
  await openSkydeck(page, skydeck);

  await expect(page.getByTestId('demo-badge')).toBeVisible();
  await expect(page.getByLabel('Demo: simulated NINA')).toBeVisible();
  await expect(page.getByTestId('connection-badge').getByText('Connected')).toBeVisible();

  for (const label of deviceLabels) {
    const card = deviceCard(page, label);
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute('data-connected', 'true');
    await expect(card.getByText('Connected', { exact: true })).toBeVisible();
  }
  await expect(page.getByText(`${deviceLabels.length} of ${deviceLabels.length} devices connected`)).toBeVisible();

  // Key figures come from the simulator, not placeholders.
  await expect(deviceCard(page, 'Mount').getByText(/^\d{2}h \d{2}m \d{2}s$/)).toBeVisible();
  await expect(deviceCard(page, 'Filter wheel').getByText('L R G B Ha OIII SII')).toBeVisible();
});

test('the header shows NINA’s and the plugin’s versions', async ({ page, skydeck }) => {
  await openSkydeck(page, skydeck);
  await expect(page.getByTestId('nina-versions')).toHaveText('NINA 3.2.0.9001 · API 2.2.15.0');
});
