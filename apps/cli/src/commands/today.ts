import { type Today, type TodayItem, todayTally } from '@tack/contracts';
import type { Command } from 'commander';
import type { Register } from '../context.ts';
import { oneLine, width } from '../output.ts';
import { mark, measureText, offTargetWords, percent, statusWords, weekdayOf } from '../practice-format.ts';
import { DAY_HINT, dayResolver } from '../practice-lookup.ts';

interface TodayOptions {
  date?: string;
  json?: boolean;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The pause covering `date`, in words: "paused until resumed" / "paused through 2026-12-01". */
function pausedWords(item: TodayItem, date: string): string {
  const pause = item.practice.pauses.find((p) => p.from <= date && (p.to === null || p.to >= date));
  if (!pause) return 'paused';
  return pause.to === null ? 'paused until resumed' : `paused through ${pause.to}`;
}

/** The Today view as lines: due practices grouped by area, then those not due, then paused ones. */
export function renderToday(today: Today, isToday: boolean): string[] {
  if (today.items.length === 0) {
    return ['No practices yet. Add one with \'tack practices add "Move 30 minutes" --daily\'.'];
  }
  const active = today.items.filter((i) => !i.paused);
  // As the web app: only due practices count toward "N of M done"; a check-in on a day that was not due
  // shows with the practices not due.
  const shown = active.filter((i) => i.due);
  const notDue = active.filter((i) => !i.due);
  const paused = today.items.filter((i) => i.paused);
  const nameWidth = Math.max(...today.items.map((i) => width(oneLine(i.practice.name))));

  const row = (item: TodayItem, sign: string, extra: string[]) => {
    const name = oneLine(item.practice.name);
    const pad = ' '.repeat(nameWidth - width(name));
    const tail = extra.filter(Boolean).map(oneLine).join('  ');
    return `  ${sign} ${name}${pad}  ${percent(item.strength).padStart(4)}${tail ? `  ${tail}` : ''}`.trimEnd();
  };
  const dueRow = (item: TodayItem) => {
    const c = item.checkin;
    return row(item, mark(c, item.practice), [
      measureText(item.practice, c?.value),
      c && c.status !== 'done' ? statusWords(c.status) : offTargetWords(item.practice, c),
    ]);
  };

  const tally = todayTally(shown);
  const counted = `${tally.done} of ${shown.length} done${tally.offTarget ? `, ${tally.offTarget} more logged off target` : ''}`;
  const day = `${capitalize(weekdayOf(today.date))} ${today.date}`;
  const lines = [`${isToday ? `Today, ${day}` : day} (${today.timeZone})${shown.length ? `: ${counted}` : ''}`];

  if (shown.length === 0) {
    lines.push('', 'Nothing due.');
  } else {
    const known = new Set(today.areas.map((a) => a.id));
    const groups = [
      ...today.areas.map((a) => ({ title: a.name, items: shown.filter((i) => i.practice.areaId === a.id) })),
      {
        title: 'No area',
        items: shown.filter((i) => i.practice.areaId === null || !known.has(i.practice.areaId)),
      },
    ].filter((g) => g.items.length > 0);
    const headed = groups.length > 1 || groups[0]?.title !== 'No area';
    for (const group of groups) {
      lines.push('');
      if (headed) lines.push(oneLine(group.title));
      for (const item of group.items) lines.push(dueRow(item));
    }
  }
  if (notDue.length > 0) {
    lines.push('', isToday ? 'Not due today' : 'Not due that day');
    for (const item of notDue)
      lines.push(item.checkin ? dueRow(item) : row(item, '·', [measureText(item.practice, null)]));
  }
  if (paused.length > 0) {
    lines.push('', 'Paused');
    for (const item of paused) lines.push(row(item, '‖', [pausedWords(item, today.date)]));
  }
  return lines;
}

export const register: Register = (program, ctx) => {
  program
    .command('today')
    .helpGroup('Practices:')
    .summary('show what is due today, with check-ins and strength')
    .description(
      "Show what is due today in your time zone, grouped by area: ✓ done, ◐ an amount logged below its daily target (or over its limit), – skipped, ✗ not done, ○ not checked in yet, with each practice's strength. " +
        'Practices not due today follow, and paused ones come last.',
    )
    .option('--date <date>', `show another day: ${DAY_HINT}`)
    .option('--json', 'print the Today object {date, timeZone, items, areas} as JSON')
    .addHelpText(
      'after',
      ['', 'Examples:', '  tack today', '  tack today --date yesterday', '  tack checkin "Move 30 minutes"'].join('\n'),
    )
    .action(async (_opts: TodayOptions, cmd: Command) => {
      const opts = ctx.options<TodayOptions>(cmd);
      const conn = await ctx.connect(cmd);
      const date = await dayResolver(conn.client).optional(opts.date, '--date');
      const today = await conn.client.today(date);
      if (opts.json) {
        ctx.out.json(today);
        return;
      }
      for (const line of renderToday(today, opts.date === undefined)) ctx.out.line(line);
    });
};
