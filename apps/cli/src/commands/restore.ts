import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Register } from '../context.ts';
import { printSummary, readUpload, UPLOAD_TIMEOUT_MS, withProgress } from './import.ts';

interface JsonOption {
  json?: boolean;
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
    .option('--json', 'print the restore summary as JSON, with "restored": how many of each item beyond practices')
    .action(async (file: string, _opts: JsonOption, cmd: Command) => {
      const opts = ctx.options<JsonOption>(cmd);
      const bytes = await readUpload(file);
      ctx.errorContext.fields = 'raw'; // problems point into the file, not at flags
      const conn = await ctx.connect(cmd, { timeoutMs: UPLOAD_TIMEOUT_MS });
      const summary = await withProgress(ctx, `Restoring ${basename(file)}`, () => conn.client.data.restore(bytes));
      if (opts.json) {
        ctx.out.json(summary);
        return;
      }
      printSummary(ctx, summary);
    });
};
