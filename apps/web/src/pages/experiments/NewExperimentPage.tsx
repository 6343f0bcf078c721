import { TackApiError } from '@tack/client';
import { EXPERIMENT_WEEKS_DEFAULT, EXPERIMENT_WEEKS_MAX, EXPERIMENT_WEEKS_MIN } from '@tack/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, errorMessage, fieldError } from '../../api.ts';
import { experimentDates } from '../../discovery/lib.ts';
import { PracticePicker, TextArea } from '../../discovery/Parts.tsx';
import { useDirections, useInvalidateDiscovery } from '../../discovery/queries.ts';
import { longDate } from '../../practices/lib.ts';
import { usePracticeList, useToday } from '../../practices/queries.ts';
import { ErrorRegion, useRevealed } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/Page.tsx';
import { UnsavedChangesPrompt } from '../../ui/UnsavedChangesPrompt.tsx';
import { useFocusLater } from '../../ui/useFocusLater.ts';
import { useUnsavedChanges } from '../../ui/useUnsavedChanges.ts';

interface Conflict {
  currentExperimentId: string;
  decisionDate: string;
}

function conflictOf(error: unknown): Conflict | undefined {
  if (!(error instanceof TackApiError) || error.status !== 409) return undefined;
  const d = error.details as Partial<Conflict> | undefined;
  return d && typeof d.currentExperimentId === 'string' && typeof d.decisionDate === 'string'
    ? { currentExperimentId: d.currentExperimentId, decisionDate: d.decisionDate }
    : undefined;
}

export function NewExperimentPage() {
  const [params] = useSearchParams();
  const directions = useDirections();
  const practices = usePracticeList('live');
  const today = useToday().data?.date;
  const navigate = useNavigate();
  const invalidate = useInvalidateDiscovery();
  const id = useId();
  const [directionId, setDirectionId] = useState(params.get('direction') ?? '');
  const [hypothesis, setHypothesis] = useState('');
  const [practiceIds, setPracticeIds] = useState<string[]>([]);
  const [startDate, setStartDate] = useState<string>();
  const [weeks, setWeeks] = useState(String(EXPERIMENT_WEEKS_DEFAULT));
  const [problems, setProblems] = useState<Record<string, string>>({});
  // Today until the person picks a day; a cleared field stays empty (and is flagged), it never snaps back.
  const start = startDate ?? today ?? '';
  const formRef = useRef<HTMLFormElement>(null);
  const focusLater = useFocusLater();
  const { blocker, release } = useUnsavedChanges(
    hypothesis.trim() !== '' ||
      practiceIds.length > 0 ||
      startDate !== undefined ||
      weeks !== String(EXPERIMENT_WEEKS_DEFAULT) ||
      directionId !== (params.get('direction') ?? ''),
  );
  const lengthWeeks = /^\d+$/.test(weeks.trim()) ? Number(weeks.trim()) : Number.NaN;
  const validLength = lengthWeeks >= EXPERIMENT_WEEKS_MIN && lengthWeeks <= EXPERIMENT_WEEKS_MAX;
  const dates = start && validLength ? experimentDates(start, lengthWeeks) : undefined;

  const create = useMutation({
    mutationFn: () =>
      api.experiments.create({
        directionId,
        hypothesis: hypothesis.trim(),
        practiceIds,
        startDate: start,
        lengthWeeks,
      }),
    onSuccess: async (e) => {
      release();
      await invalidate();
      await navigate(`/experiments/${e.id}`);
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const p: Record<string, string> = {};
    if (!directionId) p.directionId = 'Choose the direction this experiment explores.';
    if (!hypothesis.trim()) p.hypothesis = 'Say what you expect to find out.';
    if (!start) p.startDate = 'Pick the day it starts.';
    if (!validLength)
      p.lengthWeeks = `A whole number of weeks from ${EXPERIMENT_WEEKS_MIN} to ${EXPERIMENT_WEEKS_MAX}.`;
    setProblems(p);
    if (Object.keys(p).length === 0) create.mutate();
    else focusLater(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]'));
  }
  const conflict = conflictOf(create.error);
  const conflictShown = useRevealed<HTMLDivElement>(conflict && create.error);
  const fe = (path: string) => problems[path] ?? fieldError(create.error, path);
  const general =
    create.isError && !conflict && !['directionId', 'hypothesis', 'lengthWeeks', 'startDate'].some((p) => fe(p))
      ? errorMessage(create.error)
      : undefined;

  if (directions.isPending)
    return (
      <>
        <PageHeader title="New experiment" />
        <Loading />
      </>
    );

  return (
    <>
      <PageHeader
        title="New experiment"
        lead="About six weeks of real contact with a direction. Changing course afterwards is the system working."
      />
      <UnsavedChangesPrompt blocker={blocker} />
      <form ref={formRef} className="form narrow-form" onSubmit={submit} noValidate>
        <ErrorRegion message={general} />
        {conflict && (
          <div ref={conflictShown} className="alert alert-warning conflict" role="alert">
            <p>
              An experiment in this direction is still running, until {longDate(conflict.decisionDate)}. Decide it now
              (go deeper, adjust or let go), or start this one on or after that date.
            </p>
            <p>
              <Link
                className="button button-primary button-small"
                to={`/experiments/${conflict.currentExperimentId}#verdict`}
              >
                Decide now
              </Link>
            </p>
          </div>
        )}
        <Card title="What you are trying">
          <div className="form">
            <div className="field">
              <label htmlFor={`${id}-dir`}>Direction</label>
              <select
                id={`${id}-dir`}
                value={directionId}
                onChange={(e) => setDirectionId(e.target.value)}
                aria-invalid={fe('directionId') ? true : undefined}
                aria-describedby={fe('directionId') ? `${id}-dir-error` : undefined}
              >
                <option value="">Choose a direction</option>
                {(directions.data ?? []).map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
              {fe('directionId') && (
                <p id={`${id}-dir-error`} className="field-error">
                  ⚠ {fe('directionId')}
                </p>
              )}
            </div>
            <TextArea
              label="Hypothesis"
              value={hypothesis}
              onChange={setHypothesis}
              error={fe('hypothesis')}
              hint="What do you expect to find out? “Running three mornings a week gives me energy for the day.”"
            />
            <PracticePicker practices={practices.data ?? []} value={practiceIds} onChange={setPracticeIds} />
          </div>
        </Card>
        <Card title="When">
          <div className="form">
            <div className="field-row">
              <TextField
                label="Start date"
                type="date"
                value={start}
                onChange={setStartDate}
                error={fe('startDate')}
                hint="Today, a day to come, or the day you already began."
              />
              <TextField
                label="Length in weeks"
                value={weeks}
                onChange={setWeeks}
                inputMode="numeric"
                error={fe('lengthWeeks')}
                hint={`${EXPERIMENT_WEEKS_MIN} to ${EXPERIMENT_WEEKS_MAX}; six is a good default.`}
                autoComplete="off"
              />
            </div>
            {dates ? (
              <dl className="facts" aria-live="polite">
                <div>
                  <dt>Mid-point check</dt>
                  <dd>{longDate(dates.midpoint)}</dd>
                </div>
                <div>
                  <dt>Decision date</dt>
                  <dd>{longDate(dates.decision)}</dd>
                </div>
              </dl>
            ) : (
              <p className="field-hint">The mid-point and decision date appear once the dates are complete.</p>
            )}
            <div aria-live="polite">
              {dates && today && dates.decision < today && (
                <p className="alert alert-warning">
                  This experiment would already be over: its decision date, {longDate(dates.decision)}, has passed.
                  Choose a later start or more weeks, or start it anyway to record what you found and give it a verdict.
                </p>
              )}
              {dates && today && dates.decision === today && (
                <p className="field-hint">Its decision date is today: it would be due for a verdict at once.</p>
              )}
            </div>
          </div>
        </Card>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {create.isPending ? 'Starting…' : 'Start experiment'}
          </button>
          <Link to={directionId ? `/directions/${directionId}` : '/experiments'} className="button button-quiet">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
