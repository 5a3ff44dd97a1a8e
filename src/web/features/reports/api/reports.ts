// The report forms' API as query hooks. Every form query starts with 'reports'; a mutation reads
// them again, and the campaign's figures too.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { reportRoutes as r } from '../../../../contract/reports.ts';
import type { RouteBody, RouteResponse } from '../../../../contract/route.ts';
import { api, apiFile } from '../../../lib/api.ts';
import { saveBlob } from '../../../lib/download.ts';

export type SubmissionData = RouteResponse<typeof r.get>;
export type CellData = SubmissionData['cells'][number];
export type FormsData = RouteResponse<typeof r.forms>;
export type RollupData = RouteResponse<typeof r.rollup>;
export type SaveBody = RouteBody<typeof r.save>;
export type ActionBody = RouteBody<typeof r.act>;

export const reportKeys = {
  all: ['reports'] as const,
  forms: (campaignId: string) => ['reports', 'forms', campaignId] as const,
  templates: ['reports', 'templates'] as const,
  submission: (key: string) => ['reports', 'submission', key] as const,
  rollup: (id: string, due: string, form: string) => ['reports', 'rollup', id, due, form] as const,
  records: (key: string, cell: string, page: number) => ['reports', 'records', key, cell, page] as const,
};

function useReportMutation<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: reportKeys.all });
      void qc.invalidateQueries({ queryKey: ['campaigns'] });
      void qc.invalidateQueries({ queryKey: ['workbench'] });
    },
  });
}

export const useCampaignForms = (id: string) => useQuery({ queryKey: reportKeys.forms(id), queryFn: ({ signal }) => api(r.forms, { params: { id }, signal }) });
export const useTemplates = (enabled: boolean) => useQuery({ queryKey: reportKeys.templates, queryFn: ({ signal }) => api(r.templates, { signal }), enabled });
export const useAttachForm = (id: string) => useReportMutation((body: RouteBody<typeof r.attach>) => api(r.attach, { params: { id }, body }));
export const useEditForm = () => useReportMutation(({ id, body }: { id: string; body: RouteBody<typeof r.edit> }) => api(r.edit, { params: { id }, body }));

export const useSubmission = (key: string) => useQuery({ queryKey: reportKeys.submission(key), queryFn: ({ signal }) => api(r.get, { params: { key }, signal }) });
export const useSaveSubmission = (key: string) => useReportMutation((body: SaveBody) => api(r.save, { params: { key }, body }));
export const useSubmissionAction = (key: string) => useReportMutation((body: ActionBody) => api(r.act, { params: { key }, body }));

export const useRollup = (id: string, due: string, form: string) =>
  useQuery({ queryKey: reportKeys.rollup(id, due, form), queryFn: ({ signal }) => api(r.rollup, { params: { id, due }, query: { form }, signal }), enabled: Boolean(form) });

export const useCellRecords = (key: string, cell: string, page: number) =>
  useQuery({ queryKey: reportKeys.records(key, cell, page), queryFn: ({ signal }) => api(r.records, { params: { key, cell }, query: { page, pageSize: 20 }, signal }), placeholderData: keepPreviousData });

export function useExportSubmission(key: string) {
  return useMutation({
    mutationFn: async () => {
      const { blob, fileName } = await apiFile(r.xlsx, { params: { key } });
      saveBlob(blob, fileName ?? '报表.xlsx');
    },
  });
}

export function usePrintSubmission(key: string) {
  return useMutation({
    mutationFn: async () => {
      const { blob, fileName } = await apiFile(r.pdf, { params: { key } });
      saveBlob(blob, fileName ?? '报表.pdf');
    },
  });
}

export function useExportRollup(id: string, due: string, form: string) {
  return useMutation({
    mutationFn: async () => {
      const { blob, fileName } = await apiFile(r.rollupXlsx, { params: { id, due }, query: { form } });
      saveBlob(blob, fileName ?? '汇总表.xlsx');
    },
  });
}
