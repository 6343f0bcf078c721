import { type UpdateMe, WEEKDAYS } from '@tack/contracts';
import { type Command, Option } from 'commander';
import type { Register } from '../context.ts';
import { UsageError } from '../errors.ts';
import { LIMITS, limited } from '../limits.ts';
import { localDate } from '../practice-lookup.ts';

interface SettingsOptions {
  timeZone?: string;
  weekStart?: (typeof WEEKDAYS)[number];
  name?: string;
  json?: boolean;
}

export const register: Register = (program, ctx) => {
  program
    .command('settings')
    .helpGroup('Account:')
    .summary('show or change your time zone, week start and name')
    .description(
      'Show your settings, or change them. Your time zone decides what "today" is for check-ins and which ' +
        'days a weekly review covers; the week start decides where each week begins.',
    )
    .option('--time-zone <zone>', 'an IANA time zone, e.g. Europe/Berlin or America/New_York')
    .addOption(new Option('--week-start <day>', 'the first day of your week').choices(WEEKDAYS))
    .option('--name <name>', 'your name as Tack shows it', limited('--name', LIMITS.nameMax))
    .option('--json', 'print {"user"} as JSON')
    .addHelpText('after', '\nExamples:\n  tack settings\n  tack settings --time-zone Europe/Berlin --week-start sunday')
    .action(async (_opts: SettingsOptions, cmd: Command) => {
      const opts = ctx.options<SettingsOptions>(cmd);
      const patch: UpdateMe = {};
      if (opts.timeZone !== undefined) {
        if (opts.timeZone.trim() === '') throw new UsageError('--time-zone is empty; give one such as Europe/Berlin');
        patch.timeZone = opts.timeZone.trim();
      }
      if (opts.weekStart !== undefined) patch.weekStart = opts.weekStart;
      if (opts.name !== undefined) {
        if (opts.name.trim() === '') throw new UsageError('--name is empty');
        patch.name = opts.name;
      }
      ctx.errorContext.fields = { timeZone: '--time-zone', weekStart: '--week-start', name: '--name' };
      const conn = await ctx.connect(cmd);
      const changed = Object.keys(patch).length > 0;
      const { user } = changed ? await conn.client.me.update(patch) : await conn.client.me.get();
      if (opts.json) {
        ctx.out.json({ user });
        return;
      }
      if (changed) ctx.out.note('Saved.');
      ctx.out.line(`name        ${user.name}`);
      ctx.out.line(`time zone   ${user.timeZone} (today is ${localDate(new Date(), user.timeZone)})`);
      ctx.out.line(`week start  ${user.weekStart}`);
    });
};
