// Imports of the files townships already have (decision 023): a 市场监管 registry and a township's
// own ledger read without retyping, values mapped, the person's choices remembered for the district
// (and only for it), problems paged, and a file over the row cap refused before it is read through.
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, enterprises, hazards, importBatches, importMappings, recordEvents } from '../db/schema/index.ts';
import { verifyAuditChain } from '../modules/audit/audit.service.ts';
import { type TestApp, createTestApp } from '../test/app.ts';
import { createTestClock } from '../test/clock.ts';
import {
  type UnitRow, buildDepartment, buildDistrict, buildSector, buildTownship, buildUser, buildVillage, randomUscc,
} from '../test/factories.ts';
import { type Session, XLSX_MIME, errorOf, loginAs, multipartBody } from '../test/http.ts';
import { buildXlsx, editXlsx, readXlsx } from '../test/xlsx.ts';
import { readSheetText } from './xlsx-stream.ts';

let t: TestApp;
let township: UnitRow;
let office: Session;
let otherOffice: Session;

beforeAll(async () => {
  t = await createTestApp({ clock: createTestClock('2025-01-10T02:00:00Z') });
  const district = await buildDistrict(t.db);
  township = await buildTownship(t.db, { district, name: '积翠镇' });
  await buildVillage(t.db, { township, name: '东风村' });
  await buildVillage(t.db, { township, name: '西岭村' });
  const fire = await buildSector(t.db, { district, name: '消防' });
  await buildSector(t.db, { district, name: '工贸' });
  await buildDepartment(t.db, { parent: township, sectorIds: [fire.id], name: '消防所' });
  const o = await buildUser(t.db, { role: 'office', unit: township });
  office = await loginAs(t.app, o.username, o.password);
  // Another district, with the same names: nothing of the first one's choices reaches it.
  const other = await buildDistrict(t.db);
  const otherTown = await buildTownship(t.db, { district: other, name: '积翠镇' });
  await buildVillage(t.db, { township: otherTown, name: '东风村' });
  await buildSector(t.db, { district: other, name: '消防' });
  const oo = await buildUser(t.db, { role: 'office', unit: otherTown });
  otherOffice = await loginAs(t.app, oo.username, oo.password);
});
afterAll(() => t?.close());

type Row = Record<string, string | number | null>;
async function upload(s: Session, kind: 'enterprises' | 'hazards', data: Buffer, mapping?: unknown) {
  const { payload, headers } = multipartBody({ filename: 'file.xlsx', data, contentType: XLSX_MIME }, mapping ? { mapping: JSON.stringify(mapping) } : {});
  const res = await s.request('POST', `/api/${kind}/import/preview`, payload, { headers });
  // a preview that fails now and then (seen twice, not reproduced) must say why in the test's output
  if (res.statusCode !== 200) console.error(`preview answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  return res;
}
const commit = (s: Session, kind: string, batchId: string) => s.request('POST', `/api/${kind}/import/${batchId}/commit`);

// A registry exported from 市场监管: its own headers, 登记状态 in its words, no village or sector column.
const REGISTRY = ['序号', '企业名称', '统一社会信用代码', '法定代表人', '企业类型', '住所', '登记状态', '联系电话'];
const registryRow = (i: number, o: Row = {}): Row => ({
  序号: i, 企业名称: `积翠第${i}机械有限公司`, 统一社会信用代码: randomUscc(), 法定代表人: `法人${i}`, 企业类型: '有限责任公司（自然人独资）',
  住所: `重庆市积翠镇${i % 2 ? '东风村' : '西岭村'}${i}组`, 登记状态: i === 3 ? '注销' : i === 4 ? '在业' : '存续', 联系电话: `1380000${String(i).padStart(4, '0')}`, ...o,
});

describe('a 市场监管 registry', () => {
  it('is read without retyping: headers by synonym, 登记状态 by value, the village from 住所', async () => {
    const rows = [1, 2, 3, 4].map((i) => registryRow(i));
    const file = await buildXlsx(REGISTRY, rows);
    // First look: the sector is missing, and the preview says how it read everything else.
    const first = (await upload(office, 'enterprises', file)).json();
    expect(first.mapping.headers.map((h: { header: string; key: string | null }) => [h.header, h.key])).toEqual([
      ['序号', null], ['企业名称', 'name'], ['统一社会信用代码', 'uscc'], ['法定代表人', 'principalName'], ['企业类型', 'kind'],
      ['住所', 'address'], ['登记状态', 'status'], ['联系电话', 'principalPhone'],
    ]);
    expect(first.mapping.unmatched).toEqual(['序号']);
    expect(first.mapping.missing).toEqual(['village', 'sectors']);
    // what the person may pick for the whole file: the district's villages (after 从地址识别) and sectors in their order, not the other district's
    expect(first.mapping.suggestions).toEqual({ village: ['从地址识别', '东风村', '西岭村'], sectors: ['工贸', '消防'] });
    const status = first.mapping.values.find((v: { field: string }) => v.field === 'status');
    expect(status.values).toEqual([
      { value: '存续', count: 2, target: '在营', how: 'synonym' },
      { value: '注销', count: 1, target: '关闭', how: 'synonym' },
      { value: '在业', count: 1, target: '在营', how: 'synonym' },
    ]);
    expect(first.validRows).toBe(0);

    // The person sets the village to 从地址识别 and the sector for the whole file.
    const mapping = { columns: { 序号: '' }, values: {}, defaults: { village: '从地址识别', sectors: '工贸' } };
    const p = (await upload(office, 'enterprises', file, mapping)).json();
    // 积翠第3 is 注销 and was never registered here: passed over, neither created nor an error.
    expect(p).toMatchObject({ totalRows: 4, validRows: 3, toCreate: 3, deregistered: 1, errors: [], errorTotal: 0, rejectedRows: 0 });
    expect(p.mapping.missing).toEqual([]);
    expect((await commit(office, 'enterprises', p.batchId)).json()).toEqual({ created: 3, updated: 0, skipped: 0, deregistered: 1 });
    expect(await t.db.select().from(enterprises).where(eq(enterprises.name, '积翠第3机械有限公司'))).toEqual([]);
    const second = (await t.db.select().from(enterprises).where(eq(enterprises.name, '积翠第2机械有限公司')))[0]!;
    expect(second).toMatchObject({ status: 'operating', kind: 'company', principalName: '法人2', principalPhone: '13800000002' });
  });

  it('maps a value the synonyms do not know once the person chooses', async () => {
    const file = await buildXlsx(REGISTRY, [registryRow(5, { 登记状态: '清算中' })]);
    const base = { columns: {}, values: {}, defaults: { village: '从地址识别', sectors: '工贸' } };
    const unknown = (await upload(office, 'enterprises', file, base)).json();
    expect(unknown.errors).toEqual([expect.objectContaining({ row: 2, column: '经营状态', message: expect.stringContaining('“清算中”不是有效选项') })]);
    expect(unknown.mapping.values.find((v: { field: string }) => v.field === 'status').values).toEqual([{ value: '清算中', count: 1, target: null, how: 'none' }]);
    const mapped = (await upload(office, 'enterprises', file, { ...base, values: { status: { 清算中: '停业' } } })).json();
    expect(mapped).toMatchObject({ validRows: 1, errors: [] });
    expect(mapped.mapping.values.find((v: { field: string }) => v.field === 'status').values).toEqual([{ value: '清算中', count: 1, target: '停业', how: 'chosen' }]);
    expect((await commit(office, 'enterprises', mapped.batchId)).json()).toMatchObject({ created: 1 });
    expect((await t.db.select().from(enterprises).where(eq(enterprises.name, '积翠第5机械有限公司')))[0]!.status).toBe('suspended');
  });

  it('remembers the choices for the district, audited, and applies them to the next file', async () => {
    const [m] = await t.db.select().from(importMappings).where(eq(importMappings.kind, 'enterprises'));
    expect(m!.mapping).toEqual({ columns: { 序号: '' }, values: { status: { 清算中: '停业' } }, defaults: { village: '从地址识别', sectors: '工贸' } });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'import_mapping.update'));
    expect(audits).toHaveLength(2);
    const p = (await upload(office, 'enterprises', await buildXlsx(REGISTRY, [registryRow(6, { 登记状态: '清算中' })]))).json();
    expect(p).toMatchObject({ validRows: 1, errors: [] });
    expect(p.mapping).toMatchObject({ remembered: true, defaults: { village: '从地址识别', sectors: '工贸' } });
    expect(p.mapping.headers[0]).toEqual({ header: '序号', key: null, how: 'remembered' });
  });

  it('does not leak to another district', async () => {
    const p = (await upload(otherOffice, 'enterprises', await buildXlsx(REGISTRY, [registryRow(7, { 登记状态: '清算中' })]))).json();
    expect(p.mapping).toMatchObject({ remembered: false, defaults: {}, missing: ['village', 'sectors'] });
    expect(p.validRows).toBe(0);
  });

  it('closes a registered company the registry says is 注销 (and changes nothing else of it), passes over unregistered ones whatever their rows hold, and still imports 吊销 ones', async () => {
    const [second] = await t.db.select().from(enterprises).where(eq(enterprises.name, '积翠第2机械有限公司'));
    const rows = [
      registryRow(2, { 统一社会信用代码: second!.uscc, 登记状态: '注销', 法定代表人: '注销时的法人', 住所: '重庆市积翠镇西岭村99组' }), // 2: registered → closed only
      registryRow(20, { 登记状态: '已注销', 住所: '某地某街', 联系电话: '' }), // 3: unregistered, its row wrong too → passed over
      registryRow(21, { 登记状态: '吊销，未注销' }), // 4: revoked: a site to keep watching, imported as 关闭
      registryRow(22, { 登记状态: '迁出' }), // 5: moved away → passed over
    ];
    const mapping = { columns: { 序号: '' }, values: {}, defaults: { village: '从地址识别', sectors: '工贸' } };
    const p = (await upload(office, 'enterprises', await buildXlsx(REGISTRY, rows), mapping)).json();
    expect(p).toMatchObject({
      totalRows: 4, validRows: 2, toCreate: 1, toUpdate: 1, deregistered: 2, errors: [], rejectedRows: 0,
      closing: [{ row: 2, name: '积翠第2机械有限公司' }], closingTotal: 1, renameTotal: 0,
    });
    // skipped: the rows with problems (none here); the two passed over are told apart
    expect((await commit(office, 'enterprises', p.batchId)).json()).toEqual({ created: 1, updated: 1, skipped: 0, deregistered: 2 });
    const statusOf = async (name: string) => (await t.db.select().from(enterprises).where(eq(enterprises.name, name)))[0]?.status;
    const [closed] = await t.db.select().from(enterprises).where(eq(enterprises.id, second!.id));
    expect(closed).toMatchObject({ status: 'closed', principalName: second!.principalName, address: second!.address, sectorIds: second!.sectorIds, version: second!.version + 1 });
    expect(await statusOf('积翠第21机械有限公司')).toBe('closed');
    expect(await statusOf('积翠第20机械有限公司')).toBeUndefined();
    expect(await statusOf('积翠第22机械有限公司')).toBeUndefined();
  });
  it('updates a registered unit with the file’s own columns only: whole-file values and columns the file lacks leave it as registered', async () => {
    const [third] = await t.db.select().from(enterprises).where(eq(enterprises.name, '积翠第4机械有限公司'));
    // what the township registered by hand, that a registry knows nothing of
    const sectors = (await t.db.select().from(enterprises).where(eq(enterprises.id, third!.id)))[0]!.sectorIds;
    await t.db.update(enterprises).set({ riskGrade: 'orange', employeeCount: 45, safetyManagerName: '安全员甲', safetyManagerPhone: '13900001111', isKey: true, kind: 'small_venue', venueType: 'shop' })
      .where(eq(enterprises.id, third!.id));
    const rows = [registryRow(4, { 统一社会信用代码: third!.uscc, 法定代表人: '新任法人', 登记状态: '歇业', 住所: '重庆市积翠镇东风村4组新址' })];
    const mapping = { columns: { 序号: '' }, values: {}, defaults: { village: '从地址识别', sectors: '消防' } };
    const p = (await upload(office, 'enterprises', await buildXlsx(REGISTRY, rows), mapping)).json();
    expect(p).toMatchObject({ toUpdate: 1, errors: [] });
    expect((await commit(office, 'enterprises', p.batchId)).json()).toMatchObject({ updated: 1 });
    const [after] = await t.db.select().from(enterprises).where(eq(enterprises.id, third!.id));
    // the file's columns: name, principal, address, phone, state (企业类型 is a column too)
    expect(after).toMatchObject({ principalName: '新任法人', address: '重庆市积翠镇东风村4组新址', status: 'suspended', kind: 'company' });
    // not in the file, or given for the whole file: as registered
    expect(after).toMatchObject({
      sectorIds: sectors, villageId: third!.villageId, riskGrade: 'orange', employeeCount: 45, safetyManagerName: '安全员甲',
      safetyManagerPhone: '13900001111', isKey: true,
    });
  });

  it('updates a registered unit whose new address 从地址识别 cannot place, leaving its village; a new one is still told to give it', async () => {
    const [unit] = await t.db.select().from(enterprises).where(eq(enterprises.name, '积翠第1机械有限公司'));
    const rows = [
      registryRow(1, { 统一社会信用代码: unit!.uscc, 住所: '重庆市积翠镇场镇街8号', 法定代表人: '搬家后的法人' }), // 2: registered → updated
      registryRow(40, { 住所: '重庆市积翠镇场镇街9号' }), // 3: new → the village is still needed
    ];
    const mapping = { columns: { 序号: '' }, values: {}, defaults: { village: '从地址识别', sectors: '工贸' } };
    const p = (await upload(office, 'enterprises', await buildXlsx(REGISTRY, rows), mapping)).json();
    expect(p).toMatchObject({ toUpdate: 1, toCreate: 0, rejectedRows: 1 });
    expect(p.errors.map((e: { row: number; message: string }) => [e.row, e.message])).toEqual([[3, '无法从地址识别所在村/社区，请填写所在村/社区']]);
    expect((await commit(office, 'enterprises', p.batchId)).json()).toMatchObject({ updated: 1, created: 0, skipped: 1 });
    const [after] = await t.db.select().from(enterprises).where(eq(enterprises.id, unit!.id));
    expect(after).toMatchObject({ address: '重庆市积翠镇场镇街8号', principalName: '搬家后的法人', villageId: unit!.villageId, townshipId: unit!.townshipId });
  });

  it('downloads a row the address did not place with an empty 所在村/社区 column, which fixes it when filled', async () => {
    const mapping = { columns: { 序号: '' }, values: {}, defaults: { village: '从地址识别', sectors: '工贸' } };
    const rows = [registryRow(30, { 住所: '重庆市积翠镇场镇街3号' }), registryRow(31)];
    const p = (await upload(office, 'enterprises', await buildXlsx(REGISTRY, rows), mapping)).json();
    expect(p).toMatchObject({ validRows: 1, rejectedRows: 1 });
    expect(p.errors.map((e: { message: string }) => e.message)).toEqual(['无法从地址识别所在村/社区，请填写所在村/社区']);
    expect((await commit(office, 'enterprises', p.batchId)).json()).toMatchObject({ created: 1, skipped: 1 });
    const rejects = await office.get(`/api/enterprises/import/${p.batchId}/rejects`);
    const file = await readXlsx(rejects.rawPayload);
    expect(file.headers).toEqual([...REGISTRY, '所在村/社区', '错误原因']);
    expect(file.rows.map((r) => [r['企业名称'], r['所在村/社区'] ?? '']) ).toEqual([['积翠第30机械有限公司', '']]);
    const fixed = await editXlsx(rejects.rawPayload, (ws, col) => { ws.getCell(2, col('所在村/社区')).value = '东风村'; });
    const again = (await upload(office, 'enterprises', fixed, mapping)).json();
    expect(again).toMatchObject({ validRows: 1, errors: [] });
    expect((await commit(office, 'enterprises', again.batchId)).json()).toMatchObject({ created: 1 });
  });
});

describe('a township’s own ledger', () => {
  it('maps 单位名称, 负责人, 联系电话, 所属村（社区）, 所属行业 with no choices', async () => {
    const headers = ['单位名称', '类型', '负责人', '联系电话', '所属村（社区）', '所属行业', '地址'];
    const rows: Row[] = [
      { 单位名称: '东风小卖部', 类型: '个体工商户', 负责人: '王五', 联系电话: '13900000001', '所属村（社区）': '东风村', 所属行业: '消防', 地址: '东风村1组' },
      { 单位名称: '西岭农家乐', 类型: '个体工商户', 负责人: '赵六', 联系电话: '13900000002', '所属村（社区）': '西岭村', 所属行业: '消防', 地址: '西岭村2组' },
    ];
    const p = (await upload(office, 'enterprises', await buildXlsx(headers, rows))).json();
    expect(p).toMatchObject({ totalRows: 2, validRows: 2, errors: [] });
    expect(p.mapping.unmatched).toEqual([]);
    expect((await commit(office, 'enterprises', p.batchId)).json()).toMatchObject({ created: 2 });
  });

  it('imports a hazard ledger in its own words, numbered, with one event and one audit row per hazard', async () => {
    const headers = ['序号', '企业名称', '隐患内容', '隐患位置', '所属行业', '隐患级别', '隐患来源', '排查日期', '整改状态', '整改时限'];
    const rows: Row[] = [1, 2, 3].map((i) => ({
      序号: i, 企业名称: '东风小卖部', 隐患内容: `灭火器过期${i}`, 隐患位置: '店内', 所属行业: '消防', 隐患级别: '一般', 隐患来源: '村居排查',
      排查日期: `2024-11-0${i}`, 整改状态: '未整改', 整改时限: '2024-12-31',
    }));
    const p = (await upload(office, 'hazards', await buildXlsx(headers, rows))).json();
    expect(p).toMatchObject({ totalRows: 3, validRows: 3, errors: [] });
    expect(p.mapping.suggestions).toEqual({ sector: ['工贸', '消防'] });
    expect(p.mapping.values.find((v: { field: string }) => v.field === 'level').values).toEqual([{ value: '一般', count: 3, target: '一般隐患', how: 'synonym' }]);
    const auditsBefore = (await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, 'hazard.import')))[0]!.n;
    expect((await commit(office, 'hazards', p.batchId)).json()).toEqual({ created: 3, updated: 0, skipped: 0 });
    const hs = await t.db.select().from(hazards).orderBy(asc(hazards.number));
    expect(hs.map((h) => [h.description, h.status, h.level])).toEqual([1, 2, 3].map((i) => [`灭火器过期${i}`, 'reported', 'general']));
    // Consecutive numbers in the file's order, as one by one.
    const seqs = hs.map((h) => Number(h.number.split('-').pop()));
    expect(seqs).toEqual([seqs[0], seqs[0]! + 1, seqs[0]! + 2]);
    for (const h of hs) {
      const ev = await t.db.select().from(recordEvents).where(and(eq(recordEvents.entityType, 'hazard'), eq(recordEvents.entityId, h.id)));
      expect(ev).toHaveLength(1);
      expect(ev[0]).toMatchObject({ action: 'import', toStatus: 'reported' });
    }
    const auditsAfter = (await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, 'hazard.import')))[0]!.n;
    expect(auditsAfter - auditsBefore).toBe(3);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});

describe('problems and size', () => {
  it('pages through the bad rows', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => registryRow(100 + i, { 统一社会信用代码: 'BAD' }));
    const p = (await upload(office, 'enterprises', await buildXlsx(REGISTRY, rows))).json();
    expect(p).toMatchObject({ totalRows: 60, validRows: 0, rejectedRows: 60, errorTotal: 60 });
    expect(p.errors).toHaveLength(50);
    const page = (await office.get(`/api/enterprises/import/${p.batchId}/errors?page=3&pageSize=25`)).json();
    expect(page).toMatchObject({ total: 60, page: 3, pageSize: 25 });
    expect(page.items.map((e: { row: number }) => e.row)).toEqual(Array.from({ length: 10 }, (_, i) => 52 + i));
    expect((await otherOffice.get(`/api/enterprises/import/${p.batchId}/errors`)).statusCode).toBe(404);
  });

  it('refuses a file over the row cap, with a clear message, before reading it through', async () => {
    const capped = await createTestApp({ database: t.database, clock: t.clock, env: { IMPORT_MAX_ROWS: '5' } });
    try {
      const user = await buildUser(t.db, { role: 'office', unit: township });
      const s = await loginAs(capped.app, user.username, user.password);
      const ok = await upload(s, 'enterprises', await buildXlsx(REGISTRY, [1, 2, 3, 4, 5].map((i) => registryRow(200 + i))));
      expect(ok.statusCode).toBe(200);
      const over = await upload(s, 'enterprises', await buildXlsx(REGISTRY, [1, 2, 3, 4, 5, 6].map((i) => registryRow(200 + i))));
      expect(over.statusCode).toBe(400);
      expect(errorOf(over).message).toContain('文件超过5行，一次最多导入5行');
      // The refused preview leaves no batch behind (it was written before the file was read).
      const batches = await t.db.select({ id: importBatches.id }).from(importBatches).where(eq(importBatches.userId, user.id));
      expect(batches.map((b) => b.id)).toEqual([ok.json().batchId]);
    } finally {
      await capped.close();
    }
    // The reader stops at the first row past the cap: the rows after it are never parsed.
    const seen: number[] = [];
    const big = await buildXlsx(REGISTRY, Array.from({ length: 300 }, (_, i) => registryRow(i)));
    await expect(readSheetText(big, { isHeader: (x) => x.includes('企业名称'), anchor: '企业名称', maxRows: 10, onRow: (r) => seen.push(r) }))
      .rejects.toThrow('文件超过10行');
    expect(seen).toHaveLength(10);
  });

  it('refuses a malformed mapping with the envelope', async () => {
    const res = await upload(office, 'enterprises', await buildXlsx(REGISTRY, [registryRow(1)]), { columns: 'x' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).code).toBe('VALIDATION');
  });
});
