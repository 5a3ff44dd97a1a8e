// Leaders' activities (领导活动) and the frequencies a campaign requires of them (seed 000 三.(一)2
// and 附件1 rows 4–8): the activity records with their leaders, links and attachments; per campaign
// the requirements, the suggestions read from its tasks and the compliance table (leader × window).
import { z, int } from './zod.ts';
import { defineRoute } from './route.ts';
import { DateStr, IdParams, PageQuery, QueryBool, Uuid, pageOf } from './common.ts';
import { StoredFile } from './files.ts';
import { ACTIVITY_KINDS, ACTIVITY_LEVELS, LEADER_POSTS } from '../domain/supervision/leadership.ts';
import { ACTIVITY_ACTIONS, REQUIREMENT_ACTIONS } from '../domain/supervision/activity-policy.ts';

const Text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过${max}字`);
const OptText = (max: number) => z.string().trim().max(max, `不超过${max}字`).nullish().transform((v) => v || null);
const OptId = Uuid.nullish().transform((v) => v ?? null);

// ---- activities
export const ActivityLeaderInput = z.object({
  /** The leader's account, when the leader has one (the frequencies count accounts only). */
  userId: OptId,
  /** A person without an account by name; an account is named by its own name (this is ignored). */
  name: z.string().trim().max(32, '领导姓名不超过32字').default(''),
  post: z.enum(LEADER_POSTS, { error: '请选择领导职务' }),
}).superRefine((v, ctx) => {
  if (!v.userId && !v.name) ctx.addIssue({ code: 'custom', path: ['name'], message: '请填写领导姓名或选择账号' });
});
export type TActivityLeaderInput = z.output<typeof ActivityLeaderInput>;

const ActivityFields = {
  kind: z.enum(ACTIVITY_KINDS, { error: '请选择活动类型' }),
  level: z.enum(ACTIVITY_LEVELS, { error: '请选择区级或乡镇级' }),
  heldOn: DateStr,
  topic: Text('主题', 200),
  place: OptText(200),
  /** 到企业: the enterprise visited. */
  enterpriseId: OptId,
  leaders: z.array(ActivityLeaderInput).min(1, '请填写参加的领导').max(20, '参加领导不超过20人'),
  campaignId: OptId,
  /** Hazards it found or sent for rectification. */
  hazardIds: z.array(Uuid).max(50).default([]),
  /** Campaign tasks it served or produced (of campaignId). */
  taskIds: z.array(Uuid).max(50).default([]),
  summary: OptText(5000),
  /** Minutes and photos: the full list after the write (those left out are detached). */
  fileIds: z.array(Uuid).max(20, '附件不超过20个').default([]),
};
export const ActivityCreate = z.object(ActivityFields);
export type TActivityCreate = z.output<typeof ActivityCreate>;
export const ActivityUpdate = z.object({ ...ActivityFields, version: int() });
export type TActivityUpdate = z.output<typeof ActivityUpdate>;
export const ActivityVoid = z.object({ reason: Text('作废原因', 500), version: int() });

const Leader = z.object({ userId: z.string().nullable(), name: z.string(), post: z.enum(LEADER_POSTS) });
export const ActivityItem = z.object({
  id: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  level: z.enum(ACTIVITY_LEVELS),
  heldOn: z.string(),
  topic: z.string(),
  place: z.string().nullable(),
  enterprise: z.object({ id: z.string(), name: z.string() }).nullable(),
  leaders: z.array(Leader),
  campaign: z.object({ id: z.string(), name: z.string() }).nullable(),
  unitId: z.string(),
  unitName: z.string(),
  hazardCount: int(),
  taskCount: int(),
  fileCount: int(),
  voided: z.boolean(),
  version: int(),
});
export type TActivityItem = z.output<typeof ActivityItem>;
export const ActivityDetail = ActivityItem.extend({
  summary: z.string().nullable(),
  hazards: z.array(z.object({ id: z.string(), number: z.string(), description: z.string() })),
  tasks: z.array(z.object({ id: z.string(), number: z.string(), requirement: z.string() })),
  files: z.array(StoredFile),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  allowedActions: z.array(z.enum(ACTIVITY_ACTIONS)),
});
export type TActivityDetail = z.output<typeof ActivityDetail>;

export const ActivityFilter = z.object({
  q: z.string().trim().max(64).optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  level: z.enum(ACTIVITY_LEVELS).optional(),
  from: DateStr.optional(),
  to: DateStr.optional(),
  /** Activities this leader's account took part in. */
  leaderUserId: Uuid.optional(),
  campaignId: Uuid.optional(),
  /** Voided records too (hidden by default). */
  voided: QueryBool.optional(),
});
export type TActivityFilter = z.output<typeof ActivityFilter>;
export const ActivityListQuery = ActivityFilter.extend(PageQuery.shape);
export const ActivityListResponse = pageOf(ActivityItem).extend({
  /** Per kind, under every filter but the kind's. */
  counts: z.record(z.enum(ACTIVITY_KINDS), int()),
});
export type TActivityListResponse = z.output<typeof ActivityListResponse>;

/** The leaders of the caller's region (accounts with a post), for the form and the filter. */
export const RegionLeaders = z.object({
  items: z.array(z.object({ userId: z.string(), name: z.string(), post: z.enum(LEADER_POSTS), unitName: z.string() })),
  /** The posts the caller may record (a department: its own head only). */
  recordablePosts: z.array(z.enum(LEADER_POSTS)),
  /** The level the caller's records default to. */
  defaultLevel: z.enum(ACTIVITY_LEVELS),
});
export type TRegionLeaders = z.output<typeof RegionLeaders>;

/** What the caller (a leader with a post) still owes in the windows that contain today. */
export const LeaderDue = z.object({
  today: z.string(),
  items: z.array(z.object({
    requirementId: z.string(), label: z.string(), campaignId: z.string(), campaignName: z.string(),
    from: z.string(), due: z.string(), done: int(), required: int(),
  })),
});
export type TLeaderDue = z.output<typeof LeaderDue>;

// ---- requirements of a campaign
const RequirementFields = {
  label: Text('名称', 100),
  posts: z.array(z.enum(LEADER_POSTS)).min(1, '请选择领导职务').max(4),
  kinds: z.array(z.enum(ACTIVITY_KINDS)).min(1, '请选择计入的活动类型').max(8),
  frequencyText: Text('频次要求', 50),
  /** The campaign task whose occurrences take their progress from these records. */
  taskId: OptId,
};
export const RequirementCreate = z.object(RequirementFields);
export type TRequirementCreate = z.output<typeof RequirementCreate>;
export const RequirementUpdate = z.object({ ...RequirementFields, version: int() });
export type TRequirementUpdate = z.output<typeof RequirementUpdate>;
export const RequirementVoid = z.object({ version: int() });
export const RequirementParams = z.object({ id: Uuid, requirementId: Uuid });

export const ComplianceCell = z.object({
  from: z.string(), due: z.string(), count: int(), status: z.enum(['done', 'missing', 'due', 'upcoming']), activityIds: z.array(z.string()),
});
export const Requirement = z.object({
  id: z.string(),
  campaignId: z.string(),
  label: z.string(),
  posts: z.array(z.enum(LEADER_POSTS)),
  kinds: z.array(z.enum(ACTIVITY_KINDS)),
  frequencyText: z.string(),
  task: z.object({ id: z.string(), number: z.string(), requirement: z.string() }).nullable(),
  version: int(),
  /** The phrase read over the campaign's period: unreadable phrases are flagged, never guessed. */
  frequency: z.object({ readable: z.boolean(), count: int(), windows: z.array(z.object({ from: z.string(), due: z.string() })) }),
  /** Leader × window. */
  rows: z.array(z.object({
    leader: z.object({ userId: z.string(), name: z.string(), post: z.enum(LEADER_POSTS), unitName: z.string() }),
    cells: z.array(ComplianceCell),
  })),
  counts: z.object({ done: int(), missing: int(), due: int(), upcoming: int() }),
});
export type TRequirement = z.output<typeof Requirement>;
export const CampaignLeadership = z.object({
  today: z.string(),
  period: z.object({ start: z.string(), end: z.string() }),
  requirements: z.array(Requirement),
  /** The activities the table's cells count, by id (date, kind, topic). */
  activities: z.record(z.string(), z.object({ heldOn: z.string(), kind: z.enum(ACTIVITY_KINDS), topic: z.string() })),
  allowedActions: z.array(z.enum(REQUIREMENT_ACTIONS)),
});
export type TCampaignLeadership = z.output<typeof CampaignLeadership>;

export const RequirementSuggestion = z.object({
  taskId: z.string(),
  taskNumber: z.string(),
  taskRequirement: z.string(),
  deadlineText: z.string(),
  label: z.string(),
  posts: z.array(z.enum(LEADER_POSTS)),
  kinds: z.array(z.enum(ACTIVITY_KINDS)),
  frequencyText: z.string(),
  /** A live requirement already linked to the task. */
  existingRequirementId: z.string().nullable(),
});
export type TRequirementSuggestion = z.output<typeof RequirementSuggestion>;
export const RequirementSuggestions = z.object({ items: z.array(RequirementSuggestion) });

export const leadershipRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/leadership/activities', summary: '领导活动', tag: 'leadership', query: ActivityListQuery, response: ActivityListResponse }),
  create: defineRoute({ method: 'POST', path: '/api/leadership/activities', summary: '登记领导活动', tag: 'leadership', body: ActivityCreate, response: ActivityDetail }),
  get: defineRoute({ method: 'GET', path: '/api/leadership/activities/:id', summary: '领导活动详情', tag: 'leadership', params: IdParams, response: ActivityDetail }),
  update: defineRoute({ method: 'PUT', path: '/api/leadership/activities/:id', summary: '修改领导活动', tag: 'leadership', params: IdParams, body: ActivityUpdate, response: ActivityDetail }),
  void: defineRoute({ method: 'POST', path: '/api/leadership/activities/:id/void', summary: '作废领导活动', tag: 'leadership', params: IdParams, body: ActivityVoid, response: ActivityDetail }),
  leaders: defineRoute({ method: 'GET', path: '/api/leadership/leaders', summary: '本辖区的领导（有领导职务的账号）', tag: 'leadership', response: RegionLeaders }),
  due: defineRoute({ method: 'GET', path: '/api/leadership/due', summary: '本人本期应开展的领导活动', tag: 'leadership', response: LeaderDue }),
  campaign: defineRoute({ method: 'GET', path: '/api/campaigns/:id/leadership', summary: '领导履职：频次要求和落实情况', tag: 'leadership', params: IdParams, response: CampaignLeadership }),
  suggestions: defineRoute({ method: 'GET', path: '/api/campaigns/:id/leadership/suggestions', summary: '从工作清单识别领导活动频次要求', tag: 'leadership', params: IdParams, response: RequirementSuggestions }),
  createRequirement: defineRoute({ method: 'POST', path: '/api/campaigns/:id/leadership/requirements', summary: '添加频次要求', tag: 'leadership', params: IdParams, body: RequirementCreate, response: CampaignLeadership }),
  updateRequirement: defineRoute({ method: 'PUT', path: '/api/campaigns/:id/leadership/requirements/:requirementId', summary: '修改频次要求', tag: 'leadership', params: RequirementParams, body: RequirementUpdate, response: CampaignLeadership }),
  voidRequirement: defineRoute({ method: 'POST', path: '/api/campaigns/:id/leadership/requirements/:requirementId/void', summary: '删除频次要求', tag: 'leadership', params: RequirementParams, body: RequirementVoid, response: CampaignLeadership }),
};
