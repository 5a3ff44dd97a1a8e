// Reading a large import without holding the workbook: exceljs's streaming reader walks the first
// visible sheet row by row, finds the header row among the first five, keeps each row as text only,
// and refuses the file the moment its rows pass the cap (the rest is never parsed).
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { AppError } from './errors.ts';
import { cellText } from './xlsx-import.ts';

export interface TextRow {
  /** The row's number in the sheet (1-based, as Excel shows it). */
  row: number;
  values: string[];
}

/** A sheet as text: its header (as written) and its non-blank rows after the header. */
export interface TextSheet {
  name: string;
  headerRow: number;
  header: string[];
  rows: TextRow[];
}

export interface SheetReadOptions {
  /** Whether a row's texts are the header (e.g. one of them names the unit). */
  isHeader: (texts: string[]) => boolean;
  /** What the refusal names when no header is found, e.g. 单位名称. */
  anchor: string;
  maxRows: number;
  /** Called for each data row as it is read (tests count how far a refused file was read). */
  onRow?: (row: number) => void;
}

const HEADER_SEARCH_ROWS = 5;

/** Decodes UTF-8 across chunk boundaries (a character split between two chunks stays whole). */
async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const c of chunks) {
    const text = typeof c === 'string' ? c : decoder.write(c);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

type ReaderInternals = {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
};
const BaseReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: Readable, options: object) => AsyncIterable<unknown> & ReaderInternals;

/**
 * exceljs 4.4's streaming reader decodes each zip chunk on its own, so a Chinese character split
 * between two 16 KB chunks reads as "��" (exceljs issues #2063, #2316; a registry of 100,000 names
 * has dozens). Its shared strings and worksheets are decoded here across chunks instead.
 */
class Utf8WorkbookReader extends BaseReader {
  override _parseSharedStrings(entry: NodeJS.ReadableStream) {
    entry.setEncoding('utf8');
    return super._parseSharedStrings(entry);
  }

  override _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
    return super._parseWorksheet(utf8(iterator), sheetNo);
  }
}

interface StreamedSheet extends AsyncIterable<ExcelJS.Row> {
  name: string;
  state?: string;
}

function rowTexts(row: ExcelJS.Row, width: number): string[] {
  const out: string[] = new Array<string>(width);
  for (let c = 1; c <= width; c++) out[c - 1] = cellText(row.getCell(c));
  return out;
}

/** The first visible sheet of an .xlsx upload, read as a stream. */
export async function readSheetText(buf: Buffer, o: SheetReadOptions): Promise<TextSheet> {
  if (buf.length < 4 || buf.readUInt32BE(0) !== 0x504b0304) throw new AppError('UNSUPPORTED_FILE', '请上传 .xlsx 格式的 Excel 文件');
  const reader = new Utf8WorkbookReader(Readable.from(buf), {
    sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore',
  });
  let result: TextSheet | null = null;
  try {
    for await (const ws of reader as AsyncIterable<unknown> as AsyncIterable<StreamedSheet>) {
      if (ws.state === 'hidden' || ws.state === 'veryHidden' || result) {
        for await (const _row of ws); // a hidden sheet is read past, unparsed beyond its rows
        continue;
      }
      result = await readRows(ws, o);
      break;
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('UNSUPPORTED_FILE', '无法读取该文件，请确认是 .xlsx 格式的 Excel 文件');
  }
  if (!result) throw new AppError('VALIDATION', '文件中没有工作表');
  return result;
}

async function readRows(ws: StreamedSheet, o: SheetReadOptions): Promise<TextSheet> {
  let header: string[] | null = null;
  let headerRow = 0;
  const rows: TextRow[] = [];
  for await (const row of ws) {
    if (!header) {
      if (row.number > HEADER_SEARCH_ROWS) break;
      const texts: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => (texts[col - 1] = cellText(cell)));
      for (let i = 0; i < texts.length; i++) texts[i] ??= '';
      if (o.isHeader(texts)) {
        // Trailing blank header cells add no column.
        while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
        header = texts;
        headerRow = row.number;
      }
      continue;
    }
    const values = rowTexts(row, header.length);
    if (values.every((v) => v === '')) continue;
    if (rows.length >= o.maxRows) {
      throw new AppError('VALIDATION', `文件超过${o.maxRows}行，一次最多导入${o.maxRows}行，请拆分文件后分批导入（已读到第${row.number}行时停止）`);
    }
    o.onRow?.(row.number);
    rows.push({ row: row.number, values });
  }
  if (!header) throw new AppError('VALIDATION', `未找到表头：前${HEADER_SEARCH_ROWS}行中应有一行包含“${o.anchor}”等列名，请使用导入模板或在预检中指定列`);
  return { name: ws.name, headerRow, header, rows };
}
