import { startServer } from '../server/index';
import { expect, test } from './fixtures';

test('with an access token, a browser logs in once and then uses Skydeck normally @phone', async ({ page }) => {
  const server = await startServer({ port: 0, host: '127.0.0.1', build: false, accessToken: 'dark-skies-only', simulator: { port: 0 } });
  try {
    await page.goto(`${server.url}/mount`);
    await expect(page).toHaveURL(/\/skydeck\/login\?next=%2Fmount$/);
    await page.getByLabel('Access token').fill('wrong guess');
    await page.getByRole('button', { name: 'Open Skydeck' }).click();
    await expect(page.getByRole('alert')).toHaveText('That token is not right.');

    await page.getByLabel('Access token').fill('dark-skies-only');
    await page.getByRole('button', { name: 'Open Skydeck' }).click();
    await expect(page).toHaveURL(`${server.url}/mount`);
    // REST and the event socket both pass with the session cookie.
    await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'open');
    await expect(page.getByRole('button', { name: 'Jog north' })).toBeEnabled();
  } finally {
    await server.close();
  }
});
