import { useMutation } from '@tanstack/react-query';
import { scheduleRoutes } from '../../../../contract/schedules.ts';
import { apiFile } from '../../../lib/api.ts';
import { saveBlob } from '../../../lib/download.ts';
import type { BehindFilterQuery } from './keys.ts';

export async function exportBehind(query: BehindFilterQuery) {
  const { blob, fileName } = await apiFile(scheduleRoutes.behindExport, { query });
  saveBlob(blob, fileName ?? '自查情况.xlsx');
}

export function useExportBehind() {
  return useMutation({ mutationFn: exportBehind });
}
