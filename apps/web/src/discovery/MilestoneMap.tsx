import { LIMITS, type Milestone } from '@tack/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, errorMessage, fieldError } from '../api.ts';
import { mediumDate } from '../practices/lib.ts';
import { ErrorRegion, StatusRegion } from '../ui/Alerts.tsx';
import { Card } from '../ui/Card.tsx';
import { TextField } from '../ui/Field.tsx';
import { Loading } from '../ui/Loading.tsx';
import { asSentence } from '../ui/sentence.ts';
import { Pill, TextArea } from './Parts.tsx';
import { useInvalidateDiscovery, useMilestoneMap } from './queries.ts';

/** Client-side checks for a checkpoint, so the server's schema messages never show. */
function checkpointProblems(title: string, date: string): { title?: string; targetDate?: string } {
  return {
    ...(title.trim() ? {} : { title: 'Name the checkpoint.' }),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(date) ? {} : { targetDate: 'Pick a date.' }),
  };
}

/** A server field error in plain words (the client checks should catch these first). */
function friendlyError(error: unknown, path: 'title' | 'targetDate'): string | undefined {
  if (!fieldError(error, path)) return undefined;
  return path === 'title' ? 'Name the checkpoint in a few words.' : 'Pick a valid date.';
}

const CHANGE_WORDS: Record<Milestone['changes'][number]['kind'], string> = {
  moved: 'Moved',
  changed: 'Changed',
  dropped: 'Dropped',
  reached: 'Reached',
  reopened: 'Reopened',
};

/**
 * A milestone map: adaptive checkpoints, with the original plan beside the current one. Moving,
 * changing or dropping a checkpoint needs a reason, and every change is kept.
 */
export function MilestoneMapCard({ of }: { of: { goalId: string } | { directionId: string } }) {
  const map = useMilestoneMap(of);
  const invalidate = useInvalidateDiscovery();
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [status, setStatus] = useState('');
  const [problems, setProblems] = useState<{ title?: string; targetDate?: string }>({});
  const add = useMutation({
    mutationFn: () => api.milestones.create({ ...of, title: title.trim(), targetDate: date }),
    onSuccess: async (m) => {
      setTitle('');
      setDate('');
      setStatus(`Checkpoint “${m.title}” added.`);
      await invalidate();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const p = checkpointProblems(title, date);
    setProblems(p);
    if (!p.title && !p.targetDate) add.mutate();
  }
  const fe = (p: 'title' | 'targetDate') => problems[p] ?? friendlyError(add.error, p);

  return (
    <Card
      title="Milestone map"
      description="Short, revisable checkpoints read as information, not verdicts. Changing one is allowed: say why, and the original plan stays beside the current one."
    >
      <StatusRegion>{status}</StatusRegion>
      {map.isPending ? (
        <Loading />
      ) : map.isError ? (
        <ErrorRegion message={errorMessage(map.error)} />
      ) : (
        <div className="stack-small">
          {map.data.original.length === 0 ? (
            <p className="empty">No checkpoints yet.</p>
          ) : (
            <div className="plan-columns">
              <section aria-labelledby="plan-original" className="plan-column">
                <h3 id="plan-original">Original plan</h3>
                <ol className="plan-list">
                  {map.data.original.map((o) => (
                    <li key={o.id}>
                      <span className="plan-date">{mediumDate(o.targetDate)}</span>
                      <span>{o.title}</span>
                    </li>
                  ))}
                </ol>
              </section>
              <section aria-labelledby="plan-current" className="plan-column">
                <h3 id="plan-current">Current plan</h3>
                <ol className="plan-list">
                  {map.data.current.map((m) => (
                    <CurrentMilestone key={m.id} milestone={m} onDone={setStatus} />
                  ))}
                  {map.data.current.length === 0 && <li className="field-hint">Every checkpoint was dropped.</li>}
                </ol>
                {map.data.dropped.length > 0 && (
                  <>
                    <h4 className="subheading">Dropped</h4>
                    <ul className="plan-list">
                      {map.data.dropped.map((m) => (
                        <li key={m.id} className="plan-dropped">
                          <span className="plan-date">{mediumDate(m.original.targetDate)}</span>
                          <span>
                            {m.title}
                            <ChangeList milestone={m} />
                          </span>
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </section>
            </div>
          )}
          <form className="inline-form milestone-add" onSubmit={submit} noValidate>
            <ErrorRegion
              message={add.isError && !fe('title') && !fe('targetDate') ? errorMessage(add.error) : undefined}
            />
            <TextField
              label="Checkpoint"
              value={title}
              onChange={setTitle}
              error={fe('title')}
              maxLength={LIMITS.nameMax}
              autoComplete="off"
            />
            <TextField label="Target date" type="date" value={date} onChange={setDate} error={fe('targetDate')} />
            <button type="submit" className="button button-secondary" disabled={add.isPending}>
              {add.isPending ? 'Adding…' : 'Add checkpoint'}
            </button>
          </form>
        </div>
      )}
    </Card>
  );
}

function ChangeList({ milestone }: { milestone: Milestone }) {
  // Reaching shows as the "Reached" pill; reaching and undoing it (reopened) are not plan changes.
  const changes = milestone.changes.filter((c) => (c.kind !== 'reached' && c.kind !== 'reopened') || c.reason);
  if (changes.length === 0) return null;
  return (
    <ul className="change-list">
      {changes.map((c) => (
        <li key={c.at}>
          {CHANGE_WORDS[c.kind]}
          {c.kind === 'moved' && ` from ${mediumDate(c.before.targetDate)} to ${mediumDate(c.after.targetDate)}`}
          {c.kind === 'changed' && c.before.title !== c.after.title && ` from “${c.before.title}”`}
          {c.reason ? `: ${c.reason}` : ''}
        </li>
      ))}
    </ul>
  );
}

function CurrentMilestone({ milestone: m, onDone }: { milestone: Milestone; onDone: (s: string) => void }) {
  const invalidate = useInvalidateDiscovery();
  const [mode, setMode] = useState<'view' | 'change' | 'drop'>('view');
  const [title, setTitle] = useState(m.title);
  const [date, setDate] = useState(m.targetDate);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [problems, setProblems] = useState<{ title?: string; targetDate?: string }>({});
  const save = useMutation({
    mutationFn: async () => {
      if (mode === 'drop') return api.milestones.drop(m.id, reason.trim());
      return api.milestones.update(m.id, {
        ...(title.trim() !== m.title ? { title: title.trim() } : {}),
        ...(date !== m.targetDate ? { targetDate: date } : {}),
        reason: reason.trim(),
      });
    },
    onSuccess: async () => {
      onDone(asSentence(mode === 'drop' ? `Dropped “${m.title}”` : `Updated “${m.title}”`));
      setMode('view');
      setReason('');
      await invalidate();
    },
  });
  const reach = useMutation({
    mutationFn: () => api.milestones.reach(m.id),
    onSuccess: async () => {
      onDone(asSentence(`Reached “${m.title}”`));
      await invalidate();
    },
  });
  const reopen = useMutation({
    mutationFn: () => api.milestones.reopen(m.id),
    onSuccess: async () => {
      onDone(`“${m.title}” is open again.`);
      await invalidate();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const p = mode === 'change' ? checkpointProblems(title, date) : {};
    setProblems(p);
    setMissing(!reason.trim());
    if (!reason.trim() || p.title || p.targetDate) return;
    save.mutate();
  }
  const reasonError = missing ? 'Say why: the reason is kept with the change.' : fieldError(save.error, 'reason');
  return (
    <li>
      <span className="plan-date">{mediumDate(m.targetDate)}</span>
      <span className="plan-main">
        <span>
          {m.title} {m.status === 'reached' && <Pill tone="good">Reached</Pill>}
        </span>
        <ChangeList milestone={m} />
        {mode === 'view' && m.status === 'reached' && (
          <span className="row-actions">
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => reopen.mutate()}
              disabled={reopen.isPending}
            >
              Undo reached<span className="visually-hidden"> {m.title}</span>
            </button>
          </span>
        )}
        {(reach.isError || reopen.isError) && (
          <ErrorRegion message={errorMessage(reach.isError ? reach.error : reopen.error)} />
        )}
        {mode === 'view' && m.status === 'open' && (
          <span className="row-actions">
            <button type="button" className="button button-quiet button-small" onClick={() => setMode('change')}>
              Move or change<span className="visually-hidden"> {m.title}</span>
            </button>
            <button type="button" className="button button-quiet button-small" onClick={() => setMode('drop')}>
              Drop<span className="visually-hidden"> {m.title}</span>
            </button>
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => reach.mutate()}
              disabled={reach.isPending}
            >
              Mark reached<span className="visually-hidden"> {m.title}</span>
            </button>
          </span>
        )}
        {mode !== 'view' && (
          <form className="form nested-form" onSubmit={submit} noValidate>
            <ErrorRegion
              message={
                save.isError && !['reason', 'title', 'targetDate'].some((p) => fieldError(save.error, p))
                  ? errorMessage(save.error)
                  : undefined
              }
            />
            {mode === 'change' && (
              <div className="field-row">
                <TextField
                  label="Checkpoint"
                  value={title}
                  onChange={setTitle}
                  error={problems.title ?? friendlyError(save.error, 'title')}
                  maxLength={LIMITS.nameMax}
                />
                <TextField
                  label="Target date"
                  type="date"
                  value={date}
                  onChange={setDate}
                  error={problems.targetDate ?? friendlyError(save.error, 'targetDate')}
                />
              </div>
            )}
            <TextArea
              label={mode === 'drop' ? 'Why drop it?' : 'Why the change?'}
              value={reason}
              onChange={setReason}
              error={reasonError}
              required
            />
            <div className="form-actions">
              <button type="submit" className="button button-primary button-small" disabled={save.isPending}>
                {mode === 'drop' ? 'Drop checkpoint' : 'Save change'}
              </button>
              <button type="button" className="button button-quiet button-small" onClick={() => setMode('view')}>
                Cancel
              </button>
            </div>
          </form>
        )}
      </span>
    </li>
  );
}
