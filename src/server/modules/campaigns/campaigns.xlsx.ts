// The task list with its 落实情况 in the annex's own layout (序号, 专项行动, 行动任务, 工作要求,
// 责任单位, 时限要求, 工作落实情况), the 专项行动 and 行动任务 cells merged over their rows as the
// plan prints them. Built in memory: an annex is tens to hundreds of rows, and merges need the
// whole column at hand.
import ExcelJS from 'exceljs';

export interface AnnexSheetRow {
  number: string;
  group: string;
  action: string;
  requirement: string;
  units: string;
  deadline: string;
  progress: string;
}

const HEADERS = ['序号', '专项行动', '行动任务', '工作要求', '责任单位', '时限要求', '工作落实情况'];
const WIDTHS = [6, 18, 36, 40, 16, 16, 40];

/** Merges runs of equal, non-empty values in a column (rows first..last, 1-based). */
function mergeRuns(ws: ExcelJS.Worksheet, col: number, first: number, values: string[], parent?: string[]) {
  let start = 0;
  for (let i = 1; i <= values.length; i++) {
    const same = i < values.length && values[i] === values[start] && values[i] !== '' && (!parent || parent[i] === parent[start]);
    if (!same) {
      if (i - start > 1) ws.mergeCells(first + start, col, first + i - 1, col);
      start = i;
    }
  }
}

export async function annexWorkbook(title: string, rows: readonly AnnexSheetRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工作清单和责任清单', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getRow(2).values = HEADERS;
  ws.getRow(2).font = { bold: true };
  WIDTHS.forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  rows.forEach((r, i) => {
    ws.getRow(3 + i).values = [r.number, r.group, r.action, r.requirement, r.units, r.deadline, r.progress];
  });
  const border: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
  for (let n = 2; n < 3 + rows.length; n++) {
    for (let col = 1; col <= HEADERS.length; col++) {
      const cell = ws.getCell(n, col);
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: col === 1 ? 'center' : 'left' };
      cell.border = border;
    }
  }
  const groups = rows.map((r) => r.group);
  mergeRuns(ws, 2, 3, groups);
  mergeRuns(ws, 3, 3, rows.map((r) => r.action), groups);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
