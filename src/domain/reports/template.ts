// Report form templates (调度表 / 汇总表) as data. A template says who fills it, when, whether its
// figures run from the campaign's start (cumulative, "每次都报送累计数据") or cover the period only,
// its indicators (each computed by a named metric or entered by hand) and its layout:
// - grid: one row per unit, under multi-level column headings (大盛 附件3 / 附件4);
// - sheet: labelled cells in sections, two indicators a row (崇明 进展情况调度表).
// Versioned like checklists: a stored version is never edited; an edit becomes version n+1 and a
// submission keeps the version it was filled on. Pure: no IO.

export const FILLER_KINDS = ['department', 'village', 'township', 'district_department'] as const;
export type FillerKind = (typeof FILLER_KINDS)[number];
export const FILLER_KIND_LABELS: Record<FillerKind, string> = {
  department: '镇街科室（站所）', village: '村（社区）', township: '乡镇（街道）', district_department: '区级部门',
};

export const MANUAL_TYPES = ['number', 'amount', 'yesno', 'text'] as const;
export type ManualType = (typeof MANUAL_TYPES)[number];
export const MANUAL_TYPE_LABELS: Record<ManualType, string> = { number: '数字', amount: '金额（万元）', yesno: '是/否', text: '文字' };

/** Units a figure is counted in, as the seeds' forms print them. */
export const INDICATOR_UNITS = ['家', '条', '个', '次', '人', '件', '万元', '家次', '个次'] as const;

export type MetricParams = Record<string, string>;

/**
 * How a computed figure prints: as the count (the default) or, for a "是否……" item (崇明's 是否在主流媒体
 * 播放安全生产专题栏目), as 是/否: 是 when it counted any record. The count is what is stored, summed and
 * listed; only the print differs.
 */
export const COMPUTED_DISPLAYS = ['yesno'] as const;
export type ComputedDisplay = (typeof COMPUTED_DISPLAYS)[number];

export type IndicatorSource =
  | { kind: 'computed'; metric: string; params?: MetricParams; display?: ComputedDisplay }
  /** `pending`: a figure whose records the product does not hold yet (later issues make it a metric). */
  | { kind: 'manual'; type: ManualType; pending?: string };

export interface Indicator {
  /** Stable within a template's versions: submitted values are stored by key. */
  key: string;
  label: string;
  unit: string | null;
  source: IndicatorSource;
}

/** How an indicator's computed figure prints (undefined: as the count; a manual figure as entered). */
export const displayOf = (i: Indicator): ComputedDisplay | undefined => (i.source.kind === 'computed' ? i.source.display : undefined);

/** A column heading of a grid form: a leaf names an indicator, an inner node groups its children. */
export interface Heading {
  label: string;
  indicator?: string;
  children?: Heading[];
}

export interface GridLayout {
  kind: 'grid';
  /** The first column's heading (填报单位). */
  unitHeading: string;
  headings: Heading[];
}

/** A sheet row holds one or two indicators, each with the number printed before it. */
export interface SheetRow {
  /** A cell with an empty `no` continues the one before it (a pair printed in one value cell, e.g. 行政处罚（次，万元）). */
  cells: { no: string; indicator: string; label?: string }[];
}
export interface SheetLayout {
  kind: 'sheet';
  sections: { title: string; rows: SheetRow[] }[];
}

export type Layout = GridLayout | SheetLayout;

export interface TemplateBody {
  title: string;
  /** Printed under the title, e.g. （每次都报送累计数据）. */
  subtitle: string | null;
  fillers: FillerKind[];
  /** A deadline phrase (每月28日前, 每月14日和月底 18:00), read by the campaigns' deadline rule. */
  dueText: string;
  cumulative: boolean;
  /** A round locks this many days after its due date; the office can reopen it for one unit. */
  graceDays: number;
  indicators: Indicator[];
  layout: Layout;
  /** Printed under the table (注：…). */
  notes: string[];
}

export const MAX_INDICATORS = 200;
export const MAX_GRACE_DAYS = 60;

/** The leaf headings of a grid in print order (left to right). */
export function gridLeaves(headings: readonly Heading[]): Heading[] {
  return headings.flatMap((h) => (h.children?.length ? gridLeaves(h.children) : [h]));
}

/** How many heading rows a grid needs. */
export function headingDepth(headings: readonly Heading[]): number {
  return headings.reduce((d, h) => Math.max(d, 1 + (h.children?.length ? headingDepth(h.children) : 0)), 0);
}

/** Every indicator key the layout places, in print order. */
export function layoutKeys(layout: Layout): string[] {
  if (layout.kind === 'grid') return gridLeaves(layout.headings).map((h) => h.indicator ?? '');
  return layout.sections.flatMap((s) => s.rows.flatMap((r) => r.cells.map((c) => c.indicator)));
}

export type TemplateProblem = { code: string; message: string };

/**
 * What is wrong with a template body, in words for the office; empty when it can be published.
 * `knownMetric` says whether the registry has a metric of that name (the registry lives on the server).
 */
export function templateProblems(t: TemplateBody, knownMetric: (key: string) => boolean): TemplateProblem[] {
  const out: TemplateProblem[] = [];
  if (!t.title.trim()) out.push({ code: 'title_missing', message: '请填写报表名称' });
  if (t.fillers.length === 0) out.push({ code: 'fillers_missing', message: '请选择填报单位类型' });
  if (t.indicators.length === 0) out.push({ code: 'indicators_missing', message: '报表至少需要一个指标' });
  if (t.indicators.length > MAX_INDICATORS) out.push({ code: 'too_many', message: `指标不能超过${MAX_INDICATORS}个` });
  if (!Number.isInteger(t.graceDays) || t.graceDays < 0 || t.graceDays > MAX_GRACE_DAYS) out.push({ code: 'grace_invalid', message: `锁定宽限期应为0至${MAX_GRACE_DAYS}天` });
  const keys = new Set<string>();
  for (const i of t.indicators) {
    if (keys.has(i.key)) out.push({ code: 'key_repeated', message: `指标编号“${i.key}”重复` });
    keys.add(i.key);
    if (!i.label.trim()) out.push({ code: 'label_missing', message: `指标“${i.key}”缺少名称` });
    if (i.source.kind === 'computed' && !knownMetric(i.source.metric)) out.push({ code: 'metric_unknown', message: `指标“${i.label}”引用的统计口径“${i.source.metric}”不存在` });
  }
  const placed = layoutKeys(t.layout);
  for (const k of placed) if (!keys.has(k)) out.push({ code: 'layout_unknown', message: `版式引用了不存在的指标“${k}”` });
  const placedSet = new Set(placed);
  for (const i of t.indicators) if (!placedSet.has(i.key)) out.push({ code: 'not_placed', message: `指标“${i.label}”未放入版式` });
  if (new Set(placed).size !== placed.length) out.push({ code: 'placed_twice', message: '同一指标在版式中出现了两次' });
  return out;
}
