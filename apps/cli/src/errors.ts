import { TackApiError } from '@tack/client';

/** Exit statuses of `tack`. Scripts may rely on them. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** A failure to report to the person as one line, `tack: <message>`, then exit with `exitCode`. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.failure) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** The command line itself is wrong (missing or conflicting flags): exit status 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}

/** Where the token in use came from, so error hints point at the right thing to fix. */
export type TokenSource = 'flag' | 'env' | 'config';

export interface ErrorContext {
  server?: string;
  tokenSource?: TokenSource;
}

function reloginHint(source: TokenSource | undefined): string {
  if (source === 'flag') return 'check the --token you passed';
  if (source === 'env') return 'check TACK_TOKEN';
  return "run 'tack login' with a new token";
}

/** Lower-cases the first letter and drops a final full stop, so server messages read well after `tack: `. */
function sentence(message: string): string {
  const trimmed = message.trim().replace(/\.$/, '');
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

/** One line (no stack, no newlines) describing an API error, with its stable code. */
export function describeApiError(err: TackApiError, ctx: ErrorContext = {}): string {
  if (err.status === 0) {
    // Network failure; the client's message already names the server's origin.
    return sentence(err.message);
  }
  if (err.code === 'INTERNAL' && /^Unexpected \d+ answer/.test(err.message)) {
    // Not a Tack error body at all: likely a proxy, or something else listening at that address.
    const where = ctx.server ? ` at ${ctx.server}` : '';
    return `the server${where} gave an unexpected ${err.status} answer; is it a Tack server?`;
  }
  switch (err.code) {
    case 'TOKEN_INVALID':
      return `token is invalid or revoked (TOKEN_INVALID); ${reloginHint(ctx.tokenSource)}`;
    case 'UNAUTHENTICATED':
      return `the server did not accept the request as signed in (UNAUTHENTICATED); ${reloginHint(ctx.tokenSource)}`;
    case 'RATE_LIMITED':
      return `${sentence(err.message)} (RATE_LIMITED); wait a moment and try again`;
    default: {
      const issues = (err.details.issues ?? []).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
      // Field errors usually repeat their first issue as the message ("value: …"): say it once.
      if (issues.length > 0 && err.message.trim() === issues[0]) return `${issues.join('; ')} (${err.code})`;
      const detail = issues.length ? `: ${issues.join('; ')}` : '';
      return `${sentence(err.message)} (${err.code})${detail}`;
    }
  }
}

/** Any thrown value as one line, without a stack trace. */
export function describeError(err: unknown, ctx: ErrorContext = {}): string {
  if (err instanceof TackApiError) return describeApiError(err, ctx);
  if (err instanceof CliError) return err.message;
  if (err instanceof Error && err.name === 'ZodError') {
    const where = ctx.server ? ` at ${ctx.server}` : '';
    return `the server${where} answered in an unexpected format; is it a Tack server of the same version as this CLI?`;
  }
  if (err instanceof Error) return `unexpected error: ${err.message.split('\n')[0]}`;
  return `unexpected error: ${String(err)}`;
}

export function exitCodeOf(err: unknown): number {
  return err instanceof CliError ? err.exitCode : EXIT.failure;
}
