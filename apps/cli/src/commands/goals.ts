import type { CreateGoalInput, Goal, GoalRevision, GoalStatus, UpdateGoalInput } from '@tack/contracts';
import { GOAL_STATUSES } from '@tack/contracts';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type Register, refuseBoth } from '../context.ts';
import { addDeleteCommand, addRestoreCommand } from '../discovery-delete.ts';
import {
  ambiguous,
  findDirection,
  findGoal,
  idColumn,
  matchByLabel,
  type PlanFlags,
  planFrom,
  shortIds,
  warnSameName,
} from '../discovery-lookup.ts';
import { UsageError } from '../errors.ts';
import { LIMITS, limitedEach, name as nameText, text, unit } from '../limits.ts';
import { formatTimestamp, oneLine } from '../output.ts';
import { amount, parseNumber } from '../practice-format.ts';
import { dayResolver, personTimeZone } from '../practice-lookup.ts';

interface JsonOption {
  json?: boolean;
}

interface ListOptions extends JsonOption {
  deleted?: boolean;
  status?: GoalStatus;
  kind?: Goal['kind'];
}

interface MetricFlags {
  metric?: string;
  baseline?: number;
  target?: number;
  unit?: string;
  current?: number;
  due?: string;
}

interface AddOptions extends JsonOption, MetricFlags, PlanFlags {
  performance?: boolean;
  learning?: boolean;
  learn?: string;
  strategy?: string[];
  why?: string;
  direction?: string;
  status?: GoalStatus;
}

interface ReviseOptions extends JsonOption, MetricFlags, PlanFlags {
  reason?: string;
  title?: string;
  why?: string;
  kind?: Goal['kind'];
  learn?: string;
  strategy?: string[];
  tried?: string;
  untried?: string;
  reflection?: string;
  evidence?: string[];
  direction?: string | false;
}

/** A strategy of the goal by its id or an unambiguous part of its text. */
function pickStrategy(goal: Goal, ref: string, flag: string): Goal['strategies'][number] {
  const found = matchByLabel(goal.strategies, ref.trim(), (s) => s.text);
  if (found.length === 1 && found[0]) return found[0];
  if (found.length > 1) throw ambiguous(found, ref.trim(), (s) => oneLine(s.text), { many: 'strategies' });
  throw new UsageError(
    goal.strategies.length === 0
      ? `${flag}: ${quoted(goal)} has no strategies yet; add one with --strategy`
      : `${flag}: no strategy of ${quoted(goal)} matches "${ref}"; see 'tack goals show ${goal.id}'`,
  );
}

interface StatusOptions extends JsonOption {
  reason?: string;
  learnings?: string;
}

const GOAL_ARG = ['<goal>', 'the goal: its id, its title, or an unambiguous part of the title'] as const;

const STATUS_WORDS: Record<GoalStatus, string> = {
  exploring: 'exploring',
  active: 'active',
  paused: 'paused',
  achieved: 'achieved',
  letGo: 'let go',
};

/** A goal status as typed: the schema's words, or "let-go"/"let go" for letGo (any case). */
export function parseStatus(raw: string): GoalStatus {
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
  const found = GOAL_STATUSES.find((s) => s.toLowerCase() === key);
  if (!found) throw new InvalidArgumentError(`use one of ${GOAL_STATUSES.map((s) => STATUS_WORDS[s]).join(', ')}.`);
  return found;
}

/** Every change to a goal keeps its reason; without one it is wrong usage (exit 2). */
function needReason(reason: string | undefined): string {
  if (reason === undefined || reason.trim() === '') {
    throw new UsageError('every change to a goal needs a reason: add --reason "what changed, what you learned"');
  }
  return reason;
}

/** A revision's changed field in words, as the flags name it. */
const CHANGE_WORDS: Record<string, string> = {
  directionId: 'direction',
  whatToLearn: 'what to learn',
  dueDate: 'due date',
  ifThen: 'if-then plans',
  kind: 'kind',
};
const changeWords = (field: string): string =>
  CHANGE_WORDS[field] ?? field.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

const quoted = (g: Goal) => `"${oneLine(g.title)}"`;

const GOAL_WORDS = { one: 'goal', many: 'goals' };

function metricWords(g: Goal): string {
  if (!g.metric) return '';
  const m = g.metric;
  const now = m.current !== undefined && m.current !== m.baseline ? `, now ${amount(m.current)}` : '';
  return `${m.name}: ${amount(m.baseline)} → ${amount(m.target)} ${m.unit}${now}`;
}

/** Progress for a table cell: the metric's percentage, or strategies tried. */
function progressShort(g: Goal): string {
  if (g.progress.kind === 'performance') return progressWords(g);
  return `${g.progress.strategiesTried}/${g.progress.strategies} strategies tried`;
}

export function progressWords(g: Goal): string {
  if (g.progress.kind === 'performance') return g.progress.percent === null ? '' : `${Math.round(g.progress.percent)}%`;
  return g.progress.summary;
}

function showLines(
  g: Goal,
  revisions: readonly GoalRevision[],
  directionName: string | undefined,
  timeZone: string,
): string[] {
  const rows: [string, string][] = [
    ['id', g.id],
    ['kind', g.kind],
    ['status', STATUS_WORDS[g.status]],
    ['why', g.why ?? ''],
    ['direction', g.directionId ? (directionName ?? g.directionId) : ''],
    ['metric', metricWords(g)],
    ['due', g.dueDate ?? ''],
    ['to learn', g.whatToLearn ?? ''],
    ['progress', progressWords(g)],
    ['learnings', g.learnings ?? ''],
  ];
  const shown = rows.filter(([, v]) => v !== '');
  const width = Math.max(...shown.map(([k]) => k.length));
  const lines = [oneLine(g.title), ...shown.map(([k, v]) => `  ${k.padEnd(width)}  ${oneLine(v)}`)];
  const list = (title: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push('', `${title}:`, ...items.map((i) => `  ${oneLine(i)}`));
  };
  list(
    'Key results',
    g.keyResults.map((k) => `${k.title}: ${amount(k.current)}/${amount(k.target)}${k.unit ? ` ${k.unit}` : ''}`),
  );
  const short = shortIds(g.strategies.map((s) => s.id)); // a strategy's id as --tried and --untried take it
  list(
    'Strategies',
    g.strategies.map(
      (s) => `${s.tried ? '✓' : '○'} ${s.text}${s.reflection ? ` — ${s.reflection}` : ''}  (${short(s.id)})`,
    ),
  );
  list(
    'Evidence',
    g.evidence.map((e) => `${e.date}  ${e.text}`),
  );
  list(
    'If-then plans',
    g.ifThen.map((p) => `if ${p.cue}, then ${p.action}`),
  );
  lines.push('', 'Revisions:');
  for (const r of revisions) {
    const what = r.number === 0 ? 'created' : `changed ${r.changed.map(changeWords).join(', ') || 'nothing'}`;
    lines.push(`  #${r.number}  ${formatTimestamp(r.at, timeZone)}  ${what}: ${oneLine(r.reason)}`);
  }
  return lines;
}

/** The metric the flags describe, merged over `base`; undefined when no metric flag was given. */
function metricFrom(f: MetricFlags, base: Goal['metric'] | undefined): NonNullable<Goal['metric']> | undefined {
  const given = [f.metric, f.baseline, f.target, f.unit, f.current].some((v) => v !== undefined);
  if (!given) return undefined;
  const merged = {
    name: f.metric ?? base?.name,
    baseline: f.baseline ?? base?.baseline,
    target: f.target ?? base?.target,
    unit: f.unit ?? base?.unit,
    current: f.current ?? base?.current,
  };
  const missing = (
    [
      ['--metric', merged.name],
      ['--baseline', merged.baseline],
      ['--target', merged.target],
      ['--unit', merged.unit],
    ] as const
  )
    .filter(([, v]) => v === undefined)
    .map(([flag]) => flag);
  if (missing.length > 0 || merged.name === undefined || merged.baseline === undefined) {
    throw new UsageError(`a metric needs --metric, --baseline, --target and --unit; missing ${missing.join(', ')}`);
  }
  if (merged.target === undefined || merged.unit === undefined)
    throw new UsageError('a metric needs --target and --unit');
  const metric: NonNullable<Goal['metric']> = {
    name: merged.name,
    unit: merged.unit,
    baseline: merged.baseline,
    target: merged.target,
  };
  if (merged.current !== undefined) metric.current = merged.current;
  return metric;
}

function addMetricOptions(cmd: Command, heading: string): Command {
  return cmd
    .optionsGroup(heading)
    .option('--metric <name>', 'what is measured, e.g. "5 km time"', nameText('--metric'))
    .option('--baseline <n>', 'where it stands at the start', parseNumber)
    .option('--target <n>', 'where it should get to', parseNumber)
    .option('--unit <unit>', 'the unit, e.g. min, kg, €', unit('--unit'))
    .option('--current <n>', 'where it stands now (default: the baseline)', parseNumber)
    .option('--due <date>', 'by when: YYYY-MM-DD');
}

export const register: Register = (program, ctx) => {
  const goals = program
    .command('goals')
    .alias('goal')
    .helpGroup('Discovery:')
    .summary('performance and learning goals that may change, with the reason for every change')
    .description(
      'Goals are discovered, not designed: a performance goal has a metric and a date; a learning goal says ' +
        'what you will learn and the strategies you will try. Every change keeps its reason, so changing a goal ' +
        "is learning. Not sure which kind fits? Ask 'tack advise'. " +
        'Wherever a GOAL is asked for, give its id, its title, or an unambiguous part of the title.',
    );

  goals
    .command('list')
    .alias('ls')
    .summary('list your goals')
    .option(
      '--status <status>',
      `only goals with this status: ${GOAL_STATUSES.map((s) => STATUS_WORDS[s]).join(', ')}`,
      parseStatus,
    )
    .addOption(new Option('--kind <kind>', 'only goals of this kind').choices(['performance', 'learning']))
    .option('--deleted', 'only the deleted ones (bring one back with restore)')
    .option('--json', 'print {"goals": […]} as JSON')
    .action(async (_opts: ListOptions, cmd: Command) => {
      const opts = ctx.options<ListOptions>(cmd);
      const conn = await ctx.connect(cmd);
      const filter: { status?: GoalStatus; kind?: Goal['kind'] } = {};
      if (opts.status) filter.status = opts.status;
      if (opts.kind) filter.kind = opts.kind;
      const list = await (opts.deleted ? conn.client.goals.listDeleted(filter) : conn.client.goals.list(filter));
      if (opts.json) {
        ctx.out.json({ goals: list });
        return;
      }
      ctx.out.table(
        list,
        [
          { header: 'title', value: (g: Goal) => g.title },
          { header: 'kind', value: (g) => g.kind },
          { header: 'status', value: (g) => STATUS_WORDS[g.status] },
          { header: 'progress', value: (g) => progressShort(g) },
          { header: 'due', value: (g) => g.dueDate ?? '' },
          idColumn(list),
        ],
        opts.deleted
          ? 'No deleted goals.'
          : opts.status || opts.kind
            ? 'No goals like that.'
            : "No goals yet. Add one with 'tack goals add TITLE --learning --learn TEXT' (or ask 'tack advise').",
      );
    });

  const add = goals
    .command('add')
    .argument('<title>', 'the goal, e.g. "Run 5 km under 30 minutes"', nameText('the title'))
    .summary('add a performance or a learning goal')
    .description(
      'Add a goal. A performance goal needs a metric (--metric, --baseline, --target, --unit) and --due; ' +
        'a learning goal needs --learn (what you will learn) and may list --strategy (repeat for several).',
    )
    .optionsGroup('Kind (choose one):')
    .addOption(new Option('--performance', 'an outcome with a metric and a date').conflicts('learning'))
    .option('--learning', 'something to learn, with strategies to try');
  addMetricOptions(add, 'Performance goals (all required except --current):')
    .optionsGroup('Learning goals:')
    .option('--learn <text>', 'what you will learn', text('--learn'))
    .option('--strategy <text>', 'a strategy to try (repeat for several)', limitedEach('--strategy', LIMITS.textMax))
    .optionsGroup('Options:')
    .option('--why <text>', 'why it matters to you', text('--why'))
    .option('--direction <direction>', 'the direction it serves')
    .addOption(new Option('--status <status>', 'where it starts (default exploring)').choices(['exploring', 'active']))
    .option('--if <cue>', 'with --then: an if-then plan, the situation', text('--if'))
    .option('--then <action>', 'with --if: what you then do', text('--then'))
    .option('--json', 'print {"goal"} as JSON')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  tack goals add "Run 5 km faster" --performance --metric "5 km time" --baseline 34 --target 30 --unit min --due 2027-03-01',
        '  tack goals add "Delegate well" --learning --learn "how to hand over work" --strategy "one task a week"',
      ].join('\n'),
    )
    .action(async (title: string, _opts: AddOptions, cmd: Command) => {
      const opts = ctx.options<AddOptions>(cmd);
      ctx.errorContext.fields = { kind: '--performance/--learning' };
      if (!opts.performance && !opts.learning) throw new UsageError('choose the kind: --performance or --learning');
      const plan = planFrom(opts);
      const input: CreateGoalInput = { kind: opts.performance ? 'performance' : 'learning', title };
      if (opts.performance) {
        const metric = metricFrom(opts, undefined);
        const missing = [metric ? '' : '--metric, --baseline, --target, --unit', opts.due ? '' : '--due'].filter(
          Boolean,
        );
        if (missing.length) throw new UsageError(`a performance goal needs ${missing.join(' and ')}`);
        input.metric = metric ?? null;
      } else {
        if (opts.learn === undefined) throw new UsageError('a learning goal needs --learn: what you will learn');
        const stray = [opts.metric, opts.baseline, opts.target, opts.unit, opts.current, opts.due].some(
          (v) => v !== undefined,
        );
        if (stray) throw new UsageError('metric flags and --due are for --performance goals');
        input.whatToLearn = opts.learn;
        input.strategies = (opts.strategy ?? []).map((text) => ({ text }));
      }
      if (opts.performance && (opts.learn !== undefined || opts.strategy)) {
        throw new UsageError('--learn and --strategy are for --learning goals');
      }
      if (opts.why !== undefined) input.why = opts.why;
      if (opts.status) input.status = opts.status;
      if (plan) input.ifThen = [plan];
      const conn = await ctx.connect(cmd);
      if (opts.due !== undefined) input.dueDate = await dayResolver(conn.client).day(opts.due, '--due');
      const direction = opts.direction === undefined ? undefined : await findDirection(conn.client, opts.direction);
      if (direction) input.directionId = direction.id;
      const goal = await conn.client.goals.create(input);
      warnSameName(ctx.out, goal, await conn.client.goals.list(), (g) => g.title, GOAL_WORDS);
      if (opts.json) {
        ctx.out.json({ goal });
        return;
      }
      const detail =
        goal.kind === 'performance' ? `${metricWords(goal)} by ${goal.dueDate}` : `learn ${goal.whatToLearn}`;
      ctx.out.line(`Added ${goal.kind} goal ${quoted(goal)}: ${oneLine(detail)} (id ${goal.id}).`);
      if (goal.ifThen.length === 0) ctx.out.note('Tip: add an if-then plan with --if/--then (R8).');
    });

  const revise = goals
    .command('revise')
    .alias('edit')
    .argument(...GOAL_ARG)
    .summary('change a goal, saying why')
    .description(
      'Change a goal. Every change needs --reason: what changed and what you learned; it is kept in the ' +
        "goal's revision history ('tack goals show'). --strategy, --evidence and --if/--then add to the lists.",
    )
    .optionsGroup('Why (required):')
    .option('--reason <text>', 'what changed, what you learned', text('--reason'))
    .optionsGroup('Changes:')
    .option('--title <title>', 'a new title', nameText('--title'))
    .option('--why <text>', 'why it matters ("" clears it)', text('--why'))
    .addOption(new Option('--kind <kind>', 'switch kind (its history stays)').choices(['performance', 'learning']))
    .option('--learn <text>', 'learning: what you will learn', text('--learn'))
    .option(
      '--strategy <text>',
      'learning: add a strategy to try (repeat for several)',
      limitedEach('--strategy', LIMITS.textMax),
    )
    .option('--tried <strategy>', 'learning: mark a strategy tried (its id or a part of its text)')
    .option('--reflection <text>', 'with --tried: what happened when you tried it', text('--reflection'))
    .option('--untried <strategy>', 'learning: mark a strategy not tried after all')
    .option(
      '--evidence <text>',
      'learning: add evidence, dated today (repeat for several)',
      limitedEach('--evidence', LIMITS.textMax),
    )
    .option('--if <cue>', 'with --then: add an if-then plan', text('--if'))
    .option('--then <action>', 'with --if: what you then do', text('--then'))
    .option('--direction <direction>', 'the direction it serves')
    .option('--no-direction', 'no longer tied to a direction');
  addMetricOptions(revise, 'Performance goals:')
    .optionsGroup('Output:')
    .option('--json', 'print {"goal"} as JSON')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  tack goals revise "run 5 km" --target 31 --reason "30 was too fast for this winter"',
        '  tack goals revise "delegate" --tried "one task a week" --reflection "Sam took the report" --reason "tried it"',
      ].join('\n'),
    )
    .action(async (ref: string, _opts: ReviseOptions, cmd: Command) => {
      const opts = ctx.options<ReviseOptions>(cmd);
      ctx.errorContext.fields = { title: '--title', kind: '--kind' };
      refuseBoth(cmd, 'direction');
      if (opts.reflection !== undefined && opts.tried === undefined) {
        throw new UsageError('--reflection goes with --tried: which strategy did you try?');
      }
      const plan = planFrom(opts);
      const conn = await ctx.connect(cmd);
      const days = dayResolver(conn.client);
      const goal = await findGoal(conn.client, ref);
      const patch: Omit<UpdateGoalInput, 'reason'> = {};
      if (opts.title !== undefined) patch.title = opts.title;
      if (opts.why !== undefined) patch.why = opts.why.trim() === '' ? null : opts.why;
      if (opts.kind !== undefined) patch.kind = opts.kind;
      if (opts.learn !== undefined) patch.whatToLearn = opts.learn;
      const metric = metricFrom(opts, goal.metric);
      if (metric) patch.metric = metric;
      if (opts.due !== undefined) patch.dueDate = await days.day(opts.due, '--due');
      if (opts.strategy || opts.tried !== undefined || opts.untried !== undefined) {
        const tried = opts.tried === undefined ? undefined : pickStrategy(goal, opts.tried, '--tried');
        const untried = opts.untried === undefined ? undefined : pickStrategy(goal, opts.untried, '--untried');
        if (tried && tried === untried) throw new UsageError('--tried and --untried name the same strategy');
        patch.strategies = [
          ...goal.strategies.map((s) =>
            s === tried
              ? { id: s.id, text: s.text, tried: true, reflection: opts.reflection ?? s.reflection }
              : s === untried
                ? { id: s.id, text: s.text, tried: false, reflection: s.reflection }
                : { id: s.id, text: s.text, tried: s.tried, reflection: s.reflection },
          ),
          ...(opts.strategy ?? []).map((text) => ({ text })),
        ];
      }
      if (opts.evidence) {
        const today = await days.today();
        patch.evidence = [...goal.evidence, ...opts.evidence.map((text) => ({ date: today, text }))];
      }
      if (plan) patch.ifThen = [...goal.ifThen, plan];
      if (opts.direction === false) patch.directionId = null;
      if (typeof opts.direction === 'string') patch.directionId = (await findDirection(conn.client, opts.direction)).id;
      if (Object.keys(patch).length === 0)
        throw new UsageError('nothing to change; see --help for what can be changed');
      const updated = await conn.client.goals.update(goal.id, { ...patch, reason: needReason(opts.reason) });
      if (patch.title !== undefined) {
        warnSameName(ctx.out, updated, await conn.client.goals.list(), (g) => g.title, GOAL_WORDS);
      }
      if (opts.json) {
        ctx.out.json({ goal: updated });
        return;
      }
      ctx.out.line(
        `Revised ${quoted(updated)}: ${Object.keys(patch).map(changeWords).join(', ')} (revision ${updated.revisions}).`,
      );
    });

  goals
    .command('status')
    .argument(...GOAL_ARG)
    .argument('<status>', `the new status: ${GOAL_STATUSES.map((s) => STATUS_WORDS[s]).join(', ')}`, parseStatus)
    .summary('move a goal to exploring, active, paused, achieved or let go')
    .description(
      'Change the status of a goal. Letting go is a result, not a failure: it needs --learnings, what you ' +
        'learned. Like every change, it needs --reason.',
    )
    .option('--reason <text>', 'why (required)', text('--reason'))
    .option('--learnings <text>', 'what you learned (required to let go)', text('--learnings'))
    .option('--json', 'print {"goal"} as JSON')
    .action(async (ref: string, status: GoalStatus, _opts: StatusOptions, cmd: Command) => {
      const opts = ctx.options<StatusOptions>(cmd);
      ctx.errorContext.fields = { status: 'the status' };
      const conn = await ctx.connect(cmd);
      const goal = await findGoal(conn.client, ref);
      const patch: Omit<UpdateGoalInput, 'reason'> = { status };
      if (opts.learnings !== undefined) patch.learnings = opts.learnings;
      const updated = await conn.client.goals.update(goal.id, { ...patch, reason: needReason(opts.reason) });
      if (opts.json) {
        ctx.out.json({ goal: updated });
        return;
      }
      ctx.out.line(`${quoted(updated)} is ${STATUS_WORDS[updated.status]} now.`);
    });

  goals
    .command('show')
    .argument(...GOAL_ARG)
    .summary('show a goal and every change to it, with its reason')
    .option('--json', 'print {"goal", "revisions"} as JSON')
    .action(async (ref: string, _opts: JsonOption, cmd: Command) => {
      const opts = ctx.options<JsonOption>(cmd);
      const conn = await ctx.connect(cmd);
      const goal = await findGoal(conn.client, ref);
      const revisions = await conn.client.goals.revisions(goal.id);
      if (opts.json) {
        ctx.out.json({ goal, revisions });
        return;
      }
      const direction = goal.directionId
        ? await conn.client.directions.get(goal.directionId).catch(() => undefined)
        : undefined;
      const timeZone = await personTimeZone(conn.client);
      for (const line of showLines(goal, revisions, direction?.name, timeZone)) ctx.out.line(line);
    });

  addDeleteCommand(goals, ctx, {
    what: 'goal',
    key: 'goal',
    arg: GOAL_ARG,
    find: findGoal,
    remove: (c, id, confirm) => c.goals.remove(id, { confirm }),
    label: (g) => g.title,
  });
  addRestoreCommand(goals, ctx, {
    what: 'goal',
    key: 'goal',
    listDeleted: (c) => c.goals.listDeleted(),
    list: (c) => c.goals.list(),
    restore: (c, id) => c.goals.restore(id),
    label: (g) => g.title,
  });
};
