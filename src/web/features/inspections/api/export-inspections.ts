import { useMutation } from '@tanstack/react-query';
import { inspectionRoutes } from '../../../../contract/inspections.ts';
import { apiFile } from '../../../lib/api.ts';
import { saveBlob } from '../../../lib/download.ts';
import type { InspectionFilterQuery } from './keys.ts';

export async function exportInspections(query: InspectionFilterQuery) {
  const { blob, fileName } = await apiFile(inspectionRoutes.exportXlsx, { query });
  saveBlob(blob, fileName ?? '检查记录.xlsx');
}

export function useExportInspections() {
  return useMutation({ mutationFn: exportInspections });
}
