import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, errorMessage, queryClient } from '../../api.ts';
import type { SignInState } from '../../auth/session.ts';
import { ErrorRegion } from '../../ui/Alerts.tsx';
import { Card } from '../../ui/Card.tsx';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';

export function SessionsSection() {
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);

  const leave = async (notice: string) => {
    const state: SignInState = { notice };
    await navigate('/sign-in', { replace: true, state });
    queryClient.removeQueries();
  };

  const signOut = useMutation({
    mutationFn: api.auth.signOut,
    onSuccess: () => leave('You have signed out.'),
  });
  const everywhere = useMutation({
    mutationFn: api.auth.signOutEverywhere,
    onSuccess: () => leave('You have been signed out on every device, including this one.'),
  });

  return (
    <Card title="Sessions">
      <ErrorRegion message={signOut.isError ? errorMessage(signOut.error) : undefined} />
      <div className="session-actions">
        <div>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => signOut.mutate()}
            disabled={signOut.isPending}
          >
            {signOut.isPending ? 'Signing out…' : 'Sign out'}
          </button>
          <p className="field-hint">Ends your session in this browser.</p>
        </div>
        <div>
          <button
            type="button"
            className="button button-danger-outline"
            onClick={() => {
              everywhere.reset();
              setConfirming(true);
            }}
          >
            Sign out everywhere
          </button>
          <p className="field-hint">Ends every session on every device. Personal API tokens keep working.</p>
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Sign out everywhere?"
        confirmLabel="Sign out everywhere"
        busyLabel="Signing out…"
        busy={everywhere.isPending}
        error={everywhere.isError ? errorMessage(everywhere.error) : undefined}
        onCancel={() => setConfirming(false)}
        onConfirm={() => everywhere.mutate()}
      >
        <p>
          This ends your sessions on every device and browser, including this one, so you will need to sign in again.
          Personal API tokens are not affected; revoke them above if one may have leaked.
        </p>
      </ConfirmDialog>
    </Card>
  );
}
