import { useTheme } from '../theme.ts';

/** A toggle button for dark mode; the choice is remembered. Settings offers "follow the system" too. */
export function ThemeToggle() {
  const { theme, setChoice } = useTheme();
  const dark = theme === 'dark';
  return (
    <button
      type="button"
      className="button button-quiet theme-toggle"
      aria-pressed={dark}
      onClick={() => setChoice(dark ? 'light' : 'dark')}
    >
      <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8Z"
          fill={dark ? 'currentColor' : 'none'}
          stroke="currentColor"
          strokeWidth="2"
          strokeLinejoin="round"
        />
      </svg>
      <span className="theme-toggle-label">Dark mode</span>
    </button>
  );
}
