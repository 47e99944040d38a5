import { useEffect } from 'react';

/**
 * Forces the red night-vision palette on the whole page while `active`, without changing the
 * user's chosen theme, and puts back what was there when it ends. The palette's variables live on
 * the root element, so that is where the switch has to be made.
 */
export function useForcedNightPalette(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const root = document.documentElement;
    const meta = document.querySelector('meta[name="theme-color"]');
    const previous = { theme: root.dataset.theme, background: root.style.background, themeColour: meta?.getAttribute('content') };
    root.dataset.theme = 'night';
    const nightBackground = getComputedStyle(root).getPropertyValue('--color-bg').trim();
    if (nightBackground) {
      root.style.background = nightBackground;
      meta?.setAttribute('content', nightBackground);
    }
    return () => {
      if (previous.theme === undefined) delete root.dataset.theme;
      else root.dataset.theme = previous.theme;
      root.style.background = previous.background;
      if (previous.themeColour != null) meta?.setAttribute('content', previous.themeColour);
    };
  }, [active]);
}
