// Checklist templates through the API: an edit publishes the next version and the old one stays
// readable; refusals carry the domain's messages and field paths; managers write, everyone reads;
// districts see only their own; the built-in templates load word for word and only once.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TChecklistContent, TChecklistDetail } from '../../../contract/checklists.ts';
import { TEMPLATE_VERSION_REFUSAL_MESSAGES } from '../../../domain/checklists/checklist.ts';
import { SEED_CHECKLISTS } from '../../../domain/checklists/seed-checklists.ts';
import { auditLog, checklistTemplates, inspections } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { buildDistrict, buildUser } from '../../test/factories.ts';
import { type Session, abilitiesOf, errorOf, loginAs } from '../../test/http.ts';
import { type World, buildWorld } from '../../test/world.ts';
import { currentTemplateVersion, templateVersionById } from './checklists.repository.ts';
import { seedChecklistTemplates } from './checklists.seed.ts';

let t: TestApp;
let w: World;
let office: Session;
let admin: Session;
let dept: Session;
let village: Session;
let enterprise: Session;
let otherOffice: Session;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const login = (u: { username: string; password: string }) => loginAs(t.app, u.username, u.password);
  [office, admin, dept, village, enterprise, otherOffice] = await Promise.all([
    login(w.users.officeT1), login(w.users.adminD), login(w.users.deptChemT1), login(w.users.villageV1a), login(w.users.enterpriseB), login(w.users.officeX),
  ]);
});
afterAll(() => t?.close());

const item = (key: string, content: string, extra: Partial<TChecklistContent['groups'][number]['items'][number]> = {}) => ({
  key, content, requirement: null, howToCheck: '查看现场，查台账', checkMethods: ['records', 'look'] as ('ask' | 'records' | 'look')[],
  responseType: 'conformity' as const, photoRequired: false, unit: null, question: null, finding: null, answerLabels: null, ...extra,
});
const fireCheck = (): TChecklistContent => ({
  code: 'fire-check', name: '消防安全检查表', audience: 'small_venue', source: '测试文件', description: null,
  groups: [
    { title: '一、消防设施', items: [item('extinguisher', '灭火器在有效期内'), item('exits', '安全出口畅通', { photoRequired: true })] },
    { title: '二、人员', items: [item('staff', '员工人数', { responseType: 'number', unit: '人', checkMethods: [], howToCheck: '' })] },
  ],
});

async function create(s: Session, content: TChecklistContent = fireCheck()) {
  const res = await s.request('POST', '/api/checklists', content);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TChecklistDetail;
}

describe('versioning', () => {
  let v1: TChecklistDetail;
  beforeAll(async () => {
    v1 = await create(office);
  });

  it('creates version 1 with its item count', () => {
    expect(v1.currentVersion).toBe(1);
    expect(v1.itemCount).toBe(3);
    expect(v1.current.groups[0]!.items[1]!.photoRequired).toBe(true);
    expect(v1.versions.map((v) => v.version)).toEqual([1]);
    expect(v1.allowedActions).toEqual(['publish', 'retire', 'export']);
  });

  it('refuses a second template with the same code', async () => {
    const res = await office.request('POST', '/api/checklists', fireCheck());
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toEqual({ code: ['检查表编码已存在'] });
  });

  it('publishes an edit as version 2 and keeps version 1 as it was', async () => {
    const edited = fireCheck();
    edited.groups[0]!.items[0]!.content = '灭火器在有效期内，压力正常';
    edited.groups[1]!.items.push(item('training', '员工经过消防培训'));
    const preview = await office.request('POST', `/api/checklists/${v1.id}/versions/preview`, { ...edited, baseVersion: 1 });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ fromVersion: 1, toVersion: 2, infoChanged: [] });
    expect(preview.json().added.map((i: { key: string }) => i.key)).toEqual(['training']);
    expect(preview.json().changed.map((i: { key: string }) => i.key)).toEqual(['extinguisher']);

    const res = await office.request('POST', `/api/checklists/${v1.id}/versions`, { ...edited, baseVersion: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const v2 = res.json() as TChecklistDetail;
    expect(v2.currentVersion).toBe(2);
    expect(v2.itemCount).toBe(4);
    expect(v2.versions.map((v) => v.version)).toEqual([2, 1]);

    const old = (await village.get(`/api/checklists/${v1.id}/versions/1`)).json();
    expect(old.groups[0].items[0].content).toBe('灭火器在有效期内');
    expect(old.groups[1].items).toHaveLength(1);
    const diff = (await village.get(`/api/checklists/${v1.id}/diff?from=1&to=2`)).json();
    expect(diff.changed[0]).toMatchObject({ key: 'extinguisher', before: { content: '灭火器在有效期内' }, after: { content: '灭火器在有效期内，压力正常' } });

    // A stale editor (still on version 1) is told to reload.
    const stale = await office.request('POST', `/api/checklists/${v1.id}/versions`, { ...fireCheck(), name: '另一个名称', baseVersion: 1 });
    expect(stale.statusCode).toBe(409);

    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, v1.id), eq(auditLog.action, 'checklist.publish')));
    expect(audit).toHaveLength(1);
  });

  it('refuses an unchanged edit and a changed code with the domain messages', async () => {
    const cur = (await office.get(`/api/checklists/${v1.id}`)).json() as TChecklistDetail;
    const { templateId, versionId, version, publishedAt, ...content } = cur.current;
    const same = await office.request('POST', `/api/checklists/${v1.id}/versions`, { ...content, baseVersion: cur.currentVersion });
    expect(same.statusCode).toBe(400);
    expect(errorOf(same).message).toBe(TEMPLATE_VERSION_REFUSAL_MESSAGES.unchanged);
    const recoded = await office.request('POST', `/api/checklists/${v1.id}/versions`, { ...content, code: 'fire-check-2', baseVersion: cur.currentVersion });
    expect(recoded.statusCode).toBe(400);
    expect(errorOf(recoded)).toMatchObject({ message: TEMPLATE_VERSION_REFUSAL_MESSAGES.code_changed, fieldErrors: { code: [TEMPLATE_VERSION_REFUSAL_MESSAGES.code_changed] } });
    expect(versionId && templateId && version && publishedAt).toBeTruthy();
  });

  it('answers invalid content with field errors at each offending field', async () => {
    const bad = fireCheck();
    bad.code = 'other-check';
    bad.groups[0]!.items[1]!.key = 'extinguisher'; // duplicate
    bad.groups[0]!.items[0]!.unit = '个'; // unit on a conformity item
    bad.groups[1]!.items[0]!.key = 'Bad Key';
    const res = await office.request('POST', '/api/checklists', bad);
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({
      message: TEMPLATE_VERSION_REFUSAL_MESSAGES.invalid,
      fieldErrors: {
        'groups.0.items.1.key': ['检查项编码重复'],
        'groups.0.items.0.unit': ['只有数值型检查项可以填写单位'],
        'groups.1.items.0.key': ['检查项编码只能使用小写字母、数字和连字符'],
      },
    });
    const blank = await office.request('POST', '/api/checklists', { ...fireCheck(), code: 'blank-check', groups: [{ title: '一', items: [item('a', '  ')] }] });
    expect(errorOf(blank).fieldErrors).toHaveProperty(['groups.0.items.0.content']);
    const empty = await office.request('POST', '/api/checklists', { ...fireCheck(), code: 'empty-check', groups: [{ title: '一', items: [] }] });
    expect(errorOf(empty).fieldErrors).toEqual({ 'groups.0.items': ['每个分组至少要有一个检查项'] });
  });

  it('retires and reactivates; a retired template is hidden from readers and not current for inspections', async () => {
    const cur = (await office.get(`/api/checklists/${v1.id}`)).json() as TChecklistDetail;
    // A version number beyond the contract's integer range is a field error, not a server error.
    expect((await office.request('POST', `/api/checklists/${v1.id}/active`, { active: false, version: 99_999_999_999 })).statusCode).toBe(400);
    expect((await office.get(`/api/checklists/${v1.id}/versions/99999999999`)).statusCode).toBe(400);
    expect((await office.get(`/api/checklists/${v1.id}/diff?from=1&to=99999999999`)).statusCode).toBe(400);
    const retired = await office.request('POST', `/api/checklists/${v1.id}/active`, { active: false, version: cur.version });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json().allowedActions).toEqual(['reactivate', 'export']);
    expect((await village.get(`/api/checklists/${v1.id}`)).statusCode).toBe(404);
    expect((await village.get('/api/checklists')).json().items.map((i: { code: string }) => i.code)).not.toContain('fire-check');
    expect((await office.get('/api/checklists?active=false')).json().items.map((i: { code: string }) => i.code)).toEqual(['fire-check']);
    expect(await currentTemplateVersion(t.db, w.D.id, 'fire-check')).toBeNull();

    const back = await office.request('POST', `/api/checklists/${v1.id}/active`, { active: true, version: retired.json().version });
    expect(back.statusCode).toBe(200);
    const current = await currentTemplateVersion(t.db, w.D.id, 'fire-check');
    expect(current).toMatchObject({ version: 2, itemCount: 4, content: { code: 'fire-check' } });
    expect(await templateVersionById(t.db, cur.versions.at(-1)!.versionId)).toMatchObject({ version: 1 });
  });

  it('counts the inspections that used a template', async () => {
    const v = (await currentTemplateVersion(t.db, w.D.id, 'fire-check'))!;
    const e = w.enterprises.a;
    await t.db.insert(inspections).values({
      districtId: w.D.id, townshipId: e.townshipId, villageId: e.villageId, enterpriseId: e.id, number: 'T-JC-2025-000001', type: 'spot_check',
      inspectedOn: '2025-01-10', unitId: w.V1a.id, templateVersionId: v.id, templateCode: 'fire-check', templateVersion: v.version, createdBy: w.users.villageV1a.id,
    });
    const d = (await village.get(`/api/checklists/${v.templateId}`)).json() as TChecklistDetail;
    expect(d.usedCount).toBe(1);
    expect(d.versions.map((x) => [x.version, x.usedCount])).toEqual([[2, 1], [1, 0]]);
    const listed = (await village.get('/api/checklists?q=消防')).json();
    expect(listed.items[0]).toMatchObject({ code: 'fire-check', usedCount: 1, currentVersion: 2 });
  });
});

describe('roles and districts', () => {
  let id: string;
  beforeAll(async () => {
    id = (await create(admin, { ...fireCheck(), code: 'roles-check', name: '角色测试检查表' })).id;
  });

  it('lets only admins and the office write; everyone reads', async () => {
    for (const s of [dept, village, enterprise]) {
      expect((await s.request('POST', '/api/checklists', { ...fireCheck(), code: 'nope' })).statusCode).toBe(403);
      expect((await s.request('POST', `/api/checklists/${id}/versions`, { ...fireCheck(), code: 'roles-check', name: '改名', baseVersion: 1 })).statusCode).toBe(403);
      expect((await s.request('POST', `/api/checklists/${id}/active`, { active: false, version: 1 })).statusCode).toBe(403);
      expect((await s.request('POST', '/api/checklists/built-ins')).statusCode).toBe(403);
      expect((await s.get(`/api/checklists/${id}/versions/1/export`)).statusCode).toBe(403);
      const list = await s.get('/api/checklists?q=角色');
      expect(list.statusCode).toBe(200);
      expect(list.json()).toMatchObject({ total: 1, allowedActions: [] });
      expect(await abilitiesOf(s)).not.toContain('manage:checklist');
      expect((await s.get(`/api/checklists/${id}`)).json().allowedActions).toEqual([]);
      expect((await s.get(`/api/checklists/${id}/versions/1`)).statusCode).toBe(200);
    }
  });

  it('keeps each district to its own templates', async () => {
    expect((await otherOffice.get(`/api/checklists/${id}`)).statusCode).toBe(404);
    expect((await otherOffice.get(`/api/checklists/${id}/versions/1`)).statusCode).toBe(404);
    expect((await otherOffice.request('POST', `/api/checklists/${id}/versions`, { ...fireCheck(), code: 'roles-check', name: '改名', baseVersion: 1 })).statusCode).toBe(404);
    expect((await otherOffice.get('/api/checklists')).json().items).toEqual([]);
    // The same code is free in another district.
    expect((await otherOffice.request('POST', '/api/checklists', { ...fireCheck(), code: 'roles-check' })).statusCode).toBe(200);
  });
});

describe('built-in templates', () => {
  it('offers them to an empty district, loads them word for word, and only once', async () => {
    expect((await otherOffice.get('/api/checklists')).json().allowedActions).toEqual([]); // X has one now
    const d = await buildDistrict(t.db, { name: '空区' });
    const u = await buildUser(t.db, { role: 'admin', unit: d });
    const empty = { d, s: await loginAs(t.app, u.username, u.password) };
    expect((await empty.s.get('/api/checklists')).json()).toMatchObject({ total: 0, allowedActions: ['load_built_ins'] });
    const res = await empty.s.request('POST', '/api/checklists/built-ins');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created.map((c: { code: string }) => c.code)).toEqual(SEED_CHECKLISTS.map((c) => c.code));
    const again = await empty.s.request('POST', '/api/checklists/built-ins');
    expect(again.json().created).toEqual([]);
    await seedChecklistTemplates(t.db, empty.d.id, null, new Date());
    const rows = await t.db.select().from(checklistTemplates).where(eq(checklistTemplates.districtId, empty.d.id));
    expect(rows).toHaveLength(SEED_CHECKLISTS.length);

    for (const seed of SEED_CHECKLISTS) {
      const v = (await currentTemplateVersion(t.db, empty.d.id, seed.code))!;
      expect(v.version).toBe(1);
      expect(v.content).toEqual(seed);
      const viaApi = (await empty.s.get(`/api/checklists/${v.templateId}/versions/1`)).json();
      const { templateId, versionId, version, publishedAt, ...content } = viaApi;
      expect(content).toEqual(seed);
      expect([templateId, versionId, version, publishedAt]).toEqual([v.templateId, v.id, 1, expect.any(String)]);
    }
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.districtId, empty.d.id), eq(auditLog.action, 'checklist.load_builtin')));
    expect(audit).toHaveLength(SEED_CHECKLISTS.length);
  });
});
