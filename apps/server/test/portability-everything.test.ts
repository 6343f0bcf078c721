// Backup format version 2 covers everything a person owns: an account with at least one of every
// kind of item (made through the API) exports, restores into an empty account and exports again
// identically; links between items survive; erasure leaves nothing of the person in any table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OpenDatabase, openDatabase } from '@tack/db';
import { testDialects } from '@tack/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movableClock, type Person, startTestServer, type TestServer } from './support.ts';

type Json = Record<string, unknown>;
interface Doc extends Json {
  version: number;
  practices: Array<Json & { ref: string; name: string }>;
  directions: Array<Json & { ref: string; answers: Array<Json & { practiceRef: string | null }> }>;
  experiments: Array<
    Json & {
      ref: string;
      directionRef: string;
      practiceRefs: Array<string | null>;
      previousExperimentRef: string | null;
      verdict: { goalRef: string | null; nextExperimentRef: string | null; verdict: string } | null;
    }
  >;
  goals: Array<
    Json & {
      ref: string;
      title: string;
      directionRef: string | null;
      intentionRef: string | null;
      revisions: Array<Json & { number: number; after: Json & { intentionRef: string | null } }>;
    }
  >;
  intentions: Array<Json & { ref: string; practiceRefs: string[]; goalRefs: string[]; weeks: Json[] }>;
  chains: Array<Json & { ref: string; deletedAt: string | null; steps: Array<Json & { practiceRef: string | null }> }>;
  milestones: Array<Json & { ref: string; goalRef: string | null; directionRef: string | null; changes: Json[] }>;
  reviews: Array<
    Json & {
      weekStart: string;
      status: string;
      answers: Json & { who5?: number[]; decisions?: Array<{ practiceRef: string | null }> };
      summary: (Json & { practices: Array<{ practiceRef: string | null }> }) | null;
    }
  >;
  insightDismissals: Array<{ insight: string; subjectRef: string | null; dismissedAt: string }>;
  feedSettings: Json | null;
}

describe.each(testDialects())('backup of everything on $name', (dialect) => {
  let t: TestServer;
  let open: OpenDatabase;
  let dir: string;
  let fay: Person;
  const clock = movableClock('2026-11-21T10:00:00Z');

  beforeAll(async () => {
    // A file-backed SQLite (or a known PostgreSQL database) so the test can also look at the tables.
    dir = mkdtempSync(join(tmpdir(), 'tack-backup-'));
    const databaseUrl = await dialect.databaseUrl();
    t = await startTestServer(
      { name: dialect.name, databaseUrl: async () => databaseUrl },
      { TACK_DATA_DIR: dir },
      clock,
    );
    open = await openDatabase({ databaseUrl, dataDir: dir, poolSize: 2 });
    fay = await t.signUp('Fay');
  });
  afterAll(async () => {
    await open?.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const call = async <T = Json>(who: Person, method: string, path: string, body?: unknown) => {
    const res = await t.call(method, path, body === undefined ? { cookie: who.cookie } : { cookie: who.cookie, body });
    expect(res.status, `${method} ${path}: ${res.text}`).toBeLessThan(300);
    return res.json<T>();
  };
  const exportDoc = async (who: Person) => {
    const res = await t.call('GET', '/api/v1/export?format=json', { cookie: who.cookie });
    expect(res.status, res.text).toBe(200);
    return { text: res.text, doc: res.json<Doc>() };
  };
  const stable = (doc: Doc) => {
    const { exportedAt: _volatile, ...rest } = doc;
    return rest;
  };
  const restore = (who: Person, body: string) =>
    fetch(`${t.url}/api/v1/restore`, {
      method: 'POST',
      headers: { cookie: who.cookie, 'content-type': 'application/json' },
      body,
    }).then(async (res) => ({ status: res.status, text: await res.text() }));

  /** Every id of `userId` in the database: their own id and the ids of everything they own. */
  async function idsOf(userId: string): Promise<Set<string>> {
    const ids = new Set([userId]);
    for (const table of await open.db.introspection.getTables()) {
      const columns = table.columns.map((c) => c.name);
      if (!columns.includes('user_id') || !columns.includes('id')) continue;
      const rows = await sql<{
        id: string;
      }>`select ${sql.ref('id')} as id from ${sql.table(table.name)} where ${sql.ref('user_id')} = ${userId}`.execute(
        open.db,
      );
      for (const r of rows.rows) ids.add(String(r.id));
    }
    return ids;
  }

  /** Rows, per table, in which any text column holds (or, for JSON text, mentions) one of `needles`. */
  async function rowsMentioning(needles: readonly string[]): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of await open.db.introspection.getTables()) {
      if (table.name.startsWith('kysely_migration')) continue;
      const text = table.columns.filter((c) => /char|text|uuid/i.test(c.dataType)).map((c) => c.name);
      if (text.length === 0) continue;
      let n = 0;
      for (const needle of needles) {
        const conditions = text.map((c) => sql`${sql.ref(c)} like ${`%${needle}%`}`);
        const r = await sql<{
          n: number;
        }>`select count(*) as n from ${sql.table(table.name)} where ${sql.join(conditions, sql` or `)}`.execute(
          open.db,
        );
        n += Number(r.rows[0]?.n);
      }
      if (n > 0) out[table.name] = n;
    }
    return out;
  }

  it('exports everything, restores it into an empty account, and exports it again identically', async () => {
    // ── practices and areas ──
    const area = (await call<{ area: { id: string } }>(fay, 'POST', '/api/v1/areas', { name: 'Mind' })).area;
    const read = (
      await call<{ practice: { id: string } }>(fay, 'POST', '/api/v1/practices', {
        name: 'Read',
        areaId: area.id,
        frequency: { kind: 'times', times: 1, days: 1 },
        startDate: '2026-10-01',
      })
    ).practice.id;
    for (const date of ['2026-11-09', '2026-11-10', '2026-11-11']) {
      await call(fay, 'PUT', `/api/v1/practices/${read}/checkins/${date}`, { energy: 1, note: `read on ${date}` });
    }

    // ── a direction with answers, one of them made a practice ──
    let direction = (
      await call<{ direction: { id: string; answers: Array<{ id: string }> } }>(fay, 'POST', '/api/v1/directions', {
        name: 'A curious person',
        description: 'Who asks before judging',
      })
    ).direction;
    direction = (
      await call<{ direction: typeof direction }>(fay, 'POST', `/api/v1/directions/${direction.id}/answers`, {
        text: 'Read one paper a week',
      })
    ).direction;
    await call(fay, 'POST', `/api/v1/directions/${direction.id}/answers`, { text: 'Ask one more question' });
    const paper = (
      await call<{ practice: { id: string } }>(
        fay,
        'POST',
        `/api/v1/directions/${direction.id}/answers/${direction.answers[0]!.id}/practice`,
        { frequency: { kind: 'weekdays', weekdays: ['sunday'] }, startDate: '2026-10-01' },
      )
    ).practice.id;

    // ── experiments: notes, a deepen verdict with a goal, an adjust verdict with its follow-up ──
    const first = (
      await call<{ experiment: { id: string } }>(fay, 'POST', '/api/v1/experiments', {
        directionId: direction.id,
        hypothesis: 'Reading daily makes me calmer',
        practiceIds: [read],
        startDate: '2026-10-01',
        lengthWeeks: 4,
      })
    ).experiment.id;
    await call(fay, 'POST', `/api/v1/experiments/${first}/notes`, {
      tag: 'energises',
      text: 'Loved the evening reading',
      date: '2026-10-05',
    });
    await call(fay, 'POST', `/api/v1/experiments/${first}/notes`, { tag: 'drains', text: 'Tired', date: '2026-10-06' });
    const deepened = await call<{ goalId: string }>(fay, 'POST', `/api/v1/experiments/${first}/verdict`, {
      verdict: 'deepen',
      learned: 'It works in the evening',
      decidedOn: '2026-11-01',
      goal: { kind: 'learning', title: 'Learn to read papers well', whatToLearn: 'Skimming and note-taking' },
    });
    const learningGoal = deepened.goalId;
    const second = (
      await call<{ experiment: { id: string } }>(fay, 'POST', '/api/v1/experiments', {
        directionId: direction.id,
        hypothesis: 'A paper a week is enough',
        practiceIds: [paper, read],
        startDate: '2026-10-10',
        lengthWeeks: 2,
      })
    ).experiment.id;
    await call(fay, 'POST', `/api/v1/experiments/${second}/verdict`, {
      verdict: 'adjust',
      learned: 'Too much at once',
      decidedOn: '2026-11-02',
      changes: { hypothesis: 'Half a paper a week is enough', lengthWeeks: 3 },
    });

    // ── a performance goal with key results and two revisions; an intention it serves ──
    const goal = (
      await call<{ goal: { id: string } }>(fay, 'POST', '/api/v1/goals', {
        kind: 'performance',
        title: 'Read 20 papers',
        why: 'To stay current',
        directionId: direction.id,
        metric: { name: 'papers', unit: 'papers', baseline: 0, target: 20, current: 3 },
        dueDate: '2027-03-01',
        keyResults: [{ title: 'Summaries written', target: 10, current: 2, unit: 'summaries', confidence: 6 }],
        ifThen: [{ cue: 'it is Sunday morning', action: 'I read a paper with coffee' }],
      })
    ).goal.id;
    await call(fay, 'PATCH', `/api/v1/goals/${goal}`, {
      reason: 'Too ambitious for a quarter',
      metric: { name: 'papers', unit: 'papers', baseline: 0, target: 12, current: 3 },
    });
    const intention = (
      await call<{ intention: { id: string } }>(fay, 'POST', '/api/v1/intentions', {
        statement: 'Lead with curiosity',
        why: 'Openness',
        horizon: { kind: 'quarter', quarter: '2026-Q4' },
        practiceIds: [read],
        goalIds: [goal],
      })
    ).intention.id;
    await call(fay, 'PUT', `/api/v1/intentions/${intention}/weeks/2026-W45`, { answer: 'In the Tuesday meeting' });
    await call(fay, 'PATCH', `/api/v1/goals/${goal}`, { reason: 'It serves my intention', intentionId: intention });

    // ── a backwards chain (a task done, a step made a practice) and a deleted chain ──
    let chain = (
      await call<{ chain: { id: string; steps: Array<{ id: string; text: string }> } }>(fay, 'POST', '/api/v1/chains', {
        thisWeek: 'Write one page',
        title: 'Write a short book',
      })
    ).chain;
    chain = (
      await call<{ chain: typeof chain }>(fay, 'POST', `/api/v1/chains/${chain.id}/steps`, { text: 'Make an outline' })
    ).chain;
    chain = (
      await call<{ chain: typeof chain }>(fay, 'POST', `/api/v1/chains/${chain.id}/steps`, {
        text: 'Write daily notes',
      })
    ).chain;
    const outline = chain.steps.find((s) => s.text === 'Make an outline')!;
    const notes = chain.steps.find((s) => s.text === 'Write daily notes')!;
    await call(fay, 'PATCH', `/api/v1/chains/${chain.id}/steps/${outline.id}`, { task: true, done: true });
    await call(fay, 'POST', `/api/v1/chains/${chain.id}/steps/${notes.id}/practice`, {
      frequency: { kind: 'interval', everyDays: 2 },
    });
    const doomed = (
      await call<{ chain: { id: string } }>(fay, 'POST', '/api/v1/chains', { thisWeek: 'Something I dropped' })
    ).chain.id;
    await call(fay, 'DELETE', `/api/v1/chains/${doomed}?confirm=true`);

    // ── milestones: one slipping twice (for an insight), one reached, one dropped ──
    const slipping = (
      await call<{ milestone: { id: string } }>(fay, 'POST', '/api/v1/milestones', {
        goalId: learningGoal,
        title: 'Read five papers',
        targetDate: '2026-11-25',
      })
    ).milestone.id;
    for (const targetDate of ['2026-12-05', '2026-12-20']) {
      await call(fay, 'PATCH', `/api/v1/milestones/${slipping}`, { targetDate, reason: 'A busy month' });
    }
    const reached = (
      await call<{ milestone: { id: string } }>(fay, 'POST', '/api/v1/milestones', {
        directionId: direction.id,
        title: 'First question asked',
        targetDate: '2026-11-20',
      })
    ).milestone.id;
    await call(fay, 'POST', `/api/v1/milestones/${reached}/reach`);
    const dropped = (
      await call<{ milestone: { id: string } }>(fay, 'POST', '/api/v1/milestones', {
        goalId: goal,
        title: 'Ten papers',
        targetDate: '2027-01-15',
      })
    ).milestone.id;
    await call(fay, 'POST', `/api/v1/milestones/${dropped}/drop`, { reason: 'The goal changed' });

    // ── an insight dismissed (the learning goal never revised while its milestone slips) ──
    const insights = await call<{ insights: Array<{ key: string }> }>(fay, 'GET', '/api/v1/insights');
    expect(insights.insights.map((i) => i.key)).toContain(`P2-${learningGoal}`);
    const dismissed = await t.call('POST', `/api/v1/insights/P2-${learningGoal}/dismiss`, { cookie: fay.cookie });
    expect(dismissed.status, dismissed.text).toBe(204);

    // ── reviews: one completed with WHO-5 answers, one draft; feed settings and a feed secret ──
    await call(fay, 'PUT', '/api/v1/reviews/2026-W46', {
      line: 'A calm week',
      energised: 'Reading in the evening',
      drained: 'Late meetings',
      decisions: [{ practiceId: read, decision: 'keep' }],
      intentions: [{ intentionId: intention, answer: 'Asked before answering' }],
      smallThing: 'One paper',
      who5: [3, 4, 2, 5, 3],
      compared: false,
    });
    await call(fay, 'POST', '/api/v1/reviews/2026-W46/complete', {});
    await call(fay, 'PUT', '/api/v1/reviews/2026-W47', { line: 'So far, so good' });
    await call(fay, 'PATCH', '/api/v1/feed/settings', { reviewDay: 'friday', reviewTime: '17:30', reviewMinutes: 20 });
    await call(fay, 'POST', '/api/v1/feed/rotate');

    // ── the export holds all of it, linked by refs ──
    const { text, doc } = await exportDoc(fay);
    expect(doc).toMatchObject({ format: 'tack-backup', version: 2 });
    expect(doc.practices.map((p) => p.name).sort()).toEqual(['Read', 'Read one paper a week', 'Write daily notes']);
    const practiceRef = (name: string) => doc.practices.find((p) => p.name === name)!.ref;
    expect(doc.directions).toHaveLength(1);
    expect(doc.directions[0]!.answers.map((a) => a.practiceRef)).toEqual([practiceRef('Read one paper a week'), null]);
    expect(doc.experiments).toHaveLength(3);
    // Made in the same instant (the clock stands still): found by content, listed by creation then id.
    const experiment = (hypothesis: string) => doc.experiments.find((e) => e.hypothesis === hypothesis)!;
    const e1 = experiment('Reading daily makes me calmer');
    const e2 = experiment('A paper a week is enough');
    const e3 = experiment('Half a paper a week is enough');
    expect(e1).toMatchObject({ directionRef: 'direction-1', practiceRefs: [practiceRef('Read')] });
    expect((e1!.notes as Json[]).length).toBe(2);
    expect(e2!.practiceRefs).toEqual([practiceRef('Read one paper a week'), practiceRef('Read')]);
    expect(e2!.verdict).toMatchObject({ verdict: 'adjust', nextExperimentRef: e3!.ref });
    expect(e3!.previousExperimentRef).toBe(e2!.ref);
    const learning = doc.goals.find((g) => g.title === 'Learn to read papers well')!;
    const performance = doc.goals.find((g) => g.title === 'Read 20 papers')!;
    expect(e1!.verdict).toMatchObject({ verdict: 'deepen', goalRef: learning.ref });
    expect(performance.revisions.map((r) => r.number)).toEqual([0, 1, 2]);
    expect(performance).toMatchObject({ directionRef: 'direction-1', intentionRef: 'intention-1' });
    expect(performance.revisions[1]!.after.intentionRef).toBeNull();
    expect(performance.revisions[2]!.after.intentionRef).toBe('intention-1');
    expect(doc.intentions[0]).toMatchObject({ practiceRefs: [practiceRef('Read')], goalRefs: [performance.ref] });
    expect(doc.intentions[0]!.weeks.map((w) => w.isoWeek)).toEqual(['2026-W45', '2026-W46']);
    expect(doc.chains).toHaveLength(2);
    expect(doc.chains.find((c) => c.deletedAt !== null)).toBeDefined();
    expect(doc.chains.flatMap((c) => c.steps.map((s) => s.practiceRef))).toContain(practiceRef('Write daily notes'));
    const milestone = (title: string) => doc.milestones.find((m) => m.title === title)!;
    expect(milestone('Read five papers')).toMatchObject({ goalRef: learning.ref, directionRef: null, status: 'open' });
    expect(milestone('First question asked')).toMatchObject({
      goalRef: null,
      directionRef: 'direction-1',
      status: 'reached',
    });
    expect(milestone('Ten papers')).toMatchObject({ goalRef: performance.ref, directionRef: null, status: 'dropped' });
    expect(milestone('Read five papers').changes).toHaveLength(2);
    expect(doc.reviews.map((r) => [r.weekStart, r.status])).toEqual([
      ['2026-11-09', 'completed'],
      ['2026-11-16', 'draft'],
    ]);
    expect(doc.reviews[0]!.answers.who5).toEqual([3, 4, 2, 5, 3]);
    expect(doc.reviews[0]!.answers.decisions).toEqual([{ practiceRef: practiceRef('Read'), decision: 'keep' }]);
    expect(doc.reviews[0]!.summary?.practices.map((p) => p.practiceRef)).toContain(practiceRef('Read'));
    expect(doc.insightDismissals).toEqual([
      { insight: 'P2', subjectRef: learning.ref, dismissedAt: '2026-11-21T10:00:00.000Z' },
    ]);
    expect(doc.feedSettings).toMatchObject({ reviewDay: 'friday', reviewTime: '17:30', reviewMinutes: 20 });
    // Never the feed secret or its digest, and no database id of Fay's.
    const secret = await sql<{
      h: string;
    }>`select secret_hash as h from feed_setting where user_id = ${fay.id}`.execute(open.db);
    expect(secret.rows[0]?.h).toBeTruthy();
    expect(text).not.toContain(secret.rows[0]!.h);
    for (const id of await idsOf(fay.id)) expect(text, `the document holds the database id ${id}`).not.toContain(id);

    // ── restore into an empty account (that has only looked at this week's review) ──
    const gus = await t.signUp('Gus');
    await call(gus, 'GET', '/api/v1/reviews/2026-W47');
    clock.set('2026-11-21T12:00:00Z');
    const restored = await restore(gus, text);
    clock.set('2026-11-21T10:00:00Z');
    expect(restored.status, restored.text).toBe(200);
    expect(JSON.parse(restored.text)).toMatchObject({
      source: 'backup',
      format: 'tack-backup-v2',
      practicesCreated: 3,
      // Everything beyond practices is counted too, deleted items included, as the document holds them.
      restored: {
        directions: doc.directions.length,
        experiments: doc.experiments.length,
        goals: doc.goals.length,
        intentions: doc.intentions.length,
        chains: doc.chains.length,
        milestones: doc.milestones.length,
        reviews: doc.reviews.length,
      },
    });
    expect(doc.directions.length * doc.experiments.length * doc.goals.length * doc.reviews.length).toBeGreaterThan(0);
    const again = await exportDoc(gus);
    expect(stable(again.doc)).toEqual(stable(doc));

    // The links work in the restored account: ids are Gus's own, and the API follows them.
    const gusDirections = await call<{ directions: Array<{ id: string }> }>(gus, 'GET', '/api/v1/directions');
    const gusExperiments = await call<{ experiments: Array<{ directionId: string; practiceIds: string[] }> }>(
      gus,
      'GET',
      '/api/v1/experiments',
    );
    const gusPractices = await call<{ practices: Array<{ id: string; name: string }> }>(
      gus,
      'GET',
      '/api/v1/practices?state=all',
    );
    const gusRead = gusPractices.practices.find((p) => p.name === 'Read')!.id;
    expect(gusRead).not.toBe(read);
    expect(gusExperiments.experiments.every((e) => e.directionId === gusDirections.directions[0]!.id)).toBe(true);
    expect(gusExperiments.experiments[0]!.practiceIds).toEqual([gusRead]);
    const gusGoals = await call<{ goals: Array<{ id: string; title: string; revisions: number }> }>(
      gus,
      'GET',
      '/api/v1/goals',
    );
    const gusGoal = gusGoals.goals.find((g) => g.title === 'Read 20 papers')!;
    expect(gusGoal.revisions).toBe(2);
    const revisions = await call<{ revisions: Array<{ after: { id: string } }> }>(
      gus,
      'GET',
      `/api/v1/goals/${gusGoal.id}/revisions`,
    );
    expect(revisions.revisions.map((r) => r.after.id)).toEqual([gusGoal.id, gusGoal.id, gusGoal.id]);
    const review = await call<{ review: { status: string; who5Score: number | null } }>(
      gus,
      'GET',
      '/api/v1/reviews/2026-W46',
    );
    expect(review.review).toMatchObject({ status: 'completed', who5Score: 68 });
    expect(await call(gus, 'GET', '/api/v1/insights')).toMatchObject({ dismissed: 1 });
    expect(await call(gus, 'GET', '/api/v1/feed/settings')).toMatchObject({
      settings: { reviewDay: 'friday', feedActive: false },
    });

    // ── into an account that is not empty: 409, naming what it holds; nothing written ──
    const hal = await t.signUp('Hal');
    await call(hal, 'POST', '/api/v1/goals', { kind: 'learning', title: 'Something', whatToLearn: 'Anything' });
    const refused = await restore(hal, text);
    expect(refused.status).toBe(409);
    expect(refused.text).toMatch(/1 goal/);
    expect((await exportDoc(hal)).doc.directions).toEqual([]);
  });

  it('keeps links to purged practices as null, and restores them as links to nothing', async () => {
    const lea = await t.signUp('Lea');
    const gone = (
      await call<{ practice: { id: string } }>(lea, 'POST', '/api/v1/practices', {
        name: 'Gone soon',
        frequency: { kind: 'times', times: 1, days: 1 },
        startDate: '2026-11-01',
      })
    ).practice.id;
    await call(lea, 'PUT', `/api/v1/practices/${gone}/checkins/2026-11-10`, {});
    const direction = (await call<{ direction: { id: string } }>(lea, 'POST', '/api/v1/directions', { name: 'Calm' }))
      .direction.id;
    await call(lea, 'POST', '/api/v1/experiments', {
      directionId: direction,
      hypothesis: 'Walking calms me',
      practiceIds: [gone],
      startDate: '2026-11-01',
    });
    await call(lea, 'POST', '/api/v1/intentions', { statement: 'Be calm', practiceIds: [gone] });
    await call(lea, 'POST', '/api/v1/reviews/2026-W46/complete', {
      decisions: [{ practiceId: gone, decision: 'keep' }],
    });
    // What the 30-day purge of a deleted practice does (its check-ins go with it).
    await sql`delete from checkin where practice_id = ${gone}`.execute(open.db);
    await sql`delete from practice where id = ${gone}`.execute(open.db);

    const { text, doc } = await exportDoc(lea);
    expect(doc.practices).toEqual([]);
    expect(doc.experiments[0]!.practiceRefs).toEqual([null]);
    expect(doc.intentions[0]!.practiceRefs).toEqual([null]);
    expect(doc.reviews[0]!.answers.decisions).toEqual([{ practiceRef: null, decision: 'keep' }]);
    expect(doc.reviews[0]!.summary?.practices.map((p) => p.practiceRef)).toEqual([null]);
    expect(text).not.toContain(gone);

    const max = await t.signUp('Max');
    const restored = await restore(max, text);
    expect(restored.status, restored.text).toBe(200);
    expect(stable((await exportDoc(max)).doc)).toEqual(stable(doc));
    const review = await call<{ review: { status: string } }>(max, 'GET', '/api/v1/reviews/2026-W46');
    expect(review.review.status).toBe('completed');
    const experiments = await call<{ experiments: Array<{ practiceIds: string[] }> }>(
      max,
      'GET',
      '/api/v1/experiments',
    );
    expect(experiments.experiments[0]!.practiceIds).toHaveLength(1);
    expect(experiments.experiments[0]!.practiceIds[0]).not.toBe(gone);
  });

  it('validates links before writing anything, naming the JSON path', async () => {
    const { doc } = await exportDoc(fay);
    const ivy = await t.signUp('Ivy');
    const cases: Array<[string, (d: Doc) => void, RegExp]> = [
      [
        'experiment direction',
        (d) => {
          d.experiments[0]!.directionRef = 'direction-9';
        },
        /experiments\.0\.directionRef/,
      ],
      [
        'goal intention',
        (d) => {
          d.goals[0]!.intentionRef = 'practice-1';
        },
        /goals\.0\.intentionRef/,
      ],
      [
        'chain step',
        (d) => {
          d.chains[0]!.steps[0]!.practiceRef = 'nope';
        },
        /chains\.0\.steps\.0\.practiceRef/,
      ],
      [
        'milestone goal',
        (d) => {
          d.milestones[0]!.goalRef = 'goal-99';
        },
        /milestones\.0\.goalRef/,
      ],
      [
        'refs twice',
        (d) => {
          d.goals[0]!.ref = 'direction-1';
        },
        /goals\.0\.ref/,
      ],
      [
        'review week twice',
        (d) => {
          d.reviews[1]!.weekStart = d.reviews[0]!.weekStart;
        },
        /reviews\.1\.weekStart/,
      ],
      [
        'WHO-5 out of range',
        (d) => {
          d.reviews[0]!.answers.who5 = [3, 4, 9, 5, 3];
        },
        /reviews\.0\.answers\.who5\.2/,
      ],
      [
        'a feed secret',
        (d) => {
          (d.feedSettings as Json).secretHash = 'abc';
        },
        /feedSettings/,
      ],
    ];
    for (const [what, damage, path] of cases) {
      const broken = structuredClone(doc);
      damage(broken);
      const res = await restore(ivy, JSON.stringify(broken));
      expect(res.status, `${what}: ${res.text}`).toBe(400);
      expect(res.text, what).toMatch(path);
    }
    const future = await restore(ivy, JSON.stringify({ ...doc, version: 3 }));
    expect(future.status).toBe(400);
    expect(future.text).toMatch(/version 3; this Tack reads versions 1 and 2/);
    const after = (await exportDoc(ivy)).doc;
    expect([after.practices, after.directions, after.goals, after.reviews]).toEqual([[], [], [], []]);
  });

  it('still restores a version 1 document (areas and practices)', async () => {
    const { doc } = await exportDoc(fay);
    const v1 = {
      format: 'tack-backup',
      version: 1,
      exportedAt: doc.exportedAt,
      profile: doc.profile,
      areas: doc.areas,
      practices: doc.practices,
    };
    const jo = await t.signUp('Jo');
    const res = await restore(jo, JSON.stringify(v1));
    expect(res.status, res.text).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({
      format: 'tack-backup-v1',
      practicesCreated: 3,
      restored: { directions: 0, experiments: 0, goals: 0, intentions: 0, chains: 0, milestones: 0, reviews: 0 },
    });
    const after = (await exportDoc(jo)).doc;
    expect(after).toMatchObject({ version: 2, directions: [], goals: [], reviews: [], feedSettings: null });
    expect(after.practices).toEqual(doc.practices);
  });

  it('rolls the whole restore back when a write fails midway (one transaction)', async () => {
    const { text } = await exportDoc(fay);
    const kim = await t.signUp('Kim');
    // A trigger makes the insert of Kim's first chain fail: late in the restore, after the profile,
    // areas, practices, check-ins, directions, goals and experiments were written.
    if (open.dialect === 'sqlite') {
      await sql
        .raw(
          `create trigger fail_restore before insert on chain when new.user_id = '${kim.id}' ` +
            "begin select raise(abort, 'simulated failure'); end",
        )
        .execute(open.db);
    } else {
      await sql
        .raw(
          'create function fail_restore() returns trigger language plpgsql as $$ begin ' +
            `if new.user_id = '${kim.id}' then raise exception 'simulated failure'; end if; return new; end $$`,
        )
        .execute(open.db);
      await sql
        .raw('create trigger fail_restore before insert on chain for each row execute function fail_restore()')
        .execute(open.db);
    }
    try {
      const res = await restore(kim, text);
      expect(res.status, res.text).toBe(500);
    } finally {
      await sql.raw(`drop trigger fail_restore${open.dialect === 'sqlite' ? '' : ' on chain'}`).execute(open.db);
      if (open.dialect === 'postgres') await sql.raw('drop function fail_restore()').execute(open.db);
    }
    const after = (await exportDoc(kim)).doc;
    expect(after.profile).toMatchObject({ name: 'Kim' });
    expect([after.areas, after.practices, after.directions, after.experiments, after.goals]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
    const counts = await rowsMentioning([kim.id]);
    expect(Object.keys(counts).sort()).toEqual(['account', 'session', 'user']);
    // With the cause gone, the same document restores.
    expect((await restore(kim, text)).status).toBe(200);
  });

  it('erases every row of the person, in every table, and nothing of anyone else', async () => {
    const before = stable((await exportDoc(fay)).doc);
    const gus = await t.signUp('Gus again');
    const restored = await restore(gus, JSON.stringify((await exportDoc(fay)).doc));
    expect(restored.status, restored.text).toBe(200);
    await call(gus, 'POST', '/api/v1/feed/rotate');
    const ids = [...(await idsOf(gus.id))];
    expect(ids.length).toBeGreaterThan(15);
    const held = await rowsMentioning(ids);
    for (const table of [
      'user',
      'session',
      'area',
      'practice',
      'practice_schedule',
      'checkin',
      'direction',
      'experiment',
      'goal',
      'goal_revision',
      'intention',
      'intention_week',
      'chain',
      'milestone',
      'review',
      'insight_dismissal',
      'feed_setting',
    ]) {
      expect(held[table], `${table} holds rows of Gus before the purge`).toBeGreaterThan(0);
    }

    await call(gus, 'POST', '/api/v1/me/erasure', { confirm: gus.email });
    clock.set('2026-11-28T10:00:00Z');
    try {
      expect(await t.server.app.services.portability.purgeErasures()).toBe(1);
    } finally {
      clock.set('2026-11-21T10:00:00Z');
    }
    // Every table of the live schema, every text column: no id of Gus or of anything Gus owned.
    expect(await rowsMentioning([...ids, gus.email])).toEqual({});
    expect(stable((await exportDoc(fay)).doc)).toEqual(before);
  });
});
