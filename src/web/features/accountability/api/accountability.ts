// Every call of the accountability pages: list, one record, create, update, export.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { accountabilityRoutes as r } from '../../../../contract/accountability.ts';
import { api, apiFile } from '../../../lib/api.ts';
import { saveBlob } from '../../../lib/download.ts';
import {
  type AccountabilityCreateBody, type AccountabilityFilterQuery, type AccountabilityListQuery, type AccountabilityUpdateBody, accountabilityKeys,
} from './keys.ts';

export function useAccountabilityList(query: AccountabilityListQuery) {
  return useQuery({
    queryKey: accountabilityKeys.list(query),
    queryFn: ({ signal }) => api(r.list, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAccountabilityRecord(id: string | undefined) {
  return useQuery({
    queryKey: accountabilityKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api(r.get, { params: { id: id as string }, signal }),
    enabled: !!id,
  });
}

export function useSaveAccountability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id?: string; body: AccountabilityCreateBody | AccountabilityUpdateBody }) =>
      v.id ? api(r.update, { params: { id: v.id }, body: v.body as AccountabilityUpdateBody }) : api(r.create, { body: v.body }),
    onSuccess: (rec) => {
      queryClient.setQueryData(accountabilityKeys.detail(rec.id), rec);
      return queryClient.invalidateQueries({ queryKey: accountabilityKeys.lists() });
    },
  });
}

export async function exportAccountability(query: AccountabilityFilterQuery) {
  const { blob, fileName } = await apiFile(r.exportXlsx, { query });
  saveBlob(blob, fileName ?? '问责记录.xlsx');
}

export function useExportAccountability() {
  return useMutation({ mutationFn: exportAccountability });
}
