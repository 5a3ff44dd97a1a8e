import { useMutation } from '@tanstack/react-query';
import { auditRoutes } from '../../../../contract/audit.ts';
import type { RouteQuery } from '../../../../contract/route.ts';
import { apiFile } from '../../../lib/api.ts';
import { saveBlob } from '../../../lib/download.ts';

export type AuditExportQuery = RouteQuery<typeof auditRoutes.exportXlsx>;

export async function exportAudit(query: AuditExportQuery) {
  const { blob, fileName } = await apiFile(auditRoutes.exportXlsx, { query });
  saveBlob(blob, fileName ?? '审计日志.xlsx');
}

export function useExportAudit() {
  return useMutation({ mutationFn: exportAudit });
}
