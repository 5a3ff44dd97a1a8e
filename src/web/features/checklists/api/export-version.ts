import { useMutation } from '@tanstack/react-query';
import { checklistRoutes } from '../../../../contract/checklists.ts';
import { apiFile } from '../../../lib/api.ts';
import { saveBlob } from '../../../lib/download.ts';

export async function exportChecklistVersion({ id, version, name }: { id: string; version: number; name: string }) {
  const { blob, fileName } = await apiFile(checklistRoutes.exportVersion, { params: { id, version } });
  saveBlob(blob, fileName ?? `检查表-${name}-第${version}版.xlsx`);
}

export function useExportChecklistVersion() {
  return useMutation({ mutationFn: exportChecklistVersion });
}
