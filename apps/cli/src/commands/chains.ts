import type { MakePracticeInput } from '@tack/client';
import type { Chain } from '@tack/contracts';
import type { Command } from 'commander';
import type { Register } from '../context.ts';
import { addDeleteCommand, addRestoreCommand } from '../discovery-delete.ts';
import {
  addScheduleOptions,
  ambiguous,
  DAILY,
  findChain,
  frequencyFrom,
  idColumn,
  matchByLabel,
  type PlanFlags,
  planFrom,
  type ScheduleFlags,
  shortIds,
  warnSameName,
} from '../discovery-lookup.ts';
import { CliError } from '../errors.ts';
import { name as nameText, text } from '../limits.ts';
import { oneLine } from '../output.ts';
import { scheduleWords } from '../practice-format.ts';
import { DAY_HINT, dayResolver, warnSamePracticeName } from '../practice-lookup.ts';

interface JsonOption {
  json?: boolean;
}

interface ListOptions extends JsonOption {
  deleted?: boolean;
}

interface StartOptions extends JsonOption {
  title?: string;
  week?: string;
}

interface PracticeOptions extends JsonOption, ScheduleFlags, PlanFlags {
  name?: string;
  start?: string;
}

const CHAIN_ARG = ['<chain>', 'the chain: its id, its title, or an unambiguous part of it'] as const;

const chainName = (c: Chain) => c.title ?? c.steps.at(-1)?.text ?? c.id;

const KIND_MARK: Record<Chain['steps'][number]['kind'], string> = { idea: '·', practice: '↻', task: '□' };

/** Every week from the earliest step to this week, newest first, with its steps. */
function timelineLines(c: Chain): string[] {
  const byId = new Map(c.steps.map((s) => [s.id, s]));
  const short = shortIds(c.steps.map((s) => s.id)); // a step's id as 'chains practice' takes it
  const lines = [`"${oneLine(chainName(c))}" (id ${c.id})`];
  const width = Math.max(...c.timeline.map((w) => label(w.isoWeek).length));
  function label(isoWeek: string): string {
    return isoWeek === c.thisWeek ? `${isoWeek} (this week)` : isoWeek;
  }
  for (const week of [...c.timeline].reverse()) {
    const steps = week.steps.map((id) => byId.get(id)).filter((s) => s !== undefined);
    if (steps.length === 0) lines.push(`  ${label(week.isoWeek).padEnd(width)}  –`);
    steps.forEach((s, i) => {
      const mark = s.kind === 'task' && s.done ? '✓' : KIND_MARK[s.kind];
      const first = i === 0 ? label(week.isoWeek) : '';
      lines.push(`  ${first.padEnd(width)}  ${mark} ${oneLine(s.text)}  (${short(s.id)})`);
    });
  }
  lines.push('', 'Marks: · idea, ↻ practice, □ task, ✓ task done.', '', oneLine(c.question));
  return lines;
}

function pickStep(c: Chain, ref: string): Chain['steps'][number] {
  const found = matchByLabel(c.steps, ref.trim(), (s) => s.text);
  if (found.length === 1 && found[0]) return found[0];
  if (found.length > 1) throw ambiguous(found, ref.trim(), (s) => oneLine(s.text), { many: 'steps' });
  throw new CliError(`no step matches "${ref}"; see 'tack chains show ${c.id}'`);
}

export const register: Register = (program, ctx) => {
  const chains = program
    .command('chains')
    .alias('chain')
    .helpGroup('Discovery:')
    .summary('backwards planning from what you do this week')
    .description(
      'Real backwards planning: start with something small you can do this week. Then ask, again and again: ' +
        'what would I have needed to do the week before to make this easier? Each answer is a step one week ' +
        'earlier; a step can become a practice.',
    );

  chains
    .command('list')
    .alias('ls')
    .summary('list your chains')
    .option('--deleted', 'only the deleted ones (bring one back with restore)')
    .option('--json', 'print {"chains": […]} as JSON')
    .action(async (_opts: ListOptions, cmd: Command) => {
      const opts = ctx.options<ListOptions>(cmd);
      const conn = await ctx.connect(cmd);
      const list = await (opts.deleted ? conn.client.chains.listDeleted() : conn.client.chains.list());
      if (opts.json) {
        ctx.out.json({ chains: list });
        return;
      }
      ctx.out.table(
        list,
        [
          { header: 'chain', value: (c: Chain) => chainName(c) },
          { header: 'steps', value: (c) => String(c.steps.length), right: true },
          { header: 'from', value: (c) => c.steps[0]?.isoWeek ?? '' },
          idColumn(list),
        ],
        opts.deleted
          ? 'No deleted chains.'
          : 'No chains yet. Start one with \'tack chains start "what I do this week"\'.',
      );
    });

  chains
    .command('start')
    .argument('<this-week>', "this week's small thing", text("this week's small thing"))
    .summary('start a chain with what you do this week')
    .option('--title <title>', 'a title for the chain', nameText('--title'))
    .option('--week <week>', 'the ISO week of the first step, e.g. 2026-W47 (default this week)')
    .option('--json', 'print {"chain"} as JSON')
    .action(async (thisWeek: string, _opts: StartOptions, cmd: Command) => {
      const opts = ctx.options<StartOptions>(cmd);
      ctx.errorContext.fields = { title: '--title' };
      const conn = await ctx.connect(cmd);
      const chain = await conn.client.chains.create({
        thisWeek,
        ...(opts.title !== undefined ? { title: opts.title } : {}),
        ...(opts.week !== undefined ? { isoWeek: opts.week } : {}),
      });
      warnSameName(ctx.out, chain, await conn.client.chains.list(), chainName, { one: 'chain', many: 'chains' });
      if (opts.json) {
        ctx.out.json({ chain });
        return;
      }
      ctx.out.line(
        `Started chain "${oneLine(chainName(chain))}" in ${chain.steps[0]?.isoWeek ?? chain.thisWeek} (id ${chain.id}).`,
      );
      ctx.out.note(`${chain.question} Add it with 'tack chains step ${chain.id} TEXT'.`);
    });

  chains
    .command('step')
    .argument(...CHAIN_ARG)
    .argument('<text>', 'what you would have needed to do the week before', text('the step'))
    .summary('add the step for the week before the earliest one')
    .option('--json', 'print {"chain"} as JSON')
    .action(async (ref: string, text: string, _opts: JsonOption, cmd: Command) => {
      const opts = ctx.options<JsonOption>(cmd);
      const conn = await ctx.connect(cmd);
      const found = await findChain(conn.client, ref);
      const chain = await conn.client.chains.addStep(found.id, text);
      if (opts.json) {
        ctx.out.json({ chain });
        return;
      }
      const step = chain.steps[0];
      ctx.out.line(
        `Added a step in ${step?.isoWeek ?? '?'} to "${oneLine(chainName(chain))}" (id ${step?.id ?? '?'}).`,
      );
    });

  chains
    .command('show')
    .argument(...CHAIN_ARG)
    .summary('show the timeline of a chain, newest week first')
    .option('--json', 'print {"chain"} as JSON')
    .action(async (ref: string, _opts: JsonOption, cmd: Command) => {
      const opts = ctx.options<JsonOption>(cmd);
      const conn = await ctx.connect(cmd);
      const chain = await findChain(conn.client, ref);
      if (opts.json) {
        ctx.out.json({ chain });
        return;
      }
      for (const line of timelineLines(chain)) ctx.out.line(line);
    });

  const practice = chains
    .command('practice')
    .argument(...CHAIN_ARG)
    .argument('<step>', 'the step: its id or a part of its text')
    .summary('turn a step into a practice');
  addScheduleOptions(practice, 'Schedule (choose one; default --daily):')
    .optionsGroup('Options:')
    .option('--name <name>', 'name the practice (default: the step)', nameText('--name'))
    .option('--if <cue>', 'with --then: an if-then plan, the situation', text('--if'))
    .option('--then <action>', 'with --if: what you then do', text('--then'))
    .option('--start <date>', `first day of the schedule (default today): ${DAY_HINT}`)
    .option('--json', 'print {"practice", "chain"} as JSON')
    .action(async (ref: string, stepRef: string, _opts: PracticeOptions, cmd: Command) => {
      const opts = ctx.options<PracticeOptions>(cmd);
      ctx.errorContext.fields = { name: '--name' };
      const frequency = frequencyFrom(opts) ?? DAILY;
      const ifThen = planFrom(opts);
      const conn = await ctx.connect(cmd);
      const chain = await findChain(conn.client, ref);
      const step = pickStep(chain, stepRef);
      const input: MakePracticeInput = { frequency };
      if (opts.name !== undefined) input.name = opts.name;
      if (ifThen) input.ifThen = ifThen;
      const start = await dayResolver(conn.client).optional(opts.start, '--start');
      if (start !== undefined) input.startDate = start;
      const made = await conn.client.chains.stepToPractice(chain.id, step.id, input);
      await warnSamePracticeName(conn.client, ctx.out, made.practice);
      if (opts.json) {
        ctx.out.json(made);
        return;
      }
      ctx.out.line(
        `Added practice "${oneLine(made.practice.name)}": ${scheduleWords(made.practice.schedule.frequency)} ` +
          `from ${made.practice.schedule.effectiveFrom} (id ${made.practice.id}).`,
      );
    });

  addDeleteCommand(chains, ctx, {
    what: 'chain',
    key: 'chain',
    arg: CHAIN_ARG,
    find: findChain,
    remove: (c, id, confirm) => c.chains.remove(id, { confirm }),
    label: chainName,
  });
  addRestoreCommand(chains, ctx, {
    what: 'chain',
    key: 'chain',
    listDeleted: (c) => c.chains.listDeleted(),
    list: (c) => c.chains.list(),
    restore: (c, id) => c.chains.restore(id),
    label: chainName,
  });
};
