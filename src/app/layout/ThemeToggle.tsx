import { useThemeStore } from '../../store/theme';

/** One tap between the normal dark theme and red night vision; remembered in this browser. */
export function ThemeToggle() {
  const theme = useThemeStore((state) => state.theme);
  const setTheme = useThemeStore((state) => state.setTheme);
  const night = theme === 'night';
  return (
    <button
      type="button"
      aria-pressed={night}
      aria-label="Night vision (red theme)"
      title={night ? 'Night vision on' : 'Night vision off'}
      onClick={() => setTheme(night ? 'dark' : 'night')}
      className={`inline-flex size-11 shrink-0 items-center justify-center rounded-lg ${night ? 'text-accent' : 'text-muted hover:bg-surface-2'}`}
    >
      <svg viewBox="0 0 24 24" fill={night ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth={1.8} aria-hidden className="size-5">
        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
      </svg>
    </button>
  );
}
