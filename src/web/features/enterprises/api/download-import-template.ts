import { useMutation } from '@tanstack/react-query';
import { enterpriseRoutes } from '../../../../contract/enterprises.ts';
import { apiFile } from '../../../lib/api.ts';
import { saveBlob } from '../../../lib/download.ts';

export async function downloadImportTemplate() {
  const { blob, fileName } = await apiFile(enterpriseRoutes.importTemplate);
  saveBlob(blob, fileName ?? '生产经营单位导入模板.xlsx');
}

export function useDownloadImportTemplate() {
  return useMutation({ mutationFn: downloadImportTemplate });
}
