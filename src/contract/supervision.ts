// Supervision of departments and villages (督导检查): the work groups (督导工作组), their visits to the
// units assigned them with the unit checklist (seed 003 附件1) answered item by item, and the
// findings (问题清单) each visit sends to the unit, answered by it and accepted by the group.
import { z, int } from './zod.ts';
import { FINDING_ACTIONS, FINDING_STATES, VISIT_METHODS, VISIT_RESULTS } from '../domain/supervision/finding-workflow.ts';
import { defineRoute } from './route.ts';
import { DateStr, IdParams, PageQuery, QueryBool, Uuid, pageOf } from './common.ts';
import { StoredFile } from './files.ts';
import { HazardCreate, HazardDetail } from './hazards.ts';

const Text = (label: string, max = 2000) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过${max}字`);
const OptText = (max: number) => z.string().trim().max(max, `不超过${max}字`).nullish().transform((v) => v || null);
const FileIds = z.array(Uuid).max(20, '附件不超过20个').default([]);

const Ref = z.object({ id: z.string(), name: z.string() });

// ---- groups
export const GROUP_PERSON_ROLES = ['leader', 'member'] as const;
export const GROUP_PERSON_ROLE_LABELS = { leader: '组长', member: '成员' } as const;
export const GroupPerson = z.object({
  role: z.enum(GROUP_PERSON_ROLES, { error: '请选择组长或成员' }),
  name: Text('姓名', 32),
  /** 职务 as the plan writes it (党委书记, 副镇长). */
  title: z.string().trim().max(32, '职务不超过32字').default(''),
  /** The person's account, when they use the system (members record visits with it). */
  userId: Uuid.nullish().transform((v) => v ?? null),
});
export type TGroupPerson = z.output<typeof GroupPerson>;

const GroupFields = {
  name: Text('工作组名称', 64),
  campaignId: Uuid.nullish().transform((v) => v ?? null),
  people: z.array(GroupPerson).min(1, '请至少填写一名组长').max(30, '组长和成员不超过30人')
    .refine((p) => p.some((x) => x.role === 'leader'), '请至少填写一名组长'),
  /** The departments and villages the group checks. */
  unitIds: z.array(Uuid).max(100, '督导单位不超过100个').default([]),
};
export const GroupCreate = z.object(GroupFields);
export type TGroupCreate = z.output<typeof GroupCreate>;
export const GroupUpdate = z.object({ ...GroupFields, active: z.boolean().default(true), version: int() });
export type TGroupUpdate = z.output<typeof GroupUpdate>;

export const GROUP_ACTIONS = ['edit', 'visit'] as const;
export const GroupItem = z.object({
  id: z.string(),
  name: z.string(),
  campaign: Ref.nullable(),
  people: z.array(GroupPerson.extend({ userName: z.string().nullable() })),
  units: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  active: z.boolean(),
  /** 督导情况: units visited of those assigned, findings open and closed. */
  figures: z.object({ visits: int(), unitsVisited: int(), findingsOpen: int(), findingsOverdue: int(), findingsClosed: int() }),
  version: int(),
  allowedActions: z.array(z.enum(GROUP_ACTIONS)),
});
export type TGroupItem = z.infer<typeof GroupItem>;
export const GroupListQuery = PageQuery.extend({ q: z.string().trim().max(64).optional(), mine: QueryBool.optional() });
export const GroupListResponse = pageOf(GroupItem).extend({ canCreate: z.boolean() });
export type TGroupListResponse = z.infer<typeof GroupListResponse>;

/** Who may be named with an account: the region's users (a picker, searched). */
export const PeopleQuery = z.object({ q: z.string().trim().max(32).optional(), groupId: Uuid.optional() });
/** For an existing group, its own region's units and campaigns (the district may keep a township's group). */
export const GroupOptionsQuery = z.object({ groupId: Uuid.optional() });
export const PeopleResponse = z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), unitName: z.string(), role: z.string() })) });
/** The departments and villages of the caller's region a group may be assigned, and the campaigns it may serve. */
export const GroupOptionsResponse = z.object({
  units: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  campaigns: z.array(Ref),
});

// ---- visits
export const VisitAnswer = z.object({
  itemKey: z.string().min(1).max(64),
  result: z.enum(VISIT_RESULTS, { error: '请选择到位、不到位或不涉及' }),
  note: z.string().trim().max(1000, '说明不超过1000字').default(''),
});
export const NewFinding = z.object({
  itemKey: z.string().max(64).nullish().transform((v) => v || null),
  description: Text('问题描述', 1000),
  dueDate: DateStr,
});
export type TNewFinding = z.output<typeof NewFinding>;
export const VisitCreate = z.object({
  groupId: Uuid,
  unitId: Uuid,
  visitedOn: DateStr,
  memberUserIds: z.array(Uuid).max(30).default([]),
  methods: z.array(z.enum(VISIT_METHODS)).max(3).default([]),
  /** A checklist template of audience 科室、村居 (its current version is used). */
  templateId: Uuid.nullish().transform((v) => v ?? null),
  answers: z.array(VisitAnswer).max(200).default([]),
  summary: OptText(4000),
  findings: z.array(NewFinding).max(50, '问题不超过50条').default([]),
  fileIds: FileIds,
});
export type TVisitCreate = z.output<typeof VisitCreate>;

export const FindingItem = z.object({
  id: z.string(),
  description: z.string(),
  itemKey: z.string().nullable(),
  itemText: z.string().nullable(),
  dueDate: z.string(),
  status: z.enum(FINDING_STATES),
  overdue: z.boolean(),
  unit: Ref,
  group: Ref,
  visitId: z.string(),
  visitedOn: z.string(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: int(),
});
export type TFindingItem = z.infer<typeof FindingItem>;

export const VISIT_DETAIL_ACTIONS = ['add_finding', 'record_hazard'] as const;
export const VisitItem = z.object({
  id: z.string(),
  group: Ref,
  unit: Ref.extend({ kind: z.string() }),
  visitedOn: z.string(),
  methods: z.array(z.enum(VISIT_METHODS)),
  templateName: z.string().nullable(),
  notDone: int(),
  findings: int(),
  findingsOpen: int(),
  createdByName: z.string(),
});
export type TVisitItem = z.infer<typeof VisitItem>;
export const VisitDetail = VisitItem.extend({
  members: z.array(Ref),
  summary: z.string().nullable(),
  checklist: z.array(z.object({
    title: z.string(),
    items: z.array(z.object({ key: z.string(), content: z.string(), result: z.enum(VISIT_RESULTS).nullable(), note: z.string() })),
  })),
  files: z.array(StoredFile),
  findingList: z.array(FindingItem),
  hazards: z.array(z.object({ id: z.string(), number: z.string(), description: z.string(), status: z.string(), enterpriseName: z.string() })),
  createdAt: z.string(),
  allowedActions: z.array(z.enum(VISIT_DETAIL_ACTIONS)),
});
export type TVisitDetail = z.infer<typeof VisitDetail>;
export const VisitListQuery = PageQuery.extend({
  groupId: Uuid.optional(), unitId: Uuid.optional(), from: DateStr.optional(), to: DateStr.optional(),
});
export const VisitListResponse = pageOf(VisitItem);

/** What the visit form offers the caller: the groups they may record for, each with its units and members, and the unit checklists. */
export const VisitFormResponse = z.object({
  groups: z.array(z.object({ id: z.string(), name: z.string(), units: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })), members: z.array(Ref) })),
  templates: z.array(z.object({
    id: z.string(), name: z.string(), source: z.string().nullable(),
    groups: z.array(z.object({ title: z.string(), items: z.array(z.object({ key: z.string(), content: z.string() })) })),
  })),
  /** The default due date of a finding: two weeks from today. */
  defaultDueDate: z.string(),
});

// ---- findings
export const FindingDetail = FindingItem.extend({
  measures: z.string().nullable(),
  returnReason: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  files: z.array(StoredFile),
  history: z.array(z.object({ at: z.string(), who: z.string(), what: z.string(), note: z.string().nullable() })),
  allowedActions: z.array(z.enum(FINDING_ACTIONS)),
});
export type TFindingDetail = z.infer<typeof FindingDetail>;
export const FindingActionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('answer'), version: int(), measures: Text('整改措施'), fileIds: FileIds }),
  z.object({ action: z.literal('accept'), version: int(), note: OptText(1000) }),
  z.object({ action: z.literal('return'), version: int(), reason: Text('退回原因', 1000) }),
  z.object({ action: z.literal('withdraw'), version: int(), reason: Text('撤回原因', 1000) }),
]);
export type TFindingActionRequest = z.output<typeof FindingActionRequest>;
export const FindingListQuery = PageQuery.extend({
  status: z.enum(FINDING_STATES).optional(), groupId: Uuid.optional(), unitId: Uuid.optional(), overdue: QueryBool.optional(),
  /** What the unit still owes an answer on (待整改 and 已退回). */
  owed: QueryBool.optional(),
  q: z.string().trim().max(64).optional(),
});
export type TFindingListQuery = z.output<typeof FindingListQuery>;
export const FindingListResponse = pageOf(FindingItem).extend({ counts: z.record(z.enum(FINDING_STATES), int()) });
export type TFindingListResponse = z.infer<typeof FindingListResponse>;

export const supervisionRoutes = {
  groups: defineRoute({ method: 'GET', path: '/api/supervision/groups', summary: '督导工作组', tag: 'supervision', query: GroupListQuery, response: GroupListResponse }),
  groupOptions: defineRoute({ method: 'GET', path: '/api/supervision/group-options', summary: '可督导的单位和专项行动', tag: 'supervision', query: GroupOptionsQuery, response: GroupOptionsResponse }),
  people: defineRoute({ method: 'GET', path: '/api/supervision/people', summary: '可选人员', tag: 'supervision', query: PeopleQuery, response: PeopleResponse }),
  createGroup: defineRoute({ method: 'POST', path: '/api/supervision/groups', summary: '新建督导工作组', tag: 'supervision', body: GroupCreate, response: GroupItem }),
  group: defineRoute({ method: 'GET', path: '/api/supervision/groups/:id', summary: '督导工作组详情', tag: 'supervision', params: IdParams, response: GroupItem }),
  updateGroup: defineRoute({ method: 'PUT', path: '/api/supervision/groups/:id', summary: '修改督导工作组', tag: 'supervision', params: IdParams, body: GroupUpdate, response: GroupItem }),
  visitForm: defineRoute({ method: 'GET', path: '/api/supervision/visit-form', summary: '督导检查表单', tag: 'supervision', response: VisitFormResponse }),
  visits: defineRoute({ method: 'GET', path: '/api/supervision/visits', summary: '督导检查记录', tag: 'supervision', query: VisitListQuery, response: VisitListResponse }),
  createVisit: defineRoute({ method: 'POST', path: '/api/supervision/visits', summary: '登记督导检查', tag: 'supervision', body: VisitCreate, response: VisitDetail }),
  visit: defineRoute({ method: 'GET', path: '/api/supervision/visits/:id', summary: '督导检查详情', tag: 'supervision', params: IdParams, response: VisitDetail }),
  addFinding: defineRoute({ method: 'POST', path: '/api/supervision/visits/:id/findings', summary: '补充问题', tag: 'supervision', params: IdParams, body: NewFinding, response: VisitDetail }),
  visitHazard: defineRoute({ method: 'POST', path: '/api/supervision/visits/:id/hazards', summary: '督导中发现的企业隐患', tag: 'supervision', params: IdParams, body: HazardCreate, response: HazardDetail }),
  findings: defineRoute({ method: 'GET', path: '/api/supervision/findings', summary: '督导问题清单', tag: 'supervision', query: FindingListQuery, response: FindingListResponse }),
  finding: defineRoute({ method: 'GET', path: '/api/supervision/findings/:id', summary: '督导问题详情', tag: 'supervision', params: IdParams, response: FindingDetail }),
  findingAction: defineRoute({ method: 'POST', path: '/api/supervision/findings/:id/actions', summary: '整改、验收或退回', tag: 'supervision', params: IdParams, body: FindingActionRequest, response: FindingDetail }),
};
