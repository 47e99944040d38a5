import { createServer } from 'node:net';
import { startServer } from '../server/index';
import { expect, test } from './fixtures';

/** A port on which nothing listens: bind, note it, release. */
async function deadPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

test('pointed at an address where nothing listens, Skydeck says what it tried and what to check @phone', async ({ page }) => {
  const port = await deadPort();
  const server = await startServer({ port: 0, host: '127.0.0.1', build: false, ninaUrl: `http://127.0.0.1:${port}` });
  try {
    await page.goto(server.url);
    const screen = page.getByTestId('connection-screen');
    await expect(screen).toHaveAttribute('data-diagnosis', 'proxy-unreachable');
    await expect(screen.getByRole('heading', { name: 'Skydeck cannot reach NINA' })).toBeVisible();
    await expect(screen.getByText(`http://127.0.0.1:${port}`, { exact: true })).toBeVisible();
    await expect(screen.getByText(/Windows Firewall allows that port/)).toBeVisible();
    await expect(page.getByTestId('connection-badge').getByText('Unreachable')).toBeVisible();
  } finally {
    await server.close();
  }
});

test('a direct address where nothing listens is explained, and fixing it in the form connects', async ({ page, skydeck }) => {
  const port = await deadPort();
  await page.goto(`${skydeck.url}/settings`);
  await page.getByLabel('Directly to NINA').check();
  await page.getByLabel('NINA PC address').fill('127.0.0.1');
  await page.getByLabel('Port').fill(String(port));
  await page.getByRole('button', { name: 'Save and connect' }).click();

  await page.goto(`${skydeck.url}/`);
  const screen = page.getByTestId('connection-screen');
  await expect(screen).toHaveAttribute('data-diagnosis', 'unreachable');
  await expect(screen.getByText(`http://127.0.0.1:${port}`).first()).toBeVisible();

  await screen.getByLabel('Through Skydeck’s server').check();
  await screen.getByRole('button', { name: 'Save and connect' }).click();
  await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'open');
  await expect(page.getByRole('region', { name: 'Camera', exact: true })).toBeVisible();
});

test('NINA with its CORS option off is told apart from NINA not running', async ({ page, skydeck, sim }) => {
  await sim.post('/__sim/settings', { accessControlHeader: false });
  const simulator = new URL(sim.url);
  await page.goto(`${skydeck.url}/settings`);
  await page.getByLabel('Directly to NINA').check();
  await page.getByLabel('NINA PC address').fill(simulator.hostname);
  await page.getByLabel('Port').fill(simulator.port);
  await page.getByRole('button', { name: 'Test' }).click();

  const result = page.getByTestId('connection-test-result');
  await expect(result).toHaveAttribute('data-diagnosis', 'cors');
  await expect(result.getByText(/CORS/).first()).toBeVisible();
});
