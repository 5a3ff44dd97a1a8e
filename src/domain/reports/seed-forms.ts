// The seeds' forms as library templates (data, not code): 崇明 进展情况调度表 (seed 002's annex),
// 大盛 附件3 科室汇总表 and 附件4 村居汇总表 (seed 003). Every figure the product holds records for is
// a computed indicator; the others are manual and say which records they wait for.
import type { Heading, Indicator, TemplateBody } from './template.ts';

const computed = (key: string, label: string, unit: string, metric: string, params?: Record<string, string>): Indicator =>
  ({ key, label, unit, source: { kind: 'computed', metric, ...(params ? { params } : {}) } });
/** A "是否……" item: 是 when the metric counts any record. */
const yesno = (key: string, label: string, metric: string): Indicator => ({ key, label, unit: null, source: { kind: 'computed', metric, display: 'yesno' } });
const pending = (key: string, label: string, unit: string | null, waitsFor: string, type: 'number' | 'amount' | 'yesno' = 'number'): Indicator =>
  ({ key, label, unit, source: { kind: 'manual', type, pending: waitsFor } });

const SPOT = 'chongming-spot-check';
/** 党委政府 leaders: the main leaders and the deputies (not a member unit's head alone). */
const GOVERNMENT_LEADERS = 'party_secretary,government_head,deputy';
/** 主要负责同志: the Party secretary and the head of government. */
const MAIN_LEADERS = 'party_secretary,government_head';
const spotItem = (n: number, item: string, label: string) => computed(`spot_${n}`, label, '家', 'inspections.item_failed', { template: SPOT, item });

const CHONGMING_INDICATORS: Indicator[] = [
  computed('self_major', '企业自查发现的重大事故隐患', '个', 'hazards.found', { level: 'major', source: 'self_inspection' }),
  computed('self_major_fixed', '企业自查发现重大事故隐患中已完成整改的', '个', 'hazards.rectified', { level: 'major', source: 'self_inspection' }),
  computed('dept_major', '部门检查发现的重大事故隐患', '个', 'hazards.found', { level: 'major', source: 'authority' }),
  computed('dept_major_fixed', '部门检查发现重大事故隐患中已完成整改的', '个', 'hazards.rectified', { level: 'major', source: 'authority' }),
  computed('listed_major', '政府挂牌督办的重大事故隐患', '个', 'hazards.listed', { level: 'major' }),
  computed('listed_major_fixed', '挂牌督办重大事故隐患中已完成整改的', '个', 'hazards.listed_rectified', { level: 'major' }),
  computed('spot_total', '部门抽查检查的企业总数', '家', 'inspections.enterprises', { template: SPOT }),
  spotItem(2, 'principal-study', '企业主要负责人未按要求亲自研究排查整治工作'),
  spotItem(3, 'principal-led-inspection', '企业主要负责人未带队检查'),
  spotItem(4, 'deputy-duty-list', '企业未制定分管负责人职责清单'),
  spotItem(5, 'safety-management', '企业未依法建立安全管理机构和配足安全管理人员'),
  spotItem(6, 'special-work-certificates', '电焊等特种作业岗位人员无证上岗作业'),
  spotItem(7, 'outsourcing', '外包外租安全管理混乱'),
  // the drill records answer the first half without the inspector (最多报一次); the item's 不符合 counts too
  computed('spot_8', '未按规定开展应急演练、员工不熟悉逃生出口', '家', 'inspections.drill_lapsed', { template: SPOT, item: 'drill-and-escape' }),
  pending('assist_townships', '帮扶指导乡镇、区直属企业', '个次', '帮扶指导乡镇的记录'),
  computed('assist_key', '帮扶指导重点企业', '家次', 'inspections.visits', { type: 'assistance', key: 'yes' }),
  computed('penalties', '行政处罚（次）', '次', 'cases.with_measure', { kind: 'penalty' }),
  computed('penalty_amount', '行政处罚（万元）', '万元', 'cases.fines'),
  computed('dual_penalty', '企业和企业主要负责人“一案双罚”', '次', 'cases.dual_penalty'),
  computed('referrals', '移送司法机关', '人', 'measures.persons', { kind: 'judicial_referral' }),
  computed('suspensions', '责令停产整顿', '家', 'measures.enterprises', { kinds: 'suspension' }),
  // the measures' enterprises and those the publicity records exposed, each once (decision 020)
  computed('exposures', '曝光、约谈、联合惩戒企业', '家', 'publicity.exposed_enterprises', { measures: 'exposure,summons,joint_sanction' }),
  computed('published_cases', '公布典型执法案例', '个', 'cases.published'),
  computed('crime_cases', '其中危险作业罪案例', '个', 'cases.published', { crime: 'yes' }),
  computed('accountability', '责任倒查追责问责', '人', 'accountability.persons'),
  computed('unit_interviews', '约谈通报有关部门及单位', '次', 'accountability.unit_interviews'),
  // 党委政府 leaders (not a member unit's head alone) at the unit's level and below
  computed('study', '区、乡镇党委政府分别组织专题学习安全生产十五条硬措施等', '次', 'leadership.activities', { kinds: 'study', posts: GOVERNMENT_LEADERS }),
  computed('research', '区、乡镇党委政府主要负责同志分别专题研究', '次', 'leadership.activities', { kinds: 'meeting', posts: MAIN_LEADERS }),
  computed('onsite', '区、乡镇政府负责同志分别现场督导检查', '次', 'leadership.activities', { kinds: 'site_supervision', posts: GOVERNMENT_LEADERS }),
  computed('briefings', '区、乡镇安委会成员单位负责同志分别到企业宣讲', '次', 'leadership.activities', { kinds: 'enterprise_talk', posts: 'member_unit_head' }),
  computed('rewards', '举报奖励（万元）', '万元', 'tips.rewards'),
  computed('anonymous_rewards', '其中匿名举报查实奖励（万元）', '万元', 'tips.rewards', { anonymous: 'yes' }),
  yesno('media', '是否在主流媒体播放安全生产专题栏目', 'publicity.media_columns'),
  computed('inspectors', '区、乡镇两级配备专兼职技术检查员数量', '人', 'inspectors.count'),
  computed('assessments', '组织开展考核巡查督导检查', '次', 'leadership.activities', { kinds: 'assessment' }),
];

/** One numbered cell; several keys print together in one value cell under `label`. */
const cell = (no: number, ...keys: string[]) => keys.map((indicator, i) => ({ no: i === 0 ? String(no) : '', indicator }));
const pair = (no: number, label: string, a: string, b: string) => [{ no: String(no), indicator: a, label }, { no: '', indicator: b }];
const rows = (...pairs: { no: string; indicator: string }[][][]) => pairs.map((r) => ({ cells: r.flat() }));

export const CHONGMING_DISPATCH: TemplateBody = {
  title: '上海市崇明区重大事故隐患专项排查整治2023行动进展情况调度表',
  subtitle: null,
  fillers: ['township', 'district_department'],
  dueText: '每月28日前',
  cumulative: true,
  graceDays: 3,
  indicators: CHONGMING_INDICATORS,
  layout: {
    kind: 'sheet',
    sections: [
      { title: '总体情况', rows: rows([cell(1, 'self_major'), cell(2, 'self_major_fixed')], [cell(3, 'dept_major'), cell(4, 'dept_major_fixed')], [cell(5, 'listed_major'), cell(6, 'listed_major_fixed')]) },
      {
        title: '对企业自查自改进行抽查检查情况',
        rows: rows([cell(1, 'spot_total'), cell(2, 'spot_2')], [cell(3, 'spot_3'), cell(4, 'spot_4')], [cell(5, 'spot_5'), cell(6, 'spot_6')], [cell(7, 'spot_7'), cell(8, 'spot_8')]),
      },
      {
        title: '部门精准严格执法情况',
        rows: rows(
          [cell(1, 'assist_townships'), cell(2, 'assist_key')], [pair(3, '行政处罚（次，万元）', 'penalties', 'penalty_amount'), cell(4, 'dual_penalty')],
          [cell(5, 'referrals'), cell(6, 'suspensions')], [cell(7, 'exposures'), pair(8, '公布典型执法案例（个），其中危险作业罪案例（个）', 'published_cases', 'crime_cases')],
          [cell(9, 'accountability'), cell(10, 'unit_interviews')],
        ),
      },
      {
        title: '党委政府组织领导情况',
        rows: rows([cell(1, 'study'), cell(2, 'research')], [cell(3, 'onsite'), cell(4, 'briefings')], [pair(5, '举报奖励（万元），其中匿名举报查实奖励（万元）', 'rewards', 'anonymous_rewards'), cell(6, 'media')], [cell(7, 'inspectors'), cell(8, 'assessments')]),
      },
    ],
  },
  notes: [
    '注：1.调度表自5月份开始上报，每月28日前上报当月的累计情况。',
    '2.调度表内容应围绕专项排查整治工作并对照具体要求如实填报，特别是对企业自查情况进行抽查检查时，要深挖细查，查出真问题。',
  ],
};

const leaf = (label: string, indicator: string): Heading => ({ label, indicator });
const GRADES = [['red', '红色单位（家）'], ['orange', '橙色单位（家）'], ['yellow', '黄色单位（家）'], ['blue', '蓝色单位（家）']] as const;

const baseIndicators: Indicator[] = [
  computed('supervised', '监管单位（家）', '家', 'enterprises.supervised'),
  ...GRADES.map(([grade, label]) => computed(`grade_${grade}`, label, '家', 'enterprises.supervised', { grade })),
];
const baseHeading: Heading = {
  label: '基础工作',
  children: [leaf('监管单位（家）', 'supervised'), { label: '分级监管', children: GRADES.map(([grade, label]) => leaf(label, `grade_${grade}`)) }],
};
const hazardIndicators: Indicator[] = [
  computed('hazards', '隐患总数·排查（条）', '条', 'hazards.found'),
  computed('hazards_fixed', '隐患总数·已整改（条）', '条', 'hazards.rectified'),
  computed('major', '其中重大隐患·排查（条）', '条', 'hazards.found', { level: 'major' }),
  computed('major_fixed', '其中重大隐患·已整改（条）', '条', 'hazards.rectified', { level: 'major' }),
];
const hazardHeadings: Heading[] = [
  { label: '隐患总数', children: [leaf('排查（条）', 'hazards'), leaf('已整改（条）', 'hazards_fixed')] },
  { label: '其中重大隐患', children: [leaf('排查（条）', 'major'), leaf('已整改（条）', 'major_fixed')] },
];

export const DASHENG_DEPARTMENT_SUMMARY: TemplateBody = {
  title: '大盛镇{unit}秋冬季安全生产大排查情况汇总表',
  subtitle: '（每次都报送累计数据）',
  fillers: ['department'],
  dueText: '每月14日和月底18:00前',
  cumulative: true,
  graceDays: 3,
  indicators: [
    ...baseIndicators,
    // inspections and leaders' 调研检查/现场督导检查 visits together, so that 其中领导检查企业 stays a part of 检查企业
    computed('inspected', '检查企业（家）', '家', 'checks.enterprises'),
    computed('inspected_by_leaders', '其中领导检查企业（家）', '家', 'checks.enterprises', { leaders: 'yes' }),
    ...hazardIndicators,
    computed('transferred', '向区级部门移送隐患（条）', '条', 'hazards.transferred', { to: 'district_department' }),
    computed('listed', '纳入挂牌督办（条）', '条', 'hazards.listed'),
    computed('enforced', '执法处罚（家）', '家', 'cases.enterprises'),
    computed('fines', '行政罚款（万元）', '万元', 'cases.fines'),
    pending('cases_transferred', '向区级部门移送案件（件）', '件', '案件移送记录'),
  ],
  layout: {
    kind: 'grid',
    unitHeading: '填报单位',
    headings: [
      baseHeading,
      { label: '督导检查', children: [leaf('检查企业（家）', 'inspected'), leaf('其中领导检查企业（家）', 'inspected_by_leaders')] },
      { label: '隐患排查整治情况', children: [...hazardHeadings, leaf('向区级部门移送隐患（条）', 'transferred'), leaf('纳入挂牌督办（条）', 'listed')] },
      leaf('执法处罚（家）', 'enforced'),
      leaf('行政罚款（万元）', 'fines'),
      leaf('向区级部门移送案件（件）', 'cases_transferred'),
    ],
  },
  notes: ['注：每月14日、30日18:00前报表。'],
};

export const DASHENG_VILLAGE_SUMMARY: TemplateBody = {
  title: '大盛镇{unit}秋冬季安全生产大排查情况汇总表',
  subtitle: '（每次都报送累计数据）',
  fillers: ['village'],
  dueText: '每月14日和月底18:00前',
  cumulative: true,
  graceDays: 3,
  indicators: [...baseIndicators, ...hazardIndicators, computed('transferred', '向镇属部门移送隐患（条）', '条', 'hazards.transferred', { to: 'township_department' })],
  layout: {
    kind: 'grid',
    unitHeading: '填报单位',
    headings: [baseHeading, { label: '隐患排查整治情况', children: [...hazardHeadings, leaf('向镇属部门移送隐患（条）', 'transferred')] }],
  },
  notes: ['注：每月14日、30日18:00前报送。'],
};

/** The library as shipped: a stable code per form, so a district's copy is updated, never duplicated. */
export const SEED_FORMS: readonly { code: string; name: string; body: TemplateBody }[] = [
  { code: 'chongming-dispatch-2023', name: '崇明 进展情况调度表', body: CHONGMING_DISPATCH },
  { code: 'dasheng-annex-3', name: '大盛 附件3 科室汇总表', body: DASHENG_DEPARTMENT_SUMMARY },
  { code: 'dasheng-annex-4', name: '大盛 附件4 村居汇总表', body: DASHENG_VILLAGE_SUMMARY },
];
