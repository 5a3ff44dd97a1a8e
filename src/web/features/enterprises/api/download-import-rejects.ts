import { useMutation } from '@tanstack/react-query';
import { enterpriseRoutes } from '../../../../contract/enterprises.ts';
import { apiFile } from '../../../lib/api.ts';
import { saveBlob } from '../../../lib/download.ts';

/** The rows of a batch not imported, with 错误原因, to fix and upload again. */
export async function downloadImportRejects(batchId: string) {
  const { blob, fileName } = await apiFile(enterpriseRoutes.importRejects, { params: { batchId } });
  saveBlob(blob, fileName ?? '生产经营单位-未导入的行.xlsx');
}

export function useDownloadImportRejects() {
  return useMutation({ mutationFn: downloadImportRejects });
}
