// 群众举报 (decision 021): the public's routes (no session: a proof-of-work challenge, the report,
// its lookup by tracking code, the receipt, a reward claim) and the office's under /api/tips
// (triage on the workflow kernel, the reporter's identity on an audited request, rewards, posters).
import { z, int, coerceInt } from './zod.ts';
import { defineRoute } from './route.ts';
import { DateStr, IdParams, PageQuery, Phone, QueryBool, Uuid, pageOf } from './common.ts';
import { StoredFile } from './files.ts';
import { TIP_ACTIONS, TIP_STATES } from '../domain/tips/tip-workflow.ts';
import { MAX_REWARD_FEN, PAY_METHODS, REWARD_ACTIONS, REWARD_STATES } from '../domain/tips/reward-workflow.ts';
import { HAZARD_LEVELS } from '../domain/hazards/hazard-machine.ts';

const Text = (label: string, max = 2000) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过${max}字`);
const OptText = (max: number) => z.string().trim().max(max, `不超过${max}字`).nullish().transform((v) => v || null);
const Ref = z.object({ id: z.string(), name: z.string() });
/** A position from the phone, as the form's text field sends it (decimal degrees), or none. */
const Coordinate = (limit: number) => z.string().trim().max(20)
  .regex(/^$|^-?\d{1,3}(\.\d{1,12})?$/, '位置坐标格式不正确')
  .transform((v) => (v === '' ? null : Number(v)))
  .refine((v) => v === null || Math.abs(v) <= limit, '位置坐标超出范围')
  .nullish().transform((v) => v ?? null);

// ---- public

/** The altcha challenge as the solver needs it (opaque to the web but for passing it on). */
export const PublicChallenge = z.object({ parameters: z.record(z.string(), z.unknown()), signature: z.string().optional() });
export const PublicTownships = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), districtName: z.string(), villages: z.array(Ref) })),
});
export type TPublicTownships = z.infer<typeof PublicTownships>;

/** The text fields of the multipart report (files ride beside them as `files`). */
export const PublicReportFields = z.object({
  townshipId: Uuid,
  villageId: Uuid.nullish().transform((v) => v ?? null),
  description: z.string().trim().min(10, '请描述隐患情况（至少10个字）').max(2000, '描述不超过2000字'),
  place: Text('隐患地点', 200),
  latitude: Coordinate(90),
  longitude: Coordinate(180),
  enterpriseName: OptText(100),
  anonymous: z.enum(['true', 'false'], { error: '请选择是否匿名' }).transform((v) => v === 'true'),
  reporterName: OptText(32),
  reporterPhone: Phone.nullish().or(z.literal('')).transform((v) => v || null),
  /** The solved challenge, base64 JSON as the solver returns it. */
  altcha: z.string().min(1, '请等待安全验证完成后再提交').max(4000),
}).superRefine((v, ctx) => {
  if (!v.anonymous && !v.reporterPhone) ctx.addIssue({ code: 'custom', path: ['reporterPhone'], message: '实名举报请留联系电话，以便核实和发放奖励' });
  if (!v.anonymous && !v.reporterName) ctx.addIssue({ code: 'custom', path: ['reporterName'], message: '实名举报请填写姓名' });
  if ((v.latitude === null) !== (v.longitude === null)) ctx.addIssue({ code: 'custom', path: ['latitude'], message: '位置坐标不完整' });
});
export type TPublicReportFields = z.output<typeof PublicReportFields>;

export const PublicReportReceipt = z.object({
  /** Shown once: only its hash is kept. */
  code: z.string(),
  submittedAt: z.string(),
  townshipName: z.string(),
  summary: z.string(),
  fileCount: int(),
});
export type TPublicReportReceipt = z.infer<typeof PublicReportReceipt>;

/** Any text: a code too long to be one answers the same 404 as any unknown code (cut, never refused). */
export const CodeParams = z.object({ code: z.string().transform((s) => s.slice(0, 64)) });
export const PublicReportView = z.object({
  status: z.enum(TIP_STATES),
  submittedAt: z.string(),
  townshipName: z.string(),
  summary: z.string(),
  concludedAt: z.string().nullable(),
  publicReply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  /** The hazard the report became, as far as the public may know: whether it is rectified. */
  hazard: z.object({ rectified: z.boolean() }).nullable(),
  reward: z.object({ status: z.enum(REWARD_STATES), amountFen: int(), claimedAt: z.string().nullable(), mayClaim: z.boolean() }).nullable(),
});
export type TPublicReportView = z.infer<typeof PublicReportView>;
export const RewardClaim = z.object({ phone: Phone.nullish().or(z.literal('')).transform((v) => v || null) });

// ---- the office

export const TipItem = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(TIP_STATES),
  township: Ref,
  village: Ref.nullable(),
  summary: z.string(),
  place: z.string(),
  anonymous: z.boolean(),
  assignedUnit: Ref.nullable(),
  submittedAt: z.string(),
  dueDay: z.string(),
  overdue: z.boolean(),
  fileCount: int(),
  rewardStatus: z.enum(REWARD_STATES).nullable(),
});
export type TTipItem = z.infer<typeof TipItem>;

export const TipReward = z.object({
  id: z.string(),
  status: z.enum(REWARD_STATES),
  amountFen: int(),
  anonymous: z.boolean(),
  basis: z.string(),
  proposedByName: z.string(),
  proposedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  claimedAt: z.string().nullable(),
  paidOn: z.string().nullable(),
  payMethod: z.enum(PAY_METHODS).nullable(),
  paidByName: z.string().nullable(),
  codeVerified: z.boolean(),
  receipts: z.array(StoredFile),
  version: int(),
  allowedActions: z.array(z.enum(REWARD_ACTIONS)),
});
export type TTipReward = z.infer<typeof TipReward>;

export const TipDetail = TipItem.extend({
  description: z.string(),
  enterpriseName: z.string().nullable(),
  enterprise: Ref.nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  internalNote: z.string().nullable(),
  publicReply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  conclusionReason: z.string().nullable(),
  concludedAt: z.string().nullable(),
  hazard: z.object({ id: z.string(), number: z.string(), status: z.string() }).nullable(),
  duplicateOf: z.object({ id: z.string(), number: z.string() }).nullable(),
  files: z.array(StoredFile),
  /** Whether a name or phone was left, and whether the caller may open it (an audited request). */
  hasIdentity: z.boolean(),
  mayViewIdentity: z.boolean(),
  reward: TipReward.nullable(),
  mayProposeReward: z.boolean(),
  history: z.array(z.object({ at: z.string(), who: z.string(), what: z.string(), note: z.string().nullable() })),
  version: int(),
  allowedActions: z.array(z.enum(TIP_ACTIONS)),
});
export type TTipDetail = z.infer<typeof TipDetail>;

export const TipIdentity = z.object({ reporterName: z.string().nullable(), reporterPhone: z.string().nullable(), claimPhone: z.string().nullable() });
export type TTipIdentity = z.infer<typeof TipIdentity>;

export const TipListQuery = PageQuery.extend({
  status: z.enum(TIP_STATES).optional(),
  townshipId: Uuid.optional(),
  villageId: Uuid.optional(),
  assignedUnitId: Uuid.optional(),
  anonymous: QueryBool.optional(),
  overdue: QueryBool.optional(),
  /** 待我处理: what awaits the caller (the office: open reports; a department: those assigned to it). */
  mine: QueryBool.optional(),
  from: DateStr.optional(),
  to: DateStr.optional(),
  q: z.string().trim().max(64).optional(),
});
export type TTipListQuery = z.output<typeof TipListQuery>;
export const TipListResponse = pageOf(TipItem).extend({ counts: z.record(z.enum(TIP_STATES), int()) });
export type TTipListResponse = z.infer<typeof TipListResponse>;

/** What a finding of 属实 / 部分属实 records as the hazard (source 群众举报, found now, the report's photos). */
export const TipHazardInput = z.object({
  enterpriseId: Uuid,
  sectorId: Uuid,
  level: z.enum(HAZARD_LEVELS, { error: '请选择隐患等级' }),
  description: Text('隐患描述'),
  location: Text('隐患部位', 200),
  category: OptText(64),
  dueDate: DateStr.nullish().transform((v) => v ?? null),
});
export type TTipHazardInput = z.output<typeof TipHazardInput>;

const V = { version: int() };
const Reason = (label: string) => Text(label, 1000);
export const TipActionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), ...V, assignedUnitId: Uuid.nullish().transform((v) => v ?? null) }),
  z.object({ action: z.literal('assign'), ...V, assignedUnitId: Uuid.nullish().transform((v) => v ?? null) }),
  z.object({ action: z.literal('substantiate'), ...V, reason: Reason('核查情况'), hazard: TipHazardInput }),
  z.object({ action: z.literal('substantiate_partly'), ...V, reason: Reason('核查情况'), hazard: TipHazardInput }),
  z.object({ action: z.literal('find_unfounded'), ...V, reason: Reason('核查情况') }),
  z.object({ action: z.literal('mark_duplicate'), ...V, reason: Reason('说明'), duplicateOfNumber: Text('原举报编号', 32) }),
  z.object({ action: z.literal('reject'), ...V, reason: Reason('不予受理的理由') }),
  z.object({ action: z.literal('reply'), ...V, reply: Text('答复内容', 1000) }),
  z.object({ action: z.literal('note'), ...V, note: Text('备注', 2000) }),
]);
export type TTipActionRequest = z.output<typeof TipActionRequest>;

export const RewardPropose = z.object({
  version: int(),
  amountFen: int().min(1, '奖励金额须大于0').max(MAX_REWARD_FEN, '奖励金额超出范围'),
  basis: Text('奖励依据', 1000),
});
export const RewardActionRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('approve'), ...V, note: OptText(1000) }),
  z.object({ action: z.literal('reject'), ...V, note: Reason('不予批准的理由') }),
  z.object({
    action: z.literal('pay'), ...V, paidOn: DateStr, payMethod: z.enum(PAY_METHODS, { error: '请选择发放方式' }),
    /** For an anonymous reward: the tracking code the claimant shows. */
    code: z.string().trim().max(64).nullish().transform((v) => v || null),
    receiptFileIds: z.array(Uuid).max(9, '最多9个文件').default([]),
  }),
]);
export type TRewardActionRequest = z.output<typeof RewardActionRequest>;

export const RewardItem = z.object({
  id: z.string(), reportId: z.string(), reportNumber: z.string(), township: Ref, status: z.enum(REWARD_STATES), amountFen: int(), anonymous: z.boolean(), proposedAt: z.string(), paidOn: z.string().nullable(),
});
export const RewardListQuery = PageQuery.extend({ status: z.enum(REWARD_STATES).optional(), townshipId: Uuid.optional() });
export const RewardListResponse = pageOf(RewardItem).extend({ counts: z.record(z.enum(REWARD_STATES), int()) });
export type TRewardListResponse = z.infer<typeof RewardListResponse>;

export const PosterQuery = z.object({ format: z.enum(['png', 'pdf']).default('pdf'), size: coerceInt().min(200).max(2000).default(800) });
export const TownshipParams = z.object({ townshipId: Uuid });

export const publicTipRoutes = {
  challenge: defineRoute({ method: 'GET', path: '/api/public/challenge', summary: '获取提交举报前的安全验证题（工作量证明）', tag: 'public', public: true, response: PublicChallenge }),
  townships: defineRoute({ method: 'GET', path: '/api/public/townships', summary: '可受理举报的镇街及村居', tag: 'public', public: true, response: PublicTownships }),
  submit: defineRoute({ method: 'POST', path: '/api/public/reports', summary: '提交群众举报（无需登录；表单方式，可附照片或短视频）', tag: 'public', public: true, multipart: true, response: PublicReportReceipt }),
  lookup: defineRoute({ method: 'GET', path: '/api/public/reports/:code', summary: '凭查询码查看举报办理情况', tag: 'public', public: true, params: CodeParams, response: PublicReportView }),
  receipt: defineRoute({ method: 'GET', path: '/api/public/reports/:code/receipt', summary: '下载举报回执（PDF）', tag: 'public', public: true, params: CodeParams, responseType: 'file' }),
  claim: defineRoute({ method: 'POST', path: '/api/public/reports/:code/claim', summary: '凭查询码申领举报奖励', tag: 'public', public: true, params: CodeParams, body: RewardClaim, response: PublicReportView }),
};

export const tipRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/tips', summary: '群众举报', tag: 'tips', query: TipListQuery, response: TipListResponse }),
  rewards: defineRoute({ method: 'GET', path: '/api/tips/rewards', summary: '举报奖励', tag: 'tips', query: RewardListQuery, response: RewardListResponse }),
  poster: defineRoute({ method: 'GET', path: '/api/tips/posters/:townshipId', summary: '举报二维码海报（PNG 或 A4 PDF）', tag: 'tips', params: TownshipParams, query: PosterQuery, responseType: 'file' }),
  get: defineRoute({ method: 'GET', path: '/api/tips/:id', summary: '举报详情', tag: 'tips', params: IdParams, response: TipDetail }),
  identity: defineRoute({ method: 'POST', path: '/api/tips/:id/identity', summary: '查看举报人身份（记入审计日志）', tag: 'tips', params: IdParams, response: TipIdentity }),
  action: defineRoute({ method: 'POST', path: '/api/tips/:id/actions', summary: '受理、核查、答复举报', tag: 'tips', params: IdParams, body: TipActionRequest, response: TipDetail }),
  proposeReward: defineRoute({ method: 'POST', path: '/api/tips/:id/reward', summary: '提出举报奖励', tag: 'tips', params: IdParams, body: RewardPropose, response: TipDetail }),
  rewardAction: defineRoute({ method: 'POST', path: '/api/tips/rewards/:id/actions', summary: '审批、发放举报奖励', tag: 'tips', params: IdParams, body: RewardActionRequest, response: TipDetail }),
};
