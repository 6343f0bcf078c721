import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIMITS } from '@tack/contracts';
import { testDialects } from '@tack/db/testing';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { days, type LoopHabit, type LoopRep, loopBackup, zip } from './portability.fixtures.ts';
import { movableClock, type Person, startTestServer, type TestServer } from './support.ts';

type Json = Record<string, unknown>;
interface Summary {
  source: string;
  format: string;
  practicesCreated: number;
  practicesUpdated: number;
  checkins: number;
  notMapped: { item: string; reason: string }[];
  warnings: string[];
}
interface PracticeJson {
  id: string;
  name: string;
  why: string | null;
  description: string | null;
  color: string;
  kind: string;
  unit: string | null;
  target: number | null;
  targetType: string | null;
  state: string;
  position: number;
  schedule: { effectiveFrom: string; frequency: Json };
}

/** Loop's published expectations: a daily habit done on 20 consecutive days, oldest day first. */
const LOOP_20_DAYS = [
  0.051922, 0.101149, 0.14782, 0.192067, 0.234017, 0.273788, 0.311495, 0.347244, 0.381137, 0.41327, 0.443734, 0.472617,
  0.5, 0.525961, 0.550574, 0.57391, 0.596033, 0.617008, 0.636894, 0.655747,
];

describe.each(testDialects())('data portability on $name', (dialect) => {
  let t: TestServer;
  let ann: Person;
  let bob: Person;
  const clock = movableClock('2026-11-21T10:00:00Z');

  beforeAll(async () => {
    t = await startTestServer(dialect, {}, clock);
    ann = await t.signUp('Ann');
    bob = await t.signUp('Bob');
  });

  it("names export files after the person's own today, not the server's", async () => {
    // 10:00 UTC on Nov 21 is already Nov 22 in Kiritimati (UTC+14).
    const kiri = await t.signUp('Kiri');
    const zone = await t.call('PATCH', '/api/v1/me', { cookie: kiri.cookie, body: { timeZone: 'Pacific/Kiritimati' } });
    expect(zone.status, zone.text).toBe(200);
    for (const [format, name] of [
      ['json', 'tack-backup-2026-11-22.json'],
      ['csv', 'tack-checkins-2026-11-22.csv'],
    ]) {
      const res = await t.call('GET', `/api/v1/export?format=${format}`, { cookie: kiri.cookie });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const upload = async (who: Person, path: string, body: Uint8Array | string, type = 'application/octet-stream') => {
    const res = await fetch(`${t.url}${path}`, {
      method: 'POST',
      headers: { cookie: who.cookie, 'content-type': type },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: res.status, text, json: <T = Json>() => json as T };
  };
  const exportDoc = async (who: Person) => {
    const res = await t.call('GET', '/api/v1/export?format=json', { cookie: who.cookie });
    expect(res.status, res.text).toBe(200);
    const doc = res.json<Json & { practices: Json[] }>();
    const { exportedAt: _ignored, ...stable } = doc;
    return stable as Json & { practices: Array<Json & { checkins: Json[]; name: string }> };
  };
  const practices = async (who: Person) =>
    (await t.call('GET', '/api/v1/practices?state=all', { cookie: who.cookie })).json<{ practices: PracticeJson[] }>()
      .practices;
  const strength = async (who: Person, id: string, from: string, to: string) =>
    (await t.call('GET', `/api/v1/practices/${id}/strength?from=${from}&to=${to}`, { cookie: who.cookie })).json<{
      points: { date: string; score: number }[];
    }>().points;

  const habits: LoopHabit[] = [
    { id: 1, name: 'Meditate', question: 'Did you meditate today?', position: 0, color: 11, uuid: 'uuid-meditate' },
    {
      id: 2,
      name: 'Run',
      description: 'Around the park',
      freqNum: 3,
      freqDen: 7,
      position: 1,
      color: 7,
      uuid: 'uuid-run',
    },
    {
      id: 3,
      name: 'Coffee',
      question: 'How many cups?',
      type: 1,
      targetType: 1,
      targetValue: 2,
      unit: 'cups',
      position: 2,
      color: 16,
      uuid: 'uuid-coffee',
    },
    { id: 4, name: 'Old habit', archived: 1, position: 3, color: 99, uuid: 'uuid-old' },
  ];
  const reps: LoopRep[] = [
    ...days('2026-11-01', 20).map((date) => ({ habit: 1, date, value: 2 })),
    { habit: 2, date: '2026-11-02', value: 2, notes: 'easy, 5 km' },
    { habit: 2, date: '2026-11-04', value: 3 },
    { habit: 2, date: '2026-11-05', value: 2 },
    { habit: 2, date: '2026-11-06', value: 0 },
    { habit: 2, date: '2026-11-07', value: 1 },
    { habit: 3, date: '2026-11-10', value: 3000 },
    { habit: 3, date: '2026-11-11', value: 1500 },
  ];

  it('imports a Loop backup: habits, frequencies, targets, archive state, order, notes and colours', async () => {
    const res = await upload(ann, '/api/v1/imports/loop', loopBackup(habits, reps));
    expect(res.status, res.text).toBe(200);
    const s = res.json<Summary>();
    expect(s).toMatchObject({
      source: 'loop',
      format: 'loop-backup',
      practicesCreated: 4,
      practicesUpdated: 0,
      restored: null,
    });
    expect(s.checkins).toBe(20 + 4 + 2);
    expect(s.notMapped.some((n) => n.item.includes('1 automatic'))).toBe(true);
    expect(s.warnings.some((w) => w.includes('colour 99'))).toBe(true);

    const list = await practices(ann);
    expect(list.map((p) => p.name)).toEqual(['Meditate', 'Run', 'Coffee', 'Old habit']);
    const [meditate, run, coffee, old] = list;
    expect(meditate).toMatchObject({
      why: 'Did you meditate today?',
      color: '#1976d2',
      kind: 'boolean',
      state: 'active',
      schedule: { effectiveFrom: '2026-11-01', frequency: { kind: 'times', times: 1, days: 1 } },
    });
    expect(run).toMatchObject({
      description: 'Around the park',
      why: null,
      color: '#388e3c',
      schedule: { effectiveFrom: '2026-11-02', frequency: { kind: 'times', times: 3, days: 7 } },
    });
    expect(coffee).toMatchObject({
      kind: 'measurable',
      unit: 'cups',
      target: 2,
      targetType: 'atMost',
      why: 'How many cups?',
      color: '#5d4037',
    });
    expect(old).toMatchObject({ state: 'archived', schedule: { effectiveFrom: '2026-11-21' } });

    const runCheckins = (await t.call('GET', `/api/v1/practices/${run!.id}/checkins`, { cookie: ann.cookie })).json<{
      checkins: Json[];
    }>().checkins;
    expect(runCheckins.map((c) => [c.date, c.status, c.note])).toEqual([
      ['2026-11-02', 'done', 'easy, 5 km'],
      ['2026-11-04', 'skipped', null],
      ['2026-11-05', 'done', null],
      ['2026-11-06', 'notDone', null],
    ]);
    const coffeeCheckins = (
      await t.call('GET', `/api/v1/practices/${coffee!.id}/checkins`, { cookie: ann.cookie })
    ).json<{ checkins: Json[] }>().checkins;
    expect(coffeeCheckins.map((c) => c.value)).toEqual([3, 1.5]);
  });

  it("gives the strength Loop shows on each day (Loop's published 20-day case, within 1e-6)", async () => {
    const meditate = (await practices(ann)).find((p) => p.name === 'Meditate')!;
    const points = await strength(ann, meditate.id, '2026-11-01', '2026-11-20');
    expect(points.map((p) => p.date)).toEqual(days('2026-11-01', 20));
    points.forEach((p, i) => {
      expect(Math.abs(p.score - LOOP_20_DAYS[i]!), p.date).toBeLessThanOrEqual(1e-6);
    });
    // A skipped day leaves Loop's score unchanged.
    const run = (await practices(ann)).find((p) => p.name === 'Run')!;
    const runPoints = await strength(ann, run.id, '2026-11-03', '2026-11-04');
    expect(runPoints[1]!.score).toBe(runPoints[0]!.score);
  });

  it('updates instead of duplicating when the same backup is imported again', async () => {
    const before = await exportDoc(ann);
    const changed = habits.map((h) => (h.id === 1 ? { ...h, name: 'Meditate 10 minutes' } : h));
    clock.set('2026-11-21T11:00:00Z');
    const res = await upload(ann, '/api/v1/imports/loop', loopBackup(changed, reps));
    clock.set('2026-11-21T10:00:00Z');
    expect(res.status, res.text).toBe(200);
    expect(res.json<Summary>()).toMatchObject({ practicesCreated: 0, practicesUpdated: 4 });
    const after = await exportDoc(ann);
    expect(after.practices).toHaveLength(before.practices.length);
    // Still archived since the first import; the update is dated.
    const oldOne = (doc: typeof before) => doc.practices.find((p) => p.name === 'Old habit');
    expect(oldOne(after)?.archivedAt).toBe('2026-11-21T10:00:00.000Z');
    expect(oldOne(after)?.updatedAt).toBe('2026-11-21T11:00:00.000Z');
    expect(after.practices.map((p) => p.name)).toContain('Meditate 10 minutes');
    expect(after.practices.reduce((n, p) => n + p.checkins.length, 0)).toBe(
      before.practices.reduce((n, p) => n + p.checkins.length, 0),
    );
    // Strength is still Loop's after the update (the cache was reset).
    const meditate = (await practices(ann)).find((p) => p.name === 'Meditate 10 minutes')!;
    const points = await strength(ann, meditate.id, '2026-11-20', '2026-11-20');
    expect(Math.abs(points[0]!.score - 0.655747)).toBeLessThanOrEqual(1e-6);
  });

  // The layout Loop's exporter writes (uhabits-core HabitsCSVExporter.kt): Habits.csv, one
  // "%03d <name>" folder a habit with Checkmarks.csv ("Date,Value,Notes"; labels for yes/no values,
  // amounts × 1000) and Scores.csv, and all-habit Checkmarks.csv and Scores.csv at the root.
  it("imports Loop's CSV export (a ZIP): computed entries are not check-ins", async () => {
    const person = await t.signUp('Csv');
    // Today, seen (and cached) before the import, shows the imported practices after it.
    const todayNames = async () =>
      (await t.call('GET', '/api/v1/today', { cookie: person.cookie }))
        .json<{ items: Array<{ practice: { name: string } }> }>()
        .items.map((i) => i.practice.name);
    expect(await todayNames()).toEqual([]);
    const archive = zip({
      'Habits.csv':
        'Position,Name,Type,Question,Description,FrequencyNumerator,FrequencyDenominator,Color,Unit,Target Type,Target Value,Archived?\n' +
        '001,Read,YES_NO,"Did you read, today?",,1,1,#FF8F00,,,,false\n' +
        '002,Water,NUMERICAL,,,1,1,#00897B,glasses,AT_LEAST,8.0,true\n',
      'Checkmarks.csv': 'Date,Read,Water,\n2026-11-03,YES_MANUAL,UNKNOWN,\n2026-11-02,YES_AUTO,6500,\n',
      'Scores.csv': 'Date,Read,Water,\n2026-11-03,0.1000,0.0500,\n2026-11-02,0.0500,0.0500,\n',
      '001 Read/Checkmarks.csv':
        'Date,Value,Notes\n2026-11-03,YES_MANUAL,"a good book, finally"\n2026-11-02,YES_AUTO,\n2026-11-01,SKIP,\n2026-10-31,NO,\n',
      '001 Read/Scores.csv': 'Date,Score\n2026-11-03,0.1000\n',
      '002 Water/Checkmarks.csv': 'Date,Value,Notes\n2026-11-02,6500,\n2026-11-01,NO,\n',
      '002 Water/Scores.csv': 'Date,Score\n2026-11-02,0.0500\n',
    });
    const res = await upload(person, '/api/v1/imports/loop', archive, 'application/zip');
    expect(res.status, res.text).toBe(200);
    expect(res.json<Summary>()).toMatchObject({ format: 'loop-csv-zip', practicesCreated: 2, checkins: 3 });
    expect(await todayNames()).toContain('Read');
    const list = await practices(person);
    expect(list[0]).toMatchObject({ name: 'Read', why: 'Did you read, today?', color: '#ff8f00', state: 'active' });
    expect(list[1]).toMatchObject({ name: 'Water', kind: 'measurable', target: 8, unit: 'glasses', state: 'archived' });
    const read = (await t.call('GET', `/api/v1/practices/${list[0]!.id}/checkins`, { cookie: person.cookie })).json<{
      checkins: Json[];
    }>().checkins;
    expect(read.map((c) => [c.date, c.status, c.note])).toEqual([
      ['2026-11-01', 'skipped', null],
      ['2026-11-03', 'done', 'a good book, finally'],
    ]);
    const water = (await t.call('GET', `/api/v1/practices/${list[1]!.id}/checkins`, { cookie: person.cookie })).json<{
      checkins: Json[];
    }>().checkins;
    expect(water.map((c) => [c.date, c.value])).toEqual([['2026-11-02', 6.5]]);
    // Stored (not deflated) entries read too; a second import matches by name.
    const again = await upload(
      person,
      '/api/v1/imports/loop',
      zip({ 'Habits.csv': 'Position,Name\n001,Read\n' }, false),
    );
    expect(again.status, again.text).toBe(200);
    expect(again.json<Summary>()).toMatchObject({ practicesCreated: 0, practicesUpdated: 1 });
  });

  it('imports a Habitica export and lists what it could not map', async () => {
    const person = await t.signUp('Habitica');
    const at = (date: string) => Date.parse(`${date}T08:00:00Z`);
    const userdata = {
      preferences: { timezoneOffset: 0 },
      tasks: {
        habits: [
          {
            id: 'h1',
            text: 'Drink water',
            notes: 'a glass',
            up: true,
            down: false,
            history: [
              { date: at('2026-11-01'), value: 1, scoredUp: 1, scoredDown: 0 },
              { date: at('2026-11-01') + 3600_000, value: 2, scoredUp: 1, scoredDown: 0 },
              { date: at('2026-11-03'), value: 3, scoredUp: 2, scoredDown: 0 },
            ],
          },
          { id: 'h2', text: 'Junk food', up: false, down: true, history: [] },
        ],
        dailys: [
          {
            id: 'd1',
            text: 'Stretch',
            frequency: 'weekly',
            everyX: 1,
            repeat: { m: true, t: false, w: true, th: false, f: true, s: false, su: false },
            history: [
              { date: at('2026-11-02'), value: 1, isDue: true, completed: true },
              { date: at('2026-11-04'), value: 0, isDue: true, completed: false },
              { date: at('2026-11-05'), value: 0, isDue: false, completed: false },
            ],
          },
          { id: 'd2', text: 'Every other day', frequency: 'daily', everyX: 2, history: [] },
          { id: 'd3', text: 'Pay rent', frequency: 'monthly', everyX: 1, daysOfMonth: [1], history: [] },
        ],
        todos: [{ id: 'x1', text: 'File taxes' }],
        rewards: [],
      },
    };
    const res = await upload(person, '/api/v1/imports/habitica', JSON.stringify(userdata), 'application/json');
    expect(res.status, res.text).toBe(200);
    const s = res.json<Summary>();
    expect(s).toMatchObject({ source: 'habitica', practicesCreated: 3, checkins: 4 });
    const reasons = s.notMapped.map((n) => n.item);
    expect(reasons).toEqual(expect.arrayContaining(['habit "Junk food"', 'daily "Pay rent"', 'to-do "File taxes"']));
    expect(s.notMapped.find((n) => n.item === 'to-do "File taxes"')?.reason).toMatch(/one-off/);
    const list = await practices(person);
    expect(list.map((p) => [p.name, p.schedule.frequency])).toEqual([
      ['Drink water', { kind: 'times', times: 1, days: 1 }],
      ['Stretch', { kind: 'weekdays', weekdays: ['monday', 'wednesday', 'friday'] }],
      ['Every other day', { kind: 'interval', everyDays: 2 }],
    ]);
    const stretch = (await t.call('GET', `/api/v1/practices/${list[1]!.id}/checkins`, { cookie: person.cookie })).json<{
      checkins: Json[];
    }>().checkins;
    expect(stretch.map((c) => [c.date, c.status])).toEqual([
      ['2026-11-02', 'done'],
      ['2026-11-04', 'notDone'],
    ]);
    const again = await upload(person, '/api/v1/imports/habitica', JSON.stringify(userdata), 'application/json');
    expect(again.json<Summary>()).toMatchObject({ practicesCreated: 0, practicesUpdated: 3 });
  });

  it('refuses corrupt, truncated and foreign files with a clear 400 and writes nothing', async () => {
    const before = await exportDoc(ann);
    const good = loopBackup(habits, reps);
    const goodZip = zip({ 'Habits.csv': 'Position,Name\n001,Read\n', '001 Read/Checkmarks.csv': '2026-11-01,2\n' });
    const corruptZip = Buffer.from(goodZip);
    corruptZip[40] = corruptZip[40]! ^ 0xff; // inside the deflated data of Habits.csv
    const cases: Array<[string, string, Uint8Array | string, RegExp]> = [
      ['loop', 'truncated SQLite', good.subarray(0, Math.floor(good.length / 2)), /truncated/],
      ['loop', 'random bytes', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)), /not a Loop/],
      ['loop', 'wrong user_version', loopBackup(habits, reps, 21), /version 21/],
      ['loop', 'zip without Habits.csv', zip({ 'notes.txt': 'hello' }), /no Habits\.csv/],
      ['loop', 'corrupt zip', corruptZip, /corrupt|checksum|size/],
      ['loop', 'truncated zip', goodZip.subarray(0, goodZip.length - 30), /truncated|end-of-archive/],
      ['loop', 'a SQLite file that is not Loop', sqliteWithoutLoopTables(), /not a Loop/],
      ['habitica', 'JSON of the wrong shape', JSON.stringify({ tasks: { habits: [{ text: 3 }] } }), /Habitica/],
      ['habitica', 'not JSON', 'this is not json', /not JSON/],
      ['habitica', 'a JSON array', '[]', /Habitica/],
    ];
    for (const [source, what, body, message] of cases) {
      const res = await upload(ann, `/api/v1/imports/${source}`, body);
      expect(res.status, `${what}: ${res.text}`).toBe(400);
      const err = res.json<{ error: { code: string; message: string; details?: { issues?: { path: string }[] } } }>()
        .error;
      expect(err.code, what).toBe('VALIDATION_FAILED');
      expect(err.message, what).toMatch(message);
      expect(err.details?.issues?.length, what).toBeGreaterThan(0);
    }
    const empty = await upload(ann, '/api/v1/imports/loop', new Uint8Array());
    expect(empty.status).toBe(400);
    const wrongType = await upload(ann, '/api/v1/imports/loop', 'x', 'text/plain');
    expect(wrongType.status).toBe(415);
    expect(await exportDoc(ann)).toEqual(before);
  });

  it('refuses uploads above the size limit with 413 and a clear message', async () => {
    const res = await upload(ann, '/api/v1/imports/loop', new Uint8Array(LIMITS.importBytes + 1024));
    expect(res.status).toBe(413);
    expect(res.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringMatching(/larger than 50 MB/),
    });
  });

  it('exports a backup that restores into an empty account and exports again identically', async () => {
    // Give Ann everything a backup holds: areas, a schedule change, pauses, energy and an if-then plan.
    const area = (await t.call('POST', '/api/v1/areas', { cookie: ann.cookie, body: { name: 'Health' } })).json<{
      area: { id: string };
    }>().area;
    const created = await t.call('POST', '/api/v1/practices', {
      cookie: ann.cookie,
      body: {
        name: 'Walk, "outside"',
        areaId: area.id,
        frequency: { kind: 'weekdays', weekdays: ['monday', 'friday'] },
        ifThen: { cue: 'after lunch', action: 'I walk around the block' },
        startDate: '2026-11-01',
      },
    });
    const walk = created.json<{ practice: { id: string } }>().practice;
    await t.call('PATCH', `/api/v1/practices/${walk.id}`, {
      cookie: ann.cookie,
      body: { schedule: { frequency: { kind: 'interval', everyDays: 2 }, effectiveFrom: '2026-11-10' } },
    });
    await t.call('PUT', `/api/v1/practices/${walk.id}/checkins/2026-11-02`, {
      cookie: ann.cookie,
      body: { note: 'rain,\n"cold"', energy: 2 },
    });
    await t.call('POST', `/api/v1/practices/${walk.id}/pause`, {
      cookie: ann.cookie,
      body: { from: '2026-11-05', to: '2026-11-08' },
    });
    const doomed = (
      await t.call('POST', '/api/v1/practices', {
        cookie: ann.cookie,
        body: { name: 'Deleted one', frequency: { kind: 'times', times: 1, days: 1 } },
      })
    ).json<{ practice: { id: string } }>().practice;
    await t.call('DELETE', `/api/v1/practices/${doomed.id}`, { cookie: ann.cookie });

    const res = await t.call('GET', '/api/v1/export?format=json', { cookie: ann.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="tack-backup-/);
    const original = res.json<Json>();
    expect(original).toMatchObject({ format: 'tack-backup', version: 2 });

    const carl = await t.signUp('Carl');
    const restored = await upload(carl, '/api/v1/restore', res.text, 'application/json');
    expect(restored.status, restored.text).toBe(200);
    expect(restored.json<Summary>()).toMatchObject({ source: 'backup', practicesCreated: 6, areas: 1 });
    const { exportedAt: _a, ...expected } = original;
    expect(await exportDoc(carl)).toEqual(expected);

    // Into a non-empty account: 409 with a clear message, nothing written.
    const before = await exportDoc(ann);
    const again = await upload(ann, '/api/v1/restore', res.text, 'application/json');
    expect(again.status).toBe(409);
    expect(again.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/empty account/),
    });
    expect(await exportDoc(ann)).toEqual(before);

    // A damaged or foreign document: 400 naming the field; nothing written.
    const dora = await t.signUp('Dora');
    const broken = structuredClone(original) as { practices: Array<{ schedule: unknown[] }> };
    broken.practices[1]!.schedule = [];
    const bad = await upload(dora, '/api/v1/restore', JSON.stringify(broken), 'application/json');
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/practices\.1\.schedule/);
    const twins = structuredClone(original) as { practices: Array<{ external: unknown }> };
    twins.practices[1]!.external = twins.practices[0]!.external;
    const dup = await upload(dora, '/api/v1/restore', JSON.stringify(twins), 'application/json');
    expect(dup.status, dup.text).toBe(400);
    expect(dup.text).toMatch(/practices\.1\.external/);
    const future = await upload(dora, '/api/v1/restore', JSON.stringify({ ...original, version: 3 }));
    expect(future.status).toBe(400);
    expect(future.text).toMatch(/version 3/);
    expect((await exportDoc(dora)).practices).toEqual([]);
  });

  it('exports CSV: a header and one properly quoted row per check-in', async () => {
    const res = await t.call('GET', '/api/v1/export?format=csv', { cookie: ann.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe('practice,area,kind,unit,target,target_type,date,status,value,note,energy');
    const doc = await exportDoc(ann);
    const total = doc.practices.reduce((n, p) => n + p.checkins.length, 0);
    // The quoted note holds a line break, so count records by their trailing CRLF outside quotes.
    expect(res.text).toContain('"Walk, ""outside""",Health,boolean,,,,2026-11-02,done,,"rain,\n""cold""",2\r\n');
    expect(res.text).toContain('Coffee,,measurable,cups,2,atMost,2026-11-11,done,1.5,,\r\n');
    const records = res.text.match(/\r\n/g)?.length ?? 0;
    expect(records).toBe(total + 1);
  });

  it("exports only the caller's own data; restore and erasure only touch the caller", async () => {
    expect((await exportDoc(bob)).practices).toEqual([]);
    expect((await t.call('GET', '/api/v1/export?format=json')).status).toBe(401);
    expect(
      (
        await t.call('POST', '/api/v1/imports/loop', {
          rawBody: 'x',
          headers: { 'content-type': 'application/octet-stream' },
        })
      ).status,
    ).toBe(401);
  });

  it('erases an account after a confirmation and a 7-day grace period, cancellable', async () => {
    const eve = await t.signUp('Eve');
    await upload(eve, '/api/v1/imports/loop', loopBackup(habits, reps));
    const annBefore = await exportDoc(ann);
    const wrong = await t.call('POST', '/api/v1/me/erasure', { cookie: eve.cookie, body: { confirm: 'nope' } });
    expect(wrong.status).toBe(409);
    expect(wrong.json<{ error: { code: string } }>().error.code).toBe('CONFIRMATION_REQUIRED');

    const asked = await t.call('POST', '/api/v1/me/erasure', { cookie: eve.cookie, body: { confirm: eve.email } });
    expect(asked.status, asked.text).toBe(202);
    expect(asked.json()).toEqual({
      scheduled: true,
      requestedAt: '2026-11-21T10:00:00.000Z',
      purgeAfter: '2026-11-28T10:00:00.000Z',
    });
    const cancelled = await t.call('DELETE', '/api/v1/me/erasure', { cookie: eve.cookie });
    expect(cancelled.json()).toMatchObject({ scheduled: false });
    expect((await t.call('DELETE', '/api/v1/me/erasure', { cookie: eve.cookie })).status).toBe(404);
    await t.call('POST', '/api/v1/me/erasure', { cookie: eve.cookie, body: { confirm: eve.email } });

    const svc = t.server.app.services.portability;
    clock.set('2026-11-28T09:59:00Z');
    expect(await svc.purgeErasures()).toBe(0);
    expect((await t.call('GET', '/api/v1/me/erasure', { cookie: eve.cookie })).json()).toMatchObject({
      scheduled: true,
    });
    clock.set('2026-11-28T10:00:00Z');
    expect(await svc.purgeErasures()).toBe(1);
    expect((await t.call('GET', '/api/v1/me', { cookie: eve.cookie })).status).toBe(401);
    const signIn = await t.call('POST', '/api/auth/sign-in/email', {
      body: { email: eve.email, password: eve.password },
    });
    expect(signIn.status).not.toBe(200);
    clock.set('2026-11-21T10:00:00Z');
    expect(await exportDoc(ann)).toEqual(annBefore);
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).json<{
      paths: Record<string, { post?: { requestBody?: { content?: Record<string, unknown> } } }>;
    }>();
    expect(Object.keys(doc.paths['/api/v1/imports/loop']?.post?.requestBody?.content ?? {})).toContain(
      'application/octet-stream',
    );
    for (const p of [
      '/api/v1/imports/loop',
      '/api/v1/imports/habitica',
      '/api/v1/export',
      '/api/v1/restore',
      '/api/v1/me/erasure',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });

  // Volume, not speed: speed is measured by benchmarks (docs/PERFORMANCE.md), never by a timed test.
  it('imports 50 habits with 10 years of daily entries, and re-imports them as updates', async () => {
    const person = await t.signUp('Bulk');
    const many: LoopHabit[] = Array.from({ length: 50 }, (_, i) => ({
      id: i + 1,
      name: `Habit ${i + 1}`,
      position: i,
      uuid: `bulk-${i + 1}`,
    }));
    const dates = days('2016-11-22', 3652);
    const bulkReps: LoopRep[] = many.flatMap((h) => dates.map((date) => ({ habit: h.id, date, value: 2 })));
    const file = loopBackup(many, bulkReps);
    const runs =
      dialect.name === 'sqlite' ? [{ practicesCreated: 50 }, { practicesUpdated: 50 }] : [{ practicesCreated: 50 }];
    for (const expected of runs) {
      const res = await upload(person, '/api/v1/imports/loop', file);
      expect(res.status, res.text).toBe(200);
      expect(res.json<Summary>()).toMatchObject({ ...expected, checkins: 50 * 3652 });
    }
  }, 120_000);
});

/** A real SQLite file, of the right user_version, that is not a Loop backup. */
function sqliteWithoutLoopTables(): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'not-loop-'));
  try {
    const file = join(dir, 'x.db');
    const db = new SQLite(file);
    db.exec('CREATE TABLE notes (id integer primary key, body text); INSERT INTO notes (body) VALUES (1);');
    db.pragma('user_version = 24');
    db.close();
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
