// A form as the seeds print it, in Excel: the title with the unit's name, 填报人/联系电话, a grid's
// merged multi-level headings (附件3/附件4) or a sheet's sections merged down the first column
// (崇明 调度表), the notes under the table; numbers as numbers, 万元 with two decimals.
import ExcelJS from 'exceljs';
import { type Heading, type TemplateBody, gridLeaves, headingDepth } from '../../../domain/reports/template.ts';
import type { CellValue } from '../../../domain/reports/values.ts';

export interface FormRow {
  unitName: string;
  values: Record<string, CellValue>;
}

export interface FormSheet {
  body: TemplateBody;
  /** The unit named in the title (a grid's roll-up names the region). */
  titleUnit: string;
  rows: FormRow[];
  /** A roll-up's 合计 row. */
  total?: Record<string, CellValue>;
  fillerName: string | null;
  fillerPhone: string | null;
  /** 'YYYY-MM-DD': the round's due day, printed as 时间. */
  due: string;
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const CENTER = { vertical: 'middle' as const, horizontal: 'center' as const, wrapText: true };
const unitOf = (body: TemplateBody) => new Map(body.indicators.map((i) => [i.key, i.unit]));

function put(ws: ExcelJS.Worksheet, row: number, col: number, value: ExcelJS.CellValue, o: { bold?: boolean; border?: boolean; align?: Partial<ExcelJS.Alignment>; numFmt?: string } = {}) {
  const c = ws.getCell(row, col);
  c.value = value;
  if (o.bold) c.font = { bold: true };
  if (o.border ?? true) c.border = BORDER;
  c.alignment = { ...CENTER, ...o.align };
  if (o.numFmt) c.numFmt = o.numFmt;
}

/** A value as Excel holds it: numbers as numbers (万元 from fen, two decimals), yes/no as 是/否. */
function excelValue(v: CellValue | undefined, unit: string | null): { value: ExcelJS.CellValue; numFmt?: string } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'boolean') return { value: v ? '是' : '否' };
  if (typeof v === 'number' && unit === '万元') return { value: Math.round(v / 100) / 10_000, numFmt: '0.00' };
  return { value: v };
}

function titleRows(ws: ExcelJS.Worksheet, f: FormSheet, width: number): number {
  ws.mergeCells(1, 1, 1, width);
  put(ws, 1, 1, f.body.title.replace('{unit}', f.titleUnit), { bold: true, border: false });
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getRow(1).height = 30;
  let r = 2;
  if (f.body.subtitle) {
    ws.mergeCells(r, 1, r, width);
    put(ws, r, 1, f.body.subtitle, { border: false });
    r++;
  }
  const half = Math.max(1, Math.floor(width / 2));
  ws.mergeCells(r, 1, r, half);
  const unit = f.body.title.includes('{unit}') ? '' : `单位：${f.titleUnit}    `;
  put(ws, r, 1, `${unit}填报人：${f.fillerName ?? ''}`, { border: false, align: { horizontal: 'left' } });
  ws.mergeCells(r, half + 1, r, width);
  const [y, m, d] = f.due.split('-').map(Number);
  put(ws, r, half + 1, `联系电话：${f.fillerPhone ?? ''}    时间：${y}年${m}月${d}日`, { border: false, align: { horizontal: 'left' } });
  return r + 1;
}

function notes(ws: ExcelJS.Worksheet, body: TemplateBody, from: number, width: number) {
  body.notes.forEach((n, i) => {
    ws.mergeCells(from + i, 1, from + i, width);
    put(ws, from + i, 1, n, { border: false, align: { horizontal: 'left' } });
    ws.getRow(from + i).height = n.length > 60 ? 32 : 18;
  });
}

/** Writes a grid's heading rows from `top`, merging a group across its leaves and a leaf down to the last heading row. */
function gridHeadings(ws: ExcelJS.Worksheet, headings: readonly Heading[], top: number, depth: number, col: number, level = 0): number {
  let c = col;
  for (const h of headings) {
    const width = h.children?.length ? gridLeaves(h.children).length : 1;
    const row = top + level;
    if (h.children?.length) {
      if (width > 1) ws.mergeCells(row, c, row, c + width - 1);
      put(ws, row, c, h.label, { bold: true });
      gridHeadings(ws, h.children, top, depth, c, level + 1);
    } else {
      if (depth - level > 1) ws.mergeCells(row, c, top + depth - 1, c);
      put(ws, row, c, h.label, { bold: true });
    }
    c += width;
  }
  return c;
}

function gridSheet(ws: ExcelJS.Worksheet, f: FormSheet & { body: TemplateBody & { layout: { kind: 'grid' } } }) {
  const leaves = gridLeaves(f.body.layout.headings);
  const width = leaves.length + 1;
  const depth = headingDepth(f.body.layout.headings);
  const top = titleRows(ws, f, width);
  if (depth > 1) ws.mergeCells(top, 1, top + depth - 1, 1);
  put(ws, top, 1, f.body.layout.unitHeading, { bold: true });
  gridHeadings(ws, f.body.layout.headings, top, depth, 2);
  const units = unitOf(f.body);
  let r = top + depth;
  const line = (name: string, values: Record<string, CellValue>) => {
    put(ws, r, 1, name);
    leaves.forEach((l, i) => {
      const x = excelValue(values[l.indicator ?? ''], units.get(l.indicator ?? '') ?? null);
      put(ws, r, i + 2, x.value, x.numFmt ? { numFmt: x.numFmt } : {});
    });
    r++;
  };
  for (const row of f.rows) line(row.unitName, row.values);
  if (f.total) line('合计', f.total);
  ws.getColumn(1).width = 18;
  for (let i = 2; i <= width; i++) ws.getColumn(i).width = 10;
  for (let i = top; i < top + depth; i++) ws.getRow(i).height = 36;
  notes(ws, f.body, r + 1, width);
}

function sheetSheet(ws: ExcelJS.Worksheet, f: FormSheet & { body: TemplateBody & { layout: { kind: 'sheet' } } }) {
  const width = 7; // section | no | label | value | no | label | value
  const top = titleRows(ws, f, width);
  const byKey = new Map(f.body.indicators.map((i) => [i.key, i]));
  const values = f.rows[0]?.values ?? f.total ?? {};
  let r = top;
  for (const s of f.body.layout.sections) {
    const first = r;
    for (const row of s.rows) {
      // group a numbered cell with the unnumbered ones after it (a pair printed together)
      const groups: { no: string; label: string; keys: string[] }[] = [];
      for (const c of row.cells) {
        if (c.no || groups.length === 0) groups.push({ no: c.no, label: c.label ?? labelOf(byKey.get(c.indicator)), keys: [c.indicator] });
        else groups.at(-1)!.keys.push(c.indicator);
      }
      groups.slice(0, 2).forEach((g, i) => {
        const col = 2 + i * 3;
        put(ws, r, col, g.no);
        put(ws, r, col + 1, g.label, { align: { horizontal: 'left' } });
        const xs = g.keys.map((k) => excelValue(values[k], byKey.get(k)?.unit ?? null));
        if (xs.length === 1) put(ws, r, col + 2, xs[0]!.value, xs[0]!.numFmt ? { numFmt: xs[0]!.numFmt } : {});
        else put(ws, r, col + 2, xs.map((x, n) => (x.value === null ? '' : typeof x.value === 'number' && g.keys[n] && byKey.get(g.keys[n]!)?.unit === '万元' ? x.value.toFixed(2) : String(x.value))).join('，'));
      });
      if (groups.length < 2) for (let c = 5; c <= 7; c++) put(ws, r, c, null);
      ws.getRow(r).height = 36;
      r++;
    }
    if (r - 1 > first) ws.mergeCells(first, 1, r - 1, 1);
    put(ws, first, 1, s.title, { bold: true });
  }
  ws.getColumn(1).width = 12;
  for (const c of [2, 5]) ws.getColumn(c).width = 5;
  for (const c of [3, 6]) ws.getColumn(c).width = 34;
  for (const c of [4, 7]) ws.getColumn(c).width = 10;
  notes(ws, f.body, r + 1, width);
}

function labelOf(i: { label: string; unit: string | null } | undefined): string {
  if (!i) return '';
  return i.unit && !i.label.includes('（') ? `${i.label}（${i.unit}）` : i.label;
}

export async function formWorkbook(f: FormSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('报表', { pageSetup: { orientation: f.body.layout.kind === 'grid' ? 'landscape' : 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  if (f.body.layout.kind === 'grid') gridSheet(ws, f as Parameters<typeof gridSheet>[1]);
  else sheetSheet(ws, f as Parameters<typeof sheetSheet>[1]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
