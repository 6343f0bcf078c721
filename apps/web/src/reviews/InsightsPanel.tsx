import { type Insight, PITFALL_NAMES } from '@tack/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../api.ts';
import { ErrorRegion, StatusRegion } from '../ui/Alerts.tsx';
import { useDismissInsight, useInsights } from './queries.ts';
import './reviews.css';
import { asSentence } from '../ui/sentence.ts';

function evidenceValue(v: Insight['evidence'][number]['value']): string {
  if (v === null) return '–';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

/**
 * What Tack noticed (the pitfall detectors): each insight with what it noticed, the numbers behind
 * it, a suggested next step and its source. Suggestions, never diagnoses; quiet when there is nothing.
 */
export function InsightsPanel({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const insights = useInsights();
  const dismiss = useDismissInsight();
  const [announce, setAnnounce] = useState('');
  const list = insights.data?.insights ?? [];
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Item = headingLevel === 2 ? 'h3' : 'h4';

  if (insights.isPending || insights.isError) return null;
  return (
    <section className="card insights" aria-labelledby="insights-heading">
      <H id="insights-heading">What Tack noticed</H>
      <StatusRegion className="visually-hidden">{announce}</StatusRegion>
      <ErrorRegion message={dismiss.isError ? errorMessage(dismiss.error) : undefined} />
      {list.length === 0 ? (
        <p className="field-hint">
          Nothing to point out right now.
          {insights.data.dismissed > 0 && ` (${insights.data.dismissed} dismissed.)`}
        </p>
      ) : (
        <>
          <p className="field-hint">
            Suggestions from your own numbers, never a diagnosis. Tack only compares you with your own weeks.
          </p>
          <ul className="insight-list">
            {list.map((insight) => (
              <li key={insight.key} className="insight">
                <Item className="insight-title">
                  <span className="tag" title={`Pitfall ${insight.pitfall} of Tack's method`}>
                    {PITFALL_NAMES[insight.pitfall]}
                  </span>{' '}
                  {insight.title}
                </Item>
                <p>{insight.explanation}</p>
                <details className="insight-why">
                  <summary>Why this appeared</summary>
                  <dl className="insight-evidence">
                    {insight.evidence.map((e) => (
                      <div key={e.label}>
                        <dt>{e.label}</dt>
                        <dd>{evidenceValue(e.value)}</dd>
                      </div>
                    ))}
                  </dl>
                </details>
                <p className="insight-suggestion">
                  <strong>A next step to try: </strong>
                  {insight.suggestion}
                </p>
                <p className="insight-source">Source: {insight.source}</p>
                <div className="insight-actions">
                  {insight.subject.kind === 'practice' && insight.subject.id && (
                    <Link className="button button-secondary button-small" to={`/practices/${insight.subject.id}`}>
                      Open {insight.subject.name ?? 'the practice'}
                    </Link>
                  )}
                  <button
                    type="button"
                    className="button button-quiet button-small"
                    disabled={dismiss.isPending}
                    onClick={() =>
                      dismiss.mutate(insight.key, {
                        onSuccess: () => setAnnounce(asSentence(`Dismissed “${insight.title}”`)),
                      })
                    }
                  >
                    Dismiss<span className="visually-hidden"> “{insight.title}”</span>
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
