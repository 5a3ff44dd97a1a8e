// The streamed reading of imports: every character as written, however the zip splits it.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PassThrough } from 'node:stream';
import { readSheetText } from './xlsx-stream.ts';

async function streamedWorkbook(rows: string[][], header: string[]): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (c: Buffer) => parts.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const ws = wb.addWorksheet('登记信息');
  ws.addRow(header).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  return Buffer.concat(parts);
}

describe('readSheetText', () => {
  it('reads Chinese text split across chunk boundaries whole (exceljs #2063)', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`积翠镇东风村第${i}号实业有限公司`, `重庆市积翠镇东风村${i}组`]);
    const sheet = await readSheetText(await streamedWorkbook(rows, ['企业名称', '住所']), { isHeader: (t) => t.includes('企业名称'), anchor: '企业名称', maxRows: 10_000 });
    expect(sheet.name).toBe('登记信息');
    expect(sheet.rows.map((r) => r.values)).toEqual(rows);
    expect(sheet.rows.some((r) => r.values.join('').includes('\uFFFD'))).toBe(false);
  });

  it('finds the header among the first five rows and skips blank rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    ws.addRow(['积翠镇隐患排查整改台账']);
    ws.addRow([]);
    ws.addRow(['序号', '企业名称', '隐患内容']);
    ws.addRow([1, '东风五金厂', '灭火器过期']);
    ws.addRow([]);
    ws.addRow([2, '西岭餐馆', new Date('2024-05-01T00:00:00Z')]);
    const sheet = await readSheetText(Buffer.from(await wb.xlsx.writeBuffer()), { isHeader: (t) => t.includes('企业名称'), anchor: '企业名称', maxRows: 10 });
    expect(sheet).toMatchObject({ headerRow: 3, header: ['序号', '企业名称', '隐患内容'] });
    expect(sheet.rows).toEqual([{ row: 4, values: ['1', '东风五金厂', '灭火器过期'] }, { row: 6, values: ['2', '西岭餐馆', '2024-05-01'] }]);
  });

  it('refuses a file without the header, and one that is not a workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表').addRow(['甲', '乙']);
    await expect(readSheetText(Buffer.from(await wb.xlsx.writeBuffer()), { isHeader: (t) => t.includes('企业名称'), anchor: '企业名称', maxRows: 10 }))
      .rejects.toThrow('未找到表头');
    await expect(readSheetText(Buffer.from('PK\u0003\u0004not a zip'), { isHeader: () => true, anchor: '企业名称', maxRows: 10 })).rejects.toThrow('无法读取该文件');
  });

  it('reads a workbook whatever order its zip stores the parts in, from its first visible sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const notes = wb.addWorksheet('填表说明');
    notes.state = 'hidden';
    notes.addRow(['企业名称', '请勿删除本表']);
    const ledger = wb.addWorksheet('台账');
    ledger.addRow(['企业名称', '隐患内容']);
    ledger.addRow(['东风五金厂', '灭火器过期']);
    // Stored backwards: every sheet before the shared strings, the styles, the workbook and its
    // relations (the order that made exceljs's own reader defer the sheets to temp files).
    const original = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
    const reordered = new JSZip();
    const last = ['xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];
    const rank = (name: string) => (name.startsWith('xl/worksheets/') ? 0 : 2 + last.indexOf(name)); // sheets, the rest, then `last` in its order
    for (const name of Object.keys(original.files).sort((a, b) => rank(a) - rank(b))) {
      if (!original.files[name]!.dir) reordered.file(name, await original.files[name]!.async('nodebuffer'));
    }
    const buf = await reordered.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const stored = Object.values((await JSZip.loadAsync(buf)).files).filter((f) => !f.dir).map((f) => f.name);
    expect(stored.slice(-4)).toEqual(last);
    expect(stored[0]).toMatch(/^xl\/worksheets\//);
    const sheet = await readSheetText(buf, { isHeader: (t) => t.includes('企业名称'), anchor: '企业名称', maxRows: 10 });
    expect(sheet).toMatchObject({ name: '台账', header: ['企业名称', '隐患内容'] });
    expect(sheet.rows).toEqual([{ row: 2, values: ['东风五金厂', '灭火器过期'] }]);
  });
});
