import { useMutation } from '@tanstack/react-query';
import { hazardRoutes } from '../../../../contract/hazards.ts';
import { apiFile } from '../../../lib/api.ts';
import { saveBlob } from '../../../lib/download.ts';
import type { HazardFilterQuery } from './keys.ts';

export async function exportHazards(query: HazardFilterQuery) {
  const { blob, fileName } = await apiFile(hazardRoutes.exportXlsx, { query });
  saveBlob(blob, fileName ?? '隐患台账.xlsx');
}

export function useExportHazards() {
  return useMutation({ mutationFn: exportHazards });
}
