// The enterprise registry through the API: create, read, edit with optimistic locking, void, list.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, enterprises } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import {
  type SectorRow, type UnitRow, buildDistrict, buildEnterprise, buildSector, buildTownship, buildUser, buildVillage, randomUscc,
} from '../../test/factories.ts';
import { type Session, abilitiesOf, errorOf, loginAs } from '../../test/http.ts';

let t: TestApp;
let district: UnitRow;
let township: UnitRow;
let village: UnitRow;
let village2: UnitRow;
let chem: SectorRow;
let fire: SectorRow;
let s: Session;

beforeAll(async () => {
  t = await createTestApp();
  district = await buildDistrict(t.db);
  township = await buildTownship(t.db, { district });
  village = await buildVillage(t.db, { township, name: '东风村' });
  village2 = await buildVillage(t.db, { township, name: '红旗村' });
  chem = await buildSector(t.db, { district, name: '危险化学品' });
  fire = await buildSector(t.db, { district, name: '消防' });
  const office = await buildUser(t.db, { role: 'office', unit: township });
  s = await loginAs(t.app, office.username, office.password);
});
afterAll(() => t?.close());

const input = (o: Record<string, unknown> = {}) => ({
  name: `东风化工${Math.random().toString(36).slice(2, 7)}有限公司`,
  uscc: randomUscc(),
  kind: 'company',
  address: '东风村工业园1号',
  villageId: village.id,
  sectorIds: [chem.id],
  employeeCount: 25,
  principalName: '张三',
  principalPhone: '13800000001',
  ...o,
});

async function create(o: Record<string, unknown> = {}) {
  const res = await s.request('POST', '/api/enterprises', input(o));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('create', () => {
  it('registers an enterprise and presents it with names, derived flags and allowed actions', async () => {
    const e = await create({ uscc: ' 91350100m000100y43 ' });
    expect(e).toMatchObject({
      uscc: '91350100M000100Y43', villageId: village.id, villageName: '东风村', townshipId: township.id, districtId: district.id,
      sectorNames: ['危险化学品'], isSmall: true, riskGrade: null, isKey: false, status: 'operating', version: 1,
      voidedAt: null, safetyManagerPhone: null, allowedActions: ['edit', 'void', 'report_hazard', 'start_inspection', 'open_case'],
    });
    const got = await s.get(`/api/enterprises/${e.id}`);
    expect(got.json()).toEqual(e);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, e.id));
    expect(audit).toMatchObject({ action: 'enterprise.create', entityType: 'enterprise' });
  });

  it.each([
    [{ uscc: '91350100M000100Y44' }, 'uscc', '统一社会信用代码校验位错误'],
    [{ uscc: '91350100M000100Y4' }, 'uscc', '统一社会信用代码应为18位'],
    [{ uscc: '91350100S000100Y43' }, 'uscc', '统一社会信用代码含非法字符（不使用 I、O、S、V、Z）'],
    [{ uscc: null }, 'uscc', '企业须填写统一社会信用代码'],
    [{ name: '' }, 'name', '请输入单位名称'],
    [{ principalPhone: '1380000' }, 'principalPhone', '电话格式不正确（手机号11位，或区号-座机号）'],
    [{ sectorIds: [] }, 'sectorIds', '请至少选择一个行业领域'],
    [{ kind: 'small_venue', uscc: null }, 'venueType', '九小场所须选择场所类型'],
  ])('rejects %o with a Chinese field error', async (patch, field, message) => {
    const res = await s.request('POST', '/api/enterprises', input(patch));
    expect(res.statusCode).toBe(400);
    const err = errorOf(res);
    expect(err.code).toBe('VALIDATION');
    expect(err.fieldErrors?.[field]).toContain(message);
  });

  it('rejects an unknown village or sector', async () => {
    const v = await s.request('POST', '/api/enterprises', input({ villageId: township.id }));
    expect(errorOf(v).fieldErrors).toEqual({ villageId: ['所在村/社区不存在'] });
    const sec = await s.request('POST', '/api/enterprises', input({ sectorIds: ['00000000-0000-4000-8000-000000000001'] }));
    expect(errorOf(sec).fieldErrors).toEqual({ sectorIds: ['行业领域不存在'] });
  });

  it('refuses a USCC that is already registered, and frees it when that record is voided', async () => {
    const uscc = randomUscc();
    const first = await create({ uscc });
    const dup = await s.request('POST', '/api/enterprises', input({ uscc }));
    expect(dup.statusCode).toBe(400);
    expect(errorOf(dup).fieldErrors).toEqual({ uscc: ['该统一社会信用代码已登记'] });
    const voided = await s.request('POST', `/api/enterprises/${first.id}/void`, { version: first.version, reason: '重复登记' });
    expect(voided.statusCode).toBe(200);
    await create({ uscc });
  });

  it('lets sole traders and small venues go without a USCC', async () => {
    await create({ kind: 'sole_trader', uscc: null });
    const venue = await create({ kind: 'small_venue', venueType: 'restaurant', uscc: '' });
    expect(venue).toMatchObject({ uscc: null, venueType: 'restaurant' });
  });
});

describe('update', () => {
  it('changes fields, bumps the version and records before/after', async () => {
    const e = await create();
    const res = await s.request('PATCH', `/api/enterprises/${e.id}`, { version: 1, employeeCount: 45, riskGrade: 'orange', sectorIds: [chem.id, fire.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, employeeCount: 45, isSmall: false, riskGrade: 'orange', sectorNames: ['危险化学品', '消防'] });
    const rows = await t.db.select().from(auditLog).where(eq(auditLog.entityId, e.id)).orderBy(auditLog.seq);
    expect(rows.at(-1)).toMatchObject({ action: 'enterprise.update', before: expect.objectContaining({ employeeCount: 25 }), after: expect.objectContaining({ employeeCount: 45 }) });
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const e = await create();
    expect((await s.request('PATCH', `/api/enterprises/${e.id}`, { version: 1, address: '第一次' })).statusCode).toBe(200);
    const stale = await s.request('PATCH', `/api/enterprises/${e.id}`, { version: 1, address: '第二次' });
    expect(stale.statusCode).toBe(409);
    expect(errorOf(stale).code).toBe('CONFLICT');
    expect((await s.get(`/api/enterprises/${e.id}`)).json().address).toBe('第一次');
  });

  it('validates the merged record (e.g. a company cannot drop its USCC)', async () => {
    const e = await create();
    const res = await s.request('PATCH', `/api/enterprises/${e.id}`, { version: 1, uscc: null });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toHaveProperty('uscc');
  });

  it('moves an enterprise to another village of the township', async () => {
    const e = await create();
    const res = await s.request('PATCH', `/api/enterprises/${e.id}`, { version: 1, villageId: village2.id });
    expect(res.json()).toMatchObject({ villageId: village2.id, villageName: '红旗村' });
  });

  it('answers 404 for an id that does not exist', async () => {
    const res = await s.request('PATCH', '/api/enterprises/00000000-0000-4000-8000-000000000009', { version: 1, address: 'x' });
    expect(res.statusCode).toBe(404);
  });
});

describe('void', () => {
  it('needs a reason of at least two characters', async () => {
    const e = await create();
    const res = await s.request('POST', `/api/enterprises/${e.id}/void`, { version: 1, reason: '错' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toEqual({ reason: ['请填写作废原因（至少2个字）'] });
  });

  it('keeps the record, hides it from the default list, and freezes it', async () => {
    const e = await create();
    const res = await s.request('POST', `/api/enterprises/${e.id}/void`, { version: 1, reason: '已注销' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ voidReason: '已注销', allowedActions: [], version: 2 });
    expect(res.json().voidedAt).toBe(t.clock.now().toISOString());

    const list = (await s.get(`/api/enterprises?q=${encodeURIComponent(e.name)}`)).json();
    expect(list.total).toBe(0);
    const withVoided = (await s.get(`/api/enterprises?includeVoided=true&q=${encodeURIComponent(e.name)}`)).json();
    expect(withVoided.items.map((i: { id: string }) => i.id)).toEqual([e.id]);

    const edit = await s.request('PATCH', `/api/enterprises/${e.id}`, { version: 2, address: '再改' });
    expect(edit.statusCode).toBe(409);
    const again = await s.request('POST', `/api/enterprises/${e.id}/void`, { version: 2, reason: '再作废' });
    expect(again.statusCode).toBe(409);
    const [row] = await t.db.select().from(enterprises).where(eq(enterprises.id, e.id));
    expect(row).toBeDefined(); // never hard-deleted
  });
});

describe('list', () => {
  let tag: string;
  beforeAll(async () => {
    tag = `列表${Math.random().toString(36).slice(2, 6)}`;
    for (let i = 0; i < 7; i++) {
      await buildEnterprise(t.db, {
        village: i < 4 ? village : village2, sectorIds: [i % 2 ? fire.id : chem.id], name: `${tag}${i}号厂`,
        employeeCount: i * 10, riskGrade: (['red', 'orange', 'yellow', 'blue'] as const)[i % 4], isKey: i === 3,
        principalName: i === 5 ? `${tag}负责人` : '李四',
      });
    }
  });
  const names = async (query: string) => {
    const res = await s.get(`/api/enterprises?pageSize=100&q=${encodeURIComponent(tag)}&${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { name: string }[]).map((e) => e.name.replace(tag, ''));
  };

  it('searches by name and principal', async () => {
    expect((await names('sort=name&order=asc'))).toEqual(['0号厂', '1号厂', '2号厂', '3号厂', '4号厂', '5号厂', '6号厂']);
  });

  it.each([
    [`villageId=VILLAGE2`, ['4号厂', '5号厂', '6号厂']],
    ['sectorId=FIRE', ['1号厂', '3号厂', '5号厂']],
    ['riskGrade=red', ['0号厂', '4号厂']],
    ['isKey=true', ['3号厂']],
    ['isSmall=true', ['0号厂', '1号厂', '2号厂']],
    ['isSmall=false', ['3号厂', '4号厂', '5号厂', '6号厂']],
  ])('filters by %s', async (query, expected) => {
    const q = query.replace('VILLAGE2', village2.id).replace('FIRE', fire.id);
    expect((await names(`${q}&sort=name&order=asc`))).toEqual(expected);
  });

  it('sorts by employee count and risk grade', async () => {
    expect(await names('sort=employeeCount&order=desc')).toEqual(['6号厂', '5号厂', '4号厂', '3号厂', '2号厂', '1号厂', '0号厂']);
    expect((await names('sort=riskGrade&order=desc')).slice(0, 2).sort()).toEqual(['0号厂', '4号厂']);
  });

  it('paginates with a total', async () => {
    const res = (await s.get(`/api/enterprises?q=${encodeURIComponent(tag)}&sort=name&order=asc&page=2&pageSize=3`)).json();
    expect(res).toMatchObject({ total: 7, page: 2, pageSize: 3 });
    expect(await abilitiesOf(s)).toContain('create:enterprise');
    expect(res.items.map((e: { name: string }) => e.name.replace(tag, ''))).toEqual(['3号厂', '4号厂', '5号厂']);
  });

  it('treats % and _ in the search as plain text', async () => {
    for (const q of ['%', '_', '%厂']) {
      const res = (await s.get(`/api/enterprises?q=${encodeURIComponent(q)}`)).json();
      expect(res.total, q).toBe(0);
    }
  });

  it('rejects a page size over 100', async () => {
    expect((await s.get('/api/enterprises?pageSize=1000')).statusCode).toBe(400);
  });
});
