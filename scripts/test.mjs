// `npm test`: the whole test run, the same on a developer's machine and in CI.
// Called from scripts/run.mjs on Node 24 with dependencies installed:
//   await (await import('./test.mjs')).main(args)
//
// 1. makes sure the system packages the selected tiers need are there (PostgreSQL server, Debian
//    Chromium); installs them with apt-get when running as root, otherwise says what to install;
// 2. starts ONE throwaway PostgreSQL cluster on a free loopback port (tests make their own
//    database per test file from TACK_TEST_PG_URL);
// 3. builds the web app when the e2e tier runs, and the server bundle (scripts/build-server.mjs) when the e2e
//    or routes tier runs: e2e tests start the server as `npm start` does, routes checks that the bundle starts;
// 4. runs `vitest run` (all projects, or what the arguments select), then the `unit` project again
//    under UTC+14 and UTC−11 to prove nothing depends on the host's time zone;
// 5. always stops Postgres and removes its folder (also on failure, SIGINT, SIGTERM);
// 6. ends with one line `N passed, N failed[, N skipped]` and a non-zero exit when anything failed
//    or no test ran.
//
// Arguments are passed to vitest: `npm test -- --project unit`, `npm test -- packages/db`,
// `npm test -- --project e2e -t healthz`.
// Environment knobs: TACK_PG_BIN (folder with initdb/pg_ctl, instead of the newest
// /usr/lib/postgresql/*/bin), TACK_CHROMIUM (browser binary, default /usr/bin/chromium),
// TACK_TEST_DEADLINE_MIN (stop everything after this many minutes, default 80: CI allows 90).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VITEST_BIN = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const VITE_BIN = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const WEB_VITE_CONFIG = join(ROOT, 'apps', 'web', 'vite.config.ts');
const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const PROJECTS = ['unit', 'web', 'db', 'routes', 'cli', 'e2e'];
const NEEDS_PG = ['db', 'routes', 'cli', 'e2e'];
const NEEDS_SERVER_BUNDLE = ['routes', 'e2e'];
const TZ_RUNS = [
  ['Pacific/Kiritimati', 'UTC+14'],
  ['Pacific/Pago_Pago', 'UTC−11'],
];

const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

const log = (msg) => console.log(`tack test: ${msg}`);
const warn = (msg) => console.error(`tack test: ${msg}`);
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

// ───────────────────────────── arguments ─────────────────────────────

/** Splits vitest arguments into the --project patterns and everything else. */
export function parseArgs(args) {
  const projects = [];
  const rest = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--project') {
      if (i + 1 < args.length) projects.push(args[++i]);
    } else if (a.startsWith('--project=')) projects.push(a.slice('--project='.length));
    else rest.push(a);
  }
  return { projects, rest };
}

function globToRegExp(glob) {
  return new RegExp(
    `^${glob
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  );
}

/** Which of our projects the --project patterns select (vitest semantics: none = all, `!x` excludes). */
export function selectedProjects(patterns) {
  const include = patterns.filter((p) => !p.startsWith('!'));
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => globToRegExp(p.slice(1)));
  return PROJECTS.filter(
    (name) =>
      (include.length === 0 || include.some((p) => globToRegExp(p).test(name))) && !exclude.some((re) => re.test(name)),
  );
}

// ───────────────────────────── system packages ─────────────────────────────

/** The newest /usr/lib/postgresql/<v>/bin that has initdb and pg_ctl (or TACK_PG_BIN). */
export function findPgBin() {
  const override = process.env.TACK_PG_BIN;
  if (override) return existsSync(join(override, 'initdb')) && existsSync(join(override, 'pg_ctl')) ? override : null;
  const base = '/usr/lib/postgresql';
  let versions = [];
  try {
    versions = readdirSync(base);
  } catch {
    return null;
  }
  const candidates = versions
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    .map((v) => join(base, v, 'bin'))
    .filter((bin) => existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl')));
  return candidates[0] ?? null;
}

function chromiumPath() {
  return process.env.TACK_CHROMIUM || DEFAULT_CHROMIUM;
}

/**
 * Makes sure what the selected tiers need is installed. Returns { pgBin, chromium } or exits 1
 * (not root and something is missing: says what to install).
 */
function ensureSystemPackages({ needPg, needChromium }) {
  if (needPg && process.env.TACK_PG_BIN && !findPgBin()) {
    warn(`TACK_PG_BIN=${process.env.TACK_PG_BIN} has no initdb and pg_ctl; fix or unset it.`);
    process.exit(1);
  }
  if (needChromium && process.env.TACK_CHROMIUM && !existsSync(process.env.TACK_CHROMIUM)) {
    warn(`TACK_CHROMIUM=${process.env.TACK_CHROMIUM} does not exist; fix or unset it.`);
    process.exit(1);
  }
  let pgBin = needPg ? findPgBin() : null;
  let chromium = needChromium && existsSync(chromiumPath()) ? chromiumPath() : null;
  const missing = [];
  if (needPg && !pgBin) missing.push('postgresql');
  if (needChromium && !chromium) missing.push('chromium');
  if (missing.length === 0) return { pgBin, chromium };

  const what = missing
    .map((p) => (p === 'postgresql' ? 'PostgreSQL server (initdb, pg_ctl)' : `Chromium (${chromiumPath()})`))
    .join(' and ');
  if (!isRoot()) {
    console.error(
      [
        `tack test: missing ${what}; the tests need them and this user cannot install them.`,
        'Install them (Debian/Ubuntu), then run the tests again:',
        `  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
        'Or point the tests at existing ones: TACK_PG_BIN=<folder with initdb and pg_ctl>, TACK_CHROMIUM=<chromium binary>.',
      ].join('\n'),
    );
    process.exit(1);
  }

  log(`missing ${what}; installing with apt-get: ${missing.join(' ')}`);
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (aptArgs) => {
    // Wait for a dpkg lock held by another apt instead of failing at once; retry once (mirrors).
    const full = ['-o', 'DPkg::Lock::Timeout=300', ...aptArgs];
    for (let attempt = 1; attempt <= 2; attempt++) {
      log(`apt-get ${aptArgs.join(' ')}${attempt > 1 ? ` (attempt ${attempt})` : ''}`);
      const r = spawnSync('apt-get', full, { stdio: ['ignore', 'inherit', 'inherit'], env: aptEnv });
      if (r.error) warn(`could not run apt-get: ${r.error.message}`);
      if (r.status === 0) return true;
    }
    return false;
  };
  const ok = apt(['update']) && apt(['install', '-y', ...missing]);
  if (needPg) pgBin = findPgBin();
  if (needChromium) chromium = existsSync(chromiumPath()) ? chromiumPath() : null;
  if (!ok || (needPg && !pgBin) || (needChromium && !chromium)) {
    warn(`installing ${missing.join(' ')} failed; cannot run the tests.`);
    process.exit(1);
  }
  return { pgBin, chromium };
}

// ───────────────────────────── PostgreSQL ─────────────────────────────

/** A free TCP port on 127.0.0.1 (listen on port 0, read it back, close). */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/** Runs a command to completion, capturing output; `detached` puts it in its own session. */
function runCapture(cmd, args, opts = {}) {
  return new Promise((resolveRun) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('error', (err) => resolveRun({ code: -1, out: `${out}${err.message}\n` }));
    child.on('close', (code, signal) => resolveRun({ code: code ?? (signal ? 128 : 1), out }));
  });
}

class PgCluster {
  constructor(pgBin, dir) {
    this.pgBin = pgBin;
    this.dir = dir; // also the Unix socket directory
    this.data = join(dir, 'data');
    this.logFile = join(dir, 'postgres.log');
    this.asRoot = isRoot();
    this.started = false;
    this.stopped = false;
    this.port = 0;
  }

  /** [cmd, args] running a PostgreSQL binary as the right user (initdb refuses root). */
  cmd(bin, args) {
    const exe = join(this.pgBin, bin);
    return this.asRoot ? ['runuser', ['-u', 'postgres', '--', exe, ...args]] : [exe, args];
  }

  async start() {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    if (this.asRoot) {
      const r = spawnSync('chown', ['postgres:postgres', this.dir], { encoding: 'utf8' });
      if (r.status !== 0)
        throw new Error(`chown postgres ${this.dir} failed (is there a 'postgres' user?): ${r.stderr}`);
    }
    const [initCmd, initArgs] = this.cmd('initdb', [
      '-D',
      this.data,
      '-U',
      'app',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
      '--no-instructions',
    ]);
    const init = await runCapture(initCmd, initArgs, { cwd: this.dir });
    if (init.code !== 0) throw new Error(`initdb failed (exit ${init.code}):\n${init.out}`);

    // Another process may take the port between our probe and Postgres binding it: retry.
    let lastOut = '';
    for (let attempt = 1; attempt <= 5; attempt++) {
      this.port = await freePort();
      const opts = [
        '-c listen_addresses=127.0.0.1',
        `-p ${this.port}`,
        `-k ${this.dir}`,
        '-c fsync=off',
        '-c synchronous_commit=off',
        '-c full_page_writes=off',
        '-c max_connections=200',
      ].join(' ');
      const [ctlCmd, ctlArgs] = this.cmd('pg_ctl', [
        '-D',
        this.data,
        '-l',
        this.logFile,
        '-w',
        '-t',
        '60',
        '-o',
        opts,
        'start',
      ]);
      // detached: the postmaster gets its own session, so a Ctrl-C meant for the tests does not
      // reach it; this script stops it itself, in order.
      const started = await runCapture(ctlCmd, ctlArgs, { cwd: this.dir, detached: true });
      if (started.code === 0) {
        this.started = true;
        return;
      }
      lastOut = `${started.out}\n${this.logTail()}`;
      if (!/could not bind|Address already in use/i.test(lastOut)) break;
      warn(`port ${this.port} was taken; trying another`);
    }
    this.started = true; // a half-started server must still be stopped
    throw new Error(`PostgreSQL did not start:\n${lastOut}`);
  }

  logTail(lines = 40) {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no server log)';
    }
  }

  get url() {
    return `postgres://app@127.0.0.1:${this.port}/postgres`;
  }

  postmasterPid() {
    try {
      const pid = Number(readFileSync(join(this.data, 'postmaster.pid'), 'utf8').split('\n')[0]);
      return Number.isInteger(pid) && pid > 0 ? pid : null;
    } catch {
      return null;
    }
  }

  /** Synchronous on purpose: also runs from the process 'exit' handler. Idempotent. */
  stopSync() {
    if (this.stopped) return;
    this.stopped = true;
    if (this.started) {
      const pid = this.postmasterPid();
      const alive = () => {
        if (!pid) return false;
        try {
          // a zombie (exited, not yet reaped by init) is not running
          return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
        } catch {
          return false;
        }
      };
      for (const [mode, timeout] of [
        ['fast', 30],
        ['immediate', 15],
      ]) {
        if (!alive()) break;
        const [c, a] = this.cmd('pg_ctl', ['-D', this.data, '-m', mode, '-w', '-t', String(timeout), 'stop']);
        const r = spawnSync(c, a, { cwd: this.dir, encoding: 'utf8', timeout: (timeout + 5) * 1000 });
        if (r.status === 0) {
          log(`PostgreSQL stopped (pg_ctl stop -m ${mode})`);
          break;
        }
        warn(`pg_ctl stop -m ${mode} failed: ${(r.stderr || r.stdout || r.error?.message || '').trim()}`);
      }
      if (alive()) {
        warn(`PostgreSQL (pid ${pid}) still running; killing it`);
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

// ───────────────────────────── running vitest ─────────────────────────────

/** The child currently running (vitest or vite), so signals and the deadline can reach it. */
let current = null;

function runChild(label, cmd, args, env) {
  return new Promise((resolveRun) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    current = child;
    child.on('error', (err) => {
      warn(`${label}: could not start: ${err.message}`);
      current = null;
      resolveRun(1);
    });
    child.on('exit', (code, signal) => {
      current = null;
      resolveRun(code ?? (signal ? 128 : 1));
    });
  });
}

/** Totals from one vitest JSON report. A run that errored outside any test counts one failure. */
export function countReport(jsonFile, exitCode) {
  let report = null;
  try {
    report = JSON.parse(readFileSync(jsonFile, 'utf8'));
  } catch {
    // no report: vitest died before writing it (config error, global setup threw, killed)
  }
  const totals = { passed: 0, failed: 0, skipped: 0, notes: [] };
  if (report) {
    totals.passed = report.numPassedTests ?? 0;
    totals.failed = report.numFailedTests ?? 0;
    totals.skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // A file that failed without a failing test (import error, failing beforeAll/afterAll, crashed
    // worker) would otherwise not be counted at all.
    for (const file of report.testResults ?? []) {
      const failedTests = (file.assertionResults ?? []).filter((t) => t.status === 'failed').length;
      if (file.status === 'failed' && failedTests === 0) {
        totals.failed += 1;
        totals.notes.push(`${file.name}: ${file.message || 'failed outside any test'}`);
      }
    }
  }
  if (exitCode !== 0 && totals.failed === 0) {
    totals.failed += 1;
    totals.notes.push(
      report
        ? `vitest exited with code ${exitCode} without a failing test (unhandled error?)`
        : `vitest exited with code ${exitCode} and wrote no report`,
    );
  }
  return totals;
}

// ───────────────────────────── main ─────────────────────────────

export async function main(args = []) {
  const startedAt = Date.now();
  const { projects: projectPatterns, rest } = parseArgs(args);
  const selected = selectedProjects(projectPatterns);
  if (selected.length === 0) {
    warn(`--project ${projectPatterns.join(' ')} selects none of: ${PROJECTS.join(', ')}`);
    console.log('0 passed, 0 failed');
    process.exit(1);
  }
  const runsE2e = selected.includes('e2e');
  const runsUnit = selected.includes('unit');
  const needPg = selected.some((p) => NEEDS_PG.includes(p));

  const { chromium } = ensureSystemPackages({ needPg, needChromium: runsE2e });

  const totals = { passed: 0, failed: 0, skipped: 0 };
  const notes = [];
  let interrupted = null; // signal name
  let timedOut = false;

  const work = mkdtempSync(join(tmpdir(), 'tack-test-'));
  chmodSync(work, 0o755); // the postgres user must reach work/pg
  const pg = needPg ? new PgCluster(findPgBin(), join(work, 'pg')) : null;

  let cleaned = false;
  const cleanupSync = () => {
    if (cleaned) return;
    cleaned = true;
    try {
      pg?.stopSync();
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  };
  // Last resort if anything exits the process early (uncaught error, process.exit elsewhere).
  process.on('exit', cleanupSync);

  const stopChild = () => {
    const child = current;
    if (!child) return;
    child.kill('SIGTERM');
    setTimeout(() => {
      if (current === child) child.kill('SIGKILL');
    }, 10_000).unref();
  };
  const onSignal = (signal) => {
    if (interrupted) {
      // second signal: stop now
      warn(`${signal} again; stopping immediately`);
      current?.kill('SIGKILL');
      cleanupSync();
      process.exit(SIGNAL_EXIT[signal] ?? 143);
    }
    interrupted = signal;
    warn(`${signal} received; stopping the tests and cleaning up`);
    stopChild();
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, onSignal);

  const deadlineMin = Number(process.env.TACK_TEST_DEADLINE_MIN) > 0 ? Number(process.env.TACK_TEST_DEADLINE_MIN) : 80;
  const deadline = setTimeout(
    () => {
      timedOut = true;
      warn(`time limit of ${deadlineMin} min reached; stopping the tests`);
      stopChild();
    },
    deadlineMin * 60_000 - (Date.now() - startedAt),
  );
  deadline.unref();
  const stopping = () => interrupted !== null || timedOut;

  let exitCode = 0;
  try {
    // Children run on this same Node 24; put it first on PATH for anything they spawn.
    // Temp files of the tests (server data folders, browser profiles) go to a folder that is
    // removed at the end, whatever the tests forget.
    const testTmp = join(work, 'tmp');
    mkdirSync(testTmp, { recursive: true });
    const env = {
      ...process.env,
      PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
      TMPDIR: testTmp,
      TACK_REQUIRE_ALL_TIERS: '1',
      TZ: 'UTC',
    };
    if (runsE2e) env.TACK_CHROMIUM = chromium;

    if (pg) {
      const t0 = Date.now();
      try {
        await pg.start();
      } catch (err) {
        warn(err.message);
        totals.failed += 1;
        notes.push('PostgreSQL could not be started');
        throw err;
      }
      env.TACK_TEST_PG_URL = pg.url;
      log(
        `PostgreSQL ${pg.pgBin.split('/').at(-2)} started on 127.0.0.1:${pg.port} in ${Date.now() - t0} ms (${pg.dir})`,
      );
    }

    if (runsE2e && !stopping()) {
      if (existsSync(WEB_VITE_CONFIG)) {
        log('building the web app for the e2e tests (vite build --config apps/web/vite.config.ts)');
        const code = await runChild('vite build', process.execPath, [VITE_BIN, 'build', '--config', WEB_VITE_CONFIG], {
          ...env,
          NODE_ENV: 'production',
        });
        if (code !== 0) {
          totals.failed += 1;
          notes.push(`web build failed (exit ${code})`);
        }
      } else {
        log('apps/web/vite.config.ts does not exist yet; skipping the web build');
      }
    }

    if (selected.some((p) => NEEDS_SERVER_BUNDLE.includes(p)) && !stopping()) {
      log('building the server bundle (scripts/build-server.mjs)');
      try {
        const { buildServer } = await import('./build-server.mjs');
        await buildServer();
      } catch (err) {
        warn(`server build failed: ${err.message}`);
        totals.failed += 1;
        notes.push('server build failed');
      }
    }

    const runs = [{ label: 'all selected projects (TZ=UTC)', args: args, tz: 'UTC' }];
    if (runsUnit) {
      for (const [tz, offset] of TZ_RUNS) {
        runs.push({ label: `unit project under TZ=${tz} (${offset})`, args: ['--project', 'unit', ...rest], tz });
      }
    }
    for (const [i, run] of runs.entries()) {
      if (stopping()) break;
      log(`── vitest: ${run.label} ──`);
      const jsonFile = join(work, `vitest-${i}.json`);
      const code = await runChild(
        'vitest',
        process.execPath,
        [
          VITEST_BIN,
          'run',
          ...run.args,
          '--passWithNoTests', // "no test ran" is judged below, over all runs
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${jsonFile}`,
        ],
        { ...env, TZ: run.tz },
      );
      const t = countReport(jsonFile, stopping() ? 0 : code);
      totals.passed += t.passed;
      totals.failed += t.failed;
      totals.skipped += t.skipped;
      for (const n of t.notes) notes.push(`${run.label}: ${n}`);
    }
  } catch {
    // already reported and counted
  } finally {
    clearTimeout(deadline);
    cleanupSync();
    for (const s of signals) process.off(s, onSignal);
    process.off('exit', cleanupSync);
  }

  if (interrupted) {
    totals.failed += 1;
    notes.push(`interrupted by ${interrupted}`);
  }
  if (timedOut) {
    totals.failed += 1;
    notes.push(`stopped after the ${deadlineMin} min time limit`);
  }
  const total = totals.passed + totals.failed + totals.skipped;
  if (total === 0) notes.push('no test ran');
  for (const n of notes) warn(n);
  log(`finished in ${Math.round((Date.now() - startedAt) / 1000)} s`);

  if (interrupted) exitCode = SIGNAL_EXIT[interrupted] ?? 143;
  else if (totals.failed > 0 || totals.passed === 0) exitCode = 1;

  const parts = [`${totals.passed} passed`, `${totals.failed} failed`];
  if (totals.skipped > 0) parts.push(`${totals.skipped} skipped`);
  console.log(parts.join(', '));
  process.exit(exitCode);
}
