// Reading a large import without holding the workbook: exceljs's streaming reader walks the first
// visible sheet row by row, finds the header row among the first five, gives the rows as text a
// batch at a time, and refuses the file the moment its rows pass the cap (the rest is never parsed).
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
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
  _parseRels(entry: NodeJS.ReadableStream): Promise<void>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
  _parseStyles(entry: NodeJS.ReadableStream): Promise<void>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
};
const BaseReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (input: Readable, options: object) => AsyncIterable<unknown> & ReaderInternals;

const SHEET_PATH = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * exceljs 4.4's streaming reader, with two of its faults worked around:
 * - It decodes each zip chunk on its own, so a Chinese character split between two 16 KB chunks
 *   reads as "��" (exceljs issues #2063, #2316; a registry of 100,000 names has dozens). Its shared
 *   strings and worksheets are decoded here across chunks instead.
 * - It reads the zip's entries in the order they are stored. A file that stores its sheets before
 *   `workbook.xml` and the shared strings (exceljs's own writer does) has each sheet copied to a temp
 *   file and read at the end; on a loaded machine the entries' loop now and then ended before
 *   `workbook.xml` was read, and the file was refused as unreadable (`this.model` undefined). The
 *   upload is in memory already: its entries are opened here from the zip's directory, in the order
 *   the sheets need (relations, workbook, shared strings, styles, then each sheet), each still
 *   decompressed as a stream.
 */
class Utf8WorkbookReader extends BaseReader {
  constructor(private readonly buf: Buffer, options: object) {
    super(Readable.from([]), options);
  }

  async *parse(): AsyncGenerator<unknown> {
    const zip = await unzipper.Open.buffer(this.buf);
    const entry = (path: string) => zip.files.find((f) => f.path === path && f.type === 'File');
    const rels = entry('xl/_rels/workbook.xml.rels');
    if (rels) await this._parseRels(rels.stream());
    const workbook = entry('xl/workbook.xml');
    if (workbook) await this._parseWorkbook(workbook.stream());
    const strings = entry('xl/sharedStrings.xml');
    if (strings) yield* this._parseSharedStrings(strings.stream());
    const styles = entry('xl/styles.xml');
    if (styles) await this._parseStyles(styles.stream());
    const sheets = zip.files.flatMap((f) => {
      const n = f.type === 'File' ? SHEET_PATH.exec(f.path)?.[1] : undefined;
      return n ? [{ n, f }] : [];
    }).sort((a, b) => Number(a.n) - Number(b.n));
    for (const { n, f } of sheets) yield* this._parseWorksheet(f.stream(), n);
  }

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

/** The first visible sheet of an upload as it streams: its header, then its rows a batch at a time. */
export interface SheetStream {
  name: string;
  headerRow: number;
  header: string[];
  /**
   * The non-blank rows after the header, `size` at a time, in the sheet's order; iterate once. The
   * row past the cap refuses the file (the rest is never parsed); an import checks and stages each
   * batch and lets it go, so a 100,000-row file is never held whole.
   */
  batches(size: number): AsyncGenerator<TextRow[]>;
}

/** Parser failures become the refusal of the file; the import's own refusals pass as they are. */
async function parsing<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('UNSUPPORTED_FILE', '无法读取该文件，请确认是 .xlsx 格式的 Excel 文件');
  }
}

/** Opens the first visible sheet of an .xlsx upload and reads up to its header row. */
export async function openSheetText(buf: Buffer, o: SheetReadOptions): Promise<SheetStream> {
  if (buf.length < 4 || buf.readUInt32BE(0) !== 0x504b0304) throw new AppError('UNSUPPORTED_FILE', '请上传 .xlsx 格式的 Excel 文件');
  const reader = new Utf8WorkbookReader(buf, {
    sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore',
  });
  const sheets = (reader as AsyncIterable<unknown> as AsyncIterable<StreamedSheet>)[Symbol.asyncIterator]();
  return parsing(async () => {
    for (;;) {
      const next = await sheets.next();
      if (next.done) throw new AppError('VALIDATION', '文件中没有工作表');
      const ws = next.value;
      if (ws.state === 'hidden' || ws.state === 'veryHidden') {
        for await (const _row of ws); // a hidden sheet is read past, unparsed beyond its rows
        continue;
      }
      const rows = ws[Symbol.asyncIterator]();
      const { header, headerRow } = await readHeader(rows, o);
      return { name: ws.name, headerRow, header, batches: (size) => batchesOf(rows, header.length, size, o, () => sheets.return?.()) };
    }
  });
}

async function readHeader(rows: AsyncIterator<ExcelJS.Row>, o: SheetReadOptions): Promise<{ header: string[]; headerRow: number }> {
  for (let next = await rows.next(); !next.done && next.value.number <= HEADER_SEARCH_ROWS; next = await rows.next()) {
    const row = next.value;
    const texts: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (texts[col - 1] = cellText(cell)));
    for (let i = 0; i < texts.length; i++) texts[i] ??= '';
    if (o.isHeader(texts)) {
      // Trailing blank header cells add no column.
      while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
      return { header: texts, headerRow: row.number };
    }
  }
  throw new AppError('VALIDATION', `未找到表头：前${HEADER_SEARCH_ROWS}行中应有一行包含“${o.anchor}”等列名，请使用导入模板或在预检中指定列`);
}

async function* batchesOf(
  rows: AsyncIterator<ExcelJS.Row>, width: number, size: number, o: SheetReadOptions, close: () => unknown,
): AsyncGenerator<TextRow[]> {
  let batch: TextRow[] = [];
  let count = 0;
  try {
    for (;;) {
      const next = await parsing(() => rows.next());
      if (next.done) break;
      const row = next.value;
      const values = rowTexts(row, width);
      if (values.every((v) => v === '')) continue;
      if (count >= o.maxRows) {
        throw new AppError('VALIDATION', `文件超过${o.maxRows}行，一次最多导入${o.maxRows}行，请拆分文件后分批导入（已读到第${row.number}行时停止）`);
      }
      count++;
      o.onRow?.(row.number);
      batch.push({ row: row.number, values });
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    // Closing the reader only stops the zip's remaining entries: once the rows are read (or the
    // reading already failed), a stream torn down on the way out says nothing about the file.
    await Promise.resolve(close()).catch(() => undefined);
  }
}

/** The first visible sheet of an .xlsx upload, read whole as text (small files, tests). */
export async function readSheetText(buf: Buffer, o: SheetReadOptions): Promise<TextSheet> {
  const sheet = await openSheetText(buf, o);
  const rows: TextRow[] = [];
  for await (const batch of sheet.batches(1000)) rows.push(...batch);
  return { name: sheet.name, headerRow: sheet.headerRow, header: sheet.header, rows };
}
