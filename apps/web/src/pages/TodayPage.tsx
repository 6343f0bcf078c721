import type { Area, TodayItem } from '@tack/contracts';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api.ts';
import { checkOffLabel, checkOffMessage, checkOffPlan, longDate, mediumDate, todayTally } from '../practices/lib.ts';
import { type CheckinChange, useCheckinMutation, useToday } from '../practices/queries.ts';
import { practiceColorStyle, TodayRow } from '../practices/TodayRow.tsx';
import { ZoneNote } from '../practices/ZoneNote.tsx';
import { InsightsPanel } from '../reviews/InsightsPanel.tsx';
import { ErrorRegion, StatusRegion } from '../ui/Alerts.tsx';
import { Card } from '../ui/Card.tsx';
import { Loading } from '../ui/Loading.tsx';
import { PageHeader } from '../ui/Page.tsx';

interface Group {
  key: string;
  name: string;
  items: TodayItem[];
}

/** Due items by area, in the person's area order; practices without an area last. */
function groupByArea(items: TodayItem[], areas: Area[]): Group[] {
  const groups: Group[] = areas.map((a) => ({ key: a.id, name: a.name, items: [] }));
  const other: Group = { key: 'none', name: areas.length ? 'Other practices' : 'Your practices', items: [] };
  for (const item of items) {
    const group = groups.find((g) => g.key === item.practice.areaId) ?? other;
    group.items.push(item);
  }
  return [...groups, other].filter((g) => g.items.length > 0);
}

export function TodayPage() {
  const today = useToday();
  const checkin = useCheckinMutation();
  const [failed, setFailed] = useState<string>();
  const [announce, setAnnounce] = useState('');
  // What the last "Check off all" did, shown in its area (the live region above announces it).
  const [bulk, setBulk] = useState<{ area: string; message: string }>();

  if (today.isPending) {
    return (
      <>
        <PageHeader title="Today" />
        <Loading />
      </>
    );
  }
  if (today.isError) {
    return (
      <>
        <PageHeader title="Today" />
        <ErrorRegion message={errorMessage(today.error)} />
      </>
    );
  }

  const { date, items, areas } = today.data;
  const nameOf = (id: string) => items.find((i) => i.practice.id === id)?.practice.name ?? 'the practice';

  function change(changes: CheckinChange[], message: string, area?: string) {
    setFailed(undefined);
    setAnnounce('');
    setBulk(undefined);
    checkin.mutate(changes, {
      onSuccess: () => {
        setAnnounce(message);
        if (area) setBulk({ area, message });
      },
      onError: (error) => {
        const first = changes[0];
        const what = changes.length > 1 ? `${changes.length} practices` : `“${nameOf(first?.practiceId ?? '')}”`;
        setFailed(`Could not save ${what}; it is back as it was. ${errorMessage(error)}`);
      },
    });
  }

  const onRowChange = (c: CheckinChange) => {
    const name = nameOf(c.practiceId);
    const words = c.remove
      ? `${name}: check-in cleared.`
      : `${name}: ${c.input.status === 'skipped' ? 'skipped' : c.input.status === 'notDone' ? 'not done' : 'saved'}.`;
    change([c], words);
  };

  const due = items.filter((i) => i.due && !i.paused);
  const notDue = items.filter((i) => !i.due && !i.paused);
  const paused = items.filter((i) => i.paused);
  const tally = todayTally(due);

  return (
    <>
      <PageHeader title="Today" lead={<span className="today-date">{longDate(date)}</span>}>
        {items.length > 0 && (
          <div className="page-actions">
            <Link to="/practices/new" className="button button-secondary button-small">
              New practice
            </Link>
          </div>
        )}
      </PageHeader>
      <ErrorRegion message={failed} />
      <StatusRegion className="visually-hidden">{announce}</StatusRegion>
      <ZoneNote profileZone={today.data.timeZone} />

      {items.length === 0 ? (
        <Card title="Start with one small practice">
          <p>
            A practice is something small you can simply do, like “move 30 minutes” or “write 200 words before work”. It
            either happens or it doesn’t, and each day you check it in here.
          </p>
          <p>
            <Link to="/practices/new" className="button button-primary">
              Create your first practice
            </Link>
          </p>
        </Card>
      ) : (
        <div className="stack">
          <p className="keyboard-hint">
            {/* The keys only where there is a keyboard and mouse: a touch screen shows the part about Details. */}
            <span className="keyboard-only">
              <span aria-hidden="true">⌨</span> Tab to a practice and press <kbd>Space</kbd> or <kbd>Enter</kbd> to
              check it in. For an amount, type it and press <kbd>Enter</kbd>.{' '}
            </span>
            <strong>Details</strong> holds a note, your energy, skip and not done.
          </p>
          {due.length === 0 ? (
            <Card title="Nothing due today">
              <p>Rest is part of the system. Anything you do anyway can still be checked in below.</p>
            </Card>
          ) : (
            <p className="today-summary">
              {tally.done} of {due.length} due {due.length === 1 ? 'practice' : 'practices'} done
              {tally.offTarget > 0 ? `; ${tally.offTarget} more logged but not on target.` : '.'}
            </p>
          )}
          {groupByArea(due, areas).map((group) => {
            // Only practices with no check-in yet: a skip or a "not done" said on purpose stays as it is.
            const plan = checkOffPlan(group.items.filter((i) => i.practice.kind === 'boolean'));
            const { open } = plan;
            return (
              <AreaSection
                key={group.key}
                name={group.name}
                count={group.items.length}
                action={
                  open.length > 0 && (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() =>
                        change(
                          open.map((i) => ({ practiceId: i.practice.id, date, input: { status: 'done' } })),
                          checkOffMessage(group.name, open.length, plan.skipped, plan.notDone),
                          group.key,
                        )
                      }
                    >
                      {checkOffLabel(group.name, group.key !== 'none')}
                    </button>
                  )
                }
              >
                {bulk?.area === group.key && <p className="today-bulk-status">{bulk.message}</p>}
                <ul className="today-list">
                  {group.items.map((item) => (
                    <TodayRow key={item.practice.id} item={item} date={date} onChange={onRowChange} />
                  ))}
                </ul>
              </AreaSection>
            );
          })}
          {notDue.length > 0 && (
            <AreaSection name="Not due today" count={notDue.length} quiet>
              <p className="field-hint">Your schedule leaves these free today; checking one in still counts.</p>
              <ul className="today-list">
                {notDue.map((item) => (
                  <TodayRow key={item.practice.id} item={item} date={date} onChange={onRowChange} />
                ))}
              </ul>
            </AreaSection>
          )}
          {paused.length > 0 && (
            <AreaSection name="Paused" count={paused.length} quiet>
              <p className="field-hint">Paused days count as neither done nor missed.</p>
              <ul className="paused-list">
                {paused.map((item) => {
                  const pause = item.practice.pauses.find((p) => p.from <= date && (p.to === null || date <= p.to));
                  return (
                    <li key={item.practice.id} style={practiceColorStyle(item.practice.color)}>
                      <Link to={`/practices/${item.practice.id}`}>{item.practice.name}</Link>{' '}
                      <span className="muted">
                        {pause?.to ? `paused until ${mediumDate(pause.to)}` : 'paused until you resume it'}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </AreaSection>
          )}
          <InsightsPanel />
        </div>
      )}
    </>
  );
}

function AreaSection({
  name,
  count,
  quiet,
  action,
  children,
}: {
  name: string;
  count: number;
  quiet?: boolean;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section className={`card today-area ${quiet ? 'today-area-quiet' : ''}`} aria-label={name}>
      <div className="today-area-head">
        <h2>
          {name} <span className="count">({count})</span>
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}
