// `node apps/server/src/main.ts`: starts Tack with settings from the environment.
import { DatabaseUnavailableError } from '@tack/db';
import { ConfigError, loadConfig } from './config.ts';
import { PortInUseError, startServer } from './start.ts';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config);
  } catch (err) {
    if (err instanceof DatabaseUnavailableError || err instanceof PortInUseError) fail(err.message);
    throw err;
  }
  const where = config.databaseUrl ? 'PostgreSQL' : `SQLite in ${config.dataDir}`;
  process.stdout.write(`Tack is running at ${server.url} (data: ${where})\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

function fail(message: string): never {
  process.stderr.write(`tack: ${message}\n`);
  process.exit(1);
}

await main();
