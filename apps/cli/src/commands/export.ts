import { stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Register } from '../context.ts';
import { CliError, fsProblem, UsageError } from '../errors.ts';
import { UPLOAD_TIMEOUT_MS, withProgress } from './import.ts';

interface ExportOptions {
  format?: string;
  out?: string;
  json?: boolean;
}

/** Refuses an --out that cannot be written, before the export (which can take a while) is fetched. */
async function checkOut(file: string): Promise<void> {
  if (file.trim() === '') throw new UsageError('--out is empty; give a file name, or leave the flag out for stdout');
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) throw new CliError(`cannot write ${file}: it is a folder; give a file name in it`);
  const folder = dirname(resolve(file));
  const parent = await stat(folder).catch((err: unknown) => {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new CliError(`cannot write ${file}: ${missing ? `the folder ${folder} does not exist` : fsProblem(err)}`);
  });
  if (!parent.isDirectory()) throw new CliError(`cannot write ${file}: ${folder} is a file, not a folder`);
}

export const register: Register = (program, ctx) => {
  program
    .command('export')
    .helpGroup('Your data:')
    .summary('export everything you own (a JSON backup) or your check-ins (CSV)')
    .description(
      'json (the default) is the full backup that `tack restore` reads back; csv has one row per check-in ' +
        'with a header row. Without --out the export goes to stdout.',
    )
    .option('--format <format>', 'json or csv', 'json')
    .option('--out <file>', 'write to this file (readable only by you) instead of stdout')
    .option('--json', 'with --out: print {"format","file","bytes"} as JSON')
    .action(async (_opts: ExportOptions, cmd: Command) => {
      const opts = ctx.options<ExportOptions>(cmd);
      const format = opts.format ?? 'json';
      if (format !== 'json' && format !== 'csv') throw new UsageError(`--format must be json or csv, not "${format}"`);
      if (opts.json && !opts.out) {
        throw new UsageError('--json needs --out: without it, the export itself is what goes to stdout');
      }
      if (opts.out !== undefined) await checkOut(opts.out);
      const conn = await ctx.connect(cmd, { timeoutMs: UPLOAD_TIMEOUT_MS });
      const text = await withProgress(ctx, `Exporting (${format})`, () =>
        format === 'csv' ? conn.client.data.exportCsv() : conn.client.data.exportJson(),
      );
      if (opts.out === undefined) {
        // out.line adds "\n": the JSON gets its final newline, and CSV keeps its CRLF endings.
        ctx.out.line(text.endsWith('\r\n') ? text.slice(0, -1) : text.replace(/\n$/, ''));
        return;
      }
      try {
        await writeFile(opts.out, text, { mode: 0o600 });
      } catch (err) {
        throw new CliError(`cannot write ${opts.out}: ${fsProblem(err)}`);
      }
      const bytes = Buffer.byteLength(text);
      if (opts.json) ctx.out.json({ format, file: opts.out, bytes });
      else ctx.out.line(`Wrote ${format === 'csv' ? 'the check-ins' : 'the backup'} to ${opts.out} (${bytes} bytes).`);
    });
};
