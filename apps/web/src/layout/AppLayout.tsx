import { useEffect, useRef, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Wordmark } from '../ui/Logo.tsx';
import { SkipLink } from '../ui/SkipLink.tsx';
import { ThemeToggle } from '../ui/ThemeToggle.tsx';
import { ErasureBanner } from './ErasureBanner.tsx';
import { MainNav } from './MainNav.tsx';

/**
 * The signed-in shell: banner, section navigation and main content. On narrow screens the
 * navigation collapses behind a menu button; on wide screens it is a sidebar.
 */
export function AppLayout() {
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const location = useLocation();

  // A navigation closes the menu (the page heading takes focus).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every path change by design
  useEffect(() => setMenuOpen(false), [location.pathname]);

  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  return (
    <div className="app-shell">
      <SkipLink />
      <header className="app-header">
        <Link to="/today" className="brand-link" aria-label="Tack, today">
          <Wordmark />
        </Link>
        <div className="app-header-actions">
          <ThemeToggle />
          <button
            ref={menuButton}
            type="button"
            className="button button-quiet menu-button"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((o) => !o)}
          >
            <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path
                d={menuOpen ? 'M6 6l12 12M18 6L6 18' : 'M4 7h16M4 12h16M4 17h16'}
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
              />
            </svg>
            Menu
          </button>
        </div>
      </header>
      <MainNav id="main-nav" open={menuOpen} />
      <main id="main" className="app-main" tabIndex={-1}>
        <ErasureBanner />
        <Outlet />
      </main>
    </div>
  );
}
