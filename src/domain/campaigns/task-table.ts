// A plan's task annex (工作清单和责任清单) or a unit self-check list (自查重点事项清单) as rows.
// The reader (Excel, Word, pasted text) hands over a grid of cell texts; here the header is found,
// merged cells that the source lost are carried down, and every row with content is kept: a row
// without a requirement or a responsible unit is still returned, with a problem saying so, so
// that the person importing sees it instead of losing a task without notice.
import { type AnnexColumn, type AnnexHeader, findHeader, repeatsHeader } from './task-header.ts';

export interface AnnexRow {
  /** 1-based row in the source grid, for messages that point at the file. */
  line: number;
  /** 序号 as written; it may repeat or be blank, so it identifies nothing. */
  number: string;
  /** 专项行动 / 重点任务 / 检查事项. */
  group: string;
  /** 行动任务 / 具体任务. */
  action: string;
  /** 工作要求 / 具体内容 / 工作内容. */
  requirement: string;
  /** 责任单位 as written, e.g. "党政办、应急办"; '' in a self-check list (the caller assigns units). */
  unitsText: string;
  /** 配合单位 when the table has that column. */
  coUnitsText: string;
  deadlineText: string;
  progressText: string;
  note: string;
}

export interface AnnexRead {
  rows: AnnexRow[];
  /** In Chinese, for the person importing; each names the source row. */
  problems: string[];
}

export const NO_HEADER_PROBLEM =
  '未找到表头：表格应有“序号、专项行动、行动任务、工作要求、责任单位、时限要求”（或“检查事项、具体内容、落实情况”）等列名';
export const NO_ROWS_PROBLEM = '表头下没有任何内容';

/**
 * Rows of an annex grid. Merged cells should already hold their merged text (the readers fill
 * them); where the source lost the merge (pasted text) a blank 专项行动/行动任务/检查事项 cell
 * takes the value of the row above, and a new 专项行动 starts without the previous 行动任务.
 */
export function tasksFromGrid(grid: readonly (readonly string[])[]): AnnexRead {
  const header = findHeader(grid);
  if (!header) return { rows: [], problems: [NO_HEADER_PROBLEM] };
  const problems = header.ignored.map(
    (g) => `表头第${g.column + 1}列“${oneLine(g.heading)}”不是可识别的列名，该列内容未读取`,
  );
  const headingOf = (col: AnnexColumn, fallback: string) => oneLine(grid[header.row]?.[header.columns[col] ?? -1] ?? '') || fallback;
  const requirementHeading = headingOf('requirement', '工作要求');
  const unitsHeading = headingOf('units', '责任单位');

  const rows: AnnexRow[] = [];
  let group = '';
  let action = '';
  for (let r = header.row + 1; r < grid.length; r++) {
    const cells = grid[r]!;
    const text = (col: AnnexColumn) => {
      const i = header.columns[col];
      return i === undefined ? '' : clean(cells[i] ?? '');
    };
    if (cells.every((c) => clean(c) === '') || repeatsHeader(cells, header)) continue;
    const heading = spanningHeading(cells, header);
    if (heading !== null) {
      // A group written as one row across the table ("一、工作责任") heads the rows below it.
      group = heading;
      action = '';
      continue;
    }
    const ownGroup = text('group');
    if (ownGroup !== '' && ownGroup !== group) action = '';
    group = ownGroup || group;
    action = text('action') || action;

    const row: AnnexRow = {
      line: r + 1, number: text('number'), group, action,
      requirement: text('requirement'), unitsText: text('units'), coUnitsText: text('coUnits'),
      deadlineText: text('deadline'), progressText: text('progress'), note: text('note'),
    };
    const where = row.number ? `第${row.line}行（序号${oneLine(row.number)}）` : `第${row.line}行`;
    if (row.requirement === '') problems.push(`${where}：缺少${requirementHeading}`);
    if (header.columns.units !== undefined && row.unitsText === '') problems.push(`${where}：缺少${unitsHeading}`);
    rows.push(row);
  }
  if (rows.length === 0) problems.push(NO_ROWS_PROBLEM);
  return { rows, problems };
}

/** Cell text as kept: line breaks unified, outer blanks (full-width too) trimmed. */
const clean = (cell: string) => cell.replace(/\r\n?/g, '\n').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
const oneLine = (text: string) => clean(text).replace(/\s+/g, ' ');

/**
 * The text of a row that is one cell across the table, filled by the reader into every column it
 * spans: the same text in the requirement column and at least one other, nothing else.
 */
function spanningHeading(cells: readonly string[], header: AnnexHeader): string | null {
  const i = header.columns.requirement!;
  const t = clean(cells[i] ?? '');
  if (t === '') return null;
  const filled = Object.values(header.columns).map((c) => clean(cells[c] ?? '')).filter((c) => c !== '');
  return filled.length >= 2 && filled.every((c) => c === t) ? t : null;
}

/**
 * A row's identity across imports of the same plan, to recognise a task when the annex is
 * imported again (corrected, or with rows added). Not the 序号: numbering repeats (seed 000 has
 * "40" twice) and shifts when a row is inserted. Instead the 专项行动, 行动任务 and 工作要求 texts,
 * normalised so that an edit that changes nothing a person reads keeps the key: full-width and
 * half-width forms alike, whitespace and line breaks dropped, leading enumerators ("（1）", "2．",
 * "一、") dropped (they shift with insertions too), trailing 。 dropped. The group and action are
 * part of it because the same requirement text ("（1）督促指导企业对照自查自改。") stands under
 * several actions as different tasks. Rows with identical texts share a key: rowKeys numbers them.
 */
export function rowKey(row: Pick<AnnexRow, 'group' | 'action' | 'requirement'>): string {
  const text = [row.group, row.action, row.requirement].map(normalizeForKey).join('\u241f');
  return `t1-${hash53(text)}`;
}

/** rowKey of each row, the second and later of identical rows suffixed "#2", "#3", … in order. */
export function rowKeys(rows: readonly Pick<AnnexRow, 'group' | 'action' | 'requirement'>[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const key = rowKey(row);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}

const ENUMERATOR = /^(?:\([0-9一二三四五六七八九十]+\)|[0-9]+[.、)]|[一二三四五六七八九十]+[、.])/;

export function normalizeForKey(text: string): string {
  const half = text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '');
  return half.replace(ENUMERATOR, '').replace(/[。.;；,，]+$/, '');
}

/**
 * cyrb53 (a public-domain 53-bit string hash): short keys to store and compare, with a collision
 * chance near 1e-10 for the few thousand rows a township has. Not for security.
 */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
