import { startServer } from '../server/index';
import { launchChromium } from './browser';
const server = await startServer({ port: 0, host: '127.0.0.1', build: false, simulator: { port: 0, testControls: true }, log: false });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (m) => console.log('console:', m.text()));
  await page.goto(`${server.url}/camera`);
  await page.waitForTimeout(2000);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Capture' }).click();
  for (let i = 0; i < 30; i++) {
    const info = await page.evaluate(() => {
      const bar = document.querySelector('[role=progressbar]');
      return bar ? `${bar.getAttribute('aria-valuenow')} ${bar.getAttribute('aria-valuetext')}` : 'none';
    });
    console.log(Date.now() - t0, info);
    await page.waitForTimeout(200);
  }
} finally {
  await browser.close();
  await server.close();
}
