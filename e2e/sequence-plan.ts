import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The Sequence view's builder, as the journeys that run a sequence fill it. */

export interface PlanLine {
  filter: string;
  exposureS: number;
  frames: number;
}

/** Fills the builder for a target imaged where the mount points, with these lines of exposures. */
export async function buildPlan(page: Page, lines: PlanLine[], targetName = 'E2E field') {
  const form = page.getByRole('form', { name: 'Build a target sequence' });
  await form.getByLabel('Name').fill(targetName);
  await form.getByLabel('Right ascension (J2000)').fill('05h 35m 17.3s');
  await form.getByLabel('Declination (J2000)').fill('-05 23 28');
  await form.getByLabel('Go to the target').selectOption({ label: 'Stay where the mount points' });
  for (const [index, line] of lines.entries()) {
    if (index > 0) await form.getByRole('button', { name: 'Add a line' }).click();
    const row = form.getByRole('listitem', { name: `Line ${index + 1}` });
    await row.getByLabel('Filter').selectOption({ label: line.filter });
    await row.getByLabel('Exposure (s)').fill(String(line.exposureS));
    await row.getByLabel('Frames').fill(String(line.frames));
  }
  return form;
}

/** Builds the plan and loads it into NINA, ready to start. */
export async function loadPlan(page: Page, lines: PlanLine[], targetName?: string) {
  const form = await buildPlan(page, lines, targetName);
  await form.getByRole('button', { name: 'Load into NINA' }).click();
  await expect(form.getByText('NINA: Sequence updated')).toBeVisible();
  await expect(page.getByTestId('sequence-state')).toHaveAttribute('data-state', 'ready');
}

export const runRegion = (page: Page) => page.getByRole('region', { name: 'Run' });
