// The columns of a hazard ledger import (历史隐患台账): the template's, the names other ledgers give
// them (decision 023), and the template workbook.
import ExcelJS from 'exceljs';
import {
  HAZARD_LEVEL_LABELS, HAZARD_SOURCE_LABELS, HAZARD_STATUS_LABELS, type HazardStatus,
} from '../../../domain/hazards/hazard-machine.ts';
import { HAZARD_ENUM_OPTIONS, HAZARD_HEADER_SYNONYMS, HAZARD_VALUE_SYNONYMS } from '../../../domain/imports/import-synonyms.ts';
import { NO, YES } from '../../http/xlsx-import.ts';
import type { ImportFieldDef } from '../../http/xlsx-mapping.ts';

export type Key =
  | 'originalNumber' | 'enterprise' | 'uscc' | 'description' | 'location' | 'sector' | 'category' | 'level' | 'criterion'
  | 'source' | 'foundOn' | 'status' | 'dueDate' | 'owner' | 'measures' | 'funds' | 'contingency' | 'rectificationNote'
  | 'closedOn' | 'verifierName' | 'reportedToDepartment' | 'reportedToGovernment';

export interface Column { key: Key; header: string; required: boolean; width: number; options?: string[]; note?: string }

// Statuses an imported row may carry (作废 records are not imported).
export const IMPORT_STATUS_LABELS: Record<Exclude<HazardStatus, 'voided'>, string> = {
  reported: HAZARD_STATUS_LABELS.reported, rectifying: HAZARD_STATUS_LABELS.rectifying,
  awaiting_verification: HAZARD_STATUS_LABELS.awaiting_verification, closed: HAZARD_STATUS_LABELS.closed,
};

export const HAZARD_IMPORT_COLUMNS: Column[] = [
  { key: 'originalNumber', header: '原台账编号', required: false, width: 14, note: '记入时间线，系统另行编号' },
  { key: 'enterprise', header: '单位名称', required: true, width: 30 },
  { key: 'uscc', header: '统一社会信用代码', required: false, width: 22, note: '填写时按代码匹配单位' },
  { key: 'description', header: '隐患描述', required: true, width: 40 },
  { key: 'location', header: '隐患部位', required: true, width: 16 },
  { key: 'sector', header: '行业领域', required: true, width: 12 },
  { key: 'category', header: '隐患类别', required: false, width: 12 },
  { key: 'level', header: '隐患等级', required: true, width: 10, options: Object.values(HAZARD_LEVEL_LABELS) },
  { key: 'criterion', header: '判定依据', required: false, width: 30, note: '重大隐患必填' },
  { key: 'source', header: '来源', required: true, width: 10, options: Object.values(HAZARD_SOURCE_LABELS) },
  { key: 'foundOn', header: '发现日期', required: true, width: 12, note: 'YYYY-MM-DD' },
  { key: 'status', header: '状态', required: true, width: 10, options: Object.values(IMPORT_STATUS_LABELS) },
  { key: 'dueDate', header: '整改期限', required: false, width: 12, note: 'YYYY-MM-DD，或从发现日期起的期限：7天、限期15日、一个月、立即整改' },
  { key: 'owner', header: '整改责任人', required: false, width: 12, note: '整改中、待验收、已销号的隐患须填写五落实' },
  { key: 'measures', header: '整改措施', required: false, width: 30 },
  { key: 'funds', header: '整改资金（元）', required: false, width: 12 },
  { key: 'contingency', header: '应急预案', required: false, width: 24 },
  { key: 'rectificationNote', header: '整改情况', required: false, width: 30, note: '待验收、已销号须填写' },
  { key: 'closedOn', header: '销号日期', required: false, width: 12, note: '已销号须填写' },
  { key: 'verifierName', header: '验收人', required: false, width: 10, note: '已销号须填写' },
  { key: 'reportedToDepartment', header: '已报告监管部门', required: false, width: 10, options: [YES, NO], note: '重大隐患销号须为“是”' },
  { key: 'reportedToGovernment', header: '已报告属地政府', required: false, width: 10, options: [YES, NO], note: '重大隐患销号须为“是”' },
];
export const headerOf = (k: Key) => HAZARD_IMPORT_COLUMNS.find((c) => c.key === k)!.header;

/** The columns as an import reads them, with the names other ledgers give them and their values. */
export const HAZARD_IMPORT_FIELDS: ImportFieldDef[] = HAZARD_IMPORT_COLUMNS.map((c) => ({
  key: c.key, header: c.header, required: c.required, synonyms: HAZARD_HEADER_SYNONYMS[c.key],
  options: HAZARD_ENUM_OPTIONS[c.key], valueSynonyms: HAZARD_VALUE_SYNONYMS[c.key],
}));

export async function buildHazardTemplate(sectorNames: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '安治';
  const ws = wb.addWorksheet('隐患台账');
  ws.columns = HAZARD_IMPORT_COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  HAZARD_IMPORT_COLUMNS.forEach((c, i) => {
    if (!c.options) return;
    const letter = ws.getColumn(i + 1).letter;
    for (let r = 2; r <= 1001; r++) {
      ws.getCell(`${letter}${r}`).dataValidation = {
        type: 'list', allowBlank: !c.required, formulae: [`"${c.options.join(',')}"`], showErrorMessage: true, error: `请从下拉列表中选择${c.header}`,
      };
    }
  });
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '列', width: 20 }, { header: '是否必填', width: 10 }, { header: '说明', width: 70 }];
  help.getRow(1).font = { bold: true };
  for (const c of HAZARD_IMPORT_COLUMNS) {
    help.addRow([c.header, c.required ? '必填' : '选填', [c.options ? `可选：${c.options.join('、')}` : '', c.note ?? ''].filter(Boolean).join('；')]);
  }
  help.addRow([]);
  help.addRow(['行业领域', '', sectorNames.join('、')]);
  help.addRow(['重复', '', '同一单位、同一发现日期、相同隐患描述的行视为重复，不会重复导入。']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
