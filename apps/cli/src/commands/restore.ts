import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Register } from '../context.ts';
import { printSummary, readUpload, UPLOAD_TIMEOUT_MS, withProgress } from './import.ts';

interface JsonOption {
  json?: boolean;
}

/** The backup's sections that hold lists, in the order people read them. */
const SECTIONS = [
  'areas',
  'practices',
  'directions',
  'experiments',
  'goals',
  'intentions',
  'chains',
  'milestones',
  'reviews',
] as const;
const SINGULAR: Record<string, string> = {
  directions: 'direction',
  experiments: 'experiment',
  goals: 'goal',
  intentions: 'intention',
  chains: 'chain',
  milestones: 'milestone',
  reviews: 'review',
};

/** How many items each section of the backup file holds (the server has just accepted the whole file). */
function sectionCounts(bytes: Uint8Array): Record<string, number> {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return {};
  }
  const counts: Record<string, number> = {};
  if (typeof doc !== 'object' || doc === null) return counts;
  for (const key of SECTIONS) {
    const value = (doc as Record<string, unknown>)[key];
    if (Array.isArray(value)) counts[key] = value.length;
  }
  return counts;
}

export const register: Register = (program, ctx) => {
  program
    .command('restore')
    .helpGroup('Your data:')
    .argument('<file>', "a backup made with 'tack export' (JSON)")
    .summary('restore a backup into this account (which must be empty)')
    .description(
      'Restore everything in a backup (profile settings, areas, practices with their schedules, pauses and ' +
        'check-ins, directions, experiments, goals, intentions, chains, milestones and weekly reviews) into ' +
        'the account you are logged in to. The account must be empty: restoring never mixes with or ' +
        'overwrites data. All or nothing.',
    )
    .option('--json', 'print the restore summary as JSON, with "restored": how many of each section')
    .action(async (file: string, _opts: JsonOption, cmd: Command) => {
      const opts = ctx.options<JsonOption>(cmd);
      const bytes = await readUpload(file);
      ctx.errorContext.fields = 'raw'; // problems point into the file, not at flags
      const conn = await ctx.connect(cmd, { timeoutMs: UPLOAD_TIMEOUT_MS });
      const summary = await withProgress(ctx, `Restoring ${basename(file)}`, () => conn.client.data.restore(bytes));
      // All or nothing: once restored, everything in the file is in the account.
      const restored = sectionCounts(bytes);
      if (opts.json) {
        ctx.out.json({ ...summary, restored });
        return;
      }
      printSummary(ctx, summary);
      const more = Object.entries(restored)
        .filter(([key, n]) => n > 0 && !['areas', 'practices'].includes(key))
        .map(([key, n]) => `${n} ${n === 1 ? (SINGULAR[key] ?? key) : key}`);
      if (more.length > 0) ctx.out.line(`Also restored: ${more.join(', ')}.`);
    });
};
