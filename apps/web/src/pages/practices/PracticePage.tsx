import type { Practice } from '@tack/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, errorMessage, fieldError } from '../../api.ts';
import { useMe } from '../../auth/session.ts';
import { Heatmap, heatmapStart } from '../../practices/Heatmap.tsx';
import {
  addDays,
  datesInWords,
  energyLabel,
  longDate,
  mediumDate,
  percent,
  scheduleInWords,
  signed,
  streakInWords,
  targetInWords,
} from '../../practices/lib.ts';
import { practiceKeys, useInvalidatePractices, usePractice, useToday } from '../../practices/queries.ts';
import { StrengthChart } from '../../practices/StrengthChart.tsx';
import { practiceColorStyle } from '../../practices/TodayRow.tsx';
import { isoDateIn } from '../../time.ts';
import { ErrorRegion, StatusRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { IfThenText } from '../../ui/IfThenText.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/Page.tsx';

const STATE_WORDS: Record<Practice['state'], string> = {
  active: 'Active',
  paused: 'Paused',
  archived: 'Archived',
  deleted: 'Deleted',
};

export function PracticePage() {
  const { id = '' } = useParams();
  const practice = usePractice(id);
  const today = useToday().data?.date;
  const me = useMe().data;

  if (practice.isPending || !today || !me) {
    return (
      <>
        <PageHeader title="Practice" />
        <Loading />
      </>
    );
  }
  if (practice.isError) {
    return (
      <>
        <PageHeader title="Practice" />
        <ErrorRegion message={errorMessage(practice.error)} />
        <p>
          <Link to="/practices">Back to practices</Link>
        </p>
      </>
    );
  }
  return <PracticeView practice={practice.data} today={today} weekStart={me.weekStart} timeZone={me.timeZone} />;
}

function PracticeView({
  practice: p,
  today,
  weekStart,
  timeZone,
}: {
  practice: Practice;
  today: string;
  weekStart: Parameters<typeof heatmapStart>[1];
  timeZone: string;
}) {
  const from = heatmapStart(today, weekStart);
  const yearAgo = addDays(today, -364);
  const strength = useQuery({
    queryKey: practiceKeys.strength(p.id, yearAgo, today),
    queryFn: () => api.practices.strength(p.id, { from: yearAgo, to: today }),
  });
  const checkins = useQuery({
    queryKey: practiceKeys.checkins(p.id, from, today),
    queryFn: () => api.checkins.list(p.id, { from, to: today }),
  });
  const target = targetInWords(p);
  const [allNotes, setAllNotes] = useState(false);
  const notes = (checkins.data ?? [])
    .filter((c) => c.note || c.energy !== null)
    .sort((a, b) => b.date.localeCompare(a.date));

  return (
    <div style={practiceColorStyle(p.color)} className="practice-page">
      <PageHeader title={p.name} lead={p.description ?? undefined}>
        <p className="practice-facts">
          <span className={`tag state-${p.state}`}>{STATE_WORDS[p.state]}</span>
          <span>{scheduleInWords(p.schedule.frequency)}</span>
          {target && <span>{target}</span>}
        </p>
      </PageHeader>
      <div className="stack">
        <Actions practice={p} today={today} zone={timeZone} />
        {(p.why || p.ifThen) && (
          <Card title="Why and how">
            {p.why && <p className="practice-why">{p.why}</p>}
            {p.ifThen && <IfThenText plan={p.ifThen} />}
          </Card>
        )}
        <Card title="Strength">
          {strength.isPending ? (
            <Loading />
          ) : strength.isError ? (
            <ErrorRegion message={errorMessage(strength.error)} />
          ) : (
            <>
              <div className="strength-head">
                <p className="strength-big">
                  {percent(strength.data.current)}
                  <span className="visually-hidden"> strength today</span>
                </p>
                <p className="strength-explanation">{datesInWords(strength.data.explanation)}</p>
              </div>
              <dl className="facts streaks">
                <div>
                  <dt>Current streak</dt>
                  <dd>{streakInWords(strength.data.streaks.current)}</dd>
                </div>
                <div>
                  <dt>Best streak</dt>
                  <dd>{streakInWords(strength.data.streaks.best)}</dd>
                </div>
              </dl>
              <StrengthChart strength={strength.data} start={p.scheduleHistory[0]?.effectiveFrom} />
            </>
          )}
        </Card>
        <Card title="The last year">
          {checkins.isPending ? (
            <Loading />
          ) : checkins.isError ? (
            <ErrorRegion message={errorMessage(checkins.error)} />
          ) : (
            <Heatmap practice={p} checkins={checkins.data} today={today} weekStart={weekStart} />
          )}
        </Card>
        <div className="card-grid">
          <Card title="Notes">
            {notes.length === 0 ? (
              <p className="empty">No notes yet. Add one from Today, under Details.</p>
            ) : (
              <ol className="timeline">
                {notes.slice(0, allNotes ? 400 : 6).map((c) => (
                  <li key={c.date}>
                    <p className="timeline-date">{longDate(c.date)}</p>
                    {c.energy !== null && (
                      <p className="timeline-energy">
                        Energy {signed(c.energy)}: {energyLabel(c.energy).toLowerCase()}
                      </p>
                    )}
                    {c.note && <p className="timeline-note">{c.note}</p>}
                  </li>
                ))}
              </ol>
            )}
            {notes.length > 6 && (
              <button
                type="button"
                className="button button-quiet button-small show-more"
                aria-expanded={allNotes}
                onClick={() => setAllNotes((v) => !v)}
              >
                {allNotes ? 'Show fewer notes' : `Show all ${notes.length} notes`}
              </button>
            )}
          </Card>
          <Card title="Schedule history">
            <ol className="timeline">
              {[...p.scheduleHistory].reverse().map((v) => (
                <li key={v.effectiveFrom}>
                  <p className="timeline-date">
                    {v.effectiveFrom > today ? 'From' : 'Since'} {mediumDate(v.effectiveFrom)}
                  </p>
                  <p>{scheduleInWords(v.frequency)}</p>
                </li>
              ))}
            </ol>
            <h3 className="subheading">Pauses</h3>
            {p.pauses.length === 0 ? (
              <p className="empty">Never paused.</p>
            ) : (
              <ul className="timeline">
                {p.pauses.map((x) => (
                  <li key={x.from}>
                    {mediumDate(x.from)} – {x.to ? mediumDate(x.to) : 'until resumed'}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}

function Actions({ practice: p, today, zone }: { practice: Practice; today: string; zone: string }) {
  const id = useId();
  const navigate = useNavigate();
  const invalidate = useInvalidatePractices();
  const [pausing, setPausing] = useState(false);
  const [pauseFrom, setPauseFrom] = useState(today);
  const [pauseTo, setPauseTo] = useState('');
  const [deleting, setDeleting] = useState(false);
  const [status, setStatus] = useState('');
  const act = useMutation({
    mutationFn: async (action: 'archive' | 'restore' | 'resume' | 'pause' | 'remove') => {
      if (action === 'pause') return api.practices.pause(p.id, { from: pauseFrom, to: pauseTo || null });
      return api.practices[action](p.id);
    },
    onMutate: () => setStatus(''),
    onSuccess: async (next, action) => {
      await invalidate();
      const words = {
        archive: 'Archived. It is hidden from Today; its history is kept.',
        restore: 'Restored.',
        resume: 'Resumed.',
        pause: 'Paused.',
        remove: 'Deleted.',
      };
      setStatus(words[action]);
      setPausing(false);
      setDeleting(false);
      if (action === 'remove') await navigate('/practices?show=deleted');
      return next;
    },
  });

  function onPause(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    act.mutate('pause');
  }

  const live = p.state === 'active' || p.state === 'paused';
  return (
    <section aria-label="Actions" className="practice-actions">
      <div className="form-actions">
        {live && (
          <Link to={`/practices/${p.id}/edit`} className="button button-primary">
            Edit
          </Link>
        )}
        {p.state === 'active' && (
          <button
            type="button"
            className="button button-secondary"
            aria-expanded={pausing}
            aria-controls={`${id}-pause`}
            onClick={() => {
              setPausing((v) => !v);
              window.setTimeout(() => document.getElementById(`${id}-from`)?.focus());
            }}
          >
            Pause…
          </button>
        )}
        {p.state === 'paused' && (
          <button type="button" className="button button-secondary" onClick={() => act.mutate('resume')}>
            Resume
          </button>
        )}
        {live && (
          <button type="button" className="button button-secondary" onClick={() => act.mutate('archive')}>
            Archive
          </button>
        )}
        {(p.state === 'archived' || p.state === 'deleted') && (
          <button type="button" className="button button-primary" onClick={() => act.mutate('restore')}>
            Restore
          </button>
        )}
        {p.state !== 'deleted' && (
          <button type="button" className="button button-danger-outline" onClick={() => setDeleting(true)}>
            Delete
          </button>
        )}
        <StatusRegion className="inline-status">{status}</StatusRegion>
      </div>
      {p.state === 'deleted' && p.purgeAfter && (
        <p className="alert alert-warning">
          Deleted. It will be removed for good on {mediumDate(isoDateIn(p.purgeAfter, zone))} unless you restore it.
        </p>
      )}
      <ErrorRegion
        message={act.isError && !deleting && !fieldError(act.error, 'to') ? errorMessage(act.error) : undefined}
      />
      <form id={`${id}-pause`} className="pause-form" hidden={!pausing} onSubmit={onPause}>
        <p className="field-hint">Paused days count as neither done nor missed, so strength holds still.</p>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-from`}>From</label>
            <input id={`${id}-from`} type="date" value={pauseFrom} onChange={(e) => setPauseFrom(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>To (optional)</label>
            <input
              id={`${id}-to`}
              type="date"
              value={pauseTo}
              min={pauseFrom}
              onChange={(e) => setPauseTo(e.target.value)}
              aria-describedby={`${id}-to-hint`}
              aria-invalid={fieldError(act.error, 'to') ? true : undefined}
            />
            <p id={`${id}-to-hint`} className="field-hint">
              {fieldError(act.error, 'to') ?? 'Leave empty to pause until you resume.'}
            </p>
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={act.isPending}>
            Pause practice
          </button>
          <button type="button" className="button button-quiet" onClick={() => setPausing(false)}>
            Cancel
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={deleting}
        title={`Delete “${p.name}”?`}
        confirmLabel="Delete practice"
        busyLabel="Deleting…"
        busy={act.isPending}
        error={act.isError && deleting ? errorMessage(act.error) : undefined}
        onConfirm={() => act.mutate('remove')}
        onCancel={() => setDeleting(false)}
      >
        <p>
          It disappears from Today and your lists. You can restore it, with all its history, for 30 days; after that it
          is removed for good.
        </p>
      </ConfirmDialog>
    </section>
  );
}
