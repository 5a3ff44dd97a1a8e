// The technical-inspector roster through the HTTP API on a real database: who keeps which roster
// (a township its own, the district its own and reads every township's), out of scope 404, units
// of the roster's region only, dates and bounded text with Chinese field errors, edits with the
// version, 离任 and 作废 with their audit rows, the list's filters and tabs, and the count on a date.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TInspectorCountResponse, TInspectorDetail, TInspectorListResponse } from '../../../contract/inspector-roster.ts';
import { auditLog } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type BuiltUser, TEST_PASSWORD, buildUser } from '../../test/factories.ts';
import { type Session, abilitiesOf, errorOf, loginAs } from '../../test/http.ts';
import { type World, buildWorld } from '../../test/world.ts';

let t: TestApp;
let w: World;
let office: Session; // 安委办 of 一镇
let officeT2: Session;
let officeD: Session;
let leaderT2: Session;
let dept: Session; // 应急站 of 一镇
let deptD: Session; // 住建局, the district's
let village: Session;
let officeX: Session;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const login = (u: BuiltUser) => loginAs(t.app, u.username, u.password);
  office = await login(w.users.officeT1);
  officeT2 = await login(await buildUser(t.db, { role: 'office', unit: w.T2 }));
  officeD = await login(w.users.officeD);
  leaderT2 = await login(w.users.leaderT2);
  dept = await login(w.users.deptChemT1);
  deptD = await login(w.users.deptBuildD);
  village = await login(w.users.villageV1a);
  officeX = await login(w.users.officeX);
});
afterAll(() => t?.close());

const entry = (o: Record<string, unknown> = {}) => ({
  name: '张检查', employment: 'full_time', unitId: w.depChemT1.id, fromDate: '2024-03-01', toDate: null, certificates: '注册安全工程师', note: null, ...o,
});
async function createOk(s: Session, body: Record<string, unknown>) {
  const res = await s.request('POST', '/api/inspector-roster', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TInspectorDetail;
}
const list = async (s: Session, qs = '') => (await s.get(`/api/inspector-roster${qs ? `?${qs}` : ''}`)).json() as TInspectorListResponse;
const count = async (s: Session, on: string) => {
  const res = await s.get(`/api/inspector-roster/count?on=${on}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TInspectorCountResponse;
};

describe('the technical-inspector roster', () => {
  it('a township office keeps its own roster: create with an audit row', async () => {
    const r = await createOk(office, entry());
    expect(r).toMatchObject({
      name: '张检查', employment: 'full_time', unitName: '应急站', townshipId: w.T1.id, rosterName: '一镇', fromDate: '2024-03-01', toDate: null,
      version: 1, allowedActions: ['edit', 'end', 'void'],
    });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, r.id));
    expect(audit).toMatchObject({ action: 'technical_inspector.create', entityType: 'technical_inspector' });
  });

  it('scope: another township answers 404; the district reads every township and keeps only its own', async () => {
    const r = await createOk(office, entry({ name: '一镇甲' }));
    for (const s of [officeT2, leaderT2, officeX, deptD]) expect((await s.get(`/api/inspector-roster/${r.id}`)).statusCode).toBe(404);
    expect((await officeT2.request('PUT', `/api/inspector-roster/${r.id}`, { ...entry(), version: 1 })).statusCode).toBe(404);
    expect((await officeT2.request('POST', `/api/inspector-roster/${r.id}/void`, { reason: '重复登记', version: 1 })).statusCode).toBe(404);
    expect((await list(officeT2)).items.map((i) => i.id)).not.toContain(r.id);
    // a department of the township reads its township's roster
    expect((await dept.get(`/api/inspector-roster/${r.id}`)).statusCode).toBe(200);
    const seen = await officeD.get(`/api/inspector-roster/${r.id}`);
    expect(seen.statusCode).toBe(200);
    expect((seen.json() as TInspectorDetail).allowedActions).toEqual([]);
    expect((await officeD.request('PUT', `/api/inspector-roster/${r.id}`, { ...entry(), version: 1 })).statusCode).toBe(403);
    const own = await createOk(officeD, entry({ name: '区级乙', unitId: w.depBuildD.id }));
    expect(own).toMatchObject({ townshipId: null, rosterName: '测试区', unitName: '住建局', allowedActions: ['edit', 'end', 'void'] });
    expect((await office.get(`/api/inspector-roster/${own.id}`)).statusCode).toBe(404);
    expect((await deptD.get(`/api/inspector-roster/${own.id}`)).statusCode).toBe(200);
  });

  it('roles: offices write; leaders and departments read; villages 403', async () => {
    expect(await abilitiesOf(leaderT2)).toContain('read:inspector_roster');
    expect(await abilitiesOf(leaderT2)).not.toContain('manage:inspector_roster');
    expect((await leaderT2.request('POST', '/api/inspector-roster', entry())).statusCode).toBe(403);
    expect((await dept.request('POST', '/api/inspector-roster', entry())).statusCode).toBe(403);
    expect((await village.get('/api/inspector-roster')).statusCode).toBe(403);
    expect((await village.get('/api/inspector-roster/count?on=2024-06-01')).statusCode).toBe(403);
  });

  it('validation: a unit of the roster\'s region, dates in order, bounded text, in Chinese', async () => {
    for (const unitId of [w.V2.id, w.depBuildD.id, w.XV.id, w.T2.id]) {
      const res = await office.request('POST', '/api/inspector-roster', entry({ unitId }));
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).fieldErrors).toEqual({ unitId: ['只能选择本镇（街道）或其科室、村（社区）'] });
    }
    // the township itself and its villages may employ one
    await createOk(office, entry({ unitId: w.V1a.id }));
    await createOk(office, entry({ unitId: w.T1.id }));
    // the district's roster takes the district and its own departments, not a township's units
    const res = await officeD.request('POST', '/api/inspector-roster', entry({ unitId: w.depChemT1.id }));
    expect(errorOf(res).fieldErrors).toEqual({ unitId: ['只能选择本区或区级部门'] });
    const dates = await office.request('POST', '/api/inspector-roster', entry({ toDate: '2024-02-28' }));
    expect(errorOf(dates).fieldErrors).toEqual({ toDate: ['离任日期不能早于起始日期'] });
    const bad = await office.request('POST', '/api/inspector-roster', entry({ name: '', employment: 'contract', fromDate: '2024-02-30', certificates: 'x'.repeat(201) }));
    expect(bad.statusCode).toBe(400);
    const fe = errorOf(bad).fieldErrors!;
    expect(fe.name).toEqual(['请填写姓名']);
    expect(fe.employment).toEqual(['请选择专职或兼职']);
    expect(fe.fromDate).toEqual(['日期不存在']);
    expect(fe.certificates).toHaveLength(1);
    expect(errorOf(await office.request('POST', '/api/inspector-roster', entry({ unitId: '' }))).fieldErrors).toEqual({ unitId: ['请选择所在单位'] });
    expect((await office.request('POST', '/api/inspector-roster', entry({ name: '名'.repeat(33) }))).statusCode).toBe(400);
  });

  it('edits with the version (stale 409), ends once, voids with a reason; a voided entry is read-only', async () => {
    const r = await createOk(office, entry({ name: '待修改' }));
    const edited = await office.request('PUT', `/api/inspector-roster/${r.id}`, { ...entry({ name: '已修改', employment: 'part_time' }), version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: '已修改', employment: 'part_time', version: 2 });
    expect((await office.request('PUT', `/api/inspector-roster/${r.id}`, { ...entry(), version: 1 })).statusCode).toBe(409);
    const early = await office.request('POST', `/api/inspector-roster/${r.id}/end`, { toDate: '2024-01-01', version: 2 });
    expect(errorOf(early).fieldErrors).toEqual({ toDate: ['离任日期不能早于起始日期'] });
    const ended = await office.request('POST', `/api/inspector-roster/${r.id}/end`, { toDate: '2024-05-31', version: 2 });
    expect(ended.json()).toMatchObject({ toDate: '2024-05-31', version: 3, allowedActions: ['edit', 'void'] });
    expect((await office.request('POST', `/api/inspector-roster/${r.id}/end`, { toDate: '2024-06-01', version: 3 })).statusCode).toBe(409);
    const noReason = await office.request('POST', `/api/inspector-roster/${r.id}/void`, { reason: '', version: 3 });
    expect(errorOf(noReason).fieldErrors).toHaveProperty('reason');
    const voided = await office.request('POST', `/api/inspector-roster/${r.id}/void`, { reason: '重复登记', version: 3 });
    expect(voided.json()).toMatchObject({ voidReason: '重复登记', allowedActions: [] });
    expect((await office.request('PUT', `/api/inspector-roster/${r.id}`, { ...entry(), version: 4 })).statusCode).toBe(409);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, r.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['technical_inspector.create', 'technical_inspector.end', 'technical_inspector.update', 'technical_inspector.void']);
  });

  it('lists with search, filters, the 专职/兼职 tabs and pages; counts per level on a date', async () => {
    const fresh = await loginAs(t.app, (await buildUser(t.db, { role: 'office', unit: w.T2 })).username, TEST_PASSWORD);
    await createOk(fresh, entry({ name: '赵专职', unitId: w.V2.id, fromDate: '2024-01-01' }));
    await createOk(fresh, entry({ name: '钱兼职', employment: 'part_time', unitId: w.V2.id, fromDate: '2024-02-01', toDate: '2024-04-30' }));
    await createOk(fresh, entry({ name: '孙兼职', employment: 'part_time', unitId: w.T2.id, fromDate: '2024-05-01', certificates: '特种设备检验员' }));
    const gone = await createOk(fresh, entry({ name: '李作废', unitId: w.T2.id, fromDate: '2024-01-01' }));
    await fresh.request('POST', `/api/inspector-roster/${gone.id}/void`, { reason: '录入错误', version: 1 });

    const all = await list(fresh);
    expect(all.items.map((i) => i.name)).toEqual(['孙兼职', '钱兼职', '赵专职']); // newest from-date first, voided left out
    expect(all.counts).toEqual({ fullTime: 1, partTime: 2 });
    const tab = await list(fresh, 'employment=part_time');
    expect(tab.items.map((i) => i.name)).toEqual(['孙兼职', '钱兼职']);
    expect(tab.counts).toEqual({ fullTime: 1, partTime: 2 });
    expect((await list(fresh, 'activeOn=2024-03-15')).items.map((i) => i.name)).toEqual(['钱兼职', '赵专职']);
    expect((await list(fresh, `q=${encodeURIComponent('特种设备')}`)).items.map((i) => i.name)).toEqual(['孙兼职']);
    expect((await list(fresh, `unitId=${w.T2.id}`)).items.map((i) => i.name)).toEqual(['孙兼职']);
    expect((await list(fresh, 'voided=true')).items.map((i) => i.name)).toEqual(['李作废']);
    const page2 = await list(fresh, 'page=2&pageSize=2');
    expect(page2).toMatchObject({ total: 3, page: 2 });
    expect(page2.items).toHaveLength(1);
    expect((await list(officeD, `roster=${w.T2.id}&activeOn=2024-06-01`)).items.map((i) => i.name)).toEqual(['孙兼职', '赵专职']);

    const t2 = await count(fresh, '2024-03-15');
    expect(t2.levels).toEqual([{ townshipId: w.T2.id, name: '二镇', fullTime: 1, partTime: 1, total: 2 }]);
    const d = await count(officeD, '2024-06-01');
    expect(d.levels.map((l) => l.name)).toEqual(['测试区', '一镇', '二镇']);
    expect(d.levels.find((l) => l.townshipId === w.T2.id)).toMatchObject({ fullTime: 1, partTime: 1, total: 2 });
    expect(d.total).toBe(d.levels.reduce((s, l) => s + l.total, 0));
    expect((await count(officeX, '2024-06-01')).levels.map((l) => l.name)).toEqual(['邻区', '邻镇']);
    expect((await count(officeX, '2024-06-01')).total).toBe(0);
    const badDay = await fresh.get('/api/inspector-roster/count?on=2024-13-01');
    expect(badDay.statusCode).toBe(400);
  });
});
