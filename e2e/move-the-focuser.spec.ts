import { expect, openSkydeck, test, type SimulatorControls } from './fixtures';

interface FocuserState {
  positionSteps: number;
  isMoving: boolean;
}

const focuser = async (sim: SimulatorControls) => (await sim.post('/__sim/devices/focuser', {}) as { state: FocuserState }).state;

test('step the focuser in and out, move it to a position, and stop it mid-move @phone', async ({ page, skydeck, sim }) => {
  await sim.setDevice('focuser', { position: 15_000 });
  await openSkydeck(page, skydeck, '/focus');
  const panel = page.getByRole('region', { name: 'Focuser' });
  const position = panel.getByTestId('focuser-position');
  await expect(position).toContainText('15,000');

  await panel.getByRole('button', { name: 'Step out 10 steps' }).click();
  await expect(panel.getByText('NINA: Move started')).toBeVisible();
  await expect.poll(async () => (await focuser(sim)).positionSteps).toBe(15_010);
  await expect(position).toContainText('15,010');

  await panel.getByRole('button', { name: 'Step in 100 steps' }).click();
  await expect.poll(async () => (await focuser(sim)).positionSteps).toBe(14_910);
  await expect(position).toContainText('14,910');

  // Bad input is explained, not sent.
  const target = panel.getByLabel('Move to position');
  await target.fill('12.5');
  await panel.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(panel.getByText('Enter a whole number of steps')).toBeVisible();

  // A long move (200 steps/s): the panel shows it moving, and Stop halts it part way.
  await target.fill('17 000');
  await panel.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(panel.getByText('Moving')).toBeVisible();
  await panel.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(panel.getByText('NINA: Focuser move stopped')).toBeVisible();
  await expect.poll(async () => (await focuser(sim)).isMoving).toBe(false);
  const stoppedAt = (await focuser(sim)).positionSteps;
  expect(stoppedAt).toBeGreaterThan(14_910);
  expect(stoppedAt).toBeLessThan(17_000);
  await expect(panel.getByText('Still')).toBeVisible();
  await expect(position).toContainText(stoppedAt.toLocaleString('en-US'));
});

test('the focuser cannot be stepped below 0, and step sizes can be changed', async ({ page, skydeck, sim }) => {
  await sim.setDevice('focuser', { position: 50 });
  await openSkydeck(page, skydeck, '/focus');
  const panel = page.getByRole('region', { name: 'Focuser' });
  await expect(panel.getByTestId('focuser-position')).toContainText('50');

  await panel.getByRole('button', { name: 'Step in 100 steps' }).click();
  await expect(panel.getByText('The focuser is at 50: it cannot go 100 steps further in')).toBeVisible();
  expect((await focuser(sim)).positionSteps).toBe(50);

  await panel.getByText('Step sizes').click();
  await panel.getByLabel('Large step').fill('0');
  await panel.getByLabel('Large step').press('Enter');
  await expect(panel.getByText('At least 1 step')).toBeVisible();
  await panel.getByLabel('Large step').fill('40');
  await panel.getByLabel('Large step').press('Enter');
  await panel.getByRole('button', { name: 'Step in 40 steps' }).click();
  await expect.poll(async () => (await focuser(sim)).positionSteps).toBe(10);
});

test('a disconnected focuser says so and offers no moves', async ({ page, skydeck, sim }) => {
  await sim.setDevice('focuser', { connected: false });
  await openSkydeck(page, skydeck, '/focus');
  const panel = page.getByRole('region', { name: 'Focuser' });
  await expect(panel.getByText('Disconnected')).toBeVisible();
  await expect(panel.getByText('Focuser not connected. Connect it on the Overview.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Step out 10 steps' })).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Move', exact: true })).toBeDisabled();
});
