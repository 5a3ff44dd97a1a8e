import { useQuery } from '@tanstack/react-query';
import { reportRoutes as r } from '../../../../contract/reports.ts';
import { api } from '../../../lib/api.ts';
import { reportKeys } from './reports.ts';

export const useCampaignDashboard = (id: string) =>
  useQuery({ queryKey: [...reportKeys.all, 'dashboard', id], queryFn: ({ signal }) => api(r.dashboard, { params: { id }, signal }) });
