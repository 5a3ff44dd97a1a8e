import { useMutation } from '@tanstack/react-query';
import { checklistRoutes } from '../../../../contract/checklists.ts';
import { apiFile } from '../../../lib/api.ts';
import { saveBlob } from '../../../lib/download.ts';

export async function downloadChecklistImportTemplate() {
  const { blob, fileName } = await apiFile(checklistRoutes.importTemplate);
  saveBlob(blob, fileName ?? '检查表导入模板.xlsx');
}

export function useDownloadChecklistImportTemplate() {
  return useMutation({ mutationFn: downloadChecklistImportTemplate });
}
