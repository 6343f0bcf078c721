import { ifThenWords } from './sentence.ts';

/** "If X, then Y." as one paragraph; a plan already worded "If…", "When…" or "then…" is not doubled. */
export function IfThenText({ plan }: { plan: { cue: string; action: string } }) {
  const { lead, cue, action } = ifThenWords(plan);
  return (
    <p className="if-then">
      <span className="if-then-word">{lead}</span> {cue}, <span className="if-then-word">then</span> {action}
    </p>
  );
}
