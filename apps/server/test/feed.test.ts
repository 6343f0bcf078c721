import { fixedClock } from '@tack/core';
import { testDialects } from '@tack/db/testing';
import ICAL from 'ical.js';
import { rrulestr } from 'rrule';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, startTestServer, type TestServer } from './support.ts';

// ── A strict minimal RFC 5545 reader: line unfolding (3.1), content lines, nested components ──

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
}
interface Component {
  name: string;
  props: Property[];
  children: Component[];
}

const CONTENT_LINE = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)$/;

function parseICalendar(text: string): Component {
  // Every line ends in CRLF; no bare LF; no line longer than 75 octets (3.1).
  expect(text.endsWith('\r\n')).toBe(true);
  expect(/[^\r]\n/.test(text)).toBe(false);
  const physical = text.slice(0, -2).split('\r\n');
  for (const l of physical) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
  const lines: string[] = [];
  for (const l of physical) {
    if (l.startsWith(' ') || l.startsWith('\t')) {
      expect(lines.length).toBeGreaterThan(0);
      lines[lines.length - 1] += l.slice(1);
    } else lines.push(l);
  }
  const root: Component = { name: '', props: [], children: [] };
  const stack: Component[] = [root];
  for (const line of lines) {
    const m = CONTENT_LINE.exec(line);
    if (!m) throw new Error(`not an RFC 5545 content line: ${line}`);
    const name = m[1]!.toUpperCase();
    const params: Record<string, string> = {};
    for (const p of (m[2] ?? '').split(';').filter(Boolean)) {
      const [k, ...v] = p.split('=');
      params[k!.toUpperCase()] = v.join('=');
    }
    const value = m[3] ?? '';
    const top = stack[stack.length - 1]!;
    if (name === 'BEGIN') {
      const c: Component = { name: value, props: [], children: [] };
      top.children.push(c);
      stack.push(c);
    } else if (name === 'END') {
      expect(top.name).toBe(value);
      stack.pop();
    } else top.props.push({ name, params, value });
  }
  expect(stack).toHaveLength(1);
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

const prop = (c: Component, name: string) => c.props.find((p) => p.name === name);

// Saturday 2026-11-21, 10:00 UTC.
describe.each(testDialects())('calendar feed on $name', (dialect) => {
  let t: TestServer;
  let ann: Person;
  let bob: Person;
  const call = (who: Person, method: string, path: string, body?: unknown) =>
    t.call(method, path, body === undefined ? { cookie: who.cookie } : { cookie: who.cookie, body });
  const pathOf = (url: string) => new URL(url).pathname;

  beforeAll(async () => {
    t = await startTestServer(dialect, {}, fixedClock('2026-11-21T10:00:00Z'));
    ann = await t.signUp('Ann');
    bob = await t.signUp('Bob');
    expect((await call(ann, 'PATCH', '/api/v1/me', { timeZone: 'Europe/Amsterdam' })).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps the review slot in settings and validates it', async () => {
    let res = await call(ann, 'GET', '/api/v1/feed/settings');
    expect(res.json()).toEqual({
      settings: {
        reviewDay: 'sunday',
        reviewTime: '18:00',
        reviewMinutes: 10,
        practiceTime: '08:00',
        feedActive: false,
        feedCreatedAt: null,
      },
    });
    res = await call(ann, 'PATCH', '/api/v1/feed/settings', {
      reviewDay: 'friday',
      reviewTime: '17:30',
      reviewMinutes: 15,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.json()).toMatchObject({ settings: { reviewDay: 'friday', reviewTime: '17:30', reviewMinutes: 15 } });
    for (const [body, path] of [
      [{ reviewTime: '25:00' }, 'reviewTime'],
      [{ reviewDay: 'someday' }, 'reviewDay'],
      [{ reviewMinutes: 2 }, 'reviewMinutes'],
      [{ practiceTime: '7am' }, 'practiceTime'],
    ] as const) {
      const bad = await call(ann, 'PATCH', '/api/v1/feed/settings', body);
      expect(bad.status).toBe(400);
      expect(bad.text).toContain(path);
    }
    // Bob's settings are his own.
    expect((await call(bob, 'GET', '/api/v1/feed/settings')).json()).toMatchObject({
      settings: { reviewDay: 'sunday' },
    });
  });

  it("puts the review on the last day of the person's week until they choose a day", async () => {
    const sue = await t.signUp('Sue');
    expect((await call(sue, 'PATCH', '/api/v1/me', { weekStart: 'sunday' })).status).toBe(200);
    expect((await call(sue, 'GET', '/api/v1/feed/settings')).json()).toMatchObject({
      settings: { reviewDay: 'saturday', reviewTime: '18:00' },
    });
    // The calendar address keeps that day, and a later change of week start leaves a stored day alone.
    expect((await call(sue, 'POST', '/api/v1/feed/rotate')).status).toBe(200);
    expect((await call(sue, 'PATCH', '/api/v1/me', { weekStart: 'monday' })).status).toBe(200);
    expect((await call(sue, 'GET', '/api/v1/feed/settings')).json()).toMatchObject({
      settings: { reviewDay: 'saturday', feedActive: true },
    });
  });

  it('serves a valid iCalendar with the review and each active practice as recurring events in the zone', async () => {
    const mk = async (name: string, frequency: unknown, startDate = '2026-11-16') => {
      const res = await call(ann, 'POST', '/api/v1/practices', { name, frequency, startDate });
      expect(res.status, res.text).toBe(201);
      return res.json<{ practice: { id: string } }>().practice.id;
    };
    await mk('Run; fast, far', { kind: 'weekdays', weekdays: ['thursday', 'monday'] });
    await mk('Call parents', { kind: 'interval', everyDays: 3 });
    await mk('Read', { kind: 'times', times: 3, days: 7 });
    const stretch = await mk('Stretch', { kind: 'times', times: 1, days: 1 });
    const later = await call(ann, 'PATCH', `/api/v1/practices/${stretch}`, {
      schedule: { frequency: { kind: 'weekdays', weekdays: ['saturday'] }, effectiveFrom: '2026-11-30' },
    });
    expect(later.status, later.text).toBe(200);
    const paused = await mk('Paused one', { kind: 'times', times: 1, days: 1 });
    expect((await call(ann, 'POST', `/api/v1/practices/${paused}/pause`, {})).status).toBe(200);

    const rotated = await call(ann, 'POST', '/api/v1/feed/rotate');
    expect(rotated.status, rotated.text).toBe(200);
    const { url, settings } = rotated.json<{ url: string; settings: { feedActive: boolean } }>();
    expect(settings.feedActive).toBe(true);
    expect(url).toMatch(/\/api\/v1\/feed\/feed_[\w-]{43}\.ics$/);

    const res = await t.call('GET', pathOf(url)); // no cookie, no token: the secret is the key
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const cal = parseICalendar(res.text);
    expect(cal.name).toBe('VCALENDAR');
    expect(prop(cal, 'VERSION')?.value).toBe('2.0');
    expect(prop(cal, 'PRODID')).toBeDefined();
    const events = cal.children.filter((c) => c.name === 'VEVENT');
    const stretches = events.filter((e) => prop(e, 'SUMMARY')?.value === 'Stretch');
    const bySummary = new Map(events.map((e) => [prop(e, 'SUMMARY')?.value, e]));
    expect([...bySummary.keys()].sort()).toEqual([
      'Call parents',
      'Read',
      'Run\\; fast\\, far',
      'Stretch',
      'Weekly review (Tack)',
    ]);
    // A schedule version from 2026-11-30 on: the daily rule ends (UNTIL, in UTC) the evening before.
    expect(stretches.map((e) => [prop(e, 'DTSTART')?.value, prop(e, 'RRULE')?.value])).toEqual([
      ['20261116T080000', 'FREQ=DAILY;INTERVAL=1;UNTIL=20261129T225959Z'],
      ['20261205T080000', 'FREQ=WEEKLY;INTERVAL=1;BYDAY=SA'],
    ]);
    for (const e of events) {
      expect(prop(e, 'UID')?.value).toMatch(/@tack$/);
      expect(prop(e, 'DTSTAMP')?.value).toMatch(/^\d{8}T\d{6}Z$/);
      const start = prop(e, 'DTSTART')!;
      expect(start.params.TZID).toBe('Europe/Amsterdam');
      expect(start.value).toMatch(/^\d{8}T\d{6}$/);
      expect(prop(e, 'DTEND')?.params.TZID).toBe('Europe/Amsterdam');
      const rrule = prop(e, 'RRULE')!;
      // A standard RRULE parser reads it back.
      const rule = rrulestr(`RRULE:${rrule.value}`);
      expect(rule.options.freq).toBeGreaterThanOrEqual(0);
    }
    const review = bySummary.get('Weekly review (Tack)')!;
    expect(prop(review, 'DTSTART')?.value).toBe('20261127T173000'); // the next Friday, 17:30 local
    expect(prop(review, 'DTEND')?.value).toBe('20261127T174500');
    expect(rrulestr(`RRULE:${prop(review, 'RRULE')!.value}`).options).toMatchObject({
      freq: 2,
      interval: 1,
      byweekday: [4],
    });
    const run = bySummary.get('Run\\; fast\\, far')!;
    expect(prop(run, 'DTSTART')?.value).toBe('20261116T080000');
    expect(rrulestr(`RRULE:${prop(run, 'RRULE')!.value}`).options).toMatchObject({ freq: 2, byweekday: [0, 3] });
    const callParents = bySummary.get('Call parents')!;
    expect(rrulestr(`RRULE:${prop(callParents, 'RRULE')!.value}`).options).toMatchObject({ freq: 3, interval: 3 });
    const read = bySummary.get('Read')!;
    expect(prop(read, 'DESCRIPTION')?.value).toContain('3 times in 7 days (a weekly reminder)');
    expect(rrulestr(`RRULE:${prop(read, 'RRULE')!.value}`).options).toMatchObject({ freq: 2, interval: 1 });

    // A standard parser: Mozilla's ical.js (Thunderbird's) reads the whole feed, including the VTIMEZONE, and
    // expands the recurrences to the right instants.
    const parsed = new ICAL.Component(ICAL.parse(res.text));
    const zones = parsed.getAllSubcomponents('vtimezone');
    expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Amsterdam']);
    for (const z of zones) ICAL.TimezoneService.register(z);
    const vevents = parsed.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(events.length);
    const weekly = vevents.find((v) => v.getFirstPropertyValue('summary') === 'Weekly review (Tack)');
    expect(weekly).toBeDefined();
    const occurrences = new ICAL.Event(weekly).iterator();
    const firstReview = occurrences.next();
    const secondReview = occurrences.next();
    expect(firstReview?.toString()).toBe('2026-11-27T17:30:00');
    expect(firstReview?.toJSDate().toISOString()).toBe('2026-11-27T16:30:00.000Z'); // CET is UTC+1
    expect(secondReview?.toString()).toBe('2026-12-04T17:30:00');
  });

  it('sends no reminders while a practice is paused: a planned pause splits the rule, an open one ends it', async () => {
    const mk = async (name: string) => {
      const res = await call(ann, 'POST', '/api/v1/practices', {
        name,
        frequency: { kind: 'weekdays', weekdays: ['monday', 'wednesday'] },
        startDate: '2026-11-16',
      });
      expect(res.status, res.text).toBe(201);
      return res.json<{ practice: { id: string } }>().practice.id;
    };
    const holiday = await mk('Swim');
    const pause = await call(ann, 'POST', `/api/v1/practices/${holiday}/pause`, {
      from: '2026-12-01',
      to: '2026-12-14',
    });
    expect(pause.status, pause.text).toBe(200);
    const stopping = await mk('Choir');
    const open = await call(ann, 'POST', `/api/v1/practices/${stopping}/pause`, { from: '2026-11-28', to: null });
    expect(open.status, open.text).toBe(200);

    const { url } = (await call(ann, 'POST', '/api/v1/feed/rotate')).json<{ url: string }>();
    const res = await t.call('GET', pathOf(url));
    expect(res.status, res.text).toBe(200);
    const parsed = new ICAL.Component(ICAL.parse(res.text));
    for (const z of parsed.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(z);
    const occurrences = (summary: string, until: string) =>
      parsed
        .getAllSubcomponents('vevent')
        .filter((v) => v.getFirstPropertyValue('summary') === summary)
        .flatMap((v) => {
          const out: string[] = [];
          const it = new ICAL.Event(v).iterator();
          for (let next = it.next(); next && next.toString().slice(0, 10) <= until; next = it.next())
            out.push(next.toString().slice(0, 10));
          return out;
        })
        .filter((d) => d >= '2026-11-21')
        .sort();
    // Mondays and Wednesdays, minus the two paused weeks, then on again.
    expect(occurrences('Swim', '2026-12-21')).toEqual([
      '2026-11-23',
      '2026-11-25',
      '2026-11-30',
      '2026-12-16',
      '2026-12-21',
    ]);
    // Paused until resumed: the reminders stop the day before the pause.
    expect(occurrences('Choir', '2027-01-31')).toEqual(['2026-11-23', '2026-11-25']);
  });

  it("rotating invalidates the old URL, revoking answers 404, and a secret is nobody else's", async () => {
    const first = (await call(ann, 'POST', '/api/v1/feed/rotate')).json<{ url: string }>().url;
    const second = (await call(ann, 'POST', '/api/v1/feed/rotate')).json<{ url: string }>().url;
    expect(second).not.toBe(first);
    expect((await t.call('GET', pathOf(first))).status).toBe(404);
    expect((await t.call('GET', pathOf(second))).status).toBe(200);
    // Bob's own feed shows his calendar, never Ann's; Ann's secret signed in as Bob is still only Ann's feed link.
    const bobs = (await call(bob, 'POST', '/api/v1/feed/rotate')).json<{ url: string }>().url;
    const bobCal = await t.call('GET', pathOf(bobs));
    expect(bobCal.text).not.toContain('Call parents');
    expect((await t.call('GET', '/api/v1/feed/feed_not-a-real-secret.ics')).status).toBe(404);
    // Bob revoking his feed leaves Ann's working.
    expect((await call(bob, 'DELETE', '/api/v1/feed')).status).toBe(204);
    expect((await t.call('GET', pathOf(bobs))).status).toBe(404);
    expect((await t.call('GET', pathOf(second))).status).toBe(200);
    expect((await call(ann, 'DELETE', '/api/v1/feed')).status).toBe(204);
    const gone = await t.call('GET', pathOf(second));
    expect(gone.status).toBe(404);
    expect(gone.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');
    expect((await call(ann, 'GET', '/api/v1/feed/settings')).json()).toMatchObject({ settings: { feedActive: false } });
    expect((await t.call('POST', '/api/v1/feed/rotate')).status).toBe(401);
  });
});
