import { COMPARISON_QUESTION, INTENTION_REVIEW_QUESTION, type Review, scheduleInWords, WHO5 } from '@tack/contracts';
import { localDate } from '../practices/dates.ts';

/**
 * Escapes the person's text for a Markdown table cell or a line: line breaks folded to spaces, pipes, and the
 * characters that would make a Markdown viewer read it as HTML (`<b>` stays the four characters you wrote).
 */
export function markdownText(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[\\|<>&]/g, (c) => `\\${c}`);
}

/** The comparison answer: null is the person's "Rather not say"; undefined was never answered. */
function comparedWords(compared: boolean | null | undefined): string {
  if (compared === true) return 'Yes';
  if (compared === false) return 'No';
  return compared === null ? 'Rather not say' : 'Not answered';
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The review as a Markdown document: the week's numbers, then each step as written; dates in the person's zone. */
export function reviewMarkdown(r: Review, timeZone: string): string {
  const s = r.summary;
  const a = r.answers;
  const names = new Map(s.practices.map((p) => [p.practiceId, p.name]));
  const out: string[] = [];
  // Sections are numbered as they appear: a step with nothing to show (no intentions) leaves no gap.
  let section = 0;
  const heading = (title: string) => `## ${++section}. ${title}`;
  out.push(`# Weekly review: ${r.weekStart} to ${r.weekEnd} (${r.isoWeek})`, '');
  out.push(
    r.completedAt ? `Completed ${localDate(new Date(r.completedAt), timeZone)}.` : 'Draft (not completed yet).',
    '',
  );

  out.push(heading('What happened'), '');
  out.push(`Planned ${s.planned}, done ${s.done}; ${s.checkins} check-ins in all.`, '');
  if (s.practices.length > 0) {
    out.push(
      '| Practice | Planned | Done | Skipped | Paused days | Strength |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
    );
    for (const p of s.practices) {
      const amount = p.amount !== null ? ` (${p.amount}${p.unit ? ` ${p.unit}` : ''})` : '';
      out.push(
        `| ${markdownText(p.name)} | ${p.planned} | ${p.done}${amount} | ${p.skipped} | ${p.pausedDays} | ${pct(p.strengthStart)} → ${pct(p.strengthEnd)} |`,
      );
    }
    out.push('');
  }
  if (s.energy.length > 0) {
    out.push(`Energy (−2 drained … 2 energised): ${s.energy.map((e) => `${e.date} ${e.average}`).join(', ')}.`, '');
  }
  if (s.notes.length > 0) {
    out.push('Notes:', ...s.notes.map((n) => `- ${n.date}, ${markdownText(n.practice)}: ${markdownText(n.note)}`), '');
  }
  if (a.line) out.push(`In my own words: ${markdownText(a.line)}`, '');

  out.push(heading('What energised, what drained'), '');
  out.push(
    `- Energised: ${a.energised ? markdownText(a.energised) : '—'}`,
    `- Drained: ${a.drained ? markdownText(a.drained) : '—'}`,
  );
  for (const n of s.experimentNotes) {
    out.push(`- Experiment "${markdownText(n.hypothesis)}", ${n.date}, ${n.tag}: ${markdownText(n.text)}`);
  }
  out.push('');

  out.push(heading('Keep, adjust, drop'), '');
  if ((a.decisions ?? []).length === 0) out.push('No decisions recorded.');
  for (const d of a.decisions ?? []) {
    const name = names.get(d.practiceId) ?? d.practiceId;
    const applied = r.applied.find((x) => x.practiceId === d.practiceId);
    const schedule = d.decision === 'adjust' && d.frequency ? ` to ${scheduleInWords(d.frequency)}` : '';
    const from =
      applied?.effectiveFrom && d.decision === 'adjust' ? ` (new schedule from ${applied.effectiveFrom})` : '';
    const reason = d.reason ? `: ${markdownText(d.reason)}` : '';
    out.push(`- ${markdownText(name)}: ${d.decision}${schedule}${from}${reason}`);
  }
  out.push('');

  if (s.intentions.length > 0 || (a.intentions ?? []).length > 0) {
    out.push(heading('Intentions'), '', `_${INTENTION_REVIEW_QUESTION}_`, '');
    const statements = new Map(s.intentions.map((i) => [i.id, i.statement]));
    for (const i of a.intentions ?? []) {
      out.push(`- ${markdownText(statements.get(i.intentionId) ?? i.intentionId)}: ${markdownText(i.answer)}`);
    }
    out.push('');
  }

  out.push(heading("Next week's one small thing"), '', a.smallThing ? markdownText(a.smallThing) : '—', '');

  // The person's own export, like the completed review page: the comparison answer always, the WHO-5 score
  // (private health data, shown to them alone) when they gave one.
  out.push(heading('Wellbeing (private)'), '');
  out.push(`${COMPARISON_QUESTION} ${comparedWords(a.compared)}.`, '');
  if (a.who5 && r.who5Score !== null) {
    out.push(`WHO-5: ${r.who5Score} of 100 (raw ${r.who5Score / 4} of 25).`, '');
    WHO5.items.forEach((item, i) => {
      out.push(`- ${item}: ${a.who5?.[i] ?? '—'}`);
    });
    out.push('', `Source: ${WHO5.source}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
