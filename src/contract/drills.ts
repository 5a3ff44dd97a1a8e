// 应急演练 / 安全培训 (decision 019): an enterprise's records, an org unit's 执法人员培训, the
// district's required times a year, and who is behind.
import { z, coerceInt, int } from './zod.ts';
import { defineRoute } from './route.ts';
import { DateStr, IdParams, PageQuery, QueryBool, Uuid, VoidRequest, pageOf } from './common.ts';
import { StoredFile } from './files.ts';
import { ACTIVITY_CATEGORIES, ACTIVITY_KINDS, TIMES_PER_YEAR } from '../domain/drills/drill-requirement.ts';

export const DRILL_ACTIONS = ['verify', 'void'] as const;
export type DrillAction = (typeof DRILL_ACTIONS)[number];
const FileIds = z.array(Uuid).max(9, '最多9个文件').default([]);

export const DrillCreate = z.object({
  /** An enterprise's drill or training… */
  enterpriseId: Uuid.nullish().transform((v) => v ?? null),
  /** …or an org unit's 执法人员培训. */
  unitId: Uuid.nullish().transform((v) => v ?? null),
  kind: z.enum(ACTIVITY_KINDS, { error: '请选择类型' }),
  heldOn: DateStr,
  participants: int().min(1, '参加人数至少为1').max(100000),
  content: z.string().trim().min(1, '请填写内容').max(2000),
  photoIds: FileIds,
  signInFileIds: FileIds,
}).superRefine((v, ctx) => {
  const staff = v.kind === 'enforcement_staff_training';
  if (staff && !v.unitId) ctx.addIssue({ code: 'custom', path: ['unitId'], message: '执法人员培训请选择受训单位' });
  if (!staff && !v.enterpriseId) ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: '请选择生产经营单位' });
  if (staff && v.enterpriseId) ctx.addIssue({ code: 'custom', path: ['kind'], message: '执法人员培训按单位登记，不属于企业' });
});
export type TDrillCreate = z.output<typeof DrillCreate>;

export const DrillItem = z.object({
  id: z.string(),
  category: z.enum(ACTIVITY_CATEGORIES),
  kind: z.enum(ACTIVITY_KINDS),
  enterprise: z.object({ id: z.string(), name: z.string() }).nullable(),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  heldOn: z.string(),
  participants: int(),
  content: z.string(),
  verified: z.boolean(),
  verifiedAt: z.string().nullable(),
  verifiedByName: z.string().nullable(),
  voided: z.boolean(),
  version: int(),
});
export type TDrillItem = z.infer<typeof DrillItem>;
export const DrillDetail = DrillItem.extend({
  createdByName: z.string(),
  createdByUnitName: z.string(),
  createdAt: z.string(),
  voidReason: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidedByName: z.string().nullable(),
  photos: z.array(StoredFile),
  signInSheets: z.array(StoredFile),
  allowedActions: z.array(z.enum(DRILL_ACTIONS)),
});
export type TDrillDetail = z.infer<typeof DrillDetail>;

/** 核实: the version the page was showing. */
export const DrillVerifyRequest = z.object({ version: int() });

export const DrillFilter = z.object({
  /** The enterprise's (or the trained unit's) name, or words of the content. */
  q: z.string().trim().max(64).optional(),
  enterpriseId: Uuid.optional(),
  unitId: Uuid.optional(),
  category: z.enum(ACTIVITY_CATEGORIES).optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  /** Only the authorities' staff training (true) or only enterprises' records (false). */
  staff: QueryBool.optional(),
  verified: QueryBool.optional(),
  from: DateStr.optional(),
  to: DateStr.optional(),
  /** Voided records too (left out by default). */
  includeVoided: QueryBool.optional(),
});
export type TDrillFilter = z.output<typeof DrillFilter>;
export const DrillListQuery = DrillFilter.extend(PageQuery.shape);
export const DrillListResponse = pageOf(DrillItem).extend({
  /** Per category, under every filter but the category's. */
  counts: z.record(z.enum(ACTIVITY_CATEGORIES), int()),
});
export type TDrillListResponse = z.infer<typeof DrillListResponse>;

const Times = z.union(TIMES_PER_YEAR.map((n) => z.literal(n)) as unknown as [z.ZodLiteral<0>, z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<4>], { error: '每年次数只能是0、1、2或4' });
export const DrillRequirement = z.object({
  drill: z.object({ normal: Times, highRisk: Times }),
  training: z.object({ normal: Times, highRisk: Times }),
});
export const DrillRequirementResponse = DrillRequirement.extend({
  isDefault: z.boolean(),
  version: int(),
  /** update: the caller may change it (the district's office or admin). */
  allowedActions: z.array(z.enum(['update'])),
});
export type TDrillRequirementResponse = z.infer<typeof DrillRequirementResponse>;
export const DrillRequirementUpdate = DrillRequirement.extend({ version: int() });

export const COMPLIANCE_FILTER_STATUSES = ['behind', 'missed', 'pending', 'met'] as const;
export const ComplianceQuery = z.object({
  year: coerceInt().min(2000).max(2100).optional(),
  category: z.enum(ACTIVITY_CATEGORIES).optional(),
  /**
   * Each enterprise's worst state over the categories asked for: missed (a window ended unmet),
   * else pending (the open window unmet), else met. behind: missed or pending.
   */
  status: z.enum(COMPLIANCE_FILTER_STATUSES).optional(),
  villageId: Uuid.optional(),
  sectorId: Uuid.optional(),
  enterpriseId: Uuid.optional(),
  q: z.string().trim().max(64).optional(),
}).extend(PageQuery.shape);
export type TComplianceQuery = z.output<typeof ComplianceQuery>;

const CategoryState = z.object({
  timesPerYear: int(),
  /** Windows of the year owed so far, and met among them. */
  owed: int(),
  met: int(),
  status: z.enum(['met', 'pending', 'missed', 'not_required']),
  dueOn: z.string().nullable(),
  lastHeldOn: z.string().nullable(),
});
export const ComplianceItem = z.object({
  enterprise: z.object({ id: z.string(), name: z.string(), villageName: z.string(), isHighRisk: z.boolean() }),
  drill: CategoryState,
  training: CategoryState,
});
export type TComplianceItem = z.infer<typeof ComplianceItem>;
export const ComplianceResponse = pageOf(ComplianceItem).extend({
  year: int(),
  today: z.string(),
  /** Enterprises per worst state under every filter but the status's (met includes nothing required). */
  counts: z.object({ missed: int(), pending: int(), met: int() }),
});
export type TComplianceResponse = z.infer<typeof ComplianceResponse>;

export const drillRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/drills', summary: '演练/培训记录', tag: 'drills', query: DrillListQuery, response: DrillListResponse }),
  create: defineRoute({ method: 'POST', path: '/api/drills', summary: '登记演练/培训', tag: 'drills', body: DrillCreate, response: DrillDetail }),
  compliance: defineRoute({ method: 'GET', path: '/api/drills/compliance', summary: '演练/培训完成情况', tag: 'drills', query: ComplianceQuery, response: ComplianceResponse }),
  getRequirement: defineRoute({ method: 'GET', path: '/api/drills/requirement', summary: '演练/培训频次要求', tag: 'drills', response: DrillRequirementResponse }),
  putRequirement: defineRoute({ method: 'PUT', path: '/api/drills/requirement', summary: '修改演练/培训频次要求', tag: 'drills', body: DrillRequirementUpdate, response: DrillRequirementResponse }),
  get: defineRoute({ method: 'GET', path: '/api/drills/:id', summary: '演练/培训详情', tag: 'drills', params: IdParams, response: DrillDetail }),
  verify: defineRoute({ method: 'POST', path: '/api/drills/:id/verify', summary: '核实演练/培训', tag: 'drills', params: IdParams, body: DrillVerifyRequest, response: DrillDetail }),
  void: defineRoute({ method: 'POST', path: '/api/drills/:id/void', summary: '作废演练/培训记录', tag: 'drills', params: IdParams, body: VoidRequest, response: DrillDetail }),
};
