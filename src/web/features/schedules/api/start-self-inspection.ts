import { useMutation, useQueryClient } from '@tanstack/react-query';
import { inspectionRoutes } from '../../../../contract/inspections.ts';
import { api } from '../../../lib/api.ts';
import { scheduleKeys } from './keys.ts';

export interface StartSelfInspection {
  enterpriseId: string;
  type: 'self_daily' | 'self_weekly' | 'self_monthly';
  templateCode: string;
  inspectedOn: string;
}

/** Starts a 日/周/月 self-inspection (a draft) through the inspections API. */
export const startSelfInspection = (body: StartSelfInspection) => api(inspectionRoutes.create, { body });

export function useStartSelfInspection() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: startSelfInspection,
    onSuccess: (_d, v) => void qc.invalidateQueries({ queryKey: scheduleKeys.ofEnterprise(v.enterpriseId) }),
  });
}
