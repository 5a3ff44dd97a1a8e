// The metric registry: every figure a form, the dashboard or a drill-down shows is one of these,
// a named, versioned, documented condition over a family's rows in a window, with parameters.
// A metric counts distinct records (or sums an amount over them) and can list the records it
// counted. Bump `version` when a definition changes what it counts: submitted versions keep the
// version they were counted with. A condition may read the unit it is evaluated for as `u` (an
// org_units row), e.g. a department counts only the transfers it made itself.
import { type SQL, sql } from 'drizzle-orm';
import { ACTIVITY_KIND_LABELS, ACTIVITY_LEVEL_LABELS, INSPECTOR_EMPLOYMENT_LABELS, LEADER_POST_LABELS } from '../../../../domain/supervision/leadership.ts';
import { PUBLICITY_CHANNEL_LABELS } from '../../../../domain/publicity/publicity.ts';
import { DRILL_METRICS } from './drill-metrics.ts';
import type { Family, MetricWindow } from './families.ts';

export type RecordKind = 'enterprise' | 'hazard' | 'inspection' | 'case' | 'accountability' | 'leadership_activity' | 'technical_inspector' | 'publicity' | 'public_report' | 'safety_activity';
export type Params = Readonly<Record<string, string>>;

export interface ParamSpec {
  label: string;
  /** Allowed values and their labels; absent: any short text (a checklist code, an item key). */
  values?: Record<string, string>;
  /** Comma-separated values from `values` allowed. */
  list?: boolean;
  required?: boolean;
}

export interface MetricDef {
  key: string;
  version: number;
  label: string;
  description: string;
  unit: string;
  family: Family;
  params: Record<string, ParamSpec>;
  /** count: distinct records; sum: an amount (integer, e.g. fen) summed over them. */
  agg: 'count' | 'sum';
  /** What the drill-down lists, and the expression of its id in the family's row. */
  record: RecordKind;
  recordId: SQL;
  where(p: Params, w: MetricWindow): SQL;
  amount?(p: Params, w: MetricWindow): SQL;
  /**
   * A cheap condition on the family's own columns that every record the metric counts meets (so
   * implied by `where`): the engine reads only the rows some cell's scope admits (which an index
   * can serve: major hazards only, one checklist) and runs a join only for the rows its cells'
   * scopes admit. Absent: every row of the family.
   */
  scope?(p: Params, w: MetricWindow): SQL;
  /** The family's joins (FamilySpec.joins) `where` reads. */
  joins?: readonly string[];
}

const LEVEL = { level: { label: '隐患级别', values: { major: '重大隐患' } } } satisfies Record<string, ParamSpec>;
const SOURCE = { source: { label: '发现来源', values: { self_inspection: '企业自查', authority: '部门（村居、督导）检查' } } } satisfies Record<string, ParamSpec>;
const GRADES = { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' };
const MEASURES = {
  penalty: '行政处罚', suspension: '责令停产整顿', work_stop: '责令停止作业', judicial_referral: '移送司法机关', closure_request: '提请关闭',
  industry_ban: '行业禁入', summons: '约谈', exposure: '曝光', joint_sanction: '联合惩戒', circular: '通报',
};

const AUTHORITY = sql.raw(`('department', 'village', 'supervision', 'assigned')`);
/** Conditions joined with and; none: true. */
const all = (parts: SQL[]): SQL => (parts.length ? sql.join(parts, sql` and `) : sql`true`);
function hazardFilter(p: Params): SQL {
  const parts: SQL[] = [];
  if (p.level === 'major') parts.push(sql`h.level = 'major'`);
  if (p.source === 'self_inspection') parts.push(sql`h.source = 'self_inspection'`);
  if (p.source === 'authority') parts.push(sql`h.source in ${AUTHORITY}`);
  return all(parts);
}
const closedBy = (w: MetricWindow) => sql`h.closed_at is not null and h.closed_at < ${w.cutoff}`;
/** Listed by the due day: the hazard family's `listing` join (its first listing day). */
const listedBy = (w: MetricWindow) => sql`hl.listed_on <= ${w.to}`;
/** The measure kinds a parameter names ('exposure,summons'), as a text[]. */
const kindList = (kinds: string) => sql`array[${sql.join(kinds.split(',').map((k) => sql`${k.trim()}`), sql`, `)}]::text[]`;
/** A measure of one of these kinds decided by the due day: the case family's `measures` join. */
const measureOf = (kinds: string) => sql`cm.kinds && ${kindList(kinds)}`;

const hazardMetric = (key: string, label: string, description: string, extra: (w: MetricWindow) => SQL | null, joins?: readonly string[]): MetricDef => ({
  key, version: 1, label, description, unit: '条', family: 'hazard', params: { ...LEVEL, ...SOURCE }, agg: 'count', record: 'hazard', recordId: sql`h.id`,
  where: (p, w) => { const e = extra(w); return e ? sql`${hazardFilter(p)} and ${e}` : hazardFilter(p); },
  scope: (p) => hazardFilter(p),
  ...(joins ? { joins } : {}),
});
const gradeOf = (p: Params) => (p.grade ? sql`e.risk_grade = ${p.grade}` : sql`true`);
const inspectionFilter = (p: Params) => all([
  ...(p.leaderLed === 'yes' ? [sql`i.leader_led`] : []), ...(p.type ? [sql`i.type = ${p.type}`] : []), ...(p.template ? [sql`i.template_code = ${p.template}`] : []),
]);
const decidedFines = (w: MetricWindow) => sql`c.decided_on is not null and c.decided_on <= ${w.to} and (c.fine_on_enterprise_fen + c.fine_on_principal_fen) > 0`;
const dualPenalty = (w: MetricWindow) => sql`c.decided_on is not null and c.decided_on <= ${w.to} and c.fine_on_enterprise_fen > 0 and c.fine_on_principal_fen > 0`;
const publishedBy = (p: Params, w: MetricWindow) => sql`c.published and c.published_at < ${w.cutoff}${p.crime === 'yes' ? sql` and c.dangerous_operation_crime` : sql``}`;
const personAccountability = () => sql`a.kind = 'accountability' and a.target_type = 'person'`;
const unitInterview = () => sql`a.kind = 'interview_notice' and a.target_type = 'unit'`;
/** Leaders' activities of the kinds, at the level, with a leader of one of the posts (the leaders jsonb: [{ userId, name, post }]). */
const activityFilter = (p: Params) => all([
  sql`la.kind = any(${kindList(p.kinds ?? '')})`,
  ...(p.level ? [sql`la.level = ${p.level}`] : []),
  ...(p.posts ? [sql`exists (select 1 from jsonb_array_elements(la.leaders) x where x->>'post' = any(${kindList(p.posts)}))`] : []),
]);
const employmentOf = (p: Params) => (p.employment ? sql`ti.employment = ${p.employment}` : sql`true`);
const anonymousOf = (p: Params) => (p.anonymous === 'yes' ? sql`tr.anonymous` : sql`true`);
const leaderChecks = (p: Params) => (p.leaders === 'yes' ? sql`ec.leader` : sql`true`);
const mediaColumns = (p: Params) => all([sql`pr.kind = 'media_column' and pr.mainstream`, ...(p.channels ? [sql`pr.channel = any(${kindList(p.channels)})`] : [])]);
/** Publicity exposures, and the enforcement measures of the kinds named (if any). */
const exposedBy = (p: Params) => (p.measures ? sql`(ex.source = 'publicity' or ex.source = any(${kindList(p.measures)}))` : sql`ex.source = 'publicity'`);

export const METRICS: readonly MetricDef[] = [
  {
    key: 'enterprises.supervised', version: 1, label: '监管单位', unit: '家', family: 'enterprise', agg: 'count', record: 'enterprise', recordId: sql`e.id`,
    description: '截止日仍在经营（未注销、未作废）的生产经营单位；可按风险等级（红橙黄蓝）统计。',
    params: { grade: { label: '风险等级', values: GRADES } },
    where: gradeOf, scope: gradeOf,
  },
  hazardMetric('hazards.found', '排查隐患', '统计期内发现且未作废的隐患。', () => null),
  hazardMetric('hazards.rectified', '已整改隐患', '统计期内发现、截止日前已验收销号的隐患。', closedBy),
  hazardMetric('hazards.open', '未销号隐患', '统计期内发现、截止日时尚未验收销号的隐患。', (w) => sql`(h.closed_at is null or h.closed_at >= ${w.cutoff})`),
  hazardMetric('hazards.overdue', '逾期未整改隐患', '统计期内发现、截止日时尚未销号且整改期限已过的隐患。', (w) => sql`(h.closed_at is null or h.closed_at >= ${w.cutoff}) and h.due_date < ${w.to}`),
  hazardMetric('hazards.listed', '挂牌督办隐患', '统计期内发现、截止日前已挂牌督办的隐患。', listedBy, ['listing']),
  hazardMetric('hazards.listed_rectified', '挂牌督办已整改隐患', '挂牌督办隐患中截止日前已验收销号的。', (w) => sql`${listedBy(w)} and ${closedBy(w)}`, ['listing']),
  {
    ...hazardMetric('hazards.transferred', '移送隐患', '统计期内发现、截止日前移送（待接收或已接收）给区级部门或镇属部门的隐患；科室、村居只计本单位移送的。', () => null),
    params: { ...LEVEL, to: { label: '移送给', values: { district_department: '区级部门', township_department: '镇属部门' }, required: true } },
    where: (p, w) => sql`${hazardFilter(p)} and exists (select 1 from hazard_transfers t join org_units tu on tu.id = t.to_unit_id join org_units tp on tp.id = tu.parent_id
      where t.hazard_id = h.id and t.status in ('pending', 'accepted') and t.requested_at < ${w.cutoff} and tu.kind = 'department'
      and (u.kind in ('township', 'district') or t.from_unit_id = u.id)
      and tp.kind = ${p.to === 'district_department' ? 'district' : 'township'})`,
  },
  {
    key: 'inspections.enterprises', version: 1, label: '检查企业', unit: '家', family: 'inspection', agg: 'count', record: 'enterprise', recordId: sql`i.enterprise_id`,
    description: '统计期内已完成检查（不含企业自查）的企业数，同一企业多次检查计一家；可限定领导带队、检查类型或使用的检查表。',
    params: {
      leaderLed: { label: '领导带队', values: { yes: '是' } },
      type: { label: '检查类型', values: { enforcement: '执法检查', assistance: '帮扶指导', supervision: '督导检查', spot_check: '抽查检查' } },
      template: { label: '检查表编号' },
    },
    where: inspectionFilter, scope: inspectionFilter,
  },
  {
    key: 'inspections.visits', version: 1, label: '检查（家次）', unit: '家次', family: 'inspection', agg: 'count', record: 'inspection', recordId: sql`i.id`,
    description: '统计期内已完成的检查次数（不含企业自查）；可限定检查类型、重点企业。',
    params: {
      type: { label: '检查类型', values: { enforcement: '执法检查', assistance: '帮扶指导', supervision: '督导检查', spot_check: '抽查检查' } },
      key: { label: '重点企业', values: { yes: '是' } },
    },
    where: (p) => all([...(p.type ? [sql`i.type = ${p.type}`] : []), ...(p.key === 'yes' ? [sql`ke.id is not null`] : [])]),
    scope: (p) => (p.type ? sql`i.type = ${p.type}` : sql`true`),
    joins: ['keyEnterprise'],
  },
  {
    key: 'inspections.item_failed', version: 1, label: '检查项不符合的企业', unit: '家', family: 'inspection', agg: 'count', record: 'enterprise', recordId: sql`i.enterprise_id`,
    description: '统计期内用指定检查表检查、指定检查项判为不符合的企业数。',
    params: { template: { label: '检查表编号', required: true }, item: { label: '检查项', required: true } },
    // inspections.failed_item_keys is kept by a trigger on the answers: no lookup per inspection
    where: (p) => sql`i.template_code = ${p.template ?? ''} and i.failed_item_keys @> array[${p.item ?? ''}]::text[]`,
    scope: (p) => sql`i.template_code = ${p.template ?? ''}`,
  },
  {
    key: 'cases.enterprises', version: 1, label: '执法处罚企业', unit: '家', family: 'case', agg: 'count', record: 'enterprise', recordId: sql`c.enterprise_id`,
    description: '统计期内立案的执法案件涉及的企业数。', params: {}, where: () => sql`true`,
  },
  {
    key: 'cases.fines', version: 1, label: '罚款金额', unit: '万元', family: 'case', agg: 'sum', record: 'case', recordId: sql`c.id`,
    description: '统计期内立案、截止日前作出处罚决定的案件罚款合计（对企业和对主要负责人），以分计、以万元显示。', params: {},
    where: (_p, w) => decidedFines(w), scope: (_p, w) => decidedFines(w),
    amount: () => sql`(c.fine_on_enterprise_fen + c.fine_on_principal_fen)`,
  },
  {
    key: 'cases.with_measure', version: 1, label: '作出某类处理措施的案件', unit: '次', family: 'case', agg: 'count', record: 'case', recordId: sql`c.id`,
    description: '统计期内立案、截止日前作出指定措施（如行政处罚）的案件数。',
    params: { kind: { label: '措施', values: MEASURES, required: true } },
    where: (p) => measureOf(p.kind ?? ''),
    joins: ['measures'],
  },
  {
    key: 'cases.dual_penalty', version: 1, label: '一案双罚', unit: '次', family: 'case', agg: 'count', record: 'case', recordId: sql`c.id`,
    description: '截止日前作出决定、同时处罚企业和企业主要负责人的案件。', params: {},
    where: (_p, w) => dualPenalty(w), scope: (_p, w) => dualPenalty(w),
  },
  {
    key: 'cases.published', version: 1, label: '公布典型执法案例', unit: '个', family: 'case', agg: 'count', record: 'case', recordId: sql`c.id`,
    description: '截止日前公布的典型执法案例；可限定危险作业罪案例。', params: { crime: { label: '危险作业罪', values: { yes: '是' } } },
    where: publishedBy, scope: publishedBy,
  },
  {
    key: 'measures.enterprises', version: 1, label: '受处理措施的企业', unit: '家', family: 'case', agg: 'count', record: 'enterprise', recordId: sql`c.enterprise_id`,
    description: '截止日前被作出指定措施（可多选，如曝光、约谈、联合惩戒）的企业数。',
    params: { kinds: { label: '措施', values: MEASURES, list: true, required: true } },
    where: (p) => measureOf(p.kinds ?? ''),
    joins: ['measures'],
  },
  {
    key: 'measures.persons', version: 1, label: '移送人数', unit: '人', family: 'case', agg: 'sum', record: 'case', recordId: sql`c.id`,
    description: '截止日前作出指定措施（如移送司法机关）所涉人数合计。',
    params: { kind: { label: '措施', values: MEASURES, required: true } },
    where: (p) => measureOf(p.kind ?? ''),
    amount: (p) => sql`(select coalesce(sum(x.persons), 0) from unnest(cm.kinds, cm.persons) as x(kind, persons) where x.kind = any(${kindList(p.kind ?? '')}))`,
    joins: ['measures'],
  },
  {
    key: 'accountability.persons', version: 1, label: '追责问责', unit: '人', family: 'accountability', agg: 'count', record: 'accountability', recordId: sql`a.id`,
    description: '统计期内作出的追责问责（对个人）。', params: {},
    where: personAccountability, scope: personAccountability,
  },
  {
    key: 'accountability.unit_interviews', version: 1, label: '约谈通报单位', unit: '次', family: 'accountability', agg: 'count', record: 'accountability', recordId: sql`a.id`,
    description: '统计期内对有关部门及单位的约谈通报。', params: {},
    where: unitInterview, scope: unitInterview,
  },
  {
    key: 'leadership.activities', version: 1, label: '领导活动', unit: '次', family: 'leadership_activity', agg: 'count', record: 'leadership_activity', recordId: sql`la.id`,
    description: '统计期内开展的领导活动（不含已作废），按活动类型（可多选）、级别（区级/乡镇级）和参加领导的职务（可多选，任一参加领导为该职务即计入）统计；'
      + '科室、村居计本单位登记的，乡镇计本乡镇的，区计全区（区本级和各乡镇）的。',
    params: {
      kinds: { label: '活动类型', values: ACTIVITY_KIND_LABELS, list: true, required: true },
      level: { label: '级别', values: ACTIVITY_LEVEL_LABELS },
      posts: { label: '领导职务', values: LEADER_POST_LABELS, list: true },
    },
    where: activityFilter, scope: activityFilter,
  },
  {
    key: 'inspectors.count', version: 1, label: '专兼职技术检查员', unit: '人', family: 'technical_inspector', agg: 'count', record: 'technical_inspector', recordId: sql`ti.id`,
    description: '截止日当天在岗的专兼职技术检查员（起始日期不晚于截止日，未离任或离任日期不早于截止日，不含已作废的记录）；'
      + '乡镇计本乡镇名册，区计区本级和各乡镇名册（两级合计），科室、村居计在本单位工作的。可限定专职或兼职。',
    params: { employment: { label: '专职/兼职', values: INSPECTOR_EMPLOYMENT_LABELS } },
    where: employmentOf, scope: employmentOf,
  },
  {
    key: 'checks.enterprises', version: 1, label: '检查企业', unit: '家', family: 'enterprise_check', agg: 'count', record: 'enterprise', recordId: sql`ec.enterprise_id`,
    description: '统计期内检查过的企业数，同一企业多次检查计一家：已完成的检查（不含企业自查），以及登记了所到企业的领导调研检查、现场督导检查活动（不含已作废）。'
      + '限定“领导检查”时，计领导带队的检查和上述领导活动所到的企业——领导到企业调研检查已登记为领导活动的，不必再补录一条检查记录（最多报一次），'
      + '而所计企业仍是“检查企业”的一部分。按登记单位归属：科室、村居计本单位的检查和本单位登记的领导活动，乡镇、区计辖区内的。',
    params: { leaders: { label: '领导检查', values: { yes: '是' } } },
    where: leaderChecks, scope: leaderChecks,
  },
  {
    key: 'tips.rewards', version: 1, label: '举报奖励', unit: '万元', family: 'tip_reward', agg: 'sum', record: 'public_report', recordId: sql`tr.report_id`,
    description: '统计期内已发放的群众举报奖励金额（按发放日期），以分计、以万元显示；可限定匿名举报（匿名举报查实奖励）。乡镇计本乡镇发放的，区计全区的。',
    params: { anonymous: { label: '匿名举报', values: { yes: '仅匿名举报' } } },
    where: anonymousOf, scope: anonymousOf,
    amount: () => sql`tr.amount_fen`,
  },
  {
    key: 'publicity.media_columns', version: 1, label: '主流媒体安全生产专题栏目', unit: '个', family: 'publicity', agg: 'count', record: 'publicity', recordId: sql`pr.id`,
    description: '统计期内在主流媒体播出（刊发）的安全生产专题栏目（登记为主流媒体的专题栏目，开始日期不晚于截止日、结束日期不早于统计期开始，不含已作废）；'
      + '乡镇计本乡镇的，区计区本级和各乡镇的。作“是否……”指标时，有即为“是”。可限定渠道。',
    params: { channels: { label: '渠道', values: PUBLICITY_CHANNEL_LABELS, list: true } },
    where: mediaColumns, scope: mediaColumns,
  },
  {
    key: 'publicity.exposed_enterprises', version: 1, label: '曝光企业', unit: '家', family: 'exposure', agg: 'count', record: 'enterprise', recordId: sql`ex.enterprise_id`,
    description: '统计期内宣传/曝光记录中曝光的企业数（不含已作废的记录），同一企业多次曝光计一家；'
      + '选择“并计执法措施”时，截止日前对统计期内立案的案件作出所选措施（如曝光、约谈、联合惩戒）的企业一并计入，同一企业只计一次。'
      + '乡镇计本乡镇的，区计全区的，科室计本单位案件的。',
    params: { measures: { label: '并计执法措施', values: MEASURES, list: true } },
    where: exposedBy, scope: exposedBy,
  },
  ...DRILL_METRICS,
];

const BY_KEY = new Map(METRICS.map((m) => [m.key, m]));
export const metricOf = (key: string): MetricDef | undefined => BY_KEY.get(key);
export const knownMetric = (key: string): boolean => BY_KEY.has(key);

/** What is wrong with a metric's parameters, in words for the office. */
export function paramProblems(key: string, params: Params | undefined): string[] {
  const m = BY_KEY.get(key);
  if (!m) return [`统计口径“${key}”不存在`];
  const out: string[] = [];
  for (const [name, value] of Object.entries(params ?? {})) {
    const spec = m.params[name];
    if (!spec) { out.push(`统计口径“${m.label}”没有参数“${name}”`); continue; }
    if (typeof value !== 'string' || value.length > 100) { out.push(`参数“${spec.label}”无效`); continue; }
    const values = spec.list ? value.split(',').map((v) => v.trim()) : [value];
    if (spec.values && values.some((v) => !(v in spec.values!))) out.push(`参数“${spec.label}”的值“${value}”无效`);
  }
  for (const [name, spec] of Object.entries(m.params)) if (spec.required && !params?.[name]) out.push(`统计口径“${m.label}”需要参数“${spec.label}”`);
  return out;
}
