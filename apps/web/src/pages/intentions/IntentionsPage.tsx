import type { Goal, Horizon, Intention, Practice, UpdateIntention } from '@tack/contracts';
import { LIMITS } from '@tack/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage, fieldError } from '../../api.ts';
import { useMe } from '../../auth/session.ts';
import { DeleteButton } from '../../discovery/DeleteButton.tsx';
import { useEditToggle } from '../../discovery/EditForm.tsx';
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
import { PracticeLink } from '../../practices/PracticeLink.tsx';
import { usePracticeList, useToday } from '../../practices/queries.ts';
import { ErrorRegion, StatusRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/Page.tsx';
import { UnsavedChangesPrompt } from '../../ui/UnsavedChangesPrompt.tsx';
import { useFocusLater } from '../../ui/useFocusLater.ts';
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

/** One choice of horizon in a form: this quarter, this year (with a theme), open-ended, or the one kept as it is. */
interface HorizonOption {
  key: string;
  label: string;
  hint?: string | undefined;
  /** The year whose theme this choice asks for; undefined when it asks for none. */
  themeYear?: number;
  make: (theme: string) => Horizon;
}

/**
 * The horizons a form offers. Editing an intention whose quarter or year has passed (or is yet to come)
 * also offers keeping it, so saving another change never moves it to this quarter by surprise.
 */
function horizonOptions(today: string | undefined, kept?: Horizon): HorizonOption[] {
  const day = today ?? new Date().toISOString().slice(0, 10);
  const quarter = quarterOf(day);
  const year = Number(day.slice(0, 4));
  const options: HorizonOption[] = [
    {
      key: 'quarter',
      label: 'This quarter',
      hint: today ? quarterInWords(quarter) : undefined,
      make: () => ({ kind: 'quarter', quarter }),
    },
  ];
  if (kept?.kind === 'quarter' && kept.quarter !== quarter)
    options.push({ key: 'kept-quarter', label: quarterInWords(kept.quarter), hint: 'as it is now', make: () => kept });
  options.push({
    key: 'year',
    label: 'This year',
    hint: 'with a theme',
    themeYear: year,
    make: (theme) => ({ kind: 'year', year, theme: theme.trim() }),
  });
  if (kept?.kind === 'year' && kept.year !== year)
    options.push({
      key: 'kept-year',
      label: String(kept.year),
      hint: 'with a theme, as it is now',
      themeYear: kept.year,
      make: (theme) => ({ kind: 'year', year: kept.year, theme: theme.trim() }),
    });
  options.push({ key: 'open', label: 'Open-ended', make: () => ({ kind: 'open' }) });
  return options;
}

/** Which of the options a saved horizon is. */
function horizonKey(h: Horizon, today: string | undefined): string {
  const day = today ?? new Date().toISOString().slice(0, 10);
  if (h.kind === 'quarter') return h.quarter === quarterOf(day) ? 'quarter' : 'kept-quarter';
  if (h.kind === 'year') return h.year === Number(day.slice(0, 4)) ? 'year' : 'kept-year';
  return 'open';
}

/** The horizon radios, and the theme field when a year is chosen. */
function HorizonFields({
  options,
  value,
  onChange,
  theme,
  onTheme,
  themeError,
}: {
  options: HorizonOption[];
  value: string;
  onChange: (key: string) => void;
  theme: string;
  onTheme: (theme: string) => void;
  themeError: string | undefined;
}) {
  const id = useId();
  const chosen = options.find((o) => o.key === value);
  return (
    <>
      <fieldset className="choice-group">
        <legend>Horizon</legend>
        <div className="choice-row">
          {options.map((o) => (
            <Choice
              key={o.key}
              name={`${id}-h`}
              checked={value === o.key}
              onChange={() => onChange(o.key)}
              label={o.label}
              hint={o.hint}
            />
          ))}
        </div>
      </fieldset>
      {chosen?.themeYear !== undefined && (
        <TextField
          label={`Theme of ${chosen.themeYear}`}
          value={theme}
          onChange={onTheme}
          error={themeError}
          maxLength={LIMITS.nameMax}
          autoComplete="off"
        />
      )}
    </>
  );
}

/** Practices to link: never a deleted one (the server refuses it). */
function linkable(practices: Practice[]): Practice[] {
  return practices.filter((p) => p.deletedAt === null);
}

function GoalPicker({ goals, value, onChange }: { goals: Goal[]; value: string[]; onChange: (ids: string[]) => void }) {
  return (
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
                  checked={value.includes(g.id)}
                  onChange={(e) => onChange(e.target.checked ? [...value, g.id] : value.filter((x) => x !== g.id))}
                />
                <span>{g.title}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
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
  const invalidate = useInvalidateDiscovery();
  const [statement, setStatement] = useState('');
  const [why, setWhy] = useState('');
  const [kind, setKind] = useState('quarter');
  const [theme, setTheme] = useState('');
  const [practiceIds, setPracticeIds] = useState<string[]>([]);
  const [goalIds, setGoalIds] = useState<string[]>([]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { blocker } = useUnsavedChanges(
    [statement, why, theme].some((v) => v.trim() !== '') || practiceIds.length > 0 || goalIds.length > 0,
  );
  const options = horizonOptions(today);
  const option = options.find((o) => o.key === kind) ?? options[0];
  const horizon: Horizon = option ? option.make(theme) : { kind: 'open' };
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
    if (option?.themeYear !== undefined && !theme.trim()) p['horizon.theme'] = 'Name the theme of the year.';
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
        <HorizonFields
          options={options}
          value={kind}
          onChange={setKind}
          theme={theme}
          onTheme={setTheme}
          themeError={fe('horizon.theme')}
        />
        <div className="field-row">
          <PracticePicker
            practices={linkable(practices)}
            value={practiceIds}
            onChange={setPracticeIds}
            legend="Linked practices"
          />
          <GoalPicker goals={goals} value={goalIds} onChange={setGoalIds} />
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
        <IntentionEditForm
          intention={i}
          practices={practices}
          goals={goals}
          today={today}
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
            ...linkedPractices.map((p) => ({ key: `p-${p.id}`, link: <PracticeLink practice={p} /> })),
            ...linkedGoals.map((g) => ({ key: `g-${g.id}`, link: <Link to={`/goals/${g.id}`}>{g.title}</Link> })),
          ].map((l, n) => (
            <span key={l.key}>
              {n > 0 && ', '}
              {l.link}
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

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * Everything about an intention, as the new-intention form offers it: the statement, the value behind it,
 * the horizon and the linked practices and goals. Focus starts in the statement; Escape or Cancel closes it.
 */
function IntentionEditForm({
  intention: i,
  practices,
  goals,
  today,
  onSaved,
  onCancel,
}: {
  intention: Intention;
  practices: Practice[];
  goals: Goal[];
  today: string | undefined;
  onSaved: (saved: Intention) => void | Promise<void>;
  onCancel: () => void;
}) {
  const form = useRef<HTMLFormElement>(null);
  const focusLater = useFocusLater();
  const [statement, setStatement] = useState(i.statement);
  const [why, setWhy] = useState(i.why ?? '');
  const options = horizonOptions(today, i.horizon);
  const initialKey = horizonKey(i.horizon, today);
  const initialTheme = i.horizon.kind === 'year' ? i.horizon.theme : '';
  const [kind, setKind] = useState(initialKey);
  const [theme, setTheme] = useState(initialTheme);
  // A practice deleted since it was linked cannot be linked again (the server refuses it): a change of
  // links leaves it out. Until the list of practices is there, every link counts as it is.
  const live = linkable(practices);
  const deleted = new Set(practices.filter((p) => p.deletedAt !== null).map((p) => p.id));
  const kept = (ids: readonly string[]) => ids.filter((id) => !deleted.has(id));
  const [practiceIds, setPracticeIds] = useState(i.practiceIds);
  const practicesChanged = !sameIds(kept(practiceIds), kept(i.practiceIds));
  const [goalIds, setGoalIds] = useState(i.goalIds);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const option = options.find((o) => o.key === kind);
  const dirty =
    statement !== i.statement ||
    why !== (i.why ?? '') ||
    kind !== initialKey ||
    theme !== initialTheme ||
    practicesChanged ||
    !sameIds(goalIds, i.goalIds);
  const { blocker, release } = useUnsavedChanges(dirty);
  const save = useMutation({
    mutationFn: () => {
      const patch: UpdateIntention = { statement: statement.trim(), why: why.trim() || null };
      if (option && (kind !== initialKey || theme !== initialTheme)) patch.horizon = option.make(theme);
      if (practicesChanged) patch.practiceIds = kept(practiceIds);
      if (!sameIds(goalIds, i.goalIds)) patch.goalIds = goalIds;
      return api.intentions.update(i.id, patch);
    },
    onSuccess: (saved) => {
      release();
      return onSaved(saved);
    },
    onError: () => focusLater(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')),
  });

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, []);

  function submit(e: FormEvent) {
    e.preventDefault();
    const p: Record<string, string> = {};
    if (!statement.trim()) p.statement = 'Write the intention in your words.';
    if (option?.themeYear !== undefined && !theme.trim()) p['horizon.theme'] = 'Name the theme of the year.';
    setProblems(p);
    save.reset();
    if (Object.keys(p).length > 0) {
      focusLater(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]'));
      return;
    }
    save.mutate();
  }
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape' && !save.isPending) {
      e.preventDefault();
      onCancel();
    }
  }
  const fe = (path: string) => problems[path] ?? fieldError(save.error, path);
  const known = ['statement', 'why', 'horizon.theme'];
  const general = save.isError && !known.some((p) => fe(p)) ? errorMessage(save.error) : undefined;
  return (
    <form
      ref={form}
      className="form edit-form"
      onSubmit={submit}
      onKeyDown={onKeyDown}
      noValidate
      aria-label={`Edit the intention “${i.statement}”`}
    >
      <UnsavedChangesPrompt blocker={blocker} />
      <ErrorRegion message={general} />
      <TextField
        label="Intention"
        value={statement}
        onChange={setStatement}
        error={fe('statement')}
        maxLength={LIMITS.textMax}
        aria-required
        autoComplete="off"
      />
      <TextArea label="The value behind it (optional)" value={why} onChange={setWhy} error={fe('why')} rows={3} />
      <HorizonFields
        options={options}
        value={kind}
        onChange={setKind}
        theme={theme}
        onTheme={setTheme}
        themeError={fe('horizon.theme')}
      />
      <div className="field-row">
        <PracticePicker practices={live} value={practiceIds} onChange={setPracticeIds} legend="Linked practices" />
        <GoalPicker goals={goals} value={goalIds} onChange={setGoalIds} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel} disabled={save.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
