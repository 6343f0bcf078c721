import { ADVISOR_QUESTIONS, type Advice, type AdvisorAnswers, type AdvisorQuestion } from '@tack/contracts';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { IfThenText } from '../ui/IfThenText.tsx';
import { RULE_TITLES } from './lib.ts';
import { Choice } from './Parts.tsx';

export type PartialAnswers = Partial<AdvisorAnswers>;

export function completeAnswers(a: PartialAnswers): AdvisorAnswers | undefined {
  const { control, novelty, context, capability, why, structure } = a;
  if (!control || !novelty || !context || !capability || !why || !structure) return undefined;
  return { control, novelty, context, capability, why, structure, selfEfficacy: a.selfEfficacy ?? 'medium' };
}

function QuestionFieldset({
  q,
  value,
  onChange,
  error,
  legendRef,
}: {
  q: AdvisorQuestion;
  value: string | undefined;
  onChange: (v: string) => void;
  error?: string | undefined;
  legendRef?: React.Ref<HTMLLegendElement>;
}) {
  const id = useId();
  return (
    <fieldset className="choice-group advisor-question" aria-describedby={error ? `${id}-error` : undefined}>
      <legend ref={legendRef} tabIndex={legendRef ? -1 : undefined}>
        {q.text}
      </legend>
      {q.hint && <p className="field-hint">{q.hint}</p>}
      <div className="choice-row">
        {q.options.map((o) => (
          <Choice
            key={String(o.value)}
            name={`${id}-${q.key}`}
            checked={value === o.value}
            onChange={() => onChange(String(o.value))}
            label={o.label}
            {...(o.hint ? { hint: o.hint } : {})}
          />
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          ⚠ {error}
        </p>
      )}
    </fieldset>
  );
}

/**
 * The advisor's questions, one step at a time; Back and Next; the last step submits. The step and the
 * answers belong to the caller, so they can live in the address (browser Back and Forward) and the session.
 */
export function AdvisorSteps({
  step,
  onStep,
  answers,
  onAnswers,
  onSubmit,
  busy,
}: {
  step: number;
  onStep: (step: number) => void;
  answers: PartialAnswers;
  onAnswers: (a: PartialAnswers) => void;
  onSubmit: (a: AdvisorAnswers) => void;
  busy: boolean;
}) {
  const [error, setError] = useState<string>();
  const legend = useRef<HTMLLegendElement>(null);
  const first = useRef(true);
  const q = ADVISOR_QUESTIONS[step];
  const last = step === ADVISOR_QUESTIONS.length - 1;

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves to the new question on each step
  useEffect(() => {
    setError(undefined);
    if (first.current) {
      first.current = false;
      return;
    }
    legend.current?.focus();
  }, [step]);

  if (!q) return null;
  const value = answers[q.key];
  function next(e: FormEvent) {
    e.preventDefault();
    if (!q) return;
    if (!value && q.key !== 'selfEfficacy') {
      setError('Choose one answer to go on.');
      return;
    }
    setError(undefined);
    if (!last) {
      onStep(step + 1);
      return;
    }
    const complete = completeAnswers(answers);
    if (complete) onSubmit(complete);
  }
  return (
    <form className="form advisor-steps" onSubmit={next} noValidate>
      <p className="step-count" aria-live="polite">
        Question {step + 1} of {ADVISOR_QUESTIONS.length}
      </p>
      <progress className="step-progress" max={ADVISOR_QUESTIONS.length} value={step + 1} aria-hidden="true" />
      <QuestionFieldset
        key={q.key}
        q={q}
        value={value}
        onChange={(v) => {
          setError(undefined);
          onAnswers({ ...answers, [q.key]: v });
        }}
        error={error}
        legendRef={legend}
      />
      <div className="form-actions">
        {step > 0 && (
          <button type="button" className="button button-secondary" onClick={() => onStep(step - 1)}>
            Back
          </button>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          {last ? (busy ? 'Thinking…' : 'See the recommendation') : 'Next'}
        </button>
      </div>
    </form>
  );
}

/** All questions at once (for "should this still be a performance goal?"). */
export function AdvisorAllQuestions({
  onSubmit,
  busy,
  submitLabel,
}: {
  onSubmit: (a: AdvisorAnswers) => void;
  busy: boolean;
  submitLabel: string;
}) {
  const [answers, setAnswers] = useState<PartialAnswers>({});
  const [tried, setTried] = useState(false);
  function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    const complete = completeAnswers(answers);
    if (complete) onSubmit(complete);
  }
  return (
    <form className="form" onSubmit={submit} noValidate>
      {ADVISOR_QUESTIONS.map((q) => (
        <QuestionFieldset
          key={q.key}
          q={q}
          value={answers[q.key]}
          onChange={(v) => setAnswers({ ...answers, [q.key]: v })}
          error={tried && !answers[q.key] && q.key !== 'selfEfficacy' ? 'Choose one answer.' : undefined}
        />
      ))}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Thinking…' : submitLabel}
        </button>
      </div>
    </form>
  );
}

export const RECOMMENDATION_LABELS: Record<Advice['recommendation'], string> = {
  learningGoal: 'A learning goal',
  performanceGoal: 'A performance goal',
  intention: 'An intention',
  experimentFirst: 'An experiment first',
};

/** The reasons, each with its rule id and citation, and the proposed if-then plans. */
export function AdviceBody({ advice, headingLevel = 3 }: { advice: Advice; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="advice">
      <p className="advice-summary">{advice.summary}</p>
      <H className="subheading">Why</H>
      <ol className="reason-list">
        {advice.reasons.map((r) => (
          <li key={`${r.ruleId}-${r.text}`} className="reason">
            <p className="reason-head">
              <span className="rule-id">{r.ruleId}</span> <strong>{RULE_TITLES[r.ruleId] ?? ''}</strong>
            </p>
            <p>{r.text}</p>
            <p className="citation">
              Source: <cite>{r.citation}</cite>
            </p>
          </li>
        ))}
      </ol>
      <H className="subheading">If-then {advice.ifThen.length === 1 ? 'plan' : 'plans'} to add</H>
      {advice.ifThen.map((p) => (
        <IfThenText key={`${p.cue}-${p.action}`} plan={p} />
      ))}
      {advice.milestones && (
        <p className="field-hint">
          Add short, revisable checkpoints (a milestone map) and read them as information, not as a verdict.
        </p>
      )}
    </div>
  );
}

/** Where to go to act on a recommendation, with the plans carried along. */
export function AdviceActions({ advice }: { advice: Advice }) {
  const state = { ifThen: advice.ifThen, advised: advice.recommendation };
  switch (advice.recommendation) {
    case 'learningGoal':
      return (
        <Link to="/goals/new?kind=learning" state={state} className="button button-primary">
          Create a learning goal
        </Link>
      );
    case 'performanceGoal':
      return (
        <Link to="/goals/new?kind=performance" state={state} className="button button-primary">
          Create a performance goal
        </Link>
      );
    case 'intention':
      return (
        <Link to="/intentions" className="button button-primary">
          Write an intention
        </Link>
      );
    case 'experimentFirst':
      return (
        <>
          <Link to="/directions" className="button button-primary">
            Start with a direction and an experiment
          </Link>
          <Link to="/goals/new?kind=learning" state={state} className="button button-secondary">
            Or a learning goal
          </Link>
        </>
      );
  }
}
