import { Navigate } from 'react-router';
import { SignUpForm } from '../auth/SignUpForm.tsx';
import { useSetup } from '../auth/session.ts';
import { Loading } from '../ui/Loading.tsx';
import { PageHeader } from '../ui/Page.tsx';

/** First run: a fresh server with no accounts yet. */
export function WelcomePage() {
  const setup = useSetup();
  if (setup.isPending) return <Loading />;
  if (setup.data && !setup.data.needsFirstAccount) return <Navigate to="/sign-in" replace />;
  return (
    <div className="auth-card card">
      <PageHeader
        title="Create your account"
        lead="Welcome aboard. This Tack server is new and has no accounts yet: create yours to get started."
      />
      <SignUpForm submitLabel="Create my account" />
    </div>
  );
}
