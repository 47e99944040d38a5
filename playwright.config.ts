import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

// Every simulator a journey starts records its traffic for the contract check (npm run test:contract).
process.env.SKYDECK_TRAFFIC_DIR ??= fileURLToPath(new URL('./.traffic', import.meta.url));

/**
 * Playwright cannot download its own browser here, so it drives Debian's Chromium. The flags keep
 * Chromium from phoning home (refused on this network) and let it run as root in CI.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Journeys run on a simulated clock; two workers on two cores stretch the longest towards 30 s.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
        '--disable-default-apps',
        '--metrics-recording-only',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } },
    {
      name: 'phone',
      use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
      grep: /@phone/,
    },
  ],
});
