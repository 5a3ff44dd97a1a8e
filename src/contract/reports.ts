// Report forms (调度表 / 汇总表): the template library, a campaign's forms and their rounds, a unit's
// submission cell by cell, its actions, the round's roll-up, the records behind a figure, exports.
import { z, int } from './zod.ts';
import { defineRoute } from './route.ts';
import { DateStr, OptionalText, PageQuery, Uuid, pageOf } from './common.ts';
import { COMPUTED_DISPLAYS, FILLER_KINDS, MANUAL_TYPES } from '../domain/reports/template.ts';
import { SUBMISSION_ACTIONS, SUBMISSION_STATES } from '../domain/reports/submission-workflow.ts';

const SubmissionView = z.enum(['missing', ...SUBMISSION_STATES]);

export const Heading: z.ZodType<{ label: string; indicator?: string | undefined; children?: { label: string; indicator?: string | undefined }[] | undefined }> = z.lazy(() =>
  z.object({ label: z.string(), indicator: z.string().optional(), children: z.array(Heading).optional() }));
export const Layout = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('grid'), unitHeading: z.string(), headings: z.array(Heading) }),
  z.object({ kind: z.literal('sheet'), sections: z.array(z.object({ title: z.string(), rows: z.array(z.object({ cells: z.array(z.object({ no: z.string(), indicator: z.string(), label: z.string().optional() })) })) })) }),
]);

export const TemplateSummary = z.object({
  /** A shipped form's code, or a district template's series id. */
  ref: z.string(),
  source: z.enum(['shipped', 'district']),
  name: z.string(),
  title: z.string(),
  fillers: z.array(z.enum(FILLER_KINDS)),
  dueText: z.string(),
  cumulative: z.boolean(),
  indicators: int(),
  computed: int(),
  manual: int(),
});
export const TemplateList = z.object({ items: z.array(TemplateSummary) });

export const RoundSummary = z.object({
  due: z.string(),
  time: z.string().nullable(),
  from: z.string(),
  lockAfter: z.string(),
  expected: int(),
  reported: int(),
  onTime: int(),
  approved: int(),
  overdue: int(),
  /** The caller's own unit's state in this round, when it fills this form. */
  mine: z.object({ key: z.string(), state: SubmissionView, overdue: z.boolean() }).nullable(),
});
export const CampaignForm = z.object({
  seriesId: z.string(),
  templateId: z.string(),
  version: int(),
  name: z.string(),
  title: z.string(),
  fillers: z.array(z.enum(FILLER_KINDS)),
  dueText: z.string(),
  cumulative: z.boolean(),
  graceDays: int(),
  /** The due phrase could not be read: no rounds until the office rewords it. */
  unreadDue: z.boolean(),
  units: int(),
  rounds: z.array(RoundSummary),
  current: z.string().nullable(),
});
export const CampaignForms = z.object({ items: z.array(CampaignForm), canEdit: z.boolean() });
export type TCampaignForms = z.output<typeof CampaignForms>;
export type TCampaignForm = z.output<typeof CampaignForm>;

export const AttachForm = z.object({
  ref: z.string().min(1).max(100),
  dueText: z.string().trim().min(1).max(100).optional(),
  graceDays: int().min(0).max(60).optional(),
});
export const EditForm = z.object({
  version: int(),
  title: z.string().trim().min(1, '请填写报表名称').max(200).optional(),
  dueText: z.string().trim().min(1, '请填写报送时限').max(100).optional(),
  graceDays: int().min(0, '宽限期不能为负').max(60, '宽限期不超过60天').optional(),
  cumulative: z.boolean().optional(),
});

export const Cell = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string().nullable(),
  kind: z.enum(['computed', 'manual']),
  manualType: z.enum(MANUAL_TYPES).optional(),
  /** A computed count printed as 是/否 (是: it counted any record). */
  display: z.enum(COMPUTED_DISPLAYS).optional(),
  /** A manual cell that later records will fill: what it waits for. */
  pending: z.string().optional(),
  value: z.union([z.number(), z.boolean(), z.string(), z.null()]),
  computedValue: z.number().optional(),
  overrideReason: z.string().optional(),
  records: z.object({ href: z.string(), count: int() }).optional(),
});
export type TCell = z.output<typeof Cell>;

export const SubmissionDetail = z.object({
  key: z.string(),
  id: z.string().nullable(),
  campaign: z.object({ id: z.string(), name: z.string() }),
  form: z.object({ seriesId: z.string(), templateId: z.string(), version: int(), title: z.string(), subtitle: z.string().nullable(), notes: z.array(z.string()), layout: Layout, cumulative: z.boolean() }),
  unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  round: z.object({ due: z.string(), time: z.string().nullable(), from: z.string(), cutoff: z.string(), deadline: z.string(), lockAfter: z.string() }),
  state: SubmissionView,
  stateLabel: z.string(),
  late: z.boolean(),
  overdue: z.boolean(),
  locked: z.boolean(),
  /** The figures shown are the submitted version's (frozen), not today's. */
  frozen: z.boolean(),
  revision: int(),
  note: z.string().nullable(),
  fillerName: z.string().nullable(),
  fillerPhone: z.string().nullable(),
  reviewReason: z.string().nullable(),
  reopenedUntil: z.string().nullable(),
  version: int(),
  cells: z.array(Cell),
  versions: z.array(z.object({ revision: int(), submittedAt: z.string(), late: z.boolean(), submittedBy: z.string() })),
  history: z.array(z.object({ at: z.string(), action: z.string(), actor: z.string(), note: z.string().nullable() })),
  allowedActions: z.array(z.enum(['save', ...SUBMISSION_ACTIONS])),
});
export type TSubmissionDetail = z.output<typeof SubmissionDetail>;

const CellInput = z.union([z.number(), z.boolean(), z.string().max(500), z.null()]);
export const SaveSubmission = z.object({
  /** The row's version when it exists (absent for a first save). */
  version: int().optional(),
  values: z.record(z.string().max(60), CellInput).default({}).refine((v) => Object.keys(v).length <= 200, '填写的指标过多'),
  overrides: z.record(z.string().max(60), z.object({ value: int().min(0, '数值不能为负'), reason: z.string().trim().min(2, '请填写修改理由（至少2个字）').max(500) }).nullable()).default({})
    .refine((v) => Object.keys(v).length <= 200, '修改的指标过多'),
  note: OptionalText(2000),
  fillerName: OptionalText(50),
  fillerPhone: OptionalText(30),
});
export const SubmissionActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit'), version: int().optional() }),
  z.object({ action: z.literal('approve'), version: int() }),
  z.object({ action: z.enum(['return', 'excuse', 'reopen']), version: int(), reason: z.string().trim().max(500) }),
]);
export type TSubmissionActionBody = z.output<typeof SubmissionActionBody>;

export const RollupRow = z.object({
  unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  key: z.string(),
  state: SubmissionView,
  stateLabel: z.string(),
  late: z.boolean(),
  overdue: z.boolean(),
  values: z.record(z.string(), z.union([z.number(), z.boolean(), z.string(), z.null()])),
});
export const Rollup = z.object({
  form: z.object({ seriesId: z.string(), title: z.string(), layout: Layout }),
  round: z.object({ due: z.string(), from: z.string() }),
  indicators: z.array(z.object({ key: z.string(), label: z.string(), unit: z.string().nullable(), kind: z.enum(['computed', 'manual']), display: z.enum(COMPUTED_DISPLAYS).optional() })),
  rows: z.array(RollupRow),
  /** Sum of the submitted (or approved) units' figures. */
  sum: z.record(z.string(), z.number()),
  /** The same metrics over the whole region; a difference means a record counted by two units, or one no unit counted. */
  region: z.object({ unitId: z.string(), name: z.string(), values: z.record(z.string(), z.number()), recordsHref: z.record(z.string(), z.string()) }),
  completeness: z.object({ expected: int(), reported: int(), onTime: int(), approved: int(), rate: z.number(), onTimeRate: z.number() }),
  /** A district's view: each township's units' completeness and timeliness in this round (district-level units apart). */
  byTownship: z.array(z.object({ id: z.string().nullable(), name: z.string(), expected: int(), reported: int(), onTime: int(), approved: int(), rate: z.number(), onTimeRate: z.number() })),
});
export type TRollup = z.output<typeof Rollup>;

export const RecordItem = z.object({ id: z.string(), title: z.string(), subtitle: z.string(), href: z.string() });
export const CellRecords = pageOf(RecordItem).extend({
  label: z.string(), unit: z.string().nullable(), value: z.number(), entity: z.string(), frozen: z.boolean(), unitName: z.string(), backHref: z.string(),
  display: z.enum(COMPUTED_DISPLAYS).optional(),
});
export type TCellRecords = z.output<typeof CellRecords>;

const Figure = z.object({ key: z.string(), label: z.string(), value: int(), href: z.string() });
export const CampaignDashboard = z.object({
  region: z.object({ id: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  hazards: z.array(Figure),
  weekly: z.array(z.object({ week: z.string(), found: int(), rectified: int(), href: z.string() })),
  byVillage: z.array(z.object({ id: z.string(), name: z.string(), found: int(), rectified: int(), href: z.string() })),
  bySector: z.array(z.object({ id: z.string(), name: z.string(), found: int(), rectified: int(), href: z.string() })),
  units: z.array(z.object({ id: z.string(), name: z.string(), dueSoFar: int(), confirmed: int(), submitted: int(), overdue: int() })),
  forms: z.array(z.object({ seriesId: z.string(), name: z.string(), due: z.string().nullable(), expected: int(), reported: int(), onTime: int(), approved: int(), overdue: int(), href: z.string().nullable() })),
});
export type TCampaignDashboard = z.output<typeof CampaignDashboard>;

const KeyParams = z.object({ key: z.string().min(10).max(120) });
const CampaignParams = z.object({ id: Uuid });
const RoundParams = z.object({ id: Uuid, due: DateStr });
const SeriesQuery = z.object({ form: Uuid });

export const reportRoutes = {
  dashboard: defineRoute({ method: 'GET', path: '/api/campaigns/:id/dashboard', summary: '专项行动概况：任务、报表与隐患统计', tag: 'reports', params: z.object({ id: Uuid }), response: CampaignDashboard }),
  templates: defineRoute({ method: 'GET', path: '/api/report-templates', summary: '报表模板库', tag: 'reports', response: TemplateList }),
  forms: defineRoute({ method: 'GET', path: '/api/campaigns/:id/report-rounds', summary: '专项行动的报表及各轮填报情况', tag: 'reports', params: CampaignParams, response: CampaignForms }),
  attach: defineRoute({ method: 'POST', path: '/api/campaigns/:id/report-forms', summary: '为专项行动添加报表', tag: 'reports', params: CampaignParams, body: AttachForm, response: CampaignForms }),
  edit: defineRoute({ method: 'PATCH', path: '/api/report-forms/:id', summary: '修改报表（生成新版本）', tag: 'reports', params: z.object({ id: Uuid }), body: EditForm, response: CampaignForms }),
  rollup: defineRoute({ method: 'GET', path: '/api/campaigns/:id/report-rounds/:due/rollup', summary: '本轮汇总', tag: 'reports', params: RoundParams, query: SeriesQuery, response: Rollup }),
  rollupXlsx: defineRoute({ method: 'GET', path: '/api/campaigns/:id/report-rounds/:due/rollup/export.xlsx', summary: '导出本轮汇总表', tag: 'reports', params: RoundParams, query: SeriesQuery, responseType: 'xlsx' }),
  get: defineRoute({ method: 'GET', path: '/api/report-submissions/:key', summary: '报表填报', tag: 'reports', params: KeyParams, response: SubmissionDetail }),
  save: defineRoute({ method: 'PATCH', path: '/api/report-submissions/:key', summary: '保存报表（手填指标、修改计算值）', tag: 'reports', params: KeyParams, body: SaveSubmission, response: SubmissionDetail }),
  act: defineRoute({ method: 'POST', path: '/api/report-submissions/:key/actions', summary: '提交、审核、退回、免报或重新开放', tag: 'reports', params: KeyParams, body: SubmissionActionBody, response: SubmissionDetail }),
  records: defineRoute({ method: 'GET', path: '/api/report-submissions/:key/cells/:cell/records', summary: '指标对应的记录', tag: 'reports', params: KeyParams.extend({ cell: z.string().min(1).max(60) }), query: PageQuery, response: CellRecords }),
  xlsx: defineRoute({ method: 'GET', path: '/api/report-submissions/:key/export.xlsx', summary: '导出报表', tag: 'reports', params: KeyParams, responseType: 'xlsx' }),
  pdf: defineRoute({ method: 'GET', path: '/api/report-submissions/:key/export.pdf', summary: '打印报表（PDF）', tag: 'reports', params: KeyParams, responseType: 'file' }),
};
