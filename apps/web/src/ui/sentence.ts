/**
 * Ends a sentence with a full stop, unless it already ends with one (or with ! ? …), also inside closing
 * quotes or brackets: a name or an answer someone typed with its own full stop is not given a second.
 *   asSentence('Added “Run twice”')   → 'Added “Run twice”.'
 *   asSentence('Added “Run twice.”')  → 'Added “Run twice.”'
 */
export function asSentence(text: string): string {
  const t = text.trim();
  return t === '' || /[.!?…]["'”’»)\]]*$/.test(t) ? t : `${t}.`;
}

/** Text set inside a sentence ("If <cue>, then …"): without the full stop or comma it may have been typed with. */
export function asClause(text: string): string {
  return text.trim().replace(/\s*[.,;:]+$/, '');
}

/**
 * An if-then plan as the words of one sentence, "If <cue>, then <action>.": a cue typed with its own "If"
 * (or worded "When…") and an action typed with its own "then" are not doubled, and the cue loses the full
 * stop or comma it may have been typed with.
 *   ifThenWords({ cue: 'If it is 7am,', action: 'then I run' }) → { lead: 'If', cue: 'it is 7am', action: 'I run.' }
 *   ifThenWords({ cue: 'When I wake up', action: 'I stretch' }) → { lead: 'When', cue: 'I wake up', action: 'I stretch.' }
 */
export function ifThenWords(plan: { cue: string; action: string }): {
  lead: 'If' | 'When';
  cue: string;
  action: string;
} {
  const cue = plan.cue.trim().replace(/^if\s+/i, '');
  const when = /^when\s+/i.exec(cue);
  return {
    lead: when ? 'When' : 'If',
    cue: asClause(when ? cue.slice(when[0].length) : cue),
    action: asSentence(plan.action.trim().replace(/^then\s+/i, '')),
  };
}
