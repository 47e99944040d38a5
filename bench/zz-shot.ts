// scratch: screenshots of the camera view (deleted before handing over)
import { startServer } from '../server/index';
import { launchChromium } from './browser';

const server = await startServer({ port: 0, host: '127.0.0.1', build: false, simulator: { port: 0, testControls: true }, log: false });
const browser = await launchChromium();
const sim = server.simulatorUrl!;
const api = (path: string) => fetch(`${sim}/v2/api${path}`).then((r) => r.json());
try {
  const sizes = [
    { name: 'desktop', width: 1440, height: 900, dpr: 1 },
    { name: 'phone', width: 390, height: 844, dpr: 2 },
  ];
  const desktop = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  desktop.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console:', m.text()); });
  await desktop.goto(`${server.url}/camera`);
  await desktop.waitForTimeout(1500);
  if (process.env.SHOT_CAPTURE) {
    for (const filter of [0, 1]) {
      await api(`/equipment/filterwheel/change-filter?filterId=${filter}`);
      await new Promise((r) => setTimeout(r, 2000));
      await api('/equipment/camera/capture?duration=1&save=true&imageType=LIGHT&targetName=M42');
      await new Promise((r) => setTimeout(r, 4500));
    }
  }
  if (process.env.SHOT_AF) await fetch(`${sim}/__sim/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Event: 'AUTOFOCUS-FINISHED' }) });
  await desktop.waitForTimeout(Number(process.env.SHOT_WAIT ?? 1500));
  await desktop.screenshot({ path: '/tmp/camera-view-shots/desktop.png', fullPage: true });
  for (const size of sizes.slice(1)) {
    const page = await browser.newPage({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.dpr, isMobile: true, hasTouch: true });
    await page.goto(`${server.url}/camera`);
    await page.waitForTimeout(3000);
    await page.screenshot({ path: `/tmp/camera-view-shots/${size.name}.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    console.log(size.name, 'overflow', overflow);
  }
} finally {
  await browser.close();
  await server.close();
}
