import { Link } from 'react-router';
import { errorMessage } from '../../api.ts';
import { mediumDate } from '../../practices/lib.ts';
import { ratio } from '../../reviews/lib.ts';
import { ReviewTabs, TableScroll } from '../../reviews/Parts.tsx';
import { useReviewList } from '../../reviews/queries.ts';
import { ErrorRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/Page.tsx';
import '../../reviews/reviews.css';

/** `/review/history`: every reviewed week with its numbers, newest first. */
export function ReviewHistoryPage() {
  const list = useReviewList();
  return (
    <>
      <PageHeader
        title="Review history"
        lead="Your weeks as they were: what was planned, what happened, what you said."
      />
      <ReviewTabs current="/review/history" />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorRegion message={errorMessage(list.error)} />
      ) : list.data.length === 0 ? (
        <Card title="No reviews yet">
          <p>
            Your first weekly review takes about ten minutes. <Link to="/review">Start this week’s review</Link>.
          </p>
        </Card>
      ) : (
        <section className="card" aria-labelledby="history-heading">
          <h2 id="history-heading">Weeks</h2>
          <p className="field-hint">
            A week you skipped can still be reviewed late: open <Link to="/review">This week</Link> and go back with
            Previous week.
          </p>
          <TableScroll label="Reviewed weeks">
            <table className="review-table history-table">
              <thead>
                <tr>
                  <th scope="col">Week</th>
                  <th scope="col">Status</th>
                  <th scope="col">Done / planned</th>
                  <th scope="col">Check-ins</th>
                  <th scope="col">In your words</th>
                  <th scope="col">One small thing</th>
                </tr>
              </thead>
              <tbody>
                {[...list.data]
                  .sort((a, b) => b.weekStart.localeCompare(a.weekStart))
                  .map((r) => {
                    const pct = ratio(r.done, r.planned);
                    return (
                      <tr key={r.weekStart}>
                        <th scope="row">
                          <Link to={`/review/${r.weekStart}`}>Week of {mediumDate(r.weekStart)}</Link>{' '}
                          <span className="muted">{r.isoWeek}</span>
                        </th>
                        <td>{r.status === 'completed' ? 'Completed' : 'Draft'}</td>
                        <td>
                          {r.done} / {r.planned}
                          {pct !== null && <span className="muted"> ({pct}%)</span>}
                        </td>
                        <td>{r.checkins}</td>
                        <td>{r.line ?? '–'}</td>
                        <td>{r.smallThing ?? '–'}</td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}
    </>
  );
}
