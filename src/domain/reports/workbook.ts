// A township's own Excel form as a template: which blank cells of its sheet hold which figure, or
// (a grid form) which row the units start at and which column holds which figure. From these
// bindings and the sheet's own heading texts comes an ordinary TemplateBody, so a submission, its
// workflow and the roll-up are the same as for a shipped form; only the export differs (it fills
// the office's own workbook). Pure: no IO.
import type { FillerKind, Heading, Indicator, IndicatorSource, TemplateBody } from './template.ts';

/** A cell (or a grid column) bound to a figure. */
export interface BoundIndicator {
  indicator: string;
  label: string;
  unit: string | null;
  source: IndicatorSource;
}

/** One row per unit of `kind` from `row` down, the unit's name in `unitColumn`, a figure per bound column. */
export interface GridBinding {
  row: number;
  unitColumn: string;
  kind: FillerKind;
  columns: Record<string, BoundIndicator>;
}

export interface WorkbookBindings {
  /** The sheet's name in the workbook (the first visible sheet when uploaded). */
  sheet: string;
  /** A sheet form's cells by address (A1 style). */
  cells: Record<string, BoundIndicator>;
  /** A cell that receives the unit's name (a sheet form's 填报单位). */
  unitCell?: string | null;
  grid?: GridBinding | null;
}

/** What the upload's sheet holds, as far as checking a binding needs. */
export interface SheetFacts {
  rows: number;
  cols: number;
  /** Addresses of cells holding a value or a formula. */
  filled: ReadonlySet<string>;
  /** Merged ranges, e.g. 'A1:E1'. */
  merges: readonly string[];
  /** The text shown at an address (a merged range's text at every address it covers). */
  textAt(row: number, col: number): string;
}

const ADDRESS = /^([A-Z]{1,3})([1-9]\d{0,6})$/;
const COLUMN = /^[A-Z]{1,3}$/;
export const INDICATOR_KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function colLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export function parseAddress(a: string): { row: number; col: number } | null {
  const m = ADDRESS.exec(a);
  return m ? { col: colNumber(m[1]!), row: Number(m[2]) } : null;
}

export const addressOf = (row: number, col: number) => `${colLetters(col)}${row}`;

export function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [a, b = a] = ref.split(':');
  const p = parseAddress(a ?? ''), q = parseAddress(b ?? '');
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** Every bound figure with where it is (an address, or a grid column letter). */
export function boundIndicators(b: WorkbookBindings): { at: string; bound: BoundIndicator }[] {
  const cells = Object.entries(b.cells).map(([at, bound]) => ({ at, bound, pos: parseAddress(at) }))
    .sort((x, y) => (x.pos?.row ?? 0) - (y.pos?.row ?? 0) || (x.pos?.col ?? 0) - (y.pos?.col ?? 0));
  const cols = Object.entries(b.grid?.columns ?? {}).map(([at, bound]) => ({ at, bound })).sort((x, y) => colNumber(x.at) - colNumber(y.at));
  return [...cells.map(({ at, bound }) => ({ at, bound })), ...cols];
}

/** What is wrong with the bindings on this sheet, by field (`cells.B5`, `grid.row`, …), in words for the office. */
export function bindingProblems(b: WorkbookBindings, sheet: SheetFacts): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (field: string, msg: string) => (out[field] ??= []).push(msg);
  const covered = (row: number, col: number) => sheet.merges.some((m) => {
    const r = parseRange(m);
    return r && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right && !(row === r.top && col === r.left);
  });
  const checkCell = (field: string, at: string, allowText = false) => {
    const p = parseAddress(at);
    if (!p) return add(field, `单元格“${at}”的地址无效`);
    if (p.row > sheet.rows || p.col > sheet.cols) return add(field, `单元格${at}不在表格范围内`);
    if (covered(p.row, p.col)) return add(field, `单元格${at}在合并单元格中，请选择合并区域左上角的单元格`);
    if (!allowText && sheet.filled.has(at)) add(field, `单元格${at}已有内容，只能绑定空白单元格`);
  };
  const keys = new Map<string, string>();
  const checkBound = (field: string, bound: BoundIndicator) => {
    if (!INDICATOR_KEY.test(bound.indicator)) add(field, `指标编号“${bound.indicator}”无效（字母开头，只含字母、数字和下划线）`);
    const seen = keys.get(bound.indicator);
    if (seen) add(field, `指标编号“${bound.indicator}”与${seen}重复`);
    keys.set(bound.indicator, field);
    if (!bound.label.trim()) add(field, '请填写指标名称');
  };
  const grid = b.grid ?? null;
  if (grid && Object.keys(b.cells).length > 0) add('cells', '按行填报的表格只按列绑定指标，请清除单个单元格的绑定');
  for (const [at, bound] of Object.entries(b.cells)) {
    checkCell(`cells.${at}`, at);
    checkBound(`cells.${at}`, bound);
  }
  if (b.unitCell) {
    checkCell('unitCell', b.unitCell);
    if (b.cells[b.unitCell]) add('unitCell', `单元格${b.unitCell}已绑定指标`);
  }
  if (grid) {
    if (!COLUMN.test(grid.unitColumn) || colNumber(grid.unitColumn) > sheet.cols) add('grid.unitColumn', '请选择填写单位名称的列');
    if (!Number.isInteger(grid.row) || grid.row < 2 || grid.row > sheet.rows) add('grid.row', '单位起始行不在表格范围内');
    else if (COLUMN.test(grid.unitColumn)) checkCell('grid.unitColumn', `${grid.unitColumn}${grid.row}`);
    for (const [col, bound] of Object.entries(grid.columns)) {
      const field = `grid.columns.${col}`;
      if (!COLUMN.test(col)) { add(field, `列“${col}”无效`); continue; }
      if (col === grid.unitColumn) add(field, `${col}列已用于填写单位名称`);
      if (Number.isInteger(grid.row) && grid.row >= 2 && grid.row <= sheet.rows) checkCell(field, `${col}${grid.row}`);
      checkBound(field, bound);
    }
  }
  if (keys.size === 0) add('cells', '请至少绑定一个指标');
  return out;
}

export interface TemplateMeta {
  name: string;
  fillers: FillerKind[];
  dueText: string;
  cumulative: boolean;
  graceDays: number;
}

/** An indicator from a binding; amounts always print in 万元 (values.ts reads the unit). */
function indicatorOf(bound: BoundIndicator, metricUnit: (metric: string) => string | undefined): Indicator {
  const s = bound.source;
  const unit = s.kind === 'computed'
    ? (s.display === 'yesno' ? null : metricUnit(s.metric) === '万元' ? '万元' : bound.unit?.trim() || metricUnit(s.metric) || null)
    : s.type === 'amount' ? '万元' : bound.unit?.trim() || null;
  const source: IndicatorSource = s.kind === 'computed'
    ? { kind: 'computed', metric: s.metric, ...(s.params && Object.keys(s.params).length ? { params: s.params } : {}), ...(s.display ? { display: s.display } : {}) }
    : { kind: 'manual', type: s.type };
  return { key: bound.indicator, label: bound.label.trim(), unit, source };
}

/**
 * The heading texts above `row` in a column, top to bottom, as the sheet prints them: a
 * vertically merged heading once, blank rows dropped. The heading block ends upwards at a blank
 * row or at a line merged across the whole table (a title).
 */
export function headingPath(sheet: SheetFacts, o: { row: number; col: number; tableLeft: number; tableRight: number }): string[] {
  const spansTable = (r: number) => sheet.merges.some((m) => {
    const x = parseRange(m);
    return x && r >= x.top && r <= x.bottom && x.left <= o.tableLeft && x.right >= o.tableRight && x.right > x.left;
  });
  const path: string[] = [];
  for (let r = o.row - 1; r >= 1 && o.row - r <= 5; r--) {
    if (spansTable(r)) break;
    let blank = true;
    for (let c = o.tableLeft; c <= o.tableRight; c++) if (sheet.textAt(r, c)) blank = false;
    if (blank) break;
    const t = sheet.textAt(r, o.col).trim();
    if (t && path[0] !== t) path.unshift(t);
  }
  return path;
}

/** Groups columns whose heading paths share their first text, as the sheet's merged headings do. */
function headingTree(items: { path: string[]; leaf: Heading }[]): Heading[] {
  const out: Heading[] = [];
  for (let i = 0; i < items.length;) {
    const first = items[i]!.path[0];
    let j = i + 1;
    if (first !== undefined && items[i]!.path.length > 1) while (j < items.length && items[j]!.path[0] === first && items[j]!.path.length > 1) j++;
    if (j - i > 1 || (first !== undefined && items[i]!.path.length > 1)) {
      out.push({ label: first!, children: headingTree(items.slice(i, j).map((x) => ({ path: x.path.slice(1), leaf: x.leaf }))) });
    } else {
      out.push({ ...items[i]!.leaf, label: items[i]!.path.at(-1) ?? items[i]!.leaf.label });
    }
    i = j;
  }
  return out;
}

/** The template body the bindings describe: a grid with the sheet's own headings, or one section of labelled cells. */
export function bodyFromBindings(b: WorkbookBindings, meta: TemplateMeta, sheet: SheetFacts, metricUnit: (metric: string) => string | undefined): TemplateBody {
  const bound = boundIndicators(b);
  const indicators = bound.map((x) => indicatorOf(x.bound, metricUnit));
  const base = { title: meta.name, subtitle: null, fillers: meta.fillers, dueText: meta.dueText, cumulative: meta.cumulative, graceDays: meta.graceDays, indicators, notes: [] };
  const grid = b.grid;
  if (grid) {
    const cols = bound.map((x) => colNumber(x.at));
    const unitCol = colNumber(grid.unitColumn);
    const tableLeft = Math.min(unitCol, ...cols), tableRight = Math.max(unitCol, ...cols);
    const items = bound.map((x, i) => ({
      path: headingPath(sheet, { row: grid.row, col: colNumber(x.at), tableLeft, tableRight }),
      leaf: { label: indicators[i]!.label, indicator: indicators[i]!.key },
    }));
    const unitHeading = headingPath(sheet, { row: grid.row, col: unitCol, tableLeft, tableRight }).at(-1) ?? '填报单位';
    return { ...base, layout: { kind: 'grid', unitHeading, headings: headingTree(items) } };
  }
  const rows = [];
  for (let i = 0; i < indicators.length; i += 2) {
    rows.push({ cells: indicators.slice(i, i + 2).map((ind, k) => ({ no: String(i + k + 1), indicator: ind.key })) });
  }
  return { ...base, layout: { kind: 'sheet', sections: [{ title: meta.name, rows }] } };
}
