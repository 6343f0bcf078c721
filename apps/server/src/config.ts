import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from './root.ts';

const port = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be 0-65535')
  .max(65535, 'must be 0-65535');

const positiveInt = (dflt: number) => z.coerce.number().int().min(1).default(dflt);

const envSchema = z.object({
  TACK_HOST: z.string().min(1).default('127.0.0.1'),
  TACK_PORT: port.default(8080),
  TACK_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/i, 'must be a postgres:// URL (or unset for embedded SQLite)')
    .optional(),
  TACK_PUBLIC_URL: z.url({ message: 'must be a URL such as https://tack.example.org' }).optional(),
  TACK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TACK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TACK_WEB_DIR: z.string().optional(),
  TACK_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  TACK_AUTH_RATE_LIMIT: positiveInt(10).describe('sign-in and sign-up attempts per minute per address'),
  TACK_RATE_LIMIT: positiveInt(600).describe('API requests per minute per address'),
  TACK_DB_POOL: positiveInt(10),
});

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly publicUrl: string | undefined;
  readonly secret: string | undefined;
  readonly logLevel: z.infer<typeof envSchema>['TACK_LOG_LEVEL'];
  readonly webDir: string;
  readonly trustProxy: boolean;
  readonly authRateLimit: number;
  readonly rateLimit: number;
  readonly dbPool: number;
}

/** A setting that cannot be used; the message names the environment variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; the result is frozen. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => (k.startsWith('TACK_') || k === 'DATABASE_URL') && v !== ''),
  );
  const parsed = envSchema.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${String(i.path[0] ?? 'environment')}: ${i.message}`);
    throw new ConfigError(`Invalid setting. ${lines.join('; ')}`);
  }
  const e = parsed.data;
  const databaseUrl = e.DATABASE_URL && /^sqlite:/i.test(e.DATABASE_URL) ? undefined : e.DATABASE_URL;
  const dataDir =
    e.TACK_DATA_DIR === ':memory:' || isAbsolute(e.TACK_DATA_DIR) ? e.TACK_DATA_DIR : resolve(e.TACK_DATA_DIR);
  return Object.freeze({
    host: e.TACK_HOST,
    port: e.TACK_PORT,
    dataDir,
    databaseUrl,
    publicUrl: e.TACK_PUBLIC_URL?.replace(/\/+$/, ''),
    secret: e.TACK_SECRET,
    logLevel: e.TACK_LOG_LEVEL,
    webDir: e.TACK_WEB_DIR ? resolve(e.TACK_WEB_DIR) : resolve(REPO_ROOT, 'apps/web/dist'),
    trustProxy: e.TACK_TRUST_PROXY === 'true',
    authRateLimit: e.TACK_AUTH_RATE_LIMIT,
    rateLimit: e.TACK_RATE_LIMIT,
    dbPool: e.TACK_DB_POOL,
  });
}
