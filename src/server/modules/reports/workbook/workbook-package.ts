// A township's .xlsx as a package: opened with bounds (size, parts, inflated bytes), its first
// visible sheet found through the workbook's relationships, and that sheet read into what the
// binding page draws and the checks need. One reading serves the preview, the save and the fill,
// so the addresses the office clicks are the ones export writes.
import JSZip from 'jszip';
import { type SheetFacts, addressOf, parseRange } from '../../../../domain/reports/workbook.ts';
import { AppError } from '../../../http/errors.ts';
import { type SheetParts, type StyleSheet, attrsOf, cellAttrs, cellText, formatOf, readStyles, sharedStrings, splitSheet } from './sheet-xml.ts';

export const WORKBOOK_MAX_BYTES = 10 * 1024 * 1024;
/** Inflated bytes of all parts together, as the zip declares them (partText enforces a bound on what is really inflated). */
const MAX_INFLATED_BYTES = 80 * 1024 * 1024;
const MAX_PARTS = 3000;
/** What the binding page draws at most; a form is a page or two, not a ledger. */
export const PREVIEW_MAX_ROWS = 200;
export const PREVIEW_MAX_COLS = 52;

const NOT_XLSX = '请上传 .xlsx 格式的 Excel 文件（Word、PDF、图片或改了扩展名的文件不能使用）';
const OLD_XLS = '这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中“另存为” .xlsx 格式后再上传';
const BROKEN = '无法读取该文件，文件可能已损坏，请在 Excel 或 WPS 中重新保存为 .xlsx 后上传';

export interface OpenedWorkbook {
  zip: JSZip;
  sheetName: string;
  sheetPath: string;
  sheetXml: string;
  workbookPath: string;
  stylesPath: string | null;
  sharedStringsPath: string | null;
}

const unsupported = (msg: string) => new AppError('UNSUPPORTED_FILE', msg, { file: [msg] });
const TOO_LARGE = '文件内容过于庞大，不像一张报表，请只保留报表所在的工作表后上传';
/** One part inflated at most this far (a sheet of a few thousand cells is well under 1 MB). */
const MAX_PART_BYTES = 40 * 1024 * 1024;

/**
 * A part's text, or null when the package has no such part. Inflated as a stream and stopped past
 * MAX_PART_BYTES: the sizes a zip declares are the sender's word, the inflated bytes are not.
 */
export function partText(zip: JSZip, path: string): Promise<string | null> {
  const f = zip.file(path);
  if (!f) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const stream = f.nodeStream('nodebuffer');
    stream
      .on('data', (chunk: Buffer) => {
        if (done) return;
        size += chunk.length;
        if (size > MAX_PART_BYTES) { done = true; stream.pause(); stream.removeAllListeners('data'); reject(unsupported(TOO_LARGE)); return; }
        chunks.push(chunk);
      })
      .on('error', () => { if (!done) { done = true; reject(unsupported(BROKEN)); } })
      .on('end', () => { if (!done) { done = true; resolve(Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '')); } });
  });
}
const dirOf = (p: string) => p.slice(0, p.lastIndexOf('/') + 1);

/** A relationship target resolved against the part that names it (absolute targets start with '/'). */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = (dirOf(fromPart) + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

export const relsPathOf = (part: string) => `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;

/** The relationships of a part: id → { type, target path }. */
export async function relationshipsOf(zip: JSZip, part: string): Promise<Map<string, { type: string; target: string }>> {
  const xml = await partText(zip, relsPathOf(part));
  const out = new Map<string, { type: string; target: string }>();
  for (const m of (xml ?? '').matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const a = attrsOf(m[1]!);
    if (a.get('TargetMode') === 'External') continue;
    out.set(a.get('Id') ?? '', { type: a.get('Type') ?? '', target: resolveTarget(part, a.get('Target') ?? '') });
  }
  return out;
}

export async function openWorkbook(buf: Buffer): Promise<OpenedWorkbook> {
  if (buf.length === 0) throw new AppError('VALIDATION', '上传的文件是空的，请重新选择', { file: ['上传的文件是空的，请重新选择'] });
  if (buf.length > WORKBOOK_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `报表文件不能超过 ${WORKBOOK_MAX_BYTES / 1024 / 1024} MB`, { file: [`报表文件不能超过 ${WORKBOOK_MAX_BYTES / 1024 / 1024} MB`] });
  if (buf.length >= 4 && buf.readUInt32BE(0) === 0xd0cf11e0) throw unsupported(OLD_XLS);
  if (buf.length < 4 || buf.readUInt32BE(0) !== 0x504b0304) throw unsupported(NOT_XLSX);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch {
    throw unsupported(BROKEN);
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  const inflated = entries.reduce((n, f) => n + ((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);
  if (entries.length > MAX_PARTS || inflated > MAX_INFLATED_BYTES) throw unsupported(TOO_LARGE);
  const root = await relationshipsOf(zip, '');
  const workbookPath = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbookXml = await partText(zip, workbookPath);
  if (!workbookXml) throw unsupported(NOT_XLSX);
  const rels = await relationshipsOf(zip, workbookPath);
  const sheets = [...workbookXml.matchAll(/<sheet\b([^>]*?)\/?>/g)].map((m) => attrsOf(m[1]!));
  const first = sheets.find((s) => (s.get('state') ?? 'visible') === 'visible' && rels.get(s.get('r:id') ?? '')?.type.endsWith('/worksheet'));
  const sheetPath = first ? rels.get(first.get('r:id') ?? '')!.target : null;
  const sheetXml = sheetPath ? await partText(zip, sheetPath) : null;
  if (!first || !sheetPath || !sheetXml) throw new AppError('VALIDATION', '文件中没有可用的工作表', { file: ['文件中没有可用的工作表'] });
  const byType = (t: string) => [...rels.values()].find((r) => r.type.endsWith(t))?.target ?? null;
  return { zip, sheetName: first.get('name') ?? 'Sheet1', sheetPath, sheetXml, workbookPath, stylesPath: byType('/styles'), sharedStringsPath: byType('/sharedStrings') };
}

export interface SheetCell {
  text: string;
  filled: boolean;
  style: string | undefined;
  bold: boolean;
  border: boolean;
  align: string | null;
}

export interface SheetModel {
  name: string;
  parts: SheetParts;
  styles: StyleSheet;
  cells: Map<string, SheetCell>;
  merges: string[];
  /** The used range: the last row and column holding text, a border or a merge. */
  rows: number;
  cols: number;
  widths: Map<number, number>;
  heights: Map<number, number>;
  defaultWidth: number;
  defaultHeight: number;
  facts: SheetFacts;
}

export async function readSheet(w: OpenedWorkbook): Promise<SheetModel> {
  const strings = sharedStrings(w.sharedStringsPath ? await partText(w.zip, w.sharedStringsPath) : null);
  const styles = readStyles(w.stylesPath ? await partText(w.zip, w.stylesPath) : null);
  let parts: SheetParts;
  try {
    parts = splitSheet(w.sheetXml);
  } catch {
    throw unsupported(BROKEN);
  }
  const cells = new Map<string, SheetCell>();
  let rows = 0, cols = 0;
  const heights = new Map<number, number>();
  for (const r of parts.rows) {
    const ht = Number(attrsOf(r.attrs).get('ht'));
    if (ht > 0) heights.set(r.row, ht);
    for (const c of r.cells) {
      const style = attrsOf(cellAttrs(c)).get('s');
      const { text, filled } = cellText(c, strings);
      const f = formatOf(styles, style);
      cells.set(addressOf(c.row, c.col), { text, filled, style, bold: f.bold, border: f.border, align: f.align });
      if (filled || f.border) { rows = Math.max(rows, c.row); cols = Math.max(cols, c.col); }
    }
  }
  const merges = [...w.sheetXml.matchAll(/<mergeCell\b([^>]*?)\/?>/g)].map((m) => attrsOf(m[1]!).get('ref') ?? '').filter((r) => parseRange(r));
  for (const m of merges) {
    const r = parseRange(m)!;
    rows = Math.max(rows, r.bottom);
    cols = Math.max(cols, r.right);
  }
  const widths = new Map<number, number>();
  for (const m of w.sheetXml.matchAll(/<col\b([^>]*?)\/?>/g)) {
    const a = attrsOf(m[1]!);
    const min = Number(a.get('min')), max = Math.min(Number(a.get('max')), PREVIEW_MAX_COLS + 1);
    const width = a.get('hidden') === '1' || a.get('hidden') === 'true' ? 0 : Number(a.get('width') ?? NaN);
    if (Number.isFinite(width)) for (let c = min; c <= max; c++) widths.set(c, width);
  }
  const fmt = attrsOf(/<sheetFormatPr\b([^>]*?)\/?>/.exec(w.sheetXml)?.[1] ?? '');
  const mergeAt = (row: number, col: number) => merges.map((m) => parseRange(m)!).find((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
  const facts: SheetFacts = {
    rows, cols, merges,
    filled: new Set([...cells].filter(([, c]) => c.filled).map(([a]) => a)),
    textAt: (row, col) => {
      const m = mergeAt(row, col);
      return cells.get(m ? addressOf(m.top, m.left) : addressOf(row, col))?.text ?? '';
    },
  };
  return {
    name: w.sheetName, parts, styles, cells, merges, rows, cols, widths, heights,
    defaultWidth: Number(fmt.get('defaultColWidth') ?? fmt.get('baseColWidth') ?? 8.43) || 8.43, defaultHeight: Number(fmt.get('defaultRowHeight') ?? 15) || 15, facts,
  };
}
