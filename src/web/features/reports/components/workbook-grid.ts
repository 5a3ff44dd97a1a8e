// The uploaded sheet as the binding page draws it: which cell starts a merge and how far it spans,
// which cells a merge covers, which cells may be bound (blank ones), and a label proposed for a
// cell from the texts beside and above it. Pure.
import { addressOf, colLetters, parseAddress, parseRange } from '../../../../domain/reports/workbook.ts';

export interface PreviewCell { a: string; t: string; filled: boolean; bold?: boolean | undefined; border?: boolean | undefined; align?: string | undefined }
export interface SheetPreview { rows: number; cols: number; merges: string[]; cells: PreviewCell[]; widths: number[]; heights: number[] }

export interface DrawnSheet {
  at: (row: number, col: number) => PreviewCell | undefined;
  /** A merge's span at its top-left cell. */
  span: (row: number, col: number) => { rowSpan: number; colSpan: number } | undefined;
  covered: (row: number, col: number) => boolean;
  /** The text shown at a cell, a merge's text at every cell it covers. */
  textAt: (row: number, col: number) => string;
  bindable: (address: string) => boolean;
}

export function drawSheet(p: SheetPreview): DrawnSheet {
  const byAddress = new Map(p.cells.map((c) => [c.a, c]));
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  const coveredBy = new Map<string, string>();
  for (const m of p.merges) {
    const r = parseRange(m);
    if (!r) continue;
    const top = addressOf(r.top, r.left);
    spans.set(top, { rowSpan: Math.min(r.bottom, p.rows) - r.top + 1, colSpan: Math.min(r.right, p.cols) - r.left + 1 });
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) coveredBy.set(addressOf(row, col), top);
  }
  const textAt = (row: number, col: number) => byAddress.get(coveredBy.get(addressOf(row, col)) ?? addressOf(row, col))?.t ?? '';
  return {
    at: (row, col) => byAddress.get(addressOf(row, col)),
    span: (row, col) => spans.get(addressOf(row, col)),
    covered: (row, col) => coveredBy.has(addressOf(row, col)),
    textAt,
    bindable: (a) => {
      const pos = parseAddress(a);
      return !!pos && pos.row <= p.rows && pos.col <= p.cols && !coveredBy.has(a) && !byAddress.get(a)?.filled;
    },
  };
}

/** A label for a blank cell: the text to its left in the row, else the headings above it (top first). */
export function proposedLabel(s: DrawnSheet, address: string): string {
  const pos = parseAddress(address);
  if (!pos) return '';
  for (let c = pos.col - 1; c >= 1 && pos.col - c <= 3; c--) {
    const t = s.textAt(pos.row, c).trim();
    if (t && !/^\d+$/.test(t)) return t;
  }
  const path: string[] = [];
  for (let r = pos.row - 1; r >= 1 && pos.row - r <= 3; r--) {
    const t = s.textAt(r, pos.col).trim();
    if (!t) break;
    if (path[0] !== t) path.unshift(t);
  }
  return path.join('·');
}

/** Pixels for Excel's column width (characters) and row height (points). */
export const columnPx = (width: number) => Math.max(24, Math.round(width * 7 + 5));
export const rowPx = (points: number) => Math.max(20, Math.round((points * 4) / 3));

/** A stable indicator key for a bound cell or column (letters first, as the server requires). */
export const keyForCell = (address: string) => `c_${address}`;
export const keyForColumn = (col: string) => `col_${col}`;

export { colLetters };
