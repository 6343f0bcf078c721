import { TackApiError } from '@tack/client';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { errorMessage } from '../api.ts';
import { ErrorRegion } from '../ui/Alerts.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';

/**
 * Delete in one click when there is no history; when the server answers CONFIRMATION_REQUIRED
 * (the item has history), ask first and retry with confirm.
 */
export function DeleteButton({
  label,
  title,
  explanation,
  remove,
  onDeleted,
  small,
}: {
  label: string;
  title: string;
  explanation: ReactNode;
  remove: (confirm: boolean) => Promise<unknown>;
  onDeleted: () => void | Promise<void>;
  small?: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const first = useMutation({
    mutationFn: async () => {
      try {
        await remove(false);
        return true;
      } catch (e) {
        if (e instanceof TackApiError && e.code === 'CONFIRMATION_REQUIRED') {
          setConfirming(true);
          return false;
        }
        throw e;
      }
    },
    onSuccess: async (done) => {
      if (done) await onDeleted();
    },
  });
  const confirmed = useMutation({
    mutationFn: () => remove(true),
    onSuccess: async () => {
      setConfirming(false);
      await onDeleted();
    },
  });
  return (
    <>
      <ErrorRegion message={first.isError ? errorMessage(first.error) : undefined} />
      <button
        type="button"
        className={`button button-danger-outline${small ? ' button-small' : ''}`}
        onClick={() => first.mutate()}
        disabled={first.isPending}
      >
        {label}
      </button>
      <ConfirmDialog
        open={confirming}
        title={title}
        confirmLabel={label}
        busy={confirmed.isPending}
        error={confirmed.isError ? errorMessage(confirmed.error) : undefined}
        onConfirm={() => confirmed.mutate()}
        onCancel={() => setConfirming(false)}
      >
        {explanation}
      </ConfirmDialog>
    </>
  );
}
