import { randomBytes } from 'node:crypto';
import { chmod, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { CliError, fsProblem, UsageError } from './errors.ts';
import { makeFolder } from './folders.ts';

/** What `tack login` remembers. Unknown keys written by newer versions are kept on rewrite. */
export interface StoredConfig {
  server?: string;
  token?: string;
  [key: string]: unknown;
}

/**
 * The per-user config directory: $TACK_CONFIG_DIR, else $XDG_CONFIG_HOME/tack, else ~/.config/tack.
 * A relative XDG_CONFIG_HOME is ignored, as the XDG spec asks.
 */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TACK_CONFIG_DIR) return env.TACK_CONFIG_DIR;
  const xdg = env.XDG_CONFIG_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'tack');
  return join(homedir(), '.config', 'tack');
}

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'config.json');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The stored config, or `{}` when there is none yet. */
export async function readConfig(env: NodeJS.ProcessEnv = process.env): Promise<StoredConfig> {
  const file = configPath(env);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new CliError(`cannot read ${file}: ${fsProblem(err)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CliError(`${file} is not valid JSON; fix it or delete it and run 'tack login' again`);
  }
  if (!isRecord(parsed)) throw new CliError(`${file} should hold a JSON object; delete it and run 'tack login' again`);
  const config: StoredConfig = { ...parsed };
  if (config.server !== undefined && typeof config.server !== 'string') delete config.server;
  if (config.token !== undefined && typeof config.token !== 'string') delete config.token;
  return config;
}

/**
 * Writes the config atomically: a private temp file in the same directory, then rename over the old one,
 * so a crash never leaves a half-written file and the token is never readable by others (dir 700, file 600).
 */
export async function writeConfig(config: StoredConfig, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const dir = configDir(env);
  const file = configPath(env);
  const problem = makeFolder(dir, 0o700);
  if (problem) throw new CliError(`cannot write ${file}: cannot create ${dir}: ${problem}`);
  await chmod(dir, 0o700).catch((err: unknown) => {
    throw new CliError(`cannot write ${file}: ${dir}: ${fsProblem(err)}`);
  });
  const tmp = join(dir, `.config.json.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(tmp, 0o600); // in case a umask or ACL widened it
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw new CliError(`cannot write ${file}: ${fsProblem(err)}`);
  }
  return file;
}

/**
 * Normalises a server address given by a person: must be an absolute http(s) URL.
 * Returns it without trailing slashes (a path prefix such as https://example.com/tack is kept).
 */
export function normalizeServer(raw: string, from: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UsageError(`${from} must be a URL such as https://tack.example.com (got "${raw}")`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${from} must start with http:// or https:// (got "${raw}")`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new UsageError(`${from} must be a plain server address without credentials, query or fragment`);
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/** True when traffic to this server stays on this machine, where plain http is fine. */
export function isLoopback(server: string): boolean {
  const host = new URL(server).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
}
