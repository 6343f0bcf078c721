import type { ClipboardEvent } from 'react';

/** Whether the counter shows: from 90% of the limit. */
export function nearLimit(length: number, max: number): boolean {
  return length >= Math.floor(max * 0.9);
}

/** How many pasted characters did not fit in a field of `max` characters, or 0. */
export function pastedOverflow(
  e: ClipboardEvent<HTMLTextAreaElement | HTMLInputElement>,
  current: string,
  max: number,
): number {
  const pasted = e.clipboardData.getData('text').length;
  const el = e.currentTarget;
  const selected = (el.selectionEnd ?? 0) - (el.selectionStart ?? 0);
  return Math.max(0, current.length - selected + pasted - max);
}

/**
 * "3,650 of 4,000 characters", shown once a field nears its limit, so that nothing is cut silently.
 * `clipped` is how many pasted characters did not fit (shown until the next edit).
 */
export function CharCount({ id, length, max, clipped }: { id: string; length: number; max: number; clipped: number }) {
  const show = nearLimit(length, max) || clipped > 0;
  const n = (x: number) => x.toLocaleString();
  return (
    <p id={id} className={`char-count ${length >= max ? 'char-count-full' : ''}`} aria-live="polite" hidden={!show}>
      {show &&
        (clipped > 0
          ? `${n(length)} of ${n(max)} characters: ${n(clipped)} pasted characters did not fit and were left out.`
          : length >= max
            ? `${n(length)} of ${n(max)} characters: that is the limit.`
            : `${n(length)} of ${n(max)} characters.`)}
    </p>
  );
}
