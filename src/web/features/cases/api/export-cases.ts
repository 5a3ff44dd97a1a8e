import { useMutation } from '@tanstack/react-query';
import { caseRoutes } from '../../../../contract/cases.ts';
import { apiFile } from '../../../lib/api.ts';
import { saveBlob } from '../../../lib/download.ts';
import type { CaseFilterQuery } from './keys.ts';

export async function exportCases(query: CaseFilterQuery) {
  const { blob, fileName } = await apiFile(caseRoutes.exportXlsx, { query });
  saveBlob(blob, fileName ?? '执法案件.xlsx');
}

export function useExportCases() {
  return useMutation({ mutationFn: exportCases });
}
