import type { CreateGoalInput, Goal, GoalKind, UpdateGoalInput } from '@tack/contracts';
import { LIMITS } from '@tack/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, errorMessage, fieldError } from '../../api.ts';
import { completePlans, halfPlanProblems, type IfThenPlan } from '../../discovery/lib.ts';
import { Choice, IfThenEditor, TextArea } from '../../discovery/Parts.tsx';
import { useDirections, useGoal, useInvalidateDiscovery } from '../../discovery/queries.ts';
import { useToday } from '../../practices/queries.ts';
import { ErrorRegion, Notice } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { TextField } from '../../ui/Field.tsx';
import { numberExample, numberForInput, parseNumber as parseAmount } from '../../ui/numbers.ts';
import { PageHeader } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { UnsavedChangesPrompt } from '../../ui/UnsavedChangesPrompt.tsx';
import { useFocusLater } from '../../ui/useFocusLater.ts';
import { useUnsavedChanges } from '../../ui/useUnsavedChanges.ts';

interface KrRow {
  id?: string;
  title: string;
  target: string;
  current: string;
  unit: string;
  confidence: string;
}
interface StrategyRow {
  id?: string;
  text: string;
  tried: boolean;
  reflection: string;
}
interface EvidenceRow {
  id?: string;
  date: string;
  text: string;
}
interface FormState {
  kind: GoalKind;
  title: string;
  why: string;
  directionId: string;
  ifThen: IfThenPlan[];
  metricName: string;
  unit: string;
  baseline: string;
  target: string;
  current: string;
  dueDate: string;
  keyResults: KrRow[];
  whatToLearn: string;
  strategies: StrategyRow[];
  evidence: EvidenceRow[];
}

const str = (n: number | null | undefined) => numberForInput(n);

function initial(goal: Goal | undefined, kind: GoalKind, directionId: string, ifThen: IfThenPlan[]): FormState {
  return {
    kind: goal?.kind ?? kind,
    title: goal?.title ?? '',
    why: goal?.why ?? '',
    directionId: goal?.directionId ?? directionId,
    ifThen: goal?.ifThen ?? (ifThen.length ? ifThen : [{ cue: '', action: '' }]),
    metricName: goal?.metric?.name ?? '',
    unit: goal?.metric?.unit ?? '',
    baseline: str(goal?.metric?.baseline),
    target: str(goal?.metric?.target),
    current: str(goal?.metric?.current),
    dueDate: goal?.dueDate ?? '',
    keyResults: (goal?.keyResults ?? []).map((k) => ({
      id: k.id,
      title: k.title,
      target: str(k.target),
      current: str(k.current),
      unit: k.unit ?? '',
      confidence: String(k.confidence),
    })),
    whatToLearn: goal?.whatToLearn ?? '',
    strategies: (goal?.strategies ?? []).map((s) => ({ ...s, reflection: s.reflection ?? '' })),
    evidence: goal?.evidence ?? [],
  };
}

/** A strategy row added and left blank: ignored on save. */
function emptyStrategy(x: StrategyRow): boolean {
  return x.text.trim() === '' && x.reflection.trim() === '';
}

function isPlans(v: unknown): v is IfThenPlan[] {
  return Array.isArray(v) && v.every((p) => typeof p === 'object' && p !== null && 'cue' in p && 'action' in p);
}

export function NewGoalPage() {
  const [params] = useSearchParams();
  const location = useLocation();
  const state = location.state as { ifThen?: unknown; advised?: string } | null;
  const kind: GoalKind = params.get('kind') === 'performance' ? 'performance' : 'learning';
  // The advisor words its plans "If …": the form's labels already say "If…", so drop the word.
  const plans = (isPlans(state?.ifThen) ? state.ifThen : []).map((p) => ({
    cue: p.cue.replace(/^if\s+/i, ''),
    action: p.action.replace(/^then\s+/i, ''),
  }));
  return (
    <GoalForm
      key={`${kind}-${location.key}`}
      kind={kind}
      directionId={params.get('direction') ?? ''}
      ifThen={plans}
      advised={!!state?.advised}
    />
  );
}

export function EditGoalPage() {
  const { id = '' } = useParams();
  const goal = useGoal(id);
  if (!goal.data) return <QueryState title="Edit goal" query={goal} back={{ to: '/goals', label: 'All goals' }} />;
  return (
    <GoalForm key={goal.data.id} goal={goal.data} kind={goal.data.kind} directionId="" ifThen={[]} advised={false} />
  );
}

function GoalForm({
  goal,
  kind,
  directionId,
  ifThen,
  advised,
}: {
  goal?: Goal;
  kind: GoalKind;
  directionId: string;
  ifThen: IfThenPlan[];
  advised: boolean;
}) {
  const id = useId();
  const navigate = useNavigate();
  const invalidate = useInvalidateDiscovery();
  const directions = useDirections();
  const today = useToday().data?.date ?? '';
  const [start] = useState<FormState>(() => initial(goal, kind, directionId, ifThen));
  const [s, setS] = useState<FormState>(start);
  const formRef = useRef<HTMLFormElement>(null);
  const focusLater = useFocusLater();
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { blocker, release } = useUnsavedChanges(JSON.stringify(s) !== JSON.stringify(start) || reason.trim() !== '');
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setS((prev) => ({ ...prev, [k]: v }));

  function fields() {
    const performance = s.kind === 'performance';
    const baseline = parseAmount(s.baseline);
    const target = parseAmount(s.target);
    const current = parseAmount(s.current);
    return {
      kind: s.kind,
      title: s.title.trim(),
      why: s.why.trim() || null,
      directionId: s.directionId || null,
      ifThen: completePlans(s.ifThen),
      metric:
        performance && baseline !== undefined && target !== undefined
          ? {
              name: s.metricName.trim(),
              unit: s.unit.trim(),
              baseline,
              target,
              ...(current !== undefined ? { current } : {}),
            }
          : performance
            ? undefined
            : null,
      dueDate: performance ? s.dueDate || null : null,
      keyResults: performance
        ? s.keyResults.map((k) => ({
            ...(k.id ? { id: k.id } : {}),
            title: k.title.trim(),
            target: parseAmount(k.target) ?? Number.NaN,
            current: k.current.trim() ? (parseAmount(k.current) ?? Number.NaN) : 0,
            unit: k.unit.trim() || null,
            confidence: Number(k.confidence),
          }))
        : [],
      whatToLearn: performance ? null : s.whatToLearn.trim() || null,
      strategies: performance
        ? []
        : s.strategies
            .filter((x) => !emptyStrategy(x))
            .map((x) => ({
              ...(x.id ? { id: x.id } : {}),
              text: x.text.trim(),
              tried: x.tried,
              reflection: x.reflection.trim() || null,
            })),
      evidence: performance
        ? []
        : s.evidence
            .filter((x) => x.text.trim() !== '')
            .map((x) => ({ ...(x.id ? { id: x.id } : {}), date: x.date, text: x.text.trim() })),
    };
  }

  const save = useMutation({
    mutationFn: async (): Promise<Goal> => {
      const f = fields();
      if (!goal) {
        const input: CreateGoalInput = { ...f, metric: f.metric ?? null };
        return api.goals.create(input);
      }
      const patch: UpdateGoalInput = { ...f, metric: f.metric ?? null, reason: reason.trim() };
      return api.goals.update(goal.id, patch);
    },
    onSuccess: async (g) => {
      release();
      await invalidate();
      await navigate(`/goals/${g.id}`);
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const p: Record<string, string> = {};
    if (!s.title.trim()) p.title = 'Give the goal a title.';
    if (s.kind === 'performance') {
      if (!s.metricName.trim()) p['metric.name'] = 'Say what is measured.';
      if (!s.unit.trim()) p['metric.unit'] = 'Give a unit (km, minutes, clients…).';
      const like = numberExample();
      if (parseAmount(s.baseline) === undefined) p['metric.baseline'] = `Where you start, as a number like ${like}.`;
      if (parseAmount(s.target) === undefined) p['metric.target'] = `Where you aim, as a number like ${like}.`;
      else if (parseAmount(s.target) === parseAmount(s.baseline))
        p['metric.target'] = 'Aim somewhere other than where you start: progress is measured between the two.';
      if (s.current.trim() && parseAmount(s.current) === undefined)
        p['metric.current'] = `A number like ${like}, or leave it empty.`;
      if (!s.dueDate) p.dueDate = 'A performance goal needs a date.';
      s.keyResults.forEach((k, i) => {
        if (!k.title.trim()) p[`keyResults.${i}.title`] = 'Give the key result a title.';
        if (parseAmount(k.target) === undefined) p[`keyResults.${i}.target`] = `A target number like ${like}.`;
        else if (parseAmount(k.target) === 0)
          p[`keyResults.${i}.target`] = 'A target other than 0: a key result counts from 0 up to it.';
        if (k.current.trim() && parseAmount(k.current) === undefined)
          p[`keyResults.${i}.current`] = `A number like ${like}, or leave it empty.`;
      });
    } else {
      if (!s.whatToLearn.trim()) p.whatToLearn = 'Say what you want to learn or try.';
      s.strategies.forEach((x, i) => {
        if (!emptyStrategy(x) && !x.text.trim()) p[`strategies.${i}.text`] = 'Name the strategy, or remove it.';
      });
      s.evidence.forEach((x, i) => {
        if (x.text.trim() && !x.date) p[`evidence.${i}.date`] = 'Pick the date it happened.';
      });
    }
    Object.assign(p, halfPlanProblems(s.ifThen));
    if (goal && !reason.trim()) p.reason = 'Say what changed and what you learned: it is kept with the goal.';
    setProblems(p);
    if (Object.keys(p).length === 0) save.mutate();
    else focusLater(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]'));
  }
  const fe = (path: string) => problems[path] ?? fieldError(save.error, path);
  const general = save.isError ? errorMessage(save.error) : undefined;
  const title = goal ? `Edit ${goal.title}` : s.kind === 'performance' ? 'New performance goal' : 'New learning goal';

  return (
    <>
      <PageHeader
        title={title}
        lead={
          goal
            ? 'Changing a goal is learning: every edit keeps its reason.'
            : 'You can change any of it later, with a reason.'
        }
      />
      <UnsavedChangesPrompt blocker={blocker} />
      <form ref={formRef} className="form narrow-form goal-form" onSubmit={submit} noValidate>
        {!goal && !advised && (
          <Notice>
            Not sure which kind? <Link to="/advisor">Ask the advisor</Link>: seven questions, with the research behind
            the answer.
          </Notice>
        )}
        {advised && <Notice>Pre-filled with the advisor’s if-then plan. Adjust it to your words.</Notice>}
        <ErrorRegion message={general} />
        <Card title="The goal">
          <div className="form">
            <fieldset className="choice-group">
              <legend>Kind</legend>
              <div className="choice-row">
                <Choice
                  name={`${id}-kind`}
                  checked={s.kind === 'learning'}
                  onChange={() => set('kind', 'learning')}
                  label="Learning goal"
                  hint="What to learn or try: for new tasks and uncertain contexts"
                />
                <Choice
                  name={`${id}-kind`}
                  checked={s.kind === 'performance'}
                  onChange={() => set('kind', 'performance')}
                  label="Performance goal"
                  hint="An outcome: when the skill is there and it is in your hands"
                />
              </div>
              {goal && s.kind !== goal.kind && <KindSwitchNote goal={goal} />}
            </fieldset>
            <TextField
              label="Title"
              value={s.title}
              onChange={(v) => set('title', v)}
              error={fe('title')}
              maxLength={LIMITS.nameMax}
              autoComplete="off"
            />
            <TextArea
              label="Why it matters (optional)"
              value={s.why}
              onChange={(v) => set('why', v)}
              error={fe('why')}
            />
            <div className="field">
              <label htmlFor={`${id}-dir`}>Direction (optional)</label>
              <select id={`${id}-dir`} value={s.directionId} onChange={(e) => set('directionId', e.target.value)}>
                <option value="">None</option>
                {(directions.data ?? []).map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </Card>

        {s.kind === 'performance' ? (
          <>
            <Card title="Measure" description="Specific and time-bound: from where you are to where you aim, by when.">
              <div className="form">
                <div className="field-row">
                  <TextField
                    label="What is measured"
                    value={s.metricName}
                    onChange={(v) => set('metricName', v)}
                    error={fe('metric.name')}
                    maxLength={LIMITS.nameMax}
                    autoComplete="off"
                  />
                  <TextField
                    label="Unit"
                    value={s.unit}
                    onChange={(v) => set('unit', v)}
                    error={fe('metric.unit')}
                    maxLength={40}
                    autoComplete="off"
                  />
                </div>
                <div className="field-row">
                  <TextField
                    label="Baseline"
                    value={s.baseline}
                    onChange={(v) => set('baseline', v)}
                    error={fe('metric.baseline')}
                    inputMode="decimal"
                    autoComplete="off"
                  />
                  <TextField
                    label="Target"
                    value={s.target}
                    onChange={(v) => set('target', v)}
                    error={fe('metric.target')}
                    inputMode="decimal"
                    autoComplete="off"
                  />
                  <TextField
                    label="Now (optional)"
                    value={s.current}
                    onChange={(v) => set('current', v)}
                    error={fe('metric.current')}
                    inputMode="decimal"
                    autoComplete="off"
                  />
                </div>
                <TextField
                  label="Due date"
                  type="date"
                  value={s.dueDate}
                  onChange={(v) => set('dueDate', v)}
                  error={fe('dueDate')}
                />
              </div>
            </Card>
            <Card title="Key results (optional)" description="Progress and how sure you are (0–10) for each.">
              <div className="stack-small">
                {s.keyResults.map((k, i) => {
                  const upd = (patch: Partial<KrRow>) =>
                    set(
                      'keyResults',
                      s.keyResults.map((x, j) => (j === i ? { ...x, ...patch } : x)),
                    );
                  return (
                    <fieldset key={k.id ?? `new-${i}`} className="repeat-item">
                      <legend>Key result {i + 1}</legend>
                      <TextField
                        label="Title"
                        value={k.title}
                        onChange={(v) => upd({ title: v })}
                        error={fe(`keyResults.${i}.title`)}
                        maxLength={LIMITS.nameMax}
                        autoComplete="off"
                      />
                      <div className="field-row">
                        <TextField
                          label="Now"
                          value={k.current}
                          onChange={(v) => upd({ current: v })}
                          error={fe(`keyResults.${i}.current`)}
                          inputMode="decimal"
                        />
                        <TextField
                          label="Target"
                          value={k.target}
                          onChange={(v) => upd({ target: v })}
                          error={fe(`keyResults.${i}.target`)}
                          inputMode="decimal"
                        />
                        <TextField label="Unit" value={k.unit} onChange={(v) => upd({ unit: v })} maxLength={40} />
                      </div>
                      <div className="field">
                        <label htmlFor={`${id}-conf-${i}`}>Confidence: {k.confidence} of 10</label>
                        <input
                          id={`${id}-conf-${i}`}
                          type="range"
                          min={0}
                          max={10}
                          step={1}
                          value={k.confidence}
                          onChange={(e) => upd({ confidence: e.target.value })}
                          aria-valuetext={`${k.confidence} of 10`}
                        />
                      </div>
                      <button
                        type="button"
                        className="button button-quiet button-small"
                        onClick={() =>
                          set(
                            'keyResults',
                            s.keyResults.filter((_, j) => j !== i),
                          )
                        }
                      >
                        Remove key result {i + 1}
                      </button>
                    </fieldset>
                  );
                })}
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() =>
                    set('keyResults', [
                      ...s.keyResults,
                      { title: '', target: '', current: '0', unit: '', confidence: '5' },
                    ])
                  }
                >
                  Add a key result
                </button>
              </div>
            </Card>
          </>
        ) : (
          <>
            <Card title="What to learn">
              <div className="form">
                <TextArea
                  label="What I want to learn or try"
                  value={s.whatToLearn}
                  onChange={(v) => set('whatToLearn', v)}
                  error={fe('whatToLearn')}
                  hint="“Three ways to give feedback that lands”, “how to pace a 10 km run”."
                />
              </div>
            </Card>
            <Card title="Strategies" description="Ways to learn it. Mark one tried when you have, with what happened.">
              <div className="stack-small">
                {s.strategies.map((x, i) => {
                  const upd = (patch: Partial<StrategyRow>) =>
                    set(
                      'strategies',
                      s.strategies.map((y, j) => (j === i ? { ...y, ...patch } : y)),
                    );
                  return (
                    <fieldset key={x.id ?? `new-${i}`} className="repeat-item">
                      <legend>Strategy {i + 1}</legend>
                      <TextField
                        label="Strategy"
                        value={x.text}
                        onChange={(v) => upd({ text: v })}
                        error={fe(`strategies.${i}.text`)}
                        maxLength={LIMITS.textMax}
                        autoComplete="off"
                      />
                      <label className="check-item">
                        <input type="checkbox" checked={x.tried} onChange={(e) => upd({ tried: e.target.checked })} />
                        <span>Tried it</span>
                      </label>
                      {x.tried && (
                        <TextArea
                          label="What happened when I tried it"
                          value={x.reflection}
                          onChange={(v) => upd({ reflection: v })}
                        />
                      )}
                      <button
                        type="button"
                        className="button button-quiet button-small"
                        onClick={() =>
                          set(
                            'strategies',
                            s.strategies.filter((_, j) => j !== i),
                          )
                        }
                      >
                        Remove strategy {i + 1}
                      </button>
                    </fieldset>
                  );
                })}
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => set('strategies', [...s.strategies, { text: '', tried: false, reflection: '' }])}
                >
                  Add a strategy
                </button>
              </div>
            </Card>
            <Card title="Evidence" description="What shows you are learning: a moment, a result, feedback.">
              <div className="stack-small">
                {s.evidence.map((x, i) => {
                  const upd = (patch: Partial<EvidenceRow>) =>
                    set(
                      'evidence',
                      s.evidence.map((y, j) => (j === i ? { ...y, ...patch } : y)),
                    );
                  return (
                    <fieldset key={x.id ?? `new-${i}`} className="repeat-item">
                      <legend>Evidence {i + 1}</legend>
                      <div className="field-row">
                        <TextField
                          label="Date"
                          type="date"
                          value={x.date}
                          onChange={(v) => upd({ date: v })}
                          error={fe(`evidence.${i}.date`)}
                        />
                        <TextField
                          label="What happened"
                          value={x.text}
                          onChange={(v) => upd({ text: v })}
                          error={fe(`evidence.${i}.text`)}
                          maxLength={LIMITS.textMax}
                        />
                      </div>
                      <button
                        type="button"
                        className="button button-quiet button-small"
                        onClick={() =>
                          set(
                            'evidence',
                            s.evidence.filter((_, j) => j !== i),
                          )
                        }
                      >
                        Remove evidence {i + 1}
                      </button>
                    </fieldset>
                  );
                })}
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => set('evidence', [...s.evidence, { date: today, text: '' }])}
                >
                  Add evidence
                </button>
              </div>
            </Card>
          </>
        )}

        <Card
          title="If-then plans"
          description="Decide in advance what you do when a situation comes: “If it rains on a run day, then I stretch for 20 minutes at home.”"
        >
          <IfThenEditor value={s.ifThen} onChange={(v) => set('ifThen', v)} error={fe} />
        </Card>

        {goal && (
          <Card title="What changed, what did you learn?">
            <TextArea
              label="Reason for this change"
              value={reason}
              onChange={setReason}
              error={fe('reason')}
              required
              rows={3}
              hint="Required: kept in the goal’s timeline, because changing a goal is learning."
            />
          </Card>
        )}

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : goal ? 'Save changes' : 'Create goal'}
          </button>
          <Link to={goal ? `/goals/${goal.id}` : '/goals'} className="button button-quiet">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

/** What switching kind sets aside: it leaves the goal, and stays readable in its history. */
function KindSwitchNote({ goal }: { goal: Goal }) {
  const count = (n: number, one: string, many: string) => (n === 0 ? [] : [`${n} ${n === 1 ? one : many}`]);
  const dropped =
    goal.kind === 'learning'
      ? [
          ...(goal.whatToLearn ? ['what to learn'] : []),
          ...count(goal.strategies.length, 'strategy', 'strategies'),
          ...count(goal.evidence.length, 'piece of evidence', 'pieces of evidence'),
        ]
      : [
          ...(goal.metric ? ['the measure'] : []),
          ...(goal.dueDate ? ['the due date'] : []),
          ...count(goal.keyResults.length, 'key result', 'key results'),
        ];
  if (dropped.length === 0) return <p className="field-hint">Switching kind keeps the goal’s history.</p>;
  return (
    <p className="alert alert-warning">
      Switching kind sets aside{' '}
      {dropped.length > 1 ? `${dropped.slice(0, -1).join(', ')} and ${dropped.at(-1)}` : dropped[0]}. They stay readable
      in the goal’s history (“Before this change”).
    </p>
  );
}
