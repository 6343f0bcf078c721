// `npm run bench [-- --people 1000 --practices 50 --years 3 --duration 10 --db sqlite,postgres]`
//
// 1. generates deterministic data (bench/generate.ts) on SQLite and on a throwaway PostgreSQL
//    cluster of its own (durable default settings: fsync and synchronous_commit on);
// 2. measures cold start to the first 200 from /healthz and the idle RSS of the real server
//    (the bundle, launched as `npm start` does: scripts/server-command.mjs, built first when stale;
//    production settings except the rate limit, which is lifted);
// 3. loads it on loopback with autocannon (10 connections) and, in the same run, the bare Fastify
//    server (bench/bare-server.ts) doing the raw work on the same database;
// 4. times a Loop Habit Tracker backup import (50 habits × 10 years, bench/loop-backup.ts) through
//    each server, three runs into empty people, on a server process started for it;
// 5. writes bench/results/<time>-<dialects>.json, bench/results/latest.json and latest.md.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateToLatest, openDatabase } from '@tack/db';
import autocannon, { type RequestSpec, type Result } from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { type PgCluster, startPgCluster } from '../e2e/reliability/pg-cluster.ts';
import { freePort } from '../e2e/support/server.ts';
import { serverArgs } from '../scripts/server-command.mjs';
import { addImportPeople, generate, type ImportPerson } from './generate.ts';
import { benchLoopBackup, type LoopBackupFile } from './loop-backup.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BARE_MAIN = join(ROOT, 'bench', 'bare-server.ts');
const RESULTS = join(ROOT, 'bench', 'results');
const MiB = 1024 * 1024;
/** The import scenario: a Loop backup of 50 habits × 10 years of daily entries, imported this many times. */
const IMPORT = { habits: 50, days: 3652, runs: 3, targetMs: 2000 };

type Dialect = 'sqlite' | 'postgres';

interface Options {
  people: number;
  practices: number;
  years: number;
  duration: number;
  connections: number;
  dialects: Dialect[];
  coldStarts: number;
  /** TACK_LOG_LEVEL for the server; undefined: its default (info, a line per request). */
  logLevel: string | undefined;
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    people: 1000,
    practices: 50,
    years: 3,
    duration: 10,
    connections: 10,
    dialects: ['sqlite', 'postgres'],
    coldStarts: 3,
    logLevel: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = (argv[i] ?? '').split('=', 2) as [string, string | undefined];
    const value = inline ?? argv[++i] ?? '';
    const num = () => {
      const n = Number(value);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number, got "${value}"`);
      return n;
    };
    if (flag === '--people') o.people = Math.floor(num());
    else if (flag === '--practices') o.practices = Math.floor(num());
    else if (flag === '--years') o.years = num();
    else if (flag === '--duration') o.duration = Math.min(15, num());
    else if (flag === '--connections') o.connections = Math.floor(num());
    else if (flag === '--cold-starts') o.coldStarts = Math.min(10, Math.floor(num()));
    else if (flag === '--log-level') o.logLevel = value;
    else if (flag === '--db') {
      const list = value.split(',').map((s) => s.trim());
      if (!list.every((d): d is Dialect => d === 'sqlite' || d === 'postgres')) {
        throw new Error(`--db takes sqlite, postgres or both (comma-separated), got "${value}"`);
      }
      o.dialects = list;
    } else
      throw new Error(
        `unknown option ${flag} (--people, --practices, --years, --duration, --connections, --db, --cold-starts, --log-level)`,
      );
  }
  return o;
}

const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssOf(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] ? (Number(m[1]) * 1024) / MiB : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** GET url; resolves with the status (0 when nothing answers). */
function probe(url: string, headers: Record<string, string> = {}, timeout = 2000): Promise<number> {
  return new Promise((resolveProbe) => {
    const req = request(url, { headers, timeout }, (res) => {
      res.resume();
      res.on('end', () => resolveProbe(res.statusCode ?? 0));
    });
    req.on('error', () => resolveProbe(0));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/** POSTs `body` and waits for the whole answer; resolves with the status and the milliseconds taken. */
function postFile(
  url: string,
  body: Buffer,
  headers: Record<string, string>,
  timeout = 600_000,
): Promise<{ status: number; ms: number; text: string }> {
  return new Promise((resolvePost) => {
    const started = performance.now();
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/octet-stream', 'content-length': String(body.length) },
        timeout,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => {
          text += d;
        });
        res.on('end', () => resolvePost({ status: res.statusCode ?? 0, ms: performance.now() - started, text }));
      },
    );
    req.on('error', (err) => resolvePost({ status: 0, ms: performance.now() - started, text: err.message }));
    req.on('timeout', () => req.destroy());
    req.end(body);
  });
}

interface ImportRuns {
  ms: number[];
  medianMs: number;
  peakRssMiB: number;
}

/** POSTs the file `runs` times, each time into a person of its own; all must answer 200. */
async function importRuns(
  proc: Proc,
  people: ImportPerson[],
  pathFor: (p: ImportPerson) => string,
  file: Buffer,
  auth: boolean,
): Promise<ImportRuns> {
  const ms: number[] = [];
  let peak = rssOf(proc.child.pid);
  const sampler = setInterval(() => {
    const r = rssOf(proc.child.pid);
    if (r > peak) peak = r;
  }, 50);
  try {
    for (const person of people) {
      const res = await postFile(
        `${proc.url}${pathFor(person)}`,
        file,
        auth ? { authorization: `Bearer ${person.token}` } : {},
      );
      if (res.status !== 200) throw new Error(`import answered ${res.status}: ${res.text.slice(0, 500)}`);
      ms.push(round(res.ms, 0));
    }
  } finally {
    clearInterval(sampler);
  }
  return { ms, medianMs: median(ms), peakRssMiB: round(peak, 1) };
}

/** The Loop import on a freshly started server: `people.length` runs, each into its own empty person. */
async function importScenario(
  kind: 'tack' | 'bare',
  env: Record<string, string>,
  dialect: Dialect,
  loopFile: LoopBackupFile,
  people: ImportPerson[],
): Promise<ImportRuns> {
  log(`${dialect}: ${kind} Loop import (${loopFile.repetitions.toLocaleString('en')} entries) × ${people.length}`);
  const proc = await spawnServer(kind, env);
  try {
    const runs =
      kind === 'tack'
        ? await importRuns(proc, people, () => '/api/v1/imports/loop', loopFile.bytes, true)
        : await importRuns(proc, people, (p) => `/bare/import/${p.userId}`, loopFile.bytes, false);
    log(`${dialect}: ${kind} Loop import ${runs.ms.join(', ')} ms`);
    return runs;
  } finally {
    await proc.stop();
  }
}

interface Proc {
  child: ChildProcess;
  url: string;
  /** ms from spawn to the first 200 from /healthz. */
  readyMs: number;
  stop(): Promise<void>;
  /** The last 8 KB the process wrote to stderr. */
  stderr(): string;
}

async function spawnServer(kind: 'tack' | 'bare', env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const fullEnv: Record<string, string> = {
    ...(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined)) as Record<string, string>),
    NODE_ENV: 'production',
    TACK_HOST: '127.0.0.1',
    TACK_PORT: String(port),
    BARE_PORT: String(port),
    // The default (600 a minute per address) is for people, not load generators.
    TACK_RATE_LIMIT: '1000000000',
    ...env,
  };
  const started = performance.now();
  const child = spawn(process.execPath, kind === 'tack' ? serverArgs() : [BARE_MAIN], {
    cwd: ROOT,
    env: fullEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    stderr = (stderr + d).slice(-8000);
  });
  const deadline = Date.now() + 30_000;
  let readyMs = Number.NaN;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${kind} server exited (${child.exitCode}): ${stderr}`);
    if ((await probe(`${url}/healthz`)) === 200) {
      readyMs = performance.now() - started;
      break;
    }
    await sleep(5);
  }
  if (Number.isNaN(readyMs)) {
    child.kill('SIGKILL');
    throw new Error(`${kind} server not ready after 30 s: ${stderr}`);
  }
  return {
    child,
    url,
    readyMs,
    stderr: () => stderr,
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
        const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(t);
          resolveStop();
        });
        child.kill('SIGTERM');
      }),
  };
}

interface LoadResult {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  rssAfterMiB: number;
  peakRssMiB: number;
  /** Responses by HTTP status. */
  statuses: Record<string, number>;
}

async function load(proc: Proc, spec: RequestSpec, o: Options): Promise<LoadResult> {
  // Warm-up (JIT, caches, strength checkpoints), not recorded.
  await autocannon({ url: proc.url, connections: o.connections, duration: 2, requests: [spec] });
  let peak = rssOf(proc.child.pid);
  const sampler = setInterval(() => {
    const r = rssOf(proc.child.pid);
    if (r > peak) peak = r;
  }, 250);
  let result: Result;
  try {
    result = await autocannon({
      url: proc.url,
      connections: o.connections,
      duration: o.duration,
      timeout: 10,
      requests: [spec],
    });
  } finally {
    clearInterval(sampler);
  }
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) {
    throw new Error(`the server died under load (${proc.child.exitCode ?? proc.child.signalCode}): ${proc.stderr()}`);
  }
  return {
    reqPerSec: round(result.requests.average, 0),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result['2xx'] + result.non2xx,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    rssAfterMiB: round(rssOf(proc.child.pid), 1),
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])),
    peakRssMiB: round(peak, 1),
  };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

const STATUSES = ['done', 'skipped', 'notDone'] as const;

/** Writes that really change a row each time: practice by practice, status rotating, today. */
function writeSpec(pathFor: (practiceId: string) => string, practiceIds: string[], headers: Record<string, string>) {
  let n = 0;
  return {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'application/json' },
    setupRequest: (req: { path?: string; body?: string }) => {
      const i = n++;
      const id = practiceIds[i % practiceIds.length] as string;
      const status = STATUSES[Math.floor(i / practiceIds.length) % STATUSES.length];
      req.path = pathFor(id);
      req.body = JSON.stringify({ status });
      return req;
    },
  } satisfies RequestSpec;
}

interface DialectResult {
  dialect: Dialect;
  checkins: number;
  generateSeconds: number;
  coldStartMs: { tack: number[]; bare: number[]; tackMedian: number; bareMedian: number };
  idleRssMiB: { tack: number; bare: number; tackAfterLoad: number };
  /** The first Today after the data was loaded: no strength checkpoints yet. */
  firstTodayMs: number;
  scenarios: Record<string, { tack: LoadResult; bare: LoadResult; ratio: number }>;
  /** A Loop backup imported into a new, empty person each run (not req/s: time of one import). */
  loopImport: {
    habits: number;
    repetitions: number;
    fileBytes: number;
    tack: ImportRuns;
    bare: ImportRuns;
    /** Tack's median ÷ bare's median: how many times longer Tack takes. */
    ratio: number;
  };
}

async function benchDialect(
  dialect: Dialect,
  o: Options,
  today: string,
  loopFile: LoopBackupFile,
): Promise<DialectResult> {
  let cluster: PgCluster | undefined;
  let dataDir: string | undefined;
  try {
    const env: Record<string, string> = {};
    if (dialect === 'postgres') {
      log('starting a throwaway PostgreSQL cluster (durable settings)');
      cluster = await startPgCluster({ settings: ['shared_buffers=256MB'] });
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query('CREATE DATABASE tack_bench');
      await admin.end();
      env.DATABASE_URL = cluster.url.replace(/\/postgres$/, '/tack_bench');
    }
    dataDir = mkdtempSync(join(os.tmpdir(), 'tack-bench-'));
    env.TACK_DATA_DIR = dataDir;
    if (o.logLevel) env.TACK_LOG_LEVEL = o.logLevel;

    log(`${dialect}: generating ${o.people} people × ${o.practices} practices × ${o.years} years`);
    const t0 = performance.now();
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir });
    await migrateToLatest(database.db);
    let lastLog = 0;
    const gen = await generate(database.db, {
      people: o.people,
      practices: o.practices,
      years: o.years,
      today,
      progress: (done, rows) => {
        if (Date.now() - lastLog > 5000 || done === o.people) {
          lastLog = Date.now();
          log(`${dialect}: ${done}/${o.people} people, ${rows.toLocaleString('en')} check-ins`);
        }
      },
    });
    // Empty people for the import scenario: one per run, for Tack and for the bare server.
    const importers = await addImportPeople(database.db, IMPORT.runs * 2, today);
    const tackImporters = importers.slice(0, IMPORT.runs);
    const bareImporters = importers.slice(IMPORT.runs);
    if (database.dialect === 'postgres') {
      // What autovacuum would otherwise do during the measurements: after millions of inserts it
      // vacuums the tables (insert-triggered, PostgreSQL 13+) for minutes, and the scenarios would
      // measure that. Measured as a database in use looks: vacuumed, analysed, checkpointed.
      const v0 = performance.now();
      await sql`vacuum (analyze)`.execute(database.db);
      await sql`checkpoint`.execute(database.db);
      log(`${dialect}: vacuum (analyze) and checkpoint in ${round((performance.now() - v0) / 1000, 1)} s`);
    } else if (database.driver.kind === 'sqlite') {
      database.driver.sqlite.exec('ANALYZE');
      database.driver.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    }
    await database.close();
    const generateSeconds = round((performance.now() - t0) / 1000, 1);
    log(`${dialect}: ${gen.checkins.toLocaleString('en')} check-ins in ${generateSeconds} s`);

    const coldTack: number[] = [];
    const coldBare: number[] = [];
    let idleTack = Number.NaN;
    let idleBare = Number.NaN;
    for (let i = 0; i < o.coldStarts; i++) {
      const t = await spawnServer('tack', env);
      coldTack.push(round(t.readyMs, 0));
      if (i === 0) {
        await sleep(3000);
        idleTack = round(rssOf(t.child.pid), 1);
      }
      await t.stop();
      const b = await spawnServer('bare', env);
      coldBare.push(round(b.readyMs, 0));
      if (i === 0) {
        await sleep(3000);
        idleBare = round(rssOf(b.child.pid), 1);
      }
      await b.stop();
    }
    log(`${dialect}: cold start tack ${coldTack.join('/')} ms, bare ${coldBare.join('/')} ms`);

    const auth = { authorization: `Bearer ${gen.token}` };
    const p0 = gen.practiceIds[0] as string;
    // Measurable practices (every fifth) need a value with "done"; the writes use the yes/no ones.
    const yesNo = gen.practiceIds.filter((_, j) => j % 5 !== 4);
    const scenarios: DialectResult['scenarios'] = {};
    const specs: Record<string, { tack: RequestSpec; bare: RequestSpec }> = {
      today: {
        tack: { method: 'GET', path: '/api/v1/today', headers: auth },
        bare: { method: 'GET', path: `/bare/today/${gen.userId}/${today}` },
      },
      strength: {
        tack: { method: 'GET', path: `/api/v1/practices/${p0}/strength`, headers: auth },
        bare: { method: 'GET', path: `/bare/strength/${gen.userId}/${p0}` },
      },
      checkinWrite: {
        tack: writeSpec((id) => `/api/v1/practices/${id}/checkins/${today}`, yesNo, auth),
        bare: writeSpec((id) => `/bare/checkins/${gen.userId}/${id}/${today}`, yesNo, {}),
      },
      // The same writes against a bare server that also authenticates, validates and checks the
      // practice is the person's (not a target: what the check-in target's gap is made of).
      checkinWriteChecked: {
        tack: writeSpec((id) => `/api/v1/practices/${id}/checkins/${today}`, yesNo, auth),
        bare: writeSpec((id) => `/bare/checked/checkins/${id}/${today}`, yesNo, auth),
      },
      // This week's review (a date names the week holding it); the first GET makes the draft.
      review: {
        tack: { method: 'GET', path: `/api/v1/reviews/${today}`, headers: auth },
        bare: { method: 'GET', path: `/bare/review/${gen.userId}/${today}` },
      },
    };

    const tack = await spawnServer('tack', env);
    let tackAfterLoad = Number.NaN;
    let firstTodayMs = Number.NaN;
    const tackResults: Record<string, LoadResult> = {};
    try {
      // The first Today computes every practice's strength from scratch and stores checkpoints.
      const first = performance.now();
      const check = await probe(`${tack.url}/api/v1/today`, auth, 120_000);
      if (check !== 200) throw new Error(`GET /api/v1/today with the bench token answered ${check}`);
      firstTodayMs = round(performance.now() - first, 0);
      log(`${dialect}: first Today (no checkpoints yet) took ${firstTodayMs} ms`);
      for (const [name, spec] of Object.entries(specs)) {
        log(`${dialect}: tack ${name}`);
        tackResults[name] = await load(tack, spec.tack, o);
      }
      await sleep(3000);
      tackAfterLoad = round(rssOf(tack.child.pid), 1);
    } finally {
      await tack.stop();
    }
    const bare = await spawnServer('bare', env);
    try {
      for (const [name, spec] of Object.entries(specs)) {
        log(`${dialect}: bare ${name}`);
        const b = await load(bare, spec.bare, o);
        const t = tackResults[name] as LoadResult;
        scenarios[name] = { tack: t, bare: b, ratio: round(t.reqPerSec / b.reqPerSec, 2) };
      }
    } finally {
      await bare.stop();
    }
    // The import, last (the check-ins it adds do not change the load scenarios' data), on a server
    // process of its own, started for it: one import is a single request, and a process that has
    // just served the load scenarios spends much of it collecting the garbage they left (in a quick
    // run, SQLite imports took 2.1–3.6 s there against 1.2–1.5 s on a fresh process).
    const tackImport = await importScenario('tack', env, dialect, loopFile, tackImporters);
    const bareImport = await importScenario('bare', env, dialect, loopFile, bareImporters);
    return {
      dialect,
      checkins: gen.checkins,
      generateSeconds,
      coldStartMs: { tack: coldTack, bare: coldBare, tackMedian: median(coldTack), bareMedian: median(coldBare) },
      idleRssMiB: { tack: idleTack, bare: idleBare, tackAfterLoad },
      firstTodayMs,
      scenarios,
      loopImport: {
        habits: loopFile.habits,
        repetitions: loopFile.repetitions,
        fileBytes: loopFile.bytes.length,
        tack: tackImport,
        bare: bareImport,
        ratio: round(tackImport.medianMs / bareImport.medianMs, 2),
      },
    };
  } finally {
    cluster?.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Target {
  dialect: Dialect;
  name: string;
  target: string;
  measured: string;
  pass: boolean;
}

function targets(results: DialectResult[]): Target[] {
  const out: Target[] = [];
  for (const r of results) {
    const w = r.scenarios.checkinWrite;
    if (w)
      out.push({
        dialect: r.dialect,
        name: 'check-in write',
        target: '≥ 0.6 × bare req/s',
        measured: `${w.ratio} × bare`,
        pass: w.ratio >= 0.6,
      });
    const t = r.scenarios.today;
    if (t)
      out.push({
        dialect: r.dialect,
        name: 'Today p99 (10 connections)',
        target: '≤ 15 ms',
        measured: `${t.tack.p99Ms} ms`,
        pass: t.tack.p99Ms <= 15,
      });
    out.push({
      dialect: r.dialect,
      name: `Loop import, ${r.loopImport.habits} habits × 10 years`,
      target: `< ${IMPORT.targetMs} ms`,
      measured: `${r.loopImport.tack.medianMs} ms (median)`,
      pass: r.loopImport.tack.medianMs < IMPORT.targetMs,
    });
    out.push({
      dialect: r.dialect,
      name: 'idle RSS',
      target: '≤ 100 MiB',
      measured: `${r.idleRssMiB.tack} MiB`,
      pass: r.idleRssMiB.tack <= 100,
    });
    out.push({
      dialect: r.dialect,
      name: 'cold start to /healthz',
      target: '≤ 1000 ms',
      measured: `${r.coldStartMs.tackMedian} ms (median)`,
      pass: r.coldStartMs.tackMedian <= 1000,
    });
  }
  return out;
}

function machine() {
  const cpus = os.cpus();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    // Uncommitted changes: the commit alone does not say what was measured.
    if (execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).trim()) commit += '-dirty';
  } catch {}
  let pgVersion = 'unknown';
  try {
    pgVersion = execFileSync('/usr/lib/postgresql/15/bin/postgres', ['--version'], { encoding: 'utf8' }).trim();
  } catch {}
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: pgVersion,
    commit,
  };
}

const SCENARIO_NAMES: Record<string, string> = {
  checkinWrite: 'check-in write (PUT …/checkins/:date)',
  checkinWriteChecked: 'check-in write, against a bare server that also authenticates and validates',
  today: 'Today (GET /api/v1/today)',
  strength: 'strength, one year (GET …/strength)',
  review: "this week's review (GET /api/v1/reviews/:week)",
};

export function markdown(report: Report): string {
  const m = report.machine;
  const o = report.options;
  const lines = [
    `Run ${report.startedAt} on ${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB), ${m.os}, Node ${m.node}, ${m.postgres}, commit ${m.commit}.`,
    `Data: ${o.people} people × ${o.practices} practices × ${o.years} years; load: ${o.connections} connections, ${o.duration} s a scenario (after a 2 s warm-up); server log level ${o.logLevel ?? 'info (default)'}; load average at the start ${report.loadAverage.join(' / ')}.`,
    '',
    '| database | scenario | Tack req/s | Tack p50 | Tack p99 | bare req/s | bare p50 | bare p99 | Tack ÷ bare | Tack RSS after (peak) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of report.results) {
    for (const [key, s] of Object.entries(r.scenarios)) {
      const bad = s.tack.non2xx + s.tack.errors + s.bare.non2xx + s.bare.errors;
      lines.push(
        `| ${r.dialect} | ${SCENARIO_NAMES[key] ?? key}${bad ? ` (⚠ ${bad} non-2xx/errors)` : ''} | ${s.tack.reqPerSec} | ${s.tack.p50Ms} ms | ${s.tack.p99Ms} ms | ${s.bare.reqPerSec} | ${s.bare.p50Ms} ms | ${s.bare.p99Ms} ms | ${s.ratio} | ${s.tack.rssAfterMiB} (${s.tack.peakRssMiB}) MiB |`,
      );
    }
  }
  lines.push(
    '',
    '| database | check-ins | cold start Tack (median of runs) | cold start bare | idle RSS Tack | idle RSS bare | Tack RSS idle after load | first Today (no checkpoints) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of report.results) {
    lines.push(
      `| ${r.dialect} | ${r.checkins.toLocaleString('en')} | ${r.coldStartMs.tackMedian} ms (${r.coldStartMs.tack.join(', ')}) | ${r.coldStartMs.bareMedian} ms | ${r.idleRssMiB.tack} MiB | ${r.idleRssMiB.bare} MiB | ${r.idleRssMiB.tackAfterLoad} MiB | ${r.firstTodayMs} ms |`,
    );
  }
  lines.push(
    '',
    '| database | Loop import (one request, new person each run) | Tack (median of runs) | bare (median) | Tack ÷ bare | Tack peak RSS |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
  );
  for (const r of report.results) {
    const li = r.loopImport;
    lines.push(
      `| ${r.dialect} | ${li.habits} habits, ${li.repetitions.toLocaleString('en')} entries, ${round(li.fileBytes / MiB, 1)} MiB backup | ${li.tack.medianMs} ms (${li.tack.ms.join(', ')}) | ${li.bare.medianMs} ms (${li.bare.ms.join(', ')}) | ${li.ratio} | ${li.tack.peakRssMiB} MiB |`,
    );
  }
  lines.push('', '| database | target | goal | measured | |', '| --- | --- | --- | --- | --- |');
  for (const t of report.targets)
    lines.push(`| ${t.dialect} | ${t.name} | ${t.target} | ${t.measured} | ${t.pass ? 'pass' : '**MISS**'} |`);
  return `${lines.join('\n')}\n`;
}

interface Report {
  startedAt: string;
  /** 1, 5 and 15 minute load averages when the run started: the machine is shared. */
  loadAverage: number[];
  machine: ReturnType<typeof machine>;
  options: Options;
  results: DialectResult[];
  targets: Target[];
  notMeasured: string[];
}

async function main() {
  const o = parseOptions(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const loadAverage = os.loadavg().map((l) => round(l, 2));
  const today = startedAt.slice(0, 10);
  log(`building a Loop backup of ${IMPORT.habits} habits × ${IMPORT.days} days`);
  const loopFile = benchLoopBackup({ habits: IMPORT.habits, days: IMPORT.days, today });
  const results: DialectResult[] = [];
  for (const d of o.dialects) results.push(await benchDialect(d, o, today, loopFile));
  const report: Report = {
    startedAt,
    loadAverage,
    machine: machine(),
    options: o,
    results,
    targets: targets(results),
    notMeasured: [],
  };
  mkdirSync(RESULTS, { recursive: true });
  const stamp = startedAt.replace(/[:.]/g, '-');
  const json = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(join(RESULTS, `${stamp}-${o.dialects.join('-')}.json`), json);
  writeFileSync(join(RESULTS, 'latest.json'), json);
  const md = markdown(report);
  writeFileSync(join(RESULTS, 'latest.md'), md);
  process.stdout.write(md);
  const missed = report.targets.filter((t) => !t.pass);
  if (missed.length > 0) log(`targets missed: ${missed.map((t) => `${t.dialect} ${t.name}`).join(', ')}`);
}

await main();
