// Every call of the roster pages: list, count on a day, one entry, create/update, end, void.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { inspectorRosterRoutes as r, type TInspectorDetail } from '../../../../contract/inspector-roster.ts';
import { api } from '../../../lib/api.ts';
import { type InspectorCreateBody, type InspectorListQuery, type InspectorUpdateBody, inspectorKeys } from './keys.ts';

export function useInspectorList(query: InspectorListQuery) {
  return useQuery({ queryKey: inspectorKeys.list(query), queryFn: ({ signal }) => api(r.list, { query, signal }), placeholderData: keepPreviousData });
}

export function useInspectorCount(on: string) {
  return useQuery({ queryKey: inspectorKeys.count(on), queryFn: ({ signal }) => api(r.count, { query: { on }, signal }), placeholderData: keepPreviousData });
}

export function useInspector(id: string | undefined) {
  return useQuery({ queryKey: inspectorKeys.detail(id ?? ''), queryFn: ({ signal }) => api(r.get, { params: { id: id as string }, signal }), enabled: !!id });
}

/** After any write: the entry as returned, every list and every count refreshed. */
function useSettle() {
  const queryClient = useQueryClient();
  return (rec: TInspectorDetail) => {
    queryClient.setQueryData(inspectorKeys.detail(rec.id), rec);
    return queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'inspector-roster' && q.queryKey[1] !== 'detail' });
  };
}

export function useSaveInspector() {
  const settle = useSettle();
  return useMutation({
    mutationFn: (v: { id?: string; body: InspectorCreateBody | InspectorUpdateBody }) =>
      v.id ? api(r.update, { params: { id: v.id }, body: v.body as InspectorUpdateBody }) : api(r.create, { body: v.body }),
    onSuccess: settle,
  });
}

export function useEndInspector() {
  const settle = useSettle();
  return useMutation({ mutationFn: (v: { id: string; toDate: string; version: number }) => api(r.end, { params: { id: v.id }, body: { toDate: v.toDate, version: v.version } }), onSuccess: settle });
}

export function useVoidInspector() {
  const settle = useSettle();
  return useMutation({ mutationFn: (v: { id: string; reason: string; version: number }) => api(r.void, { params: { id: v.id }, body: { reason: v.reason, version: v.version } }), onSuccess: settle });
}
