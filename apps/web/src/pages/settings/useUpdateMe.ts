import type { UpdateMe } from '@tack/contracts';
import { useMutation } from '@tanstack/react-query';
import { api, queryClient, queryKeys } from '../../api.ts';

/** PATCH /me and put the answer straight into the cache, so every page sees the new profile. */
export function useUpdateMe() {
  return useMutation({
    mutationFn: (patch: UpdateMe) => api.me.update(patch),
    onSuccess: (data) => queryClient.setQueryData(queryKeys.me, data),
  });
}
