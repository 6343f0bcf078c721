import type { Review } from '@tack/contracts';
import { scheduleInWords } from '@tack/contracts';
import { describe, expect, it } from 'vitest';
import { markdownText, reviewMarkdown } from '../../src/reviews/markdown.ts';

function review(over: Partial<Review> = {}, answers: Review['answers'] = {}): Review {
  return {
    id: 'r1',
    weekStart: '2026-11-16',
    weekEnd: '2026-11-22',
    isoWeek: '2026-W47',
    status: 'completed',
    answers,
    who5Score: null,
    summary: {
      practices: [
        {
          practiceId: 'p1',
          name: 'Loop habit 2',
          kind: 'boolean',
          unit: null,
          state: 'active',
          planned: 3,
          done: 2,
          skipped: 0,
          pausedDays: 0,
          amount: null,
          strengthStart: 0.5,
          strengthEnd: 0.6,
        },
      ],
      planned: 3,
      done: 2,
      checkins: 2,
      energy: [],
      notes: [],
      experimentNotes: [],
      intentions: [],
    },
    applied: [],
    createdAt: '2026-11-22T10:00:00.000Z',
    updatedAt: '2026-11-22T10:00:00.000Z',
    completedAt: '2026-11-22T10:00:00.000Z',
    ...over,
  };
}

describe('the review as Markdown', () => {
  it("dates its completion in the person's zone, not in UTC", () => {
    const late = review({ completedAt: '2026-11-22T11:30:00.000Z' });
    expect(reviewMarkdown(late, 'UTC')).toContain('Completed 2026-11-22.');
    expect(reviewMarkdown(late, 'Pacific/Kiritimati')).toContain('Completed 2026-11-23.'); // UTC+14
    expect(reviewMarkdown(review({ completedAt: '2026-11-22T09:30:00.000Z' }), 'Pacific/Pago_Pago')).toContain(
      'Completed 2026-11-21.', // UTC−11
    );
    expect(reviewMarkdown(review({ completedAt: null, status: 'draft' }), 'UTC')).toContain(
      'Draft (not completed yet).',
    );
  });

  it('numbers its sections without gaps when there are no intentions', () => {
    const md = reviewMarkdown(review(), 'UTC');
    const numbers = [...md.matchAll(/^## (\d+)\./gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual([1, 2, 3, 4, 5]);
    expect(md).not.toContain('Intentions');
  });

  it('says the new schedule of an adjusted practice and keeps a drop reason', () => {
    const md = reviewMarkdown(
      review(
        {
          applied: [{ practiceId: 'p1', decision: 'adjust', effectiveFrom: '2026-11-23' }],
        },
        { decisions: [{ practiceId: 'p1', decision: 'adjust', frequency: { kind: 'times', times: 2, days: 7 } }] },
      ),
      'UTC',
    );
    expect(md).toContain('- Loop habit 2: adjust to 2× in 7 days (new schedule from 2026-11-23)');
    expect(scheduleInWords({ kind: 'weekdays', weekdays: ['friday', 'monday'] })).toBe('Mon, Fri');
    expect(scheduleInWords({ kind: 'interval', everyDays: 3 })).toBe('every 3 days');
    expect(scheduleInWords({ kind: 'times', times: 1, days: 7 })).toBe('once a week');
  });

  it('always gives the comparison answer, "Rather not say" included', () => {
    expect(reviewMarkdown(review({}, { compared: null }), 'UTC')).toContain(
      'Did you compare yourself with others this week? Rather not say.',
    );
    expect(reviewMarkdown(review({}, {}), 'UTC')).toContain(
      'Did you compare yourself with others this week? Not answered.',
    );
    expect(reviewMarkdown(review({}, { compared: true }), 'UTC')).toContain(
      'Did you compare yourself with others this week? Yes.',
    );
  });

  it('escapes user text so Markdown viewers never read it as HTML', () => {
    expect(markdownText('<b>tags</b> & a|b\nnext')).toBe('\\<b\\>tags\\</b\\> \\& a\\|b next');
    expect(markdownText('a\\<b>')).toBe('a\\\\\\<b\\>');
    const md = reviewMarkdown(review({}, { energised: '<b>tags</b>', line: '<script>x</script>' }), 'UTC');
    expect(md).toContain('- Energised: \\<b\\>tags\\</b\\>');
    expect(md).not.toMatch(/<b>|<script>/);
  });
});
