// A campaign's progress: the annex import, each unit's occurrences (工作落实情况), reports and their
// review, 签收 and 催办, and the office's matrix of tasks × units.
import { z, int } from './zod.ts';
import { defineRoute } from './route.ts';
import { IdParams, OptionalText, PageQuery, QueryBool, Uuid, pageOf } from './common.ts';
import { CELL_STATES, OCCURRENCE_STATES } from '../domain/campaigns/occurrences.ts';
import { PROGRESS_REPORT_ACTIONS, PROGRESS_REPORT_STATES } from '../domain/campaigns/progress-report-workflow.ts';
import { DeadlineView } from './campaigns.ts';
import { OCCURRENCE_ACTIONS } from '../domain/campaigns/campaign-policy.ts';

// ---- import of the annex
export const AnnexText = z.object({ text: z.string().min(1, '请粘贴表格内容').max(500_000, '粘贴的内容过长') });
export const ImportToken = z.object({ token: z.string(), unitIds: z.array(z.string()), via: z.enum(['name', 'alias', 'set', 'none']) });
export const ImportPreviewRow = z.object({
  line: int(),
  rowKey: z.string(),
  kind: z.enum(['task', 'self_check']),
  number: z.string(),
  groupName: z.string(),
  action: z.string(),
  requirement: z.string(),
  unitsText: z.string(),
  tokens: z.array(ImportToken),
  unitIds: z.array(z.string()),
  /** Of unitIds, those named as 牵头/责任单位 (the rest co-operate: 配合单位). */
  leadUnitIds: z.array(z.string()),
  unmatched: z.array(z.string()),
  deadlineText: z.string(),
  deadline: DeadlineView,
  /** An existing task this row updates (re-import), else a new task. */
  existingTaskId: z.string().nullable(),
  problems: z.array(z.string()),
});
export type TImportPreviewRow = z.output<typeof ImportPreviewRow>;
export const AnnexPreview = z.object({
  rows: z.array(ImportPreviewRow),
  problems: z.array(z.string()),
  units: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  summary: z.object({ rows: int(), unmatchedRows: int(), unreadRows: int(), toConfirmRows: int(), updates: int() }),
});
export type TAnnexPreview = z.output<typeof AnnexPreview>;

export const ImportCommitRow = z.object({
  line: int(),
  rowKey: z.string().min(1).max(200),
  kind: z.enum(['task', 'self_check']).default('task'),
  number: z.string().trim().max(20).default(''),
  groupName: z.string().trim().max(200).default(''),
  action: z.string().trim().max(2000).default(''),
  requirement: z.string().trim().min(1, '请填写工作要求').max(2000),
  unitsText: z.string().trim().max(500).default(''),
  unitIds: z.array(Uuid).max(500),
  /** Omitted or empty: every unit leads. */
  leadUnitIds: z.array(Uuid).max(500).default([]),
  deadlineText: z.string().trim().max(100),
  /** A person has checked a deadline the parser was not certain of. */
  deadlineConfirmed: z.boolean().default(false),
});
export const AnnexCommit = z.object({
  rows: z.array(ImportCommitRow).min(1, '没有可导入的行').max(2000),
  /** Names learned in the preview (an unmatched name mapped to a unit), kept for the next import. */
  aliases: z.array(z.object({ alias: z.string().trim().min(1).max(50), unitId: Uuid })).max(200).default([]),
});
export type TAnnexCommit = z.output<typeof AnnexCommit>;
export const AnnexCommitResult = z.object({ created: int(), updated: int() });

// ---- occurrences
export const OccurrenceItem = z.object({
  key: z.string(),
  campaignId: z.string(),
  campaignName: z.string(),
  taskId: z.string(),
  taskNumber: z.string(),
  groupName: z.string(),
  requirement: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  due: z.string(),
  from: z.string(),
  state: z.enum(OCCURRENCE_STATES),
  overdue: z.boolean(),
  acknowledged: z.boolean(),
  urges: int(),
});
export type TOccurrenceItem = z.output<typeof OccurrenceItem>;
export const MyOccurrencesQuery = PageQuery.extend({
  campaignId: Uuid.optional(),
  state: z.enum(OCCURRENCE_STATES).optional(),
  overdue: QueryBool.optional(),
  /** Owed only (未报送 and 已退回): the default view of what the unit must still do. */
  owed: QueryBool.optional(),
});
export const OccurrencePage = pageOf(OccurrenceItem);

export const ProgressReport = z.object({
  id: z.string(),
  revision: int(),
  status: z.enum(PROGRESS_REPORT_STATES),
  text: z.string(),
  count: int().nullable(),
  inspections: z.array(z.object({ id: z.string(), number: z.string().nullable(), enterpriseName: z.string(), at: z.string() })),
  files: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), url: z.string() })),
  filedByName: z.string(),
  filedAt: z.string(),
  reviewedByName: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewReason: z.string().nullable(),
  version: int(),
  allowedActions: z.array(z.enum(PROGRESS_REPORT_ACTIONS)),
});
export const OccurrenceHistoryItem = z.object({ at: z.string(), who: z.string(), what: z.string(), note: z.string().nullable() });
export const OccurrenceDetail = OccurrenceItem.extend({
  action: z.string(),
  deadlineText: z.string(),
  deadline: DeadlineView,
  target: int().nullable(),
  ackState: z.string(),
  reports: z.array(ProgressReport),
  history: z.array(OccurrenceHistoryItem),
  /** What the system already holds for this window: inspections by the unit (最多报一次). */
  prefill: z.object({ count: int(), inspections: z.array(z.object({ id: z.string(), number: z.string().nullable(), enterpriseName: z.string(), at: z.string() })) }),
  /** Records that settle it (leaders' activities for a task linked to a required frequency): met confirms it without a report. */
  evidence: z.object({
    label: z.string(), met: z.boolean(),
    records: z.array(z.object({ id: z.string(), href: z.string(), day: z.string(), title: z.string(), who: z.string() })),
  }).nullable(),
  allowedActions: z.array(z.enum(OCCURRENCE_ACTIONS)),
});
export type TOccurrenceDetail = z.output<typeof OccurrenceDetail>;
export const OccurrenceParams = z.object({ key: z.string().max(120) });

export const ReportFile = z.object({
  text: z.string().trim().min(2, '请填写工作落实情况（至少2个字）').max(5000, '不超过5000字'),
  count: int().min(0).max(100000).nullish().transform((v) => v ?? null),
  inspectionIds: z.array(Uuid).max(500).default([]),
  fileIds: z.array(Uuid).max(20, '附件不超过20个').default([]),
});
export type TReportFile = z.output<typeof ReportFile>;
export const ReportAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('confirm'), version: int() }),
  z.object({ action: z.literal('return'), reason: z.string().trim().min(2, '请填写退回原因（至少2个字）').max(500), version: int() }),
]);
export type TReportAction = z.output<typeof ReportAction>;
export const UrgeRequest = z.object({
  keys: z.array(z.string().max(120)).min(1, '请选择要催办的事项').max(500, '一次最多催办500项'),
  note: OptionalText(500),
});
export const UrgeResult = z.object({ urged: int() });

// ---- matrix
export const MatrixQuery = z.object({
  group: z.string().trim().max(200).optional(),
  unitId: Uuid.optional(),
  state: z.enum(CELL_STATES).optional(),
  overdue: QueryBool.optional(),
});
export const MatrixCell = z.object({
  unitId: z.string(), state: z.enum(CELL_STATES), total: int(), confirmed: int(), submitted: int(), returned: int(), overdue: int(),
  nextDue: z.string().nullable(), nextKey: z.string().nullable(), acknowledged: z.boolean(),
});
export const MatrixResponse = z.object({
  today: z.string(),
  units: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  rows: z.array(z.object({ taskId: z.string(), number: z.string(), groupName: z.string(), requirement: z.string(), deadlineLabel: z.string(), cells: z.array(MatrixCell) })),
  groups: z.array(z.string()),
});
export type TMatrix = z.output<typeof MatrixResponse>;
export const ExportQuery = z.object({ unitId: Uuid.optional() });

export const campaignProgressRoutes = {
  importPreview: defineRoute({ method: 'POST', path: '/api/campaigns/:id/tasks/import/preview', summary: '导入工作清单：预览（.xlsx、.docx 或粘贴的表格）', tag: 'campaigns', params: IdParams, multipart: true, response: AnnexPreview }),
  importCommit: defineRoute({ method: 'POST', path: '/api/campaigns/:id/tasks/import/commit', summary: '导入工作清单：提交（同一行再次导入时更新）', tag: 'campaigns', params: IdParams, body: AnnexCommit, response: AnnexCommitResult }),
  matrix: defineRoute({ method: 'GET', path: '/api/campaigns/:id/matrix', summary: '落实情况矩阵（任务 × 单位）', tag: 'campaigns', params: IdParams, query: MatrixQuery, response: MatrixResponse }),
  exportTasks: defineRoute({ method: 'GET', path: '/api/campaigns/:id/tasks/export', summary: '导出工作清单和落实情况（xlsx）', tag: 'campaigns', params: IdParams, query: ExportQuery, responseType: 'xlsx' }),
  myOccurrences: defineRoute({ method: 'GET', path: '/api/my/occurrences', summary: '本单位待落实的任务', tag: 'campaigns', query: MyOccurrencesQuery, response: OccurrencePage }),
  occurrence: defineRoute({ method: 'GET', path: '/api/occurrences/:key', summary: '任务节点详情', tag: 'campaigns', params: OccurrenceParams, response: OccurrenceDetail }),
  fileReport: defineRoute({ method: 'POST', path: '/api/occurrences/:key/reports', summary: '报送工作落实情况', tag: 'campaigns', params: OccurrenceParams, body: ReportFile, response: OccurrenceDetail }),
  acknowledge: defineRoute({ method: 'POST', path: '/api/occurrences/:key/acknowledge', summary: '签收任务', tag: 'campaigns', params: OccurrenceParams, response: OccurrenceDetail }),
  urge: defineRoute({ method: 'POST', path: '/api/occurrences/urge', summary: '催办（一项或多项）', tag: 'campaigns', body: UrgeRequest, response: UrgeResult }),
  reviewReport: defineRoute({ method: 'POST', path: '/api/progress-reports/:id/actions', summary: '确认或退回落实情况', tag: 'campaigns', params: IdParams, body: ReportAction, response: OccurrenceDetail }),
};

