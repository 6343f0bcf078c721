import { Link } from 'react-router';
import type { Section } from '../sections.ts';
import { Card } from '../ui/Card.tsx';
import { PageHeader } from '../ui/Page.tsx';

/** A section that is not built yet: what it will be for, honestly, and no pretend data. */
export function ComingSoonPage({ section }: { section: Section }) {
  return (
    <>
      <PageHeader title={section.label}>
        <p className="tag tag-soon">Coming soon</p>
      </PageHeader>
      <div className="stack">
        <Card title={`What ${section.label} will be for`}>
          <p className="purpose">{section.purpose}</p>
          {section.example && (
            <p className="example">
              <span className="example-label">For example</span> {section.example}
            </p>
          )}
        </Card>
        <p className="muted">
          This part of Tack is still being built; nothing you do elsewhere is lost while you wait.{' '}
          <Link to="/today">Back to Today</Link>
        </p>
      </div>
    </>
  );
}
