import type { ReactNode } from 'react';

/** An always-present assertive live region: errors put in it are announced when they appear. */
export function ErrorRegion({ message }: { message?: string | undefined }) {
  return (
    <div className="live-region" aria-live="assertive" aria-atomic="true">
      {message && (
        <p className="alert alert-error">
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
