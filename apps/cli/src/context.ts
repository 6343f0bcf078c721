import { createClient, type TackClient } from '@tack/client';
import type { Command } from 'commander';
import { normalizeServer, readConfig, type StoredConfig } from './config.ts';
import { CliError, type ErrorContext, type TokenSource, UsageError } from './errors.ts';
import type { Output } from './output.ts';

/** Options every command accepts (defined once, on the program). */
export interface GlobalOptions {
  server?: string;
  token?: string;
}

/** A resolved server + token, and an API client using them. */
export interface Connection {
  server: string;
  token: string;
  tokenSource: TokenSource;
  client: TackClient;
}

export interface ConnectOptions {
  /** Give up on a request after this long; default 30 s. Long uploads (imports) may raise it. */
  timeoutMs?: number;
}

/** What a command needs from the outside world. Commands never touch process.* directly. */
export interface Context {
  readonly env: NodeJS.ProcessEnv;
  readonly out: Output;
  readonly stdin: NodeJS.ReadableStream;
  /** True when a person is at the keyboard (stdin and stderr are terminals), so prompting is allowed. */
  readonly interactive: boolean;
  /** Filled in as a command learns which server and token it uses; error messages use it for hints. */
  readonly errorContext: ErrorContext;
  /** Global options (--server, --token) merged with the command's own. */
  options<T extends object>(cmd: Command): T & GlobalOptions;
  /** Resolves server and token (flag > env > config file) and returns a client; fails when not logged in. */
  connect(cmd: Command, options?: ConnectOptions): Promise<Connection>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Explains a fetch failure in words (the default is just "fetch failed"). `server` is the Tack server's address
 * (as normalised), `url` the address asked for.
 */
export function networkReason(err: unknown, timeoutMs: number, server?: string, url?: URL): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  }
  const cause =
    err instanceof Error ? (err.cause as (NodeJS.ErrnoException & { reason?: string }) | undefined) : undefined;
  const code = cause?.code ?? '';
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused (is the server running?)',
    ENOTFOUND: 'host not found (check the address)',
    EAI_AGAIN: 'host name lookup failed (are you offline?)',
    ECONNRESET: 'connection reset',
    ETIMEDOUT: 'connection timed out',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
  };
  if (reasons[code]) return reasons[code];
  const text = `${code} ${cause?.reason ?? ''} ${cause?.message ?? ''}`;
  // An https:// address whose server speaks plain HTTP: OpenSSL reads an HTTP answer as a bad TLS record.
  if (/WRONG_VERSION_NUMBER|wrong version number|packet length too long|EPROTO/i.test(text)) {
    const plain = server?.startsWith('https://') ? server.replace(/^https:/, 'http:') : 'an http:// address';
    return `could not make a secure (https) connection to it; if it serves plain HTTP, use ${plain}`;
  }
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/i.test(code)) {
    return `its TLS certificate is not trusted (${code}); if it is signed by your own CA, point NODE_EXTRA_CA_CERTS at it`;
  }
  if (/SSL|TLS/i.test(code)) return `could not make a secure (https) connection to it (${code})`;
  if (code === 'UND_ERR_SOCKET' && server?.startsWith('http://')) {
    // What an https-only server does to a plain HTTP request.
    const secure = server.replace(/^http:/, 'https:');
    return `the server closed the connection without answering; if it serves https, use ${secure}`;
  }
  if (cause?.message === 'bad port' && url) {
    return `port ${url.port} is one that fetch refuses to use (an unsafe port); run the server on another port`;
  }
  if (cause?.message) return cause.message;
  return err instanceof Error ? err.message : String(err);
}

/** fetch with a timeout and readable network errors (the client wraps them into TackApiError status 0). */
export function cliFetch(timeoutMs: number, server?: string): typeof fetch {
  return async (input, init) => {
    try {
      return await fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      throw new Error(networkReason(err, timeoutMs, server, requestUrl(input)));
    }
  };
}

function requestUrl(input: Parameters<typeof fetch>[0]): URL | undefined {
  try {
    return new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  } catch {
    return undefined;
  }
}

interface Resolved {
  server?: string;
  token?: string;
  tokenSource?: TokenSource;
}

/**
 * Asking for a server or token and giving an empty one (--token "", TACK_TOKEN=) is a mistake to report,
 * not a reason to fall back silently on the saved login.
 */
export function refuseEmpty(flags: GlobalOptions, env: NodeJS.ProcessEnv): void {
  const empty = (value: string | undefined, what: string, hint: string) => {
    if (value !== undefined && value.trim() === '') throw new UsageError(`${what} is empty; ${hint}`);
  };
  empty(flags.server, '--server', 'give the server address, or leave the flag out to use the saved one');
  empty(env.TACK_SERVER, 'TACK_SERVER', 'set it to the server address, or unset it to use the saved one');
  empty(flags.token, '--token', 'give the token, or leave the flag out to use the saved one');
  empty(env.TACK_TOKEN, 'TACK_TOKEN', 'set it to a token, or unset it to use the saved one');
}

/**
 * Precedence for both server and token: --flag, then environment (TACK_SERVER, TACK_TOKEN), then config file.
 * The token saved by `tack login` is only ever sent to the server it was saved for: pointing the CLI at another
 * server with --server or TACK_SERVER does not leak it there.
 */
export function resolveConnection(flags: GlobalOptions, env: NodeJS.ProcessEnv, stored: StoredConfig): Resolved {
  refuseEmpty(flags, env);
  const storedServer = stored.server ? normalizeServer(stored.server, 'the server in config.json') : undefined;
  let server: string | undefined;
  if (flags.server) server = normalizeServer(flags.server, '--server');
  else if (env.TACK_SERVER) server = normalizeServer(env.TACK_SERVER, 'TACK_SERVER');
  else server = storedServer;

  if (flags.token) return { server, token: flags.token.trim(), tokenSource: 'flag' };
  if (env.TACK_TOKEN) return { server, token: env.TACK_TOKEN.trim(), tokenSource: 'env' };
  if (stored.token && server !== undefined && server === storedServer) {
    return { server, token: stored.token, tokenSource: 'config' };
  }
  return { server };
}

export function createContext(init: {
  env: NodeJS.ProcessEnv;
  out: Output;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stderrIsTTY: boolean;
}): Context {
  const errorContext: ErrorContext = {};
  const ctx: Context = {
    env: init.env,
    out: init.out,
    stdin: init.stdin,
    interactive: Boolean(init.stdin.isTTY) && init.stderrIsTTY,
    errorContext,
    options: <T extends object>(cmd: Command) => cmd.optsWithGlobals<T & GlobalOptions>(),
    async connect(cmd, options = {}) {
      const flags = ctx.options<GlobalOptions>(cmd);
      const stored = await readConfig(init.env);
      const { server, token, tokenSource } = resolveConnection(flags, init.env, stored);
      if (server) errorContext.server = server;
      if (!token || !tokenSource) {
        if (server && stored.server && server !== normalizeServer(stored.server, 'the server in config.json')) {
          throw new CliError(`not logged in to ${server}; run 'tack login --server ${server}' first`);
        }
        throw new CliError(
          server
            ? `not logged in to ${server}; run 'tack login' first`
            : "not logged in; run 'tack login --server URL --token TOKEN' first",
        );
      }
      if (!server) {
        throw new CliError("no server to talk to; pass --server URL, set TACK_SERVER or run 'tack login'");
      }
      errorContext.tokenSource = tokenSource;
      const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const client = createClient({ baseUrl: server, token, fetch: cliFetch(timeoutMs, server) });
      return { server, token, tokenSource, client };
    },
  };
  return ctx;
}

/**
 * Commander lets the last of --NAME and --no-NAME win silently; giving both is wrong usage (exit 2).
 */
export function refuseBoth(cmd: Command, name: string): void {
  let root = cmd;
  while (root.parent) root = root.parent;
  const args = (root as Command & { rawArgs?: string[] }).rawArgs ?? [];
  const given = (flag: string) => args.some((a) => a === flag || a.startsWith(`${flag}=`));
  if (given(`--${name}`) && given(`--no-${name}`)) {
    throw new UsageError(`choose --${name} or --no-${name}, not both`);
  }
}

/**
 * One CLI command (or command group) = one file under src/commands/ exporting `register`, listed once in
 * src/commands/index.ts. `register` adds the command to the program with `program.command(…)`, so it inherits
 * error handling, output and help settings.
 */
export type Register = (program: Command, ctx: Context) => void;
