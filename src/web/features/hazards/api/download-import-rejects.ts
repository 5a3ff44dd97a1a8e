import { useMutation } from '@tanstack/react-query';
import { hazardRoutes } from '../../../../contract/hazards.ts';
import { apiFile } from '../../../lib/api.ts';
import { saveBlob } from '../../../lib/download.ts';

/** The rows of a batch not imported, with 错误原因, to fix and upload again. */
export async function downloadHazardImportRejects(batchId: string) {
  const { blob, fileName } = await apiFile(hazardRoutes.importRejects, { params: { batchId } });
  saveBlob(blob, fileName ?? '隐患台账-未导入的行.xlsx');
}

export function useDownloadHazardImportRejects() {
  return useMutation({ mutationFn: downloadHazardImportRejects });
}
