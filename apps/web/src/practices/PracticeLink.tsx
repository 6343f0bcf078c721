import type { Practice } from '@tack/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * A practice named where something links to it (an intention, an experiment, a direction): a link to its
 * page, or, once it is deleted, its name as plain text marked as deleted. A deleted practice is restored
 * from “Deleted” on the Practices page, not from the places that used to link it.
 */
export function PracticeLink({ practice: p, children }: { practice: Practice; children?: ReactNode }) {
  if (p.deletedAt !== null) {
    return (
      <span className="deleted-ref">
        {children ?? p.name} <span className="deleted-mark">(deleted)</span>
      </span>
    );
  }
  return <Link to={`/practices/${p.id}`}>{children ?? p.name}</Link>;
}
