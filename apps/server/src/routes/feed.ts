import {
  errorBodySchema,
  feedRotateSchema,
  feedSecretParamsSchema,
  feedSettingsBodySchema,
  updateFeedSettingsSchema,
  type Weekday,
} from '@tack/contracts';
import type { FeedCalendar, FeedEvent } from '@tack/core';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import type { FastifyInstance, FastifyReply } from 'fastify';
import ical from 'ical-generator';
import { z } from 'zod';
import { type RouteDeps, typed } from './types.ts';

const errors = { 400: errorBodySchema, 401: errorBodySchema, 404: errorBodySchema };

const BYDAY: Record<Weekday, string> = {
  monday: 'MO',
  tuesday: 'TU',
  wednesday: 'WE',
  thursday: 'TH',
  friday: 'FR',
  saturday: 'SA',
  sunday: 'SU',
};

function addMinutes(date: string, time: string, minutes: number): string {
  // Wall-clock arithmetic on a local date and time (no zone involved): UTC methods only.
  const d = new Date(`${date}T${time}:00Z`);
  d.setUTCMinutes(d.getUTCMinutes() + minutes);
  return d.toISOString().slice(0, 19);
}

/** The UTC instant of a wall-clock time in `timeZone` (two passes settle DST edges). */
export function zonedToUtc(local: string, timeZone: string): Date {
  const asUtc = Date.parse(`${local}Z`);
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const offsetAt = (instant: number) => {
    const p = Object.fromEntries(fmt.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
    return (
      Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) -
      instant
    );
  };
  let guess = asUtc - offsetAt(asUtc);
  guess = asUtc - offsetAt(guess);
  return new Date(guess);
}

const icalUtc = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** An RRULE value (RFC 5545 3.3.10). UNTIL is UTC, as the standard requires with a zoned DTSTART. */
export function rruleOf(e: FeedEvent, timeZone: string): string {
  const parts = [`FREQ=${e.recurrence.freq}`, `INTERVAL=${e.recurrence.interval}`];
  if (e.recurrence.byDay) parts.push(`BYDAY=${e.recurrence.byDay.map((d) => BYDAY[d]).join(',')}`);
  if (e.until) parts.push(`UNTIL=${icalUtc(zonedToUtc(`${e.until}T23:59:59`, timeZone))}`);
  return parts.join(';');
}

/** The calendar as iCalendar text: recurring events with RRULEs, times in the person's zone (TZID). */
export function renderCalendar(cal: FeedCalendar, stamp: Date): string {
  // No calendar-wide zone: with one, ical-generator writes DTSTAMP without its UTC "Z".
  const out = ical({ name: cal.name, prodId: { company: 'Tack', product: 'Tack', language: 'EN' } });
  out.x([{ key: 'X-WR-TIMEZONE', value: cal.timeZone }]);
  // A VTIMEZONE for every zone the events use (RFC 5545 3.6.5): calendar apps need the definition, not only the name.
  out.timezone({ name: null, generator: getVtimezoneComponent });
  for (const e of cal.events) {
    out.createEvent({
      id: e.uid,
      stamp,
      start: `${e.startDate}T${e.startTime}:00`,
      end: addMinutes(e.startDate, e.startTime, e.minutes),
      timezone: cal.timeZone,
      summary: e.summary,
      description: e.description,
      repeating: rruleOf(e, cal.timeZone),
    });
  }
  // RFC 5545 3.1: every content line ends in CRLF, the last one too (ical-generator leaves it off).
  const text = out.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

export async function feedRoutes(app: FastifyInstance, { services }: RouteDeps) {
  const r = typed(app);
  const svc = services.feed;
  const tags = ['feed'];

  r.get(
    '/api/v1/feed/settings',
    {
      schema: {
        tags,
        summary: 'When your weekly review happens, and whether a calendar URL exists',
        response: { 200: feedSettingsBodySchema, ...errors },
      },
    },
    async (req) => ({ settings: await svc.settings(await req.actor()) }),
  );

  r.patch(
    '/api/v1/feed/settings',
    {
      schema: {
        tags,
        summary: "Set the review's day, time and length",
        body: updateFeedSettingsSchema,
        response: { 200: feedSettingsBodySchema, ...errors },
      },
    },
    async (req) => ({ settings: await svc.updateSettings(await req.actor(), req.body) }),
  );

  r.post(
    '/api/v1/feed/rotate',
    {
      schema: {
        tags,
        summary: 'Make a new secret calendar URL (the old one stops working); shown once',
        response: { 200: feedRotateSchema, ...errors },
      },
    },
    async (req) => {
      const { secret, settings } = await svc.rotate(await req.actor());
      return { url: `${req.protocol}://${req.host}/api/v1/feed/${secret}.ics`, settings };
    },
  );

  r.delete(
    '/api/v1/feed',
    {
      schema: {
        tags,
        summary: 'Revoke the calendar URL: it answers 404 from now on',
        response: { 204: z.null().describe('Revoked'), ...errors },
      },
    },
    async (req, reply) => {
      await svc.revoke(await req.actor());
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/feed/:secret.ics',
    {
      // The URL is the secret: the request log writes it as /api/v1/feed/….ics (loggedPath in app.ts).
      schema: {
        tags,
        summary: 'Your calendar (iCalendar): the weekly review and each active practice, recurring',
        description: 'No sign-in: the secret in the URL is the key. Revoked or rotated secrets answer 404.',
        params: feedSecretParamsSchema,
        produces: ['text/calendar'],
        response: { 200: z.string().describe('iCalendar'), ...errors },
      },
    },
    async (req, typedReply) => {
      const reply = typedReply as unknown as FastifyReply;
      const cal = await svc.calendar(req.params.secret);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(renderCalendar(cal, new Date()));
    },
  );
}
