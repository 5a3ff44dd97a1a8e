// The few pieces of SpreadsheetML that reading and filling a township's own workbook touch, as
// text: the rows and cells of <sheetData>, shared strings, and cell formats. Everything else in a
// part is kept as it was, byte for byte; what is written is escaped. Pure: no IO.
// Why not a template library or a DOM: docs/decisions/015-own-workbook-forms.md.
import { addressOf, parseAddress } from '../../../../domain/reports/workbook.ts';

export interface XmlCell {
  row: number;
  col: number;
  /** The whole <c …/> or <c …>…</c> element. */
  xml: string;
}

export interface XmlRow {
  row: number;
  /** The start tag's attributes, as written (r="…" included). */
  attrs: string;
  cells: XmlCell[];
}

export interface SheetParts {
  /** Everything before <sheetData>'s content (its start tag included). */
  head: string;
  rows: XmlRow[];
  /** Everything from </sheetData> on. */
  tail: string;
}

const ATTR = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag's text, unescaped. */
export function attrsOf(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(ATTR)) out.set(m[1]!, unescapeXml(m[2] ?? m[3] ?? ''));
  return out;
}

export function escapeXml(s: string): string {
  // eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot hold are dropped
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) => {
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    if (e === 'amp') return '&';
    const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** Replaces (or adds) one attribute in a start tag's attribute text. */
export function setAttr(attrs: string, name: string, value: string | null): string {
  const re = new RegExp(`(^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  const without = attrs.replace(re, '');
  return value === null ? without : `${without} ${name}="${escapeXml(value)}"`;
}

const ROW = /<row\b([^>]*?)(\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>[\s\S]*?<\/c>)/g;

/** Splits a worksheet part into what precedes its rows, the rows, and what follows. */
export function splitSheet(xml: string): SheetParts {
  const open = /<sheetData\b[^>]*?(\/>|>)/.exec(xml);
  if (!open) throw new Error('worksheet without sheetData');
  if (open[1] === '/>') {
    const at = open.index;
    return { head: `${xml.slice(0, at)}<sheetData>`, rows: [], tail: `</sheetData>${xml.slice(at + open[0].length)}` };
  }
  const start = open.index + open[0].length;
  const end = xml.indexOf('</sheetData>', start);
  const body = xml.slice(start, end);
  const rows: XmlRow[] = [];
  let lastRow = 0;
  for (const m of body.matchAll(ROW)) {
    const attrs = m[1]!;
    const r = Number(attrsOf(attrs).get('r') ?? lastRow + 1);
    lastRow = r;
    const cells: XmlCell[] = [];
    let lastCol = 0;
    for (const c of (m[3] ?? '').matchAll(CELL)) {
      const ref = attrsOf(c[1]!).get('r');
      const p = ref ? parseAddress(ref) : null;
      const col = p?.col ?? lastCol + 1;
      lastCol = col;
      cells.push({ row: r, col, xml: c[0] });
    }
    rows.push({ row: r, attrs, cells });
  }
  return { head: xml.slice(0, start), rows, tail: xml.slice(end) };
}

export function joinSheet(p: SheetParts): string {
  const rows = p.rows.map((r) => (r.cells.length === 0 ? `<row${r.attrs}/>` : `<row${r.attrs}>${r.cells.map((c) => c.xml).join('')}</row>`));
  return `${p.head}${rows.join('')}${p.tail}`;
}

/** The start tag's attribute text of a cell element. */
export const cellAttrs = (c: XmlCell) => /^<c\b([^>]*?)\/?>/.exec(c.xml)?.[1] ?? '';

/** The texts of every <t> inside a fragment (a shared string's runs, an inline string), phonetic runs left out. */
export function textOf(fragment: string): string {
  const plain = fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of plain.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) out += unescapeXml(m[1] ?? '');
  return out;
}

export function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  return [...xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)].map((m) => textOf(m[1] ?? ''));
}

/** What a cell shows, as text, and whether it holds a value or a formula at all. */
export function cellText(c: XmlCell, strings: readonly string[]): { text: string; filled: boolean } {
  const a = attrsOf(cellAttrs(c));
  const inner = /^<c\b[^>]*?>([\s\S]*)<\/c>$/.exec(c.xml)?.[1] ?? '';
  const hasFormula = /<f\b/.test(inner);
  const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(inner)?.[1];
  const t = a.get('t');
  let text = '';
  if (t === 'inlineStr') text = textOf(/<is\b[^>]*>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '');
  else if (v !== undefined) {
    const raw = unescapeXml(v);
    if (t === 's') text = strings[Number(raw)] ?? '';
    else if (t === 'b') text = raw === '1' ? 'TRUE' : 'FALSE';
    else text = raw;
  }
  return { text, filled: hasFormula || text !== '' };
}

/** A cell element holding `value` (a number, or text as an inline string), with the given style index. */
export function valueCell(ref: string, style: string | null, value: number | string): string {
  const s = style !== null ? ` s="${escapeXml(style)}"` : '';
  if (typeof value === 'number') return `<c r="${ref}"${s}><v>${Number.isFinite(value) ? value : 0}</v></c>`;
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
}

/** Finds a row (creating it, in order) and the cell at `col` in it (creating an empty one, in order). */
export function cellAt(p: SheetParts, row: number, col: number): { r: XmlRow; index: number } {
  let ri = p.rows.findIndex((x) => x.row >= row);
  if (ri === -1 || p.rows[ri]!.row !== row) {
    const r: XmlRow = { row, attrs: ` r="${row}"`, cells: [] };
    if (ri === -1) p.rows.push(r);
    else p.rows.splice(ri, 0, r);
    ri = p.rows.indexOf(r);
  }
  const r = p.rows[ri]!;
  let ci = r.cells.findIndex((c) => c.col >= col);
  if (ci === -1 || r.cells[ci]!.col !== col) {
    const cell = { row, col, xml: `<c r="${addressOf(row, col)}"/>` };
    if (ci === -1) { r.cells.push(cell); ci = r.cells.length - 1; } else r.cells.splice(ci, 0, cell);
  }
  return { r, index: ci };
}

// ---- cell formats ---------------------------------------------------------------------------

export interface StyleSheet {
  xml: string;
  /** Each <xf> of <cellXfs>, as written. */
  xfs: string[];
  fonts: string[];
  borders: string[];
}

const listOf = (xml: string, list: string, item: string): string[] => {
  const body = new RegExp(`<${list}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${list}>)`).exec(xml)?.[1] ?? '';
  return [...body.matchAll(new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, 'g'))].map((m) => m[0]);
};

export function readStyles(xml: string | null): StyleSheet {
  const x = xml ?? '';
  return { xml: x, xfs: listOf(x, 'cellXfs', 'xf'), fonts: listOf(x, 'fonts', 'font'), borders: listOf(x, 'borders', 'border') };
}

/** How a cell's format prints, as far as a preview needs. */
export function formatOf(st: StyleSheet, style: string | undefined): { bold: boolean; border: boolean; align: string | null; numFmtId: number } {
  const xf = st.xfs[Number(style ?? 0)] ?? '';
  const a = attrsOf(/^<xf\b([^>]*?)\/?>/.exec(xf)?.[1] ?? '');
  const font = st.fonts[Number(a.get('fontId') ?? 0)] ?? '';
  const border = st.borders[Number(a.get('borderId') ?? 0)] ?? '';
  const align = /<alignment\b[^>]*?horizontal\s*=\s*"([^"]*)"/.exec(xf)?.[1] ?? null;
  return {
    bold: /<b\s*\/>|<b\s+val\s*=\s*"(1|true)"/.test(font),
    border: /<(left|right|top|bottom)\b[^>]*?style\s*=/.test(border),
    align, numFmtId: Number(a.get('numFmtId') ?? 0),
  };
}

/**
 * A format like `style` but printing two decimals (built-in number format 2, "0.00"), appended
 * to <cellXfs> (st.xml is updated); returns the new index. A style that already has a number
 * format other than General keeps it.
 */
export function twoDecimalsStyle(st: StyleSheet, style: string | null, cache: Map<string, string | null>): string | null {
  const key = style ?? '0';
  if (cache.has(key)) return cache.get(key)!;
  const xf = st.xfs[Number(key)];
  if (!xf || formatOf(st, key).numFmtId !== 0 || !/<cellXfs\b/.test(st.xml)) { cache.set(key, style); return style; }
  const open = /^<xf\b([^>]*?)(\/?)>/.exec(xf)!;
  const attrs = setAttr(setAttr(open[1]!, 'numFmtId', '2'), 'applyNumberFormat', '1');
  const copy = `<xf${attrs}${open[2]}>${xf.slice(open[0].length)}`;
  st.xfs.push(copy);
  const index = String(st.xfs.length - 1);
  st.xml = st.xml.replace(/<cellXfs\b([^>]*?)>([\s\S]*?)<\/cellXfs>/, (_m, a: string, body: string) => `<cellXfs${setAttr(a, 'count', String(st.xfs.length))}>${body}${copy}</cellXfs>`);
  cache.set(key, index);
  return index;
}
