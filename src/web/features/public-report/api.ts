// The public pages' calls (no session): townships, the report (multipart, after the proof of work),
// the lookup by code and the reward claim.
import { useMutation, useQuery } from '@tanstack/react-query';
import { publicTipRoutes as r } from '../../../contract/tips.ts';
import { api, apiFile } from '../../lib/api.ts';
import { solveInWorker } from './solve.ts';

export const useTownships = () => useQuery({ queryKey: ['public-townships'], queryFn: ({ signal }) => api(r.townships, { signal }), staleTime: 10 * 60_000 });

/** Fetches a challenge, solves it off the main thread, then sends the form with the solution. */
export function useSubmitReport() {
  return useMutation({
    mutationFn: async (form: FormData) => {
      const challenge = await api(r.challenge);
      form.set('altcha', await solveInWorker(challenge));
      return api(r.submit, { body: form });
    },
  });
}

export const useLookup = () => useMutation({ mutationFn: (code: string) => api(r.lookup, { params: { code } }) });
export const useClaim = () => useMutation({ mutationFn: (v: { code: string; phone: string }) => api(r.claim, { params: { code: v.code }, body: { phone: v.phone } }) });
export const downloadReceipt = (code: string) => apiFile(r.receipt, { params: { code } });
