import { type ReactNode, useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * The top of every page: the h1, the document title, and focus management. After a client-side
 * navigation focus moves to the h1, so keyboard and screen reader users start at the new content.
 */
export function PageHeader({ title, lead, children }: { title: string; lead?: ReactNode; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();

  useEffect(() => {
    document.title = title === 'Tack' ? 'Tack' : `${title} · Tack`;
  }, [title]);

  useEffect(() => {
    // The first page load keeps the browser's default focus; every later navigation moves it here.
    if (location.key !== 'default') heading.current?.focus({ preventScroll: false });
  }, [location.key]);

  return (
    <header className="page-header">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {lead && <p className="page-lead">{lead}</p>}
      {children}
    </header>
  );
}
