import { expect, openSkydeck, test, type SimulatorControls } from './fixtures';

// PHD2 exposes every 2 s of simulated time: at 10× a lost star of 40 frames lasts 8 s.
test.use({ simulatorSpeed: 10 });

async function guidingInSimulator(sim: SimulatorControls) {
  await sim.post('/__sim/guider', { calibrated: true });
  await sim.post('/__sim/guider/start', {});
  await expect
    .poll(async () => (await sim.get<{ devices: { guider: { state: string } } }>('/__sim/state')).devices.guider.state, { timeout: 10_000 })
    .toBe('Guiding');
}

test('a lost guide star during a sequence raises an alert, whatever view is open @phone', async ({ page, skydeck, sim }) => {
  await openSkydeck(page, skydeck, '/events');
  await sim.emitEvent({ Event: 'SEQUENCE-STARTING' });
  await guidingInSimulator(sim);

  await sim.post('/__sim/guider/lost-lock', { frames: 40 });
  const alerts = page.getByRole('list', { name: 'Alerts' });
  await expect(alerts.getByRole('alert').filter({ hasText: 'Guide star lost' })).toBeVisible({ timeout: 10_000 });
  // PHD2 gives up after the lost frames and NINA stops guiding: that is worth its own alert.
  await expect(alerts.getByRole('alert').filter({ hasText: 'Guiding stopped during the sequence' })).toBeVisible({ timeout: 15_000 });
});

test('without a sequence, a stop is no alarm', async ({ page, skydeck, sim }) => {
  await guidingInSimulator(sim);
  await openSkydeck(page, skydeck, '/guiding');
  await expect(page.getByRole('region', { name: 'Guider' }).getByText('Guiding', { exact: true })).toBeVisible();
  await sim.post('/__sim/guider/lost-lock', { frames: 5 });
  await expect(page.getByRole('region', { name: 'Guider' }).getByText('Stopped', { exact: true })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('list', { name: 'Alerts' }).getByText(/Guide star lost|Guiding stopped/)).toHaveCount(0);
});
