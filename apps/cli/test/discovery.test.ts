// `tack directions`, `experiments`, `goals`, `intentions`, `advise` and `chains`: the real binary against a real
// server, on SQLite and, when TACK_TEST_PG_URL is set, on PostgreSQL. Tests in a suite run in order and build
// on each other.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  Advice,
  Chain,
  Direction,
  Experiment,
  Goal,
  GoalRevision,
  Intention,
  IntentionWeek,
  Learning,
  Practice,
} from '@tack/contracts';
import { loadConfig, startServer } from '@tack/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneLineError, type Result, signUpAndCreateToken, tack } from './support.ts';

const PG_URL = process.env.TACK_TEST_PG_URL;

const temps: string[] = [];
async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `tack-cli-discovery-${prefix}-`));
  temps.push(dir);
  return dir;
}

afterAll(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

function ok(r: Result): Result {
  expect(r.stderr, r.stderr).not.toMatch(/^tack:/m);
  expect(r.code, r.stderr).toBe(0);
  return r;
}

function json<T>(r: Result): T {
  ok(r);
  return JSON.parse(r.stdout) as T;
}

/** The ISO week of today in UTC (the time zone of a new account). */
function thisIsoWeek(): string {
  const d = new Date();
  const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  day.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const jan4 = new Date(Date.UTC(day.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((day.getTime() - jan4.getTime()) / 86_400_000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

interface Backend {
  url: string;
  close(): Promise<void>;
}

const ADVISE_FLAGS = [
  '--control',
  'low',
  '--novelty',
  'new',
  '--context',
  'unstable',
  '--capability',
  'none',
  '--why',
  'ownValues',
  '--structure',
  'neutral',
];

function discoverySuite(start: () => Promise<Backend>) {
  let backend: Backend;
  let configDir: string;
  let token: string;
  const run = (...args: string[]) => tack(args, { configDir });

  beforeAll(async () => {
    backend = await start();
    configDir = await tempDir('cfg');
    ({ token } = await signUpAndCreateToken(backend.url, `ada-${randomBytes(3).toString('hex')}@example.com`));
    ok(await run('login', '--server', backend.url, '--token', token));
  });

  afterAll(async () => {
    await backend?.close();
  });

  it('directions: add, answer, and turn an answer into a practice', async () => {
    const added = ok(await run('directions', 'add', 'A runner', '--description', 'someone who runs'));
    expect(added.stdout).toMatch(/^Added direction "A runner" \(id [\w-]+\)\.\n$/);
    expect(added.stderr).toMatch(/What would/);
    ok(await run('directions', 'add', 'A writer'));

    const answered = json<{ direction: Direction; answer: Direction['answers'][number] }>(
      await run('directions', 'answer', 'runner', 'Run twice before work', '--json'),
    );
    expect(answered.answer.text).toBe('Run twice before work');
    expect(answered.direction.answers).toHaveLength(1);
    ok(await run('directions', 'answer', 'A runner', 'Buy proper shoes'));

    const made = json<{ practice: Practice; direction: Direction }>(
      await run('directions', 'practice', 'runner', answered.answer.id, '--times', '2', '--days', '7', '--json'),
    );
    expect(made.practice).toMatchObject({ name: 'Run twice before work' });
    expect(made.practice.schedule.frequency).toEqual({ kind: 'times', times: 2, days: 7 });
    expect(made.direction.answers.find((a) => a.id === answered.answer.id)?.practiceId).toBe(made.practice.id);

    const byNumber = ok(await run('directions', 'practice', 'runner', '2', '--name', 'Shoes', '--every', '7'));
    expect(byNumber.stdout).toMatch(/^Added practice "Shoes": every 7 days from \S+, for "A runner"/);

    const show = ok(await run('directions', 'show', 'runner'));
    expect(show.stdout.split('\n')[0]).toBe('A runner');
    expect(show.stdout).toMatch(
      new RegExp(
        `^ {2}1\\. Run twice before work → practice ${made.practice.id.slice(0, 8)} {2}\\(${answered.answer.id.slice(0, 8)}\\)$`,
        'm',
      ),
    );
    expect(show.stdout).toMatch(/^ {2}2\. Buy proper shoes → practice /m);

    const list = ok(await run('directions', 'list'));
    expect(list.stdout).toMatch(/^NAME\s+ANSWERS\s+PRACTICES\s+ID$/m);
    const directions = json<{ directions: Direction[] }>(await run('directions', 'list', '--json')).directions;
    expect(directions).toHaveLength(2);
    const runnerId = directions.find((d) => d.name === 'A runner')?.id ?? '?';
    expect(list.stdout).toMatch(new RegExp(`^A runner\\s+2\\s+2\\s+${runnerId.slice(0, 8)}$`, 'm'));
    // The short id shown can be typed back.
    expect(ok(await run('directions', 'show', runnerId.slice(0, 8))).stdout.split('\n')[0]).toBe('A runner');

    const ambiguous = await run('directions', 'show', 'a');
    expect(ambiguous.code).toBe(2); // wrong usage: the name fits several, and nothing acts on a guess
    expectOneLineError(ambiguous, /"a" matches 2 directions: .*"A runner".*"A writer"/);
    const unknown = await run('directions', 'answer', 'painter', 'paint');
    expect(unknown.code).toBe(1);
    expectOneLineError(unknown, /no direction matches "painter"; see 'tack directions list'/);
  });

  it('experiments: start, refuse a second one in the same direction, note, decide, learnings', async () => {
    const started = json<{ experiment: Experiment }>(
      await run(
        'experiments',
        'start',
        'runner',
        '--hypothesis',
        'Running before work leaves me calmer',
        '--weeks',
        '4',
        '--practice',
        'run twice',
        '--json',
      ),
    );
    const exp = started.experiment;
    expect(exp).toMatchObject({ lengthWeeks: 4, status: 'running' });
    expect(exp.practiceIds).toHaveLength(1);

    const second = await run('experiments', 'start', 'A runner', '--hypothesis', 'Evening runs are better');
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('');
    expectOneLineError(second, new RegExp(`decide it first: tack experiments decide ${exp.id}`));
    expectOneLineError(second, /\(CONFLICT\)/);

    const noHypothesis = await run('experiments', 'start', 'writer');
    expect(noHypothesis.code).toBe(2);

    ok(await run('experiments', 'note', exp.id, '--energises', 'Slept better'));
    const noted = ok(await run('experiments', 'note', 'calmer', '--drains', 'Cold mornings'));
    expect(noted.stdout).toMatch(/^Noted \(drains\) on "Running before work leaves me calmer": \+1 −1 so far\.\n$/);
    const noTag = await run('experiments', 'note', exp.id, 'hm');
    expect(noTag.code).toBe(2);

    const list = ok(await run('experiments', 'list'));
    expect(list.stdout).toMatch(/^HYPOTHESIS\s+DIRECTION\s+STATUS\s+START\s+DECIDE ON\s+NOTES\s+ID$/m);
    expect(list.stdout).toMatch(/^Running before work leaves me calmer\s+A runner\s+running\s+/m);
    expect(list.stdout).toMatch(new RegExp(`\\s${exp.id.slice(0, 8)}$`, 'm'));
    const byShortId = ok(await run('experiments', 'show', exp.id.slice(0, 8), '--json'));
    expect((JSON.parse(byShortId.stdout) as { experiment: Experiment }).experiment.id).toBe(exp.id);

    const noLearned = await run('experiments', 'decide', exp.id, '--let-go');
    expect(noLearned.code).toBe(2);
    expectOneLineError(noLearned, /--learned/);
    const noVerdict = await run('experiments', 'decide', exp.id, '--learned', 'x');
    expect(noVerdict.code).toBe(2);

    const decided = ok(
      await run('experiments', 'decide', 'runner', '--let-go', '--learned', 'Mornings are not for me'),
    ); // the direction names its one undecided experiment
    expect(decided.stdout).toMatch(/^Let go of "Running before work leaves me calmer"\./);

    const learnings = json<{ learnings: Learning[] }>(await run('experiments', 'learnings', '--json')).learnings;
    expect(learnings).toHaveLength(1);
    expect(learnings[0]).toMatchObject({
      experimentId: exp.id,
      directionName: 'A runner',
      verdict: 'letGo',
      learned: 'Mornings are not for me',
      energises: 1,
      drains: 1,
    });
    const table = ok(await run('experiments', 'learnings'));
    expect(table.stdout).toMatch(/^\d{4}-\d\d-\d\d\s+A runner\s+let go\s+Mornings are not for me\s+\+1 −1$/m);

    // Decided: a new one may start now.
    const next = json<{ experiment: Experiment }>(
      await run('experiments', 'start', 'runner', '--hypothesis', 'Evening runs are better', '--json'),
    );
    const adjusted = json<{ experiment: Experiment; next: Experiment | null }>(
      await run(
        'experiments',
        'decide',
        next.experiment.id,
        '--adjust',
        '--changes',
        'Lunch runs are better',
        '--learned',
        'Evenings are busy',
        '--json',
      ),
    );
    expect(adjusted.next).toMatchObject({
      hypothesis: 'Lunch runs are better',
      previousExperimentId: next.experiment.id,
    });
    const show = ok(await run('experiments', 'show', 'lunch runs'));
    expect(show.stdout).toMatch(/^ {2}previous\s+/m);
    const deepened = json<{ experiment: Experiment; goalId: string | null }>(
      await run(
        'experiments',
        'decide',
        'lunch runs',
        '--deepen',
        '--goal-title',
        'Run at lunch',
        '--learned',
        'Lunch works',
        '--json',
      ),
    );
    expect(deepened.experiment.verdict).toMatchObject({ verdict: 'deepen', learned: 'Lunch works' });
    expect(deepened.goalId).not.toBeNull();
    const goal = json<{ goal: Goal }>(await run('goals', 'show', deepened.goalId ?? '', '--json')).goal;
    expect(goal).toMatchObject({ kind: 'learning', title: 'Run at lunch', directionId: next.experiment.directionId });
    expect(json<{ learnings: Learning[] }>(await run('experiments', 'learnings', '--json')).learnings).toHaveLength(3);
  });

  it('goals: add both kinds; revise needs a reason; show has the revisions; let go needs learnings', async () => {
    const perf = json<{ goal: Goal }>(
      await run(
        'goals',
        'add',
        'Run 5 km faster',
        '--performance',
        '--metric',
        '5 km time',
        '--baseline',
        '34',
        '--target',
        '30',
        '--unit',
        'min',
        '--due',
        '2999-03-01',
        '--direction',
        'runner',
        '--if',
        'it is Saturday',
        '--then',
        'I run the 5 km loop',
        '--json',
      ),
    );
    expect(perf.goal).toMatchObject({
      kind: 'performance',
      status: 'exploring',
      dueDate: '2999-03-01',
      metric: { name: '5 km time', baseline: 34, target: 30, unit: 'min' },
      ifThen: [{ cue: 'it is Saturday', action: 'I run the 5 km loop' }],
    });
    expect(perf.goal.directionId).not.toBeNull();

    const learning = ok(
      await run(
        'goals',
        'add',
        'Delegate well',
        '--learning',
        '--learn',
        'how to hand over work',
        '--strategy',
        'one task a week',
        '--strategy',
        'ask what they need',
      ),
    );
    expect(learning.stdout).toMatch(/^Added learning goal "Delegate well": learn how to hand over work \(id /);

    const noKind = await run('goals', 'add', 'Vague');
    expect(noKind.code).toBe(2);
    const noDue = await run(
      'goals',
      'add',
      'X',
      '--performance',
      '--metric',
      'm',
      '--baseline',
      '1',
      '--target',
      '2',
      '--unit',
      'u',
    );
    expect(noDue.code).toBe(2);
    expectOneLineError(noDue, /--due/);

    const noReason = await run('goals', 'revise', 'run 5 km', '--target', '31');
    expect(noReason.code).toBe(2);
    expectOneLineError(noReason, /every change to a goal needs a reason: add --reason/);

    const revised = ok(
      await run('goals', 'revise', 'run 5 km', '--target', '31', '--reason', '30 was too fast for this winter'),
    );
    expect(revised.stdout).toBe('Revised "Run 5 km faster": metric (revision 1).\n');
    ok(
      await run(
        'goals',
        'revise',
        'delegate',
        '--strategy',
        'weekly check-in',
        '--evidence',
        'Handed over the report',
        '--reason',
        'new idea',
      ),
    );
    const tried = ok(
      await run(
        'goals',
        'revise',
        'delegate',
        '--tried',
        'one task',
        '--reflection',
        'Sam took the report',
        '--reason',
        'tried it',
      ),
    );
    expect(tried.stdout).toBe('Revised "Delegate well": strategies (revision 2).\n');
    const lonely = await run('goals', 'revise', 'delegate', '--reflection', 'x', '--reason', 'x');
    expect(lonely.code).toBe(2);
    expectOneLineError(lonely, /--reflection goes with --tried/);
    const nothing = await run('goals', 'revise', 'delegate', '--tried', 'juggling', '--reason', 'x');
    expect(nothing.code).toBe(2);
    expectOneLineError(nothing, /--tried: no strategy of "Delegate well" matches "juggling"/);
    const both = await run('goals', 'revise', 'delegate', '--tried', 'a', '--reason', 'x');
    expect(both.code).toBe(2);
    expectOneLineError(both, /strategies/);
    const due = ok(await run('goals', 'revise', 'run 5 km', '--due', '2999-04-01', '--reason', 'later'));
    expect(due.stdout).toBe('Revised "Run 5 km faster": due date (revision 2).\n');

    const shown = json<{ goal: Goal; revisions: GoalRevision[] }>(await run('goals', 'show', 'Run 5 km', '--json'));
    expect(shown.goal.metric?.target).toBe(31);
    expect(shown.revisions.map((r) => r.number)).toEqual([0, 1, 2]);
    expect(shown.revisions[1]).toMatchObject({ reason: '30 was too fast for this winter', changed: ['metric'] });

    const text = ok(await run('goals', 'show', 'delegate'));
    // Each strategy with the short id that --tried and --untried take.
    const strategyId = (t: string) => shownDelegate.goal.strategies.find((s) => s.text === t)?.id.slice(0, 8) ?? '?';
    const shownDelegate = json<{ goal: Goal }>(await run('goals', 'show', 'delegate', '--json'));
    expect(text.stdout).toMatch(new RegExp(`^ {2}○ weekly check-in {2}\\(${strategyId('weekly check-in')}\\)$`, 'm'));
    expect(text.stdout).toMatch(
      new RegExp(`^ {2}✓ one task a week — Sam took the report {2}\\(${strategyId('one task a week')}\\)$`, 'm'),
    );
    expect(text.stdout).toMatch(/^ {2}○ ask what they need {2}\([0-9a-f]{8}\)$/m);
    expect(text.stdout).toMatch(/^ {2}\d{4}-\d\d-\d\d {2}Handed over the report$/m);
    expect(text.stdout).toMatch(/^ {2}#0 .* created: /m);
    expect(text.stdout).toMatch(/^ {2}#1 .* changed .*strategies.*: new idea$/m);

    const noLearnings = await run('goals', 'status', 'delegate', 'let-go', '--reason', 'not my job now');
    expect(noLearnings.code).toBe(2);
    expectOneLineError(noLearnings, /^tack: --learnings: .*\(VALIDATION_FAILED\)$/);
    const letGo = ok(
      await run('goals', 'status', 'delegate', 'letGo', '--reason', 'not my job now', '--learnings', 'I like doing it'),
    );
    expect(letGo.stdout).toBe('"Delegate well" is let go now.\n');
    const badStatus = await run('goals', 'status', 'delegate', 'failed', '--reason', 'x');
    expect(badStatus.code).toBe(2);

    const letGoList = json<{ goals: Goal[] }>(await run('goals', 'list', '--status', 'letGo', '--json')).goals;
    expect(letGoList.map((g) => g.title)).toEqual(['Delegate well']);
    expect(letGoList[0]?.learnings).toBe('I like doing it');
    const table = ok(await run('goals', 'list'));
    expect(table.stdout).toMatch(/^TITLE\s+KIND\s+STATUS\s+PROGRESS\s+DUE\s+ID$/m);
    expect(table.stdout).toMatch(/^Run 5 km faster\s+performance\s+exploring\s+/m);
  });

  it('intentions: add with a horizon, answer for a week, list', async () => {
    const added = json<{ intention: Intention }>(
      await run('intentions', 'add', 'Lead with curiosity', '--horizon', 'quarter', '--period', '2026-Q4', '--json'),
    );
    expect(added.intention.horizon).toEqual({ kind: 'quarter', quarter: '2026-Q4' });
    const year = json<{ intention: Intention }>(
      await run('intentions', 'add', 'Calm and clear', '--horizon', 'year', '--period', '2027', '--json'),
    );
    expect(year.intention.horizon).toEqual({ kind: 'year', year: 2027, theme: 'Calm and clear' });
    ok(await run('intentions', 'add', 'Be kind', '--horizon', 'open'));
    const bad = await run('intentions', 'add', 'X', '--horizon', 'decade');
    expect(bad.code).toBe(2);

    // The open intention takes any week up to this one (the quarter's would refuse weeks outside it).
    const answered = json<{ week: IntentionWeek }>(
      await run('intentions', 'answer', 'Be kind', 'Asked three questions in the planning meeting', '--json'),
    );
    expect(answered.week).toMatchObject({
      isoWeek: thisIsoWeek(),
      answer: 'Asked three questions in the planning meeting',
    });
    ok(await run('intentions', 'answer', 'Be kind', '--week', '2026-W01', 'Listened first'));
    const future = await run('intentions', 'answer', 'Be kind', '--week', '2999-W01', 'Later');
    expect(future.code).toBe(2);
    expectOneLineError(future, /\(VALIDATION_FAILED\)/);
    const outside = await run('intentions', 'answer', 'curiosity', '--week', '2026-W01', 'Too early');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/outside this intention's quarter 2026-Q4/);

    const shown = ok(await run('intentions', 'show', 'Be kind'));
    expect(shown.stdout).toMatch(/^ {2}2026-W01 {2}Listened first$/m);
    const list = ok(await run('intentions', 'list'));
    expect(list.stdout).toMatch(/^Lead with curiosity\s+2026-Q4\s+/m);
    expect(list.stdout).toMatch(/^Calm and clear\s+2027: Calm and clear\s+/m);
    expect(list.stdout).toMatch(/^Be kind\s+open\s+/m);
  });

  it('advise: flags give a recommendation with rule ids and citations; missing flags are a usage error', async () => {
    const r = ok(await run('advise', ...ADVISE_FLAGS));
    expect(r.stdout).toMatch(/^Recommendation: /);
    expect(r.stdout).toMatch(/^Recommendation: an experiment first$/m);
    expect(r.stdout).toMatch(/^ {2}R4 {2}.+\n {6}Seijts & Latham 2001/m);
    expect(r.stdout).toMatch(/^ {2}R8 {2}.+\(add-on\)\n {6}Gollwitzer & Sheeran 2006/m);
    expect(r.stdout).toMatch(/^If-then plan \(R8\):\n {2}(If|When) .+, .+\.$/m);
    expect(r.stdout).toMatch(/milestone map \(R3\)/);

    const body = json<Advice>(await run('advise', ...ADVISE_FLAGS, '--self-efficacy', 'low', '--json'));
    expect(body.reasons.length).toBeGreaterThan(0);
    for (const reason of body.reasons) {
      expect(reason.ruleId).toMatch(/^R\d$/);
      expect(reason.citation).not.toBe('');
    }
    expect(body.ifThen.length).toBeGreaterThan(0);

    const easy = json<Advice>(
      await run(
        'advise',
        '--control',
        'high',
        '--novelty',
        'familiar',
        '--context',
        'stable',
        '--capability',
        'solid',
        '--why',
        'ownValues',
        '--structure',
        'wants',
        '--self-efficacy',
        'high',
        '--json',
      ),
    );
    expect(easy.recommendation).toBe('performanceGoal');
    expect(easy.reasons.map((x) => x.ruleId)).toContain('R2');
    const learning = ok(
      await run(
        'advise',
        ...ADVISE_FLAGS.slice(0, 2),
        '--novelty',
        'new',
        '--context',
        'stable',
        '--capability',
        'some',
        '--why',
        'ownValues',
        '--structure',
        'neutral',
        '--self-efficacy',
        'high',
      ),
    );
    expect(learning.stdout).toMatch(/^ {2}R\d {2}/m);

    const missing = await run('advise', '--control', 'low', '--novelty', 'new');
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expectOneLineError(missing, /missing --context, --capability, --why, --structure/);
    const wrong = await run('advise', ...ADVISE_FLAGS.slice(2), '--control', 'medium');
    expect(wrong.code).toBe(2);

    const onGoal = json<{ goalKind: string; keep: boolean; explanation: string }>(
      await run('advise', ...ADVISE_FLAGS, '--goal', 'run 5 km', '--json'),
    );
    expect(onGoal.goalKind).toBe('performance');
    expect(onGoal.explanation).toMatch(/R\d/);
  });

  it('chains: start, add steps backwards, show the timeline, make a step a practice', async () => {
    const started = json<{ chain: Chain }>(
      await run('chains', 'start', 'Run 3 km on Saturday', '--title', 'Running again', '--json'),
    );
    expect(started.chain.steps).toHaveLength(1);
    const step = ok(await run('chains', 'step', 'running', 'Walk 20 minutes twice'));
    expect(step.stdout).toMatch(/^Added a step in \d{4}-W\d\d to "Running again"/);
    const shown = json<{ chain: Chain }>(await run('chains', 'show', 'running', '--json'));
    expect(shown.chain.steps.map((s) => s.text)).toEqual(['Walk 20 minutes twice', 'Run 3 km on Saturday']);
    const text = ok(await run('chains', 'show', started.chain.id));
    expect(text.stdout).toMatch(
      new RegExp(`^ {2}${thisIsoWeek()} \\(this week\\) {2}· Run 3 km on Saturday {2}\\(`, 'm'),
    );
    // Steps show the short ids that 'chains practice' takes.
    const walkStep = shown.chain.steps.find((s) => s.text === 'Walk 20 minutes twice');
    const walkShort = walkStep?.id.slice(0, 8) ?? '?';
    expect(text.stdout).toMatch(new RegExp(`· Walk 20 minutes twice {2}\\(${walkShort}\\)$`, 'm'));
    const made = ok(await run('chains', 'practice', 'running', walkShort, '--weekdays', 'tue,thu'));
    expect(made.stdout).toMatch(/^Added practice "Walk 20 minutes twice": Tue, Thu from /);
    expect(ok(await run('chains', 'list')).stdout).toMatch(/^Running again\s+2\s+/m);
  });

  it('delete: history needs --yes (exit 2 without), then it is gone from the lists', async () => {
    const noHistory = ok(await run('directions', 'delete', 'writer')); // no answers or experiments: no question
    expect(noHistory.stdout).toMatch(
      /^Deleted direction "A writer"\. Bring it back with 'tack directions restore [\w-]+'\.\n$/,
    );
    const withHistory = await run('directions', 'rm', 'runner');
    expect(withHistory.code).toBe(2);
    expectOneLineError(withHistory, /has history; deleting it needs confirmation: add --yes/);
    const deleted = ok(await run('directions', 'delete', 'runner', '--yes'));
    expect(deleted.stdout).toMatch(
      /^Deleted direction "A runner"\. Bring it back with 'tack directions restore [\w-]+'\.\n$/,
    );
    const names = json<{ directions: Direction[] }>(await run('directions', 'list', '--json')).directions.map(
      (d) => d.name,
    );
    expect(names).not.toContain('A runner');

    ok(await run('intentions', 'delete', 'be kind', '--yes'));
    const left = json<{ intentions: Intention[] }>(await run('intentions', 'list', '--json')).intentions;
    expect(left.map((i) => i.statement)).not.toContain('Be kind');
  });

  it('restore: list --deleted shows what was deleted; restore by name or id brings it back, --json like siblings', async () => {
    const gone = json<{ directions: Direction[] }>(await run('directions', 'list', '--deleted', '--json')).directions;
    expect(gone.map((d) => d.name).sort()).toEqual(['A runner', 'A writer']);
    expect(ok(await run('directions', 'ls', '--deleted')).stdout).toMatch(/^A runner\s+2\s+2\s+/m);

    const byName = ok(await run('directions', 'restore', 'runner'));
    expect(byName.stdout).toBe('Restored direction "A runner".\n');
    const runner = json<{ directions: Direction[] }>(await run('directions', 'list', '--json')).directions.find(
      (d) => d.name === 'A runner',
    );
    expect(runner?.answers).toEqual(gone.find((d) => d.name === 'A runner')?.answers);
    expect(runner?.deletedAt).toBeNull();

    const writer = gone.find((d) => d.name === 'A writer');
    const byId = json<{ direction: Direction }>(await run('directions', 'restore', writer?.id ?? '', '--json'));
    expect(byId.direction).toMatchObject({ name: 'A writer', deletedAt: null });
    expect(ok(await run('directions', 'list', '--deleted')).stdout).toBe('No deleted directions.\n');

    const intention = json<{ intention: Intention }>(await run('intentions', 'restore', 'be kind', '--json'));
    expect(intention.intention).toMatchObject({ statement: 'Be kind', deletedAt: null });

    const none = await run('chains', 'restore', 'nothing like this');
    expect(none.code).toBe(1);
    expectOneLineError(none, /no deleted chain matches "nothing like this"; see 'tack chains list --deleted'/);
  });

  it("refuses another person's ids with NOT_FOUND", async () => {
    const { token: other } = await signUpAndCreateToken(
      backend.url,
      `grace-${randomBytes(3).toString('hex')}@example.com`,
    );
    const post = async <T>(path: string, body: unknown): Promise<T> => {
      const res = await fetch(`${backend.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${other}` },
        body: JSON.stringify(body),
      });
      expect(res.status, await res.clone().text()).toBe(201);
      return (await res.json()) as T;
    };
    const { goal } = await post<{ goal: Goal }>('/api/v1/goals', {
      kind: 'learning',
      title: 'Secret',
      whatToLearn: 'secrets',
    });
    const { direction } = await post<{ direction: Direction }>('/api/v1/directions', { name: 'Secret direction' });
    const { intention } = await post<{ intention: Intention }>('/api/v1/intentions', { statement: 'Secret' });

    for (const args of [
      ['goals', 'show', goal.id],
      ['goals', 'revise', goal.id, '--title', 'Mine now', '--reason', 'mine'],
      ['goals', 'status', goal.id, 'active', '--reason', 'mine'],
      ['advise', ...ADVISE_FLAGS, '--goal', goal.id],
      ['directions', 'show', direction.id],
      ['directions', 'answer', direction.id, 'mine'],
      ['experiments', 'start', direction.id, '--hypothesis', 'mine'],
      ['intentions', 'answer', intention.id, 'mine'],
      ['goals', 'delete', goal.id, '--yes'],
      ['goals', 'restore', goal.id],
      ['directions', 'restore', direction.id],
    ]) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expectOneLineError(r, /\(NOT_FOUND\)/);
    }
    const mine = json<{ goals: Goal[] }>(await run('goals', 'list', '--json')).goals;
    expect(mine.map((g) => g.id)).not.toContain(goal.id);
  });
}

describe('tack discovery commands on SQLite', () => {
  discoverySuite(async () =>
    startServer(
      loadConfig({
        TACK_DATA_DIR: await tempDir('data'),
        TACK_PORT: '0',
        TACK_HOST: '127.0.0.1',
        TACK_LOG_LEVEL: 'silent',
      }),
    ),
  );
});

describe.skipIf(!PG_URL)('tack discovery commands on PostgreSQL (TACK_TEST_PG_URL)', () => {
  const dbName = `cli_discovery_${randomBytes(6).toString('hex')}`;
  const adminUrl = PG_URL ?? '';

  discoverySuite(async () => {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    const server = await startServer(
      loadConfig({
        TACK_DATA_DIR: await tempDir('pgdata'),
        DATABASE_URL: url.toString(),
        TACK_PORT: '0',
        TACK_HOST: '127.0.0.1',
        TACK_LOG_LEVEL: 'silent',
      }),
    );
    return {
      url: server.url,
      async close() {
        await server.close();
        const dropper = new pg.Client({ connectionString: adminUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await dropper.end();
      },
    };
  });
});
