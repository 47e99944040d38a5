import { expect, openSkydeck, test } from './fixtures';

const celsius = (text: string | null) => Number((text ?? '').replace('−', '-').replace(/[^\d.-]/g, ''));

test('cooling a warm camera to −10 °C shows the set point ramping down, full cooler power and the chart', async ({ page, skydeck, sim }) => {
  await sim.setDevice('camera', { coolerOn: false, temperature: 15 });
  await openSkydeck(page, skydeck, '/camera');
  const status = page.getByTestId('cooling-status');
  const sensor = status.getByText('Sensor').locator('..').locator('dd');
  await expect.poll(async () => celsius(await sensor.textContent())).toBeGreaterThan(14);

  const form = page.getByRole('form', { name: 'Cool the camera' });
  await form.getByLabel('Set point (°C)').fill('-10');
  await form.getByLabel('Over (minutes)').fill('1');
  await form.getByRole('button', { name: 'Cool' }).click();
  await expect(form.getByText('NINA: Cooling started')).toBeVisible();

  // NINA ramps the set point from the sensor's temperature towards −10 °C over the minute; the
  // sensor follows with the cooler's time constant of a minute or two.
  const setPoint = status.getByText('Set point').locator('..').locator('dd');
  await expect.poll(async () => celsius(await setPoint.textContent()), { timeout: 10_000 }).toBeLessThan(14.5);
  const early = celsius(await setPoint.textContent());
  await expect(status.getByText('Power').locator('..')).toContainText('100 %');
  await expect(page.getByTestId('cooler-state')).toHaveText('Cooling');

  // The chart samples every 5 s while the view is open.
  const chart = page.getByRole('img', { name: /^Sensor temperature and cooler power, \d+ samples$/ });
  await expect(chart).toBeVisible({ timeout: 12_000 });
  // Sensor, set point (drawn once two samples have the cooler on) and power.
  await expect(chart.locator('path.recharts-curve')).toHaveCount(3, { timeout: 12_000 });
  await expect.poll(async () => celsius(await setPoint.textContent()), { timeout: 10_000 }).toBeLessThan(early - 2);

  // The same button cancels the ramp.
  await form.getByRole('button', { name: 'Cancel cooling' }).click();
  await expect(form.getByText('NINA: Cooling canceled')).toBeVisible();
});
