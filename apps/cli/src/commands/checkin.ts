import { TackApiError } from '@tack/client';
import type { UpsertCheckin } from '@tack/contracts';
import { type Command, Option } from 'commander';
import type { Register } from '../context.ts';
import { CliError } from '../errors.ts';
import { text } from '../limits.ts';
import { oneLine } from '../output.ts';
import { mark, measureText, offTargetWords, parseNumber, percent, statusWords } from '../practice-format.ts';
import { DAY_HINT, dayResolver, findPractice, SCOPE } from '../practice-lookup.ts';

interface CheckinOptions {
  date?: string;
  skip?: boolean;
  notDone?: boolean;
  value?: number;
  note?: string;
  energy?: number;
  undo?: boolean;
  json?: boolean;
}

export const register: Register = (program, ctx) => {
  program
    .command('checkin')
    .helpGroup('Practices:')
    .argument('<practice>', 'the practice: its id, its name, or an unambiguous part of the name')
    .summary('check a practice in: done, skipped or not done')
    .description(
      'Record how a practice went on a day (default today, in your time zone). Checking in again on the same ' +
        'day replaces the status and value. A skipped day is a planned rest: it does not count against strength.',
    )
    .option('--date <date>', `the day (default today): ${DAY_HINT}`)
    .addOption(new Option('--skip', 'record it as skipped (a planned rest)').conflicts('notDone'))
    .option('--not-done', 'record that it was not done')
    .option('--value <n>', 'how much, for a measurable practice (e.g. 5 for 5 km)', parseNumber)
    .option('--note <text>', 'a note for the day', text('--note'))
    .option('--energy <n>', 'how it felt, from -2 (drained me) to 2 (energised me)', parseNumber)
    .addOption(
      new Option(
        '--undo',
        "remove the day's check-in: as if nothing was recorded (not the same as --not-done)",
      ).conflicts(['skip', 'notDone', 'value', 'note', 'energy']),
    )
    .option('--json', 'print {"checkin", "strength", "explanation"} as JSON (strength 0…1; checkin null after --undo)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  tack checkin "Move 30 minutes"',
        '  tack checkin move --date yesterday --energy 1 --note "walked to work"',
        '  tack checkin run --value 5.2',
        '  tack checkin piano --skip',
        '  tack checkin piano --date yesterday --undo',
      ].join('\n'),
    )
    .action(async (ref: string, _opts: CheckinOptions, cmd: Command) => {
      const opts = ctx.options<CheckinOptions>(cmd);
      const conn = await ctx.connect(cmd);
      const days = dayResolver(conn.client);
      const [practice, date] = await Promise.all([
        findPractice(conn.client, ref, SCOPE.live),
        days.day(opts.date ?? 'today', '--date'),
      ]);
      if (opts.undo) {
        await conn.client.checkins.remove(practice.id, date).catch((err: unknown) => {
          if (err instanceof TackApiError && err.code === 'NOT_FOUND') {
            throw new CliError(`"${oneLine(practice.name)}" has no check-in on ${date}; nothing was removed`);
          }
          throw err;
        });
        const after = await conn.client.practices.strength(practice.id, { from: date, to: date });
        if (opts.json) {
          ctx.out.json({ checkin: null, strength: after.current, explanation: after.explanation });
          return;
        }
        ctx.out.line(
          `Removed the check-in of "${oneLine(practice.name)}" on ${date} (strength ${percent(after.current)}).`,
        );
        return;
      }
      const input: UpsertCheckin = { status: opts.skip ? 'skipped' : opts.notDone ? 'notDone' : 'done' };
      if (opts.value !== undefined) input.value = opts.value;
      if (opts.note !== undefined) input.note = opts.note;
      if (opts.energy !== undefined) input.energy = opts.energy;
      const checkin = await conn.client.checkins.put(practice.id, date, input);
      // Strength now (the check-in may be for an earlier day); one day of points is enough.
      const strength = await conn.client.practices.strength(practice.id, { from: date, to: date });
      if (opts.json) {
        ctx.out.json({ checkin, strength: strength.current, explanation: strength.explanation });
        return;
      }
      const measured = [measureText(practice, checkin.value), offTargetWords(practice, checkin)].filter(Boolean);
      ctx.out.line(
        `${mark(checkin, practice)} ${oneLine(practice.name)} — ${statusWords(checkin.status)} on ${checkin.date}` +
          `${measured.length ? `, ${measured.join(' ')}` : ''} (strength ${percent(strength.current)})`,
      );
    });
};
