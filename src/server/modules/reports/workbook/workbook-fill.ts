// Export of a form whose template is the township's own workbook: the stored .xlsx with the
// figures written into the bound cells, and (a grid form) one row per unit from the first unit
// row, rows added when the form has fewer drawn than there are units (each a copy of the first
// unit row's formats and merges, inserted after the drawn rows; a 合计 formula's range over the
// drawn rows grows with them). Every part the fill does not need to change is carried over as it was: drawings and
// text boxes, print settings, images, other sheets. Why this way: docs/decisions/015-own-workbook-forms.md.
import type JSZip from 'jszip';
import type { CellValue } from '../../../../domain/reports/values.ts';
import { type WorkbookBindings, addressOf, colNumber, parseAddress } from '../../../../domain/reports/workbook.ts';
import { openWorkbook, partText, readSheet, relationshipsOf } from './workbook-package.ts';
import { type SheetParts, attrsOf, cellAttrs, cellAt, escapeXml, joinSheet, setAttr, twoDecimalsStyle, unescapeXml, valueCell } from './sheet-xml.ts';

export interface FillRow {
  unitName: string;
  values: Record<string, CellValue>;
}

export interface FillInput {
  bindings: WorkbookBindings;
  /** Each indicator's unit (万元 prints fen as 万元 with two decimals). */
  units: ReadonlyMap<string, string | null>;
  /** A sheet form's figures and the unit (or region) named in its unit cell. */
  values?: Record<string, CellValue>;
  unitName?: string | null;
  /** A grid form's rows, in order, and the 合计 row's figures when the form has one. */
  rows?: FillRow[];
  total?: Record<string, CellValue>;
}

const TOTAL_ROW = /^(合\s*计|总\s*计|小\s*计)$/;

// ---- moving rows down ----------------------------------------------------------------------

/**
 * Rows from `at` move down `by`; a range that runs from inside the unit rows (`growFrom` on) down
 * to the last drawn one (`at - 1`) grows with the added rows, as a table's 合计 range should.
 */
export interface Move {
  at: number;
  by: number;
  growFrom: number;
}

const REF = /(\$?[A-Z]{1,3}\$?)(\d+)(?::(\$?[A-Z]{1,3}\$?)(\d+))?/;

function moveRef(m: Move, c1: string, r1: string, c2?: string, r2?: string): string {
  const top = Number(r1);
  if (c2 === undefined || r2 === undefined) return `${c1}${top >= m.at ? top + m.by : top}`;
  const bottom = Number(r2);
  const grows = bottom === m.at - 1 && top >= m.growFrom && top <= bottom;
  return `${c1}${top >= m.at ? top + m.by : top}:${c2}${bottom >= m.at || grows ? bottom + m.by : bottom}`;
}

/** A1 references in a formula moved (sheet-qualified ones and string literals left alone). */
export function shiftFormula(f: string, m: Move): string {
  const re = new RegExp(`(^|[^A-Za-z0-9_.!'$\\]])${REF.source}(?![A-Za-z0-9_(!])`, 'g');
  return f.split(/("(?:[^"]|"")*")/).map((part, i) => (i % 2 === 1 ? part
    : part.replace(re, (_x, pre: string, c1: string, r1: string, c2?: string, r2?: string) => `${pre}${moveRef(m, c1, r1, c2, r2)}`))).join('');
}

/** A space-separated list of ranges (ref, sqref) moved. */
export function shiftRanges(list: string, m: Move): string {
  return list.replace(new RegExp(REF.source, 'g'), (_x, c1: string, r1: string, c2?: string, r2?: string) => moveRef(m, c1, r1, c2, r2));
}

/** Attributes naming cells (merges, dimension, selections, conditional formats, validations, hyperlinks) and row breaks, shifted. */
function shiftSheetRefs(xml: string, m: Move): string {
  return xml
    .replace(/(\s(?:ref|sqref|activeCell|topLeftCell)\s*=\s*")([^"]*)"/g, (_x, pre: string, v: string) => `${pre}${shiftRanges(v, m)}"`)
    // a row break after row n: below the unit rows it moves with them
    .replace(/(<brk\b[^>]*?\sid\s*=\s*")(\d+)"/g, (_x, pre: string, v: string) => `${pre}${Number(v) >= m.at ? Number(v) + m.by : v}"`);
}

/** A cell element with its row and formula moved; a formula's cached value dropped (recalculated on open). */
function movedCell(xml: string, row: number, col: number, m: Move): string {
  const withRef = xml.replace(/^<c\b([^>]*?)(\/?)>/, (_m, a: string, close: string) => `<c${setAttr(a, 'r', addressOf(row, col))}${close}>`);
  return withRef.replace(/<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/g, (_x, a: string, text: string | undefined) => {
    const attrs = a.replace(/(\sref\s*=\s*")([^"]*)"/, (_x, pre: string, v: string) => `${pre}${shiftRanges(v, m)}"`);
    return text === undefined ? `<f${attrs}/>` : `<f${attrs}>${escapeXml(shiftFormula(unescapeXml(text), m))}</f>`;
  });
}

/** Inserts `by` rows at row `at`, each a copy of `template`'s formats (row height, cell styles, merges within the row). */
function insertRows(p: SheetParts, merges: readonly string[], m: Move & { template: number }) {
  const { at, by } = m;
  const tpl = p.rows.find((r) => r.row === m.template);
  const tplMerges = merges.filter((x) => { const [a, b = a] = x.split(':'); return parseAddress(a!)?.row === m.template && parseAddress(b!)?.row === m.template; });
  for (const r of p.rows) {
    const row = r.row >= at ? r.row + by : r.row;
    if (row !== r.row) r.attrs = setAttr(r.attrs, 'r', String(row));
    r.cells = r.cells.map((c) => ({ row, col: c.col, xml: /<f\b/.test(c.xml) || row !== c.row ? movedCell(c.xml, row, c.col, m) : c.xml }));
    r.row = row;
  }
  const added = Array.from({ length: by }, (_, i) => at + i).map((row) => ({
    row,
    attrs: setAttr(tpl?.attrs ?? '', 'r', String(row)),
    cells: (tpl?.cells ?? []).map((c) => {
      const s = attrsOf(cellAttrs(c)).get('s');
      return { row, col: c.col, xml: `<c r="${addressOf(row, c.col)}"${s ? ` s="${escapeXml(s)}"` : ''}/>` };
    }),
  }));
  const i = p.rows.findIndex((r) => r.row >= at + by);
  p.rows.splice(i === -1 ? p.rows.length : i, 0, ...added);
  p.head = shiftSheetRefs(p.head, m);
  const copies = added.flatMap((r) => tplMerges.map((x) => x.replace(/\d+/g, String(r.row))));
  p.tail = shiftSheetRefs(p.tail, m).replace(/<mergeCells\b([^>]*?)>([\s\S]*?)<\/mergeCells>/, (_m, a: string, body: string) => {
    const count = (body.match(/<mergeCell\b/g)?.length ?? 0) + copies.length;
    return `<mergeCells${setAttr(a, 'count', String(count))}>${body}${copies.map((c) => `<mergeCell ref="${c}"/>`).join('')}</mergeCells>`;
  });
}

/** Drawing anchors (text boxes, pictures, charts) below the inserted rows moved down with them. */
function shiftAnchors(xml: string, { at, by }: Move): string {
  const zeroBased = at - 1;
  return xml.replace(/<((?:\w+:)?)(from|to)>([\s\S]*?)<\/\1\2>/g, (_m, ns: string, tag: string, body: string) =>
    `<${ns}${tag}>${body.replace(new RegExp(`<${ns}row>(\\d+)</${ns}row>`), (_x, r: string) => `<${ns}row>${Number(r) >= zeroBased ? Number(r) + by : r}</${ns}row>`)}</${ns}${tag}>`);
}

/** A defined name's references to this sheet (a print area, print titles) shifted. */
function shiftDefinedNames(xml: string, sheet: string, m: Move): string {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const names = [escapeXml(quoted), escapeXml(sheet), quoted, sheet].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`((?:${names.join('|')})!)(\\$?[A-Z]{1,3}\\$?\\d+(?::\\$?[A-Z]{1,3}\\$?\\d+)?)`, 'g');
  return xml.replace(/(<definedName\b[^>]*>)([\s\S]*?)(<\/definedName>)/g, (_m, open: string, body: string, close: string) =>
    `${open}${body.replace(re, (_x, pre: string, range: string) => `${pre}${shiftRanges(range, m)}`)}${close}`);
}

/** Asks Excel/WPS to recalculate formulas on open (a 合计 over the written figures). */
function recalcOnLoad(xml: string): string {
  if (/<calcPr\b/.test(xml)) return xml.replace(/<calcPr\b([^>]*?)(\/?)>/, (_m, a: string, c: string) => `<calcPr${setAttr(a, 'fullCalcOnLoad', '1')}${c}>`);
  const at = xml.search(/<(oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/workbook>/);
  return at === -1 ? xml : `${xml.slice(0, at)}<calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
}

// ---- writing the figures -------------------------------------------------------------------

export async function fillWorkbook(buf: Buffer, input: FillInput): Promise<Buffer> {
  const w = await openWorkbook(buf);
  const sheet = await readSheet(w);
  const p = sheet.parts;
  const styleCache = new Map<string, string | null>();
  let stylesChanged = false;
  const put = (address: string, value: CellValue | undefined, unit: string | null) => {
    const pos = parseAddress(address);
    if (!pos || value === null || value === undefined) return;
    const { r, index } = cellAt(p, pos.row, pos.col);
    let style = attrsOf(cellAttrs(r.cells[index]!)).get('s') ?? null;
    let v: number | string;
    if (typeof value === 'boolean') v = value ? '是' : '否';
    else if (typeof value === 'number' && unit === '万元') {
      v = Math.round(value / 100) / 10_000;
      const before = sheet.styles.xfs.length;
      style = twoDecimalsStyle(sheet.styles, style, styleCache);
      stylesChanged ||= sheet.styles.xfs.length !== before;
    } else v = value;
    r.cells[index] = { row: pos.row, col: pos.col, xml: valueCell(address, style, v) };
  };
  const unitOf = (key: string) => input.units.get(key) ?? null;
  const b = input.bindings;
  let moved: Move | null = null;
  if (b.grid) {
    const g = b.grid;
    const cols = [g.unitColumn, ...Object.keys(g.columns)];
    // a drawn unit row: blank in the form's columns and formatted like the first one (a spacer or the notes are not)
    const styleAt = (address: string) => sheet.cells.get(address)?.style ?? null;
    const blankRow = (row: number) => row <= sheet.rows && cols.every((c) => !sheet.facts.filled.has(`${c}${row}`))
      && styleAt(`${g.unitColumn}${row}`) === styleAt(`${g.unitColumn}${g.row}`);
    let drawn = 1;
    while (blankRow(g.row + drawn)) drawn++;
    const rows = input.rows ?? [];
    if (rows.length > drawn) {
      moved = { at: g.row + drawn, by: rows.length - drawn, growFrom: g.row };
      insertRows(p, sheet.merges, { ...moved, template: g.row });
    }
    rows.forEach((r, i) => {
      const row = g.row + i;
      put(`${g.unitColumn}${row}`, r.unitName, null);
      for (const [col, bound] of Object.entries(g.columns)) put(`${col}${row}`, r.values[bound.indicator], unitOf(bound.indicator));
    });
    // a 合计 row right under the drawn unit rows gets the sums where it holds no formula of its own
    const original = g.row + drawn;
    const totalRow = original + (moved?.by ?? 0);
    if (input.total && TOTAL_ROW.test(sheet.facts.textAt(original, colNumber(g.unitColumn)).trim())) {
      for (const [col, bound] of Object.entries(g.columns)) {
        if (!sheet.facts.filled.has(`${col}${original}`)) put(`${col}${totalRow}`, input.total[bound.indicator], unitOf(bound.indicator));
      }
    }
  } else {
    for (const [address, bound] of Object.entries(b.cells)) put(address, input.values?.[bound.indicator], unitOf(bound.indicator));
    if (b.unitCell && input.unitName) put(b.unitCell, input.unitName, null);
  }
  const hasFormulas = p.rows.some((r) => r.cells.some((c) => /<f\b/.test(c.xml)));
  if (hasFormulas) for (const r of p.rows) r.cells = r.cells.map((c) => (/<f\b/.test(c.xml) ? { ...c, xml: c.xml.replace(/<v\b[^>]*>[\s\S]*?<\/v>|<v\s*\/>/, '') } : c));
  w.zip.file(w.sheetPath, joinSheet(p));
  if (stylesChanged && w.stylesPath) w.zip.file(w.stylesPath, sheet.styles.xml);
  if (moved || hasFormulas) {
    let wbXml = (await partText(w.zip, w.workbookPath)) ?? '';
    if (moved) wbXml = shiftDefinedNames(wbXml, w.sheetName, moved);
    w.zip.file(w.workbookPath, recalcOnLoad(wbXml));
  }
  if (moved) {
    for (const rel of (await relationshipsOf(w.zip, w.sheetPath)).values()) {
      if (!rel.type.endsWith('/drawing')) continue;
      const xml = await partText(w.zip, rel.target);
      if (xml) w.zip.file(rel.target, shiftAnchors(xml, moved));
    }
    await dropCalcChain(w.zip, w.workbookPath);
  }
  return w.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The calculation chain names cells by address; after rows moved Excel rebuilds it, so it goes. */
async function dropCalcChain(zip: JSZip, workbookPath: string) {
  const rels = await relationshipsOf(zip, workbookPath);
  const chain = [...rels.entries()].find(([, r]) => r.type.endsWith('/calcChain'));
  if (!chain) return;
  zip.remove(chain[1].target);
  const relsPath = workbookPath.replace(/[^/]*$/, (f) => `_rels/${f}.rels`);
  const xml = await partText(zip, relsPath);
  if (xml) zip.file(relsPath, xml.replace(new RegExp(`<Relationship\\b[^>]*?Id\\s*=\\s*"${chain[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*?/>`), ''));
  const types = await partText(zip, '[Content_Types].xml');
  if (types) zip.file('[Content_Types].xml', types.replace(new RegExp(`<Override\\b[^>]*?PartName\\s*=\\s*"/${chain[1].target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*?/>`), ''));
}
