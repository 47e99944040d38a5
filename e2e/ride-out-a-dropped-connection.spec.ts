import { expect, openSkydeck, test } from './fixtures';

test('when NINA’s sockets drop, the badge shows reconnecting and comes back by itself', async ({ page, skydeck, sim }) => {
  await openSkydeck(page, skydeck);
  const badge = page.getByTestId('connection-badge');

  await sim.refuseSockets(2_500);
  await sim.dropSockets();
  await expect(badge).toHaveAttribute('data-state', 'reconnecting');
  await expect(badge.getByText('Reconnecting…')).toBeVisible();
  await expect(page.getByText('Live updates from NINA are down')).toBeVisible();

  await expect(badge).toHaveAttribute('data-state', 'open', { timeout: 10_000 });
  await expect(badge.getByText('Connected')).toBeVisible();
  await expect(page.getByText('Live updates from NINA are down')).toBeHidden();
});

test('events that happened while the link was down are recovered from NINA’s event history', async ({ page, skydeck, sim }) => {
  await openSkydeck(page, skydeck, '/events');

  await sim.refuseSockets(2_000);
  await sim.dropSockets();
  await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'reconnecting');
  await sim.emitEvent({ Event: 'SAFETY-CHANGED', IsSafe: false });

  await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'open', { timeout: 10_000 });
  const recovered = page.locator('[data-event="SAFETY-CHANGED"]');
  await expect(recovered).toHaveCount(1);
  await expect(recovered.getByText('from NINA’s history')).toBeVisible();
  await expect(recovered.getByText('IsSafe: false')).toBeVisible();
});
