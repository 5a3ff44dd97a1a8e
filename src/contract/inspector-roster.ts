// 专兼职技术检查员名册: a roster per district and township (seed 002 三.4 "大力配备专兼职技术检查员"),
// each entry a person working for a unit of the region from one day (to another), counted on any
// date. The district's office keeps the district's own roster and reads every township's; a
// township's office keeps its own.
import { z, int } from './zod.ts';
import { INSPECTOR_EMPLOYMENTS, INSPECTOR_EMPLOYMENT_LABELS } from '../domain/supervision/leadership.ts';
import { defineRoute } from './route.ts';
import { DateStr, IdParams, OptionalText, PageQuery, QueryBool, Uuid, VoidRequest, pageOf } from './common.ts';

export { INSPECTOR_EMPLOYMENTS, INSPECTOR_EMPLOYMENT_LABELS };
export type { InspectorEmployment } from '../domain/supervision/leadership.ts';

export const INSPECTOR_ACTIONS = ['edit', 'end', 'void'] as const;
export type InspectorAction = (typeof INSPECTOR_ACTIONS)[number];

const TO_BEFORE_FROM = '离任日期不能早于起始日期';

const Fields = {
  name: z.string().trim().min(1, '请填写姓名').max(32, '姓名不能超过32个字'),
  employment: z.enum(INSPECTOR_EMPLOYMENTS, { error: '请选择专职或兼职' }),
  unitId: z.uuid({ error: (iss) => (iss.input ? '无效的编号' : '请选择所在单位') }),
  fromDate: DateStr,
  toDate: DateStr.nullish().transform((v) => v ?? null),
  certificates: OptionalText(200),
  note: OptionalText(500),
};

function checkDates(v: { fromDate: string; toDate: string | null }, ctx: z.RefinementCtx) {
  if (v.toDate && v.toDate < v.fromDate) ctx.addIssue({ code: 'custom', path: ['toDate'], message: TO_BEFORE_FROM });
}

export const InspectorCreate = z.object(Fields).superRefine(checkDates);
export type TInspectorCreate = z.output<typeof InspectorCreate>;
export const InspectorUpdate = z.object({ ...Fields, version: int() }).superRefine(checkDates);
export type TInspectorUpdate = z.output<typeof InspectorUpdate>;
/** 离任: the last day the inspector serves. */
export const InspectorEnd = z.object({ toDate: DateStr, version: int() });
export type TInspectorEnd = z.output<typeof InspectorEnd>;
export const InspectorVoid = VoidRequest;

export const InspectorItem = z.object({
  id: z.string(),
  name: z.string(),
  employment: z.enum(INSPECTOR_EMPLOYMENTS),
  unitId: z.string(),
  unitName: z.string(),
  /** Null: the district's own roster. */
  townshipId: z.string().nullable(),
  /** The roster it is on: the district's name or the township's. */
  rosterName: z.string(),
  fromDate: z.string(),
  toDate: z.string().nullable(),
  certificates: z.string().nullable(),
  note: z.string().nullable(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  version: int(),
});
export type TInspectorItem = z.infer<typeof InspectorItem>;
export const InspectorDetail = InspectorItem.extend({
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the caller may do to it now: the roster's keeper, while it is not voided. */
  allowedActions: z.array(z.enum(INSPECTOR_ACTIONS)),
});
export type TInspectorDetail = z.infer<typeof InspectorDetail>;

export const InspectorFilter = z.object({
  q: z.string().trim().max(64).optional(),
  employment: z.enum(INSPECTOR_EMPLOYMENTS).optional(),
  unitId: Uuid.optional(),
  /** Whose roster: 'district' (the district's own) or a township's id (a district's view). */
  roster: z.union([z.literal('district'), Uuid]).optional(),
  /** Serving on this day. */
  activeOn: DateStr.optional(),
  /** Voided entries instead of the live ones. */
  voided: QueryBool.optional(),
});
export type TInspectorFilter = z.output<typeof InspectorFilter>;
export const InspectorListQuery = InspectorFilter.extend(PageQuery.shape);
export const InspectorListResponse = pageOf(InspectorItem).extend({
  /** Per employment under every other filter (the tabs). */
  counts: z.object({ fullTime: int(), partTime: int() }),
});
export type TInspectorListResponse = z.infer<typeof InspectorListResponse>;

export const InspectorCountQuery = z.object({ on: DateStr });
const LevelCount = z.object({
  /** Null: the district's own roster. */
  townshipId: z.string().nullable(),
  name: z.string(),
  fullTime: int(),
  partTime: int(),
  total: int(),
});
export const InspectorCountResponse = z.object({
  on: z.string(),
  /** The district's own first (for a district's view), then each township in order. */
  levels: z.array(LevelCount),
  total: int(),
});
export type TInspectorCountResponse = z.infer<typeof InspectorCountResponse>;

export const inspectorRosterRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/inspector-roster', summary: '技术检查员名册', tag: 'inspector-roster', query: InspectorListQuery, response: InspectorListResponse }),
  count: defineRoute({ method: 'GET', path: '/api/inspector-roster/count', summary: '某日在岗技术检查员人数（按区、乡镇）', tag: 'inspector-roster', query: InspectorCountQuery, response: InspectorCountResponse }),
  create: defineRoute({ method: 'POST', path: '/api/inspector-roster', summary: '登记技术检查员', tag: 'inspector-roster', body: InspectorCreate, response: InspectorDetail }),
  get: defineRoute({ method: 'GET', path: '/api/inspector-roster/:id', summary: '技术检查员详情', tag: 'inspector-roster', params: IdParams, response: InspectorDetail }),
  update: defineRoute({ method: 'PUT', path: '/api/inspector-roster/:id', summary: '修改技术检查员', tag: 'inspector-roster', params: IdParams, body: InspectorUpdate, response: InspectorDetail }),
  end: defineRoute({ method: 'POST', path: '/api/inspector-roster/:id/end', summary: '技术检查员离任', tag: 'inspector-roster', params: IdParams, body: InspectorEnd, response: InspectorDetail }),
  void: defineRoute({ method: 'POST', path: '/api/inspector-roster/:id/void', summary: '作废技术检查员记录', tag: 'inspector-roster', params: IdParams, body: InspectorVoid, response: InspectorDetail }),
};
