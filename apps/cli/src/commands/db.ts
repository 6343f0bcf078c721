import type { Command } from 'commander';
import type { Register } from '../context.ts';
import { CliError, UsageError } from '../errors.ts';
import { askConfirm } from '../prompt.ts';
import { dataDirFlag, dataDirWords, prepareDataDir } from './serve.ts';

interface MigrateOptions {
  down?: boolean;
  yes?: boolean;
  json?: boolean;
  dataDir?: string;
}

export const register: Register = (program, ctx) => {
  const db = program
    .command('db')
    .helpGroup('Running a server:')
    .summary('maintain the server database (migrations)')
    .description(
      "Maintain the database of a Tack server on this machine. It is found like 'tack serve' finds it: " +
        'PostgreSQL when DATABASE_URL is set, otherwise SQLite under TACK_DATA_DIR (default ./data).',
    );

  db.command('migrate')
    .summary('bring the database schema up to date')
    .description(
      "Apply every pending migration ('tack serve' also does this when it starts). " +
        'With --down, revert the most recent migration instead; that can delete data, so it asks first.',
    )
    .option('--down', 'revert the most recent migration (may delete data)')
    .option('-y, --yes', 'with --down: do not ask for confirmation (for scripts)')
    .option('--data-dir <dir>', 'folder of the SQLite database (overrides TACK_DATA_DIR)')
    .option('--json', 'print {"database", "direction", "migrations": […]} as JSON')
    .action(async (_opts: MigrateOptions, cmd: Command) => {
      const opts = ctx.options<MigrateOptions>(cmd);
      if (opts.yes && !opts.down) throw new UsageError('--yes only applies to --down');
      const { ConfigError, loadConfig } = await import('@tack/server');
      const { migrateDown, migrateToLatest, openDatabase, safeUrl } = await import('@tack/db');
      let config: ReturnType<typeof loadConfig>;
      try {
        const env: Record<string, string | undefined> = { ...ctx.env };
        if (opts.dataDir !== undefined) env.TACK_DATA_DIR = dataDirFlag(opts.dataDir);
        config = loadConfig(env);
      } catch (err) {
        if (err instanceof ConfigError) throw new CliError(err.message);
        throw err;
      }
      const where = config.databaseUrl ? `PostgreSQL at ${safeUrl(config.databaseUrl)}` : `SQLite in ${config.dataDir}`;

      if (opts.down && !opts.yes) {
        if (!ctx.interactive) throw new UsageError('--down can delete data; add --yes to confirm');
        if (!(await askConfirm(`Revert the most recent migration of ${where}? This can delete data.`))) {
          throw new CliError('cancelled; nothing was changed');
        }
      }

      if (!config.databaseUrl) prepareDataDir(config.dataDir, opts.dataDir, ctx.env);
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }).catch(
        (err: unknown) => {
          throw err instanceof Error && err.name === 'DatabaseUnavailableError'
            ? new CliError(dataDirWords(err.message, opts.dataDir, ctx.env))
            : err;
        },
      );
      let names: string[];
      try {
        names = (opts.down ? await migrateDown(database.db) : await migrateToLatest(database.db)).applied;
      } catch (err) {
        throw new CliError(`migration failed on ${where}: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        await database.close();
      }

      if (opts.json) {
        ctx.out.json({ database: database.dialect, direction: opts.down ? 'down' : 'up', migrations: names });
        return;
      }
      ctx.out.note(`Database: ${where}`);
      if (names.length === 0) {
        ctx.out.line(opts.down ? 'No migration to revert.' : 'Already up to date; no migrations to apply.');
        return;
      }
      for (const name of names) ctx.out.line(`${opts.down ? 'Reverted' : 'Applied'} ${name}`);
    });
};
