// Accountability (问责): 追责问责 of officials and 约谈通报 of departments and units. Never
// against enterprises: there is no enterprise target type, and a unit given by id must be an
// org unit of the caller's region.
import { z, int } from './zod.ts';
import { ACCOUNTABILITY_ACTIONS } from '../domain/inspections/inspection-policy.ts';
import { defineRoute } from './route.ts';
import { DateStr, IdParams, PageQuery, Uuid, pageOf } from './common.ts';

const Text = (label: string, max = 2000) => z.string().trim().min(1, `请填写${label}`).max(max);
const OptText = (max: number) => z.string().trim().max(max).nullish().transform((v) => v || null);

export const ACCOUNTABILITY_KINDS = ['accountability', 'interview_notice'] as const;
export type AccountabilityKind = (typeof ACCOUNTABILITY_KINDS)[number];
export const ACCOUNTABILITY_KIND_LABELS: Record<AccountabilityKind, string> = { accountability: '追责问责', interview_notice: '约谈通报' };
export const ACCOUNTABILITY_TARGET_TYPES = ['person', 'unit'] as const;
export type AccountabilityTargetType = (typeof ACCOUNTABILITY_TARGET_TYPES)[number];
export const ACCOUNTABILITY_TARGET_TYPE_LABELS: Record<AccountabilityTargetType, string> = { person: '个人', unit: '单位' };
/** Suggestions for the measure; the field is free text. */
export const ACCOUNTABILITY_MEASURE_SUGGESTIONS = [
  '诫勉谈话', '通报批评', '责令检查', '书面检查', '警告', '记过', '记大过', '降级', '撤职', '约谈', '提醒谈话', '通报',
] as const;

const Fields = {
  kind: z.enum(ACCOUNTABILITY_KINDS, { error: '请选择问责类型' }),
  targetType: z.enum(ACCOUNTABILITY_TARGET_TYPES, { error: '问责对象只能是个人或单位（不对生产经营单位问责）' }),
  /** The person's name, or the unit's name when it is not one of the org units. */
  targetName: OptText(64),
  /** The person's unit, or the unit itself, when it is an org unit of the region. */
  targetUnitId: Uuid.nullish().transform((v) => v ?? null),
  position: OptText(64),
  measure: Text('问责措施', 64),
  reason: Text('问责事由'),
  hazardId: Uuid.nullish().transform((v) => v ?? null),
  accident: OptText(2000),
  decidedOn: DateStr,
  decidedBy: Text('决定机关', 64),
  documentNo: OptText(64),
};

type Target = { targetType: AccountabilityTargetType; targetName: string | null; targetUnitId: string | null };
function checkTarget(v: Target, ctx: z.RefinementCtx) {
  if (v.targetType === 'person' && !v.targetName) ctx.addIssue({ code: 'custom', path: ['targetName'], message: '请填写被问责人姓名' });
  if (v.targetType === 'unit' && !v.targetUnitId && !v.targetName) ctx.addIssue({ code: 'custom', path: ['targetUnitId'], message: '请选择或填写被约谈通报的单位' });
}

export const AccountabilityCreate = z.object(Fields).superRefine(checkTarget);
export type TAccountabilityCreate = z.output<typeof AccountabilityCreate>;
export const AccountabilityUpdate = z.object({ ...Fields, version: int() }).superRefine(checkTarget);
export type TAccountabilityUpdate = z.output<typeof AccountabilityUpdate>;

export const AccountabilityItem = z.object({
  id: z.string(),
  kind: z.enum(ACCOUNTABILITY_KINDS),
  targetType: z.enum(ACCOUNTABILITY_TARGET_TYPES),
  /** The person's name or the unit's name. */
  targetName: z.string(),
  targetUnitId: z.string().nullable(),
  /** The org unit's name: the person's unit, or the unit itself. */
  targetUnitName: z.string().nullable(),
  position: z.string().nullable(),
  measure: z.string(),
  reason: z.string(),
  hazard: z.object({ id: z.string(), number: z.string() }).nullable(),
  accident: z.string().nullable(),
  decidedOn: z.string(),
  decidedBy: z.string(),
  documentNo: z.string().nullable(),
  version: int(),
});
export type TAccountabilityItem = z.infer<typeof AccountabilityItem>;
export const AccountabilityDetail = AccountabilityItem.extend({
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the caller may do to it now (domain/inspection-policy). */
  allowedActions: z.array(z.enum(ACCOUNTABILITY_ACTIONS)),
});
export type TAccountabilityDetail = z.infer<typeof AccountabilityDetail>;

export const AccountabilityFilter = z.object({
  q: z.string().trim().max(64).optional(),
  kind: z.enum(ACCOUNTABILITY_KINDS).optional(),
  targetType: z.enum(ACCOUNTABILITY_TARGET_TYPES).optional(),
  from: DateStr.optional(), // decided on or after
  to: DateStr.optional(),
});
export type TAccountabilityFilter = z.output<typeof AccountabilityFilter>;
export const AccountabilityListQuery = AccountabilityFilter.extend(PageQuery.shape);
export const AccountabilityListResponse = pageOf(AccountabilityItem).extend({
  /** The form figures: persons held accountable (追责问责) and units or persons summoned (约谈通报). */
  counts: z.object({ accountability: int(), interviewNotice: int() }),
});
export type TAccountabilityListResponse = z.infer<typeof AccountabilityListResponse>;

export const accountabilityRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/accountability', summary: '问责记录', tag: 'accountability', query: AccountabilityListQuery, response: AccountabilityListResponse }),
  create: defineRoute({ method: 'POST', path: '/api/accountability', summary: '登记问责', tag: 'accountability', body: AccountabilityCreate, response: AccountabilityDetail }),
  exportXlsx: defineRoute({ method: 'GET', path: '/api/accountability/export', summary: '导出问责记录（xlsx）', tag: 'accountability', query: AccountabilityFilter, responseType: 'xlsx' }),
  get: defineRoute({ method: 'GET', path: '/api/accountability/:id', summary: '问责记录详情', tag: 'accountability', params: IdParams, response: AccountabilityDetail }),
  update: defineRoute({ method: 'PUT', path: '/api/accountability/:id', summary: '修改问责记录', tag: 'accountability', params: IdParams, body: AccountabilityUpdate, response: AccountabilityDetail }),
};
