import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api.ts';
import { ErrorRegion } from './Alerts.tsx';
import { Loading } from './Loading.tsx';
import { PageHeader } from './Page.tsx';

/**
 * A page whose data is not there yet: its heading with a spinner while it loads, or with the error (and a way
 * back) when loading failed. Pages render it while `query.data` is undefined, so TypeScript narrows after.
 */
export function QueryState({
  title,
  query,
  back,
}: {
  title: string;
  query: { isError: boolean; error: unknown };
  back?: { to: string; label: ReactNode };
}) {
  return (
    <>
      <PageHeader title={title} />
      {query.isError ? (
        <>
          <ErrorRegion message={errorMessage(query.error)} />
          {back && (
            <p>
              <Link to={back.to}>{back.label}</Link>
            </p>
          )}
        </>
      ) : (
        <Loading />
      )}
    </>
  );
}
