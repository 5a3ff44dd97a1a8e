// Template and export workbooks (exceljs). Export streams page by page: it never loads the whole table.
import ExcelJS from 'exceljs';
import type { TEnterprise } from '../../../contract/enterprises.ts';
import {
  ENTERPRISE_KIND_LABELS, ENTERPRISE_STATUS_LABELS, RISK_GRADE_LABELS, VENUE_TYPE_LABELS,
} from '../../../domain/enterprises/enterprise-rules.ts';
import { NO, YES } from '../../http/xlsx-import.ts';
import { ENTERPRISE_COLUMNS } from './enterprises.columns.ts';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

export async function buildImportTemplate(villages: string[], sectors: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '安治';
  const ws = wb.addWorksheet('生产经营单位');
  ws.columns = ENTERPRISE_COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((cell) => (cell.fill = HEADER_FILL));
  ws.views = [{ state: 'frozen', ySplit: 1 }];

  // Option lists live on a hidden sheet so drop-downs can reference them.
  const opts = wb.addWorksheet('选项', { state: 'hidden' });
  const lists: Record<string, string[]> = { village: villages, sectors };
  for (const c of ENTERPRISE_COLUMNS) if (c.options) lists[c.key] = c.options;
  let col = 1;
  const ranges: Record<string, string> = {};
  for (const [key, values] of Object.entries(lists)) {
    values.forEach((v, i) => (opts.getCell(i + 1, col).value = v));
    const letter = opts.getColumn(col).letter;
    ranges[key] = `'选项'!$${letter}$1:$${letter}$${Math.max(values.length, 1)}`;
    col++;
  }
  ENTERPRISE_COLUMNS.forEach((c, i) => {
    if (c.key === 'sectors' || !ranges[c.key]) return; // sectors take several values: free text
    const letter = ws.getColumn(i + 1).letter;
    for (let r = 2; r <= 1001; r++) {
      ws.getCell(`${letter}${r}`).dataValidation = {
        type: 'list', allowBlank: !c.required, formulae: [ranges[c.key]!], showErrorMessage: true,
        errorTitle: '输入有误', error: `请从下拉列表中选择${c.header}`,
      };
    }
  });

  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '列', width: 20 }, { header: '是否必填', width: 10 }, { header: '说明', width: 60 }];
  help.getRow(1).font = { bold: true };
  for (const c of ENTERPRISE_COLUMNS) {
    help.addRow([c.header, c.required ? '必填' : '选填', [c.options ? `可选：${c.options.join('、')}` : '', c.note ?? ''].filter(Boolean).join('；')]);
  }
  help.addRow([]);
  help.addRow(['说明', '', '列的顺序不限；以统一社会信用代码（无代码时以“单位名称+所在村/社区”）识别已登记单位，重复导入会更新而不会重复新增。']);
  help.addRow(['所在村/社区', '', villages.join('、')]);
  help.addRow(['行业领域', '', sectors.join('、')]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function exportRow(e: TEnterprise): unknown[] {
  return [
    e.name, e.uscc ?? '', ENTERPRISE_KIND_LABELS[e.kind], e.venueType ? VENUE_TYPE_LABELS[e.venueType] : '', e.address,
    e.villageName, e.sectorNames.join('、'), e.employeeCount ?? '', e.principalName, e.principalPhone,
    e.safetyManagerName ?? '', e.safetyManagerPhone ?? '', e.riskGrade ? RISK_GRADE_LABELS[e.riskGrade] : '',
    e.isKey ? YES : NO, e.isHighRisk ? YES : NO, ENTERPRISE_STATUS_LABELS[e.status],
    e.isSmall ? YES : NO, e.voidedAt ? `已作废：${e.voidReason ?? ''}` : '',
  ];
}

/** The export's columns are the template's (so the file can be re-imported) plus two for reading. */
export const EXPORT_COLUMNS = [
  ...ENTERPRISE_COLUMNS.map((c) => ({ header: c.header, width: c.width })),
  { header: '小微企业', width: 10 },
  { header: '备注', width: 24 },
];

export { exportRow };
