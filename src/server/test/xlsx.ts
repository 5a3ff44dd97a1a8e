// Spreadsheets for import/export tests: written and read with exceljs, as a user's Excel would.
import ExcelJS from 'exceljs';

/** A one-sheet workbook: a header row, then the rows (cells by header; missing ones left empty). */
export async function buildXlsx(headers: string[], rows: Record<string, string | number | null>[], sheetName = 'Sheet1'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The first visible sheet as { header: text } objects (header row 1); also the raw header row. */
export async function readXlsx(buf: Buffer): Promise<{ headers: string[]; rows: Record<string, string>[]; sheetNames: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((w) => w.state !== 'hidden')!;
  const text = (v: ExcelJS.CellValue): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
    return String(v);
  };
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (c, col) => (headers[col - 1] = text(c.value)));
  const rows: Record<string, string>[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const obj: Record<string, string> = {};
    let any = false;
    headers.forEach((h, i) => {
      obj[h] = text(row.getCell(i + 1).value);
      if (obj[h]) any = true;
    });
    if (any) rows.push(obj);
  }
  return { headers, rows, sheetNames: wb.worksheets.map((w) => w.name) };
}

/** A workbook changed as a user's Excel would: `col` finds a column of the first sheet by its header text. */
export async function editXlsx(buf: Buffer, change: (ws: ExcelJS.Worksheet, col: (header: string) => number) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets.find((w) => w.state !== 'hidden')!;
  const col = (header: string) => {
    let at = 0;
    ws.getRow(1).eachCell((c, n) => {
      if (c.value === header) at = n;
    });
    if (!at) throw new Error(`no column ${header}`);
    return at;
  };
  change(ws, col);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
