// The 工作台 through the real app: each role lists exactly what awaits it, in its scope, with the
// 督办 light of its deadline; the office gets the overdue units and the listed hazards, the
// leader the month's figures, the supervision group its units.
import { beforeAll, describe, expect, it } from 'vitest';
import type { THazardDetail } from '../../../contract/hazards.ts';
import type { TWorkbench } from '../../../contract/workbench.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { buildUser } from '../../test/factories.ts';
import { actOk, fullPlan, reportHazard, uploadPhoto } from '../../test/hazards.ts';
import { type Session, loginAs } from '../../test/http.ts';
import { seedTemplates, startInspection } from '../../test/inspections.ts';
import { type World, buildWorld } from '../../test/world.ts';
import { afterAll } from 'vitest';

let t: TestApp;
let w: World;
const s: Record<string, Session> = {};
const bench = async (who: string): Promise<TWorkbench> => {
  const res = await s[who]!.get('/api/workbench');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TWorkbench;
};
/** The items as "kind href" lines, for exact comparison. */
const lines = (b: TWorkbench, kinds?: string[]) => b.items.filter((i) => !kinds || kinds.includes(i.kind)).map((i) => `${i.kind} ${i.href}`).sort();
const h = (x: { id: string }) => `/hazards/${x.id}`;
const HAZARD_KINDS = ['hazard_transfer', 'hazard_verify', 'hazard_plan_review', 'hazard_extension', 'hazard_plan', 'hazard_rectify', 'hazard_transfer_returned'];

let reported: THazardDetail; // at b, 一村: awaits its plan (2024-06-20)
let transferred: THazardDetail; // at b, offered by 一村 to 应急站
let awaiting: THazardDetail; // at b, rectified by enterprise b: awaits verification
let major: THazardDetail; // at a, major with a plan: awaits acceptance by 应急站 (or the office)
let overdue: THazardDetail; // at b, due 2024-06-01: red
let listed: THazardDetail;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  await seedTemplates(t.db, w.D.id, t.clock.now());
  const colleague = await buildUser(t.db, { role: 'village', unit: w.V1a, displayName: '一村网格员' });
  const accounts = {
    village: w.users.villageV1a, colleague, ent: w.users.enterpriseB, dept: w.users.deptChemT1, office: w.users.officeT1,
    officeX: w.users.officeX, leader: w.users.leaderT2, group: w.users.groupMember, officeD: w.users.officeD,
  };
  const loginAll = async () => {
    for (const [key, u] of Object.entries(accounts)) s[key] = await loginAs(t.app, u.username, u.password);
  };
  await loginAll();
  const now = t.clock.now();
  const atB = (o: Record<string, unknown> = {}) => reportHazard(s.village!, now, { enterpriseId: w.enterprises.b.id, sectorId: w.fire.id, dueDate: '2024-06-20', ...o });
  reported = await atB();
  transferred = await atB();
  await actOk(s.village!, transferred.id, { action: 'transfer', toUnitId: w.depChemT1.id, reason: '涉及危化品储存，超出村级处置能力' });
  awaiting = await atB({ dueDate: '2024-06-05' });
  await actOk(s.ent!, awaiting.id, { action: 'submit_plan', plan: fullPlan() });
  await actOk(s.ent!, awaiting.id, { action: 'report_rectification', note: '已整改', afterPhotoIds: [(await uploadPhoto(s.ent!, 'after')).id] });
  major = await reportHazard(s.village!, now, { enterpriseId: w.enterprises.a.id, sectorId: w.chem.id, level: 'major', criterion: '有限空间作业未执行审批', dueDate: '2024-07-30' });
  await actOk(s.office!, major.id, { action: 'submit_plan', plan: fullPlan() });
  // Reported with a deadline already past (a ledger import would do the same): overdue, red.
  overdue = await atB({ dueDate: '2024-06-03' });
  t.clock.set('2024-06-05T01:30:00Z');
  await loginAll(); // two days on, the sessions have timed out
  listed = await atB({ level: 'major', criterion: '消防设施严重缺失', dueDate: '2024-06-07' });
  await actOk(s.office!, listed.id, { action: 'list', level: 'township', leaderName: '王镇长', listedOn: '2024-06-05', documentNo: '一镇安委〔2024〕3号' });
  // A spot check by the village naming its colleague: a draft of the village's, awaiting the colleague's signature.
  await startInspection(s.village!, { type: 'spot_check', enterpriseId: w.enterprises.b.id, coInspectorUserIds: [colleague.id] });
}, 60_000);
afterAll(() => t?.close());

describe('the 工作台 of each role', () => {
  it('the village: its plans, rectifications and verifications to do, with lights; its draft', async () => {
    const b = await bench('village');
    // The listed hazard is major: the fire department's, not the village's.
    expect(lines(b, HAZARD_KINDS)).toEqual([`hazard_plan ${h(overdue)}`, `hazard_plan ${h(reported)}`, `hazard_verify ${h(awaiting)}`].sort());
    const byHref = new Map(b.items.map((i) => [i.href, i]));
    expect(byHref.get(h(overdue))).toMatchObject({ light: 'red', dueText: '逾期 2 天', due: '2024-06-03' });
    expect(byHref.get(h(reported))).toMatchObject({ light: 'green', dueText: '剩 15 天' });
    // The village sent the transfer and the major hazard's plan: nothing of those awaits it now.
    expect(b.items.map((i) => i.href)).not.toContain(h(transferred));
    expect(b.items.map((i) => i.href)).not.toContain(h(major));
    expect(b.items.filter((i) => i.kind === 'inspection_draft')).toHaveLength(1);
    expect(b.items.filter((i) => i.kind === 'inspection_sign')).toHaveLength(0);
    expect(b.totals.hazard_plan).toBe(2);
    expect(b.figures).toBeNull();
    // Red first within a kind.
    expect(b.items.filter((i) => i.kind === 'hazard_plan').map((i) => i.light)).toEqual(['red', 'green']);
  });

  it('a colleague of the village: the same hazards, and the inspection awaiting the signature', async () => {
    const b = await bench('colleague');
    expect(lines(b, HAZARD_KINDS)).toEqual(lines(await bench('village'), HAZARD_KINDS));
    expect(b.items.filter((i) => i.kind === 'inspection_sign').map((i) => i.subtitle)).toEqual([expect.stringContaining('待我签名')]);
  });

  it('the department: the transfer offered to it and the major plan to accept', async () => {
    expect(lines(await bench('dept'), HAZARD_KINDS)).toEqual([`hazard_plan_review ${h(major)}`, `hazard_transfer ${h(transferred)}`].sort());
  });

  it('the enterprise: its own hazards to plan, never to verify', async () => {
    const b = await bench('ent');
    expect(lines(b, HAZARD_KINDS)).toEqual([`hazard_plan ${h(listed)}`, `hazard_plan ${h(overdue)}`, `hazard_plan ${h(reported)}`].sort());
    expect(b.items.find((i) => i.href === h(listed))).toMatchObject({ light: 'yellow', dueText: '剩 2 天' });
  });

  it('the office: verification and plan approval, overdue and due-this-week units, listed hazards, figures', async () => {
    const b = await bench('office');
    // The listed hazard has no plan yet: the fire department owes one, the office waits for nothing.
    expect(lines(b, HAZARD_KINDS)).toEqual([`hazard_plan_review ${h(major)}`, `hazard_verify ${h(awaiting)}`].sort());
    expect(b.items.filter((i) => i.kind === 'overdue_by_unit').map((i) => [i.title, i.light])).toEqual([['一村：逾期 1 条', 'red']]);
    expect(b.items.filter((i) => i.kind === 'due_this_week_by_unit').map((i) => i.title)).toEqual(['消防所：本周到期 1 条']);
    expect(b.items.filter((i) => i.kind === 'listed_hazard').map((i) => i.href)).toEqual([h(listed)]);
    expect(b.figures?.thisMonth).toMatchObject({ found: 6, closed: 0, major: 2, listed: 1, overdue: 1 });
    expect(b.figures?.lastMonth).toMatchObject({ found: 0, closeRate: null });
  });

  it('another township\'s office and a leader of another township see none of it', async () => {
    const x = await bench('officeX');
    expect(x.items).toEqual([]);
    expect(x.figures?.thisMonth.found).toBe(0);
    const leader = await bench('leader');
    expect(leader.items).toEqual([]);
    expect(leader.figures).toMatchObject({ open: 0, thisMonth: { found: 0 } });
  });

  it('the district office sees the township\'s figures in its own scope', async () => {
    expect((await bench('officeD')).figures?.thisMonth.found).toBe(6);
  });

  it('the supervision group: each unit it covers with its open and overdue hazards', async () => {
    const b = await bench('group');
    expect(b.items.map((i) => i.kind)).toEqual(['covered_unit', 'covered_unit', 'covered_unit']);
    expect(b.items.map((i) => i.title).sort()).toEqual(['二村', '住建局', '消防所'].sort());
    // 消防所 is responsible for the listed major hazard at b (due in 2 days): yellow.
    expect(b.items.find((i) => i.title === '消防所')).toMatchObject({ light: 'yellow', subtitle: '在改 1 条 · 逾期 0 条 · 本周到期 1 条' });
    expect(b.totals.covered_unit).toBe(3);
  });

  it('needs a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/workbench' })).statusCode).toBe(401);
  });
});
