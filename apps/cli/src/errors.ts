import { TackApiError } from '@tack/client';

/** Exit statuses of `tack`. Scripts may rely on them. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** A failure to report to the person as one line, `tack: <message>`, then exit with `exitCode`. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT.failure) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** The command line itself is wrong (missing or conflicting flags): exit status 2. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}

/** Plain words for why a file or folder could not be made, read or written (Node's say the system call). */
export function fsProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOTDIR') return 'part of the path is a file, not a folder';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'ENOSPC') return 'no space left on the device';
  return err instanceof Error ? err.message : String(err);
}

/** Where the token in use came from, so error hints point at the right thing to fix. */
export type TokenSource = 'flag' | 'env' | 'config';

export interface ErrorContext {
  server?: string;
  tokenSource?: TokenSource;
  /**
   * This command's words for API field paths (see FIELD_WORDS), e.g. {"date": "--on"}; 'raw' keeps the paths
   * (they point into a file, as for restore).
   */
  fields?: Record<string, string> | 'raw';
}

function reloginHint(source: TokenSource | undefined): string {
  if (source === 'flag') return 'check the --token you passed';
  if (source === 'env') return 'check TACK_TOKEN';
  return "run 'tack login' with a new token";
}

/** Lower-cases the first letter and drops a final full stop, so server messages read well after `tack: `. */
function sentence(message: string): string {
  const trimmed = message.trim().replace(/\.$/, '');
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

/** One line (no stack, no newlines) describing an API error, with its stable code. */
export function describeApiError(err: TackApiError, ctx: ErrorContext = {}): string {
  if (err.status === 0) {
    // Network failure; the client's message already names the server's origin.
    return sentence(err.message);
  }
  if (err.code === 'INTERNAL' && /^Unexpected \d+ answer/.test(err.message)) {
    // Not a Tack error body at all: likely a proxy, or something else listening at that address.
    const where = ctx.server ? ` at ${ctx.server}` : '';
    return `the server${where} gave an unexpected ${err.status} answer; is it a Tack server?`;
  }
  switch (err.code) {
    case 'TOKEN_INVALID':
      return `token is invalid or revoked (TOKEN_INVALID); ${reloginHint(ctx.tokenSource)}`;
    case 'UNAUTHENTICATED':
      return `the server did not accept the request as signed in (UNAUTHENTICATED); ${reloginHint(ctx.tokenSource)}`;
    case 'RATE_LIMITED':
      return `${sentence(err.message)} (RATE_LIMITED); wait a moment and try again`;
    default: {
      const raw = err.details.issues ?? [];
      const issues = [...new Set(raw.map((i) => issueWords(i.path, i.message, ctx.fields)))];
      if (issues.length === 0) return `${sentence(err.message)} (${err.code})`;
      // Field errors usually repeat their first issue as the message ("value: …"): say it once.
      const first = raw[0];
      const repeats =
        first !== undefined && err.message.trim() === (first.path ? `${first.path}: ${first.message}` : first.message);
      if (issues.length === 1)
        return repeats ? `${issues[0]} (${err.code})` : `${sentence(err.message)} (${err.code}): ${issues[0]}`;
      // Several problems: one per line, so a long list stays readable.
      const shown = issues.slice(0, MAX_ISSUES);
      if (issues.length > shown.length) shown.push(`and ${issues.length - shown.length} more`);
      // "not a valid Tack backup: format: …" names its first problem, which the list shows anyway.
      const firstRaw = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : '';
      const message = firstRaw && !repeats ? err.message.replace(`: ${firstRaw}`, '') : err.message;
      const head = repeats ? `${issues.length} problems` : sentence(message);
      return [`${head} (${err.code}):`, ...shown.map((i) => `  - ${i}`)].join('\n');
    }
  }
}

const MAX_ISSUES = 12;

/**
 * The CLI's words for the API's field paths (indexes written as N), so an error names the flag to change.
 * Commands whose flags differ pass their own in ErrorContext.fields, which win.
 */
const FIELD_WORDS: Record<string, string> = {
  name: 'the name',
  title: 'the title',
  statement: 'the statement',
  hypothesis: '--hypothesis',
  question: 'the question',
  text: 'the text',
  startDate: '--start',
  'frequency.times': '--times',
  'frequency.days': '--days',
  'frequency.weekdays': '--weekdays',
  'frequency.everyDays': '--every',
  'schedule.frequency.times': '--times',
  'schedule.frequency.days': '--days',
  'schedule.frequency.weekdays': '--weekdays',
  'schedule.frequency.everyDays': '--every',
  'schedule.effectiveFrom': '--from',
  target: '--target',
  unit: '--unit',
  targetType: '--at-most/--at-least',
  kind: '--measurable',
  why: '--why',
  description: '--description',
  'ifThen.cue': '--if',
  'ifThen.action': '--then',
  'ifThen.N.cue': '--if',
  'ifThen.N.action': '--then',
  areaId: '--area',
  directionId: '--direction',
  date: '--date',
  value: '--value',
  note: '--note',
  energy: '--energy',
  status: '--status',
  lengthWeeks: '--weeks',
  practiceIds: '--practice',
  'practiceIds.N': '--practice',
  whatToLearn: '--learn',
  strategies: '--strategy',
  'strategies.N.text': '--strategy',
  dueDate: '--due',
  metric: '--metric',
  'metric.name': '--metric',
  'metric.baseline': '--baseline',
  'metric.target': '--target',
  'metric.current': '--current',
  'metric.unit': '--unit',
  reason: '--reason',
  learned: '--learned',
  learnings: '--learnings',
  line: '--line',
  energised: '--energised',
  drained: '--drained',
  smallThing: '--small-thing',
  who5: '--who5',
  'who5.N': '--who5 (answer #)',
  compared: '--compared',
  decisions: '--keep/--adjust/--drop',
  'decisions.N.practiceId': '--keep/--adjust/--drop',
  'decisions.N.decision': '--keep/--adjust/--drop',
  'decisions.N.frequency': '--adjust',
  'decisions.N.reason': '--drop',
  intentions: '--intention',
  'intentions.N.intentionId': '--intention',
  'intentions.N.answer': '--intention',
  'horizon.quarter': '--period',
  'horizon.year': '--period',
  'horizon.theme': '--theme',
  horizon: '--horizon',
  week: '--week',
  timeZone: 'the time zone',
  // experiments
  decidedOn: '--on',
  verdict: '--deepen/--adjust/--let-go',
  tag: '--energises/--drains',
  goal: '--goal-title',
  'goal.title': '--goal-title',
  changes: '--changes/--weeks',
  'changes.hypothesis': '--changes',
  'changes.lengthWeeks': '--weeks',
  // chains and intentions
  thisWeek: "this week's small thing",
  isoWeek: '--week',
  answer: 'the answer',
  // pauses, resumes and date ranges
  from: '--from',
  to: '--to',
  on: '--on',
  // goals
  'evidence.N.text': '--evidence',
  'evidence.N.date': '--evidence',
  'strategies.N.reflection': '--reflection',
  'horizon.kind': '--horizon',
};

/**
 * The words for a field path: the command's, else the CLI's; a path with no words of its own takes those of
 * the nearest enclosing field (decisions.0.frequency.times is about --adjust).
 */
function fieldWords(key: string, path: string, fields: Record<string, string> | undefined): string | undefined {
  const find = (k: string) => fields?.[k] ?? FIELD_WORDS[k];
  const exact = find(key) ?? find(path);
  if (exact !== undefined) return exact;
  const parts = key.split('.');
  for (let n = parts.length - 1; n > 0; n--) {
    const words = find(parts.slice(0, n).join('.'));
    if (words !== undefined) return words;
  }
  return undefined;
}

/** One field problem in the CLI's words: "--every: must be at most 365". */
function issueWords(path: string, message: string, fields: ErrorContext['fields']): string {
  // The server already words zod's messages plainly (plainIssueMessage in contracts).
  const text = message;
  if (!path) return text;
  const key = path.replace(/\.\d+(?=\.|$)/g, '.N');
  const words = fields === 'raw' ? path : (fieldWords(key, path, fields) ?? path);
  // "#" stands for the item's number as people count (who5.2 is the third answer).
  const index = /\.(\d+)(?=\.|$)/.exec(path)?.[1];
  return `${index === undefined ? words : words.replace('#', String(Number(index) + 1))}: ${text}`;
}

/** Any thrown value as one line, without a stack trace. */
export function describeError(err: unknown, ctx: ErrorContext = {}): string {
  if (err instanceof TackApiError) return describeApiError(err, ctx);
  if (err instanceof CliError) return err.message;
  if (err instanceof Error && err.name === 'ZodError') {
    const where = ctx.server ? ` at ${ctx.server}` : '';
    return `the server${where} answered in an unexpected format; is it a Tack server of the same version as this CLI?`;
  }
  if (err instanceof Error) return `unexpected error: ${err.message.split('\n')[0]}`;
  return `unexpected error: ${String(err)}`;
}

/**
 * A CliError's own status. Flag values the server refused (VALIDATION_FAILED) are wrong usage, as the help
 * says; a file it refused (import, restore: fields 'raw') is a failure.
 */
export function exitCodeOf(err: unknown, ctx: ErrorContext = {}): number {
  if (err instanceof CliError) return err.exitCode;
  if (err instanceof TackApiError && err.code === 'VALIDATION_FAILED' && ctx.fields !== 'raw') return EXIT.usage;
  return EXIT.failure;
}
