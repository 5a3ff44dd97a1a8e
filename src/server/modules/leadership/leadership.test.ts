// Leaders' activities through the HTTP API on a real database: the admin gives accounts their
// posts; the office, leaders and departments record activities in their own region (a department
// its own head only), with photos and links; out of scope answers 404, a village may not record;
// edits carry the version, a void keeps the record with its reason; the list filters and counts.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TActivityDetail, TActivityListResponse, TRegionLeaders } from '../../../contract/leadership.ts';
import type { TUser } from '../../../contract/org.ts';
import { auditLog, users } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type BuiltUser, buildUser } from '../../test/factories.ts';
import { reportHazard, uploadPhoto } from '../../test/hazards.ts';
import { type Session, errorOf, loginAs } from '../../test/http.ts';
import { type World, buildWorld } from '../../test/world.ts';
import { DEPARTMENT_POST_MESSAGE } from './leadership.service.ts';

let t: TestApp;
let w: World;
let admin: Session;
let office: Session; // 安委办 of 一镇
let officeT2: Session;
let officeD: Session; // the district's office
let leader: Session; // 一镇 镇长
let dept: Session; // 应急站 of 一镇
let village: Session;
let groupMember: Session;
let head: BuiltUser; // the 镇长's account
let deptHead: BuiltUser; // 应急站's head

const login = (u: BuiltUser) => loginAs(t.app, u.username, u.password);
const ok = async <T>(p: Promise<{ statusCode: number; body: string; json: () => unknown }>): Promise<T> => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
const activity = (o: Record<string, unknown> = {}) => ({
  kind: 'research_inspection', level: 'township', heldOn: '2024-05-20', topic: '汛期安全生产调研检查', place: '一村',
  leaders: [{ userId: head.id, name: '', post: 'government_head' }], ...o,
});
const list = (s: Session, q = '') => ok<TActivityListResponse>(s.get(`/api/leadership/activities${q ? `?${q}` : ''}`));

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  admin = await login(w.users.adminD);
  office = await login(w.users.officeT1);
  officeT2 = await login(await buildUser(t.db, { role: 'office', unit: w.T2 }));
  officeD = await login(w.users.officeD);
  head = await buildUser(t.db, { role: 'leader', unit: w.T1, displayName: '周镇长' });
  leader = await login(head);
  deptHead = await buildUser(t.db, { role: 'department', unit: w.depChemT1, displayName: '吴站长' });
  dept = await login(deptHead);
  village = await login(w.users.villageV1a);
  groupMember = await login(w.users.groupMember);
});
afterAll(() => t?.close());

describe('leaders’ posts', () => {
  it('the admin sets and clears an account’s 领导职务; villages and enterprises hold none', async () => {
    const u = (await t.db.select().from(users).where(eq(users.id, head.id)))[0]!;
    const set = await ok<TUser>(admin.request('PATCH', `/api/users/${head.id}`, { version: u.version, leaderPost: 'government_head' }));
    expect(set.leaderPost).toBe('government_head');
    const deptSet = await ok<TUser>(admin.request('PATCH', `/api/users/${deptHead.id}`, { version: deptHead.version, leaderPost: 'member_unit_head' }));
    expect(deptSet.leaderPost).toBe('member_unit_head');
    const v = w.users.villageV1a;
    const refused = await admin.request('PATCH', `/api/users/${v.id}`, { version: v.version, leaderPost: 'deputy' });
    expect(errorOf(refused).fieldErrors).toEqual({ leaderPost: ['生产经营单位和村（社区）账号不设领导职务'] });
    const created = await ok<TUser>(admin.request('POST', '/api/users', {
      username: `deputy_${Date.now()}`, displayName: '郑副镇长', role: 'leader', unitId: w.T1.id, password: 'Leader@2024pw!', leaderPost: 'deputy',
    }));
    expect(created.leaderPost).toBe('deputy');
    const cleared = await ok<TUser>(admin.request('PATCH', `/api/users/${created.id}`, { version: created.version, leaderPost: null }));
    expect(cleared.leaderPost).toBeNull();
    const [a] = await t.db.select().from(auditLog).where(and(eq(auditLog.entityId, head.id), eq(auditLog.action, 'user.update')));
    expect(a).toBeDefined();
  });

  it('the form lists the region’s leaders; a department may name its own head only', async () => {
    const mine = await ok<TRegionLeaders>(office.get('/api/leadership/leaders'));
    expect(mine.items.map((l) => l.name)).toEqual(expect.arrayContaining(['周镇长', '吴站长']));
    expect(mine).toMatchObject({ defaultLevel: 'township', recordablePosts: ['party_secretary', 'government_head', 'deputy', 'member_unit_head'] });
    expect((await ok<TRegionLeaders>(officeT2.get('/api/leadership/leaders'))).items).toEqual([]);
    const d = await ok<TRegionLeaders>(dept.get('/api/leadership/leaders'));
    expect(d).toMatchObject({ items: [{ name: '吴站长', post: 'member_unit_head', unitName: '应急站' }], recordablePosts: ['member_unit_head'] });
    expect((await ok<TRegionLeaders>(officeD.get('/api/leadership/leaders'))).defaultLevel).toBe('district');
  });
});

describe('leaders’ activities', () => {
  it('the office records one with the leader, an enterprise, a hazard and a photo; audited', async () => {
    const photo = await uploadPhoto(office, 'evidence');
    const h = await reportHazard(office, t.clock.now(), { enterpriseId: w.enterprises.a.id, sectorId: w.chem.id });
    const a = await ok<TActivityDetail>(office.request('POST', '/api/leadership/activities', activity({
      enterpriseId: w.enterprises.a.id, hazardIds: [h.id], fileIds: [photo.id], summary: '检查了甲化工的仓库',
    })));
    expect(a).toMatchObject({
      kind: 'research_inspection', level: 'township', topic: '汛期安全生产调研检查', unitName: '一镇', voided: false, version: 1,
      leaders: [{ userId: head.id, name: '周镇长', post: 'government_head' }], enterprise: { id: w.enterprises.a.id, name: '甲化工有限公司' },
      hazards: [{ id: h.id, number: h.number }], files: [{ id: photo.id, kind: 'photo' }], allowedActions: ['edit', 'void'],
    });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, a.id));
    expect(audit).toMatchObject({ action: 'leadership_activity.create', entityType: 'leadership_activity' });
    // The photo is served to who sees the activity: not to another township.
    expect((await office.get(a.files[0]!.url)).statusCode).toBe(200);
    expect((await officeT2.get(a.files[0]!.url)).statusCode).toBe(404);
  });

  it('scope: another township’s activity answers 404; the district sees it; a village may not record', async () => {
    const a = await ok<TActivityDetail>(office.request('POST', '/api/leadership/activities', activity()));
    expect((await officeT2.get(`/api/leadership/activities/${a.id}`)).statusCode).toBe(404);
    expect((await list(officeT2)).items.map((i) => i.id)).not.toContain(a.id);
    expect((await officeT2.request('PUT', `/api/leadership/activities/${a.id}`, { ...activity(), version: 1 })).statusCode).toBe(404);
    expect((await officeD.get(`/api/leadership/activities/${a.id}`)).statusCode).toBe(200);
    expect((await dept.get(`/api/leadership/activities/${a.id}`)).statusCode).toBe(200); // its township's
    expect((await groupMember.get(`/api/leadership/activities/${a.id}`)).statusCode).toBe(200);
    expect((await village.get('/api/leadership/activities')).statusCode).toBe(403);
    expect((await village.request('POST', '/api/leadership/activities', activity())).statusCode).toBe(403);
    expect((await groupMember.request('POST', '/api/leadership/activities', activity())).statusCode).toBe(403);
    // Naming another township's people, an enterprise out of scope, a day to come: field errors.
    const t2Leader = await buildUser(t.db, { role: 'leader', unit: w.T2 });
    const other = await office.request('POST', '/api/leadership/activities', activity({ leaders: [{ userId: t2Leader.id, name: 'x', post: 'deputy' }] }));
    expect(errorOf(other).fieldErrors).toEqual({ leaders: ['只能选择本辖区的账号'] });
    const far = await office.request('POST', '/api/leadership/activities', activity({ enterpriseId: w.enterprises.d.id }));
    expect(errorOf(far).fieldErrors).toEqual({ enterpriseId: ['生产经营单位不存在或不在您的管辖范围内'] });
    const future = await office.request('POST', '/api/leadership/activities', activity({ heldOn: '2024-06-04' }));
    expect(errorOf(future).fieldErrors).toEqual({ heldOn: ['活动日期不能晚于今天'] });
    const districtTownship = await officeD.request('POST', '/api/leadership/activities', activity({ level: 'township', leaders: [{ userId: null, name: '区长', post: 'government_head' }] }));
    expect(errorOf(districtTownship).fieldErrors).toEqual({ level: ['区级单位登记的活动为区级活动'] });
  });

  it('a department records its own head as 安委会成员单位负责人, and edits only its own', async () => {
    const own = await ok<TActivityDetail>(dept.request('POST', '/api/leadership/activities', activity({
      kind: 'enterprise_talk', topic: '到企业宣讲十五条硬措施', leaders: [{ userId: deptHead.id, name: '', post: 'member_unit_head' }],
    })));
    expect(own).toMatchObject({ unitName: '应急站', leaders: [{ name: '吴站长', post: 'member_unit_head' }], allowedActions: ['edit', 'void'] });
    expect((await list(office)).items.map((i) => i.id)).toContain(own.id); // the township sees its departments'
    const asHead = await dept.request('POST', '/api/leadership/activities', activity({ leaders: [{ userId: deptHead.id, name: '', post: 'government_head' }] }));
    expect(errorOf(asHead)).toMatchObject({ message: DEPARTMENT_POST_MESSAGE });
    const theMayor = await dept.request('POST', '/api/leadership/activities', activity({ leaders: [{ userId: head.id, name: '', post: 'member_unit_head' }] }));
    expect(errorOf(theMayor).fieldErrors).toEqual({ leaders: ['只能选择本单位的账号'] });
    const theOffice = await ok<TActivityDetail>(office.request('POST', '/api/leadership/activities', activity()));
    const seen = await ok<TActivityDetail>(dept.get(`/api/leadership/activities/${theOffice.id}`));
    expect(seen.allowedActions).toEqual([]);
    expect((await dept.request('PUT', `/api/leadership/activities/${theOffice.id}`, { ...activity(), version: 1 })).statusCode).toBe(403);
    // The township's office keeps its departments' records.
    expect((await ok<TActivityDetail>(office.get(`/api/leadership/activities/${own.id}`))).allowedActions).toEqual(['edit', 'void']);
  });

  it('edits with the version (a stale one is 409), swaps attachments, and voids with a reason', async () => {
    const first = await uploadPhoto(leader, 'evidence');
    const a = await ok<TActivityDetail>(leader.request('POST', '/api/leadership/activities', activity({ fileIds: [first.id] })));
    const second = await uploadPhoto(leader, 'evidence', '会议纪要.png');
    const e = await ok<TActivityDetail>(leader.request('PUT', `/api/leadership/activities/${a.id}`, { ...activity({ topic: '专题调度', fileIds: [second.id] }), version: a.version }));
    expect(e).toMatchObject({ topic: '专题调度', version: 2, files: [{ id: second.id, originalName: '会议纪要.png' }] });
    expect((await leader.request('PUT', `/api/leadership/activities/${a.id}`, { ...activity(), version: 1 })).statusCode).toBe(409);
    const noReason = await leader.request('POST', `/api/leadership/activities/${a.id}/void`, { reason: '', version: 2 });
    expect(noReason.statusCode).toBe(400);
    const v = await ok<TActivityDetail>(leader.request('POST', `/api/leadership/activities/${a.id}/void`, { reason: '重复登记', version: 2 }));
    expect(v).toMatchObject({ voided: true, voidReason: '重复登记', allowedActions: [] });
    expect((await leader.request('PUT', `/api/leadership/activities/${a.id}`, { ...activity(), version: 3 })).statusCode).toBe(409);
    expect((await list(leader)).items.map((i) => i.id)).not.toContain(a.id);
    expect((await list(leader, 'voided=true')).items.map((i) => i.id)).toContain(a.id);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, a.id));
    expect(audits.map((x) => x.action).sort()).toEqual(['leadership_activity.create', 'leadership_activity.update', 'leadership_activity.void']);
  });

  it('lists with search, filters, kind counts and pages, newest first', async () => {
    const fresh = await login(await buildUser(t.db, { role: 'office', unit: w.T2 }));
    const t2Head = await buildUser(t.db, { role: 'leader', unit: w.T2, displayName: '钱书记' });
    const by = (o: Record<string, unknown>) => ok<TActivityDetail>(fresh.request('POST', '/api/leadership/activities', activity({ leaders: [{ userId: t2Head.id, name: '', post: 'party_secretary' }], ...o })));
    await by({ kind: 'study', heldOn: '2024-04-02', topic: '学习十五条硬措施' });
    await by({ kind: 'briefing_heard', heldOn: '2024-05-06', topic: '听取专项行动情况汇报' });
    await by({ kind: 'briefing_heard', heldOn: '2024-05-28', topic: '听取燃气排查汇报', leaders: [{ userId: null, name: '区应急局局长', post: 'member_unit_head' }] });
    const all = await list(fresh);
    expect(all.items.map((i) => i.heldOn)).toEqual(['2024-05-28', '2024-05-06', '2024-04-02']);
    expect(all.counts).toMatchObject({ study: 1, briefing_heard: 2, meeting: 0 });
    const kind = await list(fresh, 'kind=briefing_heard');
    expect(kind.total).toBe(2);
    expect(kind.counts.study).toBe(1); // the tabs count under every filter but the kind
    expect((await list(fresh, `leaderUserId=${t2Head.id}`)).total).toBe(2);
    expect((await list(fresh, `q=${encodeURIComponent('燃气')}`)).items.map((i) => i.topic)).toEqual(['听取燃气排查汇报']);
    expect((await list(fresh, `q=${encodeURIComponent('区应急局')}`)).total).toBe(1); // leaders' names are searched
    expect((await list(fresh, 'from=2024-05-01&to=2024-05-10')).items.map((i) => i.topic)).toEqual(['听取专项行动情况汇报']);
    const page = await list(fresh, 'page=2&pageSize=2');
    expect(page).toMatchObject({ total: 3, items: [{ heldOn: '2024-04-02' }] });
  });
});
