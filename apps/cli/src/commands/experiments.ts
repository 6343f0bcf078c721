import { TackApiError, type VerdictInput } from '@tack/client';
import {
  type Direction,
  EXPERIMENT_WEEKS_DEFAULT,
  EXPERIMENT_WEEKS_MAX,
  EXPERIMENT_WEEKS_MIN,
  type Experiment,
  type Learning,
  type Practice,
} from '@tack/contracts';
import { type Command, Option } from 'commander';
import type { Register } from '../context.ts';
import { addDeleteCommand, addRestoreCommand } from '../discovery-delete.ts';
import { collect, findDirection, findExperiment, idColumn, sameLabel, warnSameName } from '../discovery-lookup.ts';
import { CliError, UsageError } from '../errors.ts';
import { name as nameText, text } from '../limits.ts';
import { oneLine } from '../output.ts';
import { wholeNumber } from '../practice-format.ts';
import { DAY_HINT, dayResolver, findPractice, SCOPE } from '../practice-lookup.ts';

interface JsonOption {
  json?: boolean;
}

interface ListOptions extends JsonOption {
  direction?: string;
  deleted?: boolean;
}

interface StartOptions extends JsonOption {
  hypothesis?: string;
  weeks?: number;
  start?: string;
  practice?: string[];
}

interface NoteOptions extends JsonOption {
  energises?: boolean;
  drains?: boolean;
  date?: string;
}

interface DecideOptions extends JsonOption {
  deepen?: boolean;
  adjust?: boolean;
  letGo?: boolean;
  learned?: string;
  goalTitle?: string;
  changes?: string;
  weeks?: number;
  on?: string;
}

const EXPERIMENT_ARG = [
  '<experiment>',
  'the experiment: its id, its hypothesis (or a part of it), or its direction while it is undecided',
] as const;

const VERDICT_WORDS: Record<Learning['verdict'], string> = { deepen: 'deepen', adjust: 'adjust', letGo: 'let go' };

function statusWords(e: Experiment): string {
  if (e.verdict) return `decided: ${VERDICT_WORDS[e.verdict.verdict]}`;
  if (e.status === 'decisionDue') return 'decision due';
  return e.status;
}

function tally(e: Experiment): string {
  const energises = e.notes.filter((n) => n.tag === 'energises').length;
  return `+${energises} −${e.notes.length - energises}`;
}

/**
 * The experiment's practices by name, with their state when not active; the id only where the name does not
 * tell it apart (a name two practices share) or the practice is gone for good.
 */
export function practiceWords(ids: readonly string[], practices: readonly Practice[]): string {
  const byId = new Map(practices.map((p) => [p.id, p]));
  const named = (p: Practice) => practices.filter((o) => o.state !== 'deleted' && sameLabel(o.name, p.name)).length;
  return ids
    .map((id) => {
      const p = byId.get(id);
      if (!p) return `(removed practice ${id})`;
      const notes = [p.state === 'active' ? '' : p.state, named(p) > 1 ? id : ''].filter(Boolean);
      return `${oneLine(p.name)}${notes.length ? ` (${notes.join(', ')})` : ''}`;
    })
    .join(', ');
}

function showLines(e: Experiment, directionName: string, practices: readonly Practice[]): string[] {
  const rows: [string, string][] = [
    ['id', e.id],
    ['direction', directionName],
    ['status', statusWords(e)],
    ['weeks', `${e.lengthWeeks}: ${e.startDate} → ${e.decisionDate} (midpoint ${e.midpointDate})`],
    ['practices', practiceWords(e.practiceIds, practices)],
  ];
  if (e.verdict) {
    rows.push(['verdict', `${VERDICT_WORDS[e.verdict.verdict]} on ${e.verdict.decidedOn}`]);
    rows.push(['learned', e.verdict.learned]);
    if (e.verdict.goalId) rows.push(['goal', e.verdict.goalId]);
    if (e.verdict.nextExperimentId) rows.push(['next', e.verdict.nextExperimentId]);
  }
  if (e.previousExperimentId) rows.push(['previous', e.previousExperimentId]);
  const shown = rows.filter(([, v]) => v !== '');
  const width = Math.max(...shown.map(([k]) => k.length));
  const lines = [oneLine(e.hypothesis), ...shown.map(([k, v]) => `  ${k.padEnd(width)}  ${oneLine(v)}`)];
  if (e.notes.length > 0) {
    lines.push('', 'Notes:');
    for (const n of e.notes)
      lines.push(`  ${n.date}  ${n.tag === 'energises' ? '+ energises' : '− drains   '}  ${oneLine(n.text)}`);
  }
  return lines;
}

async function directionNames(client: { directions: { list(): Promise<Direction[]> } }) {
  return new Map((await client.directions.list()).map((d) => [d.id, d.name]));
}

const experimentWeeks = wholeNumber(EXPERIMENT_WEEKS_MIN, EXPERIMENT_WEEKS_MAX);

export const register: Register = (program, ctx) => {
  const experiments = program
    .command('experiments')
    .alias('experiment')
    .helpGroup('Discovery:')
    .summary('try a direction for a few weeks, then decide: deepen, adjust or let go')
    .description(
      'An experiment tries a direction for a few weeks (default 6) with a hypothesis: what you expect to find ' +
        'out. Note what energises you and what drains you; on the decision date decide: deepen (maybe into a goal), ' +
        'adjust (a new experiment), or let go. Every verdict records what you learned; letting go is a result, ' +
        'not a failure. One experiment at a time per direction.',
    );

  experiments
    .command('list')
    .alias('ls')
    .summary('list your experiments')
    .option('--direction <direction>', 'only the experiments in this direction')
    .option('--deleted', 'only the deleted ones (bring one back with restore)')
    .option('--json', 'print {"experiments": […]} as JSON')
    .action(async (_opts: ListOptions, cmd: Command) => {
      const opts = ctx.options<ListOptions>(cmd);
      const conn = await ctx.connect(cmd);
      const filter = opts.direction ? { directionId: (await findDirection(conn.client, opts.direction)).id } : {};
      const [list, names] = await Promise.all([
        opts.deleted ? conn.client.experiments.listDeleted(filter) : conn.client.experiments.list(filter),
        directionNames(conn.client),
      ]);
      if (opts.json) {
        ctx.out.json({ experiments: list });
        return;
      }
      ctx.out.table(
        list,
        [
          { header: 'hypothesis', value: (e: Experiment) => e.hypothesis },
          { header: 'direction', value: (e) => names.get(e.directionId) ?? '' },
          { header: 'status', value: (e) => statusWords(e) },
          { header: 'start', value: (e) => e.startDate },
          { header: 'decide on', value: (e) => e.decisionDate },
          { header: 'notes', value: (e) => tally(e) },
          idColumn(list),
        ],
        opts.deleted
          ? 'No deleted experiments.'
          : "No experiments yet. Start one with 'tack experiments start DIRECTION --hypothesis TEXT'.",
      );
    });

  experiments
    .command('start')
    .argument('<direction>', 'the direction to try: its id, its name, or an unambiguous part of the name')
    .summary('start an experiment in a direction')
    .requiredOption('--hypothesis <text>', 'what you expect to find out (required)', text('--hypothesis'))
    .option(
      '--weeks <n>',
      `how long until you decide, ${EXPERIMENT_WEEKS_MIN}–${EXPERIMENT_WEEKS_MAX} (default ${EXPERIMENT_WEEKS_DEFAULT})`,
      experimentWeeks,
    )
    .option('--start <date>', `first day (default today): ${DAY_HINT}`)
    .option('--practice <practice>', 'a practice that is part of it (repeat for several)', collect)
    .option('--json', 'print {"experiment"} as JSON')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  tack experiments start "a runner" --hypothesis "running before work leaves me calmer" --practice Run',
        '  tack experiments start writer --hypothesis "I enjoy writing daily" --weeks 8',
      ].join('\n'),
    )
    .action(async (ref: string, _opts: StartOptions, cmd: Command) => {
      const opts = ctx.options<StartOptions>(cmd);
      const conn = await ctx.connect(cmd);
      const direction = await findDirection(conn.client, ref);
      const practiceIds: string[] = [];
      for (const p of opts.practice ?? []) practiceIds.push((await findPractice(conn.client, p, SCOPE.live)).id);
      const start = await dayResolver(conn.client).optional(opts.start, '--start');
      let experiment: Experiment;
      try {
        experiment = await conn.client.experiments.create({
          directionId: direction.id,
          hypothesis: opts.hypothesis ?? '',
          practiceIds,
          ...(start !== undefined ? { startDate: start } : {}),
          ...(opts.weeks !== undefined ? { lengthWeeks: opts.weeks } : {}),
        });
      } catch (err) {
        const current = err instanceof TackApiError && err.code === 'CONFLICT' ? err.details.currentExperimentId : null;
        if (err instanceof TackApiError && typeof current === 'string') {
          const until = typeof err.details.decisionDate === 'string' ? err.details.decisionDate : 'its decision date';
          throw new CliError(
            `an experiment in "${oneLine(direction.name)}" runs until ${until} (CONFLICT); ` +
              `decide it first: tack experiments decide ${current}, or start on or after ${until} with --start`,
          );
        }
        throw err;
      }
      warnSameName(ctx.out, experiment, await conn.client.experiments.list(), (e) => e.hypothesis, {
        one: 'experiment',
        many: 'experiments',
      });
      if (opts.json) {
        ctx.out.json({ experiment });
        return;
      }
      ctx.out.line(
        `Started an experiment in "${oneLine(direction.name)}": ${experiment.lengthWeeks} weeks from ` +
          `${experiment.startDate}, decide on ${experiment.decisionDate} (id ${experiment.id}).`,
      );
      ctx.out.note(
        `Note what energises and drains you: tack experiments note ${experiment.id} --energises|--drains TEXT`,
      );
    });

  experiments
    .command('show')
    .argument(...EXPERIMENT_ARG)
    .summary('show an experiment, its notes and verdict')
    .option('--json', 'print {"experiment"} as JSON')
    .action(async (ref: string, _opts: JsonOption, cmd: Command) => {
      const opts = ctx.options<JsonOption>(cmd);
      const conn = await ctx.connect(cmd);
      const experiment = await findExperiment(conn.client, ref);
      if (opts.json) {
        ctx.out.json({ experiment });
        return;
      }
      const [names, practices] = await Promise.all([
        directionNames(conn.client),
        experiment.practiceIds.length > 0 ? conn.client.practices.list('all') : Promise.resolve([]),
      ]);
      const direction = names.get(experiment.directionId) ?? '';
      for (const line of showLines(experiment, direction, practices)) ctx.out.line(line);
    });

  experiments
    .command('note')
    .argument(...EXPERIMENT_ARG)
    .argument('<text>', 'what you noticed', text('the note'))
    .summary('note what energises you or drains you')
    .addOption(new Option('--energises', 'it gave you energy').conflicts('drains'))
    .option('--drains', 'it cost you energy')
    .option('--date <date>', `the day (default today): ${DAY_HINT}`)
    .option('--json', 'print {"experiment"} as JSON')
    .action(async (ref: string, text: string, _opts: NoteOptions, cmd: Command) => {
      const opts = ctx.options<NoteOptions>(cmd);
      if (!opts.energises && !opts.drains) throw new UsageError('say whether it --energises or --drains you');
      const conn = await ctx.connect(cmd);
      const found = await findExperiment(conn.client, ref);
      const date = await dayResolver(conn.client).optional(opts.date, '--date');
      const tag = opts.energises ? 'energises' : 'drains';
      const experiment = await conn.client.experiments.addNote(
        found.id,
        date === undefined ? { tag, text } : { tag, text, date },
      );
      if (opts.json) {
        ctx.out.json({ experiment });
        return;
      }
      ctx.out.line(`Noted (${tag}) on "${oneLine(experiment.hypothesis)}": ${tally(experiment)} so far.`);
    });

  experiments
    .command('decide')
    .argument(...EXPERIMENT_ARG)
    .summary('decide an experiment: deepen, adjust or let go')
    .description(
      'Decide an experiment. --deepen keeps going (with --goal-title, also as a learning goal in its direction); ' +
        '--adjust starts a new experiment that changes something (the rest is copied); --let-go ends it. ' +
        'Every verdict needs --learned: what you found out. It goes to the learnings archive.',
    )
    .optionsGroup('Verdict (choose one):')
    .addOption(new Option('--deepen', 'go deeper').conflicts(['adjust', 'letGo']))
    .addOption(new Option('--adjust', 'try again with a change').conflicts(['letGo']))
    .option('--let-go', 'let it go: a result, not a failure')
    .optionsGroup('Options:')
    .option('--learned <text>', 'what you learned (required)', text('--learned'))
    .option(
      '--goal-title <title>',
      'with --deepen: also create a learning goal with this title',
      nameText('--goal-title'),
    )
    .option('--changes <hypothesis>', 'with --adjust: the new hypothesis (default: the same one)', text('--changes'))
    .option(
      '--weeks <n>',
      `with --adjust: the length of the new experiment, ${EXPERIMENT_WEEKS_MIN}–${EXPERIMENT_WEEKS_MAX}`,
      experimentWeeks,
    )
    .option('--on <date>', `the day of the decision (default today): ${DAY_HINT}`)
    .option('--json', 'print {"experiment", "next", "goalId"} as JSON')
    .action(async (ref: string, _opts: DecideOptions, cmd: Command) => {
      const opts = ctx.options<DecideOptions>(cmd);
      const verdict = opts.deepen ? 'deepen' : opts.adjust ? 'adjust' : opts.letGo ? 'letGo' : undefined;
      if (!verdict) throw new UsageError('choose a verdict: --deepen, --adjust or --let-go');
      if (opts.learned === undefined) throw new UsageError('every verdict needs --learned: what did you find out?');
      if (opts.goalTitle !== undefined && verdict !== 'deepen') throw new UsageError('--goal-title goes with --deepen');
      if ((opts.changes !== undefined || opts.weeks !== undefined) && verdict !== 'adjust') {
        throw new UsageError('--changes and --weeks go with --adjust');
      }
      const conn = await ctx.connect(cmd);
      const found = await findExperiment(conn.client, ref);
      const input: VerdictInput = { verdict, learned: opts.learned };
      const on = await dayResolver(conn.client).optional(opts.on, '--on');
      if (on !== undefined) input.decidedOn = on;
      if (opts.goalTitle !== undefined) {
        input.goal = { kind: 'learning', title: opts.goalTitle, whatToLearn: found.hypothesis, status: 'active' };
      }
      if (verdict === 'adjust') {
        input.changes = {};
        if (opts.changes !== undefined) input.changes.hypothesis = opts.changes;
        if (opts.weeks !== undefined) input.changes.lengthWeeks = opts.weeks;
      }
      const result = await conn.client.experiments.decide(found.id, input);
      if (opts.json) {
        ctx.out.json(result);
        return;
      }
      const what = `"${oneLine(result.experiment.hypothesis)}"`;
      if (verdict === 'letGo')
        ctx.out.line(`Let go of ${what}. What you learned is kept in 'tack experiments learnings'.`);
      if (verdict === 'deepen') {
        ctx.out.line(`Deepening ${what}.${result.goalId ? ` Created goal ${result.goalId}.` : ''}`);
      }
      if (verdict === 'adjust' && result.next) {
        ctx.out.line(
          `Adjusted ${what}: the next experiment runs ${result.next.startDate} → ${result.next.decisionDate} ` +
            `(id ${result.next.id}).`,
        );
      }
    });

  experiments
    .command('learnings')
    .summary('what your decided experiments taught you')
    .option('--json', 'print {"learnings": […]} as JSON')
    .action(async (_opts: JsonOption, cmd: Command) => {
      const opts = ctx.options<JsonOption>(cmd);
      const conn = await ctx.connect(cmd);
      const learnings = await conn.client.learnings();
      if (opts.json) {
        ctx.out.json({ learnings });
        return;
      }
      ctx.out.table(
        learnings,
        [
          { header: 'decided', value: (l: Learning) => l.decidedOn },
          { header: 'direction', value: (l) => l.directionName },
          { header: 'verdict', value: (l) => VERDICT_WORDS[l.verdict] },
          { header: 'learned', value: (l) => l.learned },
          { header: 'notes', value: (l) => `+${l.energises} −${l.drains}` },
        ],
        "No learnings yet. Decide an experiment with 'tack experiments decide EXPERIMENT --learned TEXT'.",
      );
    });

  addDeleteCommand(experiments, ctx, {
    what: 'experiment',
    key: 'experiment',
    arg: EXPERIMENT_ARG,
    find: findExperiment,
    remove: (c, id, confirm) => c.experiments.remove(id, { confirm }),
    label: (e) => e.hypothesis,
  });
  addRestoreCommand(experiments, ctx, {
    what: 'experiment',
    key: 'experiment',
    listDeleted: (c) => c.experiments.listDeleted(),
    list: (c) => c.experiments.list(),
    restore: (c, id) => c.experiments.restore(id),
    label: (e) => e.hypothesis,
  });
};
