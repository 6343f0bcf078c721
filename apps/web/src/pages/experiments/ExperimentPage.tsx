import { EXPERIMENT_WEEKS_MAX, EXPERIMENT_WEEKS_MIN, type Experiment, LIMITS, type Verdict } from '@tack/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, errorMessage, fieldError } from '../../api.ts';
import { DeleteButton } from '../../discovery/DeleteButton.tsx';
import { EditForm, useEditToggle } from '../../discovery/EditForm.tsx';
import {
  EXPERIMENT_STATUS_LABELS,
  experimentPhase,
  experimentWeek,
  notesInWords,
  VERDICT_LABELS,
  VERDICT_RESULT,
} from '../../discovery/lib.ts';
import { Choice, Pill, PracticePicker, TextArea } from '../../discovery/Parts.tsx';
import { discoveryKeys, useDirection, useExperiment, useInvalidateDiscovery } from '../../discovery/queries.ts';
import { longDate, mediumDate } from '../../practices/lib.ts';
import { PracticeLink } from '../../practices/PracticeLink.tsx';
import { usePracticeList, useToday } from '../../practices/queries.ts';
import { ErrorRegion, StatusRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/Page.tsx';
import { QueryState } from '../../ui/QueryState.tsx';
import { asSentence } from '../../ui/sentence.ts';
import { UnsavedChangesPrompt } from '../../ui/UnsavedChangesPrompt.tsx';
import { useFocusLater } from '../../ui/useFocusLater.ts';
import { useUnsavedChanges } from '../../ui/useUnsavedChanges.ts';

export function ExperimentPage() {
  const { id = '' } = useParams();
  const experiment = useExperiment(id);
  if (!experiment.data)
    return <QueryState title="Experiment" query={experiment} back={{ to: '/experiments', label: 'All experiments' }} />;
  return <ExperimentView key={experiment.data.id} experiment={experiment.data} />;
}

function ExperimentView({ experiment: e }: { experiment: Experiment }) {
  const direction = useDirection(e.directionId);
  const practices = usePracticeList('all');
  const today = useToday().data?.date;
  const phase = experimentPhase(e, today);
  const location = useLocation();
  const [status, setStatus] = useState('');
  const navigate = useNavigate();
  const invalidate = useInvalidateDiscovery();
  const involved = (practices.data ?? []).filter((p) => e.practiceIds.includes(p.id));
  const edit = useEditToggle();
  const qc = useQueryClient();
  // The hypothesis can change until the verdict (planned, running or decision due).
  const editable = !e.verdict;
  // Past its decision date without a verdict: the experiment is over, and the page leads to the verdict.
  // Notes dated on or before the decision date are still taken; a note for a later day is not.
  const overdue = !e.verdict && today !== undefined && today > e.decisionDate;
  const lostEdit = !editable && edit.editing;
  // The form went away under the keyboard (a verdict came in meanwhile): continue from the page heading.
  useEffect(() => {
    if (lostEdit) document.querySelector<HTMLElement>('main h1')?.focus();
  }, [lostEdit]);

  // "Decide now" links here with #verdict: bring the verdict form into view and focus it.
  useEffect(() => {
    if (location.hash !== '#verdict') return;
    const t = window.setTimeout(() => document.getElementById('verdict')?.focus(), 50);
    return () => window.clearTimeout(t);
  }, [location.hash]);

  return (
    <>
      <PageHeader
        title={e.hypothesis}
        lead={direction.data ? asSentence(`An experiment in “${direction.data.name}”`) : undefined}
      >
        <div className="page-actions">
          {editable && !edit.editing && (
            <button ref={edit.button} type="button" className="button button-secondary" onClick={edit.open}>
              Edit hypothesis
            </button>
          )}
          <Link to={`/directions/${e.directionId}`} className="button button-quiet">
            Back to the direction
          </Link>
        </div>
      </PageHeader>
      <StatusRegion>{status}</StatusRegion>
      <ErrorRegion
        message={lostEdit ? 'This experiment has its verdict now, so its hypothesis stays as it was.' : undefined}
      />
      <div className="stack">
        {editable && edit.editing && (
          <Card title="Edit the hypothesis" description="Sharpen what you expect to find out; the dates stay.">
            <EditForm
              label="Edit the hypothesis"
              fields={[
                {
                  path: 'hypothesis',
                  label: 'Hypothesis',
                  initial: e.hypothesis,
                  maxLength: LIMITS.textMax,
                  multiline: true,
                  required: 'Say what you expect to find out.',
                },
              ]}
              save={(v) => api.experiments.update(e.id, { hypothesis: v.hypothesis ?? e.hypothesis })}
              onSaved={async (saved) => {
                qc.setQueryData(discoveryKeys.experiment(e.id), saved);
                setStatus('Hypothesis saved.');
                edit.close();
                await invalidate();
              }}
              onCancel={edit.close}
              // Decided meanwhile (another tab, the CLI): show the experiment as it is now.
              onError={() => invalidate()}
            />
          </Card>
        )}
        {phase === 'midpoint' && (
          <p className="alert alert-info prompt">
            Half-way ({longDate(e.midpointDate)}). Look at your notes: what energises you, what drains you? No decision
            yet, just notice.
          </p>
        )}
        {phase === 'decide' && (
          <p className="alert alert-warning prompt">
            {overdue
              ? `The decision date has passed (${longDate(e.decisionDate)}): the experiment is over.`
              : `The decision date has come (${longDate(e.decisionDate)}).`}{' '}
            Time for a verdict: <a href="#verdict">go deeper, adjust, or let go</a>.
          </p>
        )}
        <Card title="At a glance">
          <dl className="facts">
            <div>
              <dt>Status</dt>
              <dd>
                {e.verdict ? VERDICT_RESULT[e.verdict.verdict] : EXPERIMENT_STATUS_LABELS[e.status]}
                {today && !e.verdict && phase !== 'planned' ? ` · ${experimentWeek(e, today)}` : ''}
              </dd>
            </div>
            <div>
              <dt>Start</dt>
              <dd>{longDate(e.startDate)}</dd>
            </div>
            <div>
              <dt>Mid-point</dt>
              <dd>{longDate(e.midpointDate)}</dd>
            </div>
            <div>
              <dt>Decision date</dt>
              <dd>{longDate(e.decisionDate)}</dd>
            </div>
            <div>
              <dt>Practices involved</dt>
              <dd>
                {involved.length === 0
                  ? 'None'
                  : involved.map((p, i) => (
                      <span key={p.id}>
                        {i > 0 && ', '}
                        <PracticeLink practice={p} />
                      </span>
                    ))}
              </dd>
            </div>
            {e.previousExperimentId && (
              <div>
                <dt>Adjusted from</dt>
                <dd>
                  <Link to={`/experiments/${e.previousExperimentId}`}>the previous experiment</Link>
                </dd>
              </div>
            )}
          </dl>
        </Card>

        {overdue && <VerdictForm experiment={e} />}

        {!e.verdict && phase !== 'planned' && <AddNote experiment={e} today={today} onAdded={setStatus} />}
        {phase === 'planned' && (
          <p className="field-hint">Notes open on {longDate(e.startDate)}, the day the experiment starts.</p>
        )}

        <Card title="Timeline">
          <Timeline experiment={e} today={today} onDone={setStatus} />
        </Card>

        {e.verdict ? (
          <VerdictView experiment={e} />
        ) : phase === 'planned' ? (
          <Card title="Decide" id="verdict">
            <p>
              A verdict can come from the start date, {longDate(e.startDate)}, on. To drop this plan instead, delete the
              experiment below.
            </p>
          </Card>
        ) : (
          !overdue && <VerdictForm experiment={e} />
        )}

        <Card title="Remove this experiment">
          <DeleteButton
            label="Delete experiment"
            title="Delete this experiment?"
            explanation={
              <p>
                It has notes or a verdict. They go with it, and leave “What I learned”, until you restore it from
                “Recently deleted” on the Experiments page.
              </p>
            }
            remove={(confirm) => api.experiments.remove(e.id, { confirm })}
            onDeleted={async () => {
              await invalidate();
              await navigate(`/directions/${e.directionId}`);
            }}
          />
        </Card>
      </div>
    </>
  );
}

/** The server's refusal of a note's date, in plain words (it says "date: the experiment ended on 2026-…"). */
function noteDateMessage(e: Experiment, message: string): string {
  if (/ended on/.test(message))
    return `The experiment ended on ${longDate(e.decisionDate)}: a note can be dated up to then, and after that it is time for its verdict.`;
  if (/starts on/.test(message))
    return `The experiment starts on ${longDate(e.startDate)}: notes can be added from then on.`;
  if (/future/.test(message)) return 'A note cannot be dated after today.';
  return 'That day does not fit this experiment: pick a day between its start and its decision date.';
}

function AddNote({
  experiment,
  today,
  onAdded,
}: {
  experiment: Experiment;
  today: string | undefined;
  onAdded: (s: string) => void;
}) {
  const invalidate = useInvalidateDiscovery();
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  // Over (past its decision date): a note is for a day of the experiment, at the latest its decision date.
  const late = today !== undefined && today > experiment.decisionDate;
  const [date, setDate] = useState(experiment.decisionDate);
  const [dateProblem, setDateProblem] = useState<string>();
  const { blocker } = useUnsavedChanges(text.trim() !== '');
  const add = useMutation({
    mutationFn: (tag: 'energises' | 'drains') =>
      api.experiments.addNote(experiment.id, { tag, text: text.trim(), ...(late ? { date } : {}) }),
    onSuccess: async (_r, tag) => {
      onAdded(`Note added, tagged ${tag}.`);
      setText('');
      await invalidate();
    },
    // Refused for its day (the experiment ended meanwhile, or a new day began): show the page as it is now.
    onError: (error) => (fieldError(error, 'date') ? invalidate() : undefined),
  });
  function submitWith(tag: 'energises' | 'drains') {
    const noText = !text.trim();
    setEmpty(noText);
    const badDate =
      late && (!date || date < experiment.startDate || date > experiment.decisionDate)
        ? `Pick a day from ${longDate(experiment.startDate)} to ${longDate(experiment.decisionDate)}, the experiment’s weeks.`
        : undefined;
    setDateProblem(badDate);
    if (noText || badDate) return;
    add.mutate(tag);
  }
  const serverDate = fieldError(add.error, 'date');
  const dateError = dateProblem ?? (serverDate ? noteDateMessage(experiment, serverDate) : undefined);
  const general = add.isError && !fieldError(add.error, 'text') && !serverDate ? errorMessage(add.error) : undefined;
  return (
    <Card
      title={late ? 'A note from its weeks' : 'What did you notice?'}
      description={
        late
          ? `Something you noticed while it ran? Notes can be dated up to its decision date, ${longDate(experiment.decisionDate)}.`
          : 'A sentence, then say whether it energises or drains you.'
      }
    >
      <UnsavedChangesPrompt blocker={blocker} />
      <form className="form" onSubmit={(e: FormEvent) => e.preventDefault()} noValidate>
        <ErrorRegion message={general ?? (!late ? dateError : undefined)} />
        <TextArea
          label="Note"
          value={text}
          onChange={setText}
          error={empty ? 'Write what you noticed first.' : fieldError(add.error, 'text')}
        />
        {late && (
          <TextField
            label="Day of the note"
            type="date"
            value={date}
            onChange={setDate}
            min={experiment.startDate}
            max={experiment.decisionDate}
            error={dateError}
            hint={`From ${longDate(experiment.startDate)} to ${longDate(experiment.decisionDate)}.`}
          />
        )}
        <div className="form-actions note-actions">
          <button
            type="button"
            className="button note-button note-energises"
            onClick={() => submitWith('energises')}
            disabled={add.isPending}
          >
            <span aria-hidden="true">↑ </span>Energises me
          </button>
          <button
            type="button"
            className="button note-button note-drains"
            onClick={() => submitWith('drains')}
            disabled={add.isPending}
          >
            <span aria-hidden="true">↓ </span>Drains me
          </button>
        </div>
      </form>
    </Card>
  );
}

type TimelineEvent = {
  id?: string;
  date: string;
  kind: 'start' | 'mid' | 'decision' | 'note' | 'verdict' | 'today';
  text: string;
  tag?: string;
};

function Timeline({
  experiment: e,
  today,
  onDone,
}: {
  experiment: Experiment;
  today: string | undefined;
  onDone: (s: string) => void;
}) {
  const decidedOn = e.verdict?.decidedOn;
  const all: TimelineEvent[] = [
    { date: e.startDate, kind: 'start', text: 'Started' },
    { date: e.midpointDate, kind: 'mid', text: 'Mid-point: notice what energises and drains you' },
    { date: e.decisionDate, kind: 'decision', text: 'Decision date' },
    ...e.notes.map((n): TimelineEvent => ({ id: n.id, date: n.date, kind: 'note', text: n.text, tag: n.tag })),
  ];
  const events = all.filter(
    // Decided early: the mid-point and decision date it never reached are not events any more.
    (ev) => !decidedOn || (ev.kind !== 'mid' && ev.kind !== 'decision') || ev.date <= decidedOn,
  );
  if (e.verdict) events.push({ date: e.verdict.decidedOn, kind: 'verdict', text: VERDICT_RESULT[e.verdict.verdict] });
  else if (today) events.push({ date: today, kind: 'today', text: 'Today' });
  const order: Record<TimelineEvent['kind'], number> = { start: 0, note: 1, today: 2, mid: 3, verdict: 4, decision: 5 };
  events.sort((a, b) => a.date.localeCompare(b.date) || order[a.kind] - order[b.kind]);
  const energises = e.notes.filter((n) => n.tag === 'energises').length;
  const drains = e.notes.length - energises;
  return (
    <>
      <p className="field-hint timeline-summary">{notesInWords(e.notes.length, energises, drains)}</p>
      <ol className="event-timeline">
        {events.map((ev) => (
          <li key={ev.id ?? ev.kind} className={`event event-${ev.kind}${ev.tag ? ` event-${ev.tag}` : ''}`}>
            <span className="event-date">{mediumDate(ev.date)}</span>
            {ev.kind === 'note' && ev.id ? (
              <NoteItem experimentId={e.id} noteId={ev.id} text={ev.text} tag={ev.tag} onDone={onDone} />
            ) : (
              <span className="event-text">{ev.text}</span>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

type NoteTag = 'energises' | 'drains';

/** A note in the timeline, with a way to correct its text or tag, or remove it (after a confirmation). */
function NoteItem({
  experimentId,
  noteId,
  text,
  tag,
  onDone,
}: {
  experimentId: string;
  noteId: string;
  text: string;
  tag: string | undefined;
  onDone: (s: string) => void;
}) {
  const id = useId();
  const invalidate = useInvalidateDiscovery();
  const initialTag: NoteTag = tag === 'drains' ? 'drains' : 'energises';
  const [mode, setMode] = useState<'view' | 'edit' | 'remove'>('view');
  const [draft, setDraft] = useState(text);
  const [draftTag, setDraftTag] = useState<NoteTag>(initialTag);
  const [empty, setEmpty] = useState(false);
  const { blocker, release } = useUnsavedChanges(mode === 'edit' && (draft !== text || draftTag !== initialTag));
  const save = useMutation({
    mutationFn: () => api.experiments.updateNote(experimentId, noteId, { text: draft.trim(), tag: draftTag }),
    onSuccess: async () => {
      release();
      setMode('view');
      onDone('Note saved.');
      await invalidate();
    },
  });
  const remove = useMutation({
    mutationFn: () => api.experiments.removeNote(experimentId, noteId),
    onSuccess: async () => {
      setMode('view');
      onDone('Note removed.');
      await invalidate();
    },
  });
  const label = tag === 'drains' ? 'Drains' : 'Energises';
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!draft.trim()) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    save.mutate();
  }
  if (mode === 'edit')
    return (
      <span className="event-text">
        <UnsavedChangesPrompt blocker={blocker} />
        <form className="form nested-form" onSubmit={submit} noValidate aria-label="Edit the note">
          <ErrorRegion
            message={save.isError && !fieldError(save.error, 'text') ? errorMessage(save.error) : undefined}
          />
          <TextArea
            label="What you noticed"
            value={draft}
            onChange={setDraft}
            error={empty ? 'Write what you noticed, or remove the note.' : fieldError(save.error, 'text')}
          />
          <fieldset className="choice-group">
            <legend>It…</legend>
            <div className="choice-row">
              <Choice
                name={`${id}-tag`}
                checked={draftTag === 'energises'}
                onChange={() => setDraftTag('energises')}
                label="Energises me"
              />
              <Choice
                name={`${id}-tag`}
                checked={draftTag === 'drains'}
                onChange={() => setDraftTag('drains')}
                label="Drains me"
              />
            </div>
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button button-primary button-small" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save note'}
            </button>
            <button type="button" className="button button-quiet button-small" onClick={() => setMode('view')}>
              Cancel
            </button>
          </div>
        </form>
      </span>
    );
  return (
    <span className="event-text">
      <Pill tone={tag === 'energises' ? 'good' : 'warn'}>{label}</Pill> {text}
      <span className="row-actions note-row-actions">
        <button
          type="button"
          className="button button-quiet button-small"
          onClick={() => {
            setDraft(text);
            setDraftTag(initialTag);
            setEmpty(false);
            save.reset();
            setMode('edit');
          }}
        >
          Edit<span className="visually-hidden"> note: {text.slice(0, 60)}</span>
        </button>
        <button
          type="button"
          className="button button-quiet button-small"
          onClick={() => {
            remove.reset();
            setMode('remove');
          }}
        >
          Remove<span className="visually-hidden"> note: {text.slice(0, 60)}</span>
        </button>
      </span>
      <ConfirmDialog
        open={mode === 'remove'}
        title="Remove this note?"
        confirmLabel="Remove note"
        busyLabel="Removing…"
        busy={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : undefined}
        onConfirm={() => remove.mutate()}
        onCancel={() => setMode('view')}
      >
        <p className="dialog-quote">“{text.length > 200 ? `${text.slice(0, 200)}…` : text}”</p>
        <p>It is removed for good and no longer counts as {label.toLowerCase()} in what you learned.</p>
      </ConfirmDialog>
    </span>
  );
}

function VerdictView({ experiment: e }: { experiment: Experiment }) {
  const v = e.verdict;
  if (!v) return null;
  return (
    <Card title="The verdict" id="verdict">
      <p>
        <Pill tone="calm">{VERDICT_RESULT[v.verdict]}</Pill> on {longDate(v.decidedOn)}
      </p>
      <h3 className="subheading">What I learned</h3>
      <blockquote className="learned">{v.learned}</blockquote>
      <ul className="link-list">
        {v.goalId && (
          <li>
            <Link to={`/goals/${v.goalId}`}>The goal it became</Link>
          </li>
        )}
        {v.nextExperimentId && (
          <li>
            <Link to={`/experiments/${v.nextExperimentId}`}>The adjusted experiment</Link>
          </li>
        )}
        <li>
          <Link to="/experiments/learnings">Everything I learned</Link>
        </li>
      </ul>
    </Card>
  );
}

const VERDICT_HINTS: Record<Verdict, string> = {
  deepen: 'It works: keep going, maybe with a goal.',
  adjust: 'Change something and run it again.',
  letGo: 'You found out what you needed to: try something else.',
};

function VerdictForm({ experiment: e }: { experiment: Experiment }) {
  const id = useId();
  const today = useToday().data?.date;
  const navigate = useNavigate();
  const invalidate = useInvalidateDiscovery();
  const practices = usePracticeList('live');
  const [verdict, setVerdict] = useState<Verdict | undefined>();
  const [learned, setLearned] = useState('');
  const [makeGoal, setMakeGoal] = useState(false);
  const [goalTitle, setGoalTitle] = useState('');
  const [whatToLearn, setWhatToLearn] = useState('');
  // Pre-filled from the current hypothesis (which may be edited meanwhile) until changed here.
  const [nextHypothesis, setHypothesis] = useState<string>();
  const hypothesis = nextHypothesis ?? e.hypothesis;
  const [weeks, setWeeks] = useState(String(e.lengthWeeks));
  const [practiceIds, setPracticeIds] = useState<string[]>(e.practiceIds);
  // A practice deleted since this experiment began is not in the picker, so it could not be unticked: the
  // next experiment leaves it out (the server refuses a deleted practice).
  const allPractices = usePracticeList('all');
  const deleted = new Set((allPractices.data ?? []).filter((p) => p.deletedAt !== null).map((p) => p.id));
  const nextPracticeIds = practiceIds.filter((pid) => !deleted.has(pid));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { blocker, release } = useUnsavedChanges(learned.trim() !== '' || goalTitle.trim() !== '');
  const formRef = useRef<HTMLFormElement>(null);
  const focusLater = useFocusLater();

  const decide = useMutation({
    mutationFn: () => {
      if (!verdict) throw new Error('no verdict');
      return api.experiments.decide(e.id, {
        verdict,
        learned: learned.trim(),
        ...(verdict === 'deepen' && makeGoal
          ? {
              goal: {
                kind: 'learning' as const,
                title: goalTitle.trim(),
                whatToLearn: whatToLearn.trim(),
                directionId: e.directionId,
              },
            }
          : {}),
        ...(verdict === 'adjust'
          ? { changes: { hypothesis: hypothesis.trim(), lengthWeeks: Number(weeks), practiceIds: nextPracticeIds } }
          : {}),
      });
    },
    onSuccess: async (r) => {
      release();
      await invalidate();
      if (r.next) await navigate(`/experiments/${r.next.id}`);
      else if (r.goalId) await navigate(`/goals/${r.goalId}`);
    },
  });
  function submit(ev: FormEvent) {
    ev.preventDefault();
    const p: Record<string, string> = {};
    if (!verdict) p.verdict = 'Choose one: go deeper, adjust or let go.';
    if (!learned.trim()) p.learned = 'Write what you learned: it is the result of the experiment.';
    if (verdict === 'deepen' && makeGoal) {
      if (!goalTitle.trim()) p['goal.title'] = 'Give the goal a title.';
      if (!whatToLearn.trim()) p['goal.whatToLearn'] = 'Say what you want to learn.';
    }
    if (verdict === 'adjust') {
      const n = Number(weeks);
      if (!/^\d+$/.test(weeks.trim()) || n < EXPERIMENT_WEEKS_MIN || n > EXPERIMENT_WEEKS_MAX)
        p['changes.lengthWeeks'] = `A whole number of weeks from ${EXPERIMENT_WEEKS_MIN} to ${EXPERIMENT_WEEKS_MAX}.`;
      if (!hypothesis.trim()) p['changes.hypothesis'] = 'Say what the next experiment tries.';
    }
    setProblems(p);
    if (Object.keys(p).length === 0) decide.mutate();
    else
      focusLater(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], fieldset[aria-describedby] input'),
      );
  }
  const fe = (path: string) => problems[path] ?? fieldError(decide.error, path);
  const known = ['learned', 'goal.title', 'goal.whatToLearn', 'changes.hypothesis', 'changes.lengthWeeks'];
  const general = decide.isError && !known.some((p) => fe(p)) ? errorMessage(decide.error) : undefined;

  return (
    <Card
      title="Decide"
      id="verdict"
      description={
        today && today > e.decisionDate
          ? `The decision date was ${longDate(e.decisionDate)}.`
          : e.status === 'decisionDue'
            ? 'The decision date has come.'
            : `You can decide any time; the planned date is ${longDate(e.decisionDate)}.`
      }
    >
      <UnsavedChangesPrompt blocker={blocker} />
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <ErrorRegion message={general} />
        <fieldset className="choice-group" aria-describedby={fe('verdict') ? `${id}-verdict-error` : undefined}>
          <legend>Verdict</legend>
          <div className="choice-row">
            {(['deepen', 'adjust', 'letGo'] as const).map((v) => (
              <Choice
                key={v}
                name={`${id}-verdict`}
                checked={verdict === v}
                onChange={() => {
                  setVerdict(v);
                  // The "choose one" error is answered: it goes at once, not at the next submit.
                  setProblems(({ verdict: _answered, ...rest }) => rest);
                }}
                label={VERDICT_LABELS[v]}
                hint={VERDICT_HINTS[v]}
              />
            ))}
          </div>
          {fe('verdict') && (
            <p id={`${id}-verdict-error`} className="field-error">
              ⚠ {fe('verdict')}
            </p>
          )}
        </fieldset>
        <TextArea
          label={verdict === 'letGo' ? 'What did you learn?' : 'What I learned'}
          value={learned}
          onChange={setLearned}
          error={fe('learned')}
          rows={3}
          required
          hint={
            verdict === 'letGo'
              ? 'Letting go is a result, not a failure: you now know something you did not know six weeks ago.'
              : 'Kept in “What I learned”, whatever you decide.'
          }
        />
        {verdict === 'deepen' && (
          <div className="form nested-form">
            <label className="check-item">
              <input type="checkbox" checked={makeGoal} onChange={(ev) => setMakeGoal(ev.target.checked)} />
              <span>Also set a learning goal in this direction</span>
            </label>
            {makeGoal && (
              <>
                <TextField
                  label="Goal title"
                  value={goalTitle}
                  onChange={setGoalTitle}
                  error={fe('goal.title')}
                  maxLength={LIMITS.nameMax}
                  autoComplete="off"
                />
                <TextArea
                  label="What I want to learn"
                  value={whatToLearn}
                  onChange={setWhatToLearn}
                  error={fe('goal.whatToLearn')}
                />
                <p className="field-hint">
                  Prefer a performance goal? Decide first, then{' '}
                  <Link to={`/goals/new?direction=${e.directionId}`}>set one</Link> (the advisor can help choose).
                </p>
              </>
            )}
          </div>
        )}
        {verdict === 'adjust' && (
          <div className="form nested-form">
            <p className="field-hint">The next experiment starts pre-filled from this one: change what you want.</p>
            <TextArea
              label="Next hypothesis"
              value={hypothesis}
              onChange={setHypothesis}
              error={fe('changes.hypothesis')}
            />
            <TextField
              label="Length in weeks"
              value={weeks}
              onChange={setWeeks}
              inputMode="numeric"
              error={fe('changes.lengthWeeks')}
              autoComplete="off"
            />
            <PracticePicker practices={practices.data ?? []} value={practiceIds} onChange={setPracticeIds} />
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={decide.isPending}>
            {decide.isPending
              ? 'Saving…'
              : verdict === 'adjust'
                ? 'Decide and start the adjusted experiment'
                : 'Record the verdict'}
          </button>
        </div>
      </form>
    </Card>
  );
}
