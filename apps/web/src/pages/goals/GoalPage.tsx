import {
  GOAL_STATUSES,
  type Goal,
  type GoalAdvice,
  type GoalRevision,
  type GoalSnapshot,
  type GoalStatus,
} from '@tack/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link, useNavigate, useParams } from 'react-router';
import { api, errorMessage, fieldError } from '../../api.ts';
import { AdviceBody, AdvisorAllQuestions } from '../../discovery/Advisor.tsx';
import { DeleteButton } from '../../discovery/DeleteButton.tsx';
import { GOAL_KIND_LABELS, GOAL_STATUS_LABELS, goalDuePassed, learningProgressInWords } from '../../discovery/lib.ts';
import { MilestoneMapCard } from '../../discovery/MilestoneMap.tsx';
import { Pill, TextArea } from '../../discovery/Parts.tsx';
import { useDirections, useGoal, useInvalidateDiscovery, useRevisions } from '../../discovery/queries.ts';
import { longDate, mediumDate } from '../../practices/lib.ts';
import { useToday } from '../../practices/queries.ts';
import { ErrorRegion, StatusRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { IfThenText } from '../../ui/IfThenText.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';

export function GoalPage() {
  const { id = '' } = useParams();
  const goal = useGoal(id);
  if (!goal.data) return <QueryState title="Goal" query={goal} back={{ to: '/goals', label: 'All goals' }} />;
  return <GoalView key={goal.data.id} goal={goal.data} />;
}

export function ProgressText({ goal }: { goal: Goal }) {
  const p = goal.progress;
  if (p.kind === 'learning') return <>{learningProgressInWords(p)}</>;
  return <>{p.percent === null ? 'No progress measured yet' : `${Math.round(p.percent)}% of the way`}</>;
}

/** A goal's number as the person reads numbers: "1,000" or "1.000". */
const fmt = (n: number) => n.toLocaleString(undefined, { maximumFractionDigits: 6 });
/** "3 of 10 races": a key result's amount now against its target. */
const keyResultAmount = (k: Goal['keyResults'][number]) =>
  `${fmt(k.current)} of ${fmt(k.target)}${k.unit ? ` ${k.unit}` : ''}`;

function GoalView({ goal: g }: { goal: Goal }) {
  // The person's day as Today counts it (an ISO date, like the due date it is compared with).
  const today = useToday().data?.date;
  const overdue = goalDuePassed(g, today);
  const directions = useDirections();
  const direction = (directions.data ?? []).find((d) => d.id === g.directionId);
  const [status, setStatus] = useState('');
  const navigate = useNavigate();
  const invalidate = useInvalidateDiscovery();
  const kr = g.progress.kind === 'performance' ? g.progress.keyResults : [];
  // Once deleted, the page stops showing (and asking for) the goal's parts while it is left.
  const [gone, setGone] = useState(false);
  if (gone) return null;
  return (
    <>
      <PageHeader title={g.title} lead={g.why ?? undefined}>
        <div className="page-actions">
          <Link to={`/goals/${g.id}/edit`} className="button button-primary">
            Edit goal
          </Link>
          <Link to="/goals" className="button button-quiet">
            All goals
          </Link>
        </div>
      </PageHeader>
      <StatusRegion>{status}</StatusRegion>
      <div className="stack">
        <Card title="At a glance">
          <dl className="facts">
            <div>
              <dt>Kind</dt>
              <dd>{GOAL_KIND_LABELS[g.kind]}</dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>{GOAL_STATUS_LABELS[g.status]}</dd>
            </div>
            <div>
              <dt>Progress</dt>
              <dd>
                <ProgressText goal={g} />
              </dd>
            </div>
            {direction && (
              <div>
                <dt>Direction</dt>
                <dd>
                  <Link to={`/directions/${direction.id}`}>{direction.name}</Link>
                </dd>
              </div>
            )}
            {g.metric && (
              <div>
                <dt>{g.metric.name}</dt>
                <dd>
                  {fmt(g.metric.current ?? g.metric.baseline)} {g.metric.unit} now · from {fmt(g.metric.baseline)} to{' '}
                  {fmt(g.metric.target)} {g.metric.unit}
                </dd>
              </div>
            )}
            {g.dueDate && (
              <div>
                <dt>Due</dt>
                <dd>
                  {longDate(g.dueDate)}
                  {overdue && (
                    <>
                      {' '}
                      <Pill tone="warn">passed</Pill> Time to revise the date, or to mark it achieved or let go.
                    </>
                  )}
                </dd>
              </div>
            )}
            {g.whatToLearn && (
              <div>
                <dt>What I want to learn</dt>
                <dd>{g.whatToLearn}</dd>
              </div>
            )}
            {g.learnings && (
              <div>
                <dt>What I learned</dt>
                <dd>{g.learnings}</dd>
              </div>
            )}
          </dl>
          {g.progress.kind === 'performance' && g.progress.percent !== null && (
            <progress
              className="goal-progress"
              max={100}
              value={Math.max(0, Math.min(100, g.progress.percent))}
              aria-label="Progress toward the target"
            />
          )}
        </Card>

        {g.kind === 'performance' && g.keyResults.length > 0 && (
          <Card title="Key results">
            <ul className="item-list">
              {g.keyResults.map((k) => {
                const pct = kr.find((x) => x.id === k.id)?.percent;
                return (
                  <li key={k.id} className="item">
                    <p className="item-title-text">{k.title}</p>
                    <p className="item-meta">
                      {keyResultAmount(k)}
                      {pct !== null && pct !== undefined ? ` (${Math.round(pct)}%)` : ''} · confidence {k.confidence}/10
                    </p>
                  </li>
                );
              })}
            </ul>
          </Card>
        )}

        {g.kind === 'learning' && (
          <div className="card-grid">
            <Card title="Strategies">
              {g.strategies.length === 0 ? (
                <p className="empty">
                  None yet. <Link to={`/goals/${g.id}/edit`}>Add one</Link>.
                </p>
              ) : (
                <ul className="item-list">
                  {g.strategies.map((x) => (
                    <li key={x.id} className="item">
                      <p className="item-title-text">
                        {x.text} {x.tried && <Pill tone="good">Tried</Pill>}
                      </p>
                      {x.reflection && <p className="item-meta">{x.reflection}</p>}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card title="Evidence">
              {g.evidence.length === 0 ? (
                <p className="empty">Nothing yet.</p>
              ) : (
                <ul className="item-list">
                  {g.evidence.map((x) => (
                    <li key={x.id} className="item">
                      <p className="item-meta">{mediumDate(x.date)}</p>
                      <p>{x.text}</p>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
        )}

        <Card title="If-then plans">
          {g.ifThen.length === 0 ? (
            <p className="empty">
              No plan yet. <Link to={`/goals/${g.id}/edit`}>Add one</Link>: “If situation X, then I do Y” helps more
              than willpower.
            </p>
          ) : (
            g.ifThen.map((p) => <IfThenText key={`${p.cue}-${p.action}`} plan={p} />)
          )}
        </Card>

        <StatusCard goal={g} onDone={setStatus} />
        <AdviceCard goal={g} />
        <MilestoneMapCard of={{ goalId: g.id }} />
        <RevisionTimeline goal={g} />
        <Card title="Remove this goal">
          <p className="field-hint">Letting go (in Status) keeps what you learned; deleting removes the goal.</p>
          <DeleteButton
            label="Delete goal"
            title={`Delete “${g.title}”?`}
            explanation={
              <p>
                It has a history of changes. The goal and its timeline move to “Recently deleted” on the Goals page,
                where you can restore them.
              </p>
            }
            remove={(confirm) => api.goals.remove(g.id, { confirm })}
            onDeleted={async () => {
              // At once (not at React's next render), so the refresh below no longer sees its milestone map.
              flushSync(() => setGone(true));
              // Leave first: refreshing while this page is shown would ask for its deleted milestone map.
              await navigate('/goals');
              await invalidate();
            }}
          />
        </Card>
      </div>
    </>
  );
}

const STATUS_HINTS: Record<GoalStatus, string> = {
  exploring: 'Still finding out whether this is the right goal.',
  active: 'Working on it.',
  paused: 'Resting it for now; nothing is lost.',
  achieved: 'Done.',
  letGo: 'It stopped being the right goal. What you learned stays.',
};

function StatusCard({ goal, onDone }: { goal: Goal; onDone: (s: string) => void }) {
  const id = useId();
  const invalidate = useInvalidateDiscovery();
  const [next, setNext] = useState<GoalStatus>(goal.status);
  const [learnings, setLearnings] = useState(goal.learnings ?? '');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      api.goals.update(goal.id, {
        status: next,
        ...(next === 'letGo' ? { learnings: learnings.trim() } : {}),
        reason: reason.trim(),
      }),
    onSuccess: async () => {
      onDone(`Status changed to ${GOAL_STATUS_LABELS[next]}.`);
      setReason('');
      await invalidate();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const p: Record<string, string> = {};
    if (next === goal.status) p.status = 'Choose a different status.';
    if (next === 'letGo' && !learnings.trim())
      p.learnings = 'Write what you learned: letting go is a result, not a failure.';
    if (!reason.trim()) p.reason = 'Say what changed: it is kept in the timeline.';
    setProblems(p);
    if (Object.keys(p).length === 0) save.mutate();
  }
  const fe = (path: string) => problems[path] ?? fieldError(save.error, path);
  return (
    <Card title="Status" description={`Now: ${GOAL_STATUS_LABELS[goal.status]}.`}>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorRegion
          message={save.isError && !fe('learnings') && !fe('reason') ? errorMessage(save.error) : undefined}
        />
        <div className="field">
          <label htmlFor={`${id}-status`}>Change status to</label>
          <select
            id={`${id}-status`}
            value={next}
            onChange={(e) => setNext(e.target.value as GoalStatus)}
            aria-describedby={`${id}-status-hint${fe('status') ? ` ${id}-status-error` : ''}`}
            aria-invalid={fe('status') ? true : undefined}
          >
            {GOAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {GOAL_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
          <p id={`${id}-status-hint`} className="field-hint">
            {STATUS_HINTS[next]}
          </p>
          {fe('status') && (
            <p id={`${id}-status-error`} className="field-error">
              ⚠ {fe('status')}
            </p>
          )}
        </div>
        {next === 'letGo' && (
          <TextArea
            label="What did you learn?"
            value={learnings}
            onChange={setLearnings}
            error={fe('learnings')}
            required
            hint="Changing course is the system working. Name what this goal taught you."
          />
        )}
        <TextArea label="What changed?" value={reason} onChange={setReason} error={fe('reason')} required />
        <div className="form-actions">
          <button type="submit" className="button button-secondary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Change status'}
          </button>
        </div>
      </form>
    </Card>
  );
}

function AdviceCard({ goal }: { goal: Goal }) {
  const [open, setOpen] = useState(false);
  const advise = useMutation({
    mutationFn: (a: Parameters<typeof api.goals.advice>[1]) => api.goals.advice(goal.id, a),
  });
  const question =
    goal.kind === 'performance' ? 'Should this still be a performance goal?' : 'Should this still be a learning goal?';
  return (
    <Card title={question} description="Answer the advisor’s questions for this goal as it is now.">
      {!open ? (
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          Ask the advisor about this goal
        </button>
      ) : advise.data ? (
        <GoalAdviceView advice={advise.data} goal={goal} onAgain={() => advise.reset()} />
      ) : (
        <>
          <ErrorRegion message={advise.isError ? errorMessage(advise.error) : undefined} />
          <AdvisorAllQuestions busy={advise.isPending} onSubmit={(a) => advise.mutate(a)} submitLabel="Get advice" />
        </>
      )}
    </Card>
  );
}

function GoalAdviceView({ advice, goal, onAgain }: { advice: GoalAdvice; goal: Goal; onAgain: () => void }) {
  return (
    <section className="stack-small" aria-label="Advice for this goal">
      <p className={`alert ${advice.keep ? 'alert-info' : 'alert-warning'}`}>{advice.explanation}</p>
      <AdviceBody advice={advice} />
      <div className="form-actions">
        {!advice.keep && (
          <Link to={`/goals/${goal.id}/edit`} className="button button-primary">
            Rework the goal
          </Link>
        )}
        <button type="button" className="button button-quiet" onClick={onAgain}>
          Answer again
        </button>
      </div>
    </section>
  );
}

const FIELD_NAMES: Record<string, string> = {
  whatToLearn: 'what to learn',
  ifThen: 'if-then plans',
  keyResults: 'key results',
  dueDate: 'due date',
  directionId: 'direction',
  intentionId: 'intention',
};

const sentenceCase = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/** Whether a snapshot holds something for this field (an empty list or null shows nothing). */
function hasValue(snapshot: GoalSnapshot, field: string): boolean {
  const v = (snapshot as Record<string, unknown>)[field];
  return Array.isArray(v) ? v.length > 0 : v !== null && v !== undefined && v !== '';
}

/** "Before this change": what the changed fields held, when any held something. */
function RevisionBefore({ revision: r }: { revision: GoalRevision }) {
  const before = r.before;
  const fields = before ? r.changed.filter((c) => hasValue(before, c)) : [];
  if (!before || fields.length === 0) return null;
  return (
    <details className="revision-before">
      <summary>Before this change</summary>
      <dl className="facts">
        {fields.map((c) => (
          <div key={c}>
            <dt>{sentenceCase(FIELD_NAMES[c] ?? c)}</dt>
            <dd>
              <SnapshotValue snapshot={before} field={c} />
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** A field of an earlier version of the goal, in words: nothing written before a change is out of sight. */
function SnapshotValue({ snapshot: b, field }: { snapshot: GoalSnapshot; field: string }) {
  const directions = useDirections();
  switch (field) {
    case 'kind':
      return <>{GOAL_KIND_LABELS[b.kind]}</>;
    case 'status':
      return <>{GOAL_STATUS_LABELS[b.status]}</>;
    case 'dueDate':
      return <>{b.dueDate ? longDate(b.dueDate) : ''}</>;
    case 'metric':
      return b.metric ? (
        <>
          {b.metric.name}: from {fmt(b.metric.baseline)} to {fmt(b.metric.target)} {b.metric.unit}
          {b.metric.current !== null && b.metric.current !== undefined ? ` (${fmt(b.metric.current)} then)` : ''}
        </>
      ) : null;
    case 'keyResults':
      return (
        <ul>
          {b.keyResults.map((k) => (
            <li key={k.id}>
              {k.title}: {keyResultAmount(k)}
            </li>
          ))}
        </ul>
      );
    case 'strategies':
      return (
        <ul>
          {b.strategies.map((x) => (
            <li key={x.id}>
              {x.text}
              {x.tried ? ' (tried)' : ''}
              {x.reflection ? `: ${x.reflection}` : ''}
            </li>
          ))}
        </ul>
      );
    case 'evidence':
      return (
        <ul>
          {b.evidence.map((x) => (
            <li key={x.id}>
              {mediumDate(x.date)}: {x.text}
            </li>
          ))}
        </ul>
      );
    case 'ifThen':
      return (
        <ul>
          {b.ifThen.map((x) => (
            <li key={`${x.cue}|${x.action}`}>
              <IfThenText plan={x} />
            </li>
          ))}
        </ul>
      );
    case 'directionId':
      return <>{(directions.data ?? []).find((d) => d.id === b.directionId)?.name ?? 'A direction'}</>;
    case 'intentionId':
      return <>An intention</>;
    default: {
      const v = (b as Record<string, unknown>)[field];
      return <>{typeof v === 'string' || typeof v === 'number' ? String(v) : ''}</>;
    }
  }
}

function RevisionTimeline({ goal }: { goal: Goal }) {
  const revisions = useRevisions(goal.id);
  return (
    <Card
      title="How this goal changed"
      description="Every edit with its reason, newest first. Changing a goal is learning."
    >
      {revisions.isPending ? (
        <Loading />
      ) : revisions.isError ? (
        <ErrorRegion message={errorMessage(revisions.error)} />
      ) : (
        <ol className="revision-timeline">
          {[...revisions.data].reverse().map((r: GoalRevision) => (
            <li key={r.number} className="revision">
              <p className="revision-head">
                <time dateTime={r.at}>{mediumDate(r.at.slice(0, 10))}</time>
                {r.number === 0 ? ' · created' : ` · changed ${r.changed.map((c) => FIELD_NAMES[c] ?? c).join(', ')}`}
              </p>
              <p className="revision-reason">{r.reason}</p>
              <RevisionBefore revision={r} />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
