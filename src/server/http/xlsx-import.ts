// Shared plumbing of spreadsheet imports: reading the upload, finding the header row and cell
// text. The batch (preview stored, then committed once) is xlsx-import-batch.ts; what the import
// did not take, xlsx-rejects.ts.
import ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import { readingMultipart } from './multipart.ts';

export const MAX_IMPORT_ROWS = 5000;
export const YES = '是';
export const NO = '否';

export function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('result' in v) {
      const r = v.result;
      return r instanceof Date ? r.toISOString().slice(0, 10) : String(r ?? '').trim();
    }
    if ('text' in v) return String(v.text).trim();
  }
  return String(v).trim();
}

/** Header text in a user's file, tolerant of "*" marks, spaces, notes in brackets and full-width slashes. */
export function normalizeHeader(h: string): string {
  return h.replace(/[\s*＊]/g, '').replace(/／/g, '/').replace(/（.*?）|\(.*?\)/g, '');
}

/** Reverse lookup of a label map: "企业" → "company". */
export function fromLabel<K extends string>(labels: Record<K, string>, text: string): K | undefined {
  return (Object.keys(labels) as K[]).find((k) => labels[k] === text);
}

export function parseBool(text: string): boolean | undefined | 'bad' {
  if (text === '') return undefined;
  if (text === YES || /^(y|yes|true|1)$/i.test(text)) return true;
  if (text === NO || /^(n|no|false|0)$/i.test(text)) return false;
  return 'bad';
}

/** The whole workbook, for imports that read more than one sheet. */
export async function loadWorkbook(buf: Buffer): Promise<ExcelJS.Workbook> {
  // .xlsx is a zip: refuse anything else by its content, whatever the file is called.
  if (buf.length < 4 || buf.readUInt32BE(0) !== 0x504b0304) throw new AppError('UNSUPPORTED_FILE', '请上传 .xlsx 格式的 Excel 文件');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError('UNSUPPORTED_FILE', '无法读取该文件，请确认是 .xlsx 格式的 Excel 文件');
  }
  return wb;
}

export async function readWorkbook(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = await loadWorkbook(buf);
  const ws = wb.worksheets.find((w) => w.state !== 'hidden');
  if (!ws) throw new AppError('VALIDATION', '文件中没有工作表');
  return ws;
}

/** The header row: the first of the first five rows that names `anchor` (e.g. 单位名称). */
export function findHeaderRow(ws: ExcelJS.Worksheet, anchor: string): number {
  for (let r = 1; r <= Math.min(5, ws.rowCount); r++) {
    const texts: string[] = [];
    ws.getRow(r).eachCell((c) => texts.push(normalizeHeader(cellText(c))));
    if (texts.includes(anchor)) return r;
  }
  throw new AppError('VALIDATION', `未找到表头：第一行应包含“${anchor}”等列名，请使用导入模板`);
}

/** Column numbers by key, for the headers that name a known column. */
export function columnIndex<K extends string>(ws: ExcelJS.Worksheet, headerRow: number, byHeader: Map<string, { key: K }>): Map<K, number> {
  const out = new Map<K, number>();
  ws.getRow(headerRow).eachCell((cell, col) => {
    const c = byHeader.get(normalizeHeader(cellText(cell)));
    if (c && !out.has(c.key)) out.set(c.key, col);
  });
  return out;
}

export function lastDataRow(ws: ExcelJS.Worksheet, headerRow: number): number {
  const last = ws.actualRowCount > 0 ? ws.rowCount : 0;
  if (last - headerRow > MAX_IMPORT_ROWS) throw new AppError('VALIDATION', `一次最多导入${MAX_IMPORT_ROWS}行，请拆分文件`);
  return last;
}

/**
 * Reads the one uploaded .xlsx of a multipart request (size limit enforced by the multipart plugin),
 * with the text fields sent before it (e.g. an import's `mapping`).
 */
export async function readXlsxUpload(req: FastifyRequest): Promise<{ fileName: string; buf: Buffer; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_FILE', '请以表单方式上传 .xlsx 文件');
  const upload = await readingMultipart(async () => {
    const file = await req.file();
    if (!file) return null;
    const fields: Record<string, string> = {};
    for (const [name, f] of Object.entries(file.fields)) {
      const one = Array.isArray(f) ? f[0] : f;
      if (one && one.type === 'field' && typeof one.value === 'string') fields[name] = one.value;
    }
    return { filename: file.filename, buf: await file.toBuffer(), fields };
  });
  if (!upload) throw new AppError('VALIDATION', '请选择要上传的文件', { file: ['请选择要上传的文件'] });
  const { filename, buf, fields } = upload;
  if (!/\.xlsx$/i.test(filename)) throw new AppError('UNSUPPORTED_FILE', '请上传 .xlsx 格式的 Excel 文件');
  return { fileName: filename.slice(0, 200), buf, fields };
}
