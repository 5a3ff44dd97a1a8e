import { useMutation } from '@tanstack/react-query';
import { hazardRoutes } from '../../../../contract/hazards.ts';
import { apiFile } from '../../../lib/api.ts';
import { saveBlob } from '../../../lib/download.ts';

export async function downloadHazardImportTemplate() {
  const { blob, fileName } = await apiFile(hazardRoutes.importTemplate);
  saveBlob(blob, fileName ?? '隐患台账导入模板.xlsx');
}

export function useDownloadHazardImportTemplate() {
  return useMutation({ mutationFn: downloadHazardImportTemplate });
}
