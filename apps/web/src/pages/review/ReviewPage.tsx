import { TackApiError } from '@tack/client';
import {
  COMPARISON_QUESTION,
  type FrequencyDto,
  INTENTION_REVIEW_QUESTION,
  type Review,
  type ReviewAnswers,
  type ReviewDecision,
  WHO5,
} from '@tack/contracts';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, errorMessage } from '../../api.ts';
import { useMe } from '../../auth/session.ts';
import { addDays, mediumDate, percent, shortDay } from '../../practices/lib.ts';
import { usePracticeList, useToday } from '../../practices/queries.ts';
import { InsightsPanel } from '../../reviews/InsightsPanel.tsx';
import {
  adjustHint,
  appliedInWords,
  checkinsInAll,
  comparisonInWords,
  completeWho5,
  DEFAULT_FREQUENCY,
  dateInZone,
  decisionProblem,
  doneOfPlanned,
  downloadText,
  energyWord,
  futureWeekDates,
  lastWeekStillOpen,
  ratio,
  rejectedInWords,
  type SaveState,
  STEPS,
  saveStatusText,
  setDecision,
  setIntentionAnswer,
  setWho5,
  stepFromParam,
  strengthChange,
  TEXT_MAX,
  who5Answered,
} from '../../reviews/lib.ts';
import { FrequencyEditor, ReviewTabs, ReviewTimer, TableScroll, TextArea } from '../../reviews/Parts.tsx';
import { fitsKeepalive, useCompleteReview, useReview, useReviewList, useSaveReview } from '../../reviews/queries.ts';
import { ErrorRegion, StatusRegion } from '../../ui/Alerts.tsx';
import { TextField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/Page.tsx';
import { asSentence } from '../../ui/sentence.ts';
import '../../reviews/reviews.css';
import '../../reviews/print.css';

/** `/review` (this week) and `/review/:week` (any week: a late review of a past week is welcome). */
export function ReviewPage() {
  const params = useParams();
  const today = useToday();
  const week = params.week ?? today.data?.date;
  const review = useReview(week);
  const current = params.week ? '' : '/review';

  if (!week || review.isPending) {
    return (
      <>
        <PageHeader title="Weekly review" />
        <ReviewTabs current={current} />
        {today.isError ? <ErrorRegion message={errorMessage(today.error)} /> : <Loading />}
      </>
    );
  }
  if (review.isError) {
    const future = review.error instanceof TackApiError ? futureWeekDates(review.error.fieldMessage('week')) : null;
    // An address typed or kept by hand that names no week (2026-W99, /review/someday).
    const noWeek =
      !future && review.error instanceof TackApiError && review.error.code === 'VALIDATION_FAILED'
        ? review.error.fieldMessage('week')
        : undefined;
    return (
      <>
        <PageHeader title="Weekly review" />
        <ReviewTabs current={current} />
        {future ? (
          <div className="alert alert-info review-future">
            <p>
              The week of {mediumDate(future.week)} has not started yet, so there is nothing to review. This week
              started on {mediumDate(future.current)}.
            </p>
            <p>
              <Link to="/review">Go to this week’s review</Link>
            </p>
          </div>
        ) : noWeek ? (
          <div className="alert alert-info review-future">
            <p>
              There is no week “{params.week}” to review: {asSentence(noWeek)} A week is written like 2026-W47, or as
              any date in it.
            </p>
            <p>
              <Link to="/review">Go to this week’s review</Link>
            </p>
          </div>
        ) : (
          <ErrorRegion message={errorMessage(review.error)} />
        )}
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Weekly review"
        lead={
          <>
            Week of {mediumDate(review.data.weekStart)} to {mediumDate(review.data.weekEnd)}{' '}
            <span className="muted">({review.data.isoWeek})</span>
          </>
        }
      >
        <WeekNav review={review.data} today={today.data?.date} />
      </PageHeader>
      <ReviewTabs current={current} />
      {!params.week && today.data && <LastWeekStillOpen review={review.data} today={today.data.date} />}
      {review.data.status === 'completed' ? (
        <CompletedReview review={review.data} />
      ) : (
        <DraftReview
          key={review.data.id}
          review={review.data}
          queryWeek={week}
          underWay={today.data !== undefined && today.data.date < review.data.weekEnd}
        />
      )}
    </>
  );
}

/**
 * In the first days of a week, last week is usually the one to review: a pointer to it while its review is
 * not completed (and the person already used Tack then).
 */
function LastWeekStillOpen({ review, today }: { review: Review; today: string }) {
  const list = useReviewList();
  const me = useMe();
  if (!list.data || !me.data) return null;
  const previous = lastWeekStillOpen({
    weekStart: review.weekStart,
    today,
    accountCreatedAt: me.data.createdAt,
    reviews: list.data,
  });
  if (!previous) return null;
  return (
    <p className="alert alert-info review-last-week no-print">
      This week has just begun. Last week's review is still open:{' '}
      <Link to={`/review/${previous}`}>
        review {shortDay(previous)} to {shortDay(addDays(previous, 6))}
      </Link>
      .
    </p>
  );
}

function WeekNav({ review, today }: { review: Review; today: string | undefined }) {
  const previous = addDays(review.weekStart, -7);
  const next = addDays(review.weekStart, 7);
  const nextIsFuture = today !== undefined && next > today;
  return (
    <nav className="week-nav no-print" aria-label="Other weeks">
      <Link to={`/review/${previous}`} className="button button-secondary button-small">
        <span aria-hidden="true">← </span>Previous week
      </Link>
      {!nextIsFuture && (
        <Link to={`/review/${next}`} className="button button-secondary button-small">
          Next week<span aria-hidden="true"> →</span>
        </Link>
      )}
    </nav>
  );
}

function DraftReview({ review, queryWeek, underWay }: { review: Review; queryWeek: string; underWay: boolean }) {
  const [answers, setAnswers] = useState<ReviewAnswers>(review.answers);
  const [searchParams, setSearchParams] = useSearchParams();
  const step = stepFromParam(searchParams.get('step'));
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [saveProblem, setSaveProblem] = useState<string>();
  const [who5, setWho5Draft] = useState<Array<number | null>>(review.answers.who5 ?? [null, null, null, null, null]);
  const practices = usePracticeList('all');
  const save = useSaveReview(review.weekStart, queryWeek);
  const complete = useCompleteReview(review.weekStart, queryWeek);
  const saveDraft = useRef(save.mutateAsync);
  saveDraft.current = save.mutateAsync;
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const latest = useRef(answers);
  latest.current = answers;
  // Every change gets a number; `saved` is the newest one the server has confirmed.
  const revision = useRef(0);
  const saved = useRef(0);
  const timer = useRef<number | undefined>(undefined);
  const completing = useRef(false);
  const [finishing, setFinishing] = useState(false);
  const failed = useRef(false);

  const summary = review.summary;
  const practiceName = (id: string) => summary.practices.find((p) => p.practiceId === id)?.name;
  const intentionName = (id: string) => summary.intentions.find((i) => i.id === id)?.statement;
  const names = useRef({ practice: practiceName, intention: intentionName });
  names.current = { practice: practiceName, intention: intentionName };

  /** Sends the whole draft now (keepalive, so it also survives leaving the page). */
  const flush = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const rev = revision.current;
    if (rev === saved.current || completing.current) return;
    const sent = latest.current;
    setSaveState('saving');
    saveDraft.current(sent).then(
      ({ rejected }) => {
        // A refused field is not saved: it keeps the draft "unsaved" (and the browser asks before leaving).
        if (rejected.length === 0) saved.current = Math.max(saved.current, rev);
        failed.current = rejected.length > 0;
        setSaveProblem(rejected.length > 0 ? rejectedInWords(sent, rejected, names.current) : undefined);
        if (rev === revision.current) setSaveState(rejected.length > 0 ? 'error' : 'saved');
      },
      (error: unknown) => {
        if (rev !== revision.current) return;
        failed.current = true;
        setSaveProblem(
          `Your last changes are not saved yet. ${asSentence(errorMessage(error))} They will be sent again with your next change.`,
        );
        setSaveState('error');
      },
    );
  }, []);

  // Leaving the page or hiding it (switching apps, closing the tab) sends a pending draft at once; the browser
  // asks before leaving only when that cannot work: the last save failed, or the draft is too large to send then.
  useEffect(() => {
    const unsaved = () => revision.current !== saved.current && !completing.current;
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onPageHide = () => flush();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!unsaved()) return;
      flush();
      if (failed.current || !fitsKeepalive(latest.current)) event.preventDefault();
    };
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
      // Leaving the review inside the app (a nav link): save what is pending.
      flush();
    };
  }, [flush]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new step moves focus to its heading
  useEffect(() => {
    if (moved.current) stepHeading.current?.focus();
  }, [step]);

  function update(next: ReviewAnswers) {
    setAnswers(next);
    latest.current = next;
    revision.current += 1;
    setSaveState('pending');
    // Autosave: shortly after the last change, PUT the whole draft.
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, 900);
  }
  function go(index: number) {
    moved.current = true;
    setSearchParams(
      (params) => {
        const next = new URLSearchParams(params);
        next.set('step', String(index + 1));
        return next;
      },
      { replace: true },
    );
  }

  const decisionIssues = (answers.decisions ?? [])
    .map((d) => ({ d, problem: decisionProblem(d) }))
    .filter((x) => x.problem);
  const who5Count = who5Answered(who5);
  // The API keeps all five WHO-5 answers or none: completing must not drop a half-answered one unseen.
  const blockers = [
    ...decisionIssues.map((x) => x.problem),
    ...(who5Count > 0 && who5Count < 5
      ? [`answer all five well-being statements (${who5Count} of 5 so far), or clear them`]
      : []),
  ];
  const completeError = complete.error;
  const futureWeek = completeError instanceof TackApiError && completeError.fieldMessage('week');

  function finish() {
    // A double click must not send two completions (the second would be refused).
    if (completing.current) return;
    completing.current = true;
    setFinishing(true);
    window.clearTimeout(timer.current);
    // The completion carries every change so far: nothing is left for the draft save that leaving the editor
    // sends (it would be refused, the review being completed).
    const rev = revision.current;
    complete.mutate(answers, {
      onSuccess: () => {
        saved.current = Math.max(saved.current, rev);
      },
      onSettled: () => {
        completing.current = false;
        setFinishing(false);
      },
    });
  }

  const current = STEPS[step] ?? STEPS[0];
  const status = saveStatusText(saveState, who5Count);
  return (
    <div className="review-layout">
      <ReviewTimer weekStart={review.weekStart} />
      <div className="review-steps-bar no-print">
        <nav aria-label="Review steps" className="review-steps">
          <ol>
            {STEPS.map((s, i) => (
              <li key={s.id}>
                <button
                  type="button"
                  className="review-step-link"
                  aria-current={i === step ? 'step' : undefined}
                  onClick={() => go(i)}
                >
                  <span className="review-step-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span className="visually-hidden">Step {i + 1}: </span>
                  {s.title}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <StatusRegion className="save-status">{status}</StatusRegion>
      </div>
      <ErrorRegion message={saveState === 'error' ? saveProblem : undefined} />

      <section className="card review-step" aria-labelledby="review-step-heading">
        <h2 id="review-step-heading" ref={stepHeading} tabIndex={-1}>
          <span className="muted">
            Step {step + 1} of {STEPS.length}:
          </span>{' '}
          {current.title}
        </h2>

        {current.id === 'summary' && (
          <>
            <WeekSummary review={review} underWay={underWay} />
            <TextField
              label="One line of your own about the week"
              hint="What actually happened, in your words. Not a grade."
              value={answers.line ?? ''}
              onChange={(line) => update({ ...answers, line })}
              maxLength={TEXT_MAX}
            />
            <InsightsPanel headingLevel={3} />
          </>
        )}

        {current.id === 'energy' && (
          <>
            {summary.experimentNotes.length > 0 && (
              <div className="experiment-notes">
                <h3>From your experiments this week</h3>
                <ul>
                  {summary.experimentNotes.map((n) => (
                    <li key={`${n.experimentId}-${n.date}-${n.text}`}>
                      <span className={`tag tag-${n.tag}`}>{n.tag === 'energises' ? 'Energises' : 'Drains'}</span>{' '}
                      {n.text}{' '}
                      <span className="muted">
                        ({shortDay(n.date)}, “{n.hypothesis}”)
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <TextArea
              label="What energised you this week?"
              value={answers.energised ?? ''}
              onChange={(energised) => update({ ...answers, energised })}
            />
            <TextArea
              label="What drained you?"
              value={answers.drained ?? ''}
              onChange={(drained) => update({ ...answers, drained })}
            />
          </>
        )}

        {current.id === 'practices' && (
          <>
            <p className="field-hint">
              Keeping is the default. An adjusted schedule starts next week, on {mediumDate(addDays(review.weekEnd, 1))}
              ; a dropped practice is archived with your reason, and you can restore it any time.
            </p>
            {summary.practices.length === 0 ? (
              <p>
                No practices this week. <Link to="/practices/new">Start one small practice</Link>.
              </p>
            ) : (
              <div className="decision-list">
                {summary.practices.map((p) => (
                  <DecisionRow
                    key={p.practiceId}
                    name={p.name}
                    planned={p.planned}
                    done={p.done}
                    currentFrequency={practices.data?.find((x) => x.id === p.practiceId)?.schedule.frequency}
                    decision={
                      answers.decisions?.find((d) => d.practiceId === p.practiceId) ?? {
                        practiceId: p.practiceId,
                        decision: 'keep',
                      }
                    }
                    onChange={(d) => update(setDecision(answers, d))}
                  />
                ))}
              </div>
            )}
          </>
        )}

        {current.id === 'intentions' &&
          (summary.intentions.length === 0 ? (
            <p>
              You have no intentions yet. An intention is a values-driven statement such as “Respond to challenges with
              calm and clarity”. <Link to="/intentions">Write one</Link> when you are ready; this step then asks where
              you lived it.
            </p>
          ) : (
            summary.intentions.map((intention) => (
              <TextArea
                key={intention.id}
                label={`“${intention.statement}”: ${INTENTION_REVIEW_QUESTION}`}
                value={answers.intentions?.find((i) => i.intentionId === intention.id)?.answer ?? ''}
                onChange={(value) => update(setIntentionAnswer(answers, intention.id, value))}
              />
            ))
          ))}

        {current.id === 'next' && (
          <TextField
            label="Next week’s one small thing"
            hint="Something small you could really do next week. What would have made this week easier, and what could you do now to make next week easier?"
            value={answers.smallThing ?? ''}
            onChange={(smallThing) => update({ ...answers, smallThing })}
            maxLength={TEXT_MAX}
          />
        )}

        {current.id === 'wellbeing' && (
          <>
            <Who5Form
              values={who5}
              onChange={(values) => {
                setWho5Draft(values);
                const full = completeWho5(values);
                if (full) update({ ...answers, who5: full });
              }}
              onClear={() => {
                setWho5Draft([null, null, null, null, null]);
                update({ ...answers, who5: null });
              }}
            />
            <ComparisonQuestion value={answers.compared} onChange={(compared) => update({ ...answers, compared })} />
          </>
        )}

        <div className="review-step-actions no-print">
          {step > 0 && (
            <button type="button" className="button button-secondary" onClick={() => go(step - 1)}>
              Back
            </button>
          )}
          {step < STEPS.length - 1 ? (
            <button type="button" className="button button-primary" onClick={() => go(step + 1)}>
              Next: {STEPS[step + 1]?.title}
            </button>
          ) : null}
        </div>
      </section>

      <section className="card review-finish no-print" aria-labelledby="finish-heading">
        <h2 id="finish-heading">Complete the review</h2>
        <p className="field-hint">
          Completing applies your keep, adjust and drop choices and keeps this week’s numbers as they are. Any step can
          be left empty.
        </p>
        {blockers.length > 0 && <p className="alert alert-warning">Before completing: {blockers.join('; ')}.</p>}
        <ErrorRegion
          message={
            complete.isError
              ? futureWeek
                ? 'This week has not started yet, so there is nothing to review. Come back once it is under way.'
                : errorMessage(complete.error)
              : undefined
          }
        />
        <button
          type="button"
          className="button button-primary"
          disabled={finishing || complete.isPending || blockers.length > 0}
          onClick={finish}
        >
          {finishing || complete.isPending ? 'Completing…' : 'Complete review'}
        </button>
      </section>
    </div>
  );
}

/** Step 1's numbers; `underWay`: the week has not ended, so planned and done count up to today. */
function WeekSummary({ review, underWay = false }: { review: Review; underWay?: boolean }) {
  const s = review.summary;
  const r = ratio(s.done, s.planned);
  return (
    <div className="week-summary">
      {underWay && (
        <p className="field-hint">
          The week runs until {shortDay(review.weekEnd)}: these are its numbers so far, today included.
        </p>
      )}
      <p className="week-totals">
        {s.planned > 0 ? (
          <>
            <strong>
              {s.done} of {s.planned}
            </strong>{' '}
            planned check-ins done{underWay && ' so far'}
            {r !== null && ` (${r}%)`}
          </>
        ) : (
          <>No check-ins planned{underWay && ' so far'}</>
        )}
        , {checkinsInAll(s.checkins)}.
      </p>
      {s.practices.length > 0 && (
        <TableScroll label="Planned and done per practice">
          <table className="review-table">
            <caption className="visually-hidden">Planned and done per practice</caption>
            <thead>
              <tr>
                <th scope="col">Practice</th>
                <th scope="col">Done / planned</th>
                <th scope="col">Skipped</th>
                <th scope="col">Paused days</th>
                <th scope="col">Strength</th>
              </tr>
            </thead>
            <tbody>
              {s.practices.map((p) => (
                <tr key={p.practiceId}>
                  <th scope="row">
                    {p.name}
                    {p.amount !== null && (
                      <span className="muted">
                        {' '}
                        ({p.amount} {p.unit ?? ''})
                      </span>
                    )}
                  </th>
                  <td>
                    {p.done} / {p.planned}
                  </td>
                  <td>{p.skipped}</td>
                  <td>{p.pausedDays}</td>
                  <td>
                    {percent(p.strengthStart)} → {percent(p.strengthEnd)}{' '}
                    <span className="muted">({strengthChange(p.strengthStart, p.strengthEnd)})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <h3>Energy over the week</h3>
      {s.energy.length === 0 ? (
        <p className="field-hint">No energy marks this week. You can add them to check-ins under Details on Today.</p>
      ) : (
        <ul className="energy-days">
          {s.energy.map((e) => (
            <li key={e.date}>
              <span className="energy-day">{shortDay(e.date)}</span>
              <span className={`energy-dot energy-${Math.round(e.average)}`} aria-hidden="true" />
              <span>
                {energyWord(e.average)}{' '}
                <span className="muted">
                  ({e.marks} {e.marks === 1 ? 'mark' : 'marks'})
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {s.notes.length > 0 && (
        <>
          <h3>Your notes</h3>
          <ul className="review-notes">
            {s.notes.map((n) => (
              <li key={`${n.practiceId}-${n.date}`}>
                <span className="muted">
                  {shortDay(n.date)}, {n.practice}:
                </span>{' '}
                {n.note}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function DecisionRow({
  name,
  planned,
  done,
  currentFrequency,
  decision,
  onChange,
}: {
  name: string;
  planned: number;
  done: number;
  /** The practice's schedule today: where "adjust" starts from. */
  currentFrequency: FrequencyDto | undefined;
  decision: ReviewDecision;
  onChange: (d: ReviewDecision) => void;
}) {
  const id = useId();
  return (
    <fieldset className="decision">
      <legend>
        {name} <span className="muted">({doneOfPlanned(done, planned)})</span>
      </legend>
      <div className="decision-choices">
        {(['keep', 'adjust', 'drop'] as const).map((choice) => (
          <label key={choice} className="decision-choice">
            <input
              type="radio"
              name={`${id}-decision`}
              value={choice}
              checked={decision.decision === choice}
              onChange={() =>
                onChange(
                  choice === 'adjust'
                    ? {
                        practiceId: decision.practiceId,
                        decision: 'adjust',
                        frequency: decision.frequency ?? currentFrequency ?? DEFAULT_FREQUENCY,
                      }
                    : choice === 'drop'
                      ? { practiceId: decision.practiceId, decision: 'drop', reason: decision.reason ?? '' }
                      : { practiceId: decision.practiceId, decision: 'keep' },
                )
              }
            />
            {choice === 'keep' ? 'Keep' : choice === 'adjust' ? 'Adjust' : 'Drop'}
            <span className="visually-hidden"> {name}</span>
          </label>
        ))}
      </div>
      {decision.decision === 'adjust' && (
        <div className="decision-detail">
          <FrequencyEditor
            legend={`New schedule for ${name}, from next week`}
            value={decision.frequency ?? currentFrequency ?? DEFAULT_FREQUENCY}
            onChange={(frequency) => onChange({ ...decision, frequency })}
          />
          {decision.frequency && <p className="field-hint">{adjustHint(decision.frequency, currentFrequency)}</p>}
        </div>
      )}
      {decision.decision === 'drop' && (
        <div className="decision-detail">
          <TextArea
            label={`Why drop ${name}?`}
            hint="Kept with the review: dropping is a result, not a failure."
            rows={2}
            value={decision.reason ?? ''}
            onChange={(reason) => onChange({ ...decision, reason })}
          />
        </div>
      )}
    </fieldset>
  );
}

function Who5Form({
  values,
  onChange,
  onClear,
}: {
  values: Array<number | null>;
  onChange: (values: Array<number | null>) => void;
  onClear: () => void;
}) {
  const id = useId();
  const answered = who5Answered(values);
  return (
    <div className="who5">
      <h3>WHO-5 Well-Being Index</h3>
      <p className="alert alert-info">
        Optional and private by design: your answers are health data. Only you see them; they are never shown to a coach
        or an organisation, not even in aggregate.
      </p>
      <p>{WHO5.intro}</p>
      <p className="field-hint">Over the last two weeks:</p>
      {WHO5.items.map((item, index) => (
        <fieldset key={item} className="who5-item">
          <legend>
            {index + 1}. {item}
          </legend>
          <div className="who5-scale">
            {WHO5.scale.map((option) => (
              <label key={option.value} className="who5-option">
                <input
                  type="radio"
                  name={`${id}-who5-${index}`}
                  value={option.value}
                  checked={values[index] === option.value}
                  onChange={() => onChange(setWho5(values, index, option.value))}
                />
                <span className="who5-value" aria-hidden="true">
                  {option.value}
                </span>
                <span className="who5-label">
                  {option.label}
                  <span className="visually-hidden"> ({option.value})</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <p className="field-hint">
        {answered === 5
          ? 'All five answered.'
          : answered === 0
            ? 'Answer all five statements, or none.'
            : `${answered} of 5 answered; the answers are saved once all five are given.`}
        {answered > 0 && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={onClear}>
              Clear my WHO-5 answers
            </button>
          </>
        )}
      </p>
      <p className="who5-source">Source: {WHO5.source}</p>
    </div>
  );
}

/** Nothing is chosen until the person answers; "Rather not say" is an answer of its own (null). */
function ComparisonQuestion({
  value,
  onChange,
}: {
  value: boolean | null | undefined;
  onChange: (v: boolean | null) => void;
}) {
  const id = useId();
  const options: Array<{ v: boolean | null; label: string }> = [
    { v: true, label: 'Yes' },
    { v: false, label: 'No' },
    { v: null, label: 'Rather not say' },
  ];
  return (
    <fieldset className="choice-group comparison">
      <legend>{COMPARISON_QUESTION}</legend>
      <p className="field-hint">Private, like everything here. Tack never ranks people.</p>
      <div className="decision-choices">
        {options.map((o) => (
          <label key={o.label} className="decision-choice">
            <input type="radio" name={`${id}-compared`} checked={value === o.v} onChange={() => onChange(o.v)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function CompletedReview({ review }: { review: Review }) {
  const a = review.answers;
  const [failed, setFailed] = useState<string>();
  const s = review.summary;
  const intentionName = (id: string) => s.intentions.find((i) => i.id === id)?.statement ?? 'An intention';
  const practiceName = (id: string) => s.practices.find((p) => p.practiceId === id)?.name ?? 'A practice';
  const me = useMe();
  const completedOn = review.completedAt ? dateInZone(review.completedAt, me.data?.timeZone) : undefined;
  async function download() {
    setFailed(undefined);
    try {
      downloadText(`tack-review-${review.weekStart}.md`, await api.reviews.markdown(review.weekStart));
    } catch (error) {
      setFailed(errorMessage(error));
    }
  }
  return (
    <div className="stack review-completed">
      <p className="alert alert-info">
        Completed{completedOn ? ` on ${completedOn}` : ''}. Its numbers are kept as they were that week.
      </p>
      <div className="page-actions no-print">
        <button type="button" className="button button-secondary" onClick={() => void download()}>
          Download Markdown
        </button>
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          Print
        </button>
      </div>
      <ErrorRegion message={failed} />
      <section className="card" aria-labelledby="done-summary">
        <h2 id="done-summary">What happened</h2>
        <WeekSummary review={review} />
        {a.line && (
          <p className="review-quote">
            <strong>In my words: </strong>
            {a.line}
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="done-answers">
        <h2 id="done-answers">What I noticed and decided</h2>
        <dl className="review-answers">
          <dt>Energised me</dt>
          <dd>{a.energised || '–'}</dd>
          <dt>Drained me</dt>
          <dd>{a.drained || '–'}</dd>
          <dt>Keep, adjust or drop</dt>
          <dd>
            {review.applied.length === 0 ? (
              'Kept everything as it was.'
            ) : (
              <ul>
                {review.applied.map((x) => {
                  const d = a.decisions?.find((y) => y.practiceId === x.practiceId);
                  return (
                    <li key={x.practiceId}>
                      {appliedInWords({
                        name: practiceName(x.practiceId),
                        decision: x.decision,
                        effectiveFrom: x.effectiveFrom,
                        frequency: d?.frequency,
                        reason: d?.reason,
                      })}
                    </li>
                  );
                })}
              </ul>
            )}
          </dd>
          {(a.intentions ?? []).map((i) => (
            <div key={i.intentionId}>
              <dt>“{intentionName(i.intentionId)}”: where I lived it</dt>
              <dd>{i.answer}</dd>
            </div>
          ))}
          <dt>Next week’s one small thing</dt>
          <dd>{a.smallThing || '–'}</dd>
          <dt>{COMPARISON_QUESTION}</dt>
          <dd>{comparisonInWords(a.compared)}</dd>
          {review.who5Score !== null && (
            <>
              <dt>WHO-5 (private to you)</dt>
              <dd>{review.who5Score} of 100</dd>
            </>
          )}
        </dl>
      </section>
    </div>
  );
}
