import { COMPARISON_QUESTION, INTENTION_REVIEW_QUESTION, type Review, WHO5 } from '@tack/contracts';

/** Escapes text for a Markdown table cell or a line: pipes, and line breaks folded to spaces. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The review as a Markdown document: the week's numbers, then each step as written. */
export function reviewMarkdown(r: Review): string {
  const s = r.summary;
  const a = r.answers;
  const names = new Map(s.practices.map((p) => [p.practiceId, p.name]));
  const out: string[] = [];
  out.push(`# Weekly review: ${r.weekStart} to ${r.weekEnd} (${r.isoWeek})`, '');
  out.push(r.completedAt ? `Completed ${r.completedAt.slice(0, 10)}.` : 'Draft (not completed yet).', '');

  out.push('## 1. What happened', '');
  out.push(`Planned ${s.planned}, done ${s.done}; ${s.checkins} check-ins in all.`, '');
  if (s.practices.length > 0) {
    out.push(
      '| Practice | Planned | Done | Skipped | Paused days | Strength |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
    );
    for (const p of s.practices) {
      const amount = p.amount !== null ? ` (${p.amount}${p.unit ? ` ${p.unit}` : ''})` : '';
      out.push(
        `| ${cell(p.name)} | ${p.planned} | ${p.done}${amount} | ${p.skipped} | ${p.pausedDays} | ${pct(p.strengthStart)} → ${pct(p.strengthEnd)} |`,
      );
    }
    out.push('');
  }
  if (s.energy.length > 0) {
    out.push(`Energy (−2 drained … 2 energised): ${s.energy.map((e) => `${e.date} ${e.average}`).join(', ')}.`, '');
  }
  if (s.notes.length > 0) {
    out.push('Notes:', ...s.notes.map((n) => `- ${n.date}, ${cell(n.practice)}: ${cell(n.note)}`), '');
  }
  if (a.line) out.push(`In my own words: ${cell(a.line)}`, '');

  out.push('## 2. What energised, what drained', '');
  out.push(`- Energised: ${a.energised ? cell(a.energised) : '—'}`, `- Drained: ${a.drained ? cell(a.drained) : '—'}`);
  for (const n of s.experimentNotes) {
    out.push(`- Experiment "${cell(n.hypothesis)}", ${n.date}, ${n.tag}: ${cell(n.text)}`);
  }
  out.push('');

  out.push('## 3. Keep, adjust, drop', '');
  if ((a.decisions ?? []).length === 0) out.push('No decisions recorded.');
  for (const d of a.decisions ?? []) {
    const name = names.get(d.practiceId) ?? d.practiceId;
    const applied = r.applied.find((x) => x.practiceId === d.practiceId);
    const from =
      applied?.effectiveFrom && d.decision === 'adjust' ? ` (new schedule from ${applied.effectiveFrom})` : '';
    const reason = d.reason ? `: ${cell(d.reason)}` : '';
    out.push(`- ${cell(name)}: ${d.decision}${from}${reason}`);
  }
  out.push('');

  if (s.intentions.length > 0 || (a.intentions ?? []).length > 0) {
    out.push('## 4. Intentions', '', `_${INTENTION_REVIEW_QUESTION}_`, '');
    const statements = new Map(s.intentions.map((i) => [i.id, i.statement]));
    for (const i of a.intentions ?? []) {
      out.push(`- ${cell(statements.get(i.intentionId) ?? i.intentionId)}: ${cell(i.answer)}`);
    }
    out.push('');
  }

  out.push("## 5. Next week's one small thing", '', a.smallThing ? cell(a.smallThing) : '—', '');

  if (a.who5 || (a.compared !== undefined && a.compared !== null)) {
    out.push('## 6. Wellbeing (private)', '');
    if (a.who5 && r.who5Score !== null) {
      out.push(`WHO-5: ${r.who5Score} of 100 (raw ${r.who5Score / 4} of 25).`, '');
      WHO5.items.forEach((item, i) => {
        out.push(`- ${item}: ${a.who5?.[i] ?? '—'}`);
      });
      out.push('', `Source: ${WHO5.source}`, '');
    }
    if (a.compared !== undefined && a.compared !== null)
      out.push(`${COMPARISON_QUESTION} ${a.compared ? 'Yes' : 'No'}.`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
