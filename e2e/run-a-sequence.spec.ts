import type { Page } from '@playwright/test';
import { expect, openSkydeck, test, type SimulatorControls } from './fixtures';
import { loadPlan, runRegion } from './sequence-plan';

// A simulated 1 s frame costs about 5 s with its download and save; at 3× a journey takes seconds,
// and each line of two frames still runs across a tree refresh (one follows every saved frame).
test.use({ simulatorSpeed: 3 });

/** Every event name the page's `/v2/socket` receives. */
function recordEvents(page: Page): string[] {
  const names: string[] = [];
  page.on('websocket', (socket) => {
    if (!socket.url().endsWith('/v2/socket')) return;
    socket.on('framereceived', ({ payload }) => {
      const body = JSON.parse(String(payload)) as { Response?: { Event?: string } };
      if (body.Response?.Event) names.push(body.Response.Event);
    });
  });
  return names;
}

type StatusHistory = Record<string, { kind: string; name: string; statuses: string[] }>;

/** Every status each tree node shows, recorded in the page so a status held for one poll is not missed. */
async function recordTreeStatuses(page: Page): Promise<() => Promise<StatusHistory>> {
  await page.evaluate(() => {
    const history: StatusHistory = {};
    (window as unknown as { treeStatuses: StatusHistory }).treeStatuses = history;
    const read = () => {
      for (const node of document.querySelectorAll<HTMLElement>('[data-testid="sequence-node"]')) {
        const id = node.dataset.nodeId ?? '';
        const entry = (history[id] ??= { kind: node.dataset.kind ?? '', name: node.dataset.name ?? '', statuses: [] });
        const status = node.dataset.status ?? '';
        if (entry.statuses.at(-1) !== status) entry.statuses.push(status);
      }
    };
    read();
    new MutationObserver(read).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
  });
  return () => page.evaluate(() => (window as unknown as { treeStatuses: StatusHistory }).treeStatuses);
}

interface HistoryImage {
  Filter?: string;
  TargetName?: string;
  ImageType?: string;
}

const imageHistory = (sim: SimulatorControls) =>
  sim.get<{ Response: HistoryImage[] }>('/v2/api/image-history?all=true').then((reply) => reply.Response);

test('build a 2-filter × 2-frame plan, load and start it: the tree runs, four frames with their filters reach the image history @phone', async ({
  page,
  skydeck,
  sim,
}) => {
  test.setTimeout(40_000);
  const events = recordEvents(page);
  await openSkydeck(page, skydeck, '/sequence');
  await expect(page.getByTestId('sequence-state')).toHaveAttribute('data-state', 'empty');
  const framesBefore = (await imageHistory(sim)).length;

  await loadPlan(page, [
    { filter: 'R', exposureS: 1, frames: 2 },
    { filter: 'G', exposureS: 1, frames: 2 },
  ]);
  const exposures = page.getByRole('region', { name: 'Exposures' });
  await expect(exposures.getByTestId('plan-row')).toHaveCount(2);
  await expect(exposures.getByTestId('plan-row-count')).toHaveText(['0/2', '0/2']);

  const statuses = await recordTreeStatuses(page);
  await runRegion(page).getByRole('button', { name: 'Start', exact: true }).click();
  await expect(runRegion(page).getByText('NINA: Sequence started')).toBeVisible();
  await expect(page.getByTestId('sequence-state')).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('sequence-state')).toHaveAttribute('data-state', 'finished', { timeout: 40_000 });

  await expect(exposures.getByTestId('plan-row-count')).toHaveText(['2/2', '2/2']);
  await expect(runRegion(page).getByText('4 / 4')).toBeVisible();
  const history = await statuses();
  const smartExposures = Object.values(history).filter((node) => node.kind === 'smart-exposure');
  expect(smartExposures).toHaveLength(2);
  for (const node of smartExposures) expect(node.statuses).toEqual(['CREATED', 'RUNNING', 'FINISHED']);
  const targetsArea = Object.values(history).find((node) => node.name === 'Targets');
  expect(targetsArea?.statuses).toEqual(['CREATED', 'RUNNING', 'FINISHED']);

  // NINA saves the last frame in the background: it may reach the history after SEQUENCE-FINISHED.
  await expect.poll(async () => (await imageHistory(sim)).length - framesBefore).toBe(4);
  const frames = (await imageHistory(sim)).slice(framesBefore);
  expect(frames.map((frame) => [frame.Filter, frame.TargetName, frame.ImageType])).toEqual([
    ['R', 'E2E field', 'LIGHT'],
    ['R', 'E2E field', 'LIGHT'],
    ['G', 'E2E field', 'LIGHT'],
    ['G', 'E2E field', 'LIGHT'],
  ]);
  expect(events).toContain('SEQUENCE-STARTING');
  await expect.poll(() => events.includes('SEQUENCE-FINISHED')).toBe(true);
  expect(events.indexOf('SEQUENCE-FINISHED')).toBeGreaterThan(events.indexOf('SEQUENCE-STARTING'));
});

test('stopping mid-run stops the sequence: NINA takes no more frames', async ({ page, skydeck, sim }) => {
  test.setTimeout(40_000);
  await openSkydeck(page, skydeck, '/sequence');
  await loadPlan(page, [{ filter: 'L', exposureS: 2, frames: 10 }]);
  await runRegion(page).getByRole('button', { name: 'Start', exact: true }).click();
  const row = page.getByRole('region', { name: 'Exposures' }).getByTestId('plan-row');
  await expect(row).toHaveAttribute('data-status', 'RUNNING', { timeout: 15_000 });

  await runRegion(page).getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('dialog', { name: 'Stop the sequence?' }).getByRole('button', { name: 'Stop' }).click();
  await expect(runRegion(page).getByText('NINA: Sequence stopped')).toBeVisible();
  await expect(page.getByTestId('sequence-state')).toHaveAttribute('data-state', 'partial', { timeout: 10_000 });
  expect((await sim.get<{ running: boolean }>('/__sim/sequence')).running).toBe(false);

  // A frame cancelled mid-download may still be saved; after that, nothing more comes.
  await page.waitForTimeout(1_000);
  const framesAfterStop = (await imageHistory(sim)).length;
  await page.waitForTimeout(3_000);
  expect((await imageHistory(sim)).length).toBe(framesAfterStop);
  await expect(row).not.toHaveAttribute('data-status', 'RUNNING');
  await expect(runRegion(page).getByRole('button', { name: 'Start', exact: true })).toBeEnabled();
});

test('a failing item raises an alert, and the run lists it', async ({ page, skydeck, sim }) => {
  test.setTimeout(40_000);
  await openSkydeck(page, skydeck, '/sequence');
  // The builder adds the Advanced API's "Send Error to WebSocket" trigger unless told not to.
  await loadPlan(page, [{ filter: 'R', exposureS: 1, frames: 2 }]);
  await sim.post('/__sim/sequence', { failItem: { match: 'TakeExposure', message: 'Camera download failed' } });
  await runRegion(page).getByRole('button', { name: 'Start', exact: true }).click();

  const alert = page.getByRole('list', { name: 'Alerts' }).getByRole('alert').filter({ hasText: 'Take Exposure failed' });
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await expect(alert).toContainText('Camera download failed');
  await expect(page.getByRole('region', { name: 'Failures' })).toContainText('Take Exposure: Camera download failed');
  // NINA's default error behaviour continues: the next frame is taken.
  await expect(page.getByTestId('sequence-state')).toHaveAttribute('data-state', 'finished', { timeout: 20_000 });
});

test('a start NINA’s validation stops is explained, and can be repeated without it', async ({ page, skydeck, sim }) => {
  test.setTimeout(40_000);
  await openSkydeck(page, skydeck, '/sequence');
  await loadPlan(page, [{ filter: 'R', exposureS: 1, frames: 1 }]);
  // A filter wheel that is gone fails Switch Filter's validation.
  await sim.setDevice('filterwheel', { connected: false });
  await runRegion(page).getByRole('button', { name: 'Start', exact: true }).click();

  const notice = runRegion(page).getByRole('alert').filter({ hasText: 'NINA ended the sequence at once' });
  await expect(notice).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId('sequence-state')).toHaveAttribute('data-state', 'ready');

  await sim.setDevice('filterwheel', { connected: true });
  await notice.getByRole('button', { name: 'Start, skipping validation' }).click();
  await expect(page.getByTestId('sequence-state')).toHaveAttribute('data-state', 'finished', { timeout: 20_000 });
  await expect(notice).toBeHidden();
});
