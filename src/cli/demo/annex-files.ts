// A plan's task annex as the files a township has: the .xlsx its office keeps the list in and the
// .docx of the plan, both with the 专项行动 and 行动任务 cells merged over their rows as in the
// real plan (seed 000). The demo offers them for download and the import tests read them back,
// so the readers are tested on merges made the way Excel and Word make them.
import { annexWorkbook } from '../../server/modules/campaigns/index.ts';
import JSZip from 'jszip';
import type { AnnexTaskSeed } from './data/lin-e-2023-annex.ts';
import { LIN_E_2023_ANNEX_TITLE } from './data/lin-e-2023-annex.ts';

export const ANNEX_HEADINGS = ['序号', '专项行动', '行动任务', '工作要求', '责任单位', '时限要求', '工作落实情况'] as const;
/** Column widths in characters, as an office sets them for A4 landscape. */
const WIDTHS = [6, 16, 44, 40, 14, 14, 16];

/** Runs of rows [first, last] (0-based) that share a value: the vertical merges of a column. */
export function mergeRuns(rows: readonly AnnexTaskSeed[], same: (a: AnnexTaskSeed, b: AnnexTaskSeed) => boolean): [number, number][] {
  const runs: [number, number][] = [];
  rows.forEach((row, i) => {
    const run = runs[runs.length - 1];
    if (run && same(rows[run[1]]!, row)) run[1] = i;
    else runs.push([i, i]);
  });
  return runs;
}
const sameGroup = (a: AnnexTaskSeed, b: AnnexTaskSeed) => a.group === b.group;
const sameAction = (a: AnnexTaskSeed, b: AnnexTaskSeed) => a.group === b.group && a.action === b.action;

type MergeState = 'restart' | 'continue' | null;

/** Per row, for the 专项行动 (index 1) and 行动任务 (index 2) columns: starts, continues or is no merge. */
function mergeStates(rows: readonly AnnexTaskSeed[]): Record<1 | 2, MergeState[]> {
  const statesOf = (runs: [number, number][]) => {
    const state: MergeState[] = [];
    for (const [first, last] of runs) for (let i = first; i <= last; i++) state[i] = last === first ? null : i === first ? 'restart' : 'continue';
    return state;
  };
  return { 1: statesOf(mergeRuns(rows, sameGroup)), 2: statesOf(mergeRuns(rows, sameAction)) };
}

/** A row's cells; the merged text stands in the top cell of a merge only, as in the township's file. */
function cellsOf(row: AnnexTaskSeed, r: number, merges: Record<1 | 2, MergeState[]>): string[] {
  const cells = [row.number, row.group, row.action, row.requirement, row.units, row.deadline, ''];
  for (const col of [1, 2] as const) if (merges[col][r] === 'continue') cells[col] = '';
  return cells;
}

/** The annex as an .xlsx, written as the server writes its export (title, header, 专项行动/行动任务 merged), with 工作落实情况 blank. */
export function annexXlsx(rows: readonly AnnexTaskSeed[], title = LIN_E_2023_ANNEX_TITLE): Promise<Buffer> {
  return annexWorkbook(title, rows.map((r) => ({ number: r.number, group: r.group, action: r.action, requirement: r.requirement, units: r.units, deadline: r.deadline, progress: '' })));
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="${PKG}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`;
const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PKG}/relationships"></Relationships>`;

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Each line of the text as a paragraph, as Word keeps the lines of a cell. */
const paragraphs = (text: string, props = '') =>
  text.split('\n').map((line) => `<w:p>${props}<w:r><w:t xml:space="preserve">${xml(line)}</w:t></w:r></w:p>`).join('');

/** Twentieths of a point per character width, for the grid columns (10.5 pt text). */
const TWIPS_PER_CHAR = 210;

function cellXml(text: string, width: number, vMerge: MergeState): string {
  const merge = vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : vMerge === 'continue' ? '<w:vMerge/>' : '';
  // A continued cell is empty in Word's file but must still hold a paragraph.
  const body = vMerge === 'continue' ? '<w:p/>' : paragraphs(text);
  return `<w:tc><w:tcPr><w:tcW w:w="${width * TWIPS_PER_CHAR}" w:type="dxa"/>${merge}<w:vAlign w:val="center"/></w:tcPr>${body}</w:tc>`;
}

/**
 * The annex as a real Word document: "附件1", the title, and a table whose 专项行动 and 行动任务
 * cells are merged vertically (w:vMerge restart/continue), header row repeated on each page.
 */
export async function annexDocx(rows: readonly AnnexTaskSeed[], title = LIN_E_2023_ANNEX_TITLE): Promise<Buffer> {
  const merges = mergeStates(rows);

  const headerRow = `<w:tr><w:trPr><w:tblHeader/></w:trPr>${ANNEX_HEADINGS.map((h, i) => cellXml(h, WIDTHS[i]!, null)).join('')}</w:tr>`;
  const bodyRows = rows.map((row, r) => {
    const cells = cellsOf(row, r, merges).map((text, i) => cellXml(text, WIDTHS[i]!, i === 1 || i === 2 ? merges[i][r]! : null));
    return `<w:tr>${cells.join('')}</w:tr>`;
  });
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('');
  const table = `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>${borders}</w:tblBorders></w:tblPr>`
    + `<w:tblGrid>${WIDTHS.map((w) => `<w:gridCol w:w="${w * TWIPS_PER_CHAR}"/>`).join('')}</w:tblGrid>${headerRow}${bodyRows.join('')}</w:tbl>`;
  const landscape = '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>';
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${paragraphs('附件1')}${paragraphs(title, '<w:pPr><w:jc w:val="center"/></w:pPr>')}${table}<w:p/>${landscape}</w:body></w:document>`;

  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', ROOT_RELS);
  zip.file('word/_rels/document.xml.rels', DOCUMENT_RELS);
  zip.file('word/document.xml', document);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
