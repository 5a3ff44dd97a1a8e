// The header row of a plan's task annex (工作清单和责任清单) or a unit self-check list
// (自查重点事项清单): which grid row names the columns, and which column holds what. Townships
// word their headings differently from plan to plan, so each column has synonyms; headings are
// compared without spaces, line breaks and bracketed notes because Word and Excel tables often
// wrap a heading ("时限\n要求") or annotate it ("责任单位（牵头）").

export type AnnexColumn =
  | 'number' | 'group' | 'action' | 'requirement' | 'units' | 'coUnits' | 'deadline' | 'progress' | 'note';

/** Heading synonyms per column, as they appear in real plans. */
export const ANNEX_HEADINGS: Record<AnnexColumn, readonly string[]> = {
  number: ['序号', '编号'],
  group: ['专项行动', '重点任务', '检查事项'],
  action: ['行动任务', '具体任务'],
  requirement: ['工作要求', '具体内容', '工作内容'],
  units: ['责任单位', '责任科室', '牵头单位'],
  coUnits: ['配合单位'],
  deadline: ['时限要求', '完成时限', '时间要求'],
  progress: ['工作落实情况', '落实情况'],
  note: ['备注'],
};

/** A heading as compared: no whitespace (full-width included), no "*" marks, no bracketed notes. */
export function normalizeHeading(text: string): string {
  return text.replace(/[\s\u3000*＊]/g, '').replace(/（[^）]*）|\([^)]*\)/g, '');
}

const BY_HEADING = new Map<string, AnnexColumn>(
  (Object.entries(ANNEX_HEADINGS) as [AnnexColumn, readonly string[]][]).flatMap(([col, names]) => names.map((n) => [n, col] as const)),
);

export const columnOfHeading = (text: string): AnnexColumn | undefined => BY_HEADING.get(normalizeHeading(text));

export interface AnnexHeader {
  /** 0-based index of the (last) header row in the grid. */
  row: number;
  /** 0-based column index per recognised column; the first column with a heading wins. */
  columns: Partial<Record<AnnexColumn, number>>;
  /** Headings the reader does not take (unknown, or a second column of the same kind), to report. */
  ignored: { column: number; heading: string }[];
}

/**
 * How many rows from the top may precede the header: titles, 附件 labels, a document number.
 * A header further down is not this table's.
 */
export const HEADER_SEARCH_ROWS = 20;

/**
 * The header row: the first row (among the first HEADER_SEARCH_ROWS) that names a requirement
 * column (工作要求/具体内容/工作内容) and at least two other known columns. A title row such as
 * "重大隐患专项排查整治2023行动工作清单和责任清单" names none and is passed over, even when a
 * merge across the whole width has copied it into every cell.
 */
export function findHeader(grid: readonly (readonly string[])[]): AnnexHeader | null {
  const last = Math.min(grid.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const header = readHeadings(grid[r]!, r);
    const known = Object.keys(header.columns).length;
    if (header.columns.requirement === undefined || known < 3) continue;
    // Two-row headings: "责任单位" merged over "牵头单位 | 配合单位" in the row below.
    const next = grid[r + 1];
    if (next && isHeadingOnly(next)) return mergeHeaders(header, readHeadings(next, r + 1));
    return header;
  }
  return null;
}

function readHeadings(cells: readonly string[], row: number): AnnexHeader {
  const columns: Partial<Record<AnnexColumn, number>> = {};
  const ignored: AnnexHeader['ignored'] = [];
  let previous = '';
  cells.forEach((cell, i) => {
    const heading = cell.trim();
    // A heading merged across columns is filled into each of them: one column, not duplicates.
    const isSpill = heading !== '' && heading === previous;
    previous = heading;
    if (heading === '' || isSpill) return;
    const col = columnOfHeading(heading);
    if (col !== undefined && columns[col] === undefined) columns[col] = i;
    else ignored.push({ column: i, heading });
  });
  return { row, columns, ignored };
}

/** A sub-heading row holds headings only: every non-blank cell is a known heading. */
function isHeadingOnly(cells: readonly string[]): boolean {
  const texts = cells.map((c) => c.trim()).filter((c) => c !== '');
  return texts.length > 0 && texts.every((t) => columnOfHeading(t) !== undefined);
}

function mergeHeaders(top: AnnexHeader, below: AnnexHeader): AnnexHeader {
  const columns = { ...top.columns };
  const claimed = new Set(Object.values(below.columns));
  // A top heading whose column the sub-heading row renames gives way to the sub-heading.
  for (const [col, i] of Object.entries(columns) as [AnnexColumn, number][]) if (claimed.has(i)) delete columns[col];
  for (const [col, i] of Object.entries(below.columns) as [AnnexColumn, number][]) columns[col] ??= i;
  const ignored = [...top.ignored, ...below.ignored].filter((g) => !Object.values(columns).includes(g.column));
  return { row: below.row, columns, ignored };
}

/**
 * Whether a data row only repeats the header (Word repeats it on every page of a long table):
 * each read column holds a heading. Of any kind, so that the upper row of a two-row heading
 * ("责任单位" over "牵头单位 | 配合单位") counts too.
 */
export function repeatsHeader(cells: readonly string[], header: AnnexHeader): boolean {
  return Object.values(header.columns).every((i) => columnOfHeading(cells[i] ?? '') !== undefined);
}
