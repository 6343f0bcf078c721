import type { Advice } from '@tack/contracts';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, errorMessage } from '../../api.ts';
import { AdviceActions, AdviceBody, AdvisorSteps, RECOMMENDATION_LABELS } from '../../discovery/Advisor.tsx';
import { GOAL_TABS, LinkTabs } from '../../discovery/Tabs.tsx';
import { ErrorRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { PageHeader } from '../../ui/Page.tsx';

export function AdvisorPage() {
  const advise = useMutation({ mutationFn: api.advisor.advise });
  return (
    <>
      <PageHeader
        title="Which kind of goal?"
        lead="Seven short questions. The advice names the research behind each reason (rules R1–R9)."
      />
      <div className="stack">
        <LinkTabs label="Goals and advisor" tabs={GOAL_TABS} current="/advisor" />
        {advise.data ? (
          <Recommendation advice={advise.data} onRestart={() => advise.reset()} />
        ) : (
          <Card title="Your situation">
            <ErrorRegion message={advise.isError ? errorMessage(advise.error) : undefined} />
            <AdvisorSteps busy={advise.isPending} onSubmit={(a) => advise.mutate(a)} />
          </Card>
        )}
      </div>
    </>
  );
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
