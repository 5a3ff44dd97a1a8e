// The figures of drills and training (decision 019): records and the enterprises that held them in
// the window, people taking part, the authorities' 执法人员培训, and the enterprises behind as of
// the due day by the district's requirement (the same windows as the list of who is behind). The
// family of records (safety_activity) and the per-row joins these read are in families.ts.
import { type SQL, sql } from 'drizzle-orm';
import { ACTIVITY_CATEGORY_LABELS, ACTIVITY_KIND_LABELS } from '../../../../domain/drills/drill-requirement.ts';
import type { MetricDef, Params, ParamSpec } from './registry.ts';

const all = (parts: SQL[]): SQL => (parts.length ? sql.join(parts, sql` and `) : sql`true`);
const list = (v: string) => sql`array[${sql.join(v.split(',').map((k) => sql`${k.trim()}`), sql`, `)}]::text[]`;

const RECORD_PARAMS = {
  category: { label: '类别', values: ACTIVITY_CATEGORY_LABELS },
  kinds: { label: '类型', values: ACTIVITY_KIND_LABELS, list: true },
  subject: { label: '对象', values: { enterprise: '生产经营单位', staff: '执法人员' } },
  verified: { label: '已核实', values: { yes: '是' } },
} satisfies Record<string, ParamSpec>;

/** Records of the category, kinds, subject (an enterprise's, or a unit's staff's), verified. */
const recordFilter = (p: Params) => all([
  ...(p.category ? [sql`sa.category = ${p.category}`] : []),
  ...(p.kinds ? [sql`sa.kind = any(${list(p.kinds)})`] : []),
  ...(p.subject === 'enterprise' ? [sql`sa.enterprise_id is not null`] : p.subject === 'staff' ? [sql`sa.unit_id is not null`] : []),
  ...(p.verified === 'yes' ? [sql`sa.verified_at is not null`] : []),
]);

const ATTRIBUTION = '科室计其行业领域内企业的记录和本单位执法人员的培训，村居计本村企业的和本村的，乡镇、区计辖区内的。';

/** ds: the enterprise's state in the due day's year, as of the due day (families.ts enterprise join drillState). */
function behind(p: Params): SQL {
  const c = p.category === 'training' ? 'training' : 'drill';
  const col = (s: string) => sql.raw(`ds.${c}_${s}`);
  if (p.status === 'behind') return sql`(${col('missed')} or ${col('pending')})`;
  if (p.status === 'met') return sql`(${col('owed')} and not ${col('missed')} and not ${col('pending')})`;
  return col('missed');
}

export const DRILL_METRICS: readonly MetricDef[] = [
  {
    key: 'drills.records', version: 1, label: '开展演练/培训', unit: '次', family: 'safety_activity', agg: 'count', record: 'safety_activity', recordId: sql`sa.id`,
    description: `统计期内开展（按开展日期）且未作废的应急演练、安全培训和执法人员培训记录；可限定类别、类型、对象（企业或执法人员）和已核实的。${ATTRIBUTION}`,
    params: RECORD_PARAMS, where: recordFilter, scope: recordFilter,
  },
  {
    key: 'drills.enterprises', version: 1, label: '开展演练/培训的企业', unit: '家', family: 'safety_activity', agg: 'count', record: 'enterprise', recordId: sql`sa.enterprise_id`,
    description: `统计期内开展过应急演练或安全培训（未作废）的生产经营单位，同一单位多次计一家；可限定类别、类型和已核实的。${ATTRIBUTION}`,
    params: { category: RECORD_PARAMS.category, kinds: RECORD_PARAMS.kinds, verified: RECORD_PARAMS.verified },
    where: (p) => sql`sa.enterprise_id is not null and ${recordFilter(p)}`, scope: (p) => sql`sa.enterprise_id is not null and ${recordFilter(p)}`,
  },
  {
    key: 'drills.participants', version: 1, label: '参加演练/培训人次', unit: '人次', family: 'safety_activity', agg: 'sum', record: 'safety_activity', recordId: sql`sa.id`,
    description: `统计期内开展的演练和培训（未作废）的参加人数合计；可限定类别、类型、对象和已核实的。${ATTRIBUTION}`,
    params: RECORD_PARAMS, where: recordFilter, scope: recordFilter, amount: () => sql`sa.participants`,
  },
  {
    key: 'drills.enterprises_behind', version: 1, label: '未按规定开展应急演练的企业', unit: '家', family: 'enterprise', agg: 'count', record: 'enterprise', recordId: sql`e.id`,
    description: '截止日所在年度、截至截止日，按本区的频次要求（一般单位、高危行业单位分别设定，一年平均分期）有一期应开展而该期结束仍未开展的生产经营单位（类别默认为应急演练）；'
      + '“含本期未完成”时也计截止日所在一期尚未开展的，“已按要求完成”计应开展且均已开展的。期中之后才纳入台账的单位从下一期起计。按监管范围归属，同“监管单位”。',
    params: {
      category: { label: '类别', values: ACTIVITY_CATEGORY_LABELS },
      status: { label: '口径', values: { missed: '已落后（已结束的一期未开展）', behind: '含本期未完成', met: '已按要求完成' } },
    },
    where: behind, joins: ['drillState'],
  },
  {
    key: 'inspections.drill_lapsed', version: 1, label: '抽查发现未按规定开展应急演练的企业', unit: '家', family: 'inspection', agg: 'count', record: 'enterprise', recordId: sql`i.enterprise_id`,
    description: '统计期内用指定检查表检查的企业中，检查日前一年内有一期应开展的应急演练（按本区频次要求）结束时仍无演练记录的企业——演练记录已在系统中的，不必再由检查人员判定（最多报一次）；'
      + '指定检查项时，该项判为不符合的企业也计入，同一企业计一家。',
    params: { template: { label: '检查表编号', required: true }, item: { label: '检查项' } },
    where: (p) => sql`i.template_code = ${p.template ?? ''} and (coalesce(dl.lapsed, false)${p.item ? sql` or i.failed_item_keys @> array[${p.item}]::text[]` : sql``})`,
    scope: (p) => sql`i.template_code = ${p.template ?? ''}`,
    joins: ['drillLapse'],
  },
];
