import type { Page } from '@playwright/test';
import { expect, openSkydeck, test } from './fixtures';

/**
 * Screenshots of every view at two phone sizes, a tablet and a desktop, for people to look at
 * (e2e/screenshots/, not committed). Each view is also checked: the page never scrolls sideways,
 * and on a phone every control is at least 44 × 44 CSS px, big enough for a cold finger.
 */
const views = ['/', '/mount', '/camera', '/focus', '/guiding', '/polar-alignment', '/live-stack', '/sequence', '/events', '/settings'];
const sizes = [
  { name: 'small-phone', width: 360, height: 640, touch: true },
  { name: 'phone', width: 390, height: 844, touch: true },
  { name: 'tablet', width: 768, height: 1024, touch: false },
  { name: 'desktop', width: 1440, height: 900, touch: false },
];

const MIN_TARGET_PX = 44;

/**
 * Controls under `scope` smaller than 44 × 44, by accessible name. A checkbox or radio counts with
 * its label, which takes the tap too; a link inside a sentence is exempt (WCAG 2.5.8, "inline").
 */
function smallTargets(page: Page, scope: string): Promise<string[]> {
  return page.evaluate(
    ({ scope, minPx }) => {
      const nameOf = (element: HTMLElement): string => {
        const labelledBy = element.getAttribute('aria-labelledby');
        const label =
          element.getAttribute('aria-label') ??
          (labelledBy ? document.getElementById(labelledBy)?.textContent : undefined) ??
          ((element as HTMLInputElement).labels?.[0]?.textContent || element.textContent || element.getAttribute('title') || '');
        return label.replace(/\s+/g, ' ').trim().slice(0, 60);
      };
      const isInlineInText = (element: HTMLElement): boolean => {
        if (element.tagName !== 'A' || getComputedStyle(element).display !== 'inline') return false;
        const sentence = element.parentElement?.textContent?.trim() ?? '';
        return sentence.length > (element.textContent?.trim().length ?? 0) + 1;
      };
      const offenders: string[] = [];
      for (const element of document.querySelectorAll<HTMLElement>(
        `:is(${scope}) :is(button, a[href], input:not([type="hidden"]), select, textarea, [role="button"])`,
      )) {
        if (isInlineInText(element)) continue;
        const label = element.tagName === 'INPUT' ? element.closest('label') : null;
        const box = (label ?? element).getBoundingClientRect();
        const style = getComputedStyle(element);
        if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
        // Half a pixel of rounding is not a smaller finger.
        if (box.width + 0.5 < minPx || box.height + 0.5 < minPx) {
          offenders.push(`${element.tagName.toLowerCase()} “${nameOf(element)}” ${Math.round(box.width)}×${Math.round(box.height)}`);
        }
      }
      return offenders;
    },
    { scope, minPx: MIN_TARGET_PX },
  );
}

for (const size of sizes) {
  test(`every view fits a ${size.name} screen (${size.width}×${size.height})${size.touch ? ' with finger-sized controls' : ''}`, async ({ page, skydeck }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openSkydeck(page, skydeck);
    for (const view of views) {
      await page.goto(`${skydeck.url}${view}`);
      await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'open');
      const main = page.locator('main');
      await expect(main).not.toBeEmpty();
      // Spinners give way to the view's controls once NINA has answered.
      await expect(main.getByText(/^(Loading…|Reading )/)).toHaveCount(0);

      const overflowPx = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect.soft(overflowPx, `${view} scrolls sideways at ${size.width}px`).toBeLessThanOrEqual(0);
      if (size.touch) expect.soft(await smallTargets(page, 'header, main, nav'), `controls under 44 × 44 px on ${view}`).toEqual([]);

      const name = view === '/' ? 'overview' : view.slice(1);
      await page.screenshot({ path: `e2e/screenshots/${size.name}-${name}.png`, fullPage: true });
    }

    if (size.touch) {
      await page.getByRole('button', { name: 'Open the menu of views' }).click();
      const menu = page.getByRole('dialog', { name: 'All views' });
      await expect(menu).toBeVisible();
      expect.soft(await smallTargets(page, 'dialog[open]'), 'controls under 44 × 44 px in the menu of views').toEqual([]);
      await page.screenshot({ path: `e2e/screenshots/${size.name}-menu.png` });
    }
  });
}
