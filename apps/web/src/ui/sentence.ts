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
