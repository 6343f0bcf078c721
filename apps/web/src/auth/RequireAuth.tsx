import { Navigate, Outlet, useLocation } from 'react-router';
import { errorMessage, isUnauthorized } from '../api.ts';
import { ErrorRegion } from '../ui/Alerts.tsx';
import { Loading } from '../ui/Loading.tsx';
import { useMe } from './session.ts';

/** Signed-in pages only: signed-out people go to sign-in and come back here afterwards. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();

  if (me.isError && isUnauthorized(me.error)) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.isPending) {
    return (
      <main id="main" className="centered-screen" tabIndex={-1}>
        <Loading label="Opening Tack…" />
      </main>
    );
  }
  if (me.isError && !me.data) {
    return (
      <main id="main" className="centered-screen" tabIndex={-1}>
        <div className="card narrow">
          <h1>Tack is not answering</h1>
          <ErrorRegion message={errorMessage(me.error)} />
          <button type="button" className="button button-primary" onClick={() => void me.refetch()}>
            Try again
          </button>
        </div>
      </main>
    );
  }
  return <Outlet />;
}
