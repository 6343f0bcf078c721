import type { Blocker } from 'react-router';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/** The confirmation shown while `useUnsavedChanges` holds a move away from a form. */
export function UnsavedChangesPrompt({ blocker }: { blocker: Blocker }) {
  return (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      title="Leave without saving?"
      confirmLabel="Leave and discard"
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      <p>What you wrote on this form has not been saved yet. Choose Cancel to keep editing.</p>
    </ConfirmDialog>
  );
}
