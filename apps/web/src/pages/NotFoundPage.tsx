import { Link } from 'react-router';
import { PageHeader } from '../ui/Page.tsx';

export function NotFoundPage() {
  return (
    <>
      <PageHeader
        title="Page not found"
        lead="There is nothing at this address. It may have moved, or the link may be mistyped."
      />
      <p>
        <Link to="/today">Go to Today</Link>
      </p>
    </>
  );
}
