// Regions, departments, sectors and accounts: admin-only writes, all inside the admin's district.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import {
  type SectorRow, type UnitRow, buildDepartment, buildDistrict, buildEnterprise, buildSector, buildTownship, buildUser, buildVillage,
} from '../../test/factories.ts';
import { type Session, attemptLogin, errorOf, loginAs } from '../../test/http.ts';

let t: TestApp;
let district: UnitRow;
let township: UnitRow;
let village: UnitRow;
let sector: SectorRow;
let otherDistrict: UnitRow;
let admin: Session;
let office: Session;

beforeAll(async () => {
  t = await createTestApp();
  district = await buildDistrict(t.db, { name: '崇明测试区' });
  township = await buildTownship(t.db, { district, name: '大盛测试镇' });
  village = await buildVillage(t.db, { township, name: '石龙村' });
  sector = await buildSector(t.db, { district, name: '工贸' });
  otherDistrict = await buildDistrict(t.db, { name: '外区' });
  await buildTownship(t.db, { district: otherDistrict, name: '外镇' });
  const a = await buildUser(t.db, { role: 'admin', unit: district });
  admin = await loginAs(t.app, a.username, a.password);
  const o = await buildUser(t.db, { role: 'office', unit: township });
  office = await loginAs(t.app, o.username, o.password);
});
afterAll(() => t?.close());

describe('units', () => {
  it('lists the units of the own district only, to any signed-in user', async () => {
    const res = await office.get('/api/units');
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((u: { name: string }) => u.name);
    expect(names).toEqual(expect.arrayContaining(['崇明测试区', '大盛测试镇', '石龙村']));
    expect(names).not.toContain('外区');
    expect(names).not.toContain('外镇');
    const villages = (await office.get('/api/units?kind=village')).json().items;
    expect(villages.map((u: { name: string }) => u.name)).toEqual(['石龙村']);
    expect(villages[0]).toMatchObject({ parentId: township.id, parentName: '大盛测试镇' });
  });

  it('lets the admin add a village under a township and a department with sectors', async () => {
    const v = await admin.request('POST', '/api/units', { kind: 'village', name: '新建村', parentId: township.id });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json()).toMatchObject({ kind: 'village', parentId: township.id, districtId: district.id, version: 1 });
    const d = await admin.request('POST', '/api/units', { kind: 'department', name: '安监站', parentId: township.id, sectorIds: [sector.id] });
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json().sectorIds).toEqual([sector.id]);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, d.json().id));
    expect(audits.map((a) => a.action)).toEqual(['unit.create']);
  });

  it.each([
    ['a village under the district', { kind: 'village', parentId: 'DISTRICT' }],
    ['a township under a village', { kind: 'township', parentId: 'VILLAGE' }],
    ['a department under a village', { kind: 'department', parentId: 'VILLAGE' }],
  ])('refuses %s', async (_n, body) => {
    const parentId = body.parentId === 'DISTRICT' ? district.id : village.id;
    const res = await admin.request('POST', '/api/units', { ...body, name: '错位单位', parentId });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toHaveProperty('parentId');
  });

  it('refuses a duplicate name under the same parent', async () => {
    const res = await admin.request('POST', '/api/units', { kind: 'village', name: '石龙村', parentId: township.id });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toEqual({ name: ['同一上级下已有同名单位'] });
  });

  it('refuses a parent in another district as if it did not exist', async () => {
    const res = await admin.request('POST', '/api/units', { kind: 'township', name: '越界镇', parentId: otherDistrict.id });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toEqual({ parentId: ['上级单位不存在'] });
  });

  it('renames with optimistic locking', async () => {
    const v = (await admin.request('POST', '/api/units', { kind: 'village', name: '改名村', parentId: township.id })).json();
    const ok = await admin.request('PATCH', `/api/units/${v.id}`, { version: 1, name: '已改名村' });
    expect(ok.json()).toMatchObject({ name: '已改名村', version: 2 });
    const stale = await admin.request('PATCH', `/api/units/${v.id}`, { version: 1, name: '又改名村' });
    expect(stale.statusCode).toBe(409);
  });

  it.each(['office', 'leader', 'department', 'village'] as const)('is read-only for %s', async (role) => {
    const unit =
      role === 'village' ? village : role === 'department' ? await buildDepartment(t.db, { parent: township, sectorIds: [sector.id] }) : township;
    const u = await buildUser(t.db, { role, unit });
    const s = await loginAs(t.app, u.username, u.password);
    expect((await s.get('/api/units')).statusCode).toBe(200);
    const res = await s.request('POST', '/api/units', { kind: 'village', name: '不许建', parentId: township.id });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
  });
});

describe('sectors', () => {
  it('lists and adds sectors; names are unique per district', async () => {
    const created = await admin.request('POST', '/api/sectors', { name: '燃气' });
    expect(created.statusCode).toBe(200);
    const list = (await office.get('/api/sectors')).json().items.map((s: { name: string }) => s.name);
    expect(list).toEqual(expect.arrayContaining(['工贸', '燃气']));
    const dup = await admin.request('POST', '/api/sectors', { name: '燃气' });
    expect(dup.statusCode).toBe(400);
    expect(errorOf(dup).fieldErrors).toEqual({ name: ['已有同名行业领域'] });
  });

  it('hides deactivated sectors unless asked', async () => {
    const s = (await admin.request('POST', '/api/sectors', { name: '渔业船舶' })).json();
    await admin.request('PATCH', `/api/sectors/${s.id}`, { version: 1, active: false });
    const active = (await office.get('/api/sectors')).json().items.map((x: { name: string }) => x.name);
    expect(active).not.toContain('渔业船舶');
    const all = (await office.get('/api/sectors?includeInactive=true')).json().items.map((x: { name: string }) => x.name);
    expect(all).toContain('渔业船舶');
  });
});

describe('users', () => {
  const newUser = (o: Record<string, unknown> = {}) => ({
    username: `u${Math.random().toString(36).slice(2, 9)}`, displayName: '新用户', role: 'village', unitId: village.id, password: 'Start@2024x', ...o,
  });

  it('creates an account whose password must be changed at first sign-in', async () => {
    const body = newUser();
    const res = await admin.request('POST', '/api/users', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ username: body.username, role: 'village', unitName: '石龙村', mustChangePassword: true, active: true });
    expect(JSON.stringify(res.json())).not.toContain('argon2');
    const s = await loginAs(t.app, body.username, body.password);
    expect(s.me.mustChangePassword).toBe(true);
    expect((await s.get('/api/enterprises')).statusCode).toBe(403);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, res.json().id));
    expect(JSON.stringify(audit)).not.toContain('argon2');
  });

  it('enforces the password policy on create', async () => {
    const res = await admin.request('POST', '/api/users', newUser({ password: 'password' }));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toHaveProperty('password');
  });

  it('refuses a username in use, in any case', async () => {
    const body = newUser();
    await admin.request('POST', '/api/users', body);
    const res = await admin.request('POST', '/api/users', newUser({ username: body.username.toUpperCase() }));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toEqual({ username: ['用户名已被使用'] });
  });

  it.each([
    ['a village account on a township', { role: 'village', unitId: 'TOWNSHIP' }, 'unitId'],
    ['an office account on a village', { role: 'office', unitId: 'VILLAGE' }, 'unitId'],
    ['an enterprise account without an enterprise', { role: 'enterprise', unitId: 'VILLAGE' }, 'enterpriseId'],
    ['a village account bound to an enterprise', { role: 'village', unitId: 'VILLAGE', enterpriseId: 'ENTERPRISE' }, 'enterpriseId'],
  ])('refuses %s', async (_n, o, field) => {
    const e = await buildEnterprise(t.db, { village, sectorIds: [sector.id] });
    const unitId = o.unitId === 'TOWNSHIP' ? township.id : village.id;
    const enterpriseId = 'enterpriseId' in o ? e.id : undefined;
    const res = await admin.request('POST', '/api/users', newUser({ ...o, unitId, enterpriseId }));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toHaveProperty(field);
  });

  it('binds an enterprise account to an enterprise of its village', async () => {
    const e = await buildEnterprise(t.db, { village, sectorIds: [sector.id] });
    const res = await admin.request('POST', '/api/users', newUser({ role: 'enterprise', enterpriseId: e.id }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ enterpriseId: e.id, enterpriseName: e.name });
  });

  it('lists only the own district’s users, to the admin only', async () => {
    const stranger = await buildUser(t.db, { role: 'office', unit: otherDistrict });
    const list = (await admin.get('/api/users?pageSize=100')).json();
    expect(list.items.map((u: { id: string }) => u.id)).not.toContain(stranger.id);
    expect(list.total).toBeGreaterThan(0);
    expect((await office.get('/api/users')).statusCode).toBe(403);
    const reset = await admin.request('POST', `/api/users/${stranger.id}/reset-password`, { newPassword: 'Reset@2024x' });
    expect(reset.statusCode).toBe(404);
  });

  it('admin reset: old sessions end, the new password works once, then must be changed', async () => {
    const u = await buildUser(t.db, { role: 'village', unit: village });
    const before = await loginAs(t.app, u.username, u.password);
    const res = await admin.request('POST', `/api/users/${u.id}/reset-password`, { newPassword: 'Reset@2024x' });
    expect(res.statusCode).toBe(200);
    expect((await before.get('/api/auth/me')).statusCode).toBe(401);
    expect((await attemptLogin(t.app, u.username, u.password)).statusCode).toBe(401);

    const s = await loginAs(t.app, u.username, 'Reset@2024x');
    expect(s.me.mustChangePassword).toBe(true);
    for (const url of ['/api/enterprises', '/api/units', '/api/sectors']) {
      const r = await s.get(url);
      expect(r.statusCode, url).toBe(403);
      expect(errorOf(r).code).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    expect((await s.request('POST', '/api/auth/password', { currentPassword: 'Reset@2024x', newPassword: 'Mine@2024xy' })).statusCode).toBe(200);
    expect((await s.get('/api/enterprises')).statusCode).toBe(200);
  });

  it('admin reset enforces the password policy', async () => {
    const u = await buildUser(t.db, { role: 'village', unit: village });
    const res = await admin.request('POST', `/api/users/${u.id}/reset-password`, { newPassword: 'short' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toHaveProperty('newPassword');
  });

  it('admin unlock lets a locked-out user in at once', async () => {
    const u = await buildUser(t.db, { role: 'village', unit: village });
    for (let i = 0; i < 5; i++) await attemptLogin(t.app, u.username, 'Wrong@2024pw');
    expect((await attemptLogin(t.app, u.username, u.password)).statusCode).toBe(423);
    const listed = (await admin.get(`/api/users?q=${u.username}`)).json().items[0];
    expect(listed.lockedAddresses).toBe(1);
    expect((await admin.request('POST', `/api/users/${u.id}/unlock`)).statusCode).toBe(200);
    expect((await admin.get(`/api/users?q=${u.username}`)).json().items[0].lockedAddresses).toBe(0);
    expect((await attemptLogin(t.app, u.username, u.password)).statusCode).toBe(200);
  });

  it('deactivating a user ends their sessions and refuses sign-in', async () => {
    const u = await buildUser(t.db, { role: 'village', unit: village });
    const s = await loginAs(t.app, u.username, u.password);
    const res = await admin.request('PATCH', `/api/users/${u.id}`, { version: 1, active: false });
    expect(res.statusCode, res.body).toBe(200);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    expect((await attemptLogin(t.app, u.username, u.password)).statusCode).toBe(401);
  });

  it('an admin cannot deactivate or demote themself', async () => {
    const me = admin.me;
    const current = (await admin.get(`/api/users?q=${me.username}`)).json().items[0];
    const res = await admin.request('PATCH', `/api/users/${me.id}`, { version: current.version, active: false });
    expect(res.statusCode).toBe(403);
    const demote = await admin.request('PATCH', `/api/users/${me.id}`, { version: current.version, role: 'office' });
    expect(demote.statusCode).toBe(403);
  });
});

describe('a township admin', () => {
  let townAdmin: Session;
  let otherTown: UnitRow;
  let otherVillage: UnitRow;
  let otherUserId: string;
  let ownUserId: string;

  beforeAll(async () => {
    const a = await buildUser(t.db, { role: 'admin', unit: township });
    townAdmin = await loginAs(t.app, a.username, a.password);
    otherTown = await buildTownship(t.db, { district, name: '邻镇' });
    otherVillage = await buildVillage(t.db, { township: otherTown, name: '邻镇村' });
    otherUserId = (await buildUser(t.db, { role: 'village', unit: otherVillage })).id;
    ownUserId = (await buildUser(t.db, { role: 'village', unit: village })).id;
  });

  it('adds villages and departments to its own township only', async () => {
    expect((await townAdmin.request('POST', '/api/units', { kind: 'village', name: '本镇新村', parentId: township.id })).statusCode).toBe(200);
    const other = await townAdmin.request('POST', '/api/units', { kind: 'village', name: '越权村', parentId: otherTown.id });
    expect(other.statusCode).toBe(400);
    expect(errorOf(other).fieldErrors).toEqual({ parentId: ['上级单位不在您的管理范围内'] });
    const town = await townAdmin.request('POST', '/api/units', { kind: 'township', name: '越权镇', parentId: district.id });
    expect(town.statusCode).toBe(400);
  });

  it('cannot edit another township’s units (404)', async () => {
    const res = await townAdmin.request('PATCH', `/api/units/${otherVillage.id}`, { name: '改名', version: otherVillage.version });
    expect(res.statusCode).toBe(404);
  });

  it('sees and manages only its township’s users', async () => {
    const ids = (await townAdmin.get('/api/users?pageSize=100')).json().items.map((u: { id: string }) => u.id);
    expect(ids).toContain(ownUserId);
    expect(ids).not.toContain(otherUserId);
    expect((await townAdmin.request('POST', `/api/users/${otherUserId}/unlock`)).statusCode).toBe(404);
    expect((await townAdmin.request('POST', `/api/users/${otherUserId}/reset-password`, { newPassword: 'Temp@2024pw' })).statusCode).toBe(404);
    const create = await townAdmin.request('POST', '/api/users', {
      username: `dist_office_${Date.now()}`, displayName: '越权', role: 'office', unitId: district.id, password: 'Temp@2024pw',
    });
    expect(create.statusCode).toBe(400);
    expect(errorOf(create).fieldErrors).toEqual({ unitId: ['所属单位不在您的管理范围内'] });
  });

  it('cannot change the district-wide sector list', async () => {
    const res = await townAdmin.request('POST', '/api/sectors', { name: '越权行业' });
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).message).toBe('行业领域为全区统一配置，请联系区级管理员');
  });
});

describe('hazard number prefix', () => {
  it('is set on the district only', async () => {
    const units = (await admin.get('/api/units?kind=district')).json().items;
    const d = units.find((u: { id: string }) => u.id === district.id);
    const ok = await admin.request('PATCH', `/api/units/${district.id}`, { code: 'CM', version: d.version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().code).toBe('CM');
    const bad = await admin.request('PATCH', `/api/units/${village.id}`, { code: 'XX', version: 1 });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fieldErrors).toEqual({ code: ['只有区/县设置隐患编号前缀'] });
    const lower = await admin.request('PATCH', `/api/units/${district.id}`, { code: 'cm1', version: ok.json().version });
    expect(errorOf(lower).fieldErrors?.code).toEqual(['编号前缀为1-6位大写字母']);
  });
});
