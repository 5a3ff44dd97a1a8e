import { useMutation } from '@tanstack/react-query';
import { planRoutes } from '../../../../contract/plans.ts';
import { apiFile } from '../../../lib/api.ts';
import { saveBlob } from '../../../lib/download.ts';

export async function exportPlan(id: string) {
  const { blob, fileName } = await apiFile(planRoutes.exportXlsx, { params: { id } });
  saveBlob(blob, fileName ?? '监督检查计划.xlsx');
}

export function useExportPlan() {
  return useMutation({ mutationFn: exportPlan });
}
