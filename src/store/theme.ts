import { create } from 'zustand';

export type Theme = 'dark' | 'night';

/** The same key public/theme-init.js reads before the first paint. */
const STORAGE_KEY = 'skydeck.theme';
const THEME_COLOURS: Record<Theme, string> = { dark: '#0b0f17', night: '#000000' };

function readTheme(): Theme {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'night' ? 'night' : 'dark';
  } catch {
    return 'dark';
  }
}

function apply(theme: Theme): void {
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.style.background = THEME_COLOURS[theme];
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', THEME_COLOURS[theme]);
}

interface ThemeState {
  theme: Theme;
  setTheme: (theme: Theme) => void;
}

export const useThemeStore = create<ThemeState>()((set) => ({
  theme: readTheme(),
  setTheme: (theme) => {
    try {
      localStorage.setItem(STORAGE_KEY, theme);
    } catch {
      // Not remembered, but still applied for this page.
    }
    apply(theme);
    set({ theme });
  },
}));
