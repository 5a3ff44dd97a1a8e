// Drills and training through the HTTP API on a real database: an enterprise records its own only,
// a supervising unit in scope records and verifies, another village's enterprise's record answers
// 404, the authorities' staff training per unit, and who is behind by sector and the requirement.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TComplianceResponse, TDrillDetail, TDrillListResponse } from '../../../contract/drills.ts';
import { auditLog } from '../../db/schema/index.ts';
import { recordNames } from '../audit/audit.names.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type BuiltUser, buildEnterprise, buildUser } from '../../test/factories.ts';
import { uploadPhoto } from '../../test/hazards.ts';
import { type Session, errorOf, loginAs } from '../../test/http.ts';
import { type World, buildWorld } from '../../test/world.ts';

let t: TestApp;
let w: World;
let enterpriseB: Session;
let villageV1a: Session;
let villageV2: Session;
let deptChem: Session;
let officeT1: Session;
let officeT2: Session;
let leaderT2: Session;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const login = (u: BuiltUser) => loginAs(t.app, u.username, u.password);
  enterpriseB = await login(w.users.enterpriseB);
  villageV1a = await login(w.users.villageV1a);
  villageV2 = await login(w.users.villageV2);
  deptChem = await login(w.users.deptChemT1);
  officeT1 = await login(w.users.officeT1);
  officeT2 = await login(await buildUser(t.db, { role: 'office', unit: w.T2 }));
  leaderT2 = await login(w.users.leaderT2);
});
afterAll(() => t?.close());

const drill = (o: Record<string, unknown> = {}) => ({
  enterpriseId: w.enterprises.b.id, kind: 'comprehensive_drill', heldOn: '2024-05-20', participants: 25, content: '火灾疏散综合演练', ...o,
});
async function createOk(s: Session, body: Record<string, unknown>): Promise<TDrillDetail> {
  const res = await s.request('POST', '/api/drills', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TDrillDetail;
}
async function compliance(s: Session, query: string): Promise<TComplianceResponse> {
  const res = await s.get(`/api/drills/compliance?pageSize=100&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TComplianceResponse;
}

describe('drill and training records', () => {
  it('an enterprise records its own drill with photos, and no other enterprise’s', async () => {
    const photo = await uploadPhoto(enterpriseB, 'evidence');
    const r = await createOk(enterpriseB, drill({ photoIds: [photo.id] }));
    expect(r).toMatchObject({ category: 'drill', kind: 'comprehensive_drill', enterprise: { id: w.enterprises.b.id }, verified: false, allowedActions: ['void'] });
    expect(r.photos.map((p) => p.id)).toEqual([photo.id]);
    expect((await enterpriseB.request('POST', '/api/drills', drill({ enterpriseId: w.enterprises.a.id }))).statusCode).toBe(404);
    expect((await enterpriseB.request('POST', '/api/drills', drill({ enterpriseId: null, unitId: w.V1a.id, kind: 'enforcement_staff_training' }))).statusCode).toBe(403);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, r.id));
    expect(audit).toMatchObject({ action: 'safety_activity.create', entityType: 'safety_activity' });
    // the audit log names it by whose, when and what
    expect((await recordNames(t.db, w.D.id, [r.id])).get(r.id)).toBe('乙商贸有限公司（2024-05-20 综合演练）');
    expect((await enterpriseB.get(`/api/files/${photo.id}`)).statusCode).toBe(200);
    expect((await villageV2.get(`/api/files/${photo.id}`)).statusCode).toBe(404);
  });

  it('another village’s enterprise’s record answers 404; the enterprise’s village verifies it with who and when', async () => {
    const r = await createOk(enterpriseB, drill({ kind: 'all_staff_training', content: '全员安全培训' }));
    expect((await villageV2.get(`/api/drills/${r.id}`)).statusCode).toBe(404);
    expect((await villageV2.request('POST', `/api/drills/${r.id}/verify`, { version: r.version })).statusCode).toBe(404);
    expect((await enterpriseB.request('POST', `/api/drills/${r.id}/verify`, { version: r.version })).statusCode).toBe(403);
    const seen = (await villageV1a.get(`/api/drills/${r.id}`)).json() as TDrillDetail;
    expect(seen.allowedActions).toEqual(['verify']);
    const v = await villageV1a.request('POST', `/api/drills/${r.id}/verify`, { version: r.version });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json()).toMatchObject({ verified: true, verifiedAt: t.clock.now().toISOString(), verifiedByName: w.users.villageV1a.displayName, category: 'training' });
    expect((await villageV1a.request('POST', `/api/drills/${r.id}/verify`, { version: r.version + 1 })).statusCode).toBe(403);
    // verified: the enterprise may no longer void it
    expect((await enterpriseB.request('POST', `/api/drills/${r.id}/void`, { reason: '登记错误', version: r.version + 1 })).statusCode).toBe(403);
    const list = (await villageV2.get('/api/drills?pageSize=100')).json() as TDrillListResponse;
    expect(list.items.map((i) => i.id)).not.toContain(r.id);
  });

  it('a department records for an enterprise of its sectors only', async () => {
    const r = await createOk(deptChem, drill({ enterpriseId: w.enterprises.a.id, kind: 'tabletop_drill' }));
    expect(r.createdByUnitName).toBe('应急站');
    expect(r.allowedActions).toEqual(['void']); // not its own verification
    expect((await deptChem.request('POST', '/api/drills', drill())).statusCode).toBe(404); // b is 消防
    expect((await officeT1.get(`/api/drills/${r.id}`)).json()).toMatchObject({ allowedActions: ['verify', 'void'] });
  });

  it('the authorities’ staff training is recorded per unit and seen by the unit and its region', async () => {
    const staff = { enterpriseId: null, unitId: w.depChemT1.id, kind: 'enforcement_staff_training', heldOn: '2024-04-10', participants: 8, content: '执法人员安全生产法培训' };
    const r = await createOk(officeT1, staff);
    expect(r).toMatchObject({ unit: { id: w.depChemT1.id, name: '应急站' }, enterprise: null, category: 'training' });
    expect((await deptChem.get(`/api/drills/${r.id}`)).json()).toMatchObject({ allowedActions: [] });
    expect((await officeT2.get(`/api/drills/${r.id}`)).statusCode).toBe(404);
    expect((await villageV1a.get(`/api/drills/${r.id}`)).statusCode).toBe(404);
    const other = await villageV1a.request('POST', '/api/drills', staff);
    expect(errorOf(other).fieldErrors).toHaveProperty('unitId');
    const mixed = await officeT1.request('POST', '/api/drills', { ...staff, enterpriseId: w.enterprises.a.id });
    expect(mixed.statusCode).toBe(400);
    expect((await officeT1.get('/api/drills?staff=true')).json()).toMatchObject({ total: 1 });
  });

  it('lists with counts per category, searched by the enterprise’s or unit’s name, voided ones on request', async () => {
    const all = (await officeT1.get('/api/drills?pageSize=100')).json() as TDrillListResponse;
    expect(all.counts.drill + all.counts.training).toBe(all.total);
    const trainings = (await officeT1.get('/api/drills?category=training&pageSize=100')).json() as TDrillListResponse;
    expect(trainings.total).toBe(all.counts.training);
    expect(trainings.counts).toEqual(all.counts); // the counts ignore the category's own filter
    expect(trainings.items.every((i) => i.category === 'training')).toBe(true);
    const byName = (await officeT1.get(`/api/drills?q=${encodeURIComponent(w.enterprises.a.name.slice(0, 2))}&pageSize=100`)).json() as TDrillListResponse;
    expect(byName.items.length).toBeGreaterThan(0);
    expect(byName.items.every((i) => i.enterprise?.id === w.enterprises.a.id)).toBe(true);
    const byUnit = (await officeT1.get(`/api/drills?q=${encodeURIComponent('应急站')}`)).json() as TDrillListResponse;
    expect(byUnit.items.map((i) => i.unit?.name)).toEqual(['应急站']);
    const r = await createOk(officeT1, drill({ enterpriseId: w.enterprises.a.id, content: '登记错误的演练' }));
    const voided = await officeT1.request('POST', `/api/drills/${r.id}/void`, { reason: '重复登记', version: r.version });
    expect(voided.json()).toMatchObject({ voided: true, voidReason: '重复登记', allowedActions: [] });
    const ids = async (query: string) => ((await officeT1.get(`/api/drills?pageSize=100${query}`)).json() as TDrillListResponse).items.map((i) => i.id);
    expect(await ids('')).not.toContain(r.id);
    expect(await ids('&includeVoided=true')).toContain(r.id);
  });

  it('refuses a future date and leaders cannot record', async () => {
    expect(errorOf(await enterpriseB.request('POST', '/api/drills', drill({ heldOn: '2024-06-04' }))).fieldErrors).toEqual({ heldOn: ['日期不能晚于今天'] });
    expect((await leaderT2.request('POST', '/api/drills', drill({ enterpriseId: w.enterprises.d.id }))).statusCode).toBe(403);
  });
});

describe('compliance: who is behind', () => {
  it('by sector and risk, in SQL, with the district’s requirement', async () => {
    const createdAt = new Date('2023-01-01T00:00:00Z');
    const sector = w.chem.id;
    const hrDone = await buildEnterprise(t.db, { village: w.V1b, sectorIds: [sector], name: '高危已演练化工', isHighRisk: true, createdAt });
    await buildEnterprise(t.db, { village: w.V1b, sectorIds: [sector], name: '高危未演练化工', isHighRisk: true, createdAt });
    const plain = await buildEnterprise(t.db, { village: w.V1b, sectorIds: [sector], name: '一般化工', createdAt });
    await buildEnterprise(t.db, { village: w.V1b, sectorIds: [sector], name: '新设化工', isHighRisk: true, createdAt: new Date('2024-05-01T00:00:00Z') });
    await createOk(deptChem, drill({ enterpriseId: hrDone.id, heldOn: '2024-03-01' }));
    await createOk(deptChem, drill({ enterpriseId: plain.id, heldOn: '2024-02-01', kind: 'special_drill' }));
    t.clock.set('2024-07-10T02:00:00Z');
    // a month later: the sessions have timed out
    deptChem = await loginAs(t.app, w.users.deptChemT1.username, w.users.deptChemT1.password);
    villageV2 = await loginAs(t.app, w.users.villageV2.username, w.users.villageV2.password);
    enterpriseB = await loginAs(t.app, w.users.enterpriseB.username, w.users.enterpriseB.password);
    officeT1 = await loginAs(t.app, w.users.officeT1.username, w.users.officeT1.password);
    await createOk(deptChem, drill({ enterpriseId: hrDone.id, heldOn: '2024-07-05', kind: 'topical_training' }));

    const all = await compliance(deptChem, `year=2024&sectorId=${sector}&villageId=${w.V1b.id}`);
    const by = Object.fromEntries(all.items.map((i) => [i.enterprise.name, i]));
    expect(by['高危已演练化工']!.drill).toMatchObject({ timesPerYear: 2, owed: 2, met: 1, status: 'pending', dueOn: '2024-12-31', lastHeldOn: '2024-03-01' });
    expect(by['高危已演练化工']!.training).toMatchObject({ timesPerYear: 1, status: 'met' });
    expect(by['高危未演练化工']!.drill).toMatchObject({ owed: 2, met: 0, status: 'missed', dueOn: '2024-12-31' });
    expect(by['一般化工']!.drill).toMatchObject({ timesPerYear: 1, owed: 1, met: 1, status: 'met' });
    expect(by['新设化工']!.drill).toMatchObject({ owed: 1, status: 'pending' }); // registered after 1 April: owes the second half only
    expect(all.items[0]!.enterprise.name).toBe('高危未演练化工'); // the missed first
    // the tabs partition the enterprises by their worst state: 一般化工 drilled but has not trained yet;
    // 丙建材 was put on record after 2024 and owes nothing
    expect(all.counts).toEqual({ missed: 1, pending: 3, met: 1 });
    const pending = await compliance(deptChem, `year=2024&sectorId=${sector}&villageId=${w.V1b.id}&status=pending`);
    expect(pending.items.map((i) => i.enterprise.name)).toEqual(['一般化工', '新设化工', '高危已演练化工']);
    expect(pending).toMatchObject({ total: 3, counts: all.counts });
    const behind = await compliance(deptChem, `year=2024&sectorId=${sector}&villageId=${w.V1b.id}&status=behind`);
    expect(behind.items.map((i) => i.enterprise.name)).toEqual(['高危未演练化工', '一般化工', '新设化工', '高危已演练化工']);
    expect((await compliance(deptChem, `year=2024&sectorId=${sector}&villageId=${w.V1b.id}&category=drill`)).counts).toEqual({ missed: 1, pending: 2, met: 2 });

    const missed = await compliance(deptChem, `year=2024&sectorId=${sector}&category=drill&status=missed`);
    expect(missed.items.map((i) => i.enterprise.name)).toEqual(['高危未演练化工']);
    const met = await compliance(deptChem, `year=2024&villageId=${w.V1b.id}&category=drill&status=met`);
    // 丙建材 was put on record after 2024 (the world's enterprises are created now): nothing owed for 2024
    expect(met.items.map((i) => [i.enterprise.name, i.drill.status])).toEqual([['一般化工', 'met'], ['丙建材有限公司', 'not_required']]);
    // a village sees its own enterprises only; the enterprise itself
    expect((await compliance(villageV2, 'year=2024')).items.every((i) => ['丁化工有限公司', '戊建筑有限公司'].includes(i.enterprise.name))).toBe(true);
    expect((await compliance(enterpriseB, 'year=2024')).items.map((i) => i.enterprise.id)).toEqual([w.enterprises.b.id]);
    const page = await deptChem.get(`/api/drills/compliance?year=2024&villageId=${w.V1b.id}&page=2&pageSize=2`);
    expect((page.json() as TComplianceResponse)).toMatchObject({ total: 5, page: 2 }); // 4 built + 丙建材 (chem)

    // the district asks every enterprise to drill twice a year: its own office sets it, a township's reads it
    const officeD = await loginAs(t.app, w.users.officeD.username, w.users.officeD.password);
    expect((await officeT1.get('/api/drills/requirement')).json()).toMatchObject({ isDefault: true, allowedActions: [] });
    expect((await officeD.get('/api/drills/requirement')).json()).toMatchObject({ isDefault: true, allowedActions: ['update'] });
    expect((await officeT1.request('PUT', '/api/drills/requirement', { drill: { normal: 2, highRisk: 2 }, training: { normal: 1, highRisk: 1 }, version: 0 })).statusCode).toBe(403);
    const req = await officeD.request('PUT', '/api/drills/requirement', { drill: { normal: 2, highRisk: 2 }, training: { normal: 1, highRisk: 1 }, version: 0 });
    expect(req.statusCode, req.body).toBe(200);
    expect(req.json()).toMatchObject({ isDefault: false, version: 1, allowedActions: ['update'] });
    const after = await compliance(deptChem, `year=2024&enterpriseId=${plain.id}`);
    expect(after.items[0]!.drill).toMatchObject({ timesPerYear: 2, status: 'pending', owed: 2, met: 1 });
    expect((await deptChem.request('PUT', '/api/drills/requirement', { drill: { normal: 1, highRisk: 2 }, training: { normal: 1, highRisk: 1 }, version: 1 })).statusCode).toBe(403);
    expect((await officeD.request('PUT', '/api/drills/requirement', { drill: { normal: 3, highRisk: 2 }, training: { normal: 1, highRisk: 1 }, version: 1 })).statusCode).toBe(400);
    t.clock.set('2024-06-03T01:30:00.000Z');
  });
});

describe('the enterprise’s 工作台', () => {
  it('lists 演练/培训待完成 when the window closes within 30 days unmet', async () => {
    const e = await buildEnterprise(t.db, { village: w.V1b, sectorIds: [w.fire.id], name: '待演练商贸', createdAt: new Date('2023-01-01T00:00:00Z') });
    const u = await buildUser(t.db, { role: 'enterprise', unit: w.V1b, enterpriseId: e.id });
    const kindsAt = async (at: string) => {
      t.clock.set(at);
      const s = await loginAs(t.app, u.username, u.password);
      const res = await s.get('/api/workbench');
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: { kind: string; title: string; due: string }[] }).items.filter((i) => i.kind === 'drill_due');
    };
    expect(await kindsAt('2024-11-20T02:00:00Z')).toEqual([]);
    const due = await kindsAt('2024-12-10T02:00:00Z');
    expect(due.map((i) => [i.title, i.due])).toEqual([['本期应急演练尚未开展', '2024-12-31'], ['本期安全培训尚未开展', '2024-12-31']]);
    t.clock.set('2024-06-03T01:30:00.000Z');
  });
});
