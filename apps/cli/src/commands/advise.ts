import { isCancel, select } from '@clack/prompts';
import type { Advice, AdvisorAnswersInput, GoalAdvice, Recommendation } from '@tack/contracts';
import { ADVISOR_QUESTIONS, advisorAnswersSchema } from '@tack/contracts';
import { type Command, Option } from 'commander';
import type { Register } from '../context.ts';
import { findGoal } from '../discovery-lookup.ts';
import { CliError, UsageError } from '../errors.ts';
import { oneLine } from '../output.ts';

type Key = keyof AdvisorAnswersInput;

/** The advisor's questions (shared with the web app), with the flag that answers each one. */
const QUESTIONS = ADVISOR_QUESTIONS.map((q) => ({
  key: q.key,
  flag: `--${q.key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
  message: q.text,
  choices: q.options.map((o) => ({ value: o.value, label: o.hint ? `${o.label}: ${o.hint}` : o.label })),
}));
type Question = (typeof QUESTIONS)[number];

type AdviseOptions = Partial<Record<Key, string>> & { json?: boolean; goal?: string };

const RECOMMENDATION_WORDS: Record<Recommendation, string> = {
  learningGoal: 'a learning goal',
  performanceGoal: 'a performance goal',
  intention: 'an intention',
  experimentFirst: 'an experiment first',
};

/** A plan as a sentence; the advisor's cues may already start with "If" or "When". */
function planWords(p: { cue: string; action: string }): string {
  const cue = oneLine(p.cue).replace(/[.,]$/, '');
  const action = oneLine(p.action).replace(/\.$/, '');
  return /^(if|when|whenever|after|before)\b/i.test(cue) ? `${cue}, ${action}.` : `If ${cue}, then ${action}.`;
}

function adviceLines(advice: Advice | GoalAdvice): string[] {
  const lines = [`Recommendation: ${RECOMMENDATION_WORDS[advice.recommendation]}`, oneLine(advice.summary)];
  if ('explanation' in advice) lines.push(oneLine(advice.explanation));
  lines.push('', 'Why:');
  for (const r of advice.reasons) {
    lines.push(`  ${r.ruleId}  ${oneLine(r.text)}${r.points === 'addOn' ? ' (add-on)' : ''}`);
    lines.push(`      ${oneLine(r.citation)}`);
  }
  lines.push('', 'If-then plan (R8):');
  for (const p of advice.ifThen) lines.push(`  ${planWords(p)}`);
  if (advice.milestones) {
    lines.push('', 'Add short, revisable checkpoints and read them as information: a milestone map (R3).');
  }
  return lines;
}

async function ask(q: Question): Promise<string> {
  const answer = await select<string>({
    message: q.message,
    options: q.choices.map((c) => ({ value: c.value, label: c.label })),
    initialValue: q.choices[1]?.value, // the middle answer: no nudge either way
    output: process.stderr,
  });
  if (isCancel(answer)) throw new CliError('cancelled');
  return answer;
}

export const register: Register = (program, ctx) => {
  const cmd = program
    .command('advise')
    .helpGroup('Discovery:')
    .summary('which kind of goal fits: learning, performance, an intention or an experiment first')
    .description(
      'Answer six questions (and how sure you are) and get a recommendation: a learning goal, a performance ' +
        'goal, an intention, or an experiment first. Each reason names its rule (R1…R9) and the research behind ' +
        'it, and you get an if-then plan to add. At a terminal it asks; otherwise give every answer as a flag. ' +
        'With --goal, the advice is read against that goal: should it stay the kind it is?',
    )
    .optionsGroup('Answers (asked for when missing, at a terminal):');
  for (const q of QUESTIONS) {
    cmd.addOption(
      new Option(`${q.flag} <answer>`, `${q.message}${q.key === 'selfEfficacy' ? ' (default medium)' : ''}`).choices(
        q.choices.map((c) => c.value),
      ),
    );
  }
  cmd
    .optionsGroup('Options:')
    .option('--goal <goal>', 'advise on this goal: its id, or a part of its title')
    .option('--json', 'print the advice as JSON: {"recommendation", "summary", "reasons", "ifThen", "milestones"}')
    .addHelpText(
      'after',
      [
        '',
        'Example:',
        '  tack advise --control low --novelty new --context changing --capability some --why ownValues --structure neutral',
      ].join('\n'),
    )
    .action(async (_opts: AdviseOptions, command: Command) => {
      const opts = ctx.options<AdviseOptions>(command);
      const answers: Partial<Record<Key, string>> = {};
      const missing: string[] = [];
      for (const q of QUESTIONS) {
        const given = opts[q.key];
        if (given !== undefined) answers[q.key] = given;
        else if (q.key !== 'selfEfficacy' || ctx.interactive) missing.push(q.flag);
      }
      if (missing.length > 0 && !ctx.interactive) {
        throw new UsageError(`answer every question: missing ${missing.join(', ')} (or run it at a terminal)`);
      }
      for (const q of QUESTIONS) {
        if (answers[q.key] === undefined && ctx.interactive) answers[q.key] = await ask(q);
      }
      // Every value is one of the schema's choices (commander and the prompt only offer those).
      const input = advisorAnswersSchema.parse(answers);
      const conn = await ctx.connect(command);
      const advice = opts.goal
        ? await conn.client.goals.advice((await findGoal(conn.client, opts.goal)).id, input)
        : await conn.client.advisor.advise(input);
      if (opts.json) {
        ctx.out.json(advice);
        return;
      }
      for (const line of adviceLines(advice)) ctx.out.line(line);
    });
};
