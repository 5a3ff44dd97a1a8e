// What the server accepts for uploads (size limit and formats): read once, for every uploader.
import { useQuery } from '@tanstack/react-query';
import { filesRoutes } from '../../contract/files.ts';
import { api } from '../lib/api.ts';

export function useUploadLimits() {
  return useQuery({ queryKey: ['upload-limits'], queryFn: ({ signal }) => api(filesRoutes.limits, { signal }), staleTime: Infinity });
}
