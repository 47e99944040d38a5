import { expect, openSkydeck, test } from './fixtures';

test('events appear live in the log and can be filtered by type', async ({ page, skydeck, sim }) => {
  await openSkydeck(page, skydeck, '/events');
  await sim.emitEvent({ Event: 'GUIDER-DITHER' });
  await sim.emitEvent({ Event: 'FILTERWHEEL-CHANGED', Previous: { Name: 'L', Id: 0 }, New: { Name: 'Ha', Id: 4 } });
  await sim.emitEvent({ Event: 'SEQUENCE-ENTITY-FAILED', Entity: 'Center', Error: '<img src=x onerror=alert(1)>' });

  const log = page.getByRole('list', { name: 'Event log' });
  await expect(log.locator('[data-event="GUIDER-DITHER"]')).toHaveCount(1);
  await expect(log.locator('[data-event="FILTERWHEEL-CHANGED"]').getByText(/New: \{"Name":"Ha","Id":4\}/)).toBeVisible();
  // NINA's strings are shown as text, never as markup.
  await expect(log.getByText('Error: <img src=x onerror=alert(1)>', { exact: false })).toBeVisible();

  await page.getByLabel('Event type').selectOption({ label: 'GUIDER-DITHER (1)' });
  await expect(log.locator('li')).toHaveCount(1);
  await expect(log.locator('[data-event="GUIDER-DITHER"]')).toBeVisible();
});

test('a malformed frame on the event socket is logged and shown, not a white screen', async ({ page, skydeck, sim }) => {
  const pageErrors: Error[] = [];
  page.on('pageerror', (error) => pageErrors.push(error));
  await openSkydeck(page, skydeck, '/events');
  await sim.post('/__sim/socket/send-raw', { channel: '/v2/socket', text: '{"Response": {"Event": "SAFETY-CHANGED", "IsSafe": "perhaps"}, "Error": "", "StatusCode": 200, "Success": true, "Type": "Socket"}' });
  await sim.post('/__sim/socket/send-raw', { channel: '/v2/socket', text: 'this is not json' });

  await expect(page.locator('[data-event="SAFETY-CHANGED"]').getByText(/IsSafe/).first()).toBeVisible();
  await expect(page.locator('[data-event="UNREADABLE"]').getByText('the frame is not JSON')).toBeVisible();
  await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'open');
  expect(pageErrors).toEqual([]);
});
