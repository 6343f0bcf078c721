import type { CheckinDto, Practice, StrengthDto, Weekday } from '@tack/contracts';
import { useQueries } from '@tanstack/react-query';
import { useId } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { api, errorMessage } from '../../api.ts';
import { useMe } from '../../auth/session.ts';
import { addDays, formatIso, mediumDate, percent } from '../../practices/lib.ts';
import { practiceKeys, usePracticeList, useToday } from '../../practices/queries.ts';
import { weekStartOf } from '../../reviews/lib.ts';
import { ReviewTabs, TableScroll } from '../../reviews/Parts.tsx';
import { useProgress, useReviewList } from '../../reviews/queries.ts';
import { isoDateIn, weekdayLabel } from '../../time.ts';
import { ErrorRegion } from '../../ui/Alerts.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/Page.tsx';
import '../../reviews/reviews.css';

const WEEKS = 12;
const tooltipStyle = {
  background: 'var(--surface)',
  borderColor: 'var(--border)',
  borderRadius: 8,
  color: 'var(--text)',
};
const dayTick = (d: string) => formatIso(d, { day: 'numeric', month: 'short' });

/** `/review/progress`: effort, recognised (not outcomes), and how the weeks went. */
export function ProgressPage() {
  const today = useToday();
  const me = useMe();
  if (today.isPending || me.isPending) {
    return (
      <>
        <PageHeader title="Progress" />
        <ReviewTabs current="/review/progress" />
        <Loading />
      </>
    );
  }
  if (today.isError) {
    return (
      <>
        <PageHeader title="Progress" />
        <ReviewTabs current="/review/progress" />
        <ErrorRegion message={errorMessage(today.error)} />
      </>
    );
  }
  // Weeks are the person's own (their week start); Monday if their profile could not be read.
  return (
    <ProgressBody
      to={today.data.date}
      weekStart={me.data?.weekStart ?? 'monday'}
      timeZone={me.data?.timeZone ?? 'UTC'}
    />
  );
}

/** A practice as the progress page shows it: an archived one says so, with the day it was archived. */
interface Shown {
  practice: Practice;
  /** The day it was archived (in the person's zone); undefined for a live one. */
  archivedOn?: string | undefined;
}

function shownName(s: Shown): string {
  return s.archivedOn ? `${s.practice.name} (archived ${mediumDate(s.archivedOn)})` : s.practice.name;
}

function ProgressBody({ to, weekStart, timeZone }: { to: string; weekStart: Weekday; timeZone: string }) {
  const from = addDays(weekStartOf(to, weekStart), -7 * (WEEKS - 1));
  const progress = useProgress(from, to);
  const practices = usePracticeList('live');
  // "Check-ins done" counts every practice that is not deleted, archived ones too: the table and the
  // lines below show an archived practice that has check-ins in these weeks, so the numbers agree.
  const archived = usePracticeList('archived');
  const reviews = useReviewList();
  const candidates: Shown[] = [
    ...(practices.data ?? []).map((practice) => ({ practice })),
    ...(archived.data ?? []).map((practice) => ({
      practice,
      archivedOn: practice.archivedAt ? isoDateIn(practice.archivedAt, timeZone) : undefined,
    })),
  ];
  const candidateCheckins = useQueries({
    queries: candidates.map(({ practice: p }) => ({
      queryKey: practiceKeys.checkins(p.id, from, to),
      queryFn: () => api.checkins.list(p.id, { from, to }),
    })),
  });
  const keep = candidates.map(
    (c, i) => !c.archivedOn || (candidateCheckins[i]?.data ?? []).some((x) => x.status === 'done' && x.date >= from),
  );
  const list = candidates.filter((_, i) => keep[i]);
  const checkins = candidateCheckins.filter((_, i) => keep[i]);
  const strengths = useQueries({
    queries: list.map(({ practice: p }) => ({
      queryKey: practiceKeys.strength(p.id, from, to),
      queryFn: () => api.practices.strength(p.id, { from, to }),
    })),
  });
  const weeks = Array.from({ length: WEEKS }, (_, i) => addDays(from, 7 * i));

  return (
    <>
      <PageHeader
        title="Progress"
        lead={`Effort counts. The last ${WEEKS} weeks, ${mediumDate(from)} to ${mediumDate(to)}: what you tried and did, not how you rank.`}
      />
      <ReviewTabs current="/review/progress" />
      <div className="stack">
        <section className="card" aria-labelledby="effort-heading">
          <h2 id="effort-heading">Effort</h2>
          {progress.isPending ? (
            <Loading />
          ) : progress.isError ? (
            <ErrorRegion message={errorMessage(progress.error)} />
          ) : (
            <>
              <dl className="effort-grid">
                <Count label="Check-ins done" value={progress.data.checkins} />
                <Count label="Minutes practised" value={progress.data.practiceMinutes} />
                <Count label="Practices started" value={progress.data.practicesStarted} />
                <Count label="Experiments run" value={progress.data.experimentsRun} />
                <Count label="Experiments decided" value={progress.data.experimentsDecided} />
                <Count label="Strategies tried" value={progress.data.strategiesTried} />
                <Count label="Lessons recorded" value={progress.data.lessonsRecorded} />
              </dl>
              {progress.data.notes.length > 0 && (
                <ul className="field-hint">
                  {progress.data.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              )}
            </>
          )}
        </section>

        <section className="card" aria-labelledby="planned-heading">
          <h2 id="planned-heading">Planned and done, per reviewed week</h2>
          {reviews.data && <PlannedDone items={reviews.data.filter((r) => r.weekStart >= from)} />}
        </section>

        <section className="card" aria-labelledby="strength-heading">
          <h2 id="strength-heading">Strength per practice</h2>
          <StrengthLines practices={list} strengths={strengths.map((q) => q.data)} />
        </section>

        <section className="card" aria-labelledby="heatmap-heading">
          <h2 id="heatmap-heading">Check-ins per week</h2>
          <WeekHeatmap practices={list} checkins={checkins.map((q) => q.data)} weeks={weeks} weekStart={weekStart} />
        </section>

        <section className="card" aria-labelledby="energy-heading">
          <h2 id="energy-heading">Energy trend</h2>
          <EnergyTrend checkins={checkins.map((q) => q.data)} weeks={weeks} weekStart={weekStart} />
        </section>
      </div>
    </>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="effort">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function PlannedDone({ items }: { items: Array<{ weekStart: string; planned: number; done: number }> }) {
  if (items.length === 0) return <p className="field-hint">Complete a weekly review and its numbers appear here.</p>;
  const data = [...items].sort((a, b) => a.weekStart.localeCompare(b.weekStart));
  return (
    <figure className="chart">
      <div className="chart-canvas" aria-hidden="true">
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -12 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} className="chart-grid" />
            <XAxis dataKey="weekStart" tickFormatter={dayTick} tickLine={false} />
            <YAxis allowDecimals={false} tickLine={false} />
            <Tooltip contentStyle={tooltipStyle} labelFormatter={(d) => `Week of ${mediumDate(String(d))}`} />
            <Legend />
            <Bar dataKey="planned" name="Planned" fill="var(--border-strong)" isAnimationActive={false} />
            <Bar dataKey="done" name="Done" fill="var(--primary)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="field-hint">
        {data.map((w) => `Week of ${mediumDate(w.weekStart)}: ${w.done} of ${w.planned}`).join('; ')}.
      </figcaption>
    </figure>
  );
}

function StrengthLines({ practices, strengths }: { practices: Shown[]; strengths: Array<StrengthDto | undefined> }) {
  if (practices.length === 0) return <p className="field-hint">No practices yet.</p>;
  const byDate = new Map<string, Record<string, number | string>>();
  strengths.forEach((s, i) => {
    // An archived practice's line stops on the day it was archived: after that it is not practised.
    const until = practices[i]?.archivedOn;
    for (const p of s?.points ?? []) {
      if (until && p.date > until) continue;
      const row = byDate.get(p.date) ?? { date: p.date };
      row[s?.practiceId ?? ''] = Math.round(p.score * 1000) / 10;
      byDate.set(p.date, row);
    }
  });
  const data = [...byDate.values()].sort((a, b) => String(a.date).localeCompare(String(b.date)));
  return (
    <figure className="chart">
      <div className="chart-canvas" aria-hidden="true">
        <ResponsiveContainer width="100%" height={240}>
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -12 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} className="chart-grid" />
            <XAxis dataKey="date" tickFormatter={dayTick} minTickGap={24} tickLine={false} />
            <YAxis
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tickFormatter={(v: number) => `${v}%`}
              tickLine={false}
            />
            <Tooltip
              contentStyle={tooltipStyle}
              labelFormatter={(d) => mediumDate(String(d))}
              formatter={(v) => `${String(v)}%`}
            />
            <Legend />
            {practices.map((sp) => (
              <Line
                key={sp.practice.id}
                type="monotone"
                dataKey={sp.practice.id}
                name={shownName(sp)}
                stroke={sp.practice.color}
                strokeWidth={2}
                strokeDasharray={sp.archivedOn ? '5 4' : undefined}
                dot={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="field-hint">
        {practices
          .map((sp, i) => {
            const s = strengths[i];
            if (!s) return `${shownName(sp)}: loading`;
            if (!sp.archivedOn) return `${sp.practice.name}: ${percent(s.current)} now`;
            const last = s.points.filter((p) => p.date <= (sp.archivedOn ?? '')).at(-1);
            return `${shownName(sp)}: ${last ? percent(last.score) : percent(s.current)} when archived`;
          })
          .join('; ')}
        .
      </figcaption>
    </figure>
  );
}

function level(n: number): number {
  if (n <= 0) return 0;
  if (n <= 2) return 1;
  if (n <= 4) return 2;
  if (n <= 6) return 3;
  return 4;
}

function WeekHeatmap({
  practices,
  checkins,
  weeks,
  weekStart,
}: {
  practices: Shown[];
  checkins: Array<CheckinDto[] | undefined>;
  weeks: string[];
  weekStart: Weekday;
}) {
  const noteId = useId();
  if (practices.length === 0) return <p className="field-hint">No practices yet.</p>;
  const rows = practices.map((sp, i) => {
    const counts = new Map<string, number>();
    for (const c of checkins[i] ?? []) {
      if (c.status !== 'done') continue;
      const w = weekStartOf(c.date, weekStart);
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    return { sp, counts };
  });
  const total = (w: string) => rows.reduce((n, r) => n + (r.counts.get(w) ?? 0), 0);
  const anyArchived = practices.some((sp) => sp.archivedOn);
  // The explanation goes below the scrolling table, not in its caption: a caption is as wide as the table,
  // so on a phone its lines ran off the visible part.
  return (
    <>
      <TableScroll label="Check-ins per practice and week">
        <table className="week-heatmap" aria-describedby={noteId}>
          <caption className="visually-hidden">Done check-ins per practice and week</caption>
          <thead>
            <tr>
              <th scope="col">Practice</th>
              {weeks.map((w) => (
                <th key={w} scope="col">
                  <span aria-hidden="true">{formatIso(w, { day: 'numeric', month: 'numeric' })}</span>
                  <span className="visually-hidden">Week of {mediumDate(w)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ sp, counts }) => (
              <tr key={sp.practice.id} className={sp.archivedOn ? 'is-archived' : undefined}>
                <th scope="row">
                  {sp.practice.name}
                  {sp.archivedOn && <span className="heat-archived"> (archived {mediumDate(sp.archivedOn)})</span>}
                </th>
                {weeks.map((w) => {
                  const n = counts.get(w) ?? 0;
                  return (
                    <td key={w} className={`heat heat-${level(n)}`}>
                      {n}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          {rows.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row">All practices</th>
                {weeks.map((w) => (
                  <td key={w} className="heat-total">
                    {total(w)}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </TableScroll>
      <p id={noteId} className="field-hint week-heatmap-note">
        Done check-ins per practice and week (weeks starting on {weekdayLabel(weekStart)})
        {anyArchived ? ', archived practices included' : ''}. Their total is the number of check-ins counted under
        Effort.
      </p>
    </>
  );
}

function EnergyTrend({
  checkins,
  weeks,
  weekStart,
}: {
  checkins: Array<CheckinDto[] | undefined>;
  weeks: string[];
  weekStart: Weekday;
}) {
  const sums = new Map<string, { sum: number; n: number }>();
  for (const list of checkins)
    for (const c of list ?? []) {
      if (c.energy === null) continue;
      const w = weekStartOf(c.date, weekStart);
      const s = sums.get(w) ?? { sum: 0, n: 0 };
      sums.set(w, { sum: s.sum + c.energy, n: s.n + 1 });
    }
  const data = weeks
    .map((w) => {
      const s = sums.get(w);
      return { week: w, energy: s ? Math.round((s.sum / s.n) * 10) / 10 : null, marks: s?.n ?? 0 };
    })
    .filter((d) => d.energy !== null);
  if (data.length === 0)
    return <p className="field-hint">No energy marks yet. Add them to check-ins under Details on Today.</p>;
  return (
    <figure className="chart">
      <div className="chart-canvas" aria-hidden="true">
        <ResponsiveContainer width="100%" height={200}>
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -12 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} className="chart-grid" />
            <XAxis dataKey="week" tickFormatter={dayTick} tickLine={false} />
            <YAxis domain={[-2, 2]} ticks={[-2, -1, 0, 1, 2]} tickLine={false} />
            <Tooltip contentStyle={tooltipStyle} labelFormatter={(d) => `Week of ${mediumDate(String(d))}`} />
            <Line
              type="monotone"
              dataKey="energy"
              name="Average energy"
              stroke="currentColor"
              strokeWidth={2}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="field-hint">
        Average energy per week, from −2 (drained) to +2 (energised):{' '}
        {data.map((d) => `week of ${mediumDate(d.week)} ${d.energy} (${d.marks} marks)`).join('; ')}.
      </figcaption>
    </figure>
  );
}
