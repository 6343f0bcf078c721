// Runs before the app to avoid a flash of the wrong theme. Kept in sync with src/theme.ts.
try {
  const saved = window.localStorage.getItem('tack-theme');
  if (saved === 'light' || saved === 'dark') document.documentElement.dataset.theme = saved;
} catch {
  // Storage can be unavailable (private mode, disabled cookies): follow the system setting.
}
