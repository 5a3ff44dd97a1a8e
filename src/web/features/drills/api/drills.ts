// Every call of the drill and training pages: records (list, one, record, verify, void), who is
// behind, and the district's required times a year.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { drillRoutes as r } from '../../../../contract/drills.ts';
import { api } from '../../../lib/api.ts';
import { type ComplianceQuery, type DrillActionBody, type DrillCreateBody, type DrillData, type DrillListQuery, type RequirementBody, drillKeys } from './keys.ts';

export function useDrillList(query: DrillListQuery, opts: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: drillKeys.list(query), queryFn: ({ signal }) => api(r.list, { query, signal }), placeholderData: keepPreviousData, enabled: opts.enabled });
}

export function useDrill(id: string) {
  return useQuery({ queryKey: drillKeys.detail(id), queryFn: ({ signal }) => api(r.get, { params: { id }, signal }) });
}

export function useCompliance(query: ComplianceQuery, opts: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: drillKeys.compliance(query), queryFn: ({ signal }) => api(r.compliance, { query, signal }), placeholderData: keepPreviousData, enabled: opts.enabled });
}

export function useRequirement() {
  return useQuery({ queryKey: drillKeys.requirement, queryFn: ({ signal }) => api(r.getRequirement, { signal }), staleTime: 60_000 });
}

/**
 * After any write: the record as returned; the lists, who is behind and the 工作台 refreshed (a
 * record or a void changes an enterprise's state).
 */
function useSettle() {
  const qc = useQueryClient();
  return (rec: DrillData) => {
    qc.setQueryData(drillKeys.detail(rec.id), rec);
    void qc.invalidateQueries({ queryKey: ['workbench'] });
    return qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'drills' && q.queryKey[1] !== 'detail' });
  };
}

export function useCreateDrill() {
  const settle = useSettle();
  return useMutation({ mutationFn: (body: DrillCreateBody) => api(r.create, { body }), onSuccess: settle });
}

/** 核实 or 作废, whichever the modal sends (the void body carries a reason). */
export function useActOnDrill(id: string) {
  const settle = useSettle();
  return useMutation({
    mutationFn: (v: { action: 'verify' | 'void'; body: DrillActionBody }) => (v.action === 'void'
      ? api(r.void, { params: { id }, body: v.body as Extract<DrillActionBody, { reason: string }> })
      : api(r.verify, { params: { id }, body: { version: v.body.version } })),
    onSuccess: settle,
  });
}

export function useSaveRequirement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RequirementBody) => api(r.putRequirement, { body }),
    onSuccess: (data) => {
      qc.setQueryData(drillKeys.requirement, data);
      return qc.invalidateQueries({ predicate: (q) => q.queryKey[0] === 'drills' && q.queryKey[1] === 'compliance' });
    },
  });
}
