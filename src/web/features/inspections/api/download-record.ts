import { useMutation } from '@tanstack/react-query';
import { inspectionRoutes } from '../../../../contract/inspections.ts';
import { apiFile } from '../../../lib/api.ts';
import { saveBlob } from '../../../lib/download.ts';

/** 现场检查记录: the record as a PDF, named by the server. */
export async function downloadInspectionRecord({ id, number }: { id: string; number: string }) {
  const { blob, fileName } = await apiFile(inspectionRoutes.recordPdf, { params: { id } });
  saveBlob(blob, fileName ?? `现场检查记录-${number}.pdf`);
}

export function useDownloadInspectionRecord() {
  return useMutation({ mutationFn: downloadInspectionRecord });
}
