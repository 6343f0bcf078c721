import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { api, errorMessage, queryClient } from '../api.ts';
import { useMe } from '../auth/session.ts';
import { formatInstant } from '../time.ts';

/** The query key of the account's erasure status (Settings → Data and the banner share it). */
export const erasureKey = ['me', 'erasure'] as const;

/** "Keep my account": cancels a scheduled erasure and updates everything showing it. */
export function useCancelErasure() {
  return useMutation({
    mutationFn: () => api.data.cancelErasure(),
    onSuccess: (data) => queryClient.setQueryData(erasureKey, data),
  });
}

/**
 * While an erasure is scheduled, every page says so, with a way to keep the account: someone who
 * forgot, or someone else using the account, must not find it gone without warning. The Data
 * page shows the same in its own card, so the banner stays away from there.
 */
export function ErasureBanner() {
  const me = useMe();
  const location = useLocation();
  const status = useQuery({ queryKey: erasureKey, queryFn: api.data.erasure, staleTime: 60_000 });
  const cancel = useCancelErasure();
  const purgeAfter = status.data?.scheduled ? status.data.purgeAfter : null;
  if (!purgeAfter || !me.data || location.pathname === '/settings/data') return null;
  return (
    <section className="erasure-banner" aria-label="Account erasure">
      <p>
        <strong>Your account will be erased on {formatInstant(purgeAfter, me.data.timeZone)}.</strong> Everything in it
        goes then. <Link to="/settings/data">Export a backup first</Link> if you may want your history later.
      </p>
      <button
        type="button"
        className="button button-primary"
        disabled={cancel.isPending}
        onClick={() => cancel.mutate()}
      >
        Keep my account
      </button>
      {cancel.isError && (
        <p className="alert alert-error" role="alert">
          {errorMessage(cancel.error)}
        </p>
      )}
    </section>
  );
}
