import type { MakePracticeInput } from '@tack/client';
import type { Direction } from '@tack/contracts';
import type { Command } from 'commander';
import type { Register } from '../context.ts';
import { addDeleteCommand, addRestoreCommand } from '../discovery-delete.ts';
import {
  addScheduleOptions,
  ambiguous,
  DAILY,
  findDirection,
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
import { formatTimestamp, oneLine } from '../output.ts';
import { scheduleWords } from '../practice-format.ts';
import { DAY_HINT, dayResolver, personTimeZone, warnSamePracticeName } from '../practice-lookup.ts';

interface JsonOption {
  json?: boolean;
}

interface ListOptions extends JsonOption {
  deleted?: boolean;
}

interface AddOptions extends JsonOption {
  description?: string;
}

interface PracticeOptions extends JsonOption, ScheduleFlags, PlanFlags {
  name?: string;
  start?: string;
}

const DIRECTION_ARG = ['<direction>', 'the direction: its id, its name, or an unambiguous part of the name'] as const;

const quoted = (d: Direction) => `"${oneLine(d.name)}"`;

/** The answer `ref` names: its id, its number as `tack directions show` lists it, or a part of its text. */
function pickAnswer(direction: Direction, ref: string): Direction['answers'][number] {
  const r = ref.trim();
  const byId = direction.answers.find((a) => a.id === r);
  if (byId) return byId;
  if (/^\d+$/.test(r)) {
    const byNumber = direction.answers[Number(r) - 1];
    if (byNumber) return byNumber;
  }
  const found = matchByLabel(direction.answers, r, (a) => a.text);
  if (found.length === 1 && found[0]) return found[0];
  if (found.length > 1) {
    throw ambiguous(found, r, (a) => oneLine(a.text), { many: `answers of ${quoted(direction)}` });
  }
  throw new CliError(`${quoted(direction)} has no answer "${ref}"; see 'tack directions show ${direction.id}'`);
}

function showLines(d: Direction, timeZone: string): string[] {
  const lines = [oneLine(d.name), `  id           ${d.id}`];
  if (d.description) lines.push(`  description  ${oneLine(d.description)}`);
  lines.push(`  created      ${formatTimestamp(d.createdAt, timeZone)}`, '', oneLine(d.question));
  if (d.answers.length === 0) lines.push("  No answers yet. Add one with 'tack directions answer DIRECTION TEXT'.");
  const short = shortIds(d.answers.map((a) => a.id)); // an answer's id as 'directions practice' takes it
  d.answers.forEach((a, i) => {
    const practice = a.practiceId ? ` → practice ${a.practiceId.slice(0, 8)}` : '';
    lines.push(`  ${i + 1}. ${oneLine(a.text)}${practice}  (${short(a.id)})`);
  });
  return lines;
}

export const register: Register = (program, ctx) => {
  const directions = program
    .command('directions')
    .alias('direction')
    .helpGroup('Discovery:')
    .summary('the kinds of person you want to be, and what such a person would do this week')
    .description(
      'A direction names the kind of person you want to be ("a runner", "a calmer parent") and keeps asking: ' +
        'what would such a person do this week? Answers can become practices. ' +
        'Wherever a DIRECTION is asked for, give its id, its name, or an unambiguous part of the name.',
    );

  directions
    .command('list')
    .alias('ls')
    .summary('list your directions')
    .option('--deleted', 'only the deleted ones (bring one back with restore)')
    .option('--json', 'print {"directions": […]} as JSON')
    .action(async (_opts: ListOptions, cmd: Command) => {
      const opts = ctx.options<ListOptions>(cmd);
      const conn = await ctx.connect(cmd);
      const list = await (opts.deleted ? conn.client.directions.listDeleted() : conn.client.directions.list());
      if (opts.json) {
        ctx.out.json({ directions: list });
        return;
      }
      ctx.out.table(
        list,
        [
          { header: 'name', value: (d: Direction) => d.name },
          { header: 'answers', value: (d) => String(d.answers.length), right: true },
          { header: 'practices', value: (d) => String(d.answers.filter((a) => a.practiceId).length), right: true },
          idColumn(list),
        ],
        opts.deleted ? 'No deleted directions.' : 'No directions yet. Add one with \'tack directions add "a runner"\'.',
      );
    });

  directions
    .command('add')
    .argument('<name>', 'the kind of person you want to be, e.g. "a runner"', nameText('the name'))
    .summary('add a direction')
    .option('--description <text>', 'what it means to you', text('--description'))
    .option('--json', 'print {"direction"} as JSON')
    .action(async (name: string, _opts: AddOptions, cmd: Command) => {
      const opts = ctx.options<AddOptions>(cmd);
      const conn = await ctx.connect(cmd);
      const direction = await conn.client.directions.create(
        opts.description === undefined ? { name } : { name, description: opts.description },
      );
      const shared = warnSameName(ctx.out, direction, await conn.client.directions.list(), (d) => d.name, {
        one: 'direction',
        many: 'directions',
      });
      if (opts.json) {
        ctx.out.json({ direction });
        return;
      }
      ctx.out.line(`Added direction ${quoted(direction)} (id ${direction.id}).`);
      // Its name would match the others too: the hint names it by id then.
      const ref = shared ? direction.id : `"${oneLine(direction.name)}"`;
      ctx.out.note(`${direction.question} Answer with 'tack directions answer ${ref} TEXT'.`);
    });

  directions
    .command('show')
    .argument(...DIRECTION_ARG)
    .summary('show a direction and its answers')
    .option('--json', 'print {"direction"} as JSON')
    .action(async (ref: string, _opts: JsonOption, cmd: Command) => {
      const opts = ctx.options<JsonOption>(cmd);
      const conn = await ctx.connect(cmd);
      const direction = await findDirection(conn.client, ref);
      if (opts.json) {
        ctx.out.json({ direction });
        return;
      }
      const timeZone = await personTimeZone(conn.client);
      for (const line of showLines(direction, timeZone)) ctx.out.line(line);
    });

  directions
    .command('answer')
    .argument(...DIRECTION_ARG)
    .argument('<text>', 'what such a person would do this week', text('the answer'))
    .summary('answer "what would such a person do this week?"')
    .option('--json', 'print {"direction", "answer"} as JSON')
    .action(async (ref: string, text: string, _opts: JsonOption, cmd: Command) => {
      const opts = ctx.options<JsonOption>(cmd);
      const conn = await ctx.connect(cmd);
      const found = await findDirection(conn.client, ref);
      const direction = await conn.client.directions.addAnswer(found.id, text);
      const known = new Set(found.answers.map((a) => a.id));
      const answer = direction.answers.find((a) => !known.has(a.id)) ?? direction.answers.at(-1);
      if (opts.json) {
        ctx.out.json({ direction, answer });
        return;
      }
      ctx.out.line(`Added answer ${direction.answers.length} to ${quoted(direction)} (id ${answer?.id ?? '?'}).`);
      ctx.out.note(
        `Make it a practice with 'tack directions practice ${direction.id} ${answer?.id ?? 'ANSWER'} --daily'.`,
      );
    });

  const practice = directions
    .command('practice')
    .argument(...DIRECTION_ARG)
    .argument('<answer>', 'the answer: its id, its number in `tack directions show`, or a part of its text')
    .summary('turn an answer into a practice')
    .description(
      'Turn an answer into a practice, scheduled like `tack practices add` (default daily). ' +
        'The practice is named after the answer unless you give --name.',
    );
  addScheduleOptions(practice, 'Schedule (choose one; default --daily):')
    .optionsGroup('Options:')
    .option('--name <name>', 'name the practice (default: the answer)', nameText('--name'))
    .option('--if <cue>', 'with --then: an if-then plan, the situation', text('--if'))
    .option('--then <action>', 'with --if: what you then do', text('--then'))
    .option('--start <date>', `first day of the schedule (default today): ${DAY_HINT}`)
    .option('--json', 'print {"practice", "direction"} as JSON')
    .action(async (ref: string, answerRef: string, _opts: PracticeOptions, cmd: Command) => {
      const opts = ctx.options<PracticeOptions>(cmd);
      ctx.errorContext.fields = { name: '--name' };
      const frequency = frequencyFrom(opts) ?? DAILY;
      const ifThen = planFrom(opts);
      const conn = await ctx.connect(cmd);
      const direction = await findDirection(conn.client, ref);
      const answer = pickAnswer(direction, answerRef);
      const input: MakePracticeInput = { frequency };
      if (opts.name !== undefined) input.name = opts.name;
      if (ifThen) input.ifThen = ifThen;
      const start = await dayResolver(conn.client).optional(opts.start, '--start');
      if (start !== undefined) input.startDate = start;
      const made = await conn.client.directions.answerToPractice(direction.id, answer.id, input);
      await warnSamePracticeName(conn.client, ctx.out, made.practice);
      if (opts.json) {
        ctx.out.json(made);
        return;
      }
      ctx.out.line(
        `Added practice "${oneLine(made.practice.name)}": ${scheduleWords(made.practice.schedule.frequency)} ` +
          `from ${made.practice.schedule.effectiveFrom}, for ${quoted(made.direction)} (id ${made.practice.id}).`,
      );
    });

  addDeleteCommand(directions, ctx, {
    what: 'direction',
    key: 'direction',
    arg: DIRECTION_ARG,
    find: findDirection,
    remove: (c, id, confirm) => c.directions.remove(id, { confirm }),
    label: (d) => d.name,
  });
  addRestoreCommand(directions, ctx, {
    what: 'direction',
    key: 'direction',
    listDeleted: (c) => c.directions.listDeleted(),
    list: (c) => c.directions.list(),
    restore: (c, id) => c.directions.restore(id),
    label: (d) => d.name,
  });
};
