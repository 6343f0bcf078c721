import { ADVISOR_QUESTIONS, type Advice, type AdvisorAnswers } from '@tack/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, errorMessage } from '../../api.ts';
import {
  AdviceActions,
  AdviceBody,
  AdvisorSteps,
  completeAnswers,
  type PartialAnswers,
  RECOMMENDATION_LABELS,
} from '../../discovery/Advisor.tsx';
import { GOAL_TABS, LinkTabs } from '../../discovery/Tabs.tsx';
import { ErrorRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageHeader } from '../../ui/Page.tsx';

const STORAGE_KEY = 'tack.advisor.answers';

function storedAnswers(): PartialAnswers {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as PartialAnswers) : {};
  } catch {
    return {};
  }
}

/**
 * Each question is a step in the browser's history (`?q=3`, the result `?q=result`), and the answers are
 * kept for the session: Back goes to the previous question, and Forward brings the result back.
 */
export function AdvisorPage() {
  const [params, setParams] = useSearchParams();
  const [answers, setAnswers] = useState<PartialAnswers>(storedAnswers);
  useEffect(() => {
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(answers));
    } catch {
      // Private modes may refuse storage: the answers still live for this visit.
    }
  }, [answers]);

  const complete = completeAnswers(answers);
  const q = params.get('q');
  const showResult = q === 'result' && complete !== undefined;
  const asked = Number(q);
  // Never past the first unanswered question (an address typed or kept from another session).
  const unanswered = ADVISOR_QUESTIONS.findIndex((x) => x.key !== 'selfEfficacy' && !answers[x.key]);
  const furthest = unanswered === -1 ? ADVISOR_QUESTIONS.length - 1 : unanswered;
  const step = Number.isInteger(asked) && asked >= 1 ? Math.min(asked - 1, furthest) : q === 'result' ? furthest : 0;
  const go = (next: number | 'result') => setParams({ q: next === 'result' ? 'result' : String(next + 1) });

  return (
    <>
      <PageHeader
        title="Which kind of goal?"
        lead="Seven short questions. The advice names the research behind each reason (rules R1–R9)."
      />
      <div className="stack">
        <LinkTabs label="Goals and advisor" tabs={GOAL_TABS} current="/advisor" />
        {showResult ? (
          <Result
            answers={complete}
            onRestart={() => {
              setAnswers({});
              go(0);
            }}
          />
        ) : (
          <Card title="Your situation">
            <AdvisorSteps
              step={step}
              onStep={go}
              answers={answers}
              onAnswers={setAnswers}
              busy={false}
              onSubmit={() => go('result')}
            />
          </Card>
        )}
      </div>
    </>
  );
}

function Result({ answers, onRestart }: { answers: AdvisorAnswers; onRestart: () => void }) {
  // The advice is a pure function of the answers: a query, so coming back to the result asks again.
  const advice = useQuery({ queryKey: ['advisor', answers], queryFn: () => api.advisor.advise(answers) });
  if (advice.isPending) return <Loading />;
  if (advice.isError)
    return (
      <Card title="Your situation">
        <ErrorRegion message={errorMessage(advice.error)} />
        <button type="button" className="button button-secondary" onClick={() => void advice.refetch()}>
          Try again
        </button>
      </Card>
    );
  return <Recommendation advice={advice.data} onRestart={onRestart} />;
}

function Recommendation({ advice, onRestart }: { advice: Advice; onRestart: () => void }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <section className="card recommendation" aria-labelledby="recommendation-title" tabIndex={-1} ref={ref}>
      <h2 id="recommendation-title">Recommended: {RECOMMENDATION_LABELS[advice.recommendation].toLowerCase()}</h2>
      <AdviceBody advice={advice} />
      <div className="form-actions">
        <AdviceActions advice={advice} />
        <button type="button" className="button button-quiet" onClick={onRestart}>
          Answer again
        </button>
      </div>
    </section>
  );
}
