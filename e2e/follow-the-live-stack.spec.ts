import type { Page } from '@playwright/test';
import { expect, openSkydeck, test, type SimulatorControls } from './fixtures';

// Captures of 1 s (simulated) at ten times speed: each frame is saved and stacked within a second.
// Journeys that stack four frames one after another get a minute, for a busy test machine.
test.use({ simulatorSpeed: 10 });

const TARGET = 'M 42';
const FILTER_IDS: Record<string, number> = { L: 0, R: 1, G: 2, B: 3, Ha: 4 };

/** The simulator's REST, as NINA's: the journeys drive captures the way a sequence would. */
async function nina(sim: SimulatorControls, path: string): Promise<unknown> {
  const response = await fetch(`${sim.url}/v2/api${path}`);
  const body = (await response.json()) as { Response: unknown; Success: boolean; Error: string };
  if (!body.Success) throw new Error(`${path}: ${body.Error}`);
  return body.Response;
}

interface SimStack {
  target: string;
  filter: string;
  stackCount: number;
}

const simStacks = async (sim: SimulatorControls) => (await sim.get<{ tabs: SimStack[] }>('/__sim/livestack')).tabs;

const quickPoll = { intervals: [100], timeout: 10_000 };

/** Turns the wheel, saves a 1 s light frame of `target`, and waits until the plugin has stacked it. */
async function stackFrame(sim: SimulatorControls, filter: string, target = TARGET) {
  const count = async () => (await simStacks(sim)).find((stack) => stack.target === target && stack.filter === filter)?.stackCount ?? 0;
  const before = await count();
  await nina(sim, `/equipment/filterwheel/change-filter?filterId=${FILTER_IDS[filter]}`);
  await expect
    .poll(async () => ((await nina(sim, '/equipment/filterwheel/info')) as { SelectedFilter?: { Name: string } }).SelectedFilter?.Name, quickPoll)
    .toBe(filter);
  await expect.poll(async () => ((await nina(sim, '/equipment/camera/info')) as { IsExposing: boolean }).IsExposing, quickPoll).toBe(false);
  await nina(sim, `/equipment/camera/capture?duration=1&save=true&imageType=LIGHT&targetName=${encodeURIComponent(target)}`);
  await expect.poll(count, quickPoll).toBe(before + 1);
}

/** The width of the whole stack as NINA has it, read from the PNG header of an unresized picture. */
async function wholeStackWidthPx(sim: SimulatorControls, target: string, filter: string): Promise<number> {
  const response = await fetch(`${sim.url}/v2/api/livestack/image/${encodeURIComponent(target)}/${encodeURIComponent(filter)}?stream=true`);
  return Buffer.from(await response.arrayBuffer()).readUInt32BE(16);
}

interface ReceivedRequest {
  path: string;
  query: string;
}

/** The stack picture requests NINA received for one stack. */
async function pictureRequests(sim: SimulatorControls, target: string, filter: string): Promise<ReceivedRequest[]> {
  const path = `/v2/api/livestack/image/${encodeURIComponent(target)}/${encodeURIComponent(filter)}`;
  return (await sim.get<ReceivedRequest[]>('/__sim/requests')).filter((request) => request.path === path);
}

const tile = (page: Page, filter: string, target = TARGET) => page.getByRole('article', { name: `${filter} stack of ${target}`, exact: true });

async function startLiveStack(page: Page) {
  const controls = page.getByTestId('stack-controls');
  await page.getByRole('button', { name: 'Start live stack' }).click();
  await expect(page.getByText('NINA: Live stack started')).toBeVisible();
  await expect(controls).toHaveAttribute('data-status', 'Running');
}

test('start the live stack: a tile per filter, counts rising with each stacked frame, and the large view following the stack @phone', async ({
  page,
  skydeck,
  sim,
}) => {
  test.setTimeout(60_000);
  await openSkydeck(page, skydeck, '/live-stack');
  // NINA answers "stopped" in lowercase until the plugin's first broadcast (notes §11).
  await expect(page.getByTestId('stack-controls')).toHaveAttribute('data-status', 'stopped');
  await expect(page.getByRole('region', { name: 'Live stack' }).getByText('Stopped')).toBeVisible();
  await expect(page.getByTestId('no-stacks')).toBeVisible();

  await startLiveStack(page);
  await expect(page.getByRole('region', { name: 'Live stack' }).getByText('Running')).toBeVisible();

  await stackFrame(sim, 'L');
  await expect(tile(page, 'L').getByTestId('stack-count')).toHaveText('1 frame');
  await expect(tile(page, 'L').getByTestId('stack-picture')).toBeVisible();
  await stackFrame(sim, 'R');
  await expect(tile(page, 'R').getByTestId('stack-count')).toHaveText('1 frame');
  await expect(tile(page, 'R').getByTestId('stack-picture')).toBeVisible();
  await expect(page.getByTestId('stack-tile')).toHaveCount(2);

  // Each STACK-UPDATED costs its tile one picture, streamed at the tile's size in device pixels.
  const firstVersion = await tile(page, 'L').getByTestId('stack-picture').getAttribute('data-version');
  await stackFrame(sim, 'L');
  await expect(tile(page, 'L').getByTestId('stack-count')).toHaveText('2 frames');
  await expect(tile(page, 'L').getByTestId('stack-picture')).not.toHaveAttribute('data-version', firstVersion ?? '');
  const tileWidthPx = await tile(page, 'L')
    .getByRole('button', { name: /^Open the L stack/ })
    .evaluate((element) => Math.round(element.clientWidth * window.devicePixelRatio));
  const lRequests = await pictureRequests(sim, TARGET, 'L');
  expect(lRequests).toHaveLength(2);
  expect(lRequests.at(-1)!.query).toMatch(new RegExp(`^stream=true&resize=true&size=${tileWidthPx}x\\d+&quality=\\d+$`));
  expect(await pictureRequests(sim, TARGET, 'R')).toHaveLength(1);

  // Integration time per filter: frames × the 1 s exposure of the saved frames.
  const integration = page.getByTestId('integration-table');
  await expect(integration.locator('tr[data-filter="L"]').getByTestId('integration')).toHaveText('2 s');
  await expect(integration.locator('tr[data-filter="R"]').getByTestId('integration')).toHaveText('1 s');
  await expect(integration.getByTestId('integration-total')).toHaveText('3 s');

  // The large view shows the stack and follows it as frames are added.
  await tile(page, 'L').getByRole('button', { name: /^Open the L stack/ }).click();
  const viewer = page.getByTestId('stack-viewer');
  await expect(viewer).toBeVisible();
  await expect(viewer.getByTestId('viewer-count')).toHaveText('2 frames');
  const picture = viewer.getByTestId('viewer-picture');
  await expect(picture).toBeVisible();
  const shownVersion = await picture.getAttribute('data-version');
  await stackFrame(sim, 'L');
  await expect(viewer.getByTestId('viewer-count')).toHaveText('3 frames');
  await expect(picture).not.toHaveAttribute('data-version', shownVersion ?? '');

  // Zoomed in, the large view shows every pixel of the stack.
  await viewer.getByRole('button', { name: 'Zoom in' }).click();
  await expect(viewer.getByTestId('stack-stage')).toHaveAttribute('data-zoom', '1.50');
  await expect(picture).toHaveAttribute('data-width', String(await wholeStackWidthPx(sim, TARGET, 'L')));
  await viewer.getByRole('button', { name: 'Close the large view' }).click();
  await expect(viewer).toBeHidden();

  // The tile behind the large view waited; now it catches up with one picture.
  await expect(tile(page, 'L').getByTestId('stack-count')).toHaveText('3 frames');
  await expect(tile(page, 'L').getByTestId('stack-picture')).toHaveAttribute('data-version', /:3$/);

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByTestId('stack-controls')).toHaveAttribute('data-status', 'Stopped');
});

test('a stack NINA does not have shows NINA’s error in its own tile and can be removed', async ({ page, skydeck, sim }) => {
  await openSkydeck(page, skydeck, '/live-stack');
  await startLiveStack(page);
  await stackFrame(sim, 'L');
  await expect(tile(page, 'L').getByTestId('stack-picture')).toBeVisible();

  // An update naming a stack the plugin never made: NINA answers its picture with 500 "Unknown error".
  await sim.emitEvent({ Event: 'STACK-UPDATED', Target: 'Ghost', Filter: 'Ha', IsMonochrome: true, StackCount: 4 });
  const ghost = tile(page, 'Ha', 'Ghost');
  await expect(ghost.getByTestId('stack-error')).toContainText('NINA says: Unknown error');
  // Its /info explains, in NINA's words.
  await expect(ghost.getByTestId('stack-error')).toContainText('No image with specified filter and target found');
  await expect(tile(page, 'L').getByTestId('stack-picture')).toBeVisible();

  // Trying again asks once more, and fails the same way.
  const before = (await pictureRequests(sim, 'Ghost', 'Ha')).length;
  await ghost.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(async () => (await pictureRequests(sim, 'Ghost', 'Ha')).length).toBe(before + 1);
  await expect(ghost.getByTestId('stack-error')).toContainText('Unknown error');

  await ghost.getByRole('button', { name: 'Remove the Ha stack of Ghost' }).click();
  await expect(ghost).toHaveCount(0);
  await expect(page.getByTestId('stack-tile')).toHaveCount(1);
});

test('a colour combination shows its red, green and blue counts', async ({ page, skydeck, sim }) => {
  test.setTimeout(60_000);
  await openSkydeck(page, skydeck, '/live-stack');
  await startLiveStack(page);
  for (const filter of ['R', 'G', 'B']) await stackFrame(sim, filter);
  await sim.post('/__sim/livestack/color-combination', { target: TARGET, red: 'R', green: 'G', blue: 'B' });
  await stackFrame(sim, 'R');
  const color = tile(page, 'RGB');
  await expect(color.getByTestId('stack-count')).toHaveText('R 2 · G 1 · B 1');
  await expect(color.getByTestId('stack-picture')).toBeVisible();
  // The colour stack comes first among the target's tiles.
  await expect(page.getByTestId('stack-tile').first()).toHaveAttribute('data-filter', 'RGB');
});

test('after a dropped link the tiles catch up with what NINA stacked meanwhile, and nothing polls', async ({ page, skydeck, sim }) => {
  test.setTimeout(60_000);
  await openSkydeck(page, skydeck, '/live-stack');
  await startLiveStack(page);
  await stackFrame(sim, 'L');
  await expect(tile(page, 'L').getByTestId('stack-count')).toHaveText('1 frame');
  await expect(tile(page, 'L').getByTestId('stack-picture')).toBeVisible();

  // The STACK-UPDATED of this frame is lost with the link.
  await sim.refuseSockets(4_000);
  await sim.dropSockets();
  await expect(page.getByTestId('connection-badge')).not.toHaveAttribute('data-state', 'open');
  await stackFrame(sim, 'L');
  await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'open', { timeout: 15_000 });
  await expect(tile(page, 'L').getByTestId('stack-count')).toHaveText('2 frames');
  await expect(tile(page, 'L').getByTestId('stack-picture')).toHaveAttribute('data-version', /:2$/);

  // One picture per change of the stack, however many times the link came back.
  expect(await pictureRequests(sim, TARGET, 'L')).toHaveLength(2);
  // Once caught up nothing is polled: a quiet stack costs no requests at all.
  const liveStackRequests = async () => (await sim.get<ReceivedRequest[]>('/__sim/requests')).filter((request) => request.path.startsWith('/v2/api/livestack')).length;
  await expect
    .poll(
      async () => {
        const before = await liveStackRequests();
        await page.waitForTimeout(3_000);
        return (await liveStackRequests()) - before;
      },
      { intervals: [0], timeout: 20_000 },
    )
    .toBe(0);
  expect(await pictureRequests(sim, TARGET, 'L')).toHaveLength(2);
});
