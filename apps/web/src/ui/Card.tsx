import { type ReactNode, useId } from 'react';

/** A titled section of a page, as a landmark-less region with its own h2. */
export function Card({
  title,
  description,
  children,
  className,
  id,
}: {
  id?: string;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  const headingId = useId();
  return (
    <section id={id} className={`card ${className ?? ''}`} aria-labelledby={headingId} tabIndex={id ? -1 : undefined}>
      <h2 id={headingId}>{title}</h2>
      {description && <div className="card-description">{description}</div>}
      {children}
    </section>
  );
}
