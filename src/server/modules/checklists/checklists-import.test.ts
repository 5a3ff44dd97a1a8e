// Template workbooks: an exported version re-imports unchanged (cell for cell, line breaks kept),
// an edited one publishes the next version, a new code becomes version 1, and a bad file lists
// its problems by row and column without writing anything.
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TChecklistDetail, TChecklistImportPreview } from '../../../contract/checklists.ts';
import { TEMPLATE_VERSION_REFUSAL_MESSAGES } from '../../../domain/checklists/checklist.ts';
import { CHONGMING_SPOT_CHECK, DASHENG_SMALL_ENTERPRISE, DASHENG_SMALL_VENUE, SEED_CHECKLISTS } from '../../../domain/checklists/seed-checklists.ts';
import { checklistTemplateVersions, checklistTemplates } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { buildDistrict, buildTownship, buildUser, buildVillage } from '../../test/factories.ts';
import { type Session, XLSX_MIME, errorOf, loginAs, multipartBody } from '../../test/http.ts';
import { currentTemplateVersion } from './checklists.repository.ts';

let t: TestApp;
let admin: Session;
let villager: Session;
let districtId: string;

beforeAll(async () => {
  t = await createTestApp();
  const d = await buildDistrict(t.db);
  districtId = d.id;
  const a = await buildUser(t.db, { role: 'admin', unit: d });
  const v = await buildUser(t.db, { role: 'village', unit: await buildVillage(t.db, { township: await buildTownship(t.db, { district: d }) }) });
  admin = await loginAs(t.app, a.username, a.password);
  villager = await loginAs(t.app, v.username, v.password);
  expect((await admin.request('POST', '/api/checklists/built-ins')).statusCode).toBe(200);
});
afterAll(() => t?.close());

const upload = async (s: Session, buf: Buffer) => {
  const { payload, headers } = multipartBody({ filename: 'checklist.xlsx', data: buf, contentType: XLSX_MIME });
  return s.request('POST', '/api/checklists/import/preview', payload, { headers });
};
const templateIdOf = async (code: string) => (await currentTemplateVersion(t.db, districtId, code))!.templateId;
const exportOf = async (code: string, version = 1) => {
  const res = await admin.get(`/api/checklists/${await templateIdOf(code)}/versions/${version}/export`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain(XLSX_MIME);
  return res.rawPayload;
};
/** Edits a workbook as a user's Excel would. */
async function edit(buf: Buffer, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function loadSheet(buf: Buffer, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.getWorksheet(name)!;
}
const versionCount = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(checklistTemplateVersions))[0]!.n;

describe('checklist xlsx', () => {
  it('re-imports every exported built-in template unchanged', async () => {
    for (const seed of SEED_CHECKLISTS) {
      const res = await upload(admin, await exportOf(seed.code));
      expect(res.statusCode, res.body).toBe(200);
      const p = res.json() as TChecklistImportPreview;
      expect(p).toMatchObject({ code: seed.code, fromVersion: 1, validRows: 0, toCreate: 0, toUpdate: 0 });
      expect(p.errors).toEqual([{ row: 2, column: '编码（检查表信息）', message: TEMPLATE_VERSION_REFUSAL_MESSAGES.unchanged, label: seed.name }]);
    }
  });

  it('imports the export under a new code as version 1 with the same content, word for word', async () => {
    const seed = DASHENG_SMALL_ENTERPRISE;
    const buf = await edit(await exportOf(seed.code), (wb) => (wb.getWorksheet('检查表信息')!.getCell('A2').value = 'copied-small-enterprise'));
    const p = (await upload(admin, buf)).json() as TChecklistImportPreview;
    expect(p).toMatchObject({ code: 'copied-small-enterprise', fromVersion: null, totalRows: 7, validRows: 7, toCreate: 1, errors: [] });
    const commit = await admin.request('POST', `/api/checklists/import/${p.batchId}/commit`);
    expect(commit.json()).toEqual({ created: 1, updated: 0, skipped: 0 });
    const v = (await currentTemplateVersion(t.db, districtId, 'copied-small-enterprise'))!;
    expect(v.content).toEqual({ ...seed, code: 'copied-small-enterprise' });
    // A batch commits once.
    expect((await admin.request('POST', `/api/checklists/import/${p.batchId}/commit`)).statusCode).toBe(409);
  });

  it('publishes an edited workbook as the next version, headers in any order', async () => {
    const seed = DASHENG_SMALL_ENTERPRISE;
    const buf = await edit(await exportOf(seed.code), (wb) => {
      const ws = wb.getWorksheet('检查项')!;
      // Swap the 检查内容 and 分组 columns (headers and cells), then change one item's content.
      for (let r = 1; r <= ws.rowCount; r++) {
        const a = ws.getCell(r, 1).value;
        ws.getCell(r, 1).value = ws.getCell(r, 3).value;
        ws.getCell(r, 3).value = a;
      }
      ws.getCell(2, 1).value = '1.配备专职安全管理人员。';
      ws.addRow(['临时新增：电动自行车不在室内充电', '', '全员安全生产责任制', '', '看现场', '', '', '否', '']);
    });
    const p = (await upload(admin, buf)).json() as TChecklistImportPreview;
    expect(p.errors).toEqual([]);
    expect(p).toMatchObject({ fromVersion: 1, toUpdate: 1, validRows: 8 });
    expect(p.diff!.changed.map((i) => i.key)).toEqual(['responsibility-system']);
    expect(p.diff!.added).toMatchObject([{ key: 'item-1', checkMethods: ['look'], groupTitle: '全员安全生产责任制' }]);
    const before = await versionCount();
    const commit = await admin.request('POST', `/api/checklists/import/${p.batchId}/commit`);
    expect(commit.json()).toEqual({ created: 0, updated: 1, skipped: 0 });
    expect(await versionCount()).toBe(before + 1);
    const d = (await admin.get(`/api/checklists/${await templateIdOf(seed.code)}`)).json() as TChecklistDetail;
    expect(d.currentVersion).toBe(2);
    expect(d.current.groups[0]!.items.map((i) => i.key)).toEqual(['responsibility-system', 'item-1']);
    // Version 1 is untouched.
    const v1 = (await admin.get(`/api/checklists/${d.id}/versions/1`)).json();
    expect(v1.groups).toEqual(seed.groups);
  });

  it('lists bad rows by row, column and reason and writes nothing', async () => {
    const before = await versionCount();
    const wb = new ExcelJS.Workbook();
    const info = wb.addWorksheet('检查表信息');
    info.addRow(['名称', '编码', '适用对象']);
    info.addRow(['燃气检查', 'gas-check', '饭店']);
    const items = wb.addWorksheet('检查项');
    items.addRow(['检查内容', '分组', '检查项编码', '结果类型', '须拍照', '排查方式（问/查/看）', '单位']);
    items.addRow(['燃气报警器完好', '一、燃气', 'alarm', '', '', '', '']);
    items.addRow(['', '一、燃气', 'hose', '', '', '', '']);
    items.addRow(['软管长度', '一、燃气', 'alarm', '长度', '也许', '摸', '米']);
    items.addRow(['从业人员数', '', 'staff', '数值', '', '', '人']);
    const res = await upload(admin, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as TChecklistImportPreview;
    expect(p).toMatchObject({ totalRows: 4, validRows: 0, toCreate: 0 });
    // Info sheet first, then the items; each row named by its 名称 or 检查内容 (its 编码 when that is blank).
    expect(p).toMatchObject({ labelTitle: '检查内容', rejectedRows: 4 });
    expect(p.errors).toEqual([
      { row: 2, column: '适用对象（检查表信息）', message: expect.stringContaining('“饭店”不是有效选项'), label: '燃气检查' },
      { row: 3, column: '检查内容', message: '请填写检查内容', label: 'hose' },
      { row: 4, column: '排查方式（问/查/看）', message: expect.stringContaining('排查方式只能填写'), label: '软管长度' },
      { row: 4, column: '结果类型', message: expect.stringContaining('“长度”不是有效选项'), label: '软管长度' },
      { row: 4, column: '须拍照', message: '请填写“是”或“否”', label: '软管长度' },
      { row: 5, column: '分组', message: '请填写分组', label: '从业人员数' },
    ]);
    const commit = await admin.request('POST', `/api/checklists/import/${p.batchId}/commit`);
    expect(commit.statusCode).toBe(400);
    expect(await versionCount()).toBe(before);
    expect((await t.db.select().from(checklistTemplates).where(eq(checklistTemplates.code, 'gas-check')))).toEqual([]);

    // A template goes in whole: the download is the whole file with 错误原因 on the wrong rows.
    const rejects = await admin.get(`/api/checklists/import/${p.batchId}/rejects`);
    expect(rejects.statusCode, rejects.body).toBe(200);
    expect(rejects.headers['content-disposition']).toContain(encodeURIComponent('checklist-标注错误.xlsx'));
    const marked = await loadSheet(rejects.rawPayload, '检查项');
    const cells = (ws: ExcelJS.Worksheet) => Array.from({ length: ws.rowCount }, (_, r) => (ws.getRow(r + 1).values as unknown[]).slice(1));
    expect(cells(marked).map((r) => [r[0], r[7]])).toEqual([
      ['检查内容', '错误原因'], ['燃气报警器完好', undefined], [undefined, '检查内容：请填写检查内容'],
      ['软管长度', expect.stringMatching(/^排查方式（问\/查\/看）：.*；结果类型：.*；须拍照：请填写“是”或“否”$/)], ['从业人员数', '分组：请填写分组'],
    ]);
    expect(cells(await loadSheet(rejects.rawPayload, '检查表信息'))[1]).toEqual(['燃气检查', 'gas-check', '饭店', expect.stringContaining('适用对象（检查表信息）：')]);
    const fixed = await edit(rejects.rawPayload, (wb) => {
      wb.getWorksheet('检查表信息')!.getCell('C2').value = '九小场所';
      const ws = wb.getWorksheet('检查项')!;
      ws.getCell('A3').value = '软管无老化';
      ws.getCell('C4').value = 'length';
      ws.getCell('D4').value = '数值';
      ws.getCell('E4').value = '';
      ws.getCell('F4').value = '看';
      ws.getCell('B5').value = '二、人员';
    });
    const again = (await upload(admin, fixed)).json() as TChecklistImportPreview;
    expect(again).toMatchObject({ errors: [], rejectedRows: 0, toCreate: 1, totalRows: 4 });
  });

  it('places domain problems (duplicate keys, units on non-number items) on their rows', async () => {
    const wb = new ExcelJS.Workbook();
    const info = wb.addWorksheet('检查表信息');
    info.addRow(['编码', '名称', '适用对象']);
    info.addRow(['Gas Check', '燃气检查', '九小场所']);
    const items = wb.addWorksheet('检查项');
    items.addRow(['分组', '检查项编码', '检查内容', '单位']);
    items.addRow(['一、燃气', 'alarm', '燃气报警器完好', '']);
    items.addRow(['一、燃气', 'alarm', '软管完好', '']);
    items.addRow(['一、燃气', 'valve', '切断阀完好', '个']);
    const p = (await upload(admin, Buffer.from(await wb.xlsx.writeBuffer()))).json() as TChecklistImportPreview;
    expect(p.errors).toEqual([
      { row: 2, column: '编码（检查表信息）', message: '检查表编码只能使用小写字母、数字和连字符', label: '燃气检查' },
      { row: 3, column: '检查项编码', message: '检查项编码重复', label: '软管完好' },
      { row: 4, column: '单位', message: '只有数值型检查项可以填写单位', label: '切断阀完好' },
    ]);
  });

  it('carries each item’s question, finding and answer words out and back in', async () => {
    const spot = CHONGMING_SPOT_CHECK;
    const ws = await loadSheet(await exportOf(spot.code), '检查项');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-3)).toEqual(['检查问题', '发现问题表述', '回答文字（符合/不符合/不适用）']);
    expect((ws.getRow(6).values as unknown[]).slice(-3)).toEqual(['是否存在“电焊等特种作业岗位人员无证上岗作业”的情形？', '', '否/是/不适用']);

    // An edited 大盛 workbook: one item asked as a question with 是/否 and a finding; one bad cell.
    const buf = await edit(await exportOf(DASHENG_SMALL_VENUE.code), (wb) => {
      const items = wb.getWorksheet('检查项')!;
      items.getCell(2, 10).value = '是否明确了专兼职安全管理人员？';
      items.getCell(2, 11).value = '未明确专兼职安全管理人员';
      items.getCell(2, 12).value = '是／否／不涉及';
      items.getCell(3, 12).value = '否/是';
    });
    const bad = (await upload(admin, buf)).json() as TChecklistImportPreview;
    expect(bad.errors).toEqual([{ row: 3, column: '回答文字（符合/不符合/不适用）', message: expect.stringContaining('用“/”分隔'), label: expect.stringContaining('2.对经营场所') }]);
    const good = await edit(buf, (wb) => (wb.getWorksheet('检查项')!.getCell(3, 12).value = null));
    const p = (await upload(admin, good)).json() as TChecklistImportPreview;
    expect(p.errors).toEqual([]);
    expect(p.diff!.changed).toMatchObject([{
      key: 'safety-manager',
      after: { question: '是否明确了专兼职安全管理人员？', finding: '未明确专兼职安全管理人员', answerLabels: { conform: '是', nonconform: '否', not_applicable: '不涉及' } },
    }]);
    expect((await admin.request('POST', `/api/checklists/import/${p.batchId}/commit`)).json()).toEqual({ created: 0, updated: 1, skipped: 0 });
  });

  it('refuses a file without the two sheets, and non-managers', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['随便', '什么']);
    const p = (await upload(admin, Buffer.from(await wb.xlsx.writeBuffer()))).json() as TChecklistImportPreview;
    expect(p.errors.map((e) => e.column)).toEqual(['检查表信息', '检查项']);
    const refused = await upload(villager, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe('FORBIDDEN');
    const notXlsx = await upload(admin, Buffer.from('not a spreadsheet'));
    expect(notXlsx.statusCode).toBe(415);
  });

  it('offers an empty import template with both sheets', async () => {
    const res = await admin.get('/api/checklists/import/template');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['检查表信息', '检查项', '填写说明']);
  });
});
