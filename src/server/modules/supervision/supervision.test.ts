// 督导工作组 and their 督导检查 through the HTTP API on a real database: the office sets up a group
// whose accounts become its members; a member visits only the units the group is assigned (404
// otherwise) with the unit checklist; findings go to the unit, which alone sees and answers them;
// the group accepts or returns; the 工作台 of each side lists what awaits it; a hazard seen on the
// visit is a hazard linked to it.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TStoredFile } from '../../../contract/files.ts';
import type { TFindingDetail, TFindingListResponse, TGroupItem, TVisitDetail } from '../../../contract/supervision.ts';
import type { TWorkbench } from '../../../contract/workbench.ts';
import { DASHENG_SELF_CHECK } from '../../../domain/checklists/seed-checklists.ts';
import { auditLog, checklistTemplates, supervisionGroupMembers } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type BuiltUser, buildUser } from '../../test/factories.ts';
import { tinyPng } from '../../test/hazards.ts';
import { type Session, errorOf, loginAs, multipartBody } from '../../test/http.ts';
import { seedTemplates } from '../../test/inspections.ts';
import { type World, buildWorld } from '../../test/world.ts';

let t: TestApp;
let w: World;
let office: Session; // 安委办 of 一镇
let member: Session; // a member of 一镇's two groups (二村, 住建局; 消防所)
let newMember: Session; // named with an account in the group the office sets up
let villageV1b: Session;
let villageV1a: Session;
let officeX: Session;
let leaderT1: Session;
let templateId: string;
let newMemberUser: BuiltUser;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  await seedTemplates(t.db, w.D.id, t.clock.now());
  templateId = (await t.db.select().from(checklistTemplates).where(eq(checklistTemplates.code, DASHENG_SELF_CHECK.code)))[0]!.id;
  const login = (u: BuiltUser) => loginAs(t.app, u.username, u.password);
  newMemberUser = w.users.groupless;
  office = await login(w.users.officeT1);
  member = await login(w.users.groupMember);
  newMember = await login(newMemberUser);
  villageV1a = await login(w.users.villageV1a);
  villageV1b = await login(await buildUser(t.db, { role: 'village', unit: w.V1b }));
  officeX = await login(w.users.officeX);
  leaderT1 = await login(await buildUser(t.db, { role: 'leader', unit: w.T1 }));
});
afterAll(() => t?.close());

const ok = <T>(res: { statusCode: number; body: string; json(): unknown }, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
const today = '2024-06-03'; // the test clock's day
const item = (n: number) => DASHENG_SELF_CHECK.groups.flatMap((g) => g.items)[n]!.key;

async function visit(s: Session, body: Record<string, unknown>) {
  return s.request('POST', '/api/supervision/visits', { visitedOn: today, methods: ['look', 'check', 'ask'], ...body });
}
async function photo(s: Session): Promise<TStoredFile> {
  const { payload, headers } = multipartBody({ filename: '整改照片.png', contentType: 'image/png', data: tinyPng() }, { purpose: 'evidence' });
  return ok<TStoredFile>(await s.request('POST', '/api/files', payload, { headers }));
}
const workbench = async (s: Session) => ok<TWorkbench>(await s.get('/api/workbench'));
const creds = (u: BuiltUser) => [u.username, u.password] as const;
let photoOfVisit = '';

describe('work groups set up by the office', () => {
  let group: TGroupItem;
  it('the office creates a group: people with their posts, the accounts among them become members, assigned units of the township', async () => {
    group = ok<TGroupItem>(await office.request('POST', '/api/supervision/groups', {
      name: '第三督导工作组', unitIds: [w.V1a.id, w.depChemT1.id],
      people: [{ role: 'leader', name: '张组长', title: '副镇长' }, { role: 'member', name: newMemberUser.displayName, title: '安全员', userId: newMemberUser.id }],
    }));
    expect(group).toMatchObject({ name: '第三督导工作组', active: true, allowedActions: ['edit', 'visit'], figures: { visits: 0, findingsOpen: 0 } });
    expect(group.units.map((u) => u.name).sort()).toEqual(['一村', '应急站']);
    expect(await t.db.select().from(supervisionGroupMembers).where(eq(supervisionGroupMembers.groupId, group.id))).toHaveLength(1);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, group.id));
    expect(audit).toMatchObject({ action: 'supervision_group.create' });
    // the new member's scope follows the assignment: 一村's enterprises (a, b) and 应急站's sector in the township (a, c)
    const seen = ok<{ items: { name: string }[] }>(await newMember.get('/api/enterprises?pageSize=50')).items.map((e) => e.name).sort();
    expect(seen).toEqual(['丙建材有限公司', '乙商贸有限公司', '甲化工有限公司']);
  });

  it('refuses units and accounts outside the region, and a group with no leader', async () => {
    const bad = await office.request('POST', '/api/supervision/groups', { name: '错组', unitIds: [w.V2.id], people: [{ role: 'leader', name: '李' }] });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).fieldErrors).toHaveProperty('unitIds');
    const noLeader = await office.request('POST', '/api/supervision/groups', { name: '错组', unitIds: [], people: [{ role: 'member', name: '李' }] });
    expect(noLeader.statusCode).toBe(400);
    const foreign = await office.request('POST', '/api/supervision/groups', { name: '错组', people: [{ role: 'leader', name: '李', userId: w.users.officeX.id }] });
    expect(errorOf(foreign).fieldErrors).toHaveProperty('people');
  });

  it('leaders of the township read the groups; another district answers 404; only the office edits', async () => {
    const list = ok<{ items: TGroupItem[] }>(await leaderT1.get('/api/supervision/groups'));
    expect(list.items.map((g) => g.name)).toContain('第三督导工作组');
    expect(list.items.find((g) => g.id === group.id)!.allowedActions).toEqual([]);
    expect((await officeX.get(`/api/supervision/groups/${group.id}`)).statusCode).toBe(404);
    const edit = await leaderT1.request('PUT', `/api/supervision/groups/${group.id}`, { name: 'x', people: [{ role: 'leader', name: '李' }], version: group.version });
    expect(edit.statusCode).toBe(403);
  });

  it('a disbanded group grants no visits; the office still settles the findings it left', async () => {
    const people = [{ role: 'leader', name: '王', userId: w.users.groupMember.id }];
    const g = ok<TGroupItem>(await office.request('POST', '/api/supervision/groups', { name: '临时组', unitIds: [w.depChemT1.id], people }));
    const made = ok<TVisitDetail>(await visit(member, { groupId: g.id, unitId: w.depChemT1.id, findings: [{ description: '临时组发现的问题', dueDate: '2024-06-20' }] }));
    const off = ok<TGroupItem>(await office.request('PUT', `/api/supervision/groups/${g.id}`, { name: '临时组', unitIds: [w.depChemT1.id], people, active: false, version: g.version }));
    expect(off).toMatchObject({ active: false, allowedActions: ['edit'] });
    expect((await visit(member, { groupId: g.id, unitId: w.depChemT1.id })).statusCode).toBe(404);
    const f = made.findingList[0]!;
    expect(ok<TFindingDetail>(await member.get(`/api/supervision/findings/${f.id}`)).allowedActions).toEqual([]);
    const answered = ok<TFindingDetail>(await (await loginAs(t.app, ...creds(w.users.deptChemT1))).request('POST', `/api/supervision/findings/${f.id}/actions`, { action: 'answer', version: f.version, measures: '已整改' }));
    const closed = ok<TFindingDetail>(await office.request('POST', `/api/supervision/findings/${f.id}/actions`, { action: 'accept', version: answered.version }));
    expect(closed.status).toBe('closed');
  });
});

describe('督导检查 and the 问题清单', () => {
  let v: TVisitDetail;
  let finding: TFindingDetail;
  const groupOf = async () => ok<{ groups: { id: string; units: { id: string }[] }[] }>(await member.get('/api/supervision/visit-form')).groups.find((g) => g.units.some((u) => u.id === w.V1b.id))!;

  it('the form offers the member its groups, their units and the unit checklists', async () => {
    const form = ok<{ groups: { units: { name: string }[] }[]; templates: { id: string; name: string }[]; defaultDueDate: string }>(await member.get('/api/supervision/visit-form'));
    expect(form.groups.flatMap((g) => g.units.map((u) => u.name)).sort()).toEqual(['二村', '住建局', '消防所']);
    expect(form.templates.map((x) => x.id)).toContain(templateId);
    expect(form.defaultDueDate).toBe('2024-06-17');
  });

  it('a member records a visit to an assigned village with the checklist rated and a finding; the village is told', async () => {
    const g = await groupOf();
    photoOfVisit = (await photo(member)).id;
    v = ok<TVisitDetail>(await visit(member, {
      groupId: g.id, unitId: w.V1b.id, templateId, memberUserIds: [w.users.groupMember.id], summary: '看台账、查现场、问网格员', fileIds: [photoOfVisit],
      answers: [{ itemKey: item(0), result: 'done' }, { itemKey: item(1), result: 'not_done', note: '未制定责任清单' }],
      findings: [{ itemKey: item(1), description: '未结合实际制定安全生产责任清单', dueDate: '2024-06-10' }],
    }));
    expect(v).toMatchObject({ unit: { name: '二村' }, notDone: 1, findings: 1, findingsOpen: 1, allowedActions: ['add_finding', 'record_hazard'] });
    expect(v.checklist[0]!.items[1]).toMatchObject({ result: 'not_done', note: '未制定责任清单' });
    expect(v.findingList[0]).toMatchObject({ status: 'open', overdue: false, itemText: DASHENG_SELF_CHECK.groups[0]!.items[1]!.content });
    const wb = await workbench(villageV1b);
    expect(wb.items.filter((i) => i.kind === 'finding_answer').map((i) => i.title)).toEqual(['未结合实际制定安全生产责任清单']);
    expect((await workbench(member)).items.find((i) => i.kind === 'group_open_findings')).toMatchObject({ title: '二村', subtitle: '未销号问题 1 条' });
  });

  it('a member may visit only the units the group is assigned: another unit, a group not theirs answer 404', async () => {
    const g = await groupOf();
    expect((await visit(member, { groupId: g.id, unitId: w.V1a.id })).statusCode).toBe(404);
    const others = ok<{ items: TGroupItem[] }>(await office.get('/api/supervision/groups?q=第三'));
    expect((await visit(member, { groupId: others.items[0]!.id, unitId: w.V1a.id })).statusCode).toBe(404);
    expect((await visit(villageV1b, { groupId: g.id, unitId: w.V1b.id })).statusCode).toBe(403);
    const future = await visit(member, { groupId: g.id, unitId: w.V1b.id, visitedOn: '2024-06-04' });
    expect(errorOf(future).fieldErrors).toHaveProperty('visitedOn');
    const early = await visit(member, { groupId: g.id, unitId: w.V1b.id, findings: [{ description: '问题', dueDate: '2024-06-01' }] });
    expect(early.statusCode).toBe(400);
  });

  it('only the unit concerned (and the group, and the office) sees the finding: another village and another district get 404', async () => {
    const id = v.findingList[0]!.id;
    expect((await villageV1a.get(`/api/supervision/findings/${id}`)).statusCode).toBe(404);
    expect((await officeX.get(`/api/supervision/findings/${id}`)).statusCode).toBe(404);
    expect((await villageV1a.get(`/api/supervision/visits/${v.id}`)).statusCode).toBe(404);
    expect(ok<TFindingListResponse>(await villageV1a.get('/api/supervision/findings')).total).toBe(0);
    finding = ok<TFindingDetail>(await villageV1b.get(`/api/supervision/findings/${id}`));
    expect(finding.allowedActions).toEqual(['answer']);
    expect(ok<TFindingDetail>(await member.get(`/api/supervision/findings/${id}`)).allowedActions).toEqual(['withdraw']);
    // an enterprise account carries its village's unit: it sees nothing of the village's supervision
    const enterpriseInV1b = await loginAs(t.app, ...creds(await buildUser(t.db, { role: 'enterprise', unit: w.V1b, enterpriseId: w.enterprises.c.id })));
    expect((await enterpriseInV1b.get(`/api/supervision/findings/${id}`)).statusCode).toBe(403);
    expect((await enterpriseInV1b.get(`/api/files/${photoOfVisit}`)).statusCode).toBe(404);
    const act = await villageV1a.request('POST', `/api/supervision/findings/${id}/actions`, { action: 'answer', version: 1, measures: 'x' });
    expect(act.statusCode).toBe(404);
  });

  it('the village answers with a photo; the group returns it, the village answers again, the group accepts', async () => {
    const p = await photo(villageV1b);
    finding = ok<TFindingDetail>(await villageV1b.request('POST', `/api/supervision/findings/${finding.id}/actions`, { action: 'answer', version: finding.version, measures: '已制定责任清单并公示', fileIds: [p.id] }));
    expect(finding).toMatchObject({ status: 'answered', measures: '已制定责任清单并公示', allowedActions: [] });
    expect(finding.files).toHaveLength(1);
    expect((await workbench(member)).items.filter((i) => i.kind === 'finding_accept')).toHaveLength(1);
    const noReason = await member.request('POST', `/api/supervision/findings/${finding.id}/actions`, { action: 'return', version: finding.version, reason: '' });
    expect(noReason.statusCode).toBe(400);
    finding = ok<TFindingDetail>(await member.request('POST', `/api/supervision/findings/${finding.id}/actions`, { action: 'return', version: finding.version, reason: '缺少公示照片' }));
    expect(finding).toMatchObject({ status: 'returned', returnReason: '缺少公示照片' });
    const stale = await villageV1b.request('POST', `/api/supervision/findings/${finding.id}/actions`, { action: 'answer', version: 1, measures: 'x' });
    expect(stale.statusCode).toBe(409);
    finding = ok<TFindingDetail>(await villageV1b.request('POST', `/api/supervision/findings/${finding.id}/actions`, { action: 'answer', version: finding.version, measures: '补充公示照片' }));
    finding = ok<TFindingDetail>(await member.request('POST', `/api/supervision/findings/${finding.id}/actions`, { action: 'accept', version: finding.version }));
    expect(finding).toMatchObject({ status: 'closed', allowedActions: [] });
    expect(finding.history.map((h) => h.what)).toEqual(['督导检查发现问题', '报送整改情况', '退回整改', '报送整改情况', '验收销号']);
    expect((await workbench(villageV1b)).items.filter((i) => i.kind === 'finding_answer')).toEqual([]);
    const g = ok<TGroupItem>(await member.get(`/api/supervision/groups/${v.group.id}`));
    expect(g.figures).toMatchObject({ visits: 1, unitsVisited: 1, findingsOpen: 0, findingsClosed: 1 });
  });

  it('a finding past its due day is overdue on the unit\'s list and 工作台', async () => {
    const g = await groupOf();
    ok(await visit(member, { groupId: g.id, unitId: w.V1b.id, visitedOn: '2024-05-20', findings: [{ description: '网格员未开展拉网式排查', dueDate: '2024-05-31' }] }));
    const list = ok<TFindingListResponse>(await villageV1b.get('/api/supervision/findings?overdue=true'));
    expect(list.items.map((f) => [f.description, f.overdue])).toEqual([['网格员未开展拉网式排查', true]]);
    expect(ok<TFindingListResponse>(await villageV1b.get('/api/supervision/findings')).counts).toEqual({ open: 1, answered: 0, returned: 0, closed: 1, withdrawn: 0 });
    // what the unit owes comes first on the list, the settled last
    expect(ok<TFindingListResponse>(await villageV1b.get('/api/supervision/findings')).items.map((f) => f.status)).toEqual(['open', 'closed']);
    expect((await workbench(villageV1b)).items.find((i) => i.kind === 'finding_answer')).toMatchObject({ light: 'red' });
  });

  it('an enterprise hazard seen on the visit is reported through the hazards and linked to the visit', async () => {
    const res = await member.request('POST', `/api/supervision/visits/${v.id}/hazards`, {
      enterpriseId: w.enterprises.c.id, source: 'village', foundAt: new Date(t.clock.now().getTime() - 60_000).toISOString(), description: '仓库堆放杂物堵塞安全出口',
      location: '仓库', sectorId: w.chem.id, level: 'general',
    });
    const h = ok<{ id: string; source: string }>(res);
    expect(h.source).toBe('supervision');
    expect(ok<TVisitDetail>(await member.get(`/api/supervision/visits/${v.id}`)).hazards.map((x) => x.id)).toEqual([h.id]);
    const outOfScope = await member.request('POST', `/api/supervision/visits/${v.id}/hazards`, {
      enterpriseId: w.enterprises.a.id, source: 'supervision', foundAt: t.clock.now().toISOString(), description: '问题', location: '车间', sectorId: w.chem.id, level: 'general',
    });
    expect(outOfScope.statusCode).toBe(400);
    // the village visited reads the visit, but not hazards outside its own scope
    expect(ok<TVisitDetail>(await villageV1b.get(`/api/supervision/visits/${v.id}`)).hazards.map((x) => x.id)).toEqual([h.id]);
    expect(ok<TVisitDetail>(await leaderT1.get(`/api/supervision/visits/${v.id}`)).allowedActions).toEqual([]);
  });

  it('the group withdraws a finding sent in error, with a reason; it leaves the unit\'s list of what it owes', async () => {
    const g = await groupOf();
    const made = ok<TVisitDetail>(await visit(member, { groupId: g.id, unitId: w.V1b.id, findings: [{ description: '误登记的问题', dueDate: '2024-06-20' }] }));
    const f = made.findingList[0]!;
    const noReason = await member.request('POST', `/api/supervision/findings/${f.id}/actions`, { action: 'withdraw', version: f.version, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect((await villageV1b.request('POST', `/api/supervision/findings/${f.id}/actions`, { action: 'withdraw', version: f.version, reason: '误' })).statusCode).toBe(403);
    const w1 = ok<TFindingDetail>(await member.request('POST', `/api/supervision/findings/${f.id}/actions`, { action: 'withdraw', version: f.version, reason: '重复登记' }));
    expect(w1).toMatchObject({ status: 'withdrawn', withdrawReason: '重复登记', allowedActions: [] });
    expect(ok<TFindingListResponse>(await villageV1b.get('/api/supervision/findings?owed=true')).items.map((x) => x.description)).not.toContain('误登记的问题');
  });
});

describe('the office over a group', () => {
  it('the district keeps a township\'s group with the township\'s units; a township cannot name another township\'s account', async () => {
    const adminD = await loginAs(t.app, ...creds(w.users.adminD));
    const g = ok<TGroupItem>(await office.request('POST', '/api/supervision/groups', { name: '区镇共管组', unitIds: [w.V1a.id], people: [{ role: 'leader', name: '周' }] }));
    const opts = ok<{ units: { id: string }[] }>(await adminD.get(`/api/supervision/group-options?groupId=${g.id}`));
    expect(opts.units.map((u) => u.id)).toContain(w.V1a.id);
    expect(opts.units.map((u) => u.id)).not.toContain(w.V2.id);
    const saved = ok<TGroupItem>(await adminD.request('PUT', `/api/supervision/groups/${g.id}`, { name: '区镇共管组', unitIds: [w.V1a.id, w.V1b.id], people: [{ role: 'leader', name: '周' }], version: g.version }));
    expect(saved.units).toHaveLength(2);
    const moved = await adminD.request('PUT', `/api/supervision/groups/${g.id}`, { name: '区镇共管组', unitIds: [w.V2.id], people: [{ role: 'leader', name: '周' }], version: saved.version });
    expect(errorOf(moved).fieldErrors).toHaveProperty('unitIds');
    const t2User = await buildUser(t.db, { role: 'village', unit: w.V2 });
    const foreign = await office.request('PUT', `/api/supervision/groups/${g.id}`, { name: '区镇共管组', people: [{ role: 'leader', name: '周', userId: t2User.id }], version: saved.version });
    expect(errorOf(foreign).fieldErrors).toHaveProperty('people');
  });
});
