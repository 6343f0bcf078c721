import type { CheckinDto, Practice } from '@tack/contracts';
import { WEEKDAYS, type Weekday } from '@tack/contracts';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import {
  addDays,
  daysBetween,
  energyLabel,
  formatIso,
  isPausedOn,
  longDate,
  shortWeekday,
  weekdayOfIso,
} from './lib.ts';

export type CellState = 'done' | 'skipped' | 'notDone' | 'paused' | 'none' | 'before';

const STATE_WORDS: Record<CellState, string> = {
  done: 'done',
  skipped: 'skipped',
  notDone: 'not done',
  paused: 'paused',
  none: 'no check-in',
  before: 'before the practice began',
};

export const LEGEND: Array<{ state: CellState; label: string }> = [
  { state: 'done', label: 'Done' },
  { state: 'skipped', label: 'Skipped' },
  { state: 'notDone', label: 'Not done' },
  { state: 'paused', label: 'Paused' },
  { state: 'none', label: 'No check-in' },
];

interface Cell {
  date: string;
  state: CellState;
  checkin: CheckinDto | undefined;
}

/** The grid's first day: the start of the week 52 weeks before the week of `today`. */
export function heatmapStart(today: string, weekStart: Weekday): string {
  const back = (WEEKDAYS.indexOf(weekdayOfIso(today)) - WEEKDAYS.indexOf(weekStart) + 7) % 7;
  return addDays(today, -back - 52 * 7);
}

export function cellState(p: Practice, date: string, checkin: CheckinDto | undefined, firstDay: string): CellState {
  if (checkin) return checkin.status;
  if (isPausedOn(p, date)) return 'paused';
  if (date < firstDay) return 'before';
  return 'none';
}

function describe(cell: Cell, unit: string | null): string {
  const parts = [`${longDate(cell.date)}: ${STATE_WORDS[cell.state]}`];
  const c = cell.checkin;
  if (c?.value !== null && c?.value !== undefined) parts.push(`${c.value}${unit ? ` ${unit}` : ''}`);
  if (c?.energy !== null && c?.energy !== undefined) parts.push(`energy: ${energyLabel(c.energy).toLowerCase()}`);
  if (c?.note) parts.push('has a note');
  return parts.join(', ');
}

/**
 * A year of check-ins as a 53-week × 7-day grid. It is an ARIA grid: one cell is in the tab order,
 * arrow keys move by day (up/down) and week (left/right), Home/End jump to the ends; the focused
 * day is described under the grid.
 */
export function Heatmap({
  practice,
  checkins,
  today,
  weekStart,
}: {
  practice: Practice;
  checkins: CheckinDto[];
  today: string;
  weekStart: Weekday;
}) {
  const start = heatmapStart(today, weekStart);
  const firstDay = practice.scheduleHistory[0]?.effectiveFrom ?? practice.createdAt.slice(0, 10);
  const byDate = useMemo(() => new Map(checkins.map((c) => [c.date, c])), [checkins]);
  const total = daysBetween(start, today) + 1;
  const weeks = Math.ceil(total / 7);
  const [focus, setFocus] = useState(total - 1);
  const grid = useRef<HTMLTableElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    // Show the latest weeks first on narrow screens.
    scroller.current?.scrollTo({ left: scroller.current.scrollWidth });
  }, []);

  useEffect(() => {
    if (!moved.current) return;
    grid.current?.querySelector<HTMLElement>(`[data-index="${focus}"]`)?.focus();
  }, [focus]);

  const cellAt = (index: number): Cell => {
    const date = addDays(start, index);
    const checkin = byDate.get(date);
    return { date, checkin, state: cellState(practice, date, checkin, firstDay) };
  };

  function onKeyDown(e: KeyboardEvent<HTMLTableElement>) {
    const steps: Record<string, number> = { ArrowUp: -1, ArrowDown: 1, ArrowLeft: -7, ArrowRight: 7 };
    let next = focus;
    if (e.key in steps) next = focus + (steps[e.key] ?? 0);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = total - 1;
    else if (e.key === 'PageUp') next = focus - 28;
    else if (e.key === 'PageDown') next = focus + 28;
    else return;
    e.preventDefault();
    moved.current = true;
    setFocus(Math.max(0, Math.min(total - 1, next)));
  }

  const dayOrder = Array.from({ length: 7 }, (_, i) => WEEKDAYS[(WEEKDAYS.indexOf(weekStart) + i) % 7] ?? 'monday');
  const focused = cellAt(focus);

  return (
    <div className="heatmap">
      <div className="heatmap-scroll" ref={scroller}>
        <table
          ref={grid}
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the APG data grid pattern on a table
          role="grid"
          className="heatmap-grid"
          aria-label={`Check-ins of ${practice.name}, ${weeks} weeks to ${longDate(today)}`}
          aria-describedby="heatmap-focused"
          onKeyDown={onKeyDown}
        >
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Day</span>
              </th>
              {Array.from({ length: weeks }, (_, w) => {
                const first = addDays(start, w * 7);
                const prev = addDays(first, -7);
                const newMonth =
                  w === 0 || formatIso(first, { month: 'short' }) !== formatIso(prev, { month: 'short' });
                return (
                  <th key={first} scope="col" className="heatmap-month">
                    {newMonth && <span aria-hidden="true">{formatIso(first, { month: 'short' })}</span>}
                    <span className="visually-hidden">
                      Week of {formatIso(first, { day: 'numeric', month: 'short' })}
                    </span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {dayOrder.map((weekday, row) => (
              <tr key={weekday}>
                <th scope="row" className="heatmap-weekday">
                  <span aria-hidden="true">{row % 2 === 0 ? shortWeekday(weekday) : ''}</span>
                  <span className="visually-hidden">{shortWeekday(weekday)}</span>
                </th>
                {Array.from({ length: weeks }, (_, w) => {
                  const index = w * 7 + row;
                  if (index >= total)
                    return <td key={addDays(start, index)} className="heatmap-cell is-future" aria-hidden="true" />;
                  const cell = cellAt(index);
                  return (
                    // biome-ignore lint/a11y/useKeyWithClickEvents: the grid handles the keys (arrows, Home, End)
                    <td
                      key={cell.date}
                      data-index={index}
                      tabIndex={index === focus ? 0 : -1}
                      aria-label={describe(cell, practice.unit)}
                      className={`heatmap-cell is-${cell.state}`}
                      onClick={() => setFocus(index)}
                      onFocus={() => setFocus(index)}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id="heatmap-focused" className="heatmap-focused" aria-live="polite">
        {describe(focused, practice.unit)}
        {focused.checkin?.note ? ` — “${focused.checkin.note}”` : ''}
      </p>
      <ul className="heatmap-legend" aria-label="Legend">
        {LEGEND.map((l) => (
          <li key={l.state}>
            <span className={`heatmap-cell is-${l.state}`} aria-hidden="true" /> {l.label}
          </li>
        ))}
      </ul>
      <p className="field-hint">Use the arrow keys in the grid to move by day and week.</p>
    </div>
  );
}
