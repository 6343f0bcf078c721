import type { Goal, Horizon, Intention, Practice } from '@tack/contracts';
import { LIMITS } from '@tack/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage, fieldError } from '../../api.ts';
import { useMe } from '../../auth/session.ts';
import { DeleteButton } from '../../discovery/DeleteButton.tsx';
import { EditForm, useEditToggle } from '../../discovery/EditForm.tsx';
import { horizonTakesWeek, personIsoWeekOf, quarterInWords, weekInWords } from '../../discovery/lib.ts';
import { Choice, PracticePicker, TextArea } from '../../discovery/Parts.tsx';
import {
  discoveryKeys,
  useGoals,
  useIntentions,
  useIntentionWeeks,
  useInvalidateDiscovery,
} from '../../discovery/queries.ts';
import { RecentlyDeleted } from '../../discovery/RecentlyDeleted.tsx';
import { usePracticeList, useToday } from '../../practices/queries.ts';
import { ErrorRegion, StatusRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/Page.tsx';
import { UnsavedChangesPrompt } from '../../ui/UnsavedChangesPrompt.tsx';
import { useUnsavedChanges } from '../../ui/useUnsavedChanges.ts';

function horizonInWords(h: Horizon): string {
  if (h.kind === 'quarter') return quarterInWords(h.quarter);
  if (h.kind === 'year') return `${h.year}: ${h.theme}`;
  return 'Open-ended';
}

function quarterOf(iso: string): string {
  const month = Number(iso.slice(5, 7));
  return `${iso.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
}

export function IntentionsPage() {
  const intentions = useIntentions();
  const practices = usePracticeList('all');
  const goals = useGoals();
  const today = useToday().data?.date;
  const [status, setStatus] = useState('');
  return (
    <>
      <PageHeader
        title="Intentions"
        lead="Values-driven statements that guide how you act, without limiting where you explore."
      />
      <StatusRegion>{status}</StatusRegion>
      <div className="stack">
        {intentions.isPending ? (
          <Loading />
        ) : intentions.isError ? (
          <ErrorRegion message={errorMessage(intentions.error)} />
        ) : intentions.data.length === 0 ? (
          <p className="empty">
            No intentions yet. For example: “Lead with greater curiosity in team discussions”, or “Respond to challenges
            with calm and clarity”.
          </p>
        ) : (
          intentions.data.map((i) => (
            <IntentionCard
              key={i.id}
              intention={i}
              practices={practices.data ?? []}
              goals={goals.data ?? []}
              today={today}
              onDone={setStatus}
            />
          ))
        )}
        <NewIntention practices={practices.data ?? []} goals={goals.data ?? []} today={today} onDone={setStatus} />
        <RecentlyDeleted
          what="intentions"
          queryKey={discoveryKeys.deleted('intentions')}
          list={() => api.intentions.listDeleted()}
          restore={(id) => api.intentions.restore(id)}
          label={(i) => i.statement}
        />
      </div>
    </>
  );
}

function NewIntention({
  practices,
  goals,
  today,
  onDone,
}: {
  practices: Practice[];
  goals: Goal[];
  today: string | undefined;
  onDone: (s: string) => void;
}) {
  const id = useId();
  const invalidate = useInvalidateDiscovery();
  const [statement, setStatement] = useState('');
  const [why, setWhy] = useState('');
  const [kind, setKind] = useState<Horizon['kind']>('quarter');
  const [theme, setTheme] = useState('');
  const [practiceIds, setPracticeIds] = useState<string[]>([]);
  const [goalIds, setGoalIds] = useState<string[]>([]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { blocker } = useUnsavedChanges(
    [statement, why, theme].some((v) => v.trim() !== '') || practiceIds.length > 0 || goalIds.length > 0,
  );
  const year = Number((today ?? new Date().toISOString()).slice(0, 4));
  const horizon: Horizon =
    kind === 'quarter'
      ? { kind, quarter: quarterOf(today ?? new Date().toISOString().slice(0, 10)) }
      : kind === 'year'
        ? { kind, year, theme: theme.trim() }
        : { kind: 'open' };
  const create = useMutation({
    mutationFn: () =>
      api.intentions.create({ statement: statement.trim(), why: why.trim() || null, horizon, practiceIds, goalIds }),
    onSuccess: async () => {
      onDone('Intention added.');
      setStatement('');
      setWhy('');
      setTheme('');
      setPracticeIds([]);
      setGoalIds([]);
      await invalidate();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const p: Record<string, string> = {};
    if (!statement.trim()) p.statement = 'Write the intention in your words.';
    if (kind === 'year' && !theme.trim()) p['horizon.theme'] = 'Name the theme of the year.';
    setProblems(p);
    if (Object.keys(p).length === 0) create.mutate();
  }
  const fe = (path: string) => problems[path] ?? fieldError(create.error, path);
  return (
    <Card title="New intention">
      <UnsavedChangesPrompt blocker={blocker} />
      <form className="form" onSubmit={submit} noValidate>
        <ErrorRegion
          message={create.isError && !fe('statement') && !fe('horizon.theme') ? errorMessage(create.error) : undefined}
        />
        <TextField
          label="Intention"
          value={statement}
          onChange={setStatement}
          error={fe('statement')}
          maxLength={LIMITS.textMax}
          hint="“Lead with greater curiosity in team discussions.”"
          autoComplete="off"
        />
        <TextArea label="The value behind it (optional)" value={why} onChange={setWhy} error={fe('why')} />
        <fieldset className="choice-group">
          <legend>Horizon</legend>
          <div className="choice-row">
            <Choice
              name={`${id}-h`}
              checked={kind === 'quarter'}
              onChange={() => setKind('quarter')}
              label="This quarter"
              hint={today ? quarterInWords(quarterOf(today)) : undefined}
            />
            <Choice
              name={`${id}-h`}
              checked={kind === 'year'}
              onChange={() => setKind('year')}
              label="This year"
              hint="with a theme"
            />
            <Choice name={`${id}-h`} checked={kind === 'open'} onChange={() => setKind('open')} label="Open-ended" />
          </div>
        </fieldset>
        {kind === 'year' && (
          <TextField
            label={`Theme of ${year}`}
            value={theme}
            onChange={setTheme}
            error={fe('horizon.theme')}
            maxLength={LIMITS.nameMax}
            autoComplete="off"
          />
        )}
        <div className="field-row">
          <PracticePicker
            practices={practices}
            value={practiceIds}
            onChange={setPracticeIds}
            legend="Linked practices"
          />
          <fieldset className="choice-group">
            <legend>Linked goals</legend>
            {goals.length === 0 ? (
              <p className="field-hint">No goals yet.</p>
            ) : (
              <ul className="check-list">
                {goals.map((g) => (
                  <li key={g.id}>
                    <label className="check-item">
                      <input
                        type="checkbox"
                        checked={goalIds.includes(g.id)}
                        onChange={(e) =>
                          setGoalIds(e.target.checked ? [...goalIds, g.id] : goalIds.filter((x) => x !== g.id))
                        }
                      />
                      <span>{g.title}</span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? 'Adding…' : 'Add intention'}
          </button>
        </div>
      </form>
    </Card>
  );
}

function IntentionCard({
  intention: i,
  practices,
  goals,
  today,
  onDone,
}: {
  intention: Intention;
  practices: Practice[];
  goals: Goal[];
  today: string | undefined;
  onDone: (s: string) => void;
}) {
  const weeks = useIntentionWeeks(i.id);
  const invalidate = useInvalidateDiscovery();
  const weekStart = useMe().data?.weekStart ?? 'monday';
  const thisWeek = today ? personIsoWeekOf(today, weekStart) : undefined;
  const current = (weeks.data ?? []).find((w) => w.isoWeek === thisWeek);
  const past = (weeks.data ?? [])
    .filter((w) => w.isoWeek !== thisWeek)
    .sort((a, b) => b.isoWeek.localeCompare(a.isoWeek));
  const [answer, setAnswer] = useState<string>();
  const [empty, setEmpty] = useState(false);
  const text = answer ?? current?.answer ?? '';
  const save = useMutation({
    mutationFn: () => api.intentions.putWeek(i.id, thisWeek ?? '', text.trim()),
    onSuccess: async () => {
      onDone('This week’s answer saved.');
      setAnswer(undefined);
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
    save.mutate();
  }
  const linkedPractices = practices.filter((p) => i.practiceIds.includes(p.id));
  const linkedGoals = goals.filter((g) => i.goalIds.includes(g.id));
  const edit = useEditToggle();
  const qc = useQueryClient();
  return (
    <Card title={i.statement} description={horizonInWords(i.horizon)} className="intention">
      {edit.editing ? (
        <EditForm
          label={`Edit the intention “${i.statement}”`}
          fields={[
            {
              path: 'statement',
              label: 'Intention',
              initial: i.statement,
              maxLength: LIMITS.textMax,
              required: 'Write the intention in your words.',
            },
            {
              path: 'why',
              label: 'The value behind it (optional)',
              initial: i.why ?? '',
              maxLength: LIMITS.textMax,
              multiline: true,
            },
          ]}
          save={(v) => api.intentions.update(i.id, { statement: v.statement ?? i.statement, why: v.why || null })}
          onSaved={async (saved) => {
            qc.setQueryData<Intention[]>(discoveryKeys.intentions, (list) =>
              list?.map((x) => (x.id === saved.id ? saved : x)),
            );
            onDone('Intention saved.');
            edit.close();
            await invalidate();
          }}
          onCancel={edit.close}
        />
      ) : (
        i.why && <p>{i.why}</p>
      )}
      {(linkedPractices.length > 0 || linkedGoals.length > 0) && (
        <p className="item-meta">
          Lived through:{' '}
          {[
            ...linkedPractices.map((p) => ({ to: `/practices/${p.id}`, name: p.name })),
            ...linkedGoals.map((g) => ({ to: `/goals/${g.id}`, name: g.title })),
          ].map((l, n) => (
            <span key={l.to}>
              {n > 0 && ', '}
              <Link to={l.to}>{l.name}</Link>
            </span>
          ))}
        </p>
      )}
      {thisWeek && !horizonTakesWeek(i.horizon, thisWeek) ? (
        <p className="field-hint">
          {i.horizon.kind === 'quarter'
            ? `This intention is for ${quarterInWords(i.horizon.quarter)}`
            : `This intention is for ${i.horizon.kind === 'year' ? i.horizon.year : 'another time'}`}
          : weekly answers are for the weeks inside it.
        </p>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <ErrorRegion
            message={save.isError && !fieldError(save.error, 'answer') ? errorMessage(save.error) : undefined}
          />
          <TextArea
            label={i.question}
            value={text}
            onChange={setAnswer}
            error={empty ? 'Write a sentence first.' : fieldError(save.error, 'answer')}
            hint={thisWeek ? weekInWords(thisWeek, weekStart) : undefined}
          />
          <div className="form-actions">
            <button type="submit" className="button button-secondary" disabled={save.isPending || !thisWeek}>
              {save.isPending ? 'Saving…' : current ? 'Update this week’s answer' : 'Save this week’s answer'}
            </button>
          </div>
        </form>
      )}
      <div className="card-footer-actions">
        {!edit.editing && (
          <button ref={edit.button} type="button" className="button button-secondary button-small" onClick={edit.open}>
            Edit<span className="visually-hidden"> the intention “{i.statement}”</span>
          </button>
        )}
        <DeleteButton
          small
          label="Delete intention"
          title={`Delete “${i.statement}”?`}
          explanation={
            <p>It has weekly answers. They go with it to “Recently deleted” below, where you can restore it.</p>
          }
          remove={(confirm) => api.intentions.remove(i.id, { confirm })}
          onDeleted={async () => {
            onDone('Intention deleted.');
            await invalidate();
          }}
        />
      </div>
      {past.length > 0 && (
        <>
          <h3 className="subheading">Past weeks</h3>
          <ol className="week-list">
            {past.map((w) => (
              <li key={w.isoWeek}>
                <span className="week-label">{weekInWords(w.isoWeek, weekStart)}</span>
                <span>{w.answer}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </Card>
  );
}
