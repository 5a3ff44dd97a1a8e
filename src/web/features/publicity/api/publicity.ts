// Every call of the publicity pages: list, one record, record/edit, void.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { publicityRoutes as r, type TPublicityDetail } from '../../../../contract/publicity.ts';
import { api } from '../../../lib/api.ts';
import { type PublicityCreateBody, type PublicityListQuery, type PublicityUpdateBody, publicityKeys } from './keys.ts';

export function usePublicityList(query: PublicityListQuery) {
  return useQuery({ queryKey: publicityKeys.list(query), queryFn: ({ signal }) => api(r.list, { query, signal }), placeholderData: keepPreviousData });
}

export function usePublicity(id: string | undefined) {
  return useQuery({ queryKey: publicityKeys.detail(id ?? ''), queryFn: ({ signal }) => api(r.get, { params: { id: id as string }, signal }), enabled: !!id });
}

/** After any write: the record as returned, every list refreshed, and the forms' figures that count it. */
function useSettle() {
  const qc = useQueryClient();
  return (rec: TPublicityDetail) => {
    qc.setQueryData(publicityKeys.detail(rec.id), rec);
    void qc.invalidateQueries({ queryKey: ['reports'] });
    return qc.invalidateQueries({ queryKey: publicityKeys.lists() });
  };
}

export function useSavePublicity() {
  const settle = useSettle();
  return useMutation({
    mutationFn: (v: { id?: string; body: PublicityCreateBody | PublicityUpdateBody }) =>
      v.id ? api(r.update, { params: { id: v.id }, body: v.body as PublicityUpdateBody }) : api(r.create, { body: v.body }),
    onSuccess: settle,
  });
}

export function useVoidPublicity(id: string) {
  const settle = useSettle();
  return useMutation({ mutationFn: (body: { reason: string; version: number }) => api(r.void, { params: { id }, body }), onSuccess: settle });
}
