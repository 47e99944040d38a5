import type { Page } from '@playwright/test';
import { expect, openSkydeck, test, type SimulatorControls } from './fixtures';
import { loadPlan, runRegion } from './sequence-plan';

// Eight 1 s frames take about 16 s at 2×: long enough for a drop every few seconds to hit the run
// at several points (mid-exposure, mid-download, between lines, as it finishes).
test.use({ simulatorSpeed: 2 });

/**
 * While NINA refuses, each retry opens and at once closes (Skydeck's server accepts before NINA
 * does); the back-off goes on growing to 2 s through those, so after a 1.5 s outage the link is
 * back within about 3.5 s: drops come every 4 s.
 */
const DROP_INTERVAL_MS = 4_000;
/** Each drop keeps the link down this long, so the sequence's events happen while Skydeck is away. */
const OUTAGE_MS = 1_500;
/** Open this long without a new drop counts as back for good. */
const SETTLED_MS = 500;
const RECONNECT_BUDGET_MS = 5_000;

interface BadgeChange {
  state: string;
  atMs: number;
}

/** Every state the connection badge shows, with when, recorded in the page so none is missed. */
async function recordBadge(page: Page): Promise<() => Promise<BadgeChange[]>> {
  await page.evaluate(() => {
    const badge = document.querySelector<HTMLElement>('[data-testid="connection-badge"]');
    const changes: BadgeChange[] = [{ state: badge?.dataset.state ?? '', atMs: Date.now() }];
    (window as unknown as { badgeChanges: BadgeChange[] }).badgeChanges = changes;
    if (badge) new MutationObserver(() => changes.push({ state: badge.dataset.state ?? '', atMs: Date.now() })).observe(badge, { attributeFilter: ['data-state'] });
  });
  return () => page.evaluate(() => (window as unknown as { badgeChanges: BadgeChange[] }).badgeChanges);
}

interface LogRow {
  name: string;
  /** NINA's own time, on rows recovered from its event history. */
  ninaTime: string | null;
}

/** The event log, oldest first, as the Events view lists it. */
const eventLog = (page: Page) =>
  page.getByRole('list', { name: 'Event log' }).evaluate((list): LogRow[] =>
    [...list.querySelectorAll<HTMLElement>('li[data-event]')].reverse().map((row) => ({
      name: row.dataset.event ?? '',
      ninaTime: row.querySelector('time')?.title.replace(/^NINA time /, '') || null,
    })),
  );

interface HistoryEvent {
  Event: string;
  Time: string;
}

const eventHistory = (sim: SimulatorControls) => sim.get<{ Response: HistoryEvent[] }>('/v2/api/event-history').then((reply) => reply.Response);

test('sockets dropping every few seconds during a sequence: Skydeck reconnects within 5 s each time, ends on the true final state and keeps every event', async ({
  page,
  skydeck,
  sim,
}) => {
  test.setTimeout(60_000);
  await openSkydeck(page, skydeck, '/sequence');
  const eventsBeforeRun = (await eventHistory(sim)).length;
  await loadPlan(page, [
    { filter: 'R', exposureS: 1, frames: 4 },
    { filter: 'G', exposureS: 1, frames: 4 },
  ]);
  const badge = await recordBadge(page);
  await runRegion(page).getByRole('button', { name: 'Start', exact: true }).click();
  await expect(runRegion(page).getByText('NINA: Sequence started')).toBeVisible();

  const state = page.getByTestId('sequence-state');
  const dropsAtMs: number[] = [];
  while ((await state.getAttribute('data-state')) !== 'finished' && dropsAtMs.length < 8) {
    // The cadence of the fault itself, not a wait for something to happen.
    await page.waitForTimeout(DROP_INTERVAL_MS);
    dropsAtMs.push(Date.now());
    await sim.refuseSockets(OUTAGE_MS);
    await sim.dropSockets();
  }
  await expect(state).toHaveAttribute('data-state', 'finished', { timeout: 15_000 });
  expect(dropsAtMs.length, 'the run lasted through several drops').toBeGreaterThanOrEqual(3);
  await expect
    .poll(async () => {
      const last = (await badge()).at(-1);
      return last?.state === 'open' && Date.now() - last.atMs >= SETTLED_MS;
    }, { message: 'the link is back for good after the last drop', timeout: RECONNECT_BUDGET_MS + SETTLED_MS })
    .toBe(true);

  // Each drop was noticed, and the link was back for good within the budget, before the next
  // drop. Skydeck's server accepts the browser's socket before NINA does, so while NINA refuses,
  // the badge may flick to open and back: the last open of each window is the one that counts.
  const changes = await badge();
  for (const [i, droppedAtMs] of dropsAtMs.entries()) {
    const nextDropAtMs = dropsAtMs[i + 1] ?? Number.POSITIVE_INFINITY;
    const window = changes.filter((change) => change.atMs >= droppedAtMs && change.atMs < nextDropAtMs);
    expect(window.map((change) => change.state), `drop ${i + 1} was noticed`).toContain('reconnecting');
    const settled = window.at(-1);
    expect(settled?.state, `the link came back after drop ${i + 1}`).toBe('open');
    expect((settled?.atMs ?? Number.POSITIVE_INFINITY) - droppedAtMs, `reconnect time after drop ${i + 1}`).toBeLessThanOrEqual(RECONNECT_BUDGET_MS);
  }
  await expect(page.getByText('Live updates from NINA are down')).toBeHidden();

  // Nothing stale: the plan, the run and the tree show the finished sequence NINA has.
  expect((await sim.get<{ running: boolean }>('/__sim/sequence')).running).toBe(false);
  const exposures = page.getByRole('region', { name: 'Exposures' });
  await expect(exposures.getByTestId('plan-row-count')).toHaveText(['4/4', '4/4']);
  await expect(exposures.locator('[data-testid="plan-row"][data-status="FINISHED"]')).toHaveCount(2);
  await expect(runRegion(page).getByText('8 / 8')).toBeVisible();
  await expect(page.locator('[data-testid="sequence-node"][data-status="RUNNING"]')).toHaveCount(0);

  // Every event NINA recorded is in the log once, in NINA's order; those recovered from its
  // history carry its time. IMAGE-PREPARED is sent live but never recorded (notes §13.1).
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Events', exact: true }).click();
  const history = await eventHistory(sim);
  expect(history.map((event) => event.Event)).toContain('SEQUENCE-FINISHED');
  await expect
    .poll(async () => (await eventLog(page)).filter((row) => row.name !== 'IMAGE-PREPARED').map((row) => row.name))
    .toEqual(history.map((event) => event.Event));
  const recorded = (await eventLog(page)).filter((row) => row.name !== 'IMAGE-PREPARED');
  for (const [i, row] of recorded.entries()) {
    if (row.ninaTime !== null) expect(row.ninaTime, `time of ${row.name}, event ${i}`).toBe(history[i]?.Time);
  }
  // The outages covered most of the run, so some of its events reached Skydeck only that way.
  expect(recorded.slice(eventsBeforeRun).filter((row) => row.ninaTime !== null).length, 'events of the run recovered from NINA’s history').toBeGreaterThan(0);
});
