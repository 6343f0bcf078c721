import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { spinner } from '@clack/prompts';
import { type ImportSummary, LIMITS, restoredInWords } from '@tack/contracts';
import type { Command } from 'commander';
import type { Context, Register } from '../context.ts';
import { CliError } from '../errors.ts';

interface JsonOption {
  json?: boolean;
}

/** Imports and restores may take a while on a large file. */
export const UPLOAD_TIMEOUT_MS = 10 * 60_000;

const SOURCE_NAMES: Record<ImportSummary['source'], string> = {
  loop: 'Loop Habit Tracker',
  habitica: 'Habitica',
  backup: 'a Tack backup',
};

/** A file size for people: "12 KB", "3.4 MB" (never "0.0 MB"). */
export const mb = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Reads a file to upload; a missing, unreadable or too large file is a one-line error before any request. */
export async function readUpload(file: string): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new CliError(`${file} is not a file`);
    size = info.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(
      `cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`,
    );
  }
  if (size > LIMITS.importBytes) {
    throw new CliError(`${file} is ${mb(size)}; the server takes files up to ${mb(LIMITS.importBytes)}`);
  }
  if (size === 0) throw new CliError(`${file} is empty`);
  return new Uint8Array(await readFile(file));
}

/**
 * Runs an upload with progress: a @clack/prompts spinner on stderr when a person is at the terminal,
 * otherwise one note line on stderr (stdout stays the answer).
 */
export async function withProgress<T>(ctx: Context, what: string, work: () => Promise<T>): Promise<T> {
  if (!ctx.interactive) {
    ctx.out.note(`${what}…`);
    return work();
  }
  const s = spinner({ output: process.stderr });
  s.start(what);
  try {
    const result = await work();
    s.stop(`${what}: done`);
    return result;
  } catch (err) {
    s.error(`${what}: failed`);
    throw err;
  }
}

/** The import summary for people: counts, then what was not mapped and warnings. */
export function printSummary(ctx: Context, s: ImportSummary): void {
  const parts = [
    `${s.practicesCreated} ${s.practicesCreated === 1 ? 'practice' : 'practices'} created`,
    `${s.practicesUpdated} updated`,
    `${s.checkins} ${s.checkins === 1 ? 'check-in' : 'check-ins'}`,
  ];
  if (s.areas > 0) parts.push(`${s.areas} ${s.areas === 1 ? 'area' : 'areas'}`);
  ctx.out.line(`Imported from ${SOURCE_NAMES[s.source]} (${s.format}): ${parts.join(', ')}.`);
  const restored = restoredInWords(s.restored);
  if (restored) ctx.out.line(`Also restored: ${restored}.`);
  if (s.notMapped.length > 0) {
    ctx.out.line(`Not imported (${s.notMapped.length}):`);
    for (const n of s.notMapped) ctx.out.line(`  ${n.item}: ${n.reason}`);
  }
  if (s.warnings.length > 0) {
    ctx.out.line(`Warnings (${s.warnings.length}):`);
    for (const w of s.warnings) ctx.out.line(`  ${w}`);
  }
}

export const register: Register = (program, ctx) => {
  const imp = program
    .command('import')
    .helpGroup('Your data:')
    .summary('import practices and check-ins from Loop Habit Tracker or Habitica')
    .description(
      'Import from another app. The file is checked completely first, then written in one go: all or nothing. ' +
        'Importing the same file again updates what the first import created instead of duplicating it.',
    );

  imp
    .command('loop')
    .argument('<file>', "Loop's database backup (.db) or its CSV export (.zip); recognised by content")
    .summary('import a Loop Habit Tracker backup or CSV export')
    .option('--json', 'print the import summary as JSON')
    .action(async (file: string, _opts: JsonOption, cmd: Command) => {
      const opts = ctx.options<JsonOption>(cmd);
      const bytes = await readUpload(file);
      ctx.errorContext.fields = 'raw'; // problems point into the file, not at flags
      const conn = await ctx.connect(cmd, { timeoutMs: UPLOAD_TIMEOUT_MS });
      const summary = await withProgress(ctx, `Importing ${basename(file)} (${mb(bytes.length)})`, () =>
        conn.client.data.importLoop(bytes),
      );
      if (opts.json) ctx.out.json(summary);
      else printSummary(ctx, summary);
    });

  imp
    .command('habitica')
    .argument('<file>', "Habitica's user data export (userdata.json)")
    .summary('import a Habitica data export')
    .option('--json', 'print the import summary as JSON')
    .action(async (file: string, _opts: JsonOption, cmd: Command) => {
      const opts = ctx.options<JsonOption>(cmd);
      const bytes = await readUpload(file);
      ctx.errorContext.fields = 'raw'; // problems point into the file, not at flags
      const conn = await ctx.connect(cmd, { timeoutMs: UPLOAD_TIMEOUT_MS });
      const summary = await withProgress(ctx, `Importing ${basename(file)} (${mb(bytes.length)})`, () =>
        conn.client.data.importHabitica(bytes),
      );
      if (opts.json) ctx.out.json(summary);
      else printSummary(ctx, summary);
    });
};
