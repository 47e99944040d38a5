import type { Page } from '@playwright/test';
import { expect, openSkydeck, test, type SimulatorControls } from './fixtures';

// A TPPA run is three exposures, two RA moves with 5 s settles, then a solve per reading: five
// times faster it still reports every step, and a reading comes about every second.
test.use({ simulatorSpeed: 5 });

interface TppaLogEntry {
  direction: 'in' | 'out';
  text: string;
  action?: string | null;
  outcome?: string;
  format?: 'json' | 'text';
  kind?: string;
}

const tppaLog = (sim: SimulatorControls) => sim.get<TppaLogEntry[]>('/__sim/tppa/log');
const actionsReceived = async (sim: SimulatorControls) => (await tppaLog(sim)).filter((entry) => entry.direction === 'in');
const readings = async (page: Page) => Number(await page.getByTestId('bullseye').getAttribute('data-readings'));

/** Physical offsets: azimuth positive = clockwise of the pole seen from above, altitude positive = too high. */
async function misalign(sim: SimulatorControls, azimuthArcmin: number, altitudeArcmin: number) {
  await sim.post('/__sim/tppa/misalignment', { azimuthArcmin, altitudeArcmin });
}

/** Start from where the mount points, with short exposures and moves, so a run takes seconds. */
async function startQuickRun(page: Page) {
  await page.getByText('TPPA options').click();
  await page.getByRole('group', { name: 'First point' }).getByRole('button', { name: 'Here' }).click();
  await page.getByLabel('Exposure').fill('1');
  await page.getByLabel('Target distance').fill('5');
  await page.getByRole('button', { name: 'Start polar alignment' }).click();
  await expect(page.getByTestId('tppa-confirmation')).toHaveText('NINA: started procedure');
}

/** Every step the page showed, in order, as React rendered it (polling could miss one). */
async function recordSteps(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { tppaSteps: string[] }).tppaSteps = seen;
    const read = () => {
      const step = document.querySelector('[data-testid="tppa-steps"]')?.getAttribute('data-step');
      if (step && seen.at(-1) !== step) seen.push(step);
    };
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-step'] });
  });
  return () => page.evaluate(() => (window as unknown as { tppaSteps: string[] }).tppaSteps);
}

test('start TPPA, follow its three points, then turn the knobs until the view turns green', async ({ page, skydeck, sim }) => {
  test.setTimeout(90_000);
  // Northern site (the simulator's default): 12′ east of the pole and 5′ low.
  await misalign(sim, 12, -5);
  await openSkydeck(page, skydeck, '/polar-alignment');
  await expect(page.getByTestId('hemisphere-note')).toHaveAttribute('data-hemisphere', 'north');
  const steps = await recordSteps(page);
  await startQuickRun(page);

  const [start] = await actionsReceived(sim);
  expect(start).toMatchObject({ action: 'start-alignment', format: 'json', outcome: 'published' });
  expect(JSON.parse(start!.text)).toEqual({ Action: 'start-alignment', StartFromCurrentPosition: true, TargetDistance: 5, ExposureTime: 1, AlignmentTolerance: 1 });

  await expect.poll(() => readings(page), { timeout: 45_000 }).toBeGreaterThanOrEqual(1);
  expect(await steps()).toEqual(['0', '1', '2', '3']);
  await expect(page.getByTestId('guidance-text')).toHaveText(/^Azimuth: turn 1[12]′ \d\d″ west · Altitude: raise [45]′ \d\d″$/);
  await expect(page.getByTestId('azimuth-readout').locator('svg')).toHaveAttribute('data-arrow', 'left');
  await expect(page.getByTestId('altitude-readout').locator('svg')).toHaveAttribute('data-arrow', 'up');
  await expect(page.getByTestId('bullseye')).toHaveAttribute('aria-label', /right of and [45]′ \d\d″ below the pole/);

  // The chart follows the readings as they arrive.
  await expect.poll(() => readings(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole('img', { name: /^Polar alignment error over time/ })).toBeVisible();
  const shown = await readings(page);
  await expect.poll(async () => Number(await page.getByTestId('convergence-chart').getAttribute('data-readings')), { timeout: 10_000 }).toBeGreaterThanOrEqual(shown);

  // Half of the azimuth: the next reading is better, and says so.
  await sim.post('/__sim/tppa/knobs', { azimuthArcmin: -7 });
  await expect(page.getByTestId('guidance-text')).toHaveText(/^Azimuth: turn [45]′ \d\d″ west/, { timeout: 15_000 });
  await expect(page.getByTestId('bullseye')).toHaveAttribute('data-aligned', 'false');

  // Onto the pole: inside the 1′ tolerance, TPPA finishes by itself and the view turns green.
  await sim.post('/__sim/tppa/knobs', { converge: true });
  await expect(page.getByTestId('aligned-banner')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('aligned-banner')).toContainText('TPPA finished by itself');
  await expect(page.getByTestId('bullseye')).toHaveAttribute('data-aligned', 'true');
  await expect(page.getByTestId('tppa-phase')).toHaveText('Aligned');
  await expect(page.getByRole('status').filter({ hasText: 'Polar alignment within tolerance' })).toBeVisible();
  await expect.poll(async () => (await sim.get<{ running: boolean }>('/__sim/tppa')).running).toBe(false);
});

test('pause, resume and stop send TPPA’s actions, and the view follows', async ({ page, skydeck, sim }) => {
  test.setTimeout(60_000);
  await openSkydeck(page, skydeck, '/polar-alignment');
  await startQuickRun(page);
  await expect(page.getByTestId('tppa-status')).not.toHaveText(/Waiting for TPPA/, { timeout: 15_000 });

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('tppa-confirmation')).toHaveText('NINA: paused procedure');
  // TPPA pauses at its next move or solve, then says so.
  await expect(page.getByTestId('tppa-phase')).toHaveText('Paused', { timeout: 20_000 });
  await expect.poll(async () => (await sim.get<{ paused: boolean }>('/__sim/tppa')).paused).toBe(true);

  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByTestId('tppa-confirmation')).toHaveText('NINA: resumed procedure');
  await expect(page.getByTestId('tppa-phase')).toHaveText(/^Measuring point|^Calculating|^Adjusting/);
  await expect.poll(async () => (await sim.get<{ paused: boolean }>('/__sim/tppa')).paused).toBe(false);

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('tppa-confirmation')).toHaveText('NINA: stopped procedure');
  await expect(page.getByTestId('tppa-phase')).toHaveText('Stopped');
  await expect(page.getByRole('button', { name: 'Start polar alignment' })).toBeVisible();
  await expect.poll(async () => (await sim.get<{ running: boolean }>('/__sim/tppa')).running).toBe(false);

  const received = await actionsReceived(sim);
  expect(received.map((entry) => [entry.action, entry.format, entry.outcome])).toEqual([
    ['start-alignment', 'json', 'published'],
    ['pause-alignment', 'json', 'published'],
    ['resume-alignment', 'json', 'published'],
    ['stop-alignment', 'json', 'published'],
  ]);
  expect(received.slice(1).map((entry) => JSON.parse(entry.text) as unknown)).toEqual([
    { Action: 'pause-alignment' },
    { Action: 'resume-alignment' },
    { Action: 'stop-alignment' },
  ]);
});

test('south of the equator TPPA flips the altitude sign, and the advice stays right', async ({ page, skydeck, sim }) => {
  test.setTimeout(60_000);
  await sim.post('/__sim/mount/site', { latitudeDeg: -33.87 });
  // 6′ clockwise of the south pole seen from above (west of it) and 4′ too high.
  await misalign(sim, 6, 4);
  await openSkydeck(page, skydeck, '/polar-alignment');
  await expect(page.getByTestId('hemisphere-note')).toHaveAttribute('data-hemisphere', 'south');
  await expect(page.getByTestId('hemisphere-note')).toHaveText('Southern hemisphere: the mount’s site latitude is −33° 52′ 12″.');
  await startQuickRun(page);
  await expect.poll(() => readings(page), { timeout: 45_000 }).toBeGreaterThanOrEqual(1);

  // On the wire a too-high axis in the south is a NEGATIVE altitude error.
  const reading = (await tppaLog(sim)).find((entry) => entry.kind === 'alignment-error');
  const { Response } = JSON.parse(reading!.text) as { Response: { AzimuthError: number; AltitudeError: number } };
  expect(Response.AzimuthError).toBeGreaterThan(0);
  expect(Response.AltitudeError).toBeLessThan(0);

  await expect(page.getByTestId('guidance-text')).toHaveText(/^Azimuth: turn [56]′ \d\d″ east · Altitude: lower [34]′ \d\d″$/);
  await expect(page.getByTestId('azimuth-readout').locator('svg')).toHaveAttribute('data-arrow', 'left');
  await expect(page.getByTestId('altitude-readout').locator('svg')).toHaveAttribute('data-arrow', 'down');
  await expect(page.getByTestId('bullseye')).toHaveAttribute('aria-label', /right of and [34]′ \d\d″ above the pole/);

  // A mount whose altitude bolt runs the other way: the arrow flips, the words do not.
  await page.getByLabel('Reverse the altitude arrow').check();
  await expect(page.getByTestId('altitude-readout').locator('svg')).toHaveAttribute('data-arrow', 'up');
  await expect(page.getByTestId('altitude-readout')).toContainText('lower');
  await expect(page.getByTestId('altitude-readout')).toContainText('(arrow reversed)');
  await page.getByRole('button', { name: 'Stop' }).click();
});

test('at the mount: full screen, red, huge arrows, and the screen kept awake while TPPA runs @phone', async ({ page, skydeck, sim }) => {
  test.setTimeout(60_000);
  await page.addInitScript(() => {
    const calls = { requested: 0, released: 0 };
    (window as unknown as { wakeLockCalls: typeof calls }).wakeLockCalls = calls;
    Object.defineProperty(navigator, 'wakeLock', {
      configurable: true,
      value: {
        request: async () => {
          calls.requested += 1;
          const sentinel = { released: false, release: async () => void ((sentinel.released = true), (calls.released += 1)) };
          return sentinel;
        },
      },
    });
  });
  const wakeLock = () => page.evaluate(() => (window as unknown as { wakeLockCalls: { requested: number; released: number } }).wakeLockCalls);
  await misalign(sim, -20, 8);
  await openSkydeck(page, skydeck, '/polar-alignment');
  expect((await wakeLock()).requested).toBe(0);
  await startQuickRun(page);
  await expect.poll(async () => (await wakeLock()).requested).toBeGreaterThanOrEqual(1);

  await page.getByRole('button', { name: 'At the mount: full screen' }).click();
  const mountView = page.getByRole('dialog', { name: 'At the mount' });
  await expect(mountView).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('night');
  await expect.poll(() => readings(page), { timeout: 45_000 }).toBeGreaterThanOrEqual(1);
  await expect(mountView.getByTestId('azimuth-readout')).toContainText('turn east');
  await expect(mountView.getByTestId('altitude-readout')).toContainText('lower');
  const fontPx = await mountView.getByTestId('azimuth-amount').evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
  expect(fontPx).toBeGreaterThanOrEqual(64);
  const box = (await mountView.getByTestId('azimuth-readout').boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);

  await mountView.getByRole('button', { name: 'Stop' }).click();
  await expect.poll(async () => (await actionsReceived(sim)).map((entry) => entry.action)).toEqual(['start-alignment', 'stop-alignment']);
  await expect.poll(async () => (await wakeLock()).released).toBeGreaterThanOrEqual(1);
  await mountView.getByRole('button', { name: 'Leave' }).click();
  await expect(mountView).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
});

test('while a sequence runs, starting TPPA asks to take manual control first', async ({ page, skydeck, sim }) => {
  await openSkydeck(page, skydeck, '/polar-alignment');
  await expect(page.getByTestId('tppa-run')).toHaveAttribute('data-link', 'open');
  await sim.emitEvent({ Event: 'SEQUENCE-STARTING' });
  await page.getByRole('button', { name: 'Start polar alignment' }).click();
  const dialog = page.getByRole('dialog', { name: 'A sequence is running' });
  await expect(dialog).toBeVisible();
  expect(await actionsReceived(sim)).toEqual([]);
  await dialog.getByRole('button', { name: 'Take manual control' }).click();
  await expect(page.getByTestId('tppa-confirmation')).toHaveText('NINA: started procedure');
  expect((await actionsReceived(sim)).map((entry) => entry.action)).toEqual(['start-alignment']);
  await page.getByRole('button', { name: 'Stop' }).click();
});

test('without a camera TPPA cannot start, and the view says so instead of sending a start TPPA would ignore', async ({ page, skydeck, sim }) => {
  await sim.setDevice('camera', { connected: false });
  await openSkydeck(page, skydeck, '/polar-alignment');
  await expect(page.getByText('Connect the camera first: TPPA cannot start without it.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start polar alignment' })).toBeDisabled();
});
