import type { ErrorCode, FieldIssue } from '@tack/contracts';

/** A domain error with a code from the closed list in @tack/contracts. The server maps codes to HTTP. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainError('CONFLICT', message, details);
export const invalid = (path: string, message: string) =>
  new DomainError('VALIDATION_FAILED', `${path}: ${message}`, { issues: [{ path, message } satisfies FieldIssue] });
export const confirmationRequired = (message: string) => new DomainError('CONFIRMATION_REQUIRED', message);
