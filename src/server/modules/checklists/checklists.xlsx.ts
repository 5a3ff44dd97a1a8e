// A template as a workbook: a sheet of template info (编码, 名称, 适用对象, 来源, 说明) and a sheet
// of items, one row each. Headers may come in any order; an exported version re-imports unchanged.
import ExcelJS from 'exceljs';
import { ChecklistContentSchema } from '../../../contract/checklists.ts';
import {
  type AnswerLabels, CHECK_METHOD_LABELS, CHECKLIST_AUDIENCE_LABELS, CONFORMITY_RESULTS, RESPONSE_TYPE_LABELS, type CheckMethod, type ChecklistGroup,
  type ChecklistItem, type ChecklistTemplateContent, type ResponseType, checkMethodsOf,
} from '../../../domain/checklists/checklist.ts';
import {
  NO, YES, cellText, columnIndex, fromLabel, lastDataRow, normalizeHeader, parseBool,
} from '../../http/xlsx-import.ts';
import { type CapturedSheet, type RowProblem, captureSheet } from '../../http/xlsx-rejects.ts';

const INFO_SHEET = '检查表信息';
const ITEMS_SHEET = '检查项';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

type InfoKey = 'code' | 'name' | 'audience' | 'source' | 'description';
type ItemKey =
  | 'group' | 'key' | 'content' | 'requirement' | 'howToCheck' | 'checkMethods' | 'responseType' | 'photoRequired' | 'unit' | 'question'
  | 'finding' | 'answerLabels';
interface Col<K> { key: K; header: string; required: boolean; width: number; note: string }

export const INFO_COLUMNS: Col<InfoKey>[] = [
  { key: 'code', header: '编码', required: true, width: 28, note: '小写字母、数字和连字符，如 town-fire-check；与已有检查表相同时发布为其新版本' },
  { key: 'name', header: '名称', required: true, width: 36, note: '' },
  { key: 'audience', header: '适用对象', required: true, width: 14, note: `可选：${Object.values(CHECKLIST_AUDIENCE_LABELS).join('、')}` },
  { key: 'source', header: '来源', required: false, width: 30, note: '如 文件名称及附件号' },
  { key: 'description', header: '说明', required: false, width: 40, note: '' },
];
export const ITEM_COLUMNS: Col<ItemKey>[] = [
  { key: 'group', header: '分组', required: true, width: 20, note: '同名分组的行归入同一分组' },
  { key: 'key', header: '检查项编码', required: false, width: 18, note: '不填时自动生成；修改已有检查表时请保留原编码' },
  { key: 'content', header: '检查内容', required: true, width: 50, note: '' },
  { key: 'requirement', header: '检查要求', required: false, width: 30, note: '' },
  { key: 'howToCheck', header: '排查要点及方式', required: false, width: 36, note: '' },
  { key: 'checkMethods', header: '排查方式（问/查/看）', required: false, width: 12, note: '如“问、查、看”；不填时按排查要点及方式识别；“无”表示不标注' },
  { key: 'responseType', header: '结果类型', required: false, width: 16, note: `可选：${Object.values(RESPONSE_TYPE_LABELS).join('、')}；不填为${RESPONSE_TYPE_LABELS.conformity}` },
  { key: 'photoRequired', header: '须拍照', required: false, width: 8, note: '是/否，不填为否' },
  { key: 'unit', header: '单位', required: false, width: 8, note: '仅数值型检查项填写，如 人' },
  { key: 'question', header: '检查问题', required: false, width: 36, note: '填写、打印时的问法，如“是否存在“……”的情形？”；不填时以检查内容提问' },
  { key: 'finding', header: '发现问题表述', required: false, width: 30, note: '不符合时记录的问题，作为隐患描述的开头；不填时为检查内容' },
  {
    key: 'answerLabels', header: '回答文字（符合/不符合/不适用）', required: false, width: 18,
    note: '依次写三种结果显示的文字，用“/”分隔，如“否/是/不适用”（问“是否存在……”时“是”为发现问题）；不填为 符合/不符合/不适用；仅“符合/不符合/不适用”类检查项填写',
  },
];
const INFO_BY_HEADER = new Map(INFO_COLUMNS.map((c) => [normalizeHeader(c.header), c]));
const ITEM_BY_HEADER = new Map(ITEM_COLUMNS.map((c) => [normalizeHeader(c.header), c]));
const infoHeader = (k: InfoKey) => `${INFO_COLUMNS.find((c) => c.key === k)!.header}（${INFO_SHEET}）`;
const itemHeader = (k: ItemKey) => ITEM_COLUMNS.find((c) => c.key === k)!.header;
const NONE = '无';
const LABEL_SEPARATOR = '/';

/** 回答文字 as written: the three words in the order 符合/不符合/不适用, or '' for the default. */
const labelsCell = (l: AnswerLabels | null): string => (l ? CONFORMITY_RESULTS.map((r) => l[r]).join(LABEL_SEPARATOR) : '');

function parseLabels(text: string): AnswerLabels | null | 'bad' {
  if (text === '') return null;
  const words = text.split(/[/／]/).map((w) => w.trim());
  if (words.length !== CONFORMITY_RESULTS.length || words.some((w) => w === '')) return 'bad';
  return { conform: words[0]!, nonconform: words[1]!, not_applicable: words[2]! };
}

/** 排查方式 as written: the labels, or 无 when the text names methods the item does not carry. */
function methodsCell(i: ChecklistItem): string {
  if (i.checkMethods.length === 0) return checkMethodsOf(i.howToCheck).length > 0 ? NONE : '';
  return i.checkMethods.map((m) => CHECK_METHOD_LABELS[m]).join('、');
}

function addSheet(wb: ExcelJS.Workbook, name: string, cols: Col<string>[], rows: unknown[][]) {
  const ws = wb.addWorksheet(name);
  ws.columns = cols.map((c) => ({ header: c.required ? `${c.header}*` : c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((cell) => (cell.fill = HEADER_FILL));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) ws.addRow(r).alignment = { wrapText: true, vertical: 'top' };
  return ws;
}

function addHelp(wb: ExcelJS.Workbook) {
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '工作表', width: 12 }, { header: '列', width: 20 }, { header: '是否必填', width: 10 }, { header: '说明', width: 70 }];
  help.getRow(1).font = { bold: true };
  for (const c of INFO_COLUMNS) help.addRow([INFO_SHEET, c.header, c.required ? '必填' : '选填', c.note]);
  for (const c of ITEM_COLUMNS) help.addRow([ITEMS_SHEET, c.header, c.required ? '必填' : '选填', c.note]);
}

/** One version as a workbook that imports back to the same content. */
export async function buildTemplateWorkbook(c: ChecklistTemplateContent): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '安治';
  addSheet(wb, INFO_SHEET, INFO_COLUMNS, [[c.code, c.name, CHECKLIST_AUDIENCE_LABELS[c.audience], c.source ?? '', c.description ?? '']]);
  addSheet(
    wb, ITEMS_SHEET, ITEM_COLUMNS,
    c.groups.flatMap((g) => g.items.map((i) => [
      g.title, i.key, i.content, i.requirement ?? '', i.howToCheck, methodsCell(i), RESPONSE_TYPE_LABELS[i.responseType], i.photoRequired ? YES : NO, i.unit ?? '',
      i.question ?? '', i.finding ?? '', labelsCell(i.answerLabels),
    ])),
  );
  addHelp(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An empty workbook with both sheets' headers and the filling notes. */
export async function buildImportTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '安治';
  addSheet(wb, INFO_SHEET, INFO_COLUMNS, []);
  addSheet(wb, ITEMS_SHEET, ITEM_COLUMNS, []);
  addHelp(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The first rows of a sheet that carry every one of `anchors` as headers, or null. */
function headerRowOf(ws: ExcelJS.Worksheet, anchors: string[]): number | null {
  for (let r = 1; r <= Math.min(5, ws.rowCount); r++) {
    const texts = new Set<string>();
    ws.getRow(r).eachCell((c) => texts.add(normalizeHeader(cellText(c))));
    if (anchors.every((a) => texts.has(a))) return r;
  }
  return null;
}

function findSheet(wb: ExcelJS.Workbook, anchors: string[]) {
  for (const ws of wb.worksheets) {
    if (ws.state === 'hidden') continue;
    const headerRow = headerRowOf(ws, anchors);
    if (headerRow !== null) return { ws, headerRow };
  }
  return null;
}

/** Problems name their sheet by its place among the captured ones. */
export const INFO = 0;
export const ITEMS = 1;

export interface ParsedWorkbook {
  /** Null when the file's problems keep a template from being assembled at all. */
  content: ChecklistTemplateContent | null;
  errors: RowProblem[];
  /** Both sheets as text (info, items), each row known by its name or 检查内容; empty when a sheet is missing. */
  sheets: CapturedSheet[];
  itemRows: number;
  /** The sheet rows of each item key (several when duplicated), and the info row: to place later problems. */
  rowsOfKey: Map<string, number[]>;
  infoRow: number;
}

/**
 * Reads both sheets into template content; cell format problems come back by row and column.
 * `reservedKeys` are the keys generated ones must avoid (those of the template's current version).
 */
export function parseTemplateWorkbook(wb: ExcelJS.Workbook, reservedKeys: ReadonlySet<string>): ParsedWorkbook {
  const errors: RowProblem[] = [];
  const rowsOfKey = new Map<string, number[]>();
  const info = findSheet(wb, ['编码', '名称', '适用对象']);
  const items = findSheet(wb, ['分组', '检查内容']);
  if (!info) errors.push({ row: 1, column: INFO_SHEET, message: `未找到“${INFO_SHEET}”工作表：表头应包含 编码、名称、适用对象` });
  if (!items) errors.push({ row: 1, column: ITEMS_SHEET, message: `未找到“${ITEMS_SHEET}”工作表：表头应包含 分组、检查内容` });
  if (!info || !items) return { content: null, errors, sheets: [], itemRows: 0, rowsOfKey, infoRow: 1 };

  // Template info: the first non-empty row under the header.
  const icol = columnIndex(info.ws, info.headerRow, INFO_BY_HEADER);
  const infoLast = lastDataRow(info.ws, info.headerRow);
  const col = columnIndex(items.ws, items.headerRow, ITEM_BY_HEADER);
  const last = lastDataRow(items.ws, items.headerRow);
  const sheets = [
    captureSheet(info.ws, info.headerRow, infoLast, [icol.get('name'), icol.get('code')]),
    captureSheet(items.ws, items.headerRow, last, [col.get('content'), col.get('key')]),
  ];
  let infoRow = info.headerRow + 1;
  const itext = (r: number, k: InfoKey) => (icol.has(k) ? cellText(info.ws.getRow(r).getCell(icol.get(k)!)) : '');
  while (infoRow < infoLast && INFO_COLUMNS.every((c) => itext(infoRow, c.key) === '')) infoRow++;
  const badInfo = (k: InfoKey, message: string) => errors.push({ sheet: INFO, row: infoRow, column: infoHeader(k), message });
  const code = itext(infoRow, 'code');
  const name = itext(infoRow, 'name');
  const audienceText = itext(infoRow, 'audience');
  if (!code) badInfo('code', '请填写检查表编码');
  if (!name) badInfo('name', '请填写检查表名称');
  const audience = fromLabel(CHECKLIST_AUDIENCE_LABELS, audienceText);
  if (!audienceText) badInfo('audience', '请填写适用对象');
  else if (!audience) badInfo('audience', `“${audienceText}”不是有效选项（可选：${Object.values(CHECKLIST_AUDIENCE_LABELS).join('、')}）`);

  // Items: every non-empty row; groups in the order their titles first appear.
  const groups = new Map<string, ChecklistGroup>();
  const pending: { row: number; item: ChecklistItem }[] = [];
  const used = new Set(reservedKeys);
  let itemRows = 0;
  for (let r = items.headerRow + 1; r <= last; r++) {
    const row = items.ws.getRow(r);
    const text = (k: ItemKey) => (col.has(k) ? cellText(row.getCell(col.get(k)!)) : '');
    if (ITEM_COLUMNS.every((c) => text(c.key) === '')) continue;
    itemRows++;
    const bad = (k: ItemKey, message: string) => errors.push({ sheet: ITEMS, row: r, column: itemHeader(k), message });
    const title = text('group');
    if (!title) bad('group', '请填写分组');
    const content = text('content');
    if (!content) bad('content', '请填写检查内容');
    const howToCheck = text('howToCheck');
    const methodsText = text('checkMethods');
    let checkMethods: CheckMethod[] = [];
    if (methodsText === '') checkMethods = checkMethodsOf(howToCheck);
    else if (methodsText !== NONE) {
      const chars = [...methodsText.replace(/[、,，/／\s;；]/g, '')];
      const parsed = chars.map((ch) => fromLabel(CHECK_METHOD_LABELS, ch));
      if (parsed.some((m) => !m)) bad('checkMethods', '排查方式只能填写 问、查、看（可多选，用顿号分隔）或“无”');
      else checkMethods = parsed as CheckMethod[];
    }
    const typeText = text('responseType');
    const responseType: ResponseType | undefined = typeText === '' ? 'conformity' : fromLabel(RESPONSE_TYPE_LABELS, typeText);
    if (!responseType) bad('responseType', `“${typeText}”不是有效选项（可选：${Object.values(RESPONSE_TYPE_LABELS).join('、')}）`);
    const photo = parseBool(text('photoRequired'));
    if (photo === 'bad') bad('photoRequired', '请填写“是”或“否”');
    const answerLabels = parseLabels(text('answerLabels'));
    if (answerLabels === 'bad') bad('answerLabels', '请依次填写符合、不符合、不适用时显示的三个词，用“/”分隔，如“否/是/不适用”');
    const keyText = text('key');
    if (keyText) used.add(keyText);
    pending.push({
      row: r,
      item: {
        key: keyText, content, requirement: text('requirement') || null, howToCheck, checkMethods, responseType: responseType ?? 'conformity',
        photoRequired: responseType === 'photo' ? true : photo === true, unit: text('unit') || null,
        question: text('question') || null, finding: text('finding') || null, answerLabels: answerLabels === 'bad' ? null : answerLabels,
      },
    });
    if (title) {
      if (!groups.has(title)) groups.set(title, { title, items: [] });
      groups.get(title)!.items.push(pending.at(-1)!.item);
    }
  }
  // Keys left blank: item-1, item-2, … skipping every key in the file and in the current version.
  let n = 0;
  for (const p of pending) {
    if (!p.item.key) {
      do n++; while (used.has(`item-${n}`));
      p.item.key = `item-${n}`;
      used.add(p.item.key);
    }
    rowsOfKey.set(p.item.key, [...(rowsOfKey.get(p.item.key) ?? []), p.row]);
  }
  if (itemRows === 0) errors.push({ sheet: ITEMS, row: items.headerRow, column: ITEMS_SHEET, message: '没有检查项' });
  if (errors.length > 0 || !audience) return { content: null, errors, sheets, itemRows, rowsOfKey, infoRow };

  const content: ChecklistTemplateContent = {
    code, name, audience, source: itext(infoRow, 'source') || null, description: itext(infoRow, 'description') || null, groups: [...groups.values()],
  };
  // The contract's bounds (lengths, counts) apply to a file as to a form.
  const bounds = ChecklistContentSchema.safeParse(content);
  if (!bounds.success) {
    for (const issue of bounds.error.issues) {
      const [top, gi, , ii, field] = issue.path;
      if (top === 'groups' && typeof gi === 'number' && typeof ii === 'number') {
        const item = content.groups[gi]?.items[ii];
        const column = ITEM_COLUMNS.find((c) => c.key === field)?.header ?? ITEMS_SHEET;
        errors.push({ sheet: ITEMS, row: (item && rowsOfKey.get(item.key)?.[0]) ?? items.headerRow, column, message: issue.message });
      } else if (INFO_COLUMNS.some((c) => c.key === top)) {
        badInfo(top as InfoKey, issue.message);
      } else {
        errors.push({ sheet: ITEMS, row: items.headerRow, column: ITEMS_SHEET, message: issue.message });
      }
    }
    return { content: null, errors, sheets, itemRows, rowsOfKey, infoRow };
  }
  return { content, errors, sheets, itemRows, rowsOfKey, infoRow };
}

/** Where a domain problem of parsed content sits in the file. */
export function problemCell(
  p: ParsedWorkbook, problem: { problem: string; key?: string; group?: number }, content: ChecklistTemplateContent,
): { sheet: number; row: number; column: string } {
  const byItem: Record<string, ItemKey> = {
    item_key_invalid: 'key', item_key_duplicate: 'key', item_content_missing: 'content', response_type_invalid: 'responseType',
    check_methods_invalid: 'checkMethods', unit_not_number: 'unit', answer_labels_invalid: 'answerLabels', wording_not_conformity: 'answerLabels',
  };
  if (problem.key !== undefined && byItem[problem.problem]) {
    const rows = p.rowsOfKey.get(problem.key) ?? [];
    const row = problem.problem === 'item_key_duplicate' ? rows[1] : rows[0];
    return row === undefined ? { sheet: INFO, row: p.infoRow, column: itemHeader(byItem[problem.problem]!) } : { sheet: ITEMS, row, column: itemHeader(byItem[problem.problem]!) };
  }
  if (problem.group !== undefined) {
    const first = content.groups[problem.group]?.items[0];
    const row = first && p.rowsOfKey.get(first.key)?.[0];
    return row === undefined ? { sheet: INFO, row: p.infoRow, column: itemHeader('group') } : { sheet: ITEMS, row, column: itemHeader('group') };
  }
  const info: Record<string, InfoKey> = { code_invalid: 'code', name_missing: 'name', audience_invalid: 'audience' };
  return { sheet: INFO, row: p.infoRow, column: info[problem.problem] ? infoHeader(info[problem.problem]!) : ITEMS_SHEET };
}
