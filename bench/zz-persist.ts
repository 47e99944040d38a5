import { startServer } from '../server/index';
import { launchChromium } from './browser';
const server = await startServer({ port: 0, host: '127.0.0.1', build: false, simulator: { port: 0, testControls: true }, log: false });
const browser = await launchChromium();
const sim = server.simulatorUrl!;
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (m) => console.log('console:', m.text()));
  await page.goto(`${server.url}/camera`);
  await page.waitForTimeout(2000);
  await fetch(`${sim}/v2/api/equipment/camera/capture?duration=1&save=true&imageType=LIGHT`);
  await page.locator('[data-testid="hfr-chart"][data-points="1"]').waitFor({ timeout: 15000 });
  const dump = () => page.evaluate(() => new Promise((resolve) => {
    const r = indexedDB.open('skydeck');
    r.onsuccess = () => { const tx = r.result.transaction('state', 'readonly'); const s = tx.objectStore('state'); const k = s.getAllKeys(); k.onsuccess = () => resolve(k.result); };
    r.onerror = () => resolve('err');
  }));
  console.log('keys', await dump());
  await page.waitForTimeout(500);
  await page.reload();
  await page.waitForTimeout(3000);
  console.log('after reload points', await page.locator('[data-testid="hfr-chart"]').getAttribute('data-points'));
  console.log('keys', await dump());
} finally {
  await browser.close();
  await server.close();
}
