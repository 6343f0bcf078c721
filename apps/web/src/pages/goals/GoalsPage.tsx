import type { Goal } from '@tack/contracts';
import { Link } from 'react-router';
import { api, errorMessage } from '../../api.ts';
import { GOAL_KIND_LABELS, GOAL_STATUS_LABELS } from '../../discovery/lib.ts';
import { Pill } from '../../discovery/Parts.tsx';
import { discoveryKeys, useGoals } from '../../discovery/queries.ts';
import { RecentlyDeleted } from '../../discovery/RecentlyDeleted.tsx';
import { GOAL_TABS, LinkTabs } from '../../discovery/Tabs.tsx';
import { ErrorRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/Page.tsx';
import { ProgressText } from './GoalPage.tsx';

export function GoalsPage() {
  const goals = useGoals();
  const current = (goals.data ?? []).filter((g) => g.status === 'exploring' || g.status === 'active');
  const rest = (goals.data ?? []).filter((g) => !current.includes(g));
  const row = (g: Goal) => (
    <li key={g.id} className="item">
      <Link to={`/goals/${g.id}`} className="item-title">
        {g.title}
      </Link>
      <p className="item-meta">
        <Pill tone={g.status === 'letGo' || g.status === 'paused' ? 'calm' : 'good'}>
          {GOAL_STATUS_LABELS[g.status]}
        </Pill>{' '}
        {GOAL_KIND_LABELS[g.kind]} · <ProgressText goal={g} />
        {g.revisions > 0 ? ` · changed ${g.revisions} ${g.revisions === 1 ? 'time' : 'times'}` : ''}
      </p>
    </li>
  );
  return (
    <>
      <PageHeader title="Goals" lead="Discovered, not designed. Every change is kept with its reason.">
        <div className="page-actions">
          <Link to="/goals/new" className="button button-primary">
            New goal
          </Link>
          <Link to="/advisor" className="button button-secondary">
            Not sure which kind? Ask the advisor
          </Link>
        </div>
      </PageHeader>
      <div className="stack">
        <LinkTabs label="Goals and advisor" tabs={GOAL_TABS} current="/goals" />
        {goals.isPending ? (
          <Loading />
        ) : goals.isError ? (
          <ErrorRegion message={errorMessage(goals.error)} />
        ) : goals.data.length === 0 ? (
          <Card title="No goals yet">
            <p>
              Goals may emerge from a direction that keeps working. When you are ready, the advisor helps pick the kind:
              a learning goal when the task is new or the context uncertain, a performance goal when the skill is there.
            </p>
          </Card>
        ) : (
          <>
            <Card title="Current">
              {current.length === 0 ? (
                <p className="empty">Nothing active right now.</p>
              ) : (
                <ul className="item-list">{current.map(row)}</ul>
              )}
            </Card>
            {rest.length > 0 && (
              <Card title="Paused, achieved and let go">
                <ul className="item-list">{rest.map(row)}</ul>
              </Card>
            )}
          </>
        )}
        <RecentlyDeleted
          what="goals"
          queryKey={discoveryKeys.deleted('goals')}
          list={() => api.goals.listDeleted()}
          restore={(id) => api.goals.restore(id)}
          label={(g) => g.title}
        />
      </div>
    </>
  );
}
