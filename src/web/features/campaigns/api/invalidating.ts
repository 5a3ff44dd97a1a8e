import { useMutation, useQueryClient } from '@tanstack/react-query';
import { campaignKeys } from './keys.ts';

/** A campaign mutation: afterwards every campaign query (figures, lists, matrix) is read again. */
export function useInvalidating<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: campaignKeys.all }) });
}
