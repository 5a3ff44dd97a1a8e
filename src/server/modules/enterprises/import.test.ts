// Spreadsheet import: the preview reports every bad row (row, column, reason) and writes nothing;
// the commit writes only the good rows; importing the same file again updates instead of duplicating.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, enterprises, importBatchRows, importBatches } from '../../db/schema/index.ts';
import { verifyAuditChain } from '../audit/audit.service.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import {
  type BuiltUser, type SectorRow, type UnitRow, buildDistrict, buildSector, buildTownship, buildUser, buildVillage, randomUscc,
} from '../../test/factories.ts';
import { type Session, XLSX_MIME, errorOf, loginAs, multipartBody } from '../../test/http.ts';
import { buildXlsx, editXlsx, readXlsx } from '../../test/xlsx.ts';

let t: TestApp;
let district: UnitRow;
let township: UnitRow;
let east: UnitRow;
let west: UnitRow;
let chem: SectorRow;
let fire: SectorRow;
let office: Session;
let villager: Session;
let templateHeaders: string[];
let officeUser: BuiltUser;
let villageUser: BuiltUser;

beforeAll(async () => {
  t = await createTestApp();
  district = await buildDistrict(t.db);
  township = await buildTownship(t.db, { district });
  east = await buildVillage(t.db, { township, name: '东风村' });
  west = await buildVillage(t.db, { township, name: '西岭村' });
  chem = await buildSector(t.db, { district, name: '危险化学品' });
  fire = await buildSector(t.db, { district, name: '消防' });
  officeUser = await buildUser(t.db, { role: 'office', unit: township });
  villageUser = await buildUser(t.db, { role: 'village', unit: east });
  await signIn();
});
afterAll(() => t?.close());

/** (Re-)signs in both users, e.g. after the clock moved past the idle timeout. */
async function signIn() {
  office = await loginAs(t.app, officeUser.username, officeUser.password);
  villager = await loginAs(t.app, villageUser.username, villageUser.password);
}

const count = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(enterprises))[0]!.n;
const auditCount = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n;

async function upload(s: Session, data: Buffer, filename = 'enterprises.xlsx', contentType = XLSX_MIME) {
  const { payload, headers } = multipartBody({ filename, data, contentType });
  const res = await s.request('POST', '/api/enterprises/import/preview', payload, { headers });
  // a preview that failed now and then under load (not reproduced) must say why in the test's output
  if (res.statusCode !== 200) console.error(`preview answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  return res;
}

/** Rows keyed by the template's headers without the required mark. */
type Row = Record<string, string | number | null>;
const H = {
  name: '单位名称', uscc: '统一社会信用代码', kind: '单位类型', venue: '九小场所类型', address: '地址', village: '所在村/社区',
  sectors: '行业领域', employees: '从业人数', principal: '主要负责人', phone: '主要负责人电话', grade: '分级监管', key: '重点监管',
};

/** Uses the template's own header texts (with their "*" marks), in a shuffled order. */
function fileOf(rows: Row[]): Promise<Buffer> {
  const headers = [...templateHeaders].reverse();
  [headers[1], headers[4]] = [headers[4]!, headers[1]!];
  const byTemplateHeader = rows.map((r) =>
    Object.fromEntries(templateHeaders.map((h) => [h, r[h.replace(/\*$/, '')] ?? null])),
  );
  return buildXlsx(headers, byTemplateHeader);
}

const USCC_A = randomUscc();
const USCC_B = randomUscc();
const good: Row[] = [
  { [H.name]: '东风化工有限公司', [H.uscc]: USCC_A, [H.kind]: '企业', [H.address]: '东风村1号', [H.village]: '东风村', [H.sectors]: '危险化学品', [H.employees]: 25, [H.principal]: '张三', [H.phone]: '13800000001', [H.grade]: '红', [H.key]: '是' },
  { [H.name]: '西岭五金店', [H.kind]: '个体经营者', [H.address]: '西岭村2号', [H.village]: '西岭村', [H.sectors]: '消防', [H.principal]: '李四', [H.phone]: '023-12345678' },
  { [H.name]: '东风小饭馆', [H.kind]: '九小场所', [H.venue]: '小餐饮', [H.address]: '东风村3号', [H.village]: '东风村', [H.sectors]: '消防、危险化学品', [H.employees]: 4, [H.principal]: '王五', [H.phone]: '13800000003' },
  { [H.name]: '西岭建材有限公司', [H.uscc]: USCC_B.toLowerCase(), [H.kind]: '企业', [H.address]: '西岭村4号', [H.village]: '西岭村', [H.sectors]: '危险化学品', [H.principal]: '赵六', [H.phone]: '13800000004' },
];
const badCheck = USCC_A.slice(0, 17) + (USCC_A[17] === '0' ? '1' : '0');
const bad: Row[] = [
  { [H.name]: '校验位错误公司', [H.uscc]: badCheck, [H.kind]: '企业', [H.address]: '东风村5号', [H.village]: '东风村', [H.sectors]: '消防', [H.principal]: '钱七', [H.phone]: '13800000005' },
  { [H.name]: '', [H.uscc]: randomUscc(), [H.kind]: '企业', [H.address]: '东风村6号', [H.village]: '东风村', [H.sectors]: '消防', [H.principal]: '孙八', [H.phone]: '13800000006' },
  { [H.name]: '无此村公司', [H.uscc]: randomUscc(), [H.kind]: '企业', [H.address]: '某地', [H.village]: '不存在村', [H.sectors]: '消防', [H.principal]: '周九', [H.phone]: '13800000007' },
  { [H.name]: '重复代码公司', [H.uscc]: USCC_A, [H.kind]: '企业', [H.address]: '东风村8号', [H.village]: '东风村', [H.sectors]: '消防', [H.principal]: '吴十', [H.phone]: '13800000008' },
];
// Spreadsheet rows: header is row 1, so data row i is row i + 2.
const mixed = [good[0]!, bad[0]!, good[1]!, bad[1]!, good[2]!, bad[2]!, bad[3]!, good[3]!];

describe('import template', () => {
  it('downloads an xlsx with every column and the region’s villages and sectors', async () => {
    const res = await office.get('/api/enterprises/import/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('生产经营单位导入模板.xlsx'));
    const { headers, sheetNames } = await readXlsx(res.rawPayload);
    templateHeaders = headers;
    expect(headers).toEqual(expect.arrayContaining(['单位名称*', '统一社会信用代码', '单位类型*', '所在村/社区*', '行业领域*', '主要负责人电话*']));
    expect(sheetNames).toContain('填写说明');
  });

  it('is not offered to read-only roles', async () => {
    const leader = await buildUser(t.db, { role: 'leader', unit: township });
    const s = await loginAs(t.app, leader.username, leader.password);
    expect((await s.get('/api/enterprises/import/template')).statusCode).toBe(403);
  });
});

describe('import preview and commit', () => {
  let batchId: string;

  it('lists each bad row with its row number, column and reason, and writes nothing', async () => {
    const before = { n: await count(), audit: await auditCount() };
    const res = await upload(office, await fileOf(mixed));
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ fileName: 'enterprises.xlsx', totalRows: 8, validRows: 4, toCreate: 4, toUpdate: 0 });
    // Each bad row names its unit: the enterprise's name, or its code when the name is blank.
    expect(p).toMatchObject({ labelTitle: '单位名称', rejectedRows: 4 });
    expect(p.errors).toEqual([
      { row: 3, column: '统一社会信用代码', message: '统一社会信用代码校验位错误', label: '校验位错误公司' },
      { row: 5, column: '单位名称', message: '请输入单位名称', label: bad[1]![H.uscc] },
      { row: 7, column: '所在村/社区', message: '村/社区“不存在村”不存在', label: '无此村公司' },
      { row: 8, column: '统一社会信用代码', message: '与第2行重复', label: '重复代码公司' },
    ]);
    expect(new Date(p.expiresAt).getTime()).toBe(t.clock.now().getTime() + 60 * 60_000);
    expect(await count()).toBe(before.n);
    expect(await auditCount()).toBe(before.audit);
    batchId = p.batchId;
  });

  it('tells a row with other problems that it repeats an earlier row, and the row after one with problems too', async () => {
    // Corrected and uploaded again, such a row would otherwise update the other row's unit by its code.
    const x = randomUscc();
    const y = randomUscc();
    const row = (name: string, uscc: string, phone: string): Row => ({
      [H.name]: name, [H.uscc]: uscc, [H.kind]: '企业', [H.address]: '东风村9号', [H.village]: '东风村', [H.sectors]: '消防', [H.principal]: '郑一', [H.phone]: phone,
    });
    const res = await upload(office, await fileOf([row('甲公司', x, '13800000011'), row('乙公司', x, '12'), row('丙公司', y, '12'), row('丁公司', y, '13800000012')]));
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ totalRows: 4, validRows: 1, toCreate: 1 });
    const byRow = (r: number) => p.errors.filter((e: { row: number }) => e.row === r).map((e: { column: string; message: string }) => `${e.column}：${e.message}`);
    expect(byRow(3)).toEqual([expect.stringMatching(/^主要负责人电话\*?：/), '统一社会信用代码：与第2行重复']);
    expect(byRow(4)).toEqual([expect.stringMatching(/^主要负责人电话\*?：/)]);
    expect(byRow(5)).toEqual(['统一社会信用代码：与第4行重复']);
  });

  it('commits only the good rows, each audited', async () => {
    const before = await count();
    const res = await office.request('POST', `/api/enterprises/import/${batchId}/commit`);
    expect(res.statusCode, res.body).toBe(200);
    // The four rows the preview found wrong are not imported: 跳过 4, not 0.
    expect(res.json()).toEqual({ created: 4, updated: 0, skipped: 4 });
    expect(await count()).toBe(before + 4);
    const names = (await t.db.select({ name: enterprises.name }).from(enterprises)).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['东风化工有限公司', '西岭五金店', '东风小饭馆', '西岭建材有限公司']));
    for (const b of ['校验位错误公司', '无此村公司', '重复代码公司']) expect(names).not.toContain(b);
    const [a] = await t.db.select().from(enterprises).where(eq(enterprises.uscc, USCC_A));
    expect(a).toMatchObject({ villageId: east.id, townshipId: township.id, sectorIds: [chem.id], riskGrade: 'red', isKey: true, employeeCount: 25, kind: 'company' });
    const [b] = await t.db.select().from(enterprises).where(eq(enterprises.uscc, USCC_B));
    expect(b!.villageId).toBe(west.id); // lower-case code normalised
    const [venue] = await t.db.select().from(enterprises).where(eq(enterprises.name, '东风小饭馆'));
    expect(venue).toMatchObject({ kind: 'small_venue', venueType: 'restaurant', uscc: null });
    expect(venue!.sectorIds.sort()).toEqual([chem.id, fire.id].sort());
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'enterprise.import_create'));
    expect(audits).toHaveLength(4);
    // Each audit row holds the record as stored, and the chain (hashed in bulk) verifies.
    expect(audits.find((r) => r.entityId === a!.id)!.after).toEqual(JSON.parse(JSON.stringify(a)));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('offers the rows not imported as a workbook with 错误原因, which imports as is once fixed', async () => {
    const res = await office.get(`/api/enterprises/import/${batchId}/rejects`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('enterprises-未导入的行.xlsx'));
    const file = await readXlsx(res.rawPayload);
    const uploaded = [...templateHeaders].reverse();
    [uploaded[1], uploaded[4]] = [uploaded[4]!, uploaded[1]!];
    expect(file.headers).toEqual([...uploaded, '错误原因']);
    expect(file.rows.map((r) => [r['单位名称*'], r['错误原因']])).toEqual([
      ['校验位错误公司', '统一社会信用代码：统一社会信用代码校验位错误'],
      ['', '单位名称：请输入单位名称'],
      ['无此村公司', '所在村/社区：村/社区“不存在村”不存在'],
      ['重复代码公司', '统一社会信用代码：与第2行重复'],
    ]);
    expect(file.rows[0]).toMatchObject({ '地址*': '东风村5号', '主要负责人电话*': '13800000005', 统一社会信用代码: badCheck });

    // Fixed in place and uploaded as it is, 错误原因 column and all.
    const fixed = await editXlsx(res.rawPayload, (ws, col) => {
      ws.getCell(2, col('统一社会信用代码')).value = randomUscc();
      ws.getCell(3, col('单位名称*')).value = '补填名称公司';
      ws.getCell(4, col('所在村/社区*')).value = '西岭村';
      ws.getCell(5, col('统一社会信用代码')).value = randomUscc();
    });
    const p = (await upload(office, fixed, 'enterprises-未导入的行.xlsx')).json();
    expect(p).toMatchObject({ totalRows: 4, validRows: 4, toCreate: 4, rejectedRows: 0, errors: [] });
    const commit = await office.request('POST', `/api/enterprises/import/${p.batchId}/commit`);
    expect(commit.json()).toEqual({ created: 4, updated: 0, skipped: 0 });
    const none = await office.get(`/api/enterprises/import/${p.batchId}/rejects`);
    expect(none.statusCode).toBe(409);
    expect(errorOf(none).message).toBe('该批次没有未导入的行');
    // Only the user who uploaded the file gets its rows.
    expect((await villager.get(`/api/enterprises/import/${batchId}/rejects`)).statusCode).toBe(404);
  });

  it('refuses to commit the same batch twice', async () => {
    const res = await office.request('POST', `/api/enterprises/import/${batchId}/commit`);
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('CONFLICT');
  });

  it('updates instead of duplicating when the same file is imported again', async () => {
    const before = await count();
    const changed = mixed.map((r) => (r[H.name] === '东风化工有限公司' ? { ...r, [H.employees]: 60 } : r));
    const p = (await upload(office, await fileOf(changed))).json();
    expect(p).toMatchObject({ validRows: 4, toCreate: 0, toUpdate: 4 });
    const res = await office.request('POST', `/api/enterprises/import/${p.batchId}/commit`);
    expect(res.json()).toEqual({ created: 0, updated: 4, skipped: 4 });
    expect(await count()).toBe(before);
    const [a] = await t.db.select().from(enterprises).where(eq(enterprises.uscc, USCC_A));
    expect(a).toMatchObject({ employeeCount: 60, version: 2 });
  });

  it('re-imports its own export without errors or duplicates', async () => {
    const exported = await office.get('/api/enterprises/export');
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe(XLSX_MIME);
    const before = await count();
    const p = (await upload(office, exported.rawPayload, 'export.xlsx')).json();
    expect(p.errors).toEqual([]);
    expect(p).toMatchObject({ totalRows: before, toCreate: 0, toUpdate: before });
  });

  it('expires a preview after an hour', async () => {
    const p = (await upload(office, await fileOf([good[0]!]))).json();
    t.clock.advance({ minutes: 61 });
    await signIn();
    const res = await office.request('POST', `/api/enterprises/import/${p.batchId}/commit`);
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).message).toContain('过期');
  });

  it('clears an expired preview\'s staged rows at the next preview, a preview cut off an hour after it began, and a batch after a week', async () => {
    const staged = async (batchId: string) => (await t.db.select({ n: sql<number>`count(*)::int` }).from(importBatchRows).where(eq(importBatchRows.batchId, batchId)))[0]!.n;
    const kept = async (batchId: string) => (await t.db.select({ id: importBatches.id }).from(importBatches).where(eq(importBatches.id, batchId))).length === 1;
    const first = (await upload(office, await fileOf(good))).json() as { batchId: string };
    expect(await staged(first.batchId)).toBe(good.length);
    // What a crash leaves of a preview still reading its file: staged rows and no expiry yet.
    const [cut] = await t.db.insert(importBatches).values({
      districtId: district.id, userId: officeUser.id, kind: 'enterprises', fileName: 'cut.xlsx', rows: [], errors: {}, totalRows: 0,
      createdAt: t.clock.now(), expiresAt: new Date(0),
    }).returning({ id: importBatches.id });
    await t.db.insert(importBatchRows).values({ batchId: cut!.id, n: 0, row: 2, data: {}, label: 'x', source: ['x'] });

    // Within the hour, another preview leaves both alone (the cut one could still be reading).
    const second = (await upload(office, await fileOf([good[0]!]))).json() as { batchId: string };
    expect([await staged(first.batchId), await staged(cut!.id)]).toEqual([good.length, 1]);

    t.clock.advance({ minutes: 61 });
    await signIn();
    const third = (await upload(office, await fileOf([good[0]!]))).json() as { batchId: string };
    expect([await staged(first.batchId), await staged(second.batchId), await staged(cut!.id), await staged(third.batchId)]).toEqual([0, 0, 0, 1]);
    // The report stays for its download and its pages, expired or not.
    expect([await kept(first.batchId), await kept(cut!.id)]).toEqual([true, true]);
    expect((await office.get(`/api/enterprises/import/${first.batchId}/errors?page=1&pageSize=20`)).statusCode).toBe(200);

    t.clock.advance({ days: 7, minutes: 1 });
    await signIn();
    const fourth = (await upload(office, await fileOf([good[0]!]))).json() as { batchId: string };
    expect([await kept(first.batchId), await kept(cut!.id), await kept(third.batchId), await kept(fourth.batchId)]).toEqual([false, false, false, true]);
    expect((await office.get(`/api/enterprises/import/${first.batchId}/errors?page=1&pageSize=20`)).statusCode).toBe(404);
  });

  it('lets no one else commit a user’s batch', async () => {
    const p = (await upload(office, await fileOf([good[0]!]))).json();
    const res = await villager.request('POST', `/api/enterprises/import/${p.batchId}/commit`);
    expect(res.statusCode).toBe(404);
  });

  it('counts and lists a row the commit could not write after all', async () => {
    const uscc = randomUscc();
    const first = (await upload(office, await fileOf([{ ...good[0]!, [H.uscc]: uscc, [H.name]: '即将作废公司' }]))).json();
    expect((await office.request('POST', `/api/enterprises/import/${first.batchId}/commit`)).json()).toEqual({ created: 1, updated: 0, skipped: 0 });
    const [e] = await t.db.select().from(enterprises).where(eq(enterprises.uscc, uscc));
    // Previewed as an update, voided before the commit.
    const p = (await upload(office, await fileOf([{ ...good[0]!, [H.uscc]: uscc, [H.name]: '即将作废公司', [H.employees]: 9 }, bad[0]!]))).json();
    expect(p).toMatchObject({ toUpdate: 1, rejectedRows: 1 });
    expect((await office.request('POST', `/api/enterprises/${e!.id}/void`, { reason: '重复登记', version: e!.version })).statusCode).toBe(200);
    const res = await office.request('POST', `/api/enterprises/import/${p.batchId}/commit`);
    expect(res.json()).toEqual({ created: 0, updated: 0, skipped: 2 });
    const file = await readXlsx((await office.get(`/api/enterprises/import/${p.batchId}/rejects`)).rawPayload);
    expect(file.rows.map((r) => [r['单位名称*'], r['错误原因']])).toEqual([
      ['即将作废公司', '单位名称：该单位已作废或不在您的管辖范围内，未更新'],
      ['校验位错误公司', '统一社会信用代码：统一社会信用代码校验位错误'],
    ]);
  });
});

describe('import checks', () => {
  it('reports a missing required column at the header row', async () => {
    const file = await buildXlsx(['单位名称', '地址'], [{ 单位名称: '某公司', 地址: '某地' }]);
    const p = (await upload(office, file)).json();
    expect(p.validRows).toBe(0);
    expect(p.errors).toEqual(
      expect.arrayContaining([
        { row: 1, column: '单位类型', message: '缺少必填列', label: '' },
        { row: 1, column: '所在村/社区', message: '缺少必填列', label: '' },
      ]),
    );
  });

  it('reports bad options, numbers and unknown sectors by column', async () => {
    const row = { ...good[0]!, [H.uscc]: randomUscc(), [H.kind]: '公司', [H.employees]: '十个', [H.sectors]: '危险化学品、烟花', [H.key]: '也许' };
    const p = (await upload(office, await fileOf([row]))).json();
    const columns = p.errors.map((e: { column: string }) => e.column).sort();
    expect(columns).toEqual(['从业人数', '单位类型', '行业领域', '重点监管'].sort());
    expect(p.errors.every((e: { row: number }) => e.row === 2)).toBe(true);
  });

  it('keeps a village user to its own village', async () => {
    const rows = [
      { ...good[0]!, [H.uscc]: randomUscc(), [H.name]: '本村新厂' },
      { ...good[0]!, [H.uscc]: randomUscc(), [H.name]: '外村新厂', [H.village]: '西岭村' },
    ];
    const p = (await upload(villager, await fileOf(rows))).json();
    expect(p).toMatchObject({ validRows: 1, toCreate: 1 });
    expect(p.errors).toEqual([{ row: 3, column: '所在村/社区', message: '不在您的管辖范围内', label: '外村新厂' }]);
  });

  it('refuses a file that is not xlsx, whatever it is called', async () => {
    const txt = await upload(office, Buffer.from('单位名称,地址\n某公司,某地\n'), 'list.csv', 'text/csv');
    expect(txt.statusCode).toBe(415);
    expect(errorOf(txt).code).toBe('UNSUPPORTED_FILE');
    const renamed = await upload(office, Buffer.from('not a zip at all'), 'fake.xlsx');
    expect(renamed.statusCode).toBe(415);
    expect(errorOf(renamed).code).toBe('UNSUPPORTED_FILE');
  });

  it('asks for a file when the upload is not multipart', async () => {
    const res = await office.request('POST', '/api/enterprises/import/preview', { file: 'x' });
    expect(res.statusCode).toBe(415);
    expect(errorOf(res).code).toBe('UNSUPPORTED_FILE');
  });

  it('refuses an upload over the size limit with the envelope', async () => {
    const small = await createTestApp({ database: t.database, clock: t.clock, env: { UPLOAD_MAX_MB: '1' } });
    try {
      const s = await loginAs(small.app, villageUser.username, villageUser.password);
      const { payload, headers } = multipartBody({ filename: 'big.xlsx', data: Buffer.alloc(1024 * 1024 + 10, 1) });
      const res = await s.request('POST', '/api/enterprises/import/preview', payload, { headers });
      expect(res.statusCode).toBe(413);
      expect(errorOf(res).code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await small.close();
    }
  });
});

describe('renames by credit code', () => {
  it('lists the rows that would update a registered unit by its code under another name', async () => {
    const z = randomUscc();
    const row = (name: string): Row => ({
      [H.name]: name, [H.uscc]: z, [H.kind]: '企业', [H.address]: '东风村10号', [H.village]: '东风村', [H.sectors]: '消防', [H.principal]: '冯二', [H.phone]: '13800000013',
    });
    const first = (await upload(office, await fileOf([row('戊纺织有限公司')]))).json();
    expect(first).toMatchObject({ toCreate: 1, renames: [], renameTotal: 0 });
    expect((await office.request('POST', `/api/enterprises/import/${first.batchId}/commit`)).statusCode).toBe(200);
    // the same unit again: an update, no rename
    expect((await upload(office, await fileOf([row('戊纺织有限公司')]))).json()).toMatchObject({ toUpdate: 1, renames: [], renameTotal: 0 });
    const renamed = (await upload(office, await fileOf([row('己五金有限公司')]))).json();
    expect(renamed).toMatchObject({ toUpdate: 1, renameTotal: 1, renames: [{ row: 2, from: '戊纺织有限公司', to: '己五金有限公司' }] });
  });
});

// Last in the file: it adds a second 东风村 in another township, which makes the bare name ambiguous.
describe('village names repeated across townships', () => {
  it('asks for 镇名/村名 instead of guessing, and accepts it', async () => {
    const otherTown = await buildTownship(t.db, { district, name: '邻近镇' });
    await buildVillage(t.db, { township: otherTown, name: '东风村' });
    const row = { ...good[0]!, [H.uscc]: randomUscc(), [H.name]: '同名村新厂' };
    const ambiguous = (await upload(office, await fileOf([row]))).json();
    expect(ambiguous.errors).toEqual([{ row: 2, column: '所在村/社区', message: '有多个同名村/社区“东风村”，请填写为“镇名/村名”', label: '同名村新厂' }]);
    const qualified = (await upload(office, await fileOf([{ ...row, [H.village]: `${township.name}/东风村` }]))).json();
    expect(qualified).toMatchObject({ validRows: 1, toCreate: 1, errors: [] });
  });
});
