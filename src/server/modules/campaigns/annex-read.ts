// Reading a plan's task annex from what a township has: the .xlsx it keeps the list in, the .docx
// of the plan itself, or cells pasted from either. Each reader returns a grid of cell texts with
// merged cells filled with their text, for the domain's tasksFromGrid to turn into rows; the
// grid keeps every row, title rows included, so that line numbers in problems match the source.
import type ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { findHeader } from '../../../domain/campaigns/task-header.ts';
import { AppError } from '../../http/errors.ts';
import { cellText, loadWorkbook } from '../../http/xlsx-import.ts';
import { MAX_ANNEX_BYTES, MAX_ANNEX_COLUMNS, MAX_ANNEX_ROWS, annexTooLarge, checkGridSize, tooManyRows } from './annex-limits.ts';
import { gridOfTable, parseHtml, tablesOf } from './annex-read-html.ts';

/**
 * The annex from an .xlsx workbook: the first visible worksheet that has a header row (else the
 * first visible one, so that tasksFromGrid says the header is missing). Each merged range holds
 * its master cell's text in every cell; rich text is read as plain text.
 */
export async function gridFromXlsx(buf: Buffer): Promise<string[][]> {
  if (buf.length > MAX_ANNEX_BYTES) throw annexTooLarge('文件');
  const wb = await loadWorkbook(buf);
  const sheets = wb.worksheets.filter((ws) => ws.state === 'visible' || ws.state === undefined);
  let first: string[][] | null = null;
  for (const ws of sheets) {
    const grid = gridOfSheet(ws);
    if (findHeader(grid)) return grid;
    first ??= grid;
  }
  return first ?? [];
}

function gridOfSheet(ws: ExcelJS.Worksheet): string[][] {
  // Rows and columns up to the last one holding a value: a sheet formatted far beyond its data
  // (a styled column, a border to row 1,000) reads as its data.
  let lastRow = 0;
  let lastCol = 0;
  let valued = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (++valued > MAX_ANNEX_ROWS) throw tooManyRows();
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cellPlain(cell) === '') return;
      lastRow = Math.max(lastRow, r);
      lastCol = Math.max(lastCol, c);
    });
  });
  checkGridSize(lastRow, lastCol);
  const grid: string[][] = [];
  for (let r = 1; r <= lastRow; r++) {
    const row = ws.getRow(r);
    const line: string[] = [];
    for (let c = 1; c <= lastCol; c++) {
      const cell = row.getCell(c);
      // A cell inside a merged range shows its master's text (exceljs points each at the master).
      line.push(cellPlain(cell.isMerged ? cell.master : cell));
    }
    grid.push(line);
  }
  return grid;
}

/** Cell text with line breaks kept inside it (cellText trims; a wrapped cell keeps its '\n'). */
function cellPlain(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v !== null && typeof v === 'object' && 'error' in v) return '';
  return cellText(cell).replace(/\r\n?/g, '\n');
}

/**
 * The annex from a Word .docx: mammoth turns the document into HTML (vertical merges become
 * rowspans, horizontal ones colspans) and the first table with a header row is read as a grid,
 * each cell's paragraphs joined by '\n'. Without such a table, the first table (or nothing), so
 * that tasksFromGrid says the header is missing.
 */
export async function gridFromDocx(buf: Buffer): Promise<string[][]> {
  if (buf.length > MAX_ANNEX_BYTES) throw annexTooLarge('文件');
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) {
    throw new AppError('UNSUPPORTED_FILE', '不支持旧版 Word（.doc）文件，请在 Word 中另存为 .docx 后上传');
  }
  if (buf.length < 4 || buf.readUInt32BE(0) !== 0x504b0304) throw new AppError('UNSUPPORTED_FILE', '请上传 .docx 格式的 Word 文件');
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: buf },
      // Pictures are no part of a task list: not inlined as data URLs, never read from disk.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })), externalFileAccess: false },
    );
    html = result.value;
  } catch {
    throw new AppError('UNSUPPORTED_FILE', '无法读取该文件，请确认是 .docx 格式的 Word 文件');
  }
  let first: string[][] | null = null;
  for (const table of tablesOf(parseHtml(html))) {
    const grid = gridOfTable(table);
    if (findHeader(grid)) return grid;
    first ??= grid;
  }
  return first ?? [];
}

/**
 * Cells pasted as text, as Excel and Word put a table on the clipboard: rows by line, cells by
 * tab. Excel quotes a cell holding a line break, a tab or a quote ("…", inner quotes doubled); a
 * quote that does not close a cell (Word does not quote) is read as text. Merges are lost on the
 * clipboard: merged cells come as one text and blanks, which tasksFromGrid carries down.
 */
export function gridFromPastedText(text: string): string[][] {
  if (Buffer.byteLength(text, 'utf8') > MAX_ANNEX_BYTES) throw annexTooLarge('粘贴的内容');
  if (text === '') return [];
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  const n = text.length;
  const endRow = () => {
    checkGridSize(rows.length + 1, row.length);
    rows.push(row);
    row = [];
  };
  while (at <= n) {
    let cell: string | null = null;
    if (text[at] === '"') {
      const quoted = readQuoted(text, at);
      if (quoted) {
        cell = quoted.text;
        at = quoted.end;
      }
    }
    if (cell === null) {
      let end = at;
      while (end < n && text[end] !== '\t' && text[end] !== '\n' && text[end] !== '\r') end++;
      cell = text.slice(at, end);
      at = end;
    }
    row.push(cell);
    if (row.length > MAX_ANNEX_COLUMNS) checkGridSize(rows.length, row.length);
    if (at >= n) {
      endRow();
      break;
    }
    const sep = text[at]!;
    at++;
    if (sep === '\t') continue;
    if (sep === '\r' && text[at] === '\n') at++;
    endRow();
    if (at >= n) break; // the line break that ends the last row starts no new row
  }
  return rows;
}

/** A quoted cell from `at` (a '"'): its text and where it ends, or null if the quote closes no cell. */
function readQuoted(text: string, at: number): { text: string; end: number } | null {
  let out = '';
  let i = at + 1;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q < 0) return null;
    out += text.slice(i, q);
    if (text[q + 1] === '"') {
      out += '"';
      i = q + 2;
      continue;
    }
    const next = text[q + 1];
    if (next !== undefined && next !== '\t' && next !== '\n' && next !== '\r') return null;
    return { text: out.replace(/\r\n?/g, '\n'), end: q + 1 };
  }
}
