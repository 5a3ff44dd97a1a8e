import { z, int } from './zod.ts';
import {
  HAZARD_ACTION_LABELS, HAZARD_LEVELS, HAZARD_SOURCES, HAZARD_STATUSES, hazardReportRefusals,
} from '../domain/hazards/hazard-machine.ts';
import { HAZARD_SIDE_ACTIONS, HAZARD_SIDE_ACTION_LABELS, type HazardSideAction } from '../domain/hazards/hazard-policy.ts';
import { defineRoute } from './route.ts';
import { DateStr, IdParams, PageQuery, QueryBool, Uuid, pageOf } from './common.ts';
import { StoredFile } from './files.ts';
import { BatchParams, ImportCommitResult, ImportErrorsResponse, ImportPreview } from './enterprises.ts';

const Text = (label: string, max = 2000) => z.string().trim().min(1, `请填写${label}`).max(max);
const Reason = z.string().trim().min(2, '请填写原因（至少2个字）').max(1000);
const FileIds = z.array(Uuid).max(20, '最多20个文件');

export const LISTING_LEVELS = ['township', 'district', 'city'] as const;
export const LISTING_LEVEL_LABELS = { township: '镇级', district: '区级', city: '市级' } as const;
export const REPORT_KINDS = ['discovery', 'rectification'] as const;
export const REPORT_RECIPIENTS = ['department', 'government'] as const;

/** The actions a person takes through the action endpoint (the workflow's; start_rectification is the system's). */
export const HAZARD_WORKFLOW_ACTIONS = [
  'submit_plan', 'accept', 'report_rectification', 'verify_pass', 'verify_fail', 'recheck_pass', 'recheck_reopen', 'void',
  ...HAZARD_SIDE_ACTIONS,
] as const;
/** Every action a person takes on a hazard, by name (buttons, timeline, audit log). */
export const HAZARD_WORKFLOW_ACTION_LABELS: Record<(typeof HAZARD_WORKFLOW_ACTIONS)[number], string> = {
  ...(HAZARD_ACTION_LABELS as Record<Exclude<(typeof HAZARD_WORKFLOW_ACTIONS)[number], HazardSideAction>, string>),
  ...HAZARD_SIDE_ACTION_LABELS,
};
/** What the caller may do to a hazard now: its workflow actions, and 立案 (open an enforcement case on it). */
export const HAZARD_ALLOWED_ACTIONS = [...HAZARD_WORKFLOW_ACTIONS, 'open_case'] as const;

// ---- create (quick report)
export const HazardCreate = z
  .object({
    enterpriseId: Uuid,
    source: z.enum(HAZARD_SOURCES, { error: '请选择隐患来源' }),
    foundAt: z.iso.datetime({ offset: true, error: '发现时间格式不正确' }),
    description: Text('隐患描述'),
    location: Text('隐患部位', 200),
    sectorId: Uuid,
    category: z.string().trim().max(64).nullish().transform((v) => v || null),
    level: z.enum(HAZARD_LEVELS, { error: '请选择隐患等级' }),
    criterion: z.string().trim().max(500).nullish().transform((v) => v || null),
    fixedOnSpot: z.boolean().default(false),
    beforePhotoIds: FileIds.default([]),
    /** Fixed on the spot: the after photos and a note go in with the report. */
    afterPhotoIds: FileIds.default([]),
    rectificationNote: z.string().trim().max(2000).nullish().transform((v) => v || null),
    dueDate: DateStr.nullish().transform((v) => v ?? null),
  })
  .superRefine((v, ctx) => {
    const refusals = hazardReportRefusals({ ...v, afterPhotoCount: v.afterPhotoIds.length });
    for (const [field, message] of Object.entries(refusals)) ctx.addIssue({ code: 'custom', path: [field], message });
  });
export type THazardCreate = z.output<typeof HazardCreate>;

// ---- actions: one endpoint, one body per action
const V = { version: int() };
export const PlanInput = z.object({
  owner: Text('责任人', 64),
  measures: Text('整改措施'),
  fundsYuan: z.number({ error: '请填写整改资金（元）' }).min(0, '资金不能为负').max(1e10),
  dueDate: DateStr,
  contingencyPlan: z.string().trim().max(4000).nullish().transform((v) => v || null),
  contingencyFileIds: FileIds.default([]),
});
export const HazardActionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit_plan'), ...V, plan: PlanInput }),
  z.object({ action: z.literal('accept'), ...V, note: z.string().trim().max(1000).nullish() }),
  z.object({ action: z.literal('report_rectification'), ...V, note: Text('整改情况'), afterPhotoIds: FileIds }),
  z.object({ action: z.literal('verify_pass'), ...V, note: z.string().trim().max(1000).nullish(), evidenceFileIds: FileIds.default([]), signerName: Text('验收人签名', 32) }),
  z.object({ action: z.literal('verify_fail'), ...V, reason: Reason }),
  z.object({ action: z.literal('recheck_pass'), ...V, note: Text('回头看情况') }),
  z.object({ action: z.literal('recheck_reopen'), ...V, reason: Reason }),
  z.object({ action: z.literal('void'), ...V, reason: Reason }),
  z.object({ action: z.literal('request_extension'), ...V, newDueDate: DateStr, reason: Reason }),
  z.object({ action: z.literal('decide_extension'), ...V, approve: z.boolean(), note: z.string().trim().max(1000).nullish() }),
  z.object({ action: z.literal('transfer'), ...V, toUnitId: Uuid, reason: Reason }),
  z.object({ action: z.literal('decide_transfer'), ...V, accept: z.boolean(), reason: z.string().trim().max(1000).nullish() }),
  z.object({ action: z.literal('list'), ...V, level: z.enum(LISTING_LEVELS), leaderName: Text('督办领导', 32), listedOn: DateStr, documentNo: Text('督办文号', 64) }),
  z.object({
    action: z.literal('record_dual_report'), ...V, kind: z.enum(REPORT_KINDS), recipient: z.enum(REPORT_RECIPIENTS),
    reportedAt: z.iso.datetime({ offset: true }), reportedBy: Text('报告人', 32), reportedTo: Text('接收单位/人', 64), method: Text('报告方式', 32),
  }),
  z.object({
    action: z.literal('edit'), ...V, description: Text('隐患描述').optional(), location: Text('隐患部位', 200).optional(),
    sectorId: Uuid.optional(), category: z.string().trim().max(64).nullish(), level: z.enum(HAZARD_LEVELS).optional(),
    criterion: z.string().trim().max(500).nullish(),
  }),
]);
export type THazardActionRequest = z.output<typeof HazardActionRequest>;

// ---- read models
export const HazardListItem = z.object({
  id: z.string(),
  number: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  source: z.enum(HAZARD_SOURCES),
  foundAt: z.string(),
  description: z.string(),
  location: z.string(),
  sectorId: z.string(),
  sectorName: z.string(),
  level: z.enum(HAZARD_LEVELS),
  status: z.enum(HAZARD_STATUSES),
  fixedOnSpot: z.boolean(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  listingLevel: z.enum(LISTING_LEVELS).nullable(),
  transferCount: int(),
  pendingTransfer: z.boolean(),
  reopenCount: int(),
  responsibleUnitId: z.string(),
  responsibleUnitName: z.string(),
  closedAt: z.string().nullable(),
  version: int(),
});
export type THazardListItem = z.infer<typeof HazardListItem>;

export const HazardEvent = z.object({
  id: z.string(), at: z.string(), actorName: z.string().nullable(), actorUnitName: z.string().nullable(), action: z.string(),
  fromStatus: z.string().nullable(), toStatus: z.string().nullable(), note: z.string().nullable(), data: z.unknown().nullable(),
});
export const HazardPlan = z.object({
  id: z.string(), owner: z.string(), measures: z.string(), fundsYuan: z.number(), dueDate: z.string(),
  contingencyPlan: z.string().nullable(), files: z.array(StoredFile), createdAt: z.string(),
});
export const HazardExtension = z.object({
  id: z.string(), oldDueDate: z.string().nullable(), newDueDate: z.string(), reason: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']), requestedAt: z.string(), decidedAt: z.string().nullable(), decisionNote: z.string().nullable(),
});
export const HazardListing = z.object({ id: z.string(), level: z.enum(LISTING_LEVELS), leaderName: z.string(), listedOn: z.string(), documentNo: z.string(), createdAt: z.string() });
export const HazardTransfer = z.object({
  id: z.string(), fromUnitId: z.string(), fromUnitName: z.string(), toUnitId: z.string(), toUnitName: z.string(), reason: z.string(),
  status: z.enum(['pending', 'accepted', 'returned']), requestedAt: z.string(), decidedAt: z.string().nullable(), decisionReason: z.string().nullable(),
});
export const HazardReport = z.object({
  id: z.string(), kind: z.enum(REPORT_KINDS), recipient: z.enum(REPORT_RECIPIENTS), reportedAt: z.string(), reportedBy: z.string(),
  reportedTo: z.string(), method: z.string(),
});
export const HazardDetail = HazardListItem.extend({
  foundByName: z.string(),
  foundByUnitName: z.string(),
  category: z.string().nullable(),
  criterion: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  rectificationNote: z.string().nullable(),
  rectifiedAt: z.string().nullable(),
  verifierName: z.string().nullable(),
  signatureHash: z.string().nullable(),
  voidReason: z.string().nullable(),
  beforePhotos: z.array(StoredFile),
  afterPhotos: z.array(StoredFile),
  evidence: z.array(StoredFile),
  plans: z.array(HazardPlan), // newest first
  extensions: z.array(HazardExtension),
  listings: z.array(HazardListing),
  transfers: z.array(HazardTransfer),
  reports: z.array(HazardReport),
  events: z.array(HazardEvent), // oldest first
  /** What the caller may do to it now: the workflow's actions (hazards.workflow.ts) and open_case (立案; domain/case-policy). */
  allowedActions: z.array(z.enum(HAZARD_ALLOWED_ACTIONS)),
  /** Departments the hazard may be transferred to (empty unless 'transfer' is allowed). */
  transferTargets: z.array(z.object({ id: z.string(), name: z.string(), parentName: z.string().nullable() })),
  /** The inspection whose 不符合 item it was found by, if any. */
  inspection: z.object({ id: z.string(), number: z.string(), itemKey: z.string().nullable() }).nullable(),
  /** The 群众举报 it was found true from, if any (the report links back to it). */
  publicReport: z.object({ id: z.string(), number: z.string() }).nullable(),
});
export type THazardDetail = z.infer<typeof HazardDetail>;

export const HazardFilter = z.object({
  q: z.string().trim().max(64).optional(),
  status: z.enum(HAZARD_STATUSES).optional(),
  /** 在改: reported, rectifying or awaiting verification. */
  open: QueryBool.optional(),
  level: z.enum(HAZARD_LEVELS).optional(),
  source: z.enum(HAZARD_SOURCES).optional(),
  villageId: Uuid.optional(),
  responsibleUnitId: Uuid.optional(),
  sectorId: Uuid.optional(),
  enterpriseId: Uuid.optional(),
  overdue: QueryBool.optional(),
  listed: QueryBool.optional(),
  transferred: QueryBool.optional(),
  reopened: QueryBool.optional(),
  from: DateStr.optional(), // found on or after (Asia/Shanghai day)
  to: DateStr.optional(), // found on or before
  includeVoided: QueryBool.optional(),
});
export type THazardFilter = z.output<typeof HazardFilter>;
export const HazardListQuery = HazardFilter.extend(PageQuery.shape).extend({
  /** The previous page's nextCursor: this page starts after its last row (by keyset, as cheap as the first page). */
  after: z.string().max(1000).optional(),
});

export const HazardListResponse = pageOf(HazardListItem).extend({
  statusCounts: z.record(z.enum(HAZARD_STATUSES), int()),
  /** The 全部 tab: how many the list holds without a status (已作废 only with includeVoided). */
  allCount: int(),
  overdueCount: int(),
  /** Pass as `after` with the next page number to read the next page by keyset; null on the last page. */
  nextCursor: z.string().nullable(),
});

export const HazardCriterion = z.object({
  id: z.string(), sectorId: z.string().nullable(), text: z.string(), sortOrder: int(), active: z.boolean(), version: int(),
});
export const HazardCriteriaResponse = z.object({ items: z.array(HazardCriterion) });
export const HazardCriterionCreate = z.object({
  text: z.string().trim().min(4, '请填写判定依据（标准名称及条款）').max(500),
  sectorId: Uuid.nullish().transform((v) => v ?? null),
  sortOrder: int().min(0).max(9999).default(0),
});
export const HazardCriterionUpdate = z.object({
  text: z.string().trim().min(4, '请填写判定依据（标准名称及条款）').max(500).optional(),
  sectorId: Uuid.nullish(),
  sortOrder: int().min(0).max(9999).optional(),
  active: z.boolean().optional(),
  version: int(),
});

// ---- dashboard
export const DashboardQuery = z.object({ from: DateStr.optional(), to: DateStr.optional() });
export const HazardDashboard = z.object({
  found: int(),
  closed: int(),
  rectificationRate: z.number(), // closed / found (non-voided), 0..1
  open: int(),
  overdue: int(),
  major: z.object({ found: int(), closed: int(), listed: int(), byStatus: z.record(z.string(), int()) }),
  byVillage: z.array(z.object({ villageId: z.string(), villageName: z.string(), found: int(), closed: int(), overdue: int() })),
  bySector: z.array(z.object({ sectorId: z.string(), sectorName: z.string(), found: int(), closed: int(), overdue: int() })),
  overdueList: z.array(HazardListItem),
});

export const hazardRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/hazards', summary: '隐患台账（按数据范围）', tag: 'hazards', query: HazardListQuery, response: HazardListResponse }),
  create: defineRoute({ method: 'POST', path: '/api/hazards', summary: '报告隐患', tag: 'hazards', body: HazardCreate, response: HazardDetail }),
  get: defineRoute({ method: 'GET', path: '/api/hazards/:id', summary: '隐患详情（含时间线）', tag: 'hazards', params: IdParams, response: HazardDetail }),
  act: defineRoute({ method: 'POST', path: '/api/hazards/:id/actions', summary: '隐患闭环操作（整改方案、验收、移送、延期、挂牌督办、双报告…）', tag: 'hazards', params: IdParams, body: HazardActionRequest, response: HazardDetail }),
  exportXlsx: defineRoute({ method: 'GET', path: '/api/hazards/export', summary: '导出隐患台账（xlsx）', tag: 'hazards', query: HazardFilter, responseType: 'xlsx' }),
  criteria: defineRoute({ method: 'GET', path: '/api/hazard-criteria', summary: '重大隐患判定依据（建议列表）', tag: 'hazards', query: z.object({ sectorId: Uuid.optional(), includeInactive: QueryBool.optional() }), response: HazardCriteriaResponse }),
  createCriterion: defineRoute({ method: 'POST', path: '/api/hazard-criteria', summary: '新增判定依据', tag: 'hazards', body: HazardCriterionCreate, response: HazardCriterion }),
  updateCriterion: defineRoute({ method: 'PATCH', path: '/api/hazard-criteria/:id', summary: '修改或停用判定依据', tag: 'hazards', params: IdParams, body: HazardCriterionUpdate, response: HazardCriterion }),
  importTemplate: defineRoute({ method: 'GET', path: '/api/hazards/import/template', summary: '下载隐患台账导入模板（xlsx）', tag: 'hazards', responseType: 'xlsx' }),
  importPreview: defineRoute({ method: 'POST', path: '/api/hazards/import/preview', summary: '上传历史隐患台账并预检', tag: 'hazards', multipart: true, response: ImportPreview }),
  importErrors: defineRoute({ method: 'GET', path: '/api/hazards/import/:batchId/errors', summary: '预检发现的问题（分页）', tag: 'hazards', params: BatchParams, query: PageQuery, response: ImportErrorsResponse }),
  importCommit: defineRoute({ method: 'POST', path: '/api/hazards/import/:batchId/commit', summary: '提交导入（仅写入无误的行）', tag: 'hazards', params: BatchParams, response: ImportCommitResult }),
  importRejects: defineRoute({ method: 'GET', path: '/api/hazards/import/:batchId/rejects', summary: '下载未导入的行（含错误原因，改正后可直接重新导入）', tag: 'hazards', params: BatchParams, responseType: 'xlsx' }),
  dashboard: defineRoute({ method: 'GET', path: '/api/dashboard/hazards', summary: '隐患整治看板', tag: 'dashboard', query: DashboardQuery, response: HazardDashboard }),
};
