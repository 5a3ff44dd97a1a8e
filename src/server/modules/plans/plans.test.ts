// Annual inspection plans through the HTTP API on a real database: who keeps which plan, one per unit
// and year, entries only of supervised enterprises, progress derived from completed inspections by the
// plan's unit in the month (or linked to the entry), key enterprises not covered, scope and export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TPlanDetail, TPlanEntry } from '../../../contract/plans.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type BuiltUser, buildEnterprise, buildUser } from '../../test/factories.ts';
import { type Session, XLSX_MIME, errorOf, loginAs } from '../../test/http.ts';
import { buildInspection } from '../../test/inspection-fixtures.ts';
import { type World, buildWorld } from '../../test/world.ts';
import { readXlsx } from '../../test/xlsx.ts';

// The test clock starts on Monday 3 June 2024: January to May are over.
let t: TestApp;
let w: World;
let deptChem: Session; // 应急站 of 一镇: chemicals in T1 (a, c)
let deptFire: Session; // 消防所 of 一镇
let office: Session; // 安委办 of 一镇
let leader: Session; // leader of 二镇
let village: Session;
let plan: TPlanDetail;

const createPlan = (s: Session, body: Record<string, unknown>) => s.request('POST', '/api/plans', { name: '2024年度监督检查计划', ...body });
const addEntry = (s: Session, planId: string, body: Record<string, unknown>) => s.request('POST', `/api/plans/${planId}/entries`, body);
async function addOk(s: Session, planId: string, body: Record<string, unknown>): Promise<TPlanEntry> {
  const res = await addEntry(s, planId, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TPlanEntry;
}
const inspect = (o: { enterprise: keyof World['enterprises']; unitId: string; on: string; type?: 'enforcement' | 'spot_check' | 'self_daily'; status?: 'completed' | 'draft'; planEntryId?: string }) =>
  buildInspection(t.db, {
    enterprise: w.enterprises[o.enterprise], type: o.type ?? 'enforcement', inspectedOn: o.on, unitId: o.unitId, createdBy: w.users.deptChemT1.id,
    status: o.status ?? 'completed', planEntryId: o.planEntryId ?? null,
  });
const getPlan = async (s: Session, id: string) => {
  const res = await s.get(`/api/plans/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TPlanDetail;
};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const login = (u: BuiltUser) => loginAs(t.app, u.username, u.password);
  deptChem = await login(w.users.deptChemT1);
  deptFire = await login(await buildUser(t.db, { role: 'department', unit: w.depFireT1 }));
  office = await login(w.users.officeT1);
  leader = await login(w.users.leaderT2);
  village = await login(w.users.villageV1a);
  const res = await createPlan(deptChem, { unitId: w.depChemT1.id, year: 2024, note: '危化企业全覆盖' });
  expect(res.statusCode, res.body).toBe(200);
  plan = res.json() as TPlanDetail;
});
afterAll(() => t?.close());

describe('keeping a plan', () => {
  it('a department plans for itself, once per year', async () => {
    expect(plan).toMatchObject({ unitId: w.depChemT1.id, unitName: '应急站', year: 2024, planned: 0, rate: null, allowedActions: ['edit', 'inspect'] });
    expect(plan.months).toHaveLength(12);
    const again = await createPlan(deptChem, { unitId: w.depChemT1.id, year: 2024 });
    expect(again.statusCode).toBe(400);
    expect(errorOf(again).fieldErrors).toEqual({ year: ['应急站已有2024年度计划'] });
    const forAnother = await createPlan(deptChem, { unitId: w.depFireT1.id, year: 2024 });
    expect(errorOf(forAnother).fieldErrors).toEqual({ unitId: ['不能为该单位制定计划'] });
  });

  it('the office plans for its township and its departments, and sees every plan of the township', async () => {
    const own = await createPlan(office, { unitId: w.T1.id, year: 2024 });
    expect(own.statusCode, own.body).toBe(200);
    const list = await office.get('/api/plans?year=2024');
    const body = list.json() as { items: { id: string; unitName: string }[]; unitOptions: { id: string }[] };
    expect(body.items.map((i) => i.unitName).sort()).toEqual(['一镇', '应急站'].sort());
    expect(body.unitOptions.map((u) => u.id)).toEqual(expect.arrayContaining([w.T1.id, w.depChemT1.id, w.depFireT1.id]));
    expect(body.unitOptions.map((u) => u.id)).not.toContain(w.depBuildD.id);
    // mayPlanForUnit: a township's office plans neither for a district department nor for a village
    expect(errorOf(await createPlan(office, { unitId: w.depBuildD.id, year: 2024 })).fieldErrors).toEqual({ unitId: ['不能为该单位制定计划'] });
    expect(errorOf(await createPlan(office, { unitId: w.V1a.id, year: 2024 })).fieldErrors).toEqual({ unitId: ['不能为该单位制定计划'] });
  });

  it('another department cannot see the plan; a leader of another township neither, and may not write', async () => {
    expect((await deptFire.get(`/api/plans/${plan.id}`)).statusCode).toBe(404);
    expect(((await deptFire.get('/api/plans')).json() as { total: number }).total).toBe(0);
    expect((await addEntry(deptFire, plan.id, { enterpriseId: w.enterprises.b.id, month: 6 })).statusCode).toBe(404);
    expect((await leader.get(`/api/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await createPlan(leader, { unitId: w.T2.id, year: 2024 })).statusCode).toBe(403);
    expect((await village.get('/api/plans')).statusCode).toBe(403);
  });

  it('renames with the version read', async () => {
    const res = await deptChem.request('PATCH', `/api/plans/${plan.id}`, { name: '应急站2024年度执法检查计划', version: plan.version });
    expect(res.statusCode, res.body).toBe(200);
    expect((await deptChem.request('PATCH', `/api/plans/${plan.id}`, { name: 'x', version: plan.version })).statusCode).toBe(409);
    // Beyond the contract's integer range: a field error, not a server error.
    expect((await deptChem.request('PATCH', `/api/plans/${plan.id}`, { name: 'x', version: 99_999_999_999 })).statusCode).toBe(400);
  });
});

describe('entries', () => {
  it('names only enterprises the plan\'s unit supervises', async () => {
    const a = await addOk(deptChem, plan.id, { enterpriseId: w.enterprises.a.id, month: 6, inspectionType: 'enforcement' });
    expect(a).toMatchObject({ month: 6, isKey: false, covered: false, overdue: false, enterpriseName: '甲化工有限公司' });
    const fire = await addEntry(deptChem, plan.id, { enterpriseId: w.enterprises.b.id, month: 6 });
    expect(fire.statusCode).toBe(400);
    expect(errorOf(fire).fieldErrors).toEqual({ enterpriseId: ['生产经营单位不存在或不在您的管辖范围内'] });
    // the office sees b, but the plan's unit does not supervise it
    const byOffice = await addEntry(office, plan.id, { enterpriseId: w.enterprises.b.id, month: 6 });
    expect(errorOf(byOffice).fieldErrors).toEqual({ enterpriseId: ['乙商贸有限公司不在应急站的监管范围内'] });
    // chemicals, but in the other township
    expect((await addEntry(deptChem, plan.id, { enterpriseId: w.enterprises.d.id, month: 6 })).statusCode).toBe(400);
    const dup = await addEntry(deptChem, plan.id, { enterpriseId: w.enterprises.a.id, month: 6 });
    expect(errorOf(dup).fieldErrors).toEqual({ month: ['该单位已列入6月计划'] });
  });

  it('adds several enterprises to one month, skipping those already planned', async () => {
    const res = await deptChem.request('POST', `/api/plans/${plan.id}/entries/bulk`, { enterpriseIds: [w.enterprises.a.id, w.enterprises.c.id], month: 3, isKey: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ added: 2, skipped: 0 });
    const again = await deptChem.request('POST', `/api/plans/${plan.id}/entries/bulk`, { enterpriseIds: [w.enterprises.c.id], month: 3 });
    expect(again.json()).toEqual({ added: 0, skipped: 1 });
  });

  it('removes an entry unless an inspection is linked to it', async () => {
    const extra = await addOk(deptChem, plan.id, { enterpriseId: w.enterprises.c.id, month: 12 });
    const linked = await addOk(deptChem, plan.id, { enterpriseId: w.enterprises.c.id, month: 11 });
    await inspect({ enterprise: 'c', unitId: w.depChemT1.id, on: '2024-06-01', status: 'draft', planEntryId: linked.id });
    expect((await deptChem.request('DELETE', `/api/plans/${plan.id}/entries/${extra.id}`)).statusCode).toBe(200);
    expect((await deptChem.request('DELETE', `/api/plans/${plan.id}/entries/${linked.id}`)).statusCode).toBe(409);
    expect((await leader.request('DELETE', `/api/plans/${plan.id}/entries/${linked.id}`)).statusCode).toBe(403);
  });
});

describe('progress', () => {
  let march: TPlanEntry[];
  beforeAll(async () => {
    // a: covered in March by the plan's unit; c: only by another unit and a self-inspection (neither counts).
    await inspect({ enterprise: 'a', unitId: w.depChemT1.id, on: '2024-03-15', type: 'spot_check' });
    await inspect({ enterprise: 'c', unitId: w.depFireT1.id, on: '2024-03-10' });
    await inspect({ enterprise: 'c', unitId: w.depChemT1.id, on: '2024-03-11', type: 'self_daily' });
    await inspect({ enterprise: 'c', unitId: w.depChemT1.id, on: '2024-02-28' }); // the wrong month
    await inspect({ enterprise: 'a', unitId: w.depChemT1.id, on: '2024-06-02', status: 'draft' }); // not completed
    const res = await deptChem.get(`/api/plans/${plan.id}/entries?month=3`);
    march = (res.json() as { items: TPlanEntry[] }).items;
  });

  it('counts an entry covered by a completed inspection of the plan\'s unit in its month', async () => {
    const byName = Object.fromEntries(march.map((e) => [e.enterpriseName, [e.covered, e.overdue]]));
    expect(byName).toEqual({ 甲化工有限公司: [true, false], 丙建材有限公司: [false, true] });
    expect(march.find((e) => e.enterpriseId === w.enterprises.a.id)?.coveredBy).toHaveLength(1);
    const p = await getPlan(deptChem, plan.id);
    expect(p.months[2]).toMatchObject({ month: 3, planned: 2, covered: 1, keyPlanned: 2, keyCovered: 1, overdue: 1 });
    expect(p.months[5]).toMatchObject({ month: 6, planned: 1, covered: 0, overdue: 0 });
    expect(p).toMatchObject({ planned: 4, covered: 1, overdue: 1 });
    expect(p.rate).toBe(0.25);
  });

  it('counts an inspection linked to the entry, whatever its date', async () => {
    const june = (await deptChem.get(`/api/plans/${plan.id}/entries?month=6`)).json() as { items: TPlanEntry[] };
    await inspect({ enterprise: 'a', unitId: w.depChemT1.id, on: '2024-05-20', planEntryId: june.items[0]!.id });
    expect((await getPlan(deptChem, plan.id)).months[5]).toMatchObject({ planned: 1, covered: 1 });
  });

  it('lists key enterprises not inspected this year, overdue when their month is over', async () => {
    const res = await office.get(`/api/plans/${plan.id}/key-uncovered`);
    expect(res.statusCode, res.body).toBe(200);
    // c had an inspection by the unit in February: covered this year though not in its month.
    expect((res.json() as { items: unknown[] }).items).toEqual([]);
    const mid = await createPlan(deptChem, { unitId: w.depChemT1.id, year: 2025 });
    const next = mid.json() as TPlanDetail;
    await addOk(deptChem, next.id, { enterpriseId: w.enterprises.c.id, month: 1, isKey: true });
    await addOk(deptChem, next.id, { enterpriseId: w.enterprises.a.id, month: 2, isKey: false });
    const key = (await deptChem.get(`/api/plans/${next.id}/key-uncovered`)).json() as { items: { enterpriseId: string; months: number[]; overdue: boolean }[] };
    expect(key.items).toEqual([expect.objectContaining({ enterpriseId: w.enterprises.c.id, months: [1], overdue: false })]);
    const filtered = (await deptChem.get(`/api/plans/${plan.id}/entries?isKey=true&covered=false`)).json() as { items: TPlanEntry[] };
    expect(filtered.items.map((e) => e.enterpriseId)).toEqual([w.enterprises.c.id]);
  });

  it('a key enterprise with no inspection at all is listed overdue', async () => {
    const f = await buildEnterprise(t.db, { village: w.V1b, sectorIds: [w.chem.id], name: '庚化工有限公司', isKey: true });
    const e = await addOk(deptChem, plan.id, { enterpriseId: f.id, month: 4 });
    expect(e.isKey).toBe(true); // from the enterprise's 重点监管 flag
    const key = (await deptChem.get(`/api/plans/${plan.id}/key-uncovered`)).json() as { items: { enterpriseName: string; overdue: boolean }[] };
    expect(key.items).toEqual([expect.objectContaining({ enterpriseName: '庚化工有限公司', overdue: true })]);
  });

  it('exports the entries', async () => {
    const res = await deptChem.get(`/api/plans/${plan.id}/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    const { headers, rows } = await readXlsx(res.rawPayload);
    expect(headers.slice(0, 2)).toEqual(['月份', '生产经营单位']);
    expect(rows.find((r) => r['生产经营单位'] === '甲化工有限公司' && r['月份'] === '3月')?.['完成情况']).toBe('已检查');
    expect(rows.find((r) => r['生产经营单位'] === '丙建材有限公司' && r['月份'] === '3月')?.['完成情况']).toBe('逾期未检查');
  });
});
