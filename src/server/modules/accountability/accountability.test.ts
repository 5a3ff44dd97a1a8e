// Accountability records through the HTTP API on a real database: roles (the office writes,
// leaders read, everyone else 403), the region's scope, targets that are officials or units of
// the region and never enterprises, the linked hazard, edits with optimistic locking, the list
// and the export.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAccountabilityDetail, TAccountabilityListResponse } from '../../../contract/accountability.ts';
import { auditLog } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type BuiltUser, TEST_PASSWORD, buildUser } from '../../test/factories.ts';
import { reportHazard } from '../../test/hazards.ts';
import { type Session, XLSX_MIME, abilitiesOf, errorOf, loginAs } from '../../test/http.ts';
import { type World, buildWorld } from '../../test/world.ts';
import { readXlsx } from '../../test/xlsx.ts';
import { ENTERPRISE_TARGET_MESSAGE } from './accountability.service.ts';

let t: TestApp;
let w: World;
let office: Session; // 安委办 of 一镇
let officeT2: Session; // 安委办 of 二镇
let leaderT1: Session;
let admin: Session; // the district's admin
let dept: Session;
let village: Session;
let enterprise: Session;
let group: Session;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const login = (u: BuiltUser) => loginAs(t.app, u.username, u.password);
  office = await login(w.users.officeT1);
  officeT2 = await login(await buildUser(t.db, { role: 'office', unit: w.T2 }));
  leaderT1 = await login(await buildUser(t.db, { role: 'leader', unit: w.T1 }));
  admin = await login(w.users.adminD);
  dept = await login(w.users.deptChemT1);
  village = await login(w.users.villageV1a);
  enterprise = await login(w.users.enterpriseB);
  group = await login(w.users.groupMember);
});
afterAll(() => t?.close());

const person = (o: Record<string, unknown> = {}) => ({
  kind: 'accountability', targetType: 'person', targetName: '王某某', position: '安全管理办公室主任', targetUnitId: w.depChemT1.id,
  measure: '诫勉谈话', reason: '重大事故隐患排查整治工作不力', decidedOn: '2024-06-01', decidedBy: '一镇纪委', documentNo: '一纪〔2024〕3号', ...o,
});
const unit = (o: Record<string, unknown> = {}) => ({
  kind: 'interview_notice', targetType: 'unit', targetUnitId: w.V1a.id, measure: '约谈', reason: '辖区隐患整改逾期', decidedOn: '2024-06-02',
  decidedBy: '一镇安委会', ...o,
});
async function createOk(s: Session, body: Record<string, unknown>): Promise<TAccountabilityDetail> {
  const res = await s.request('POST', '/api/accountability', body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TAccountabilityDetail;
}
async function list(s: Session, query = ''): Promise<TAccountabilityListResponse> {
  const res = await s.get(`/api/accountability?pageSize=100${query ? `&${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TAccountabilityListResponse;
}

describe('accountability records', () => {
  it('the office records 追责问责 of an official and 约谈通报 of a unit of its township, with audit rows', async () => {
    const p = await createOk(office, person());
    expect(p).toMatchObject({
      kind: 'accountability', targetType: 'person', targetName: '王某某', position: '安全管理办公室主任', targetUnitId: w.depChemT1.id,
      targetUnitName: '应急站', measure: '诫勉谈话', decidedOn: '2024-06-01', decidedBy: '一镇纪委', documentNo: '一纪〔2024〕3号', version: 1, allowedActions: ['edit'],
    });
    const u = await createOk(office, unit());
    expect(u).toMatchObject({ targetType: 'unit', targetName: '一村', targetUnitId: w.V1a.id, position: null });
    const named = await createOk(office, unit({ targetUnitId: null, targetName: '区交通运输委员会' }));
    expect(named).toMatchObject({ targetName: '区交通运输委员会', targetUnitId: null });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, p.id));
    expect(audit).toMatchObject({ action: 'accountability.create', entityType: 'accountability' });
  });

  it('never targets an enterprise: no such target type, no enterprise as a unit, units only of the region', async () => {
    const type = await office.request('POST', '/api/accountability', unit({ targetType: 'enterprise', targetUnitId: null, targetName: '乙商贸有限公司' }));
    expect(type.statusCode).toBe(400);
    expect(errorOf(type).fieldErrors).toHaveProperty('targetType');
    const byName = await office.request('POST', '/api/accountability', unit({ targetUnitId: null, targetName: '乙商贸有限公司' }));
    expect(errorOf(byName)).toMatchObject({ message: ENTERPRISE_TARGET_MESSAGE, fieldErrors: { targetName: [ENTERPRISE_TARGET_MESSAGE] } });
    const byId = await office.request('POST', '/api/accountability', unit({ targetUnitId: w.enterprises.b.id }));
    expect(errorOf(byId).fieldErrors).toEqual({ targetUnitId: ['只能选择本辖区的部门、村（社区）或镇街'] });
    // another township's village, the district's department, another district's unit
    for (const id of [w.V2.id, w.depBuildD.id, w.XV.id]) {
      const res = await office.request('POST', '/api/accountability', unit({ targetUnitId: id }));
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).fieldErrors).toHaveProperty('targetUnitId');
    }
    // the district's admin may name the district's department
    expect((await createOk(admin, unit({ targetUnitId: w.depBuildD.id }))).targetName).toBe('住建局');
    const nobody = await office.request('POST', '/api/accountability', person({ targetName: '' }));
    expect(errorOf(nobody).fieldErrors).toEqual({ targetName: ['请填写被问责人姓名'] });
    const future = await office.request('POST', '/api/accountability', person({ decidedOn: '2024-06-04' }));
    expect(errorOf(future).fieldErrors).toEqual({ decidedOn: ['决定日期不能晚于今天'] });
  });

  it('links a hazard the caller can see', async () => {
    const h = await reportHazard(village, t.clock.now(), { enterpriseId: w.enterprises.a.id, sectorId: w.chem.id });
    const r = await createOk(office, person({ hazardId: h.id, accident: null }));
    expect(r.hazard).toEqual({ id: h.id, number: h.number });
    const other = await reportHazard(await loginAs(t.app, w.users.villageV2.username, w.users.villageV2.password), t.clock.now(), {
      enterpriseId: w.enterprises.d.id, sectorId: w.chem.id,
    });
    const res = await office.request('POST', '/api/accountability', person({ hazardId: other.id }));
    expect(errorOf(res).fieldErrors).toEqual({ hazardId: ['隐患不存在或不在您的管辖范围内'] });
  });

  it('roles: the office and admins write, leaders read only, everyone else 403', async () => {
    const r = await createOk(office, person());
    for (const s of [dept, village, enterprise, group]) {
      expect((await s.get('/api/accountability')).statusCode).toBe(403);
      expect((await s.get(`/api/accountability/${r.id}`)).statusCode).toBe(403);
      expect((await s.request('POST', '/api/accountability', person())).statusCode).toBe(403);
    }
    const seen = await leaderT1.get(`/api/accountability/${r.id}`);
    expect(seen.statusCode).toBe(200);
    expect((seen.json() as TAccountabilityDetail).allowedActions).toEqual([]);
    expect((await list(leaderT1)).items.map((i) => i.id)).toContain(r.id);
    expect(await abilitiesOf(leaderT1)).not.toContain('edit:accountability');
    expect((await leaderT1.request('POST', '/api/accountability', person())).statusCode).toBe(403);
    expect((await leaderT1.request('PUT', `/api/accountability/${r.id}`, { ...person(), version: 1 })).statusCode).toBe(403);
  });

  it('scope: a township sees its own records, the district all of them; out of scope 404', async () => {
    const r = await createOk(office, person());
    expect((await officeT2.get(`/api/accountability/${r.id}`)).statusCode).toBe(404);
    expect((await list(officeT2)).items.map((i) => i.id)).not.toContain(r.id);
    expect((await admin.get(`/api/accountability/${r.id}`)).statusCode).toBe(200);
    const district = await createOk(admin, person({ targetUnitId: w.depBuildD.id }));
    expect((await office.get(`/api/accountability/${district.id}`)).statusCode).toBe(404);
    expect((await officeT2.request('PUT', `/api/accountability/${r.id}`, { ...person(), version: 1 })).statusCode).toBe(404);
  });

  it('a well-formed but impossible date is a field error in Chinese, not a server error', async () => {
    const create = await office.request('POST', '/api/accountability', person({ decidedOn: '2024-02-30' }));
    expect(create.statusCode).toBe(400);
    expect(errorOf(create).fieldErrors?.decidedOn).toEqual(['日期不存在']);
    const res = await office.get('/api/accountability?from=2024-00-00');
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors?.from).toEqual(['日期不存在']);
  });

  it('edits with the version; a stale version is 409', async () => {
    const r = await createOk(office, person());
    const res = await office.request('PUT', `/api/accountability/${r.id}`, { ...person({ measure: '通报批评' }), version: r.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ measure: '通报批评', version: 2 });
    const stale = await office.request('PUT', `/api/accountability/${r.id}`, { ...person({ measure: '警告' }), version: 1 });
    expect(stale.statusCode).toBe(409);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, r.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['accountability.create', 'accountability.update']);
  });

  it('lists with filters, search, counts per kind, pages, and exports', async () => {
    const fresh = await loginAs(t.app, (await buildUser(t.db, { role: 'office', unit: w.T2 })).username, TEST_PASSWORD);
    await createOk(fresh, person({ targetUnitId: w.V2.id, targetName: '赵某', decidedOn: '2024-05-20', decidedBy: '二镇纪委' }));
    await createOk(fresh, person({ targetUnitId: null, targetName: '钱某', measure: '警告', decidedOn: '2024-05-25', decidedBy: '二镇纪委' }));
    await createOk(fresh, unit({ targetUnitId: w.V2.id, decidedOn: '2024-06-01', decidedBy: '二镇安委会' }));
    const all = await list(fresh);
    expect(all.total).toBeGreaterThanOrEqual(3);
    const mine = await list(fresh, 'from=2024-05-01&to=2024-06-02&q=' + encodeURIComponent('二镇'));
    expect(mine.total).toBe(0); // q searches name, reason, measure and document number, not the decider
    const q = await list(fresh, `q=${encodeURIComponent('钱某')}`);
    expect(q.items.map((i) => i.targetName)).toEqual(['钱某']);
    const persons = await list(fresh, 'targetType=person&from=2024-05-01&to=2024-05-31');
    expect(persons.items.map((i) => i.targetName)).toEqual(['钱某', '赵某']); // newest first
    const kind = await list(fresh, 'kind=interview_notice&from=2024-05-01');
    expect(kind.items.map((i) => i.targetName)).toEqual(['三村']);
    expect(kind.counts).toEqual({ accountability: 2, interviewNotice: 1 });
    const page = await fresh.get('/api/accountability?from=2024-05-01&page=2&pageSize=2');
    expect((page.json() as TAccountabilityListResponse).items).toHaveLength(1);

    const x = await fresh.get('/api/accountability/export?from=2024-05-01');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toBe(XLSX_MIME);
    const book = await readXlsx(x.rawPayload);
    expect(book.rows).toHaveLength(3);
    expect(book.rows.find((r) => r['问责对象'] === '赵某')).toMatchObject({ 类型: '追责问责', 对象类别: '个人', 所在单位: '三村', 问责措施: '诫勉谈话', 决定日期: '2024-05-20' });
    expect((await leaderT1.get('/api/accountability/export')).statusCode).toBe(200);
    expect((await dept.get('/api/accountability/export')).statusCode).toBe(403);
  });
});
