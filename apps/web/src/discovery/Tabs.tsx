import { Link } from 'react-router';

/** Tabs as links (the practices page's style): the current one has aria-current="page". */
export function LinkTabs({
  label,
  tabs,
  current,
}: {
  label: string;
  tabs: Array<{ to: string; label: string }>;
  current: string;
}) {
  return (
    <nav aria-label={label} className="tabs">
      {tabs.map((t) => (
        <Link key={t.to} to={t.to} className="tab" aria-current={t.to === current ? 'page' : undefined}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}

export const DIRECTION_TABS = [
  { to: '/directions', label: 'Directions' },
  { to: '/chains', label: 'Backwards chains' },
];

export const EXPERIMENT_TABS = [
  { to: '/experiments', label: 'Experiments' },
  { to: '/experiments/learnings', label: 'What I learned' },
];

export const GOAL_TABS = [
  { to: '/goals', label: 'Goals' },
  { to: '/advisor', label: 'Advisor' },
];
