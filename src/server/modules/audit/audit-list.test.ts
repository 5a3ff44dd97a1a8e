// The audit log as staff read it: each entry names its record by number or name, the ids in its
// fields come with their names, and the search finds records by number or name, actions and kinds
// of record by their Chinese names, and actors by name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAuditEntry, TAuditListResponse } from '../../../contract/audit.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import {
  type EnterpriseRow, type SectorRow, type UnitRow, buildDistrict, buildEnterprise, buildSector, buildTownship, buildUser, buildVillage,
} from '../../test/factories.ts';
import { reportHazard } from '../../test/hazards.ts';
import { type Session, loginAs } from '../../test/http.ts';

let t: TestApp;
let township: UnitRow;
let village: UnitRow;
let sector: SectorRow;
let office: Session;
let admin: Session;
let enterpriseId: string;
let hazardNumber: string;
let newUserId: string;
let found: EnterpriseRow;

beforeAll(async () => {
  t = await createTestApp();
  const district = await buildDistrict(t.db, { name: '审计测试区' });
  township = await buildTownship(t.db, { district, name: '审计测试镇' });
  village = await buildVillage(t.db, { township, name: '明月测试村' });
  sector = await buildSector(t.db, { district, name: '工贸测试' });
  const o = await buildUser(t.db, { role: 'office', unit: township, displayName: '王安委' });
  office = await loginAs(t.app, o.username, o.password);
  const a = await buildUser(t.db, { role: 'admin', unit: district, displayName: '赵管理' });
  admin = await loginAs(t.app, a.username, a.password);
  const v = await buildUser(t.db, { role: 'village', unit: village, displayName: '李网格' });
  const villageSession = await loginAs(t.app, v.username, v.password);

  const created = await office.request('POST', '/api/enterprises', {
    name: '审计名称测试化工有限公司', uscc: '91350100M000100Y43', kind: 'company', address: '一村1号', villageId: village.id,
    sectorIds: [sector.id], principalName: '李四', principalPhone: '13900000000',
  });
  expect(created.statusCode, created.body).toBe(200);
  enterpriseId = created.json().id;
  const voided = await office.request('POST', `/api/enterprises/${enterpriseId}/void`, { version: created.json().version, reason: '重复登记' });
  expect(voided.statusCode, voided.body).toBe(200);

  found = await buildEnterprise(t.db, { village, sectorIds: [sector.id], name: '隐患所在五金厂' });
  hazardNumber = (await reportHazard(villageSession, t.clock.now(), { enterpriseId: found.id, sectorId: sector.id })).number;

  const user = await admin.request('POST', '/api/users', {
    username: `shenji${Date.now().toString(36)}`, displayName: '孙审计', role: 'village', unitId: village.id, password: 'Start@2024x',
  });
  expect(user.statusCode, user.body).toBe(200);
  newUserId = user.json().id;
});
afterAll(() => t?.close());

const list = async (query = '') => {
  const res = await admin.get(`/api/audit?pageSize=100${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TAuditListResponse;
};
const entry = (page: TAuditListResponse, action: string, entityId?: string) =>
  page.items.find((e: TAuditEntry) => e.action === action && (!entityId || e.entityId === entityId))!;

describe('GET /api/audit names records', () => {
  it('names each entry’s record by its number or name instead of its id', async () => {
    const page = await list();
    expect(entry(page, 'enterprise.create').entityName).toBe('审计名称测试化工有限公司');
    expect(entry(page, 'enterprise.void').entityName).toBe('审计名称测试化工有限公司');
    expect(entry(page, 'hazard.create').entityName).toBe(`${hazardNumber}（配电箱未上锁，电线裸露）`);
    expect(entry(page, 'user.create', newUserId).entityName).toBe('孙审计（明月测试村）');
    expect(entry(page, 'auth.login').entityName).toMatch(/^(王安委（审计测试镇）|赵管理（审计测试区）|李网格（明月测试村）)$/);
  });

  it('names the records the entry’s fields mention by id', async () => {
    const page = await list();
    const after = entry(page, 'enterprise.create').after as { villageId: string; sectorIds: string[]; townshipId: string };
    expect(page.refs[after.villageId]).toBe('明月测试村');
    expect(page.refs[after.townshipId]).toBe('审计测试镇');
    expect(page.refs[after.sectorIds[0]!]).toBe('工贸测试');
    const hazard = entry(page, 'hazard.create').after as { enterpriseId: string };
    expect(page.refs[hazard.enterpriseId]).toBe('隐患所在五金厂');
  });

  it('leaves what is hashed as it was recorded', async () => {
    const after = entry(await list(), 'enterprise.create').after as { villageId: string };
    expect(after.villageId).toBe(village.id);
  });
});

describe('GET /api/audit search', () => {
  const actionsFor = async (q: string) => (await list(`&q=${encodeURIComponent(q)}`)).items.map((e) => e.action);

  it('finds a record’s entries by its number', async () => {
    expect(await actionsFor(hazardNumber)).toEqual(['hazard.create']);
    expect(await actionsFor(hazardNumber.slice(-6))).toEqual(['hazard.create']);
  });

  it('finds a record’s entries by its name, or part of it', async () => {
    expect(await actionsFor('审计名称测试化工')).toEqual(['enterprise.void', 'enterprise.create']);
    expect(await actionsFor('孙审计')).toEqual(['user.create']);
    expect(await actionsFor('shenji')).toEqual(['user.create']); // an account by its username too
  });

  it('finds entries by the Chinese name of the action or of the kind of record', async () => {
    expect(await actionsFor('作废单位')).toEqual(['enterprise.void']);
    expect(await actionsFor('报告隐患')).toEqual(['hazard.create']);
    expect(new Set(await actionsFor('生产经营单位'))).toEqual(new Set(['enterprise.create', 'enterprise.void']));
  });

  it('finds entries by who acted', async () => {
    const actions = await actionsFor('王安委');
    expect(actions).toEqual(expect.arrayContaining(['enterprise.create', 'enterprise.void', 'auth.login']));
    expect(actions).not.toContain('hazard.create');
  });

  it('takes LIKE wildcards literally and finds nothing for an unknown text', async () => {
    expect(await actionsFor('%')).toEqual([]);
    expect(await actionsFor('不存在的名称')).toEqual([]);
  });

  it('does not find another district’s records by name', async () => {
    const other = await buildDistrict(t.db, { name: '外区' });
    const stranger = await buildUser(t.db, { role: 'admin', unit: other });
    const s = await loginAs(t.app, stranger.username, stranger.password);
    const body = (await s.get(`/api/audit?q=${encodeURIComponent('审计名称测试化工')}`)).json() as TAuditListResponse;
    expect(body.total).toBe(0);
  });

  it('keeps the action prefix filter', async () => {
    expect((await list('&action=enterprise.')).items.map((e) => e.action)).toEqual(['enterprise.void', 'enterprise.create']);
  });
});
