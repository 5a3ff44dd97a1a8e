// 宣传/曝光 (decision 020): a district's or a township's media columns, exposures and other reports,
// each with its channel, dates, title, link, attachments and, for an exposure, the enterprises it
// named. The 调度表 counts them (是否在主流媒体播放安全生产专题栏目, 曝光企业).
import { z, int } from './zod.ts';
import { defineRoute } from './route.ts';
import { DateStr, IdParams, PageQuery, QueryBool, Uuid, VoidRequest, pageOf } from './common.ts';
import { StoredFile } from './files.ts';
import {
  MAX_EXPOSED_ENTERPRISES, PUBLICITY_CHANNELS, PUBLICITY_CHANNEL_LABELS, PUBLICITY_KINDS, PUBLICITY_KIND_LABELS, isHttpUrl, publicityDateProblems,
} from '../domain/publicity/publicity.ts';
import { PUBLICITY_ACTIONS } from '../domain/publicity/publicity-policy.ts';

export { PUBLICITY_CHANNELS, PUBLICITY_CHANNEL_LABELS, PUBLICITY_KINDS, PUBLICITY_KIND_LABELS, PUBLICITY_ACTIONS };
export type { PublicityChannel, PublicityKind } from '../domain/publicity/publicity.ts';
export type { PublicityAction } from '../domain/publicity/publicity-policy.ts';

const Text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过${max}字`);
const OptText = (max: number) => z.string().trim().max(max, `不超过${max}字`).nullish().transform((v) => v || null);
export const LINK_MESSAGE = '链接应为以 http:// 或 https:// 开头的网址';
const FAR_FUTURE = '9999-12-31';

const Fields = {
  kind: z.enum(PUBLICITY_KINDS, { error: '请选择类型' }),
  channel: z.enum(PUBLICITY_CHANNELS, { error: '请选择播出/刊发渠道' }),
  /** 主流媒体, as the recorder judges it (the form proposes it from the channel). */
  mainstream: z.boolean({ error: '请选择是否主流媒体' }),
  /** The outlet, e.g. 区融媒体中心、某某日报. */
  outlet: OptText(50),
  publishedOn: DateStr,
  /** A column's last day; empty while it runs on, and always for an exposure or a report. */
  endsOn: DateStr.nullish().transform((v) => v ?? null),
  title: Text('标题', 200),
  link: z.string().trim().max(500, '链接不超过500字').nullish().transform((v) => v || null)
    .refine((v) => v === null || isHttpUrl(v), LINK_MESSAGE),
  /** The enterprises an exposure names (of the recorder's region); none for other kinds. */
  enterpriseIds: z.array(Uuid).max(MAX_EXPOSED_ENTERPRISES, `一次曝光不超过${MAX_EXPOSED_ENTERPRISES}家单位`).default([]),
  summary: OptText(2000),
  /** Screenshots, scans, the programme: the full list after the write (those left out are detached). */
  fileIds: z.array(Uuid).max(20, '附件不超过20个').default([]),
};

function check(v: { kind: string; publishedOn: string; endsOn: string | null; enterpriseIds: string[] }, ctx: z.RefinementCtx) {
  // today is the server's to check; here only the order of the dates and the kind
  const problems = publicityDateProblems({ kind: v.kind as 'report', publishedOn: v.publishedOn, endsOn: v.endsOn }, FAR_FUTURE);
  for (const [path, message] of Object.entries(problems)) ctx.addIssue({ code: 'custom', path: [path], message });
  if (v.kind === 'exposure' && v.enterpriseIds.length === 0) ctx.addIssue({ code: 'custom', path: ['enterpriseIds'], message: '请选择被曝光的生产经营单位' });
  if (v.kind !== 'exposure' && v.enterpriseIds.length > 0) ctx.addIssue({ code: 'custom', path: ['enterpriseIds'], message: '只有曝光记录可以选择生产经营单位' });
}

export const PublicityCreate = z.object(Fields).superRefine(check);
export type TPublicityCreate = z.output<typeof PublicityCreate>;
export const PublicityUpdate = z.object({ ...Fields, version: int() }).superRefine(check);
export type TPublicityUpdate = z.output<typeof PublicityUpdate>;
export const PublicityVoid = VoidRequest;

const Ref = z.object({ id: z.string(), name: z.string() });
export const PublicityItem = z.object({
  id: z.string(),
  kind: z.enum(PUBLICITY_KINDS),
  channel: z.enum(PUBLICITY_CHANNELS),
  mainstream: z.boolean(),
  outlet: z.string().nullable(),
  publishedOn: z.string(),
  endsOn: z.string().nullable(),
  title: z.string(),
  link: z.string().nullable(),
  enterprises: z.array(Ref),
  /** Null: the district's own record. */
  townshipId: z.string().nullable(),
  /** The region it belongs to: the district's name or the township's. */
  regionName: z.string(),
  fileCount: int(),
  voided: z.boolean(),
  version: int(),
});
export type TPublicityItem = z.output<typeof PublicityItem>;
export const PublicityDetail = PublicityItem.extend({
  summary: z.string().nullable(),
  files: z.array(StoredFile),
  unitName: z.string(),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  voidedAt: z.string().nullable(),
  voidReason: z.string().nullable(),
  /** Its timeline: recorded, edited, voided, by whom and when. */
  history: z.array(z.object({ at: z.string(), who: z.string(), what: z.string(), note: z.string().nullable() })),
  /** What the caller may do now: the office of its own region, while it is live. */
  allowedActions: z.array(z.enum(PUBLICITY_ACTIONS)),
});
export type TPublicityDetail = z.output<typeof PublicityDetail>;

export const PublicityFilter = z.object({
  q: z.string().trim().max(64).optional(),
  kind: z.enum(PUBLICITY_KINDS).optional(),
  channel: z.enum(PUBLICITY_CHANNELS).optional(),
  mainstream: QueryBool.optional(),
  /** Running on any day of [from, to] (a column over a period included). */
  from: DateStr.optional(),
  to: DateStr.optional(),
  /** Whose records: 'district' (the district's own) or a township's id (a district's view). */
  region: z.union([z.literal('district'), Uuid]).optional(),
  /** Exposures that named this enterprise. */
  enterpriseId: Uuid.optional(),
  /** Voided records instead of the live ones. */
  voided: QueryBool.optional(),
});
export type TPublicityFilter = z.output<typeof PublicityFilter>;
export const PublicityListQuery = PublicityFilter.extend(PageQuery.shape);
export const PublicityListResponse = pageOf(PublicityItem).extend({
  /** Per kind under every other filter (the tabs). */
  counts: z.record(z.enum(PUBLICITY_KINDS), int()),
});
export type TPublicityListResponse = z.output<typeof PublicityListResponse>;

export const publicityRoutes = {
  list: defineRoute({ method: 'GET', path: '/api/publicity', summary: '宣传/曝光记录', tag: 'publicity', query: PublicityListQuery, response: PublicityListResponse }),
  create: defineRoute({ method: 'POST', path: '/api/publicity', summary: '登记宣传/曝光记录', tag: 'publicity', body: PublicityCreate, response: PublicityDetail }),
  get: defineRoute({ method: 'GET', path: '/api/publicity/:id', summary: '宣传/曝光记录详情', tag: 'publicity', params: IdParams, response: PublicityDetail }),
  update: defineRoute({ method: 'PUT', path: '/api/publicity/:id', summary: '修改宣传/曝光记录', tag: 'publicity', params: IdParams, body: PublicityUpdate, response: PublicityDetail }),
  void: defineRoute({ method: 'POST', path: '/api/publicity/:id/void', summary: '作废宣传/曝光记录', tag: 'publicity', params: IdParams, body: PublicityVoid, response: PublicityDetail }),
};
