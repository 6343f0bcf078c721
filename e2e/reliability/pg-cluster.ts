// A small throwaway PostgreSQL cluster of its own (initdb + pg_ctl on a free loopback port), for
// tests that must stop and restart the database without disturbing the shared one that
// scripts/test.mjs starts, and for the benchmarks (`npm run bench`).
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/server.ts';

export interface PgCluster {
  readonly port: number;
  /** postgres://app@127.0.0.1:PORT/postgres (superuser, trust auth). */
  readonly url: string;
  /** pg_ctl stop; `immediate` is a crash (recovery on the next start), `fast` a clean stop. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** pg_ctl start on the same port and data folder. */
  start(): Promise<void>;
  /** Stops it (fast, then immediate) and removes its folder. Idempotent. */
  destroy(): void;
}

export interface PgClusterOptions {
  /** Test-speed settings (fsync=off, …). Never for tests about durability. Default false. */
  unsafeFast?: boolean;
  /** Extra `-c name=value` settings. */
  settings?: string[];
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The newest /usr/lib/postgresql/<v>/bin with initdb and pg_ctl (or TACK_PG_BIN), or null. */
export function findPgBin(): string | null {
  const override = process.env.TACK_PG_BIN;
  if (override) return existsSync(join(override, 'pg_ctl')) ? override : null;
  let versions: string[] = [];
  try {
    versions = readdirSync('/usr/lib/postgresql');
  } catch {
    return null;
  }
  const bins = versions
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    .map((v) => join('/usr/lib/postgresql', v, 'bin'))
    .filter((b) => existsSync(join(b, 'initdb')) && existsSync(join(b, 'pg_ctl')));
  return bins[0] ?? null;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: -1, out: out + err.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, out });
    });
  });
}

export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const bin = findPgBin();
  if (!bin) throw new Error('PostgreSQL server binaries not found (apt-get install postgresql, or set TACK_PG_BIN)');
  const root = isRoot();
  const cmd = (exe: string, args: string[]): [string, string[]] =>
    root ? ['runuser', ['-u', 'postgres', '--', join(bin, exe), ...args]] : [join(bin, exe), args];
  const dir = mkdtempSync(join(tmpdir(), 'tack-pg-'));
  if (root) {
    const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(pw.stdout.trim()), Number(gid.stdout.trim()));
  }
  const data = join(dir, 'data');
  const [ic, ia] = cmd('initdb', [
    '-D',
    data,
    '-U',
    'app',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-instructions',
    ...(options.unsafeFast ? ['--no-sync'] : []),
  ]);
  const init = await run(ic, ia, 60_000);
  if (init.code !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.out}`);
  }
  let port = 0;
  let destroyed = false;
  const settings = [
    '-c listen_addresses=127.0.0.1',
    `-k ${dir}`,
    '-c max_connections=100',
    ...(options.unsafeFast ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'] : []),
    ...(options.settings ?? []).map((s) => `-c ${s}`),
  ];
  const pgStart = async (): Promise<{ code: number; out: string }> => {
    const [c, a] = cmd('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-w',
      '-t',
      '30',
      '-o',
      `${settings.join(' ')} -p ${port}`,
      'start',
    ]);
    return run(c, a, 40_000);
  };
  const pgStop = async (mode: 'fast' | 'immediate'): Promise<{ code: number; out: string }> => {
    const [c, a] = cmd('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '20', 'stop']);
    return run(c, a, 30_000);
  };
  let last = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    port = await freePort();
    const r = await pgStart();
    if (r.code === 0) {
      last = '';
      break;
    }
    last = r.out;
    if (!/could not bind|already in use/i.test(r.out)) break;
  }
  if (last) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${last}`);
  }
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    for (const mode of ['fast', 'immediate']) {
      const [c, a] = cmd('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '15', 'stop']);
      const r = spawnSync(c, a, { encoding: 'utf8', timeout: 20_000 });
      if (r.status === 0 || /Is server running\?/.test(`${r.stderr}${r.stdout}`)) break;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', destroy);
  return {
    port,
    url: `postgres://app@127.0.0.1:${port}/postgres`,
    async stop(mode = 'fast') {
      const r = await pgStop(mode);
      if (r.code !== 0) throw new Error(`pg_ctl stop -m ${mode} failed: ${r.out}`);
    },
    async start() {
      const r = await pgStart();
      if (r.code !== 0) throw new Error(`pg_ctl start failed: ${r.out}`);
    },
    destroy,
  };
}
