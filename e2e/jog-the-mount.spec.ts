import type { Page } from '@playwright/test';
import { expect, openSkydeck, test, type SimulatorControls } from './fixtures';

interface JogFrame {
  atMs: number;
  source: 'frame' | 'watchdog';
  direction: string | null;
  rateDegPerS: number | null;
  action: string;
}
interface AxesReport {
  axisRatesDegPerS: { primary: number; secondary: number };
  frames: JogFrame[];
}

const axes = (sim: SimulatorControls) => sim.get<AxesReport>('/__sim/mount/axes');
const framesFor = async (sim: SimulatorControls, direction: string) =>
  (await axes(sim)).frames.filter((frame) => frame.source === 'frame' && frame.direction === direction);

async function declination(sim: SimulatorControls): Promise<number> {
  const response = await fetch(`${sim.url}/v2/api/equipment/mount/info`);
  const body = (await response.json()) as { Response: { Declination: number } };
  return body.Response.Declination;
}

/** The wall-clock times (epoch ms) of the browser's own pointer events, to compare with the simulator's log. */
async function recordPointerTimes(page: Page) {
  await page.evaluate(() => {
    const times: { type: string; atMs: number }[] = [];
    (window as unknown as { pointerTimes: typeof times }).pointerTimes = times;
    for (const type of ['pointerdown', 'pointerup']) {
      window.addEventListener(type, (event) => times.push({ type, atMs: performance.timeOrigin + event.timeStamp }), { capture: true });
    }
  });
  return () => page.evaluate(() => (window as unknown as { pointerTimes: { type: string; atMs: number }[] }).pointerTimes);
}

async function openMountView(page: Page, skydeck: Parameters<typeof openSkydeck>[1], sim: SimulatorControls) {
  await openSkydeck(page, skydeck, '/mount');
  await expect(page.getByTestId('jog-pad')).toHaveAttribute('data-link', 'open');
  await expect(page.getByRole('button', { name: 'Jog north' })).toBeEnabled();
  await fetch(`${sim.url}/__sim/mount/axes`, { method: 'DELETE' });
}

test('hold north for 3 s with the mouse: a frame at once, keepalives every 400 ms (never 1 s apart), a stop on release', async ({ page, skydeck, sim }) => {
  await openMountView(page, skydeck, sim);
  const pointerTimes = await recordPointerTimes(page);
  const decBefore = await declination(sim);

  await page.getByRole('button', { name: 'Jog north' }).hover();
  await page.mouse.down();
  await expect(page.getByText('Moving north at 8× sidereal')).toBeVisible();
  await page.waitForTimeout(1_500);
  const decWhileHeld = await declination(sim);
  await page.waitForTimeout(1_500);
  await page.mouse.up();
  await expect(page.getByText('Moving north')).toBeHidden();

  const [down, up] = await pointerTimes();
  const frames = await framesFor(sim, 'north');
  const moves = frames.filter((frame) => (frame.rateDegPerS ?? 0) > 0);
  const stop = frames.find((frame) => frame.rateDegPerS === 0);
  expect(down?.type).toBe('pointerdown');
  expect(moves[0]!.atMs - down!.atMs).toBeLessThan(100);
  expect(moves.length).toBeGreaterThanOrEqual(6);
  // Keepalives every 400 ms; a busy machine may delay one, but never near NINA's 1800 ms watchdog.
  const gapsMs = moves.slice(1).map((frame, i) => frame.atMs - moves[i]!.atMs);
  expect([...gapsMs].sort((a, b) => a - b)[Math.floor(gapsMs.length / 2)]).toBeLessThanOrEqual(450);
  for (const gapMs of gapsMs) expect(gapMs).toBeLessThanOrEqual(1_000);
  expect(stop).toBeDefined();
  expect(stop!.atMs - up!.atMs).toBeLessThan(100);
  expect(stop!.atMs).toBeGreaterThan(moves.at(-1)!.atMs);

  // The mount really moved while held, and stops moving once released (tracking keeps Dec fixed).
  expect(Math.abs(decWhileHeld - decBefore)).toBeGreaterThan(0.005);
  const decAfterRelease = await declination(sim);
  await page.waitForTimeout(1_000);
  expect(await declination(sim)).toBeCloseTo(decAfterRelease, 6);
  expect((await axes(sim)).axisRatesDegPerS.secondary).toBe(0);
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });

  test('hold a finger on north and lift it: the move starts and stops', async ({ page, skydeck, sim }) => {
    await openMountView(page, skydeck, sim);
    const box = (await page.getByRole('button', { name: 'Jog north' }).boundingBox())!;
    const finger = { x: box.x + box.width / 2, y: box.y + box.height / 2, id: 1 };
    const cdp = await page.context().newCDPSession(page);

    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [finger] });
    await expect(page.getByText('Moving north at')).toBeVisible();
    await page.waitForTimeout(1_000);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect(page.getByText(/^Moving/)).toBeHidden();

    const frames = await framesFor(sim, 'north');
    expect(frames.filter((frame) => (frame.rateDegPerS ?? 0) > 0).length).toBeGreaterThanOrEqual(3);
    expect(frames.at(-1)!.rateDegPerS).toBe(0);
  });

  test('two fingers move diagonally, and lifting one stops only its direction', async ({ page, skydeck, sim }) => {
    await openMountView(page, skydeck, sim);
    // Each finger is its own pointer, as a touch screen reports them.
    const finger = (name: string, type: 'pointerdown' | 'pointerup', pointerId: number) =>
      page.getByRole('button', { name }).evaluate(
        (button, init) => {
          const box = button.getBoundingClientRect();
          const event = new PointerEvent(init.type, {
            pointerId: init.pointerId,
            pointerType: 'touch',
            isPrimary: init.pointerId === 11,
            bubbles: true,
            cancelable: true,
            clientX: box.left + box.width / 2,
            clientY: box.top + box.height / 2,
          });
          button.dispatchEvent(event);
        },
        { type, pointerId },
      );

    await finger('Jog north', 'pointerdown', 11);
    await finger('Jog west', 'pointerdown', 12);
    await expect(page.getByText('Moving north and west')).toBeVisible();
    await page.waitForTimeout(600);
    await finger('Jog west', 'pointerup', 12);
    await expect(page.getByText('Moving north at')).toBeVisible();
    await page.waitForTimeout(600);
    await finger('Jog north', 'pointerup', 11);
    await expect(page.getByText(/^Moving/)).toBeHidden();

    const north = await framesFor(sim, 'north');
    const west = await framesFor(sim, 'west');
    expect(west.at(-1)!.rateDegPerS).toBe(0);
    expect(north.at(-1)!.rateDegPerS).toBe(0);
    // North kept moving (with keepalives) after west stopped.
    const westStop = west.at(-1)!.atMs;
    expect(north.filter((frame) => frame.atMs > westStop && (frame.rateDegPerS ?? 0) > 0).length).toBeGreaterThanOrEqual(1);
  });
});

test('reversing on one axis stops the old direction first', async ({ page, skydeck, sim }) => {
  await openMountView(page, skydeck, sim);
  await page.keyboard.down('ArrowLeft');
  await expect(page.getByText('Moving east')).toBeVisible();
  await page.keyboard.down('ArrowRight');
  await expect(page.getByText('Moving west')).toBeVisible();
  await page.keyboard.up('ArrowRight');
  await page.keyboard.up('ArrowLeft');
  await expect(page.getByText(/^Moving/)).toBeHidden();

  const frames = (await axes(sim)).frames.filter((frame) => frame.source === 'frame');
  const sequence = frames.map((frame) => `${frame.direction}:${(frame.rateDegPerS ?? 0) > 0 ? 'move' : 'stop'}`);
  const firstWest = sequence.indexOf('west:move');
  expect(sequence.slice(0, firstWest + 1)).toEqual([...sequence.slice(0, firstWest - 1).filter((s) => s === 'east:move'), 'east:stop', 'west:move']);
});

test('dropping the jog link mid-hold warns, disables the pad, and NINA’s watchdog stops the axis', async ({ page, skydeck, sim }) => {
  await openMountView(page, skydeck, sim);
  await page.getByRole('button', { name: 'Jog south' }).hover();
  await page.mouse.down();
  await expect(page.getByText('Moving south')).toBeVisible();
  await page.waitForTimeout(600);

  await sim.refuseSockets(3_000);
  await sim.post('/__sim/sockets/drop', { channels: ['/v2/mount'] });
  await expect(page.getByText('Connection lost while moving: NINA stops the axis within about 2 s.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Jog south' })).toBeDisabled();

  await expect.poll(async () => (await axes(sim)).axisRatesDegPerS.secondary, { timeout: 4_000 }).toBe(0);
  expect((await axes(sim)).frames.some((entry) => entry.source === 'watchdog')).toBe(true);
  await page.mouse.up();

  // The link comes back by itself; nothing is replayed.
  await expect(page.getByTestId('jog-pad')).toHaveAttribute('data-link', 'open', { timeout: 10_000 });
  await page.waitForTimeout(500);
  expect((await axes(sim)).axisRatesDegPerS.secondary).toBe(0);
});

test('with the mount parked the pad is disabled and says why', async ({ page, skydeck, sim }) => {
  await sim.setDevice('mount', { atPark: true });
  await openSkydeck(page, skydeck, '/mount');
  await expect(page.getByText('The mount is parked: unpark it to jog')).toBeVisible();
  for (const direction of ['north', 'south', 'east', 'west']) await expect(page.getByRole('button', { name: `Jog ${direction}` })).toBeDisabled();
  await page.getByRole('button', { name: 'Unpark' }).click();
  await expect(page.getByText('NINA: Unparking')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Jog north' })).toBeEnabled({ timeout: 15_000 });
});

test('while a sequence runs, jogging asks to take manual control first', async ({ page, skydeck, sim }) => {
  await openMountView(page, skydeck, sim);
  await sim.emitEvent({ Event: 'SEQUENCE-STARTING' });
  await page.getByRole('button', { name: 'Jog north' }).click();
  const dialog = page.getByRole('dialog', { name: 'A sequence is running' });
  await expect(dialog).toBeVisible();
  expect(await framesFor(sim, 'north')).toEqual([]);
  await dialog.getByRole('button', { name: 'Take manual control' }).click();
  await page.getByRole('button', { name: 'Jog north' }).click();
  await expect.poll(async () => (await framesFor(sim, 'north')).length).toBeGreaterThanOrEqual(2);
});

test('slew to typed coordinates, with a clear message for bad input @phone', async ({ page, skydeck }) => {
  await openSkydeck(page, skydeck, '/mount');
  const form = page.getByRole('form', { name: 'Slew to coordinates' });
  await form.getByLabel('Right ascension (J2000)').fill('25h 00m');
  await form.getByLabel('Declination (J2000)').fill('+95');
  await form.getByRole('button', { name: 'Slew', exact: true }).click();
  await expect(form.getByText('Right ascension must be between 0h and 24h')).toBeVisible();
  await expect(form.getByText('Declination must be between −90° and +90°')).toBeVisible();

  await form.getByLabel('Right ascension (J2000)').fill('05h 35m 17s');
  await form.getByLabel('Declination (J2000)').fill('-05 23 28');
  await form.getByRole('button', { name: 'Slew', exact: true }).click();
  await expect(form.getByText('NINA: Slew started')).toBeVisible();
  await expect(page.getByLabel('Mount state').getByText('Slewing')).toBeVisible();
});

test('NINA’s own error text is shown when it refuses a command', async ({ page, skydeck, sim }) => {
  // NINA's sync refuses mounts that cannot set park with "Mount is parked" (notes §4).
  await sim.post('/__sim/mount/capabilities', { canSetPark: false });
  await openSkydeck(page, skydeck, '/mount');
  const form = page.getByRole('form', { name: 'Slew to coordinates' });
  await form.getByLabel('Right ascension (J2000)').fill('5.5');
  await form.getByLabel('Declination (J2000)').fill('-5');
  await form.getByRole('button', { name: 'Sync here…' }).click();
  await page.getByRole('dialog', { name: 'Sync the mount?' }).getByRole('button', { name: 'Sync' }).click();
  await expect(form.getByRole('alert').filter({ hasText: 'Mount is parked' })).toBeVisible();
});
