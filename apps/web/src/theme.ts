import { useSyncExternalStore } from 'react';

/** Light/dark: follows the system unless the person picked one; the pick lives in localStorage. */
export type ThemeChoice = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const KEY = 'tack-theme'; // also read by public/theme.js before the first paint
const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
const listeners = new Set<() => void>();

function readChoice(): ThemeChoice {
  try {
    const saved = window.localStorage.getItem(KEY);
    return saved === 'light' || saved === 'dark' ? saved : 'system';
  } catch {
    return 'system';
  }
}

let choice: ThemeChoice = readChoice();

function apply(): void {
  if (choice === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

function emit(): void {
  for (const l of listeners) l();
}

export function setThemeChoice(next: ThemeChoice): void {
  choice = next;
  try {
    if (next === 'system') window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, next);
  } catch {
    // Not saved; the choice still holds for this visit.
  }
  apply();
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  darkQuery.addEventListener('change', listener);
  return () => {
    listeners.delete(listener);
    darkQuery.removeEventListener('change', listener);
  };
}

function snapshot(): string {
  return `${choice}:${darkQuery.matches ? 'dark' : 'light'}`;
}

export function useTheme(): { choice: ThemeChoice; theme: Theme; setChoice: (next: ThemeChoice) => void } {
  const snap = useSyncExternalStore(subscribe, snapshot);
  const [current, system] = snap.split(':') as [ThemeChoice, Theme];
  return { choice: current, theme: current === 'system' ? system : current, setChoice: setThemeChoice };
}

// Another tab changed the theme: follow it.
window.addEventListener('storage', (event) => {
  if (event.key !== KEY) return;
  choice = readChoice();
  apply();
  emit();
});

apply();
