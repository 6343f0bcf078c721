import { type Direction, LIMITS, type Practice } from '@tack/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link, useNavigate, useParams } from 'react-router';
import { api, errorMessage, fieldError } from '../../api.ts';
import { DeleteButton } from '../../discovery/DeleteButton.tsx';
import { EditForm, useEditToggle } from '../../discovery/EditForm.tsx';
import { EXPERIMENT_STATUS_LABELS, GOAL_STATUS_LABELS, VERDICT_RESULT } from '../../discovery/lib.ts';
import { MilestoneMapCard } from '../../discovery/MilestoneMap.tsx';
import { MakePracticeForm, Pill } from '../../discovery/Parts.tsx';
import {
  discoveryKeys,
  useDirection,
  useExperiments,
  useGoals,
  useInvalidateDiscovery,
} from '../../discovery/queries.ts';
import { mediumDate } from '../../practices/lib.ts';
import { PracticeLink } from '../../practices/PracticeLink.tsx';
import { usePracticeList } from '../../practices/queries.ts';
import { ErrorRegion, StatusRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { asSentence } from '../../ui/sentence.ts';

export function DirectionPage() {
  const { id = '' } = useParams();
  const direction = useDirection(id);
  if (!direction.data)
    return <QueryState title="Direction" query={direction} back={{ to: '/directions', label: 'All directions' }} />;
  return <DirectionView direction={direction.data} />;
}

function DirectionView({ direction: d }: { direction: Direction }) {
  const experiments = useExperiments(d.id);
  const goals = useGoals();
  const practices = usePracticeList('all');
  const navigate = useNavigate();
  const invalidate = useInvalidateDiscovery();
  const [status, setStatus] = useState('');
  const linkedIds = new Set<string>();
  for (const a of d.answers) if (a.practiceId) linkedIds.add(a.practiceId);
  for (const e of experiments.data ?? []) for (const p of e.practiceIds) linkedIds.add(p);
  const linkedPractices = (practices.data ?? []).filter((p) => linkedIds.has(p.id));
  const practiceById = new Map((practices.data ?? []).map((p) => [p.id, p]));
  const directionGoals = (goals.data ?? []).filter((g) => g.directionId === d.id);
  const running = (experiments.data ?? []).find((e) => !e.verdict);
  const edit = useEditToggle();
  const qc = useQueryClient();
  // Once deleted, the page stops showing (and asking for) the direction's parts while it is left.
  const [gone, setGone] = useState(false);
  if (gone) return null;

  return (
    <>
      <PageHeader title={d.name} lead={d.description ?? undefined}>
        <div className="page-actions">
          <Link to={`/experiments/new?direction=${d.id}`} className="button button-primary">
            Start an experiment
          </Link>
          {!edit.editing && (
            <button ref={edit.button} type="button" className="button button-secondary" onClick={edit.open}>
              Edit name and description
            </button>
          )}
          <Link to="/directions" className="button button-quiet">
            All directions
          </Link>
        </div>
      </PageHeader>
      <StatusRegion>{status}</StatusRegion>
      <div className="stack">
        {edit.editing && (
          <Card title="Edit the direction">
            <EditForm
              label="Edit the direction"
              fields={[
                {
                  path: 'name',
                  label: 'Name',
                  initial: d.name,
                  maxLength: LIMITS.nameMax,
                  required: 'Give the direction a name.',
                  hint: 'The kind of person you want to be.',
                },
                {
                  path: 'description',
                  label: 'Description (optional)',
                  initial: d.description ?? '',
                  maxLength: LIMITS.textMax,
                  multiline: true,
                },
              ]}
              save={(v) => api.directions.update(d.id, { name: v.name ?? d.name, description: v.description || null })}
              onSaved={async (saved) => {
                qc.setQueryData(discoveryKeys.direction(d.id), saved);
                setStatus('Direction saved.');
                edit.close();
                await invalidate();
              }}
              onCancel={edit.close}
            />
          </Card>
        )}
        <Card
          title={d.question}
          description="Think of a normal person a few months in, not an Olympian. Small, concrete things for this week."
          className="question-card"
        >
          <AddAnswer direction={d} onAdded={setStatus} />
          {d.answers.length === 0 ? (
            <p className="empty">No answers yet.</p>
          ) : (
            <ul className="item-list answers">
              {d.answers.map((a) => (
                <Answer
                  key={a.id}
                  direction={d}
                  answer={a}
                  practice={a.practiceId ? practiceById.get(a.practiceId) : undefined}
                  onDone={setStatus}
                />
              ))}
            </ul>
          )}
        </Card>

        <Card title="Experiments" description="Try this direction for about six weeks, then decide.">
          {experiments.isPending ? (
            <Loading />
          ) : experiments.isError ? (
            <ErrorRegion message={errorMessage(experiments.error)} />
          ) : experiments.data.length === 0 ? (
            <p className="empty">
              No experiments yet. <Link to={`/experiments/new?direction=${d.id}`}>Start the first one</Link>.
            </p>
          ) : (
            <ul className="item-list">
              {experiments.data.map((e) => (
                <li key={e.id} className="item">
                  <Link to={`/experiments/${e.id}`} className="item-title">
                    {e.hypothesis}
                  </Link>
                  <p className="item-meta">
                    <Pill tone={e.verdict ? 'calm' : 'good'}>
                      {e.verdict ? VERDICT_RESULT[e.verdict.verdict] : EXPERIMENT_STATUS_LABELS[e.status]}
                    </Pill>{' '}
                    {mediumDate(e.startDate)} – {mediumDate(e.decisionDate)} · {e.lengthWeeks} weeks
                  </p>
                </li>
              ))}
            </ul>
          )}
          {running && (
            <p className="field-hint">
              One experiment at a time per direction: “{running.hypothesis}” runs until{' '}
              {mediumDate(running.decisionDate)}.
            </p>
          )}
        </Card>

        <div className="card-grid">
          <Card title="Linked practices">
            {linkedPractices.length === 0 ? (
              <p className="empty">None yet: turn an answer into a practice.</p>
            ) : (
              <ul className="link-list">
                {linkedPractices.map((p) => (
                  <li key={p.id}>
                    <PracticeLink practice={p} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="Goals in this direction">
            {directionGoals.length === 0 ? (
              <p className="empty">
                None yet. Goals may emerge when a direction keeps working.{' '}
                <Link to={`/goals/new?direction=${d.id}`}>Set one</Link>.
              </p>
            ) : (
              <ul className="link-list">
                {directionGoals.map((g) => (
                  <li key={g.id}>
                    <Link to={`/goals/${g.id}`}>{g.title}</Link> <Pill>{GOAL_STATUS_LABELS[g.status]}</Pill>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>

        <MilestoneMapCard of={{ directionId: d.id }} />

        <Card title="Remove this direction">
          <DeleteButton
            label="Delete direction"
            title={`Delete “${d.name}”?`}
            explanation={
              <p>
                It has answers or experiments. Its practices stay; the direction and its answers move to “Recently
                deleted” on the Directions page, where you can restore them.
              </p>
            }
            remove={(confirm) => api.directions.remove(d.id, { confirm })}
            onDeleted={async () => {
              // At once (not at React's next render), so the refresh below no longer sees its milestone map.
              flushSync(() => setGone(true));
              // Leave first: refreshing while this page is shown would ask for its deleted milestone map.
              await navigate('/directions');
              await invalidate();
            }}
          />
        </Card>
      </div>
    </>
  );
}

function AddAnswer({ direction, onAdded }: { direction: Direction; onAdded: (s: string) => void }) {
  const invalidate = useInvalidateDiscovery();
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const add = useMutation({
    mutationFn: () => api.directions.addAnswer(direction.id, text.trim()),
    onSuccess: async () => {
      onAdded(asSentence(`Added “${text.trim()}”`));
      setText('');
      await invalidate();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!text.trim()) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    add.mutate();
  }
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <ErrorRegion message={add.isError && !fieldError(add.error, 'text') ? errorMessage(add.error) : undefined} />
      <TextField
        label="An answer"
        value={text}
        onChange={setText}
        error={empty ? 'Write one small thing.' : fieldError(add.error, 'text')}
        maxLength={LIMITS.textMax}
        hint="“Run twice, 20 minutes, slowly.” “Lay out my shoes the night before.”"
        autoComplete="off"
      />
      <button type="submit" className="button button-secondary" disabled={add.isPending}>
        {add.isPending ? 'Adding…' : 'Add answer'}
      </button>
    </form>
  );
}

function Answer({
  direction,
  answer,
  practice,
  onDone,
}: {
  direction: Direction;
  answer: Direction['answers'][number];
  practice: Practice | undefined;
  onDone: (s: string) => void;
}) {
  const invalidate = useInvalidateDiscovery();
  const [making, setMaking] = useState(false);
  const make = useMutation({
    mutationFn: (input: {
      name: string;
      frequency: Parameters<typeof api.directions.answerToPractice>[2]['frequency'];
    }) =>
      api.directions.answerToPractice(direction.id, answer.id, {
        frequency: input.frequency,
        ...(input.name ? { name: input.name } : {}),
      }),
    onSuccess: async (r) => {
      setMaking(false);
      onDone(`Practice “${r.practice.name}” created.`);
      await invalidate();
    },
  });
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.directions.removeAnswer(direction.id, answer.id),
    onSuccess: async () => {
      setConfirming(false);
      onDone('Answer removed.');
      await invalidate();
    },
  });
  return (
    <li className="item">
      <p className="item-title-text">{answer.text}</p>
      {answer.practiceId ? (
        <p className="item-meta">
          Became a practice:{' '}
          {practice ? (
            <PracticeLink practice={practice} />
          ) : (
            <Link to={`/practices/${answer.practiceId}`}>open it</Link>
          )}
        </p>
      ) : making ? (
        <MakePracticeForm
          defaultName={answer.text}
          busy={make.isPending}
          error={make.error}
          onSubmit={(input) => make.mutate(input)}
          onCancel={() => setMaking(false)}
        />
      ) : (
        <span className="row-actions">
          <button type="button" className="button button-secondary button-small" onClick={() => setMaking(true)}>
            Make it a practice<span className="visually-hidden">: {answer.text}</span>
          </button>
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={() => {
              remove.reset();
              setConfirming(true);
            }}
          >
            Remove<span className="visually-hidden"> answer {answer.text}</span>
          </button>
        </span>
      )}
      <ConfirmDialog
        open={confirming}
        title="Remove this answer?"
        confirmLabel="Remove answer"
        busyLabel="Removing…"
        busy={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : undefined}
        onConfirm={() => remove.mutate()}
        onCancel={() => setConfirming(false)}
      >
        <p className="dialog-quote">“{answer.text.length > 200 ? `${answer.text.slice(0, 200)}…` : answer.text}”</p>
        <p>The answer is removed for good.{answer.practiceId ? ' The practice made from it stays.' : ''}</p>
      </ConfirmDialog>
    </li>
  );
}
