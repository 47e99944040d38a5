import { expect, openSkydeck, test } from './fixtures';

/**
 * Screenshots of every view at phone and desktop size, for people to look at
 * (e2e/screenshots/, not committed). Each also checks the page never scrolls sideways.
 */
const views = ['/', '/events', '/settings', '/mount', '/camera', '/focus', '/guiding', '/polar-alignment', '/live-stack', '/sequence'];
const sizes = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1440, height: 900 },
];

for (const size of sizes) {
  test(`every view fits a ${size.name} screen (${size.width}×${size.height})`, async ({ page, skydeck }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openSkydeck(page, skydeck);
    for (const view of views) {
      await page.goto(`${skydeck.url}${view}`);
      await expect(page.getByTestId('connection-badge')).toHaveAttribute('data-state', 'open');
      await expect(page.locator('main')).not.toBeEmpty();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${view} scrolls sideways at ${size.width}px`).toBeLessThanOrEqual(0);
      const name = view === '/' ? 'overview' : view.slice(1);
      await page.screenshot({ path: `e2e/screenshots/${size.name}-${name}.png`, fullPage: true });
    }
  });
}
