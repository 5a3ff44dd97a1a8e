import { useMutation } from '@tanstack/react-query';
import { checklistRoutes } from '../../../../contract/checklists.ts';
import { apiFile } from '../../../lib/api.ts';
import { saveBlob } from '../../../lib/download.ts';

/** The uploaded template with 错误原因 on its wrong rows, to fix and upload again. */
export async function downloadChecklistImportRejects(batchId: string) {
  const { blob, fileName } = await apiFile(checklistRoutes.importRejects, { params: { batchId } });
  saveBlob(blob, fileName ?? '检查表-标注错误.xlsx');
}

export function useDownloadChecklistImportRejects() {
  return useMutation({ mutationFn: downloadChecklistImportRejects });
}
