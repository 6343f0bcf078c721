import type { TackClient } from '@tack/client';
import type { CreatePractice, Practice, PracticeState, StrengthDto, UpdatePractice, Weekday } from '@tack/contracts';
import { type Command, Option } from 'commander';
import { type Context, type Register, refuseBoth } from '../context.ts';
import { idColumn } from '../discovery-lookup.ts';
import { CliError, UsageError } from '../errors.ts';
import { LIMITS, limited, name as nameText, text, unit } from '../limits.ts';
import { formatTimestamp, oneLine } from '../output.ts';
import {
  parseNumber,
  percent,
  scheduleWords,
  shortWeekday,
  targetPeriodChange,
  targetWords,
} from '../practice-format.ts';
import {
  DAY_HINT,
  dayResolver,
  findOrCreateArea,
  findPractice,
  personTimeZone,
  SCOPE,
  undoAreaOnFailure,
  warnSamePracticeName,
} from '../practice-lookup.ts';
import { askConfirm } from '../prompt.ts';
import {
  addScheduleOptions,
  DAILY,
  frequencyFrom,
  type PlanFlags,
  planFrom,
  type ScheduleFlags,
} from '../schedule-flags.ts';

interface JsonOption {
  json?: boolean;
}

interface ListOptions extends JsonOption {
  state?: PracticeState | 'all';
}

interface AddOptions extends JsonOption, ScheduleFlags, PlanFlags {
  measurable?: boolean;
  target?: number;
  unit?: string;
  atMost?: boolean;
  area?: string;
  why?: string;
  description?: string;
  start?: string;
}

interface EditOptions extends JsonOption, ScheduleFlags, PlanFlags {
  name?: string;
  why?: string;
  description?: string;
  from?: string;
  target?: number;
  unit?: string;
  atMost?: boolean;
  atLeast?: boolean;
  area?: string | false;
}

interface PauseOptions extends JsonOption {
  from?: string;
  to?: string;
}

interface ResumeOptions extends JsonOption {
  on?: string;
}

interface DeleteOptions extends JsonOption {
  yes?: boolean;
}

const PRACTICE_ARG = ['<practice>', 'the practice: its id, its name, or an unambiguous part of the name'] as const;

/** Free text from a flag; an empty string clears the field. */
const textOrNull = (value: string) => (value.trim() === '' ? null : value);

const quoted = (p: Practice) => `"${oneLine(p.name)}"`;

async function areaNames(client: TackClient): Promise<Map<string, string>> {
  return new Map((await client.areas.list()).map((a) => [a.id, a.name]));
}

function stateWords(p: Practice): string {
  if (p.state === 'deleted' && p.purgeAfter) return `deleted (restorable until ${p.purgeAfter.slice(0, 10)})`;
  return p.state;
}

/** Two weeks as two rows of seven: "Mon 23" over "●" when due. */
export function renderPreview(days: readonly { date: string; weekday: Weekday; due: boolean }[]): string[] {
  const lines = [`Next ${days.length} days (● due):`];
  for (let i = 0; i < days.length; i += 7) {
    const week = days.slice(i, i + 7);
    lines.push(`  ${week.map((d) => `${shortWeekday(d.weekday)} ${d.date.slice(8)}`).join('  ')}`);
    lines.push(`  ${week.map((d) => (d.due ? '●' : '·').padEnd(6)).join('  ')}`.trimEnd());
  }
  return lines;
}

function streakWords(s: StrengthDto['streaks']['current']): string {
  if (!s) return 'none yet';
  const done = s.doneDays === s.length ? '' : ` (${s.doneDays} done)`;
  return `${s.length} ${s.length === 1 ? 'day' : 'days'}, ${s.start} → ${s.end}${done}`;
}

function showLines(p: Practice, strength: StrengthDto, areas: Map<string, string>, timeZone: string): string[] {
  const rows: [string, string][] = [
    ['id', p.id],
    ['state', stateWords(p)],
    ['area', p.areaId ? (areas.get(p.areaId) ?? '(removed area)') : ''],
    ['schedule', `${scheduleWords(p.schedule.frequency)}, since ${p.schedule.effectiveFrom}`],
  ];
  if (p.scheduleHistory.length > 1) {
    rows.push([
      'schedules',
      p.scheduleHistory.map((v) => `${scheduleWords(v.frequency)} from ${v.effectiveFrom}`).join('; '),
    ]);
  }
  rows.push(
    ['target', targetWords(p)],
    ['why', p.why ?? ''],
    ['description', p.description ?? ''],
    ['if-then', p.ifThen ? `if ${p.ifThen.cue}, then ${p.ifThen.action}` : ''],
    ['pauses', p.pauses.map((r) => `${r.from} → ${r.to ?? 'until resumed'}`).join('; ')],
    ['strength', strength.explanation || percent(strength.current)],
    ['streak', streakWords(strength.streaks.current)],
    ['best streak', streakWords(strength.streaks.best)],
    ['created', formatTimestamp(p.createdAt, timeZone)],
  );
  if (p.archivedAt) rows.push(['archived', formatTimestamp(p.archivedAt, timeZone)]);
  if (p.deletedAt) rows.push(['deleted', formatTimestamp(p.deletedAt, timeZone)]);
  const shown = rows.filter(([, v]) => v !== '');
  const width = Math.max(...shown.map(([k]) => k.length));
  return [oneLine(p.name), ...shown.map(([k, v]) => `  ${k.padEnd(width)}  ${oneLine(v)}`)];
}

function printPractice(ctx: Context, json: boolean | undefined, practice: Practice, line: string): void {
  if (json) ctx.out.json({ practice });
  else ctx.out.line(line);
}

/** What `practices edit` says it changed, in the flags' words. */
const CHANGE_WORDS: Record<string, string> = {
  areaId: 'area',
  ifThen: 'if-then',
};

export const register: Register = (program, ctx) => {
  const practices = program
    .command('practices')
    .alias('practice')
    .helpGroup('Practices:')
    .summary('list, add, change, pause and remove practices')
    .description(
      'Practices are the things you mean to do regularly: yes/no ("Move 30 minutes") or measurable ' +
        '("Run, at least 5 km"), on a schedule: N times in M days, on weekdays, or every N days. ' +
        'Strength is forgiving: it builds over weeks, and a missed day costs little. ' +
        'Wherever a PRACTICE is asked for, give its id, its name, or an unambiguous part of the name.',
    );

  practices
    .command('list')
    .alias('ls')
    .summary('list your practices')
    .description('List practices: by default the active and paused ones.')
    .addOption(
      new Option('--state <state>', 'which practices to list (default: active and paused)').choices([
        'active',
        'paused',
        'archived',
        'deleted',
        'all',
      ]),
    )
    .option('--json', 'print {"practices": […]} as JSON')
    .action(async (_opts: ListOptions, cmd: Command) => {
      const opts = ctx.options<ListOptions>(cmd);
      const conn = await ctx.connect(cmd);
      const [list, areas] = await Promise.all([conn.client.practices.list(opts.state), areaNames(conn.client)]);
      if (opts.json) {
        ctx.out.json({ practices: list });
        return;
      }
      const measured = list.some((p) => p.kind === 'measurable');
      ctx.out.table(
        list,
        [
          { header: 'name', value: (p: Practice) => p.name },
          { header: 'schedule', value: (p) => scheduleWords(p.schedule.frequency) },
          ...(measured ? [{ header: 'target', value: (p: Practice) => targetWords(p) }] : []),
          { header: 'state', value: (p) => stateWords(p) },
          { header: 'area', value: (p) => (p.areaId ? (areas.get(p.areaId) ?? '') : '') },
          idColumn(list),
        ],
        opts.state && opts.state !== 'all'
          ? `No ${opts.state} practices.`
          : 'No practices yet. Add one with \'tack practices add "Move 30 minutes" --daily\'.',
      );
    });

  const add = practices
    .command('add')
    .argument('<name>', 'what you will do, e.g. "Move 30 minutes"', limited('the name', LIMITS.nameMax))
    .summary('add a practice')
    .description(
      'Add a practice. Without a schedule flag it is daily. A measurable practice records an amount at each ' +
        'check-in and has a target: at least (default) or, with --at-most, at most.',
    );
  addScheduleOptions(add, 'Schedule (choose one; default --daily):')
    .optionsGroup('Measurable practices:')
    .option('--measurable', 'record an amount at each check-in (needs --target)')
    .option(
      '--target <n>',
      'the amount per schedule period: a day when daily, N days with --days N or --every N, a week with --weekdays',
      parseNumber,
    )
    .option('--unit <unit>', 'what the amount counts, e.g. km, min, pages', unit('--unit'))
    .option('--at-most', 'the target is a ceiling (e.g. at most 2 coffees), not a floor')
    .optionsGroup('Options:')
    .option('--area <name>', 'put it in this area (created if there is none by that name)', nameText('--area'))
    .option('--why <text>', 'why it matters to you', text('--why'))
    .option('--description <text>', 'what exactly counts', text('--description'))
    .option('--if <cue>', 'with --then: an if-then plan, the situation ("it is 7am on a weekday")', text('--if'))
    .option('--then <action>', 'with --if: what you then do ("I put on my running shoes")', text('--then'))
    .option('--start <date>', `first day of the schedule (default today): ${DAY_HINT}`)
    .option('--json', 'print {"practice"} as JSON')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  tack practices add "Move 30 minutes" --times 3 --days 7 --area Health',
        '  tack practices add Piano --weekdays mon,wed,fri --why "play with my daughter"',
        '  tack practices add "Water the plants" --every 3',
        '  tack practices add Run --measurable --target 10 --unit km --times 2 --days 7   # 10 km a week',
        '  tack practices add Coffee --measurable --target 2 --unit cups --at-most',
      ].join('\n'),
    )
    .action(async (name: string, _opts: AddOptions, cmd: Command) => {
      const opts = ctx.options<AddOptions>(cmd);
      const measureFlags = [
        opts.target !== undefined ? '--target' : '',
        opts.unit !== undefined ? '--unit' : '',
        opts.atMost ? '--at-most' : '',
      ].filter(Boolean);
      if (!opts.measurable && measureFlags.length > 0) {
        throw new UsageError(
          `${measureFlags.join(', ')} ${measureFlags.length === 1 ? 'is' : 'are'} for measurable practices: add --measurable`,
        );
      }
      if (opts.measurable && opts.target === undefined) {
        throw new UsageError('a measurable practice needs --target, e.g. --measurable --target 5 --unit km');
      }
      const frequency = frequencyFrom(opts) ?? DAILY;
      const ifThen = planFrom(opts);
      const conn = await ctx.connect(cmd);
      const input: Partial<CreatePractice> & Pick<CreatePractice, 'name' | 'frequency'> = {
        name,
        frequency,
        kind: opts.measurable ? 'measurable' : 'boolean',
      };
      if (opts.target !== undefined) input.target = opts.target;
      if (opts.unit !== undefined) input.unit = opts.unit;
      if (opts.atMost) input.targetType = 'atMost';
      if (opts.why !== undefined) input.why = textOrNull(opts.why);
      if (opts.description !== undefined) input.description = textOrNull(opts.description);
      if (ifThen !== undefined) input.ifThen = ifThen;
      const start = await dayResolver(conn.client).optional(opts.start, '--start');
      if (start !== undefined) input.startDate = start;

      const made = opts.area !== undefined ? await findOrCreateArea(conn.client, opts.area, ctx.out) : undefined;
      if (made) input.areaId = made.area.id;
      const practice = await undoAreaOnFailure(conn.client, made, ctx.out, () => conn.client.practices.create(input));
      const details = [
        `${scheduleWords(practice.schedule.frequency)} from ${practice.schedule.effectiveFrom}`,
        targetWords(practice),
        made ? `in ${oneLine(made.area.name)}` : '',
      ].filter(Boolean);
      printPractice(ctx, opts.json, practice, `Added ${quoted(practice)}: ${details.join(', ')} (id ${practice.id}).`);
      await warnSamePracticeName(conn.client, ctx.out, practice);
    });

  const edit = practices
    .command('edit')
    .argument(...PRACTICE_ARG)
    .summary("change a practice's name, notes, schedule, target or area")
    .description(
      'Change a practice. A new schedule applies from --from (default today); days before keep the schedule ' +
        'they had, so past strength does not change. After a schedule change the next 14 days are shown. ' +
        'Pass an empty string to clear a text (--why "").',
    )
    .optionsGroup('Options:')
    .option('--name <name>', 'a new name', nameText('--name'))
    .option('--why <text>', 'why it matters to you', text('--why'))
    .option('--description <text>', 'what exactly counts', text('--description'))
    .option('--if <cue>', 'with --then: a new if-then plan ("" for both clears it)', text('--if'))
    .option('--then <action>', 'with --if: what you then do', text('--then'))
    .option('--area <name>', 'move it to this area (created if there is none by that name)', nameText('--area'))
    .option('--no-area', 'take it out of its area')
    .option('--target <n>', 'measurable: a new target (per schedule period, as for add)', parseNumber)
    .option('--unit <unit>', 'measurable: a new unit', unit('--unit'))
    .addOption(new Option('--at-most', 'measurable: the target is a ceiling').conflicts('atLeast'))
    .option('--at-least', 'measurable: the target is a floor');
  addScheduleOptions(edit, 'New schedule (choose one):')
    .option('--from <date>', `first day of the new schedule (default today): ${DAY_HINT}`)
    .optionsGroup('Output:')
    .option('--json', 'print {"practice", "preview"} as JSON (preview only after a schedule change)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  tack practices edit move --weekdays mon,wed,fri',
        '  tack practices edit run --target 6',
      ].join('\n'),
    )
    .action(async (ref: string, _opts: EditOptions, cmd: Command) => {
      const opts = ctx.options<EditOptions>(cmd);
      ctx.errorContext.fields = { name: '--name' };
      refuseBoth(cmd, 'area');
      const frequency = frequencyFrom(opts);
      if (opts.from !== undefined && !frequency) {
        throw new UsageError('--from is the first day of a new schedule; give one too (e.g. --daily)');
      }
      const ifThen = planFrom(opts);
      const patch: UpdatePractice = {};
      if (opts.name !== undefined) patch.name = opts.name;
      if (opts.why !== undefined) patch.why = textOrNull(opts.why);
      if (opts.description !== undefined) patch.description = textOrNull(opts.description);
      if (ifThen !== undefined) patch.ifThen = ifThen;
      if (opts.target !== undefined) patch.target = opts.target;
      if (opts.unit !== undefined) patch.unit = textOrNull(opts.unit);
      if (opts.atMost) patch.targetType = 'atMost';
      if (opts.atLeast) patch.targetType = 'atLeast';
      if (opts.area === false) patch.areaId = null;
      if (Object.keys(patch).length === 0 && !frequency && opts.area === undefined) {
        throw new UsageError('nothing to change; see --help for what can be changed');
      }

      const conn = await ctx.connect(cmd);
      const days = dayResolver(conn.client);
      const practice = await findPractice(conn.client, ref, SCOPE.notDeleted);
      const from = frequency ? await days.day(opts.from ?? 'today', '--from') : undefined;
      if (frequency && from) patch.schedule = { frequency, effectiveFrom: from };
      const made = typeof opts.area === 'string' ? await findOrCreateArea(conn.client, opts.area, ctx.out) : undefined;
      if (made) patch.areaId = made.area.id;

      const updated = await undoAreaOnFailure(conn.client, made, ctx.out, () =>
        conn.client.practices.update(practice.id, patch),
      );
      const preview = frequency ? await conn.client.practices.preview(frequency, from) : undefined;
      if (patch.name !== undefined) await warnSamePracticeName(conn.client, ctx.out, updated);
      if (opts.json) {
        ctx.out.json(preview ? { practice: updated, preview } : { practice: updated });
        return;
      }
      const changed = Object.keys(patch).map((k) =>
        k === 'targetType' ? (patch.targetType === 'atMost' ? 'now at most' : 'now at least') : (CHANGE_WORDS[k] ?? k),
      );
      ctx.out.line(`Updated ${quoted(updated)}: ${changed.join(', ')}.`);
      const period =
        frequency && opts.target === undefined
          ? targetPeriodChange(updated, practice.schedule.frequency, frequency)
          : undefined;
      if (period) ctx.out.note(`Its target counts over the new schedule's period: ${period}. Change it with --target.`);
      if (frequency && from && preview) {
        ctx.out.line(`From ${from}: ${scheduleWords(frequency)}.`);
        for (const line of renderPreview(preview)) ctx.out.line(line);
        if (frequency.kind === 'times') ctx.out.note('(The preview assumes you do it on each day it is due.)');
      }
    });

  practices
    .command('show')
    .argument(...PRACTICE_ARG)
    .summary('show a practice, its strength and streaks')
    .description(
      'Show everything about a practice, with its strength today explained in plain words, and its current ' +
        'and best streaks. Archived and deleted practices can be shown too.',
    )
    .option('--json', 'print {"practice", "strength"} as JSON (strength with a year of daily points)')
    .action(async (ref: string, _opts: JsonOption, cmd: Command) => {
      const opts = ctx.options<JsonOption>(cmd);
      const conn = await ctx.connect(cmd);
      const practice = await findPractice(conn.client, ref, SCOPE.all);
      const [strength, areas] = await Promise.all([
        conn.client.practices.strength(practice.id),
        areaNames(conn.client),
      ]);
      if (opts.json) {
        ctx.out.json({ practice, strength });
        return;
      }
      const timeZone = await personTimeZone(conn.client);
      for (const line of showLines(practice, strength, areas, timeZone)) ctx.out.line(line);
    });

  practices
    .command('pause')
    .argument(...PRACTICE_ARG)
    .summary('pause a practice (paused days count as neither done nor missed)')
    .description(
      'Pause a practice from --from (default today) to --to, or until you resume it. ' +
        'Paused days count as neither done nor missed: strength waits for you.',
    )
    .option('--from <date>', `first paused day (default today): ${DAY_HINT}`)
    .option('--to <date>', 'last paused day, YYYY-MM-DD (default: until resumed)')
    .option('--json', 'print {"practice"} as JSON')
    .action(async (ref: string, _opts: PauseOptions, cmd: Command) => {
      const opts = ctx.options<PauseOptions>(cmd);
      const conn = await ctx.connect(cmd);
      const days = dayResolver(conn.client);
      const [practice, from, to] = await Promise.all([
        findPractice(conn.client, ref, SCOPE.live),
        days.day(opts.from ?? 'today', '--from'),
        days.optional(opts.to, '--to'),
      ]);
      const paused = await conn.client.practices.pause(practice.id, to === undefined ? { from } : { from, to });
      const until = to === undefined ? 'until you resume it' : `through ${to}`;
      printPractice(ctx, opts.json, paused, `Paused ${quoted(paused)} from ${from} ${until}.`);
    });

  practices
    .command('resume')
    .argument(...PRACTICE_ARG)
    .summary('resume a paused practice')
    .option('--on <date>', `first active day again (default today): ${DAY_HINT}`)
    .option('--json', 'print {"practice"} as JSON')
    .action(async (ref: string, _opts: ResumeOptions, cmd: Command) => {
      const opts = ctx.options<ResumeOptions>(cmd);
      const conn = await ctx.connect(cmd);
      const days = dayResolver(conn.client);
      const [practice, on] = await Promise.all([
        findPractice(conn.client, ref, SCOPE.live),
        days.day(opts.on ?? 'today', '--on'),
      ]);
      const resumed = await conn.client.practices.resume(practice.id, on);
      printPractice(ctx, opts.json, resumed, `Resumed ${quoted(resumed)}: active again from ${on}.`);
    });

  practices
    .command('archive')
    .argument(...PRACTICE_ARG)
    .summary('archive a practice: hidden, history kept')
    .option('--json', 'print {"practice"} as JSON')
    .action(async (ref: string, _opts: JsonOption, cmd: Command) => {
      const opts = ctx.options<JsonOption>(cmd);
      const conn = await ctx.connect(cmd);
      const practice = await findPractice(conn.client, ref, SCOPE.live);
      const archived = await conn.client.practices.archive(practice.id);
      printPractice(
        ctx,
        opts.json,
        archived,
        `Archived ${quoted(archived)}; its history is kept. Bring it back with 'tack practices restore ${archived.id}'.`,
      );
    });

  practices
    .command('restore')
    .argument(...PRACTICE_ARG)
    .summary('restore an archived practice, or a deleted one within 30 days')
    .option('--json', 'print {"practice"} as JSON')
    .action(async (ref: string, _opts: JsonOption, cmd: Command) => {
      const opts = ctx.options<JsonOption>(cmd);
      const conn = await ctx.connect(cmd);
      const practice = await findPractice(conn.client, ref, SCOPE.gone);
      const restored = await conn.client.practices.restore(practice.id);
      printPractice(ctx, opts.json, restored, `Restored ${quoted(restored)}; it is ${restored.state} again.`);
      await warnSamePracticeName(conn.client, ctx.out, restored);
    });

  practices
    .command('delete')
    .alias('rm')
    .argument(...PRACTICE_ARG)
    .summary('delete a practice (restorable for 30 days)')
    .description(
      'Delete a practice and its check-ins. It disappears at once but can be restored for 30 days ' +
        "('tack practices restore'); after that it is removed for good. Asks first; --yes skips the question.",
    )
    .option('-y, --yes', 'do not ask for confirmation (needed when not at a terminal)')
    .option('--json', 'print {"practice"} as JSON')
    .action(async (ref: string, _opts: DeleteOptions, cmd: Command) => {
      const opts = ctx.options<DeleteOptions>(cmd);
      const conn = await ctx.connect(cmd);
      const practice = await findPractice(conn.client, ref, SCOPE.notDeleted);
      if (!opts.yes) {
        if (!ctx.interactive) throw new UsageError(`deleting ${quoted(practice)} needs confirmation; add --yes`);
        if (!(await askConfirm(`Delete ${quoted(practice)}? You can restore it within 30 days.`))) {
          throw new CliError('cancelled; nothing was deleted');
        }
      }
      const deleted = await conn.client.practices.remove(practice.id);
      const until = deleted.purgeAfter ? ` until ${deleted.purgeAfter.slice(0, 10)}` : '';
      printPractice(
        ctx,
        opts.json,
        deleted,
        `Deleted ${quoted(deleted)}. You can bring it back${until} with 'tack practices restore ${deleted.id}'.`,
      );
    });
};
