import { useMutation } from '@tanstack/react-query';
import { enterpriseRoutes } from '../../../../contract/enterprises.ts';
import { apiFile } from '../../../lib/api.ts';
import { saveBlob } from '../../../lib/download.ts';
import type { EnterpriseFilterQuery } from './keys.ts';

export async function exportEnterprises(query: EnterpriseFilterQuery) {
  const { blob, fileName } = await apiFile(enterpriseRoutes.exportXlsx, { query });
  saveBlob(blob, fileName ?? '生产经营单位.xlsx');
}

export function useExportEnterprises() {
  return useMutation({ mutationFn: exportEnterprises });
}
