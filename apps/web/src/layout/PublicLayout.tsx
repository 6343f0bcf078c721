import { Link, Outlet } from 'react-router';
import { useSetup } from '../auth/session.ts';
import { Wordmark } from '../ui/Logo.tsx';
import { SkipLink } from '../ui/SkipLink.tsx';
import { ThemeToggle } from '../ui/ThemeToggle.tsx';

/** Sign-in, sign-up and first-run pages: a calm single column with the form in a card. */
export function PublicLayout() {
  const setup = useSetup();
  return (
    <div className="public-shell">
      <SkipLink />
      <header className="public-header">
        <Link to="/sign-in" className="brand-link" aria-label="Tack, sign in">
          <Wordmark />
        </Link>
        <ThemeToggle />
      </header>
      <main id="main" className="public-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="public-footer">
        <p>
          Tack{setup.data ? ` ${setup.data.version}` : ''} · adaptive goals: practices, experiments and weekly reviews
        </p>
      </footer>
    </div>
  );
}
