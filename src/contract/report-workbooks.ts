// A township's own Excel form as a template: the upload answers a preview of its first sheet for
// the binding page to draw; the save binds blank cells (or a grid's unit rows and columns) to
// metrics or manual figures and stores a district library template; the metric registry as the
// page's choices.
import { z, int } from './zod.ts';
import { defineRoute } from './route.ts';
import { Uuid } from './common.ts';
import { COMPUTED_DISPLAYS, FILLER_KINDS, MANUAL_TYPES } from '../domain/reports/template.ts';
import { TemplateSummary } from './reports.ts';

export const PreviewCell = z.object({
  /** A1 address. */
  a: z.string(),
  /** The text shown (a merged range's text is at its top-left address). */
  t: z.string(),
  /** Holds a value or a formula: not bindable. */
  filled: z.boolean(),
  bold: z.boolean().optional(),
  border: z.boolean().optional(),
  align: z.string().optional(),
});
export const WorkbookPreview = z.object({
  fileId: z.string(),
  fileName: z.string(),
  sheet: z.string(),
  /** The used range drawn (capped). */
  rows: int(),
  cols: int(),
  /** The sheet is larger than what is drawn. */
  truncated: z.boolean(),
  /** Column widths in Excel's character units, column 1 first. */
  widths: z.array(z.number()),
  /** Row heights in points, row 1 first. */
  heights: z.array(z.number()),
  merges: z.array(z.string()),
  cells: z.array(PreviewCell),
});
export type TWorkbookPreview = z.output<typeof WorkbookPreview>;

const Address = z.string().regex(/^[A-Z]{1,3}[1-9]\d{0,6}$/, '单元格地址无效');
const Column = z.string().regex(/^[A-Z]{1,3}$/, '列无效');
const Params = z.record(z.string().max(40), z.string().max(100));
export const BoundSource = z.discriminatedUnion('kind', [
  /** display 'yesno': a "是否……" cell, 是 when the metric counts any record. */
  z.object({ kind: z.literal('computed'), metric: z.string().min(1).max(60), params: Params.optional(), display: z.enum(COMPUTED_DISPLAYS).optional() }),
  z.object({ kind: z.literal('manual'), type: z.enum(MANUAL_TYPES) }),
]);
export const BoundIndicator = z.object({
  indicator: z.string().trim().min(1, '请填写指标编号').max(40),
  label: z.string().trim().min(1, '请填写指标名称').max(100, '指标名称不超过100字'),
  unit: z.string().trim().max(10).nullable().default(null),
  source: BoundSource,
});
export const SaveWorkbookTemplate = z.object({
  fileId: Uuid,
  name: z.string().trim().min(1, '请填写报表名称').max(100, '报表名称不超过100字'),
  fillers: z.array(z.enum(FILLER_KINDS)).min(1, '请选择填报单位类型').max(FILLER_KINDS.length),
  dueText: z.string().trim().min(1, '请填写报送时限').max(100),
  cumulative: z.boolean().default(true),
  graceDays: int().min(0, '宽限期不能为负').max(60, '宽限期不超过60天').default(3),
  cells: z.record(Address, BoundIndicator).default({}),
  unitCell: Address.nullable().default(null),
  grid: z.object({
    row: int().min(2, '单位起始行无效').max(10_000),
    unitColumn: Column,
    kind: z.enum(FILLER_KINDS),
    columns: z.record(Column, BoundIndicator),
  }).nullable().default(null),
});
export type TSaveWorkbookTemplate = z.input<typeof SaveWorkbookTemplate>;

export const MetricParamInfo = z.object({
  name: z.string(),
  label: z.string(),
  values: z.array(z.object({ value: z.string(), label: z.string() })).nullable(),
  list: z.boolean(),
  required: z.boolean(),
});
export const MetricInfo = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  description: z.string(),
  params: z.array(MetricParamInfo),
});
export const MetricList = z.object({ items: z.array(MetricInfo) });
export type TMetricInfo = z.output<typeof MetricInfo>;

export const reportWorkbookRoutes = {
  upload: defineRoute({
    method: 'POST', path: '/api/report-templates/workbook', summary: '上传本镇报表（.xlsx），返回第一张工作表的预览', tag: 'reports', multipart: true, response: WorkbookPreview,
  }),
  save: defineRoute({
    method: 'POST', path: '/api/report-templates', summary: '保存本镇报表为模板（单元格绑定统计口径或手填）', tag: 'reports', body: SaveWorkbookTemplate, response: TemplateSummary,
  }),
  metrics: defineRoute({ method: 'GET', path: '/api/report-metrics', summary: '统计口径（可绑定到报表单元格的指标）', tag: 'reports', response: MetricList }),
};
