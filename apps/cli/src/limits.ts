// Length limits of what people type, checked before anything is sent, with the server's own numbers
// (LIMITS in @tack/contracts), so a too-long name is refused in words naming the flag.
import { LIMITS } from '@tack/contracts';
import { UsageError } from './errors.ts';

export { LIMITS };

/**
 * `value` when it fits in `max` characters, counted as the server counts them (after trimming); else a usage
 * error such as "--name: at most 120 characters (you gave 130)".
 */
export function checkLength(value: string, what: string, max: number): string {
  const length = value.trim().length;
  if (length > max) throw new UsageError(`${what}: at most ${max} characters (you gave ${length})`);
  return value;
}

/** A commander parser for a flag or argument of at most `max` characters; `what` names it in the error. */
export function limited(what: string, max: number): (value: string) => string {
  return (value) => checkLength(value, what, max);
}

/** The same for a repeatable flag: collects the values. */
export function limitedEach(what: string, max: number): (value: string, previous?: string[]) => string[] {
  return (value, previous = []) => [...previous, checkLength(value, what, max)];
}

/** Flags of free text (why, description, notes…) and of names and titles. */
export const text = (what: string) => limited(what, LIMITS.textMax);
export const name = (what: string) => limited(what, LIMITS.nameMax);
export const unit = (what: string) => limited(what, LIMITS.unitMax);
