import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { useMe } from '../auth/session.ts';
import { Card } from '../ui/Card.tsx';
import { PageHeader } from '../ui/Page.tsx';
import { AppearanceSection } from './settings/AppearanceSection.tsx';
import { CalendarFeedSection } from './settings/CalendarFeedSection.tsx';
import { PasswordSection } from './settings/PasswordSection.tsx';
import { ProfileSection } from './settings/ProfileSection.tsx';
import { SessionsSection } from './settings/SessionsSection.tsx';
import { TimeSection } from './settings/TimeSection.tsx';
import { TokensSection } from './settings/TokensSection.tsx';

export function SettingsPage() {
  const me = useMe();
  const { hash } = useLocation();

  // Links such as /settings#time land on that section (after the heading took focus).
  useEffect(() => {
    if (!hash) return;
    const target = document.getElementById(hash.slice(1));
    target?.focus();
    target?.scrollIntoView({ block: 'start' });
  }, [hash]);

  if (!me.data) return null;
  return (
    <>
      <PageHeader
        title="Settings"
        lead="Your profile, your days and weeks, and how scripts and devices reach your account."
      />
      <div className="stack">
        <ProfileSection user={me.data} />
        <PasswordSection />
        <TimeSection user={me.data} />
        <AppearanceSection />
        <CalendarFeedSection timeZone={me.data.timeZone} />
        <TokensSection timeZone={me.data.timeZone} />
        <SessionsSection />
        <Card
          title="Your data"
          description={
            <p>Import from Loop Habit Tracker or Habitica, export or restore a backup, erase your account.</p>
          }
        >
          <Link to="/settings/data">Import, export and erase</Link>
        </Card>
      </div>
    </>
  );
}
