// 专项行动: the campaign, its stages and its task list (工作清单和责任清单). The progress side
// (occurrences, reports, 签收, 催办, the matrix) is in campaign-progress.ts.
import { z, int } from './zod.ts';
import { defineRoute } from './route.ts';
import { DateStr, IdParams, OkResponse, OptionalText, PageQuery, QueryBool, Uuid, VoidRequest, pageOf } from './common.ts';
import { CAMPAIGN_STATES } from '../domain/campaigns/campaign.ts';

import { CAMPAIGN_ACTIONS } from '../domain/campaigns/campaign-policy.ts';

export { CAMPAIGN_ACTIONS };
const Name = z.string().trim().min(1, '请填写专项行动名称').max(200, '名称不超过200字');

export const StageInput = z.object({
  name: z.string().trim().min(1, '请填写阶段名称').max(50),
  startDate: DateStr,
  endDate: DateStr,
  due: OptionalText(2000),
});
export type TStageInput = z.output<typeof StageInput>;

const CampaignFields = {
  name: Name,
  docNumber: OptionalText(100),
  periodStart: DateStr,
  periodEnd: DateStr,
  parentId: Uuid.nullish().transform((v) => v ?? null),
  stages: z.array(StageInput).max(12, '阶段不超过12个').default([]),
  keySectorIds: z.array(Uuid).max(50).default([]),
  checklistTemplateIds: z.array(Uuid).max(50).default([]),
  reportCycleText: z.string().trim().min(1, '请填写报送周期，如“每月”或“每月14日和月底”').max(100).default('每月'),
  remindDaysBefore: int().min(0, '提前天数应为0至30').max(30, '提前天数应为0至30').default(3),
  note: OptionalText(2000),
};
export const CampaignCreate = z.object(CampaignFields);
export type TCampaignCreate = z.output<typeof CampaignCreate>;
export const CampaignUpdate = z.object({
  name: Name.optional(),
  docNumber: OptionalText(100).optional(),
  periodStart: DateStr.optional(),
  periodEnd: DateStr.optional(),
  stages: z.array(StageInput).max(12).optional(),
  keySectorIds: z.array(Uuid).max(50).optional(),
  checklistTemplateIds: z.array(Uuid).max(50).optional(),
  reportCycleText: z.string().trim().min(1, '请填写报送周期').max(100).optional(),
  remindDaysBefore: int().min(0).max(30).optional(),
  note: OptionalText(2000).optional(),
  version: int(),
});
export type TCampaignUpdate = z.output<typeof CampaignUpdate>;

export const CampaignFigures = z.object({
  tasks: int(),
  occurrences: int(),
  dueSoFar: int(),
  confirmed: int(),
  submitted: int(),
  returned: int(),
  overdue: int(),
  /** Tasks whose deadline could not be read (no occurrences until a person fixes them). */
  unreadDeadlines: int(),
});
export type TCampaignFigures = z.output<typeof CampaignFigures>;

export const CampaignListItem = z.object({
  id: z.string(),
  name: z.string(),
  docNumber: z.string().nullable(),
  issuerName: z.string(),
  townshipId: z.string().nullable(),
  parentId: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  state: z.enum(CAMPAIGN_STATES),
  currentStage: z.string().nullable(),
  daysLeft: int(),
  figures: CampaignFigures,
});
export type TCampaignListItem = z.output<typeof CampaignListItem>;
export const CampaignListQuery = PageQuery.extend({
  state: z.enum(CAMPAIGN_STATES).optional(),
  q: z.string().trim().max(64).optional(),
});
export const CampaignListResponse = pageOf(CampaignListItem).extend({
  allowedActions: z.array(z.enum(['create'])),
  /** District campaigns a township office's new campaign may implement (empty for others). */
  parentOptions: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const Stage = z.object({ id: z.string(), ordinal: int(), name: z.string(), startDate: z.string(), endDate: z.string(), due: z.string().nullable() });
export const CampaignDetail = CampaignListItem.extend({
  stages: z.array(Stage),
  currentStageIndex: int().nullable(),
  keySectors: z.array(z.object({ id: z.string(), name: z.string() })),
  checklists: z.array(z.object({ id: z.string(), name: z.string() })),
  reportCycleText: z.string(),
  reportCycleLabel: z.string(),
  remindDaysBefore: int(),
  note: z.string().nullable(),
  published: z.boolean(),
  parent: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Township campaigns implementing this one (a district's view of its townships' progress). */
  children: z.array(CampaignListItem),
  today: z.string(),
  version: int(),
  allowedActions: z.array(z.enum(CAMPAIGN_ACTIONS)),
});
export type TCampaignDetail = z.output<typeof CampaignDetail>;

// ---- tasks
export const TaskUnit = z.object({ id: z.string(), name: z.string(), kind: z.string(), lead: z.boolean() });
export const DeadlineView = z.object({
  kind: z.string(),
  label: z.string(),
  dueDates: z.array(z.string()),
  needsConfirmation: z.boolean(),
  notes: z.array(z.string()),
});
export const CampaignTask = z.object({
  id: z.string(),
  kind: z.enum(['task', 'self_check']),
  ordinal: int(),
  number: z.string(),
  groupName: z.string(),
  action: z.string(),
  requirement: z.string(),
  unitsText: z.string(),
  units: z.array(TaskUnit),
  deadlineText: z.string(),
  deadline: DeadlineView,
  target: int().nullable(),
  voided: z.boolean(),
  voidReason: z.string().nullable(),
  version: int(),
});
export type TCampaignTask = z.output<typeof CampaignTask>;
export const TaskListQuery = PageQuery.extend({
  q: z.string().trim().max(64).optional(),
  group: z.string().trim().max(200).optional(),
  unitId: Uuid.optional(),
  voided: QueryBool.optional(),
});
export const TaskListResponse = pageOf(CampaignTask).extend({ groups: z.array(z.string()) });

const TaskText = (max: number) => z.string().trim().max(max, `不超过${max}字`);
export const TaskInput = z.object({
  kind: z.enum(['task', 'self_check']).default('task'),
  number: TaskText(20).default(''),
  groupName: TaskText(200).default(''),
  action: TaskText(2000).default(''),
  requirement: z.string().trim().min(1, '请填写工作要求').max(2000, '不超过2000字'),
  unitIds: z.array(Uuid).min(1, '请选择责任单位').max(500),
  leadUnitIds: z.array(Uuid).max(500).optional(),
  deadlineText: z.string().trim().min(1, '请填写时限要求').max(100, '不超过100字'),
  target: int().min(1).max(10000).nullish().transform((v) => v ?? null),
});
export type TTaskInput = z.output<typeof TaskInput>;
export const TaskUpdate = TaskInput.partial().extend({ version: int() });
export type TTaskUpdate = z.output<typeof TaskUpdate>;
export const TaskParams = z.object({ id: Uuid, taskId: Uuid });
export const TaskReorder = z.object({ taskIds: z.array(Uuid).min(1).max(2000) });

export const DeadlineParseRequest = z.object({
  text: z.string().max(200, '时限要求不超过200字'),
  period: z.object({ start: DateStr, end: DateStr }),
});
export const DeadlineParseResponse = z.object({
  rule: z.record(z.string(), z.unknown()),
  dueDates: z.array(z.string()),
  label: z.string(),
  needsConfirmation: z.boolean(),
});

export const UnitAlias = z.object({ alias: z.string().trim().min(1).max(50), unitId: Uuid });
export const UnitAliasList = z.object({ items: z.array(UnitAlias.extend({ unitName: z.string() })) });
export const UnitAliasPut = z.object({ items: z.array(UnitAlias).max(500) });

export const campaignRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/campaigns', summary: '专项行动列表', tag: 'campaigns', query: CampaignListQuery, response: CampaignListResponse }),
  create: defineRoute({ method: 'POST', path: '/api/campaigns', summary: '新建专项行动（草稿）', tag: 'campaigns', body: CampaignCreate, response: CampaignDetail }),
  get: defineRoute({ method: 'GET', path: '/api/campaigns/:id', summary: '专项行动详情', tag: 'campaigns', params: IdParams, response: CampaignDetail }),
  update: defineRoute({ method: 'PATCH', path: '/api/campaigns/:id', summary: '修改专项行动', tag: 'campaigns', params: IdParams, body: CampaignUpdate, response: CampaignDetail }),
  publish: defineRoute({ method: 'POST', path: '/api/campaigns/:id/publish', summary: '发布专项行动（责任单位开始签收、报送）', tag: 'campaigns', params: IdParams, body: z.object({ version: int() }), response: CampaignDetail }),
  tasks: defineRoute({ method: 'GET', path: '/api/campaigns/:id/tasks', summary: '工作清单和责任清单', tag: 'campaigns', params: IdParams, query: TaskListQuery, response: TaskListResponse }),
  createTask: defineRoute({ method: 'POST', path: '/api/campaigns/:id/tasks', summary: '添加任务', tag: 'campaigns', params: IdParams, body: TaskInput, response: CampaignTask }),
  updateTask: defineRoute({ method: 'PATCH', path: '/api/campaigns/:id/tasks/:taskId', summary: '修改任务', tag: 'campaigns', params: TaskParams, body: TaskUpdate, response: CampaignTask }),
  voidTask: defineRoute({ method: 'POST', path: '/api/campaigns/:id/tasks/:taskId/void', summary: '作废任务', tag: 'campaigns', params: TaskParams, body: VoidRequest, response: CampaignTask }),
  reorder: defineRoute({ method: 'POST', path: '/api/campaigns/:id/tasks/reorder', summary: '调整任务顺序', tag: 'campaigns', params: IdParams, body: TaskReorder, response: OkResponse }),
  units: defineRoute({ method: 'GET', path: '/api/campaigns/:id/units', summary: '可指定的责任单位', tag: 'campaigns', params: IdParams, response: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })) }) }),
  parseDeadline: defineRoute({ method: 'POST', path: '/api/deadline-rules/parse', summary: '识别时限要求', tag: 'campaigns', body: DeadlineParseRequest, response: DeadlineParseResponse }),
  aliases: defineRoute({ method: 'GET', path: '/api/unit-aliases', summary: '单位简称', tag: 'campaigns', response: UnitAliasList }),
  putAliases: defineRoute({ method: 'PUT', path: '/api/unit-aliases', summary: '保存单位简称', tag: 'campaigns', body: UnitAliasPut, response: UnitAliasList }),
};
