import { type ReactNode, useEffect, useRef } from 'react';

/**
 * An element scrolled into view (only as far as needed, below the sticky header) each time `shown` changes
 * to a new truthy value: a message that appears above a long form, while the person is at its button, is seen.
 */
export function useRevealed<T extends HTMLElement>(shown: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (shown) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [shown]);
  return ref;
}

/** An always-present assertive live region: errors put in it are announced (and scrolled to) when they appear. */
export function ErrorRegion({ message }: { message?: string | undefined }) {
  const shown = useRevealed<HTMLParagraphElement>(message);
  return (
    <div className="live-region" aria-live="assertive" aria-atomic="true">
      {message && (
        <p ref={shown} className="alert alert-error">
          <span aria-hidden="true" className="alert-icon">
            !
          </span>
          <span>{message}</span>
        </p>
      )}
    </div>
  );
}

/** An always-present polite live region for confirmations ("Saved."). */
export function StatusRegion({ children, className }: { children?: ReactNode; className?: string }) {
  return (
    <div className={`live-region ${className ?? ''}`} role="status" aria-atomic="true">
      {children}
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return <p className="alert alert-info">{children}</p>;
}
