// Importing an existing hazard ledger: bad rows reported by row, column and reason before anything
// is written; good rows committed with their plans, dual reports and timeline; no duplicates on re-import.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, enterprises, hazardPlans, hazardReports, hazards, recordEvents } from '../../db/schema/index.ts';
import { verifyAuditChain } from '../audit/audit.service.ts';
import { hazardCountDifferences } from './hazard-counts.verify.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { createTestClock } from '../../test/clock.ts';
import {
  type EnterpriseRow, type UnitRow, buildDepartment, buildDistrict, buildEnterprise, buildSector, buildTownship, buildUser, buildVillage,
} from '../../test/factories.ts';
import { type Session, XLSX_MIME, loginAs, multipartBody } from '../../test/http.ts';
import { buildXlsx, editXlsx, readXlsx } from '../../test/xlsx.ts';

let t: TestApp;
let office: Session;
let villager: Session;
let ent: EnterpriseRow;
let otherVillageEnt: EnterpriseRow;
let fireDept: UnitRow;
let eastVillage: UnitRow;

beforeAll(async () => {
  t = await createTestApp({ clock: createTestClock('2025-01-10T02:00:00Z') });
  const district = await buildDistrict(t.db);
  const township = await buildTownship(t.db, { district });
  const east = await buildVillage(t.db, { township, name: '东风村' });
  const west = await buildVillage(t.db, { township, name: '西岭村' });
  const fire = await buildSector(t.db, { district, name: '消防' });
  fireDept = await buildDepartment(t.db, { parent: township, sectorIds: [fire.id], name: '消防所' });
  eastVillage = east;
  ent = await buildEnterprise(t.db, { village: east, sectorIds: [fire.id], name: '东风五金厂' });
  otherVillageEnt = await buildEnterprise(t.db, { village: west, sectorIds: [fire.id], name: '西岭餐馆' });
  const o = await buildUser(t.db, { role: 'office', unit: township });
  const v = await buildUser(t.db, { role: 'village', unit: east });
  office = await loginAs(t.app, o.username, o.password);
  villager = await loginAs(t.app, v.username, v.password);
});
afterAll(() => t?.close());

const H = ['单位名称*', '隐患描述*', '隐患部位*', '行业领域*', '隐患等级*', '来源*', '发现日期*', '状态*', '整改期限', '整改责任人', '整改措施', '整改资金（元）', '应急预案', '整改情况', '销号日期', '验收人', '判定依据', '已报告监管部门', '已报告属地政府', '原台账编号'];
type Row = Record<string, string | number | null>;
const row = (o: Row): Row => ({ '单位名称*': '东风五金厂', '隐患部位*': '车间', '行业领域*': '消防', '隐患等级*': '一般隐患', '来源*': '村居排查', '发现日期*': '2024-11-20', ...o });
const plan = { 整改期限: '2024-12-20', 整改责任人: '张三', 整改措施: '清理通道', '整改资金（元）': 500, 应急预案: '专人值守' };

const upload = async (s: Session, buf: Buffer) => {
  const { payload, headers } = multipartBody({ filename: 'ledger.xlsx', data: buf, contentType: XLSX_MIME });
  const res = await s.request('POST', '/api/hazards/import/preview', payload, { headers });
  // a preview that failed now and then under load (not reproduced) must say why in the test's output
  if (res.statusCode !== 200) console.error(`preview answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
  return res;
};
/** The same, with the person's choices of the preview (the mapping field, sent before the file). */
const uploadWith = (s: Session, buf: Buffer, mapping: object) => {
  const { payload, headers } = multipartBody({ filename: 'ledger.xlsx', data: buf, contentType: XLSX_MIME }, { mapping: JSON.stringify({ columns: {}, defaults: {}, ...mapping }) });
  return s.request('POST', '/api/hazards/import/preview', payload, { headers });
};
const count = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(hazards))[0]!.n;

describe('hazard ledger import', () => {
  it('offers a template with every column', async () => {
    const res = await office.get('/api/hazards/import/template');
    expect(res.statusCode).toBe(200);
    const { headers } = await readXlsx(res.rawPayload);
    expect(headers).toEqual(expect.arrayContaining(['单位名称*', '隐患描述*', '状态*', '整改责任人', '已报告属地政府']));
  });

  it('lists every bad row with its row number, column and reason, and writes nothing', async () => {
    const before = await count();
    const rows = [
      row({ '隐患描述*': '灭火器过期', '状态*': '待整改' }), // 2: good
      row({ '隐患描述*': '通道堵塞', '状态*': '整改中' }), // 3: rectifying without 五落实
      row({ '隐患描述*': '无报警装置', '隐患等级*': '重大隐患', '状态*': '待整改' }), // 4: major without criterion
      row({ '单位名称*': '不存在的厂', '隐患描述*': '线路老化', '状态*': '待整改' }), // 5: unknown enterprise
      row({ '隐患描述*': '堆放杂物', '状态*': '已销号', ...plan, 整改情况: '已清理' }), // 6: closed without date/verifier
      row({ '隐患描述*': '违规动火', '隐患等级*': '重大隐患', 判定依据: '某标准第3条', '状态*': '已销号', ...plan, 整改情况: '已整改', 销号日期: '2024-12-01', 验收人: '李四', 已报告监管部门: '是' }), // 7: major closed without dual report
      row({ '隐患描述*': '灭火器过期', '状态*': '待整改' }), // 8: duplicate of row 2
      row({ '隐患描述*': '插座私拉', '发现日期*': '2024/13/40', '状态*': '待整改' }), // 9: bad date
    ];
    const res = await upload(office, await buildXlsx(H, rows));
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ totalRows: 8, validRows: 1, toCreate: 1 });
    const byRow = (r: number) => p.errors.filter((e: { row: number }) => e.row === r).map((e: { column: string; message: string }) => `${e.column}:${e.message}`);
    expect(byRow(3)[0]).toMatch(/^整改责任人:“整改中”的隐患须填写完整的五落实/);
    expect(byRow(4)).toEqual(['判定依据:重大隐患须填写判定依据']);
    expect(byRow(5)).toEqual(['单位名称:单位不存在或不在您的管辖范围内']);
    expect(byRow(6)).toEqual(['销号日期:已销号的隐患须填写销号日期', '验收人:已销号的隐患须填写验收人']);
    expect(byRow(7)).toEqual(['已报告监管部门:重大隐患须先记录向监管部门和属地政府的发现报告（双报告）方可销号']);
    expect(byRow(8)).toEqual(['隐患描述:与第2行重复']);
    expect(byRow(9)).toEqual(['发现日期:日期不存在']);
    expect(await count()).toBe(before);
    // Each error names the unit of its row; seven rows are not imported.
    expect(p).toMatchObject({ labelTitle: '单位名称', rejectedRows: 7 });
    expect(p.errors.find((e: { row: number }) => e.row === 5).label).toBe('不存在的厂');
    expect(p.errors.filter((e: { row: number }) => e.row !== 5).every((e: { label: string }) => e.label === '东风五金厂')).toBe(true);

    // The commit writes the one good row and counts the seven it skips.
    const commit = await office.request('POST', `/api/hazards/import/${p.batchId}/commit`);
    expect(commit.json()).toEqual({ created: 1, updated: 0, skipped: 7 });

    // The seven download with their reasons; fixed in the file, they import as they are.
    const rejects = await office.get(`/api/hazards/import/${p.batchId}/rejects`);
    expect(rejects.statusCode, rejects.body).toBe(200);
    const file = await readXlsx(rejects.rawPayload);
    expect(file.headers).toEqual([...H, '错误原因']);
    expect(file.rows.map((r) => r['隐患描述*'])).toEqual(['通道堵塞', '无报警装置', '线路老化', '堆放杂物', '违规动火', '灭火器过期', '插座私拉']);
    expect(file.rows[3]!['错误原因']).toBe('销号日期：已销号的隐患须填写销号日期；验收人：已销号的隐患须填写验收人');
    const fixed = await editXlsx(rejects.rawPayload, (ws, col) => {
      ws.getCell(2, col('整改责任人')).value = '张三';
      for (const [k, v] of Object.entries({ 整改期限: '2024-12-20', 整改措施: '清理通道', '整改资金（元）': 500, 应急预案: '专人值守' })) ws.getCell(2, col(k)).value = v;
      ws.getCell(4, col('单位名称*')).value = '东风五金厂';
      ws.getCell(8, col('发现日期*')).value = '2024-11-21';
    });
    const again = (await upload(office, fixed)).json();
    // 灭火器过期 (found 2024-11-20) is in the ledger now: no longer a duplicate in the file, nor a problem,
    // only a row not imported twice, counted apart.
    expect(again).toMatchObject({ totalRows: 7, validRows: 3, rejectedRows: 3, alreadyImported: 1 });
    expect(again.errors.filter((e: { row: number }) => e.row === 7)).toEqual([]);
  });

  it('checks the dates, notes and figures of a history row', async () => {
    const rows = [
      row({ '隐患描述*': 'a', '状态*': '整改中', ...plan, 整改期限: '2024-02-30' }), // 2: impossible day
      row({ '隐患描述*': 'b', '发现日期*': '2025-01-11', '状态*': '待整改' }), // 3: found after today (2025-01-10)
      row({ '隐患描述*': 'c', '发现日期*': '20241120', '状态*': '待整改' }), // 4: not a date
      row({ '隐患描述*': 'd', '状态*': '待验收', ...plan }), // 5: awaiting verification without 整改情况
      row({ '隐患描述*': 'e', '状态*': '已销号', ...plan, 整改情况: '已改', 销号日期: '2024-11-19', 验收人: '李四' }), // 6: closed before found
      row({ '隐患描述*': 'f', '状态*': '已销号', ...plan, 整改情况: '已改', 销号日期: '2025-02-01', 验收人: '李四' }), // 7: closed in the future
      row({ '隐患描述*': 'g', '状态*': '待整改', 整改责任人: '张三' }), // 8: a partial plan
      row({ '隐患描述*': 'h', '状态*': '整改中', ...plan, '整改资金（元）': '五百' }), // 9: funds not a number
      row({ '隐患描述*': 'i', '状态*': '待整改', 已报告监管部门: '报了' }), // 10: not 是/否
    ];
    const p = (await upload(office, await buildXlsx(H, rows))).json();
    expect(p.validRows).toBe(0);
    const byRow = (r: number) => p.errors.filter((e: { row: number }) => e.row === r).map((e: { column: string; message: string }) => `${e.column}:${e.message}`);
    expect(byRow(2)).toContain('整改期限:日期不存在');
    expect(byRow(3)).toEqual(['发现日期:发现日期不能晚于今天']);
    expect(byRow(4)).toEqual(['发现日期:日期格式应为 YYYY-MM-DD']);
    expect(byRow(5)).toEqual(['整改情况:请填写整改情况']);
    expect(byRow(6)).toEqual(['销号日期:销号日期不能早于发现日期']);
    expect(byRow(7)).toEqual(['销号日期:销号日期不能晚于今天']);
    expect(byRow(8)[0]).toMatch(/^整改责任人:五落实不完整/);
    expect(byRow(9)).toContain('整改资金（元）:整改资金应为不小于0的数字');
    expect(byRow(10)).toEqual(['已报告监管部门:请填写“是”或“否”']);
  });

  it('commits the good rows with plans, dual reports and an import event, then refuses to duplicate them', async () => {
    const rows = [
      row({ '隐患描述*': '疏散指示灯损坏', '状态*': '整改中', ...plan, 原台账编号: 'DS-001' }),
      row({ '隐患描述*': '可燃气体报警器缺失', '隐患等级*': '重大隐患', 判定依据: '《城镇燃气经营安全重大隐患判定标准》', '状态*': '已销号', ...plan, 整改情况: '已安装', 销号日期: '2024-12-10', 验收人: '王五', 已报告监管部门: '是', 已报告属地政府: '是' }),
    ];
    const file = await buildXlsx(H, rows);
    const p = (await upload(office, file)).json();
    expect(p).toMatchObject({ validRows: 2, errors: [] });
    const res = await office.request('POST', `/api/hazards/import/${p.batchId}/commit`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 2, updated: 0, skipped: 0 });
    const imported = await t.db.select().from(hazards).where(eq(hazards.enterpriseId, ent.id));
    const rect = imported.find((h) => h.description === '疏散指示灯损坏')!;
    const major = imported.find((h) => h.description === '可燃气体报警器缺失')!;
    expect(rect).toMatchObject({ status: 'rectifying', dueDate: '2024-12-20', level: 'general' });
    expect(major).toMatchObject({ status: 'closed', verifierName: '王五', level: 'major' });
    expect(await t.db.select().from(hazardPlans).where(eq(hazardPlans.hazardId, rect.id))).toHaveLength(1);
    expect((await t.db.select().from(hazardReports).where(eq(hazardReports.hazardId, major.id))).map((r) => r.recipient).sort()).toEqual(['department', 'government']);
    const [ev] = await t.db.select().from(recordEvents).where(eq(recordEvents.entityId, rect.id));
    expect(ev).toMatchObject({ action: 'import', toStatus: 'rectifying' });
    expect(ev!.note).toContain('原编号：DS-001');
    // One audit row per hazard holding it as stored; the chain (hashed in bulk) verifies.
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'hazard.import'));
    expect(audits.filter((a) => a.entityId === rect.id || a.entityId === major.id)).toHaveLength(2);
    expect(audits.find((a) => a.entityId === rect.id)!.after).toEqual(JSON.parse(JSON.stringify(rect)));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    // The summary rows, deferred for the commit (hazard-counts.upkeep.ts), count the imported hazards.
    expect((await hazardCountDifferences(t.db)).differences).toEqual([]);

    // The same ledger uploaded again (a township's grows and is sent whole): nothing to import, nothing wrong.
    const again = (await upload(office, file)).json();
    expect(again).toMatchObject({ validRows: 0, alreadyImported: 2, errors: [], rejectedRows: 0 });
    expect((await office.request('POST', `/api/hazards/import/${again.batchId}/commit`)).json()).toEqual({ created: 0, updated: 0, skipped: 0, alreadyImported: 2 });
  });

  it('gives imported hazards the same responsible unit as reported ones: a village keeps its general hazards, a major one goes to the sector’s department', async () => {
    const rows = [
      row({ '隐患描述*': '配电箱无防护罩', '状态*': '待整改' }),
      row({ '隐患描述*': '储罐区无防爆设施', '隐患等级*': '重大隐患', 判定依据: '某标准第5条', '状态*': '待整改' }),
    ];
    const p = (await upload(villager, await buildXlsx(H, rows))).json();
    expect(p).toMatchObject({ validRows: 2, errors: [] });
    expect((await villager.request('POST', `/api/hazards/import/${p.batchId}/commit`)).statusCode).toBe(200);
    const unitOf = async (description: string) =>
      (await t.db.select().from(hazards).where(eq(hazards.description, description)))[0]!.responsibleUnitId;
    expect(await unitOf('配电箱无防护罩')).toBe(eastVillage.id);
    expect(await unitOf('储罐区无防爆设施')).toBe(fireDept.id);
  });

  it('reads 整改期限 as a township ledger writes it, counted from the found day, and refuses what it cannot count', async () => {
    const rows = [
      row({ '隐患描述*': '期限七天', '状态*': '待整改', 整改期限: '7天' }), // 2
      row({ '隐患描述*': '期限立即', '状态*': '待整改', 整改期限: '立即整改' }), // 3
      row({ '隐患描述*': '期限一月', '状态*': '整改中', ...plan, 整改期限: '一个月' }), // 4
      row({ '隐患描述*': '期限工作日', '状态*': '待整改', 整改期限: '5个工作日' }), // 5
      row({ '隐患描述*': '期限尽快', '状态*': '待整改', 整改期限: '尽快' }), // 6
    ];
    const p = (await upload(office, await buildXlsx(H, rows))).json();
    expect(p.errors.map((e: { row: number; column: string; message: string }) => `${e.row} ${e.column}:${e.message}`)).toEqual([
      '5 整改期限:按工作日计的期限无法换算为日期（节假日调休不定），请填写具体日期',
      '6 整改期限:整改期限应为日期（如 2024-06-30）或从发现日期起的期限（如“7天”“一个月”“立即整改”）',
    ]);
    expect((await office.request('POST', `/api/hazards/import/${p.batchId}/commit`)).statusCode).toBe(200);
    const dueOf = async (description: string) => (await t.db.select().from(hazards).where(eq(hazards.description, description)))[0]!.dueDate;
    // Found 2024-11-20 (row()).
    expect(await dueOf('期限七天')).toBe('2024-11-27');
    expect(await dueOf('期限立即')).toBe('2024-11-20');
    expect(await dueOf('期限一月')).toBe('2024-12-20');
  });

  it('offers the registered name a short or longer name in the file likely means, within the caller’s scope only', async () => {
    await buildEnterprise(t.db, { village: eastVillage, sectorIds: ent.sectorIds, name: '翠峰机械制造有限公司' });
    const rows = [
      row({ '单位名称*': '翠峰机械', '隐患描述*': '砂轮无防护罩', '状态*': '待整改' }), // 2: short name
      row({ '单位名称*': '东风五金厂（普通合伙）', '隐患描述*': '砂轮无防护罩', '状态*': '待整改' }), // 3: longer name
      row({ '单位名称*': '翠峰机械', '隐患描述*': '配电箱未接地', '状态*': '待整改' }), // 4: the same short name again
      row({ '单位名称*': '南山%厂', '隐患描述*': '堆放杂物', '状态*': '待整改' }), // 5: nothing near, a LIKE wildcard in it
      row({ '单位名称*': '西岭', '隐患描述*': '堆放杂物', '状态*': '待整改' }), // 6: only a record the village officer may not see
      row({ '单位名称*': '翠峰机械厂', '隐患描述*': '堆放杂物', '状态*': '待整改' }), // 7: neither holds the other; the registered name holds its core
    ];
    const p = (await upload(villager, await buildXlsx(H, rows))).json();
    const hint = (name: string) => `单位不存在或不在您的管辖范围内；是否为“${name}”？请填写单位全称或统一社会信用代码`;
    expect(p.errors.map((e: { row: number; message: string }) => [e.row, e.message])).toEqual([
      [2, hint('翠峰机械制造有限公司')], [3, hint('东风五金厂')], [4, hint('翠峰机械制造有限公司')],
      [5, '单位不存在或不在您的管辖范围内'], [6, '单位不存在或不在您的管辖范围内'], [7, hint('翠峰机械制造有限公司')],
    ]);
    // The township office sees 西岭餐馆.
    const office6 = (await upload(office, await buildXlsx(H, [rows[4]!]))).json();
    expect(office6.errors[0].message).toBe(hint('西岭餐馆'));
  });

  it('reads a short name as the registered unit the person adopted in the preview, remembers it for the district\'s next file, and lets it be undone', async () => {
    // (registered by the test before, or here when it runs alone)
    const full = (await t.db.select().from(enterprises).where(eq(enterprises.name, '翠峰机械制造有限公司')))[0]
      ?? await buildEnterprise(t.db, { village: eastVillage, sectorIds: ent.sectorIds, name: '翠峰机械制造有限公司' });
    const rows = [
      row({ '单位名称*': '翠峰机械', '隐患描述*': '砂轮机无防护罩', '状态*': '待整改' }),
      row({ '单位名称*': '翠峰机械', '隐患描述*': '配电箱门缺失', '状态*': '待整改' }),
      row({ '单位名称*': '东风五金厂（普通合伙）', '隐患描述*': '灭火器压力不足，指针在红区', '状态*': '待整改' }),
    ];
    const file = await buildXlsx(H, rows);
    const first = (await upload(office, file)).json();
    expect(first).toMatchObject({ validRows: 0, rejectedRows: 3 });
    expect(first.nameSuggestions).toEqual([
      { name: '翠峰机械', suggestion: '翠峰机械制造有限公司', rows: 2 }, { name: '东风五金厂（普通合伙）', suggestion: '东风五金厂', rows: 1 },
    ]);
    expect(first.nameAliases).toBeUndefined();
    // 采用 both: every row reads as its registered unit, and the preview says which names it read so
    const adopted = { enterprise: { 翠峰机械: '翠峰机械制造有限公司', '东风五金厂（普通合伙）': '东风五金厂' } };
    const p = (await uploadWith(office, file, { values: adopted })).json();
    expect(p).toMatchObject({ validRows: 3, errors: [], rejectedRows: 0 });
    expect(p.nameSuggestions).toBeUndefined();
    expect(p.nameAliases).toEqual([
      { name: '翠峰机械', target: '翠峰机械制造有限公司', rows: 2, how: 'chosen' }, { name: '东风五金厂（普通合伙）', target: '东风五金厂', rows: 1, how: 'chosen' },
    ]);
    expect((await office.request('POST', `/api/hazards/import/${p.batchId}/commit`)).json()).toMatchObject({ created: 3 });
    expect(await t.db.select({ d: hazards.description }).from(hazards).where(eq(hazards.enterpriseId, full.id)).orderBy(hazards.description))
      .toEqual([{ d: '砂轮机无防护罩' }, { d: '配电箱门缺失' }]);

    // Next month's ledger, the same short names: read through the district's remembered choice.
    const next = await buildXlsx(H, [row({ '单位名称*': '翠峰机械', '隐患描述*': '消防通道堵塞', '状态*': '待整改' })]);
    const again = (await upload(office, next)).json();
    expect(again).toMatchObject({ validRows: 1, errors: [] });
    expect(again.nameAliases).toEqual([{ name: '翠峰机械', target: '翠峰机械制造有限公司', rows: 1, how: 'remembered' }]);
    // a cell holding more than a name (past the mapping's 100 characters) is offered nothing to adopt
    const long = (await upload(office, await buildXlsx(H, [row({ '单位名称*': `翠峰机械${'（生产车间）'.repeat(17)}`, '隐患描述*': '消防通道堵塞', '状态*': '待整改' })]))).json();
    expect(long).toMatchObject({ validRows: 0, errors: [{ message: '单位不存在或不在您的管辖范围内' }] });
    expect(long.nameSuggestions).toBeUndefined();
    // an alias never hides a unit of that very name: 东风五金厂 is registered and read as itself
    const own = (await uploadWith(office, await buildXlsx(H, [row({ '隐患描述*': '仓库堆放杂物', '状态*': '待整改' })]), { values: { enterprise: { 东风五金厂: '翠峰机械制造有限公司' } } })).json();
    expect(own).toMatchObject({ validRows: 1, errors: [] });
    expect(own.nameAliases).toBeUndefined();
    // undone: the name is unknown again, with the suggestion
    const undone = (await uploadWith(office, next, { values: { enterprise: { 翠峰机械: '' } } })).json();
    expect(undone).toMatchObject({ validRows: 0, nameSuggestions: [{ name: '翠峰机械', suggestion: '翠峰机械制造有限公司', rows: 1 }] });
    // A village officer's scope still holds: a name adopted for a unit it may not see reads as nothing.
    const outside = (await uploadWith(villager, await buildXlsx(H, [row({ '单位名称*': '西岭', '隐患描述*': '堆放杂物', '状态*': '待整改' })]), { values: { enterprise: { 西岭: '西岭餐馆' } } })).json();
    expect(outside).toMatchObject({ validRows: 0, errors: [{ message: '单位不存在或不在您的管辖范围内' }] });
    expect(outside.nameAliases).toBeUndefined();
  });

  it('keeps a village officer to the enterprises of its village', async () => {
    const p = (await upload(villager, await buildXlsx(H, [row({ '单位名称*': otherVillageEnt.name, '隐患描述*': '油烟管道未清洗', '状态*': '待整改' })]))).json();
    expect(p.validRows).toBe(0);
    expect(p.errors).toEqual([{ row: 2, column: '单位名称', message: '单位不存在或不在您的管辖范围内', label: otherVillageEnt.name }]);
  });
});
