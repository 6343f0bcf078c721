// The REAL Tack server as a child process, for black-box tests (e2e, cli, crash/restart tests).
//
//   const server = await startServer({ env: { DATABASE_URL: await freshPgDatabase('sessions') } });
//   await fetch(`${server.url}/healthz`);
//   await server.kill9();          // crash it…
//   await server.restart();        // …and bring it back on the same port and data folder
//   await server.stop();           // SIGTERM, waits for the exit
//
// Contract with the server (apps/server/src/main.ts, run as its bundle apps/server/dist/main.js, see
// scripts/server-command.mjs): it reads TACK_HOST, TACK_PORT, TACK_DATA_DIR (and DATABASE_URL when given),
// and answers GET /healthz with 200 once it is ready.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_BUNDLE, serverArgs } from '../../scripts/server-command.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The server as it ships: the bundle, launched as `npm start` does (built by `npm test` before this tier). */
export const SERVER_MAIN = SERVER_BUNDLE;

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;
const LOG_LIMIT = 64 * 1024;

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StartServerOptions {
  /** Extra environment for the server (wins over the defaults), e.g. DATABASE_URL. */
  env?: Record<string, string>;
  /** Reuse a data folder (default: a fresh temp folder, removed when the test process exits). */
  dataDir?: string;
  /** How long to wait for GET /healthz to answer 200 (default 30 s). */
  readyTimeoutMs?: number;
}

export interface RunningServer {
  /** http://127.0.0.1:PORT (stays the same across restart()). */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** The current child process (a new one after restart()). */
  readonly process: ChildProcess;
  /** Sends the signal (default SIGTERM) and waits for the exit; SIGKILL after 15 s. */
  stop(signal?: NodeJS.Signals): Promise<ExitInfo>;
  /** SIGKILL: a crash, no chance to clean up. */
  kill9(): Promise<ExitInfo>;
  /** Stops it (SIGTERM) if running, then starts it again on the same port and data folder. */
  restart(): Promise<void>;
  /** What the server printed so far (stdout and stderr, last 64 KiB of each). */
  output(): { stdout: string; stderr: string };
  /** stop() if still running, then remove the data folder if startServer made it. */
  dispose(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

// Children and temp folders of this test process, cleaned up however it ends: vitest stops its
// fork workers with SIGTERM, where no 'exit' event fires, so signals are hooked too.
const liveChildren = new Set<ChildProcess>();
const tempDirs = new Set<string>();
let hooked = false;
function cleanupAll(): void {
  for (const child of liveChildren) child.kill('SIGKILL');
  liveChildren.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}
function hookCleanup(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', cleanupAll);
  for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.once(sig, () => {
      cleanupAll();
      // nobody else handles it: die of it as we would have without this hook
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    });
  }
}

function appendCapped(buf: string, chunk: string): string {
  const next = buf + chunk;
  return next.length > LOG_LIMIT ? next.slice(-LOG_LIMIT) : next;
}

/** The test runner's own variables are not the server's business. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^(__)?VITEST/.test(key)) continue;
    env[key] = value;
  }
  return env;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<ExitInfo> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolveExit) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolveExit({ code, signal });
    });
  });
}

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  if (!existsSync(SERVER_MAIN)) {
    throw new Error(`no server to start: ${SERVER_MAIN} does not exist (node scripts/build-server.mjs builds it)`);
  }
  hookCleanup();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tack-e2e-data-'));
  if (ownDataDir) tempDirs.add(dataDir);
  const env = {
    ...baseEnv(),
    TACK_HOST: '127.0.0.1',
    TACK_PORT: String(port),
    TACK_DATA_DIR: dataDir,
    NODE_ENV: 'production',
    ...options.env,
  };
  const readyTimeoutMs = options.readyTimeoutMs ?? READY_TIMEOUT_MS;
  let stdout = '';
  let stderr = '';
  let child: ChildProcess;

  const launch = async (): Promise<void> => {
    stdout = '';
    stderr = '';
    const c = spawn(process.execPath, serverArgs(), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child = c;
    liveChildren.add(c);
    c.stdout?.setEncoding('utf8').on('data', (d: string) => {
      stdout = appendCapped(stdout, d);
      if (process.env.TACK_E2E_SERVER_LOG === '1') process.stdout.write(d);
    });
    c.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr = appendCapped(stderr, d);
      if (process.env.TACK_E2E_SERVER_LOG === '1') process.stderr.write(d);
    });
    c.on('exit', () => liveChildren.delete(c));
    await waitUntilHealthy(c);
  };

  const waitUntilHealthy = async (c: ChildProcess): Promise<void> => {
    const deadline = Date.now() + readyTimeoutMs;
    let last = 'no answer yet';
    while (Date.now() < deadline) {
      if (c.exitCode !== null || c.signalCode !== null) {
        throw new Error(
          `server exited before it was ready (code ${c.exitCode}, signal ${c.signalCode})\n--- stderr ---\n${stderr}\n--- stdout ---\n${stdout}`,
        );
      }
      try {
        const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
        await res.arrayBuffer();
        if (res.status === 200) return;
        last = `GET /healthz answered ${res.status}`;
      } catch (err) {
        last = (err as Error).message;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    c.kill('SIGKILL');
    throw new Error(
      `server not ready after ${readyTimeoutMs} ms at ${url} (${last})\n--- stderr ---\n${stderr}\n--- stdout ---\n${stdout}`,
    );
  };

  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<ExitInfo> => {
    const c = child;
    if (c.exitCode === null && c.signalCode === null) c.kill(signal);
    return waitForExit(c, STOP_TIMEOUT_MS);
  };

  await launch();

  return {
    url,
    port,
    dataDir,
    get process() {
      return child;
    },
    stop,
    kill9: () => stop('SIGKILL'),
    async restart() {
      await stop('SIGTERM');
      await launch();
    },
    output: () => ({ stdout, stderr }),
    async dispose() {
      await stop('SIGTERM');
      if (ownDataDir) {
        rmSync(dataDir, { recursive: true, force: true });
        tempDirs.delete(dataDir);
      }
    },
  };
}
