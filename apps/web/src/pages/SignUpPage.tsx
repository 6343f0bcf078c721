import { Link, Navigate } from 'react-router';
import { SignUpForm } from '../auth/SignUpForm.tsx';
import { useSetup, useSignedInProbe } from '../auth/session.ts';
import { PageHeader } from '../ui/Page.tsx';

export function SignUpPage() {
  const setup = useSetup();
  const me = useSignedInProbe();
  if (setup.data?.needsFirstAccount) return <Navigate to="/welcome" replace />;
  if (me.data) return <Navigate to="/today" replace />;
  return (
    <div className="auth-card card">
      <PageHeader
        title="Create an account"
        lead="Tack helps you find goals by doing: small practices, short experiments and a ten-minute weekly review."
      />
      <SignUpForm submitLabel="Create account" />
      <p className="auth-switch">
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </div>
  );
}
