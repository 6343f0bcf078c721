import { useEffect } from 'react';
import { useRouteError } from 'react-router';

/** Last resort when a page crashes: say so plainly and offer a way back. */
export function ErrorPage() {
  const error = useRouteError();
  useEffect(() => {
    document.title = 'Something went wrong · Tack';
    console.error(error);
  }, [error]);
  return (
    <main id="main" className="centered-screen">
      <div className="card narrow">
        <h1>Something went wrong</h1>
        <p>
          Tack hit an unexpected problem showing this page. Reloading usually helps; your data is safe on the server.
        </p>
        <p className="form-actions">
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            Reload
          </button>
          <a className="button button-secondary" href="/today">
            Go to Today
          </a>
        </p>
      </div>
    </main>
  );
}
