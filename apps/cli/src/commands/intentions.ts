import type { Horizon, Intention } from '@tack/contracts';
import { HORIZON_KINDS, LIMITS } from '@tack/contracts';
import { type Command, Option } from 'commander';
import type { Register } from '../context.ts';
import { addDeleteCommand, addRestoreCommand } from '../discovery-delete.ts';
import { findIntention, idColumn, personIsoWeekOf, quarterOf, warnSameName } from '../discovery-lookup.ts';
import { UsageError } from '../errors.ts';
import { name as nameText, text } from '../limits.ts';
import { formatTimestamp, oneLine } from '../output.ts';
import { dayResolver, personTimeZone } from '../practice-lookup.ts';

interface JsonOption {
  json?: boolean;
}

interface ListOptions extends JsonOption {
  deleted?: boolean;
}

interface AddOptions extends JsonOption {
  horizon?: Horizon['kind'];
  period?: string;
  theme?: string;
  why?: string;
}

interface AnswerOptions extends JsonOption {
  week?: string;
}

const INTENTION_ARG = [
  '<intention>',
  'the intention: its id, its statement, or an unambiguous part of the statement',
] as const;

export function horizonWords(h: Horizon): string {
  if (h.kind === 'quarter') return h.quarter;
  if (h.kind === 'year') return `${h.year}: ${h.theme}`;
  return 'open';
}

/** The horizon the flags describe; the period defaults to the current quarter or year. */
function horizonFrom(opts: AddOptions, statement: string, today: string): Horizon {
  const kind = opts.horizon ?? 'open';
  if (kind === 'open') {
    if (opts.period !== undefined || opts.theme !== undefined) {
      throw new UsageError('--period and --theme go with --horizon quarter or year');
    }
    return { kind: 'open' };
  }
  if (kind === 'quarter') {
    if (opts.theme !== undefined) throw new UsageError('--theme goes with --horizon year');
    return { kind: 'quarter', quarter: opts.period ?? quarterOf(today) };
  }
  const year = opts.period ?? today.slice(0, 4);
  if (!/^\d{4}$/.test(year)) throw new UsageError(`--period for a year is like 2027, not "${year}"`);
  return { kind: 'year', year: Number(year), theme: opts.theme ?? fitName(statement) };
}

/**
 * The longest start of `text` that the server takes as a name: it counts UTF-16 units, so an emoji counts
 * twice; a character is never cut in half.
 */
export function fitName(text: string): string {
  let out = '';
  for (const ch of text.trim()) {
    if (out.length + ch.length > LIMITS.nameMax) break;
    out += ch;
  }
  return out;
}

export const register: Register = (program, ctx) => {
  const intentions = program
    .command('intentions')
    .alias('intention')
    .helpGroup('Discovery:')
    .summary('values-driven statements that guide you without a target')
    .description(
      'An intention is a broad, values-driven statement ("Lead with greater curiosity in team discussions") ' +
        'for a quarter, a year (with a theme) or open-ended. Each week, answer: where did I live it? ' +
        'Wherever an INTENTION is asked for, give its id, or an unambiguous part of its statement.',
    );

  intentions
    .command('list')
    .alias('ls')
    .summary('list your intentions')
    .option('--deleted', 'only the deleted ones (bring one back with restore)')
    .option('--json', 'print {"intentions": […]} as JSON')
    .action(async (_opts: ListOptions, cmd: Command) => {
      const opts = ctx.options<ListOptions>(cmd);
      const conn = await ctx.connect(cmd);
      const list = await (opts.deleted ? conn.client.intentions.listDeleted() : conn.client.intentions.list());
      if (opts.json) {
        ctx.out.json({ intentions: list });
        return;
      }
      ctx.out.table(
        list,
        [
          { header: 'statement', value: (i: Intention) => i.statement },
          { header: 'horizon', value: (i) => horizonWords(i.horizon) },
          idColumn(list),
        ],
        opts.deleted
          ? 'No deleted intentions.'
          : 'No intentions yet. Add one with \'tack intentions add "Lead with curiosity" --horizon quarter\'.',
      );
    });

  intentions
    .command('add')
    .argument('<statement>', 'the intention, e.g. "Respond to challenges with calm and clarity"', text('the statement'))
    .summary('add an intention')
    .addOption(
      new Option('--horizon <kind>', 'for a quarter, a year, or open-ended (default open)').choices(HORIZON_KINDS),
    )
    .option('--period <period>', 'the quarter (2026-Q4) or year (2027); default the current one')
    .option(
      '--theme <theme>',
      'with --horizon year: the theme of the year (default: the statement)',
      nameText('--theme'),
    )
    .option('--why <text>', 'the value behind it', text('--why'))
    .option('--json', 'print {"intention"} as JSON')
    .action(async (statement: string, _opts: AddOptions, cmd: Command) => {
      const opts = ctx.options<AddOptions>(cmd);
      const conn = await ctx.connect(cmd);
      const today =
        opts.horizon && opts.horizon !== 'open' && !opts.period ? await dayResolver(conn.client).today() : '';
      const horizon = horizonFrom(opts, statement, today);
      const intention = await conn.client.intentions.create({
        statement,
        horizon,
        ...(opts.why !== undefined ? { why: opts.why } : {}),
      });
      warnSameName(ctx.out, intention, await conn.client.intentions.list(), (i) => i.statement, {
        one: 'intention',
        many: 'intentions',
      });
      if (opts.json) {
        ctx.out.json({ intention });
        return;
      }
      ctx.out.line(
        `Added intention "${oneLine(intention.statement)}" (${horizonWords(intention.horizon)}, id ${intention.id}).`,
      );
      ctx.out.note(`Each week: ${intention.question} Answer with 'tack intentions answer ${intention.id} TEXT'.`);
    });

  intentions
    .command('show')
    .argument(...INTENTION_ARG)
    .summary('show an intention and your weekly answers')
    .option('--json', 'print {"intention", "weeks"} as JSON')
    .action(async (ref: string, _opts: JsonOption, cmd: Command) => {
      const opts = ctx.options<JsonOption>(cmd);
      const conn = await ctx.connect(cmd);
      const intention = await findIntention(conn.client, ref);
      const weeks = await conn.client.intentions.weeks(intention.id);
      if (opts.json) {
        ctx.out.json({ intention, weeks });
        return;
      }
      ctx.out.line(oneLine(intention.statement));
      ctx.out.line(`  id       ${intention.id}`);
      ctx.out.line(`  horizon  ${oneLine(horizonWords(intention.horizon))}`);
      if (intention.why) ctx.out.line(`  why      ${oneLine(intention.why)}`);
      ctx.out.line(`  created  ${formatTimestamp(intention.createdAt, await personTimeZone(conn.client))}`);
      ctx.out.line('');
      ctx.out.line(oneLine(intention.question));
      if (weeks.length === 0) ctx.out.line('  No answers yet.');
      for (const w of weeks) ctx.out.line(`  ${w.isoWeek}  ${oneLine(w.answer)}`);
    });

  intentions
    .command('answer')
    .argument(...INTENTION_ARG)
    .argument('<text>', 'where you lived this intention this week', text('the answer'))
    .summary('answer "where did I live this intention this week?"')
    .description('Answer for this week (in your time zone) or an earlier one; answering again replaces the answer.')
    .option('--week <week>', 'the ISO week, e.g. 2026-W47 (default this week)')
    .option('--json', 'print {"intention", "week"} as JSON')
    .action(async (ref: string, text: string, _opts: AnswerOptions, cmd: Command) => {
      const opts = ctx.options<AnswerOptions>(cmd);
      const conn = await ctx.connect(cmd);
      const intention = await findIntention(conn.client, ref);
      // This week is the person's week (their week start), named as the weekly review names it.
      const isoWeek =
        opts.week?.trim() ||
        personIsoWeekOf(await dayResolver(conn.client).today(), (await conn.client.me.get()).user.weekStart);
      const week = await conn.client.intentions.putWeek(intention.id, isoWeek, text);
      if (opts.json) {
        ctx.out.json({ intention, week });
        return;
      }
      ctx.out.line(`Answered for ${week.isoWeek}: "${oneLine(intention.statement)}".`);
    });

  addDeleteCommand(intentions, ctx, {
    what: 'intention',
    key: 'intention',
    arg: INTENTION_ARG,
    find: findIntention,
    remove: (c, id, confirm) => c.intentions.remove(id, { confirm }),
    label: (i) => i.statement,
  });
  addRestoreCommand(intentions, ctx, {
    what: 'intention',
    key: 'intention',
    listDeleted: (c) => c.intentions.listDeleted(),
    list: (c) => c.intentions.list(),
    restore: (c, id) => c.intentions.restore(id),
    label: (i) => i.statement,
  });
};
