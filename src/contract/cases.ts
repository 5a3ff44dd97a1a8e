// Enforcement cases (执法案件): open from an inspection, a hazard or for an enterprise; one
// actions endpoint for 调查 → 决定 → 执行 → 结案, publication as 典型执法案例 and documents.
// Money goes over the wire in yuan (2 decimals) and is stored in fen.
import { z, int } from './zod.ts';
import { CASE_STATUSES, MEASURE_KINDS, type MeasureKind } from '../domain/enforcement/enforcement.ts';
import { CASE_ALLOWED_ACTIONS } from '../domain/enforcement/case-policy.ts';
import { defineRoute } from './route.ts';
import { DateStr, IdParams, PageQuery, QueryBool, Uuid, pageOf } from './common.ts';
import { StoredFile } from './files.ts';

const Text = (label: string, max = 2000) => z.string().trim().min(1, `请填写${label}`).max(max);
const OptText = (max: number) => z.string().trim().max(max).nullish().transform((v) => v || null);
const V = { version: int() };

const hasAtMostTwoDecimals = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6;
/** A fine in yuan: 0 or more, at most 2 decimals (分). */
const Yuan = z
  .number({ error: '请填写罚款金额（元）' })
  .min(0, '罚款金额不能为负')
  .max(1e10, '罚款金额过大')
  .refine(hasAtMostTwoDecimals, '罚款金额最多精确到分（两位小数）');

// ---- measures (one body per kind; the kind decides the fields)
/** The kinds with no figures of their own. */
const PLAIN_MEASURE_KINDS = [
  'suspension', 'work_stop', 'closure_request', 'industry_ban', 'summons', 'exposure', 'joint_sanction', 'circular',
] as const satisfies readonly Exclude<MeasureKind, 'penalty' | 'judicial_referral'>[];
const MeasureNote = { note: OptText(500) };
export const MeasureInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('penalty'), fineOnEnterpriseYuan: Yuan.default(0), fineOnPrincipalYuan: Yuan.default(0), ...MeasureNote }),
  z.object({
    kind: z.literal('judicial_referral'),
    personCount: int({ type: '请填写移送人数', int: '移送人数应为整数' }).min(1, '移送人数至少1人').max(1000),
    ...MeasureNote,
  }),
  z.object({ kind: z.enum(PLAIN_MEASURE_KINDS), ...MeasureNote }),
], { error: '请选择处理措施类型' });
export type TMeasureInput = z.output<typeof MeasureInput>;

// ---- create
export const CaseCreate = z
  .object({
    /** Exactly one of: an inspection, a hazard, or an enterprise directly. */
    inspectionId: Uuid.nullish(),
    hazardId: Uuid.nullish(),
    enterpriseId: Uuid.nullish(),
    title: Text('案由', 200),
    facts: OptText(4000),
    filedOn: DateStr,
  })
  .superRefine((v, ctx) => {
    if (!v.inspectionId && !v.hazardId && !v.enterpriseId) {
      ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: '请选择生产经营单位，或从检查记录、隐患立案' });
    }
  });
export type TCaseCreate = z.output<typeof CaseCreate>;

// ---- actions
export const CaseActionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('investigate'), ...V, note: OptText(1000) }),
  z.object({
    action: z.literal('decide'), ...V,
    measures: z.array(MeasureInput).max(20, '处理措施最多20项').default([]),
    documentNo: OptText(64),
    decidedOn: DateStr,
    noPenaltyReason: OptText(1000),
  }),
  z.object({ action: z.literal('execute'), ...V, executedOn: DateStr, note: OptText(1000) }),
  z.object({ action: z.literal('close'), ...V, note: z.string().trim().max(1000).default(''), closedOn: DateStr.nullish() }),
  z.object({ action: z.literal('publish'), ...V, publicationSummary: Text('案例摘要', 4000), dangerousOperationCrime: z.boolean().default(false) }),
  z.object({ action: z.literal('unpublish'), ...V }),
  z.object({ action: z.literal('attach'), ...V, fileIds: z.array(Uuid).min(1, '请选择文件').max(20, '最多20个文件') }),
]);
export type TCaseActionRequest = z.output<typeof CaseActionRequest>;

// ---- read models
export const CaseListItem = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  status: z.enum(CASE_STATUSES),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  filedOn: z.string(),
  decidedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  documentNo: z.string().nullable(),
  fineOnEnterpriseYuan: z.number(),
  fineOnPrincipalYuan: z.number(),
  totalFineYuan: z.number(),
  /** 一案双罚, derived from the fines. */
  dualPenalty: z.boolean(),
  measureKinds: z.array(z.enum(MEASURE_KINDS)),
  judicialReferralPersons: int(),
  published: z.boolean(),
  dangerousOperationCrime: z.boolean(),
  version: int(),
});
export type TCaseListItem = z.infer<typeof CaseListItem>;

export const CaseMeasure = z.object({
  id: z.string(),
  kind: z.enum(MEASURE_KINDS),
  fineOnEnterpriseYuan: z.number().nullable(),
  fineOnPrincipalYuan: z.number().nullable(),
  personCount: int().nullable(),
  note: z.string().nullable(),
  decidedOn: z.string(),
  executedOn: z.string().nullable(),
});
export const CaseEvent = z.object({
  id: z.string(), at: z.string(), actorName: z.string().nullable(), action: z.string(),
  fromStatus: z.string().nullable(), toStatus: z.string().nullable(), note: z.string().nullable(), data: z.unknown().nullable(),
});
export const CaseDetail = CaseListItem.extend({
  facts: z.string().nullable(),
  noPenaltyReason: z.string().nullable(),
  closeNote: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publicationSummary: z.string().nullable(),
  /** 依法不予处罚 (seed 002 三.(二)3): a self-reported major hazard being eliminated, no penalty imposed. */
  noPenaltyByLaw: z.boolean(),
  inspection: z.object({ id: z.string(), number: z.string() }).nullable(),
  hazard: z.object({ id: z.string(), number: z.string() }).nullable(),
  measures: z.array(CaseMeasure),
  events: z.array(CaseEvent), // oldest first
  documents: z.array(StoredFile),
  createdByName: z.string(),
  allowedActions: z.array(z.enum(CASE_ALLOWED_ACTIONS)),
});
export type TCaseDetail = z.infer<typeof CaseDetail>;

export const CaseFilter = z.object({
  q: z.string().trim().max(64).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  measureKind: z.enum(MEASURE_KINDS).optional(),
  dualPenalty: QueryBool.optional(),
  published: QueryBool.optional(),
  dangerousOperationCrime: QueryBool.optional(),
  unitId: Uuid.optional(),
  villageId: Uuid.optional(),
  enterpriseId: Uuid.optional(),
  hazardId: Uuid.optional(),
  inspectionId: Uuid.optional(),
  from: DateStr.optional(), // filed on or after
  to: DateStr.optional(), // filed on or before
});
export type TCaseFilter = z.output<typeof CaseFilter>;
export const CaseListQuery = CaseFilter.extend(PageQuery.shape);

/** The figures the report forms ask for, over the filtered cases (status filter included). */
export const CaseSummary = z.object({
  cases: int(),
  penalized: int(),
  finesYuan: z.number(),
  dualPenalty: int(),
  suspensions: int(),
  workStops: int(),
  judicialReferrals: int(),
  judicialReferralPersons: int(),
  closureRequests: int(),
  published: int(),
  dangerousOperationCrime: int(),
});
export type TCaseSummary = z.infer<typeof CaseSummary>;

export const CaseListResponse = pageOf(CaseListItem).extend({
  statusCounts: z.record(z.enum(CASE_STATUSES), int()),
  summary: CaseSummary,
});
export type TCaseListResponse = z.infer<typeof CaseListResponse>;

/** What the create form pre-fills from ?inspectionId= / ?hazardId= / ?enterpriseId=. */
export const CaseSourceQuery = z.object({ inspectionId: Uuid.optional(), hazardId: Uuid.optional(), enterpriseId: Uuid.optional() });
export const CaseSource = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  inspection: z.object({ id: z.string(), number: z.string(), inspectedOn: z.string() }).nullable(),
  hazard: z.object({ id: z.string(), number: z.string(), description: z.string() }).nullable(),
  /** A suggested 案由. */
  title: z.string(),
});

export const caseRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/cases', summary: '执法案件（按数据范围）', tag: 'cases', query: CaseListQuery, response: CaseListResponse }),
  create: defineRoute({ method: 'POST', path: '/api/cases', summary: '立案', tag: 'cases', body: CaseCreate, response: CaseDetail }),
  source: defineRoute({ method: 'GET', path: '/api/cases/source', summary: '立案来源（检查记录、隐患或单位）', tag: 'cases', query: CaseSourceQuery, response: CaseSource }),
  exportXlsx: defineRoute({ method: 'GET', path: '/api/cases/export', summary: '导出执法案件（xlsx）', tag: 'cases', query: CaseFilter, responseType: 'xlsx' }),
  get: defineRoute({ method: 'GET', path: '/api/cases/:id', summary: '执法案件详情（含处理措施、时间线、文书）', tag: 'cases', params: IdParams, response: CaseDetail }),
  act: defineRoute({ method: 'POST', path: '/api/cases/:id/actions', summary: '案件操作（调查、决定、执行、结案、公布典型案例、上传文书）', tag: 'cases', params: IdParams, body: CaseActionRequest, response: CaseDetail }),
};
