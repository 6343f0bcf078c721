import { resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import type { Register } from '../context.ts';
import { CliError, UsageError } from '../errors.ts';
import { makeFolder } from '../folders.ts';

interface ServeOptions {
  host?: string;
  port?: number;
  dataDir?: string;
}

export function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError('must be a whole number from 0 to 65535.');
  return n;
}

/** Settings for the server: the environment, with flags taking precedence. */
export function serverEnv(env: NodeJS.ProcessEnv, opts: { host?: string; port?: number; dataDir?: string }) {
  const out: Record<string, string | undefined> = { ...env };
  if (opts.host !== undefined) {
    if (opts.host.trim() === '') throw new UsageError('--host is empty; give an address such as 127.0.0.1');
    out.TACK_HOST = opts.host;
  }
  if (opts.port !== undefined) out.TACK_PORT = String(opts.port);
  if (opts.dataDir !== undefined) out.TACK_DATA_DIR = dataDirFlag(opts.dataDir);
  return out;
}

/** --data-dir as an absolute path; empty is a mistake (it would quietly mean the current folder). */
export function dataDirFlag(raw: string): string {
  if (raw.trim() === '') throw new UsageError('--data-dir is empty; give a folder, or leave the flag out');
  return resolve(raw);
}

/**
 * A database problem in the words of what the person set: the server's messages name TACK_DATA_DIR, which
 * is right only when that is where the folder came from (not with --data-dir, nor with the default).
 */
export function dataDirWords(message: string, dataDir: string | undefined, env: NodeJS.ProcessEnv): string {
  if (!message.startsWith('TACK_DATA_DIR: ')) return message;
  if (dataDir !== undefined) return message.replace(/^TACK_DATA_DIR: /, '--data-dir: ');
  if (env.TACK_DATA_DIR) return message;
  return message.replace(/^TACK_DATA_DIR: /, 'the data folder (./data unless you give --data-dir): ');
}

/**
 * Makes the SQLite data folder (see `makeFolder`) before the database opens it: the server's own mkdir never
 * returns on some paths. Folders made here are the owner's alone, as the server makes them. Errors name the
 * setting the person used (`flag` is the --data-dir given, if any), as `dataDirWords` does for the server's.
 */
export function prepareDataDir(dataDir: string, flag: string | undefined, env: NodeJS.ProcessEnv): void {
  if (dataDir === ':memory:') return;
  const problem = makeFolder(dataDir, 0o700);
  if (problem) throw new CliError(dataDirWords(`TACK_DATA_DIR: cannot create ${dataDir}: ${problem}`, flag, env));
}

/** Why the server could not listen where it was told to, in plain words; undefined for other failures. */
function listenProblem(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ERR_INVALID_URL') return 'not a valid address; give an IP address such as 127.0.0.1, or a host name';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'no such host name';
  if (code === 'EADDRNOTAVAIL') return 'this machine has no such address';
  if (code === 'EACCES') return 'permission denied (ports below 1024 usually need root)';
  return undefined;
}

const GRACE_MS = 10_000;

export const register: Register = (program, ctx) => {
  program
    .command('serve')
    .helpGroup('Running a server:')
    .summary('run a Tack server (API and web app) on this machine')
    .description(
      'Run a Tack server in this terminal: the API and the web app, with the database migrated first. ' +
        'Data lives in SQLite under --data-dir, or in PostgreSQL when DATABASE_URL is set. ' +
        'Stops cleanly on Ctrl+C (SIGINT) or SIGTERM.',
    )
    .option('--host <host>', 'address to listen on; 0.0.0.0 for every interface (env TACK_HOST, default 127.0.0.1)')
    .option('--port <port>', 'port to listen on; 0 picks a free one (env TACK_PORT, default 8080)', parsePort)
    .option('--data-dir <dir>', 'folder for the SQLite database and other data (env TACK_DATA_DIR, default ./data)')
    .addHelpText(
      'after',
      '\nOther settings come from the environment: DATABASE_URL, TACK_PUBLIC_URL, TACK_SECRET, TACK_LOG_LEVEL, …\n' +
        'See docs/ for the full list.',
    )
    .action(async (_opts: ServeOptions, cmd: Command) => {
      const opts = ctx.options<ServeOptions>(cmd);
      // Loaded here, not at the top: the server and its dependencies are only needed by this command.
      const { ConfigError, loadConfig, startServer } = await import('@tack/server');
      let config: ReturnType<typeof loadConfig>;
      try {
        config = loadConfig(serverEnv(ctx.env, opts));
      } catch (err) {
        if (err instanceof ConfigError) throw new CliError(err.message);
        throw err;
      }
      if (!config.databaseUrl) prepareDataDir(config.dataDir, opts.dataDir, ctx.env);
      const server = await startServer(config).catch((err: unknown) => {
        const name = err instanceof Error ? err.name : '';
        if (name === 'PortInUseError') {
          throw new CliError(`${config.host}:${config.port} is already in use; choose another port with --port`);
        }
        if (name === 'DatabaseUnavailableError') {
          throw new CliError(dataDirWords((err as Error).message, opts.dataDir, ctx.env));
        }
        const why = listenProblem(err);
        if (why) {
          const setting = opts.host !== undefined ? '--host' : ctx.env.TACK_HOST ? 'TACK_HOST' : 'the address';
          const where = config.port === 0 ? config.host : `${config.host} port ${config.port}`;
          throw new CliError(`${setting}: cannot listen on ${where}: ${why}`);
        }
        throw err;
      });
      const where = config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`;
      ctx.out.line(`Tack is running at ${server.url} (data: ${where})`);
      ctx.out.note('Press Ctrl+C to stop.');

      await new Promise<void>((done, fail) => {
        let stopping = false;
        const stop = (signal: NodeJS.Signals) => {
          if (stopping) {
            ctx.out.note(`Second ${signal}: stopping now.`);
            process.exit(1);
          }
          stopping = true;
          ctx.out.note(`${signal}: finishing requests in flight and closing the database…`);
          const force = setTimeout(() => {
            ctx.out.error(`did not stop within ${GRACE_MS / 1000} s; exiting anyway`);
            process.exit(1);
          }, GRACE_MS);
          force.unref();
          server.close().then(() => {
            clearTimeout(force);
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            ctx.out.note('Stopped.');
            done();
          }, fail);
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
};
