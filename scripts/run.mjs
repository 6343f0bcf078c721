// Entry point of `npm start`, `npm test`, `npm run dev` and `npm run bench`.
// Plain JavaScript: it starts on whatever Node the machine has and switches to Node 24 first.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureNode24, ROOT, toolEnv } from './node24.mjs';
import { serverArgs } from './server-command.mjs';

await ensureNode24();

const [command = 'start', ...args] = process.argv.slice(2);
const env = toolEnv();

function run(cmd, cmdArgs, opts = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit', env, ...opts });
  if (r.status !== 0) {
    console.error(`tack: \`${cmd} ${cmdArgs.join(' ')}\` failed`);
    process.exit(r.status ?? 1);
  }
}

/** Installs dependencies when node_modules is missing or older than the lockfile. */
function ensureDependencies() {
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  // `npm install` from the lockfile rather than `npm ci`: the registry these machines reach does not carry
  // every platform build of some optional dependencies (Biome's), which `npm ci`'s strict check rejects.
  console.error('tack: installing dependencies …');
  run('npm', ['install', '--engine-strict', '--no-audit', '--no-fund']);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app when dist is missing or older than its sources. */
export function ensureWebBuild() {
  const index = join(ROOT, 'apps/web/dist/index.html');
  const sources = [join(ROOT, 'apps/web'), join(ROOT, 'packages/contracts/src'), join(ROOT, 'packages/client/src')];
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  if (built && sources.every((s) => newestMtime(s) <= built)) return;
  console.error('tack: building the web app …');
  run(join(ROOT, 'node_modules/.bin/vite'), ['build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn']);
}

/** Builds the server bundle when it is missing or older than its sources (scripts/build-server.mjs). */
async function ensureServerBuild() {
  const build = await import('./build-server.mjs');
  try {
    await build.ensureServerBuild();
  } catch (err) {
    console.error(`tack: building the server failed: ${err.message}`);
    process.exit(1);
  }
}

/** `npm start`: the bundled server (scripts/server-command.mjs); `npm run dev`: the TypeScript sources. */
function startServer(argv, extraEnv = {}) {
  const child = spawn(process.execPath, argv, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...env, NODE_ENV: env.NODE_ENV ?? 'production', ...extraEnv },
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

ensureDependencies();

switch (command) {
  case 'start': {
    ensureWebBuild();
    await ensureServerBuild();
    startServer(serverArgs());
    break;
  }
  case 'dev': {
    // Server on :8080 and Vite with hot reload on :5173 (it proxies /api to the server).
    startServer([join(ROOT, 'apps/server/src/main.ts')], { NODE_ENV: 'development' });
    spawn(join(ROOT, 'node_modules/.bin/vite'), ['--config', 'apps/web/vite.config.ts'], {
      cwd: ROOT,
      stdio: 'inherit',
      env,
    });
    break;
  }
  case 'test': {
    const { main } = await import('./test.mjs');
    process.exitCode = (await main(args)) ?? process.exitCode;
    break;
  }
  case 'bench': {
    const bench = join(ROOT, 'bench/run.ts');
    if (!existsSync(bench)) {
      console.error('tack: no benchmarks yet (bench/run.ts)');
      process.exit(1);
    }
    await ensureServerBuild(); // the benchmark measures the server as `npm start` runs it
    run(process.execPath, [bench, ...args]);
    break;
  }
  default:
    console.error(`tack: unknown command "${command}" (start, dev, test, bench)`);
    process.exit(2);
}
