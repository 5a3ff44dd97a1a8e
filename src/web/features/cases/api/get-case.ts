import { useQuery } from '@tanstack/react-query';
import { caseRoutes } from '../../../../contract/cases.ts';
import { api } from '../../../lib/api.ts';
import { caseKeys } from './keys.ts';

export const getCase = (id: string, signal?: AbortSignal) => api(caseRoutes.get, { params: { id }, signal });

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.detail(id), queryFn: ({ signal }) => getCase(id, signal) });
}
