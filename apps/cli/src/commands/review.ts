import { confirm, intro, isCancel, log, note, outro, select, text } from '@clack/prompts';
import type { TackClient } from '@tack/client';
import {
  COMPARISON_QUESTION,
  type FrequencyDto,
  INTENTION_REVIEW_QUESTION,
  type Practice,
  type Review,
  type ReviewAnswers,
  type ReviewDecision,
  WHO5,
} from '@tack/contracts';
import { type Command, InvalidArgumentError } from 'commander';
import type { Register } from '../context.ts';
import { findIntention } from '../discovery-lookup.ts';
import { CliError, UsageError } from '../errors.ts';
import { text as limitedText } from '../limits.ts';
import { formatDate, oneLine, renderTable } from '../output.ts';
import { parseWeekdays, percent, scheduleWords, targetPeriodChange } from '../practice-format.ts';
import { findPractice, localDate, personTimeZone, SCOPE } from '../practice-lookup.ts';

interface ReviewFlags {
  week?: string;
  line?: string;
  energised?: string;
  drained?: string;
  keep?: string[];
  adjust?: string[];
  drop?: string[];
  intention?: string[];
  smallThing?: string;
  who5?: number[];
  compared?: boolean;
  complete?: boolean;
  json?: boolean;
}

const WEEK_HINT = 'an ISO week like 2026-W47 or a date (your week holding it); default: this week';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** "3,3,4,2,5": the five WHO-5 answers, each 0–5 (the server checks the range and names the item). */
function parseWho5(raw: string): number[] {
  const parts = raw.split(',').map((s) => s.trim());
  if (parts.length !== 5 || parts.some((p) => !/^-?\d+$/.test(p))) {
    throw new InvalidArgumentError('give five whole numbers from 0 to 5, e.g. 3,3,4,2,5.');
  }
  return parts.map(Number);
}

function parseYesNo(raw: string): boolean {
  if (/^(y|yes|true)$/i.test(raw)) return true;
  if (/^(n|no|false)$/i.test(raw)) return false;
  throw new InvalidArgumentError('answer yes or no.');
}

/** A schedule in the shortest words: "daily", "3/7" (3 times in 7 days), "every 3" (days), "mon,thu". */
export function parseSchedule(raw: string): FrequencyDto {
  const s = raw.trim().toLowerCase();
  if (s === 'daily') return { kind: 'times', times: 1, days: 1 };
  // The same bounds as --times, --days and --every, checked before anything is saved.
  const inRange = (n: number) => n >= 1 && n <= 365;
  const times = /^(\d+)\s*\/\s*(\d+)$/.exec(s);
  if (times) {
    const [t, d] = [Number(times[1]), Number(times[2])];
    if (!inRange(t) || !inRange(d)) {
      throw new UsageError(`"${raw}": times and days are whole numbers from 1 to 365, e.g. 3/7`);
    }
    if (t > d) throw new UsageError(`"${raw}": ${t} times is more than ${d} days; at most once a day`);
    return { kind: 'times', times: t, days: d };
  }
  const every = /^every\s*:?\s*(\d+)$/.exec(s);
  if (every) {
    const n = Number(every[1]);
    if (!inRange(n)) throw new UsageError(`"${raw}": every N days takes a whole number from 1 to 365`);
    return { kind: 'interval', everyDays: n };
  }
  try {
    return { kind: 'weekdays', weekdays: parseWeekdays(s) };
  } catch {
    throw new UsageError(`"${raw}" is not a schedule; use daily, 3/7 (times in days), "every 3" or mon,thu`);
  }
}

/** Splits "NAME=VALUE" at the last "=", so a name may hold one. `shape` is what the flag takes, for the error. */
function splitPair(raw: string, flag: string, shape: string): [string, string] {
  const at = raw.lastIndexOf('=');
  if (at <= 0) throw new UsageError(`${flag} takes ${shape}`);
  return [raw.slice(0, at), raw.slice(at + 1)];
}

/** The answers the flags give (undefined when none was given: then the review runs interactively). */
async function answersFrom(
  client: TackClient,
  f: ReviewFlags,
  tell: (text: string) => void,
): Promise<ReviewAnswers | undefined> {
  const answers: ReviewAnswers = {};
  if (f.line !== undefined) answers.line = f.line;
  if (f.energised !== undefined) answers.energised = f.energised;
  if (f.drained !== undefined) answers.drained = f.drained;
  if (f.smallThing !== undefined) answers.smallThing = f.smallThing;
  if (f.who5 !== undefined) answers.who5 = f.who5;
  if (f.compared !== undefined) answers.compared = f.compared;
  const decisions: ReviewDecision[] = [];
  const flagOf = new Map<string, string>();
  const decide = (p: Practice, flag: string, decision: ReviewDecision) => {
    const earlier = flagOf.get(p.id);
    if (earlier) throw new UsageError(`"${oneLine(p.name)}" is given to both ${earlier} and ${flag}; choose one`);
    flagOf.set(p.id, flag);
    decisions.push(decision);
  };
  for (const ref of f.keep ?? []) {
    const p = await findPractice(client, ref, SCOPE.live);
    decide(p, '--keep', { practiceId: p.id, decision: 'keep' });
  }
  for (const raw of f.adjust ?? []) {
    const [ref, schedule] = splitPair(raw, '--adjust', 'PRACTICE=SCHEDULE, e.g. "Read=3/7"');
    const p = await findPractice(client, ref, SCOPE.live);
    const frequency = parseSchedule(schedule);
    decide(p, '--adjust', { practiceId: p.id, decision: 'adjust', frequency });
    tell(periodNote(p, frequency));
  }
  for (const raw of f.drop ?? []) {
    const at = raw.lastIndexOf('=');
    const [ref, reason] = at > 0 ? [raw.slice(0, at), raw.slice(at + 1)] : [raw, ''];
    const p = await findPractice(client, ref, SCOPE.live);
    decide(p, '--drop', { practiceId: p.id, decision: 'drop', ...(reason.trim() ? { reason } : {}) });
  }
  if (decisions.length > 0) answers.decisions = decisions;
  if (f.intention) {
    const seen = new Set<string>();
    answers.intentions = [];
    for (const raw of f.intention) {
      const [ref, answer] = splitPair(raw, '--intention', 'INTENTION=ANSWER, e.g. "curiosity=asked in standup"');
      const intention = await findIntention(client, ref);
      if (seen.has(intention.id)) {
        throw new UsageError(`--intention names "${oneLine(intention.statement)}" twice; give one answer`);
      }
      seen.add(intention.id);
      answers.intentions.push({ intentionId: intention.id, answer });
    }
  }
  return Object.keys(answers).length > 0 ? answers : undefined;
}

/**
 * The flags add to the draft: a keep/adjust/drop decision replaces the draft's decision for the same practice
 * and leaves the others, and an intention answer replaces the draft's answer for the same intention.
 */
function mergeWithDraft(draft: ReviewAnswers, answers: ReviewAnswers): ReviewAnswers {
  const merged = { ...answers };
  if (answers.decisions) {
    const given = new Set(answers.decisions.map((d) => d.practiceId));
    merged.decisions = [...(draft.decisions ?? []).filter((d) => !given.has(d.practiceId)), ...answers.decisions];
  }
  if (answers.intentions) {
    const given = new Set(answers.intentions.map((i) => i.intentionId));
    merged.intentions = [...(draft.intentions ?? []).filter((i) => !given.has(i.intentionId)), ...answers.intentions];
  }
  return merged;
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The review as lines: the week's numbers, then what was written. WHO-5 answers are shown only as a score. */
export function renderReview(r: Review, timeZone: string): string[] {
  const s = r.summary;
  const a = r.answers;
  const names = new Map(s.practices.map((p) => [p.practiceId, p.name]));
  const lines = [
    `Week of ${r.weekStart} to ${r.weekEnd} (${r.isoWeek}): ${r.status === 'completed' ? `completed ${formatDate(r.completedAt, timeZone)}` : 'draft'}`,
    `Planned ${s.planned}, done ${s.done}; ${s.checkins} ${s.checkins === 1 ? 'check-in' : 'check-ins'}.`,
  ];
  if (s.practices.length > 0) {
    // Aligned in terminal columns, so wide names (emoji, CJK) keep the numbers in line.
    const table = renderTable(s.practices, [
      { header: 'practice', value: (p) => p.name },
      { header: 'planned', value: (p) => String(p.planned), right: true },
      { header: 'done', value: (p) => String(p.done), right: true },
      { header: 'skipped', value: (p) => String(p.skipped), right: true },
      { header: 'strength', value: (p) => `${percent(p.strengthStart)} → ${percent(p.strengthEnd)}` },
    ]);
    lines.push('', ...table);
  }
  if (s.energy.length > 0)
    lines.push('', `Energy: ${s.energy.map((e) => `${e.date} ${signed(e.average)}`).join(', ')}`);
  if (s.notes.length > 0) {
    lines.push('', 'Notes:', ...s.notes.map((n) => `  ${n.date} ${oneLine(n.practice)}: ${oneLine(n.note)}`));
  }
  for (const n of s.experimentNotes) lines.push(`  ${n.date} experiment, ${n.tag}: ${oneLine(n.text)}`);
  const written: string[] = [];
  if (a.line) written.push(`In your words: ${oneLine(a.line)}`);
  if (a.energised) written.push(`Energised: ${oneLine(a.energised)}`);
  if (a.drained) written.push(`Drained: ${oneLine(a.drained)}`);
  for (const d of a.decisions ?? []) {
    const applied = r.applied.find((x) => x.practiceId === d.practiceId);
    const when = d.decision === 'adjust' && applied?.effectiveFrom ? ` from ${applied.effectiveFrom}` : '';
    const how = d.frequency ? ` to ${scheduleWords(d.frequency)}` : '';
    written.push(
      `${oneLine(names.get(d.practiceId) ?? d.practiceId)}: ${d.decision}${how}${when}${d.reason ? ` (${oneLine(d.reason)})` : ''}`,
    );
  }
  for (const i of a.intentions ?? []) {
    const statement = s.intentions.find((x) => x.id === i.intentionId)?.statement ?? i.intentionId;
    written.push(`${oneLine(statement)}: ${oneLine(i.answer)}`);
  }
  if (a.smallThing) written.push(`Next week's one small thing: ${oneLine(a.smallThing)}`);
  if (r.who5Score !== null) written.push(`WHO-5: ${r.who5Score} of 100 (private to you)`);
  if (a.compared !== undefined && a.compared !== null)
    written.push(`Compared yourself with others: ${a.compared ? 'yes' : 'no'}`);
  if (written.length > 0) lines.push('', ...written);
  return lines;
}

/** The week a command means: --week, else today in the person's time zone. */
async function weekOf(client: TackClient, week: string | undefined): Promise<string> {
  if (week) return week;
  const { user } = await client.me.get();
  return localDate(new Date(), user.timeZone);
}

/** What an adjusted measurable practice's target will mean (its period follows the schedule); '' when the same. */
function periodNote(p: Practice, frequency: FrequencyDto): string {
  const change = targetPeriodChange(p, p.schedule.frequency, frequency);
  return change
    ? `"${oneLine(p.name)}": its target counts over the new schedule's period: ${change}. ` +
        `Change it with 'tack practices edit ${p.id} --target N'.`
    : '';
}

const PAUSED = 'review paused; your draft is saved, run tack review to go on';

/** Asks a free-text question; empty keeps what was there. Cancelling stops the review (the draft is saved). */
async function ask(
  message: string,
  initialValue: string | null | undefined,
  validate?: (value: string | undefined) => string | undefined,
): Promise<string | undefined> {
  const answer = await text({ message, initialValue: initialValue ?? '', output: process.stderr, validate });
  if (isCancel(answer)) throw new CliError(PAUSED);
  return answer.trim() === '' ? undefined : answer;
}

/** The whole review, step by step, saving the draft after each step. */
async function interactive(client: TackClient, week: string): Promise<Review> {
  let r = await client.reviews.get(week);
  if (r.status === 'completed') return r;
  const save = async (patch: ReviewAnswers) => {
    if (Object.keys(patch).length > 0) r = await client.reviews.update(week, patch);
  };
  intro(`Weekly review: ${r.weekStart} to ${r.weekEnd}`, { output: process.stderr });
  note(renderReview(r, await personTimeZone(client)).join('\n'), '1. What happened', { output: process.stderr });
  const line = await ask('One line of your own about the week', r.answers.line);
  await save(line !== undefined ? { line } : {});
  const energised = await ask('2. What energised you?', r.answers.energised);
  const drained = await ask('   What drained you?', r.answers.drained);
  await save({ ...(energised !== undefined ? { energised } : {}), ...(drained !== undefined ? { drained } : {}) });

  const decisions: ReviewDecision[] = [];
  for (const p of r.summary.practices.filter((x) => x.state === 'active')) {
    const choice = await select<'keep' | 'adjust' | 'drop'>({
      message: `3. ${p.name}: done ${p.done} of ${p.planned}. Keep, adjust or drop?`,
      options: [
        { value: 'keep', label: 'Keep' },
        { value: 'adjust', label: 'Adjust the schedule from next week' },
        { value: 'drop', label: 'Drop (archive it; its history stays)' },
      ],
      output: process.stderr,
    });
    if (isCancel(choice)) throw new CliError(PAUSED);
    if (choice === 'adjust') {
      const raw = await ask('New schedule: daily, 3/7 (times in days), "every 3" or mon,thu', '', (value) => {
        try {
          parseSchedule(value?.trim() ? value : 'daily');
          return undefined;
        } catch (err) {
          return err instanceof UsageError ? err.message : String(err);
        }
      });
      const frequency = parseSchedule(raw ?? 'daily');
      decisions.push({ practiceId: p.practiceId, decision: 'adjust', frequency });
      if (p.amount !== null) {
        const said = periodNote(await client.practices.get(p.practiceId), frequency);
        if (said) log.warn(said, { output: process.stderr });
      }
    } else if (choice === 'drop') {
      const reason = await ask('Why drop it? (kept with the review)', '');
      decisions.push({ practiceId: p.practiceId, decision: 'drop', ...(reason ? { reason } : {}) });
    } else decisions.push({ practiceId: p.practiceId, decision: 'keep' });
  }
  await save(decisions.length > 0 ? { decisions } : {});

  const intentions = [];
  for (const i of r.summary.intentions) {
    const answer = await ask(`4. ${i.statement}: ${INTENTION_REVIEW_QUESTION}`, '');
    if (answer) intentions.push({ intentionId: i.id, answer });
  }
  await save(intentions.length > 0 ? { intentions } : {});

  const smallThing = await ask("5. Next week's one small thing", r.answers.smallThing);
  await save(smallThing !== undefined ? { smallThing } : {});

  const wantsWho5 = await confirm({
    message: '6. Answer the WHO-5 wellbeing questions? (optional, private to you)',
    initialValue: false,
    output: process.stderr,
  });
  if (!isCancel(wantsWho5) && wantsWho5) {
    note(`${WHO5.intro}\nSource: ${WHO5.source}`, 'WHO-5', { output: process.stderr });
    const who5: number[] = [];
    for (const item of WHO5.items) {
      const v = await select<number>({
        message: item,
        options: WHO5.scale.map((s) => ({ value: s.value, label: `${s.label} (${s.value})` })),
        output: process.stderr,
      });
      if (isCancel(v)) throw new CliError(PAUSED);
      who5.push(v);
    }
    await save({ who5 });
  }
  const compared = await confirm({ message: COMPARISON_QUESTION, initialValue: false, output: process.stderr });
  if (!isCancel(compared)) await save({ compared });

  const done = await confirm({
    message: 'Complete the review now? (applies keep/adjust/drop)',
    initialValue: true,
    output: process.stderr,
  });
  if (!isCancel(done) && done) r = await client.reviews.complete(week);
  outro(r.status === 'completed' ? 'Review completed.' : 'Draft saved.', { output: process.stderr });
  return r;
}

export const register: Register = (program, ctx) => {
  const review = program
    .command('review')
    .helpGroup('Reflect:')
    .summary('the 10-minute weekly review')
    .description(
      'The weekly review: see what actually happened (planned vs done, strength, energy, notes), say what ' +
        "energised and drained you, keep, adjust or drop each practice, and pick next week's one small thing. " +
        'At a terminal it asks step by step; with flags it saves them to the draft (and --complete completes it). ' +
        "A --keep, --adjust or --drop replaces the draft's decision for that practice and keeps the others. " +
        'Weeks follow your week start and time zone.',
    )
    .option('--week <week>', WEEK_HINT)
    .option('--line <text>', 'step 1: one line of your own about the week', limitedText('--line'))
    .option('--energised <text>', 'step 2: what energised you', limitedText('--energised'))
    .option('--drained <text>', 'step 2: what drained you', limitedText('--drained'))
    .option('--keep <practice>', 'step 3: keep this practice as it is (repeatable)', collect)
    .option(
      '--adjust <practice=schedule>',
      'step 3: new schedule from next week: daily, 3/7, "every 3", mon,thu (repeatable)',
      collect,
    )
    .option(
      '--drop <practice[=reason]>',
      'step 3: drop (archive) this practice, with an optional reason (repeatable)',
      collect,
    )
    .option(
      '--intention <intention=answer>',
      `step 4: ${INTENTION_REVIEW_QUESTION} The intention is its id or a part of it (repeatable)`,
      collect,
    )
    .option('--small-thing <text>', "step 5: next week's one small thing", limitedText('--small-thing'))
    .option('--who5 <a,b,c,d,e>', 'step 6 (optional): the five WHO-5 answers, each 0–5, private to you', parseWho5)
    .option('--compared <yes|no>', COMPARISON_QUESTION, parseYesNo)
    .option('--complete', 'complete the review (applies keep/adjust/drop, freezes the numbers)')
    .option('--json', 'print {"review": …} as JSON')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  tack review',
        '  tack review --week 2026-W47 --line "A slow week" --energised "Running with Sam" --keep Run --small-thing "Shoes out on Sunday" --complete',
        '  tack review show --week 2026-W47 --markdown > review.md',
      ].join('\n'),
    )
    .action(async (_opts: ReviewFlags, cmd: Command) => {
      const opts = ctx.options<ReviewFlags>(cmd);
      const conn = await ctx.connect(cmd);
      const week = await weekOf(conn.client, opts.week);
      const answers = await answersFrom(conn.client, opts, (said) => {
        if (said) ctx.out.note(said);
      });
      let r: Review;
      if (answers === undefined && !opts.complete && ctx.interactive && !opts.json) {
        r = await interactive(conn.client, week).catch((err: unknown) => {
          // Going on needs the same week, when it is not this one.
          if (err instanceof CliError && err.message === PAUSED && opts.week) {
            throw new CliError(`review paused; your draft is saved, run 'tack review --week ${opts.week}' to go on`);
          }
          throw err;
        });
      } else {
        r = await conn.client.reviews.get(week);
        if (answers) {
          const merge = answers.decisions || answers.intentions;
          r = await conn.client.reviews.update(week, merge ? mergeWithDraft(r.answers, answers) : answers);
        }
        if (opts.complete) r = await conn.client.reviews.complete(week);
      }
      if (opts.json) {
        ctx.out.json({ review: r });
        return;
      }
      for (const line of renderReview(r, await personTimeZone(conn.client))) ctx.out.line(line);
      if (r.status === 'draft')
        ctx.out.note('Draft saved. Complete it with --complete (or run tack review at a terminal).');
    });

  review
    .command('show')
    .summary("show a week's review (a draft is made if there is none)")
    .option('--week <week>', WEEK_HINT)
    .option('--markdown', 'print the review as Markdown')
    .option('--json', 'print {"review": …} as JSON')
    .action(async (_opts: { week?: string; json?: boolean; markdown?: boolean }, cmd: Command) => {
      const opts = ctx.options<{ week?: string; json?: boolean; markdown?: boolean }>(cmd);
      if (opts.json && opts.markdown) throw new UsageError('choose --json or --markdown, not both');
      const conn = await ctx.connect(cmd);
      const week = await weekOf(conn.client, opts.week);
      if (opts.markdown) {
        ctx.out.line((await conn.client.reviews.markdown(week)).trimEnd());
        return;
      }
      const r = await conn.client.reviews.get(week);
      if (opts.json) ctx.out.json({ review: r });
      else for (const line of renderReview(r, await personTimeZone(conn.client))) ctx.out.line(line);
    });

  review
    .command('list')
    .alias('ls')
    .summary("your past reviews with each week's numbers")
    .option('--from <date>', 'weeks starting on or after this date')
    .option('--to <date>', 'weeks starting on or before this date')
    .option('--json', 'print {"reviews": […]} as JSON')
    .action(async (_opts: { from?: string; to?: string; json?: boolean }, cmd: Command) => {
      const opts = ctx.options<{ from?: string; to?: string; json?: boolean }>(cmd);
      const conn = await ctx.connect(cmd);
      const reviews = await conn.client.reviews.list({
        ...(opts.from ? { from: opts.from } : {}),
        ...(opts.to ? { to: opts.to } : {}),
      });
      if (opts.json) {
        ctx.out.json({ reviews });
        return;
      }
      ctx.out.table(
        reviews,
        [
          { header: 'week', value: (r) => `${r.weekStart} ${r.isoWeek}` },
          { header: 'status', value: (r) => r.status },
          { header: 'done', value: (r) => `${r.done}/${r.planned}`, right: true },
          { header: 'line', value: (r) => r.line ?? '' },
        ],
        "No reviews yet. Run 'tack review'.",
      );
    });
};
