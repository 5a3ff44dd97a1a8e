// 年度监督检查计划: a department's (or township office's) plan of which enterprises to inspect in
// which month. Progress is derived from completed inspections, never stored.
import { z, int, coerceInt } from './zod.ts';
import { PLAN_ACTIONS } from '../domain/inspections/inspection-plan.ts';
import { defineRoute } from './route.ts';
import { IdParams, PageQuery, QueryBool, Uuid, pageOf } from './common.ts';

export const PLAN_INSPECTION_TYPES = ['enforcement', 'assistance', 'supervision', 'spot_check'] as const;
const Optional = (max: number) => z.string().trim().max(max).nullish().transform((v) => (v ? v : null));
const Year = coerceInt({ type: '请填写年度' }).min(2000, '年度不正确').max(2100, '年度不正确');
const Month = int({ type: '请选择月份' }).min(1, '月份应为1至12').max(12, '月份应为1至12');

// ---- plans
export const PlanFilter = z.object({ year: Year.optional(), unitId: Uuid.optional() });
export const PlanListQuery = PlanFilter.extend(PageQuery.shape);

export const PlanCreate = z.object({
  unitId: Uuid,
  year: Year,
  name: z.string().trim().min(1, '请填写计划名称').max(200),
  note: Optional(2000),
});
export type TPlanCreate = z.output<typeof PlanCreate>;
export const PlanUpdate = z.object({
  name: z.string().trim().min(1, '请填写计划名称').max(200).optional(),
  note: Optional(2000).optional(),
  version: int(),
});
export type TPlanUpdate = z.output<typeof PlanUpdate>;

export const PlanListItem = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  year: int(),
  name: z.string(),
  note: z.string().nullable(),
  planned: int(),
  covered: int(),
  keyPlanned: int(),
  version: int(),
  createdAt: z.string(),
});
export type TPlanListItem = z.output<typeof PlanListItem>;
export const PlanListResponse = pageOf(PlanListItem).extend({
  /** Units the caller may create a plan for (empty: may not create). */
  unitOptions: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const MonthProgress = z.object({
  month: int(),
  planned: int(),
  covered: int(),
  keyPlanned: int(),
  keyCovered: int(),
  /** The month has passed and these are not covered. */
  overdue: int(),
});
export const PlanDetail = PlanListItem.extend({
  months: z.array(MonthProgress),
  /** covered / planned, null with nothing planned. */
  rate: z.number().nullable(),
  overdue: int(),
  today: z.string(),
  /** edit the plan, inspect against it (its own unit's; domain/inspection-plan). */
  allowedActions: z.array(z.enum(PLAN_ACTIONS)),
});
export type TPlanDetail = z.output<typeof PlanDetail>;

// ---- entries
export const EntryFilter = z.object({
  month: coerceInt().min(1).max(12).optional(),
  isKey: QueryBool.optional(),
  covered: QueryBool.optional(),
  overdue: QueryBool.optional(),
  q: z.string().trim().max(64).optional(),
});
export const EntryListQuery = EntryFilter.extend(PageQuery.shape);

export const PlanEntry = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  villageName: z.string(),
  month: int(),
  isKey: z.boolean(),
  inspectionType: z.enum(PLAN_INSPECTION_TYPES).nullable(),
  note: z.string().nullable(),
  covered: z.boolean(),
  /** The completed inspections that cover it (newest first). */
  coveredBy: z.array(z.object({ id: z.string(), number: z.string(), inspectedOn: z.string() })),
  overdue: z.boolean(),
});
export type TPlanEntry = z.output<typeof PlanEntry>;
export const EntryListResponse = pageOf(PlanEntry);

export const EntryCreate = z.object({
  enterpriseId: Uuid,
  month: Month,
  /** Default: the enterprise's 重点监管 flag. */
  isKey: z.boolean().nullish().transform((v) => v ?? null),
  inspectionType: z.enum(PLAN_INSPECTION_TYPES).nullish().transform((v) => v ?? null),
  note: Optional(500),
});
export type TEntryCreate = z.output<typeof EntryCreate>;
export const EntryBulkCreate = EntryCreate.omit({ enterpriseId: true }).extend({
  enterpriseIds: z.array(Uuid).min(1, '请选择单位').max(200, '一次最多200家'),
});
export type TEntryBulkCreate = z.output<typeof EntryBulkCreate>;
export const EntryBulkResult = z.object({ added: int(), skipped: int() });
export const EntryParams = z.object({ id: Uuid, entryId: Uuid });

// ---- 重点企业未覆盖
export const KeyUncovered = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  villageName: z.string(),
  months: z.array(int()),
  /** A planned month has passed without an inspection. */
  overdue: z.boolean(),
});
export const KeyUncoveredResponse = pageOf(KeyUncovered);

export const planRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/plans', summary: '年度监督检查计划', tag: 'plans', query: PlanListQuery, response: PlanListResponse }),
  create: defineRoute({ method: 'POST', path: '/api/plans', summary: '新建年度计划', tag: 'plans', body: PlanCreate, response: PlanDetail }),
  get: defineRoute({ method: 'GET', path: '/api/plans/:id', summary: '计划详情与进度', tag: 'plans', params: IdParams, response: PlanDetail }),
  update: defineRoute({ method: 'PATCH', path: '/api/plans/:id', summary: '修改计划名称、说明', tag: 'plans', params: IdParams, body: PlanUpdate, response: PlanDetail }),
  entries: defineRoute({ method: 'GET', path: '/api/plans/:id/entries', summary: '计划条目（按月）', tag: 'plans', params: IdParams, query: EntryListQuery, response: EntryListResponse }),
  addEntry: defineRoute({ method: 'POST', path: '/api/plans/:id/entries', summary: '添加计划条目', tag: 'plans', params: IdParams, body: EntryCreate, response: PlanEntry }),
  bulkAdd: defineRoute({ method: 'POST', path: '/api/plans/:id/entries/bulk', summary: '批量添加（多家单位同一月份）', tag: 'plans', params: IdParams, body: EntryBulkCreate, response: EntryBulkResult }),
  removeEntry: defineRoute({ method: 'DELETE', path: '/api/plans/:id/entries/:entryId', summary: '移除计划条目', tag: 'plans', params: EntryParams, response: z.object({ ok: z.literal(true) }) }),
  keyUncovered: defineRoute({ method: 'GET', path: '/api/plans/:id/key-uncovered', summary: '重点企业未覆盖', tag: 'plans', params: IdParams, query: PageQuery, response: KeyUncoveredResponse }),
  exportXlsx: defineRoute({ method: 'GET', path: '/api/plans/:id/export', summary: '导出计划（xlsx）', tag: 'plans', params: IdParams, responseType: 'xlsx' }),
};
