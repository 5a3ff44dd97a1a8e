// What an import did not take, kept with its batch: the file's rows as text (what the import reads)
// with each row's label (the unit it names, e.g. the enterprise), and the problems found by row.
// From it the preview lists every problem with its unit, the commit counts the rows it skipped,
// and the rows not imported download as a workbook with a 错误原因 column that imports again as is.
import ExcelJS from 'exceljs';
import type { TImportRowError } from '../../contract/enterprises.ts';
import type { ColumnMapping } from '../../domain/imports/column-mapping.ts';
import { cellText, normalizeHeader } from './xlsx-import.ts';
import type { TextRow } from './xlsx-stream.ts';

export const REASON_HEADER = '错误原因';
const LABEL_MAX = 40;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const REASON_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE7E6' } };

/** A problem in one row of the file; `sheet` is the index of its captured sheet (0 for a one-sheet import). */
export interface RowProblem {
  row: number;
  column: string;
  message: string;
  sheet?: number;
}

export interface CapturedRow {
  row: number;
  values: string[];
  label: string;
}
export interface CapturedSheet {
  name: string;
  header: string[];
  rows: CapturedRow[];
}

export interface ImportReport {
  /** rejected: the download holds the rows not imported; whole: every row (an import that takes the file whole or not at all). */
  keep: 'rejected' | 'whole';
  /** What a row's label names, e.g. 单位名称. */
  labelTitle: string;
  sheets: CapturedSheet[];
  problems: RowProblem[];
  /** The person's choices of columns and values the preview applied; remembered for the district at commit. */
  mapping?: ColumnMapping | null;
  /** Rows left out on purpose and not wrong (a registry's deregistered companies never registered here): skipped, not in the download. */
  passedOver?: number;
  /**
   * Imports that update registered records: the fields the file's own columns give, the only ones
   * an update sets (a column the file lacks, or a value given for the whole file, never overwrites
   * what is registered). Absent: every field (batches staged before it was kept).
   */
  updateFields?: string[];
}

const clip = (s: string) => ([...s].length > LABEL_MAX ? `${[...s].slice(0, LABEL_MAX).join('')}…` : s);

/**
 * The header and the non-blank rows after it, as text. Each row's label is the first non-blank
 * of `labelColumns` (column numbers, e.g. 单位名称 then 统一社会信用代码). A 错误原因 column from an
 * earlier download is left out, so a file fixed and uploaded again does not carry the old reasons.
 */
export function captureSheet(ws: ExcelJS.Worksheet, headerRow: number, lastRow: number, labelColumns: (number | undefined)[]): CapturedSheet {
  const width = ws.getRow(headerRow).cellCount;
  const columns: number[] = [];
  const header: string[] = [];
  for (let c = 1; c <= width; c++) {
    const h = cellText(ws.getRow(headerRow).getCell(c));
    if (normalizeHeader(h) === REASON_HEADER) continue;
    columns.push(c);
    header.push(h);
  }
  const rows: CapturedRow[] = [];
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const row = ws.getRow(r);
    const values = columns.map((c) => cellText(row.getCell(c)));
    if (values.every((v) => v === '')) continue;
    const label = labelColumns.map((c) => (c === undefined ? '' : cellText(row.getCell(c)))).find((v) => v !== '') ?? '';
    rows.push({ row: r, values, label: clip(label) });
  }
  return { name: ws.name, header, rows };
}

/**
 * captureSheet for rows read as text (xlsx-stream.ts), one row at a time (a streamed import keeps
 * only the rows with problems, and gives each accepted row's text to its staged row); `labelColumns`
 * are 0-based indices.
 */
export function rowCapture(sheet: { name: string; header: string[] }, labelColumns: (number | undefined)[]) {
  const keep = sheet.header.map((h, i) => (normalizeHeader(h) === REASON_HEADER ? -1 : i)).filter((i) => i >= 0);
  const whole = keep.length === sheet.header.length;
  return {
    name: sheet.name,
    header: keep.map((i) => sheet.header[i]!),
    of(r: TextRow): CapturedRow {
      const label = labelColumns.map((c) => (c === undefined ? '' : r.values[c]!)).find((v) => v !== '') ?? '';
      return { row: r.row, values: whole ? r.values : keep.map((i) => r.values[i]!), label: clip(label) };
    },
  };
}

const rowKey = (sheet: number | undefined, row: number) => `${sheet ?? 0}:${row}`;

function labels(r: ImportReport): Map<string, string> {
  return new Map(r.sheets.flatMap((s, i) => s.rows.map((row) => [rowKey(i, row.row), row.label] as const)));
}

/** The preview's errors: each problem with its row's label ('' for a problem of the file or its header), sheet by sheet, row by row. */
export function labelledErrors(r: ImportReport): TImportRowError[] {
  const of = labels(r);
  return [...r.problems]
    .sort((a, b) => (a.sheet ?? 0) - (b.sheet ?? 0) || a.row - b.row)
    .map((p) => ({ row: p.row, column: p.column, message: p.message, label: of.get(rowKey(p.sheet, p.row)) ?? '' }));
}

/** Rows of the file with a problem, each counted once: the rows an import skips. */
export function rejectedRowCount(r: ImportReport): number {
  const captured = labels(r);
  return new Set(r.problems.map((p) => rowKey(p.sheet, p.row)).filter((k) => captured.has(k))).size;
}

/** The rows not imported (or, for a whole-file import, every row) with a 错误原因 column; it imports again as is once fixed. */
export async function buildRejectsWorkbook(r: ImportReport): Promise<Buffer> {
  const reasons = new Map<string, string[]>();
  for (const p of r.problems) {
    const k = rowKey(p.sheet, p.row);
    reasons.set(k, [...(reasons.get(k) ?? []), p.column ? `${p.column}：${p.message}` : p.message]);
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = '安治';
  r.sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(s.name);
    ws.columns = [...s.header.map((h) => ({ header: h, width: Math.min(40, Math.max(10, [...h].length * 2 + 2)) })), { header: REASON_HEADER, width: 50 }];
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).eachCell((cell) => (cell.fill = HEADER_FILL));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of s.rows) {
      const why = reasons.get(rowKey(i, row.row));
      if (!why && r.keep === 'rejected') continue;
      // Blank cells stay empty, not empty strings.
      const added = ws.addRow([...row.values.map((v) => (v === '' ? null : v)), why?.join('；') ?? null]);
      if (why) added.getCell(s.header.length + 1).fill = REASON_FILL;
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
