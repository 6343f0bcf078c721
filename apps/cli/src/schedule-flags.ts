// Schedule and if-then flags, shared by every command that makes or edits a practice.
import { type FrequencyDto, MAX_SCHEDULE_DAYS, type Weekday } from '@tack/contracts';
import type { Command } from 'commander';
import { UsageError } from './errors.ts';
import { parseWeekdays, wholeNumber } from './practice-format.ts';

export interface ScheduleFlags {
  times?: number;
  days?: number;
  weekdays?: Weekday[];
  every?: number;
  daily?: boolean;
}

export interface PlanFlags {
  if?: string;
  then?: string;
}

export const DAILY: FrequencyDto = { kind: 'interval', everyDays: 1 };

const dayCount = wholeNumber(1, MAX_SCHEDULE_DAYS);

export function addScheduleOptions(cmd: Command, heading: string): Command {
  return cmd
    .optionsGroup(heading)
    .option(
      '--times <n>',
      `with --days: this many times in any N days in a row ("3 in 7"), 1–${MAX_SCHEDULE_DAYS}`,
      dayCount,
    )
    .option('--days <n>', `the number of days for --times, 1–${MAX_SCHEDULE_DAYS}`, dayCount)
    .option('--weekdays <days>', 'on these weekdays, e.g. mon,wed,fri', parseWeekdays)
    .option('--every <n>', `every N days (1–${MAX_SCHEDULE_DAYS}), counted from the last time it was done`, dayCount)
    .option('--daily', 'every day');
}

/** The frequency the schedule flags describe; undefined when none was given. */
export function frequencyFrom(f: ScheduleFlags): FrequencyDto | undefined {
  const timesGiven = f.times !== undefined || f.days !== undefined;
  const chosen = [
    timesGiven ? '--times/--days' : '',
    f.weekdays ? '--weekdays' : '',
    f.every !== undefined ? '--every' : '',
    f.daily ? '--daily' : '',
  ].filter(Boolean);
  if (chosen.length === 0) return undefined;
  if (chosen.length > 1) throw new UsageError(`choose one schedule, not ${chosen.join(' and ')}`);
  if (timesGiven) {
    if (f.times === undefined) throw new UsageError('--days goes with --times, e.g. --times 3 --days 7');
    if (f.days === undefined) throw new UsageError('--times needs --days, e.g. --times 3 --days 7');
    if (f.times > f.days) throw new UsageError(`--times ${f.times} is more than --days ${f.days}; at most once a day`);
    return { kind: 'times', times: f.times, days: f.days };
  }
  if (f.weekdays) return { kind: 'weekdays', weekdays: f.weekdays };
  if (f.every !== undefined) return { kind: 'interval', everyDays: f.every };
  return DAILY;
}

/** The if-then plan from --if/--then: both or neither; both empty clears it. */
export function planFrom(f: PlanFlags): { cue: string; action: string } | null | undefined {
  if (f.if === undefined && f.then === undefined) return undefined;
  if (f.if === undefined || f.then === undefined) {
    throw new UsageError('--if and --then go together, e.g. --if "it is 7am" --then "I put on my running shoes"');
  }
  if (f.if.trim() === '' && f.then.trim() === '') return null;
  return { cue: f.if, action: f.then };
}
