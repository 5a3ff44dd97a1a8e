// A township's own Excel form: upload it (the server answers a preview of its first sheet), the
// metrics it can bind cells to, and saving the bindings as a library template.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { reportWorkbookRoutes as r } from '../../../../contract/report-workbooks.ts';
import type { RouteBody, RouteResponse } from '../../../../contract/route.ts';
import { ApiError, api } from '../../../lib/api.ts';
import { formatBytes } from '../../../lib/upload.ts';
import { reportKeys } from './reports.ts';

export type WorkbookPreview = RouteResponse<typeof r.upload>;
export type MetricInfo = RouteResponse<typeof r.metrics>['items'][number];
export type SaveWorkbookBody = RouteBody<typeof r.save>;

export async function uploadWorkbook(file: File): Promise<WorkbookPreview> {
  const body = new FormData();
  body.append('file', file, file.name);
  try {
    return await api(r.upload, { body });
  } catch (e) {
    // the body limit or a proxy may answer 413 without the error envelope
    if (e instanceof ApiError && e.status === 413 && e.message.startsWith('请求失败')) {
      throw new ApiError(413, { error: { code: 'PAYLOAD_TOO_LARGE', message: `「${file.name}」（${formatBytes(file.size)}）超过允许的大小` } });
    }
    throw e;
  }
}

export const useUploadWorkbook = () => useMutation({ mutationFn: uploadWorkbook });

export const useMetrics = () => useQuery({ queryKey: ['reports', 'metrics'], queryFn: ({ signal }) => api(r.metrics, { signal }), staleTime: Infinity });

export function useSaveWorkbookTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveWorkbookBody) => api(r.save, { body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: reportKeys.templates }),
  });
}
