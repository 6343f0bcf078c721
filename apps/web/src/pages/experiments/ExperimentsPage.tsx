import type { Experiment } from '@tack/contracts';
import { Link } from 'react-router';
import { api, errorMessage } from '../../api.ts';
import { EXPERIMENT_STATUS_LABELS, VERDICT_RESULT } from '../../discovery/lib.ts';
import { Pill } from '../../discovery/Parts.tsx';
import { discoveryKeys, useDirections, useExperiments, useLearnings } from '../../discovery/queries.ts';
import { RecentlyDeleted } from '../../discovery/RecentlyDeleted.tsx';
import { EXPERIMENT_TABS, LinkTabs } from '../../discovery/Tabs.tsx';
import { mediumDate } from '../../practices/lib.ts';
import { ErrorRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/Page.tsx';

export function ExperimentsPage() {
  const experiments = useExperiments();
  const directions = useDirections();
  const directionName = new Map((directions.data ?? []).map((d) => [d.id, d.name]));
  const open = (experiments.data ?? []).filter((e) => !e.verdict);
  const decided = (experiments.data ?? []).filter((e) => e.verdict);

  const row = (e: Experiment) => (
    <li key={e.id} className="item">
      <Link to={`/experiments/${e.id}`} className="item-title">
        {e.hypothesis}
      </Link>
      <p className="item-meta">
        <Pill tone={e.status === 'decisionDue' ? 'warn' : e.verdict ? 'calm' : 'good'}>
          {e.verdict ? VERDICT_RESULT[e.verdict.verdict] : EXPERIMENT_STATUS_LABELS[e.status]}
        </Pill>{' '}
        <Link to={`/directions/${e.directionId}`}>{directionName.get(e.directionId) ?? 'Direction'}</Link> ·{' '}
        {mediumDate(e.startDate)} – {mediumDate(e.verdict ? e.verdict.decidedOn : e.decisionDate)}
      </p>
    </li>
  );

  return (
    <>
      <PageHeader
        title="Experiments"
        lead="Try a direction for about six weeks. Notice what energises you and what drains you, then decide."
      >
        <div className="page-actions">
          <Link to="/experiments/new" className="button button-primary">
            New experiment
          </Link>
        </div>
      </PageHeader>
      <div className="stack">
        <LinkTabs label="Experiments and learnings" tabs={EXPERIMENT_TABS} current="/experiments" />
        {experiments.isPending ? (
          <Loading />
        ) : experiments.isError ? (
          <ErrorRegion message={errorMessage(experiments.error)} />
        ) : (
          <>
            <Card
              title="Running and planned"
              description="Each experiment explores one of your directions. Start one with “New experiment”, or from a direction’s page."
            >
              {open.length === 0 ? (
                <p className="empty">
                  Nothing running. Choose “New experiment”, or <Link to="/directions">open a direction</Link> to start
                  one from there.
                </p>
              ) : (
                <ul className="item-list">{open.map(row)}</ul>
              )}
            </Card>
            {decided.length > 0 && (
              <Card title="Decided">
                <ul className="item-list">{decided.map(row)}</ul>
              </Card>
            )}
          </>
        )}
        <RecentlyDeleted
          what="experiments"
          queryKey={discoveryKeys.deleted('experiments')}
          list={() => api.experiments.listDeleted()}
          restore={(id) => api.experiments.restore(id)}
          label={(e) => e.hypothesis}
        />
      </div>
    </>
  );
}

export function LearningsPage() {
  const learnings = useLearnings();
  return (
    <>
      <PageHeader
        title="What I learned"
        lead="Every verdict is a completed discovery: going deeper, adjusting and letting go all count."
      />
      <div className="stack">
        <LinkTabs label="Experiments and learnings" tabs={EXPERIMENT_TABS} current="/experiments/learnings" />
        {learnings.isPending ? (
          <Loading />
        ) : learnings.isError ? (
          <ErrorRegion message={errorMessage(learnings.error)} />
        ) : learnings.data.length === 0 ? (
          <p className="empty">No verdicts yet. When an experiment ends, what you learned is kept here.</p>
        ) : (
          <ul className="item-list learnings">
            {learnings.data.map((l) => (
              <li key={l.experimentId} className="item card learning">
                <p className="item-meta">
                  <Pill tone="calm">{VERDICT_RESULT[l.verdict]}</Pill> · decided {mediumDate(l.decidedOn)} ·{' '}
                  <Link to={`/directions/${l.directionId}`}>{l.directionName}</Link>
                </p>
                <blockquote className="learned">{l.learned}</blockquote>
                <p className="item-meta">
                  <Link to={`/experiments/${l.experimentId}`}>{l.hypothesis}</Link> · {l.energises} energising,{' '}
                  {l.drains} draining {l.energises + l.drains === 1 ? 'note' : 'notes'}
                </p>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
