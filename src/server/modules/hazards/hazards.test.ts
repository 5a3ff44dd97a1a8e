// The hazard loop through the HTTP API on a real database: quick report with photos, 五落实 plan,
// rectification, verification with signature, major-hazard rules, recheck, extension, transfer,
// listing, void, overdue, optimistic locking, upload checks, dashboard and export.
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { THazardDetail } from '../../../contract/hazards.ts';
import { HAZARD_REFUSAL_MESSAGES } from '../../../domain/hazard-machine.ts';
import { auditLog, files as filesTable, recordEvents, hazardPlans, hazards as hazardsTable } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { TEST_EPOCH } from '../../test/clock.ts';
import { type BuiltUser, buildUser } from '../../test/factories.ts';
import {
  HEX64, TINY_JPEG, act, actOk, discoveryReport, fullPlan, getHazard, reportBody, reportHazard, tinyPng, upload, uploadPhoto,
} from '../../test/hazards.ts';
import { type Session, XLSX_MIME, abilitiesOf, errorOf, loginAs } from '../../test/http.ts';
import { type World, buildWorld } from '../../test/world.ts';
import { readXlsx } from '../../test/xlsx.ts';
import { tinyPdf } from '../files/files.fixtures.ts';

let t: TestApp;
let w: World;
let village: Session; // 一村 (V1a): enterprises a (chem) and b (fire)
let otherVillage: Session; // 三村 (V2)
let entA: Session; // enterprise a
let entB: Session; // enterprise b
let deptChem: Session; // 应急站 of 一镇: chemicals in T1
let deptFire: Session; // 消防所 of 一镇: fire in T1
let office: Session; // 安委办 of 一镇
let leader: Session; // leader of 二镇

const now = () => t.clock.now();

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const login = (u: BuiltUser) => loginAs(t.app, u.username, u.password);
  village = await login(w.users.villageV1a);
  otherVillage = await login(w.users.villageV2);
  entB = await login(w.users.enterpriseB);
  entA = await login(await buildUser(t.db, { role: 'enterprise', unit: w.V1a, enterpriseId: w.enterprises.a.id, displayName: '甲企业安全员' }));
  deptChem = await login(w.users.deptChemT1);
  deptFire = await login(await buildUser(t.db, { role: 'department', unit: w.depFireT1, displayName: '消防所干事' }));
  office = await login(w.users.officeT1);
  leader = await login(w.users.leaderT2);
});
afterAll(() => t?.close());
afterEach(() => t.clock.set(TEST_EPOCH)); // tests that move the clock put it back

/** Village 一村 reports a general hazard at enterprise b (fire). */
const reportAtB = (o: Record<string, unknown> = {}) =>
  reportHazard(village, now(), { enterpriseId: w.enterprises.b.id, sectorId: w.fire.id, ...o });
/** Village 一村 reports a general hazard at enterprise a (chemicals). */
const reportAtA = (o: Record<string, unknown> = {}, s: Session = village) =>
  reportHazard(s, now(), { enterpriseId: w.enterprises.a.id, sectorId: w.chem.id, ...o });

/** reported → (plan) rectifying → (after photo) awaiting verification, by enterprise b. */
async function toAwaitingAtB(o: Record<string, unknown> = {}, plan: Record<string, unknown> = {}): Promise<THazardDetail> {
  const h = await reportAtB(o);
  await actOk(entB, h.id, { action: 'submit_plan', plan: fullPlan(plan) });
  const after = await uploadPhoto(entB, 'after');
  return actOk(entB, h.id, { action: 'report_rectification', note: '已更换配电箱并加锁', afterPhotoIds: [after.id] });
}
const verifyPass = (s: Session, id: string, o: Record<string, unknown> = {}) =>
  actOk(s, id, { action: 'verify_pass', signerName: '李验收', note: '现场复核合格', ...o });
const actions = (h: THazardDetail) => h.events.map((e) => e.action);
const list = async (s: Session, query = '') => {
  const res = await s.get(`/api/hazards?pageSize=100${query ? `&${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: { id: string; [k: string]: unknown }[]; total: number; statusCounts: Record<string, number>; allCount: number; overdueCount: number };
};
const ids = (l: { items: { id: string }[] }) => l.items.map((i) => i.id);

describe('quick report', () => {
  it('refuses a due date before today, in the report and in a plan', async () => {
    const res = await village.request('POST', '/api/hazards', reportBody(now(), {
      enterpriseId: w.enterprises.b.id, sectorId: w.fire.id, beforePhotoIds: [], dueDate: '2024-06-02',
    }));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toEqual({ dueDate: ['整改期限不能早于今天'] });
    const h = await reportAtB();
    const plan = await act(entB, h.id, { action: 'submit_plan', plan: fullPlan({ dueDate: '2024-06-02' }) });
    expect(plan.statusCode).toBe(400);
    expect(errorOf(plan).fieldErrors).toEqual({ 'plan.dueDate': ['整改期限不能早于今天'] });
  });

  it('creates a reported hazard with its before photo, a number, and the reporting village responsible', async () => {
    const photo = await uploadPhoto(village, 'before');
    expect(photo).toMatchObject({ kind: 'photo', mime: 'image/png', purpose: 'before', url: `/api/files/${photo.id}` });
    const res = await village.request('POST', '/api/hazards', reportBody(now(), {
      enterpriseId: w.enterprises.b.id, sectorId: w.fire.id, beforePhotoIds: [photo.id], category: '电气', dueDate: '2024-06-30',
    }));
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json() as THazardDetail;
    expect(h).toMatchObject({
      status: 'reported', level: 'general', source: 'village', fixedOnSpot: false, enterpriseId: w.enterprises.b.id,
      enterpriseName: '乙商贸有限公司', villageId: w.V1a.id, villageName: '一村', sectorName: '消防', category: '电气',
      responsibleUnitId: w.V1a.id, responsibleUnitName: '一村', dueDate: '2024-06-30', overdue: false, version: 1,
      reopenCount: 0, transferCount: 0, pendingTransfer: false, listingLevel: null, closedAt: null, signatureHash: null,
      foundByUnitName: '一村',
    });
    expect(h.number).toMatch(/^[A-Z]+-2024-\d{6}$/);
    expect(h.beforePhotos.map((p) => p.id)).toEqual([photo.id]);
    expect(h.afterPhotos).toEqual([]);
    expect(h.events).toHaveLength(1);
    expect(h.events[0]).toMatchObject({ action: 'report', fromStatus: null, toStatus: 'reported', actorUnitName: '一村' });
    expect([...h.allowedActions].sort()).toEqual(['edit', 'request_extension', 'submit_plan', 'transfer', 'void']);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, h.id));
    expect(audit).toMatchObject({ action: 'hazard.create', entityType: 'hazard' });

    // the photo downloads for those who see the hazard, and for nobody else
    const dl = await village.get(photo.url);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect((await entB.get(photo.url)).statusCode).toBe(200);
    expect((await otherVillage.get(photo.url)).statusCode).toBe(404);
  });

  it('numbers hazards one after another', async () => {
    const a = await reportAtB();
    const b = await reportAtB();
    const seq = (n: string) => Number(n.split('-').at(-1));
    expect(seq(b.number)).toBe(seq(a.number) + 1);
  });

  it('parallel reports get distinct numbers; one photo sent with two parallel reports goes to one of them', async () => {
    const body = () => reportBody(now(), { enterpriseId: w.enterprises.b.id, sectorId: w.fire.id });
    const many = await Promise.all(Array.from({ length: 5 }, () => village.request('POST', '/api/hazards', body())));
    expect(many.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    const seqs = many.map((r) => Number((r.json() as THazardDetail).number.split('-').at(-1))).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(5);
    expect(seqs.at(-1)! - seqs[0]!).toBe(4);

    const photo = await uploadPhoto(village, 'before');
    const two = await Promise.all([0, 1].map(() => village.request('POST', '/api/hazards', { ...body(), beforePhotoIds: [photo.id] })));
    expect(two.map((r) => r.statusCode).sort()).toEqual([200, 400]);
    const rows = await t.db.select({ ownerId: filesTable.ownerId }).from(filesTable).where(eq(filesTable.id, photo.id));
    expect(rows[0]!.ownerId).toBe((two.find((r) => r.statusCode === 200)!.json() as THazardDetail).id);
  });

  it('office reports go to the department that supervises the sector in the township', async () => {
    const h = await reportAtA({ source: 'department' }, office);
    expect(h).toMatchObject({ responsibleUnitId: w.depChemT1.id, responsibleUnitName: '应急站' });
  });

  it.each([
    [{ description: '  ' }, 'description', '请填写隐患描述'],
    [{ level: 'major', criterion: null }, 'criterion', '重大隐患须填写判定依据'],
    [{ level: 'major', criterion: ' ' }, 'criterion', '重大隐患须填写判定依据'],
    [
      { level: 'major', criterion: '未设置防雷设施', fixedOnSpot: true, afterPhotoIds: ['00000000-0000-4000-8000-000000000001'], rectificationNote: '已整改' },
      'fixedOnSpot', '重大隐患须制定五落实方案，不能即查即改',
    ],
    [{ fixedOnSpot: true, rectificationNote: '已整改' }, 'afterPhotoIds', '即查即改须上传整改后照片'],
    [{ fixedOnSpot: true, afterPhotoIds: ['00000000-0000-4000-8000-000000000001'], rectificationNote: null }, 'rectificationNote', '即查即改须填写整改情况'],
    [{ source: 'nowhere' }, 'source', undefined],
  ])('refuses %o with a field error on %s', async (patch, field, message) => {
    const res = await village.request('POST', '/api/hazards', reportBody(now(), { enterpriseId: w.enterprises.b.id, sectorId: w.fire.id, ...patch }));
    expect(res.statusCode, res.body).toBe(400);
    const err = errorOf(res);
    expect(err.code).toBe('VALIDATION');
    expect(Object.keys(err.fieldErrors ?? {})).toContain(field);
    if (message) expect(err.fieldErrors?.[field]).toContain(message);
    else expect(err.fieldErrors?.[field]?.[0]).toMatch(/\p{Script=Han}/u); // Chinese, never zod's English default
  });

  it('refuses a found time in the future and an enterprise outside the reporter’s scope', async () => {
    const future = await village.request('POST', '/api/hazards', reportBody(now(), {
      enterpriseId: w.enterprises.b.id, sectorId: w.fire.id, foundAt: new Date(now().getTime() + 3600_000).toISOString(),
    }));
    expect(errorOf(future).fieldErrors).toHaveProperty('foundAt');
    const outside = await village.request('POST', '/api/hazards', reportBody(now(), { enterpriseId: w.enterprises.d.id, sectorId: w.chem.id }));
    expect(outside.statusCode).toBe(400);
    expect(errorOf(outside).fieldErrors).toHaveProperty('enterpriseId');
  });

  it('an enterprise reports only its own self-inspection findings', async () => {
    const own = await reportHazard(entB, now(), { enterpriseId: w.enterprises.b.id, sectorId: w.fire.id, source: 'self_inspection' });
    expect(own).toMatchObject({ status: 'reported', source: 'self_inspection', foundByUnitName: '一村' });
    const wrongSource = await entB.request('POST', '/api/hazards', reportBody(now(), { enterpriseId: w.enterprises.b.id, sectorId: w.fire.id }));
    expect(errorOf(wrongSource).fieldErrors?.source).toEqual(['企业只能报告自查发现的隐患']);
    const other = await entB.request('POST', '/api/hazards', reportBody(now(), { enterpriseId: w.enterprises.a.id, sectorId: w.chem.id, source: 'self_inspection' }));
    expect(errorOf(other).fieldErrors).toHaveProperty('enterpriseId');
  });

  it('a leader cannot report', async () => {
    const res = await leader.request('POST', '/api/hazards', reportBody(now(), { enterpriseId: w.enterprises.d.id, sectorId: w.chem.id }));
    expect(res.statusCode).toBe(403);
    expect(errorOf(res).code).toBe('FORBIDDEN');
    expect(await abilitiesOf(leader)).not.toContain('create:hazard');
  });

  it('the caller\'s abilities tell who may report and who may import a ledger', async () => {
    expect(await abilitiesOf(leader)).not.toContain('import:hazard');
    expect(await abilitiesOf(entB)).not.toContain('import:hazard');
    expect(await abilitiesOf(village)).toContain('import:hazard');
    expect(await abilitiesOf(village)).toContain('create:hazard');
  });
});

describe('the closed loop of a general hazard', () => {
  it('village reports → enterprise plans → rectifies with an after photo → village verifies and closes', async () => {
    const h = await reportAtB();
    expect([...(await getHazard(entB, h.id)).allowedActions].sort()).toEqual(['request_extension', 'submit_plan']);

    const planned = await actOk(entB, h.id, { action: 'submit_plan', plan: fullPlan({ dueDate: '2024-06-15' }) });
    // a general hazard with a plan moves into rectification at once
    expect(planned).toMatchObject({ status: 'rectifying', dueDate: '2024-06-15', version: h.version + 1 });
    expect(planned.plans).toHaveLength(1);
    expect(planned.plans[0]).toMatchObject({ owner: '张安全', fundsYuan: 3500, dueDate: '2024-06-15', contingencyPlan: '整改期间断电挂牌，设专人看护' });

    const after = await uploadPhoto(entB, 'after', '整改后.png');
    const reported = await actOk(entB, h.id, { action: 'report_rectification', note: '已更换配电箱并加锁', afterPhotoIds: [after.id] });
    expect(reported).toMatchObject({ status: 'awaiting_verification', rectificationNote: '已更换配电箱并加锁' });
    expect(reported.rectifiedAt).not.toBeNull();
    expect(reported.afterPhotos.map((p) => p.id)).toEqual([after.id]);
    expect(reported.allowedActions).toEqual([]); // the enterprise waits for the verifying side

    // the enterprise can never verify its own hazard
    const self = await act(entB, h.id, { action: 'verify_pass', signerName: '乙老板' });
    expect(self.statusCode).toBe(403);
    expect(errorOf(self).code).toBe('FORBIDDEN');

    expect((await getHazard(village, h.id)).allowedActions).toEqual(expect.arrayContaining(['verify_pass', 'verify_fail']));
    const closed = await verifyPass(village, h.id, { signerName: '李验收' });
    expect(closed).toMatchObject({ status: 'closed', verifierName: '李验收', overdue: false });
    expect(closed.closedAt).toBe(now().toISOString());
    expect(closed.signatureHash).toMatch(HEX64);

    expect(actions(closed)).toEqual(['report', 'submit_plan', 'start_rectification', 'report_rectification', 'verify_pass']);
    expect(closed.events.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      [null, 'reported'], ['reported', 'reported'], ['reported', 'rectifying'], ['rectifying', 'awaiting_verification'], ['awaiting_verification', 'closed'],
    ]);
    for (const e of closed.events) {
      expect(e.actorName).toBeTruthy();
      expect(e.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    expect(closed.events.find((e) => e.action === 'submit_plan')?.actorName).toBe(w.users.enterpriseB.displayName);
    expect(closed.events.find((e) => e.action === 'verify_pass')).toMatchObject({ actorUnitName: '一村', note: '现场复核合格' });
    expect([...closed.allowedActions].sort()).toEqual(['recheck_pass', 'recheck_reopen']);

    // every step left an audit row
    const audits = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, h.id)).orderBy(auditLog.seq);
    expect(audits.map((a) => a.action)).toEqual(['hazard.create', 'hazard.submit_plan', 'hazard.report_rectification', 'hazard.verify_pass']);
  });

  it('a department responsible for its hazard verifies it too, with evidence files', async () => {
    const h = await reportAtA({ source: 'department' }, deptChem);
    expect(h.responsibleUnitId).toBe(w.depChemT1.id);
    await actOk(entA, h.id, { action: 'submit_plan', plan: fullPlan() });
    const after = await uploadPhoto(entA, 'after');
    await actOk(entA, h.id, { action: 'report_rectification', note: '已整改', afterPhotoIds: [after.id] });
    const evidence = await uploadPhoto(deptChem, 'evidence', '验收照片.png');
    const closed = await verifyPass(deptChem, h.id, { evidenceFileIds: [evidence.id], signerName: '王站长' });
    expect(closed).toMatchObject({ status: 'closed', verifierName: '王站长' });
    expect(closed.evidence.map((f) => f.id)).toEqual([evidence.id]);
    expect(closed.signatureHash).toMatch(HEX64);
  });

  it('the signer’s name is required', async () => {
    const h = await toAwaitingAtB();
    for (const signerName of ['', '   ']) {
      const res = await act(village, h.id, { action: 'verify_pass', signerName });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res).fieldErrors).toHaveProperty('signerName');
    }
    expect((await getHazard(village, h.id)).status).toBe('awaiting_verification');
  });

  it('an incomplete plan is refused with the 五落实 message', async () => {
    const h = await reportAtB();
    const res = await act(entB, h.id, { action: 'submit_plan', plan: fullPlan({ contingencyPlan: null }) });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).message).toBe(HAZARD_REFUSAL_MESSAGES.plan_incomplete);
    const missing = await act(entB, h.id, { action: 'submit_plan', plan: fullPlan({ owner: ' ' }) });
    expect(errorOf(missing).fieldErrors).toHaveProperty(['plan.owner']);
    expect((await getHazard(entB, h.id))).toMatchObject({ status: 'reported', plans: [] });
  });

  it('rectification needs an after photo and a note', async () => {
    const h = await reportAtB();
    await actOk(entB, h.id, { action: 'submit_plan', plan: fullPlan() });
    const noPhoto = await act(entB, h.id, { action: 'report_rectification', note: '已整改', afterPhotoIds: [] });
    expect(noPhoto.statusCode).toBe(400);
    expect(errorOf(noPhoto).message).toBe(HAZARD_REFUSAL_MESSAGES.after_photo_missing);
    const after = await uploadPhoto(entB, 'after');
    const noNote = await act(entB, h.id, { action: 'report_rectification', note: '  ', afterPhotoIds: [after.id] });
    expect(noNote.statusCode).toBe(400);
    expect((await getHazard(entB, h.id)).status).toBe('rectifying');
  });

  it('fixed on the spot goes straight to verification with its after photos, then closes', async () => {
    const before = await uploadPhoto(village, 'before');
    const after = await uploadPhoto(village, 'after');
    const res = await village.request('POST', '/api/hazards', reportBody(now(), {
      enterpriseId: w.enterprises.b.id, sectorId: w.fire.id, fixedOnSpot: true, beforePhotoIds: [before.id], afterPhotoIds: [after.id],
      rectificationNote: '当场清理了堵塞的消防通道',
    }));
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json() as THazardDetail;
    expect(h).toMatchObject({ status: 'awaiting_verification', fixedOnSpot: true, rectificationNote: '当场清理了堵塞的消防通道' });
    expect(h.afterPhotos.map((p) => p.id)).toEqual([after.id]);
    expect(h.events[0]).toMatchObject({ action: 'report', toStatus: 'awaiting_verification' });
    const closed = await verifyPass(village, h.id);
    expect(closed.status).toBe('closed');
  });

  it('a failed verification returns the hazard to rectification with the reason', async () => {
    const h = await toAwaitingAtB();
    const blank = await act(village, h.id, { action: 'verify_fail', reason: '   ' });
    expect(blank.statusCode).toBe(400);
    const failed = await actOk(village, h.id, { action: 'verify_fail', reason: '电线仍未穿管' });
    expect(failed.status).toBe('rectifying');
    expect(failed.events.at(-1)).toMatchObject({ action: 'verify_fail', fromStatus: 'awaiting_verification', toStatus: 'rectifying', note: '电线仍未穿管' });
    const after = await uploadPhoto(entB, 'after');
    await actOk(entB, h.id, { action: 'report_rectification', note: '已穿管', afterPhotoIds: [after.id] });
    const closed = await verifyPass(village, h.id);
    expect(closed.status).toBe('closed');
    expect(closed.afterPhotos).toHaveLength(2);
    expect(actions(closed).slice(-4)).toEqual(['report_rectification', 'verify_fail', 'report_rectification', 'verify_pass']);
  });

  it('回头看: recheck_pass keeps it closed; recheck_reopen sends it back to rectification and counts the reopening', async () => {
    const h = await toAwaitingAtB();
    await verifyPass(village, h.id);
    const passed = await actOk(village, h.id, { action: 'recheck_pass', note: '回头看未反弹' });
    expect(passed).toMatchObject({ status: 'closed', reopenCount: 0 });
    expect(passed.events.at(-1)).toMatchObject({ action: 'recheck_pass', fromStatus: 'closed', toStatus: 'closed', note: '回头看未反弹' });

    const noReason = await act(office, h.id, { action: 'recheck_reopen', reason: '' });
    expect(noReason.statusCode).toBe(400);
    const reopened = await actOk(office, h.id, { action: 'recheck_reopen', reason: '回头看发现配电箱锁已损坏' });
    expect(reopened).toMatchObject({ status: 'rectifying', reopenCount: 1, closedAt: null, signatureHash: null, verifierName: null });
    expect(reopened.events.at(-1)).toMatchObject({ action: 'recheck_reopen', fromStatus: 'closed', toStatus: 'rectifying', note: '回头看发现配电箱锁已损坏' });
    expect(ids(await list(office, 'reopened=true'))).toContain(h.id);
    expect(ids(await list(office, 'reopened=false'))).not.toContain(h.id);
    // the enterprise cannot recheck
    const after = await uploadPhoto(entB, 'after');
    await actOk(entB, h.id, { action: 'report_rectification', note: '已换锁', afterPhotoIds: [after.id] });
    await verifyPass(village, h.id);
    expect((await act(entB, h.id, { action: 'recheck_reopen', reason: '企业自己重开' })).statusCode).toBe(403);
  });
});

describe('major hazards', () => {
  const major = { level: 'major', criterion: '有限空间作业未执行审批', source: 'department' };

  it('found by a village go to the department supervising the sector, which accepts the plan', async () => {
    const h = await reportAtA({ level: 'major', criterion: '储罐区未设置可燃气体报警', source: 'village' });
    expect(h).toMatchObject({ responsibleUnitId: w.depChemT1.id, status: 'reported' });
    await actOk(entA, h.id, { action: 'submit_plan', plan: fullPlan() });
    expect((await getHazard(village, h.id)).allowedActions).not.toContain('accept');
    const accepted = await actOk(deptChem, h.id, { action: 'accept' });
    expect(accepted.status).toBe('rectifying');
  });

  it('need a plan and the department’s acceptance before rectification, and both discovery reports before close-out', async () => {
    const h = await reportAtA(major, office);
    expect(h).toMatchObject({ level: 'major', criterion: '有限空间作业未执行审批', responsibleUnitId: w.depChemT1.id, status: 'reported' });

    // nothing to rectify yet
    const early = await act(entA, h.id, { action: 'report_rectification', note: '已整改', afterPhotoIds: [(await uploadPhoto(entA, 'after')).id] });
    expect(early.statusCode).toBe(409);
    expect(errorOf(early)).toMatchObject({ code: 'CONFLICT', message: HAZARD_REFUSAL_MESSAGES.not_in_state });
    // no plan, no acceptance
    const noPlan = await act(deptChem, h.id, { action: 'accept' });
    expect(noPlan.statusCode).toBe(400);
    expect(errorOf(noPlan).message).toBe(HAZARD_REFUSAL_MESSAGES.plan_missing);

    const planned = await actOk(entA, h.id, { action: 'submit_plan', plan: fullPlan() });
    expect(planned.status).toBe('reported'); // a major hazard waits for the acceptance
    expect(actions(planned)).toEqual(['report', 'submit_plan']);
    expect(planned.allowedActions).not.toContain('accept');
    expect((await act(entA, h.id, { action: 'accept' })).statusCode).toBe(403);

    const accepted = await actOk(deptChem, h.id, { action: 'accept', note: '方案可行' });
    expect(accepted).toMatchObject({ status: 'rectifying' });
    expect(accepted.acceptedAt).not.toBeNull();
    expect(actions(accepted).slice(-2)).toEqual(['accept', 'start_rectification']);
    expect((await act(deptChem, h.id, { action: 'accept' })).statusCode).toBeGreaterThanOrEqual(400);

    const after = await uploadPhoto(entA, 'after');
    await actOk(entA, h.id, { action: 'report_rectification', note: '已完成审批制度并培训', afterPhotoIds: [after.id] });

    // no dual report: refused
    const refused = await act(deptChem, h.id, { action: 'verify_pass', signerName: '王站长' });
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).message).toBe(HAZARD_REFUSAL_MESSAGES.dual_report_missing);
    // one of the two is not enough
    await actOk(entA, h.id, discoveryReport('department', now()));
    const stillRefused = await act(deptChem, h.id, { action: 'verify_pass', signerName: '王站长' });
    expect(errorOf(stillRefused).message).toBe(HAZARD_REFUSAL_MESSAGES.dual_report_missing);
    const withReports = await actOk(deptChem, h.id, discoveryReport('government', now()));
    expect(withReports.reports.map((r) => [r.kind, r.recipient]).sort()).toEqual([['discovery', 'department'], ['discovery', 'government']]);
    expect(withReports.status).toBe('awaiting_verification');

    const closed = await verifyPass(deptChem, h.id, { signerName: '王站长' });
    expect(closed).toMatchObject({ status: 'closed', verifierName: '王站长' });
    expect(closed.signatureHash).toMatch(HEX64);
  });

  it('a rectification report to the department does not count as a discovery report', async () => {
    const h = await reportAtA(major, office);
    await actOk(entA, h.id, { action: 'submit_plan', plan: fullPlan() });
    await actOk(deptChem, h.id, { action: 'accept' });
    await actOk(entA, h.id, { action: 'report_rectification', note: '已整改', afterPhotoIds: [(await uploadPhoto(entA, 'after')).id] });
    await actOk(entA, h.id, { ...discoveryReport('department', now()), kind: 'rectification' });
    await actOk(entA, h.id, { ...discoveryReport('government', now()), kind: 'rectification' });
    const res = await act(deptChem, h.id, { action: 'verify_pass', signerName: '王站长' });
    expect(errorOf(res).message).toBe(HAZARD_REFUSAL_MESSAGES.dual_report_missing);
  });

  it('the office lists a major hazard for supervision; the list shows the level and filters on it', async () => {
    const h = await reportAtA(major, office);
    expect(h.allowedActions).toContain('list');
    expect((await act(deptChem, h.id, { action: 'list', level: 'township', leaderName: '赵镇长', listedOn: '2024-06-03', documentNo: '安委办督〔2024〕1号' })).statusCode).toBe(403);
    const listed = await actOk(office, h.id, { action: 'list', level: 'township', leaderName: '赵镇长', listedOn: '2024-06-03', documentNo: '安委办督〔2024〕1号' });
    expect(listed.listingLevel).toBe('township');
    expect(listed.listings).toEqual([expect.objectContaining({ level: 'township', leaderName: '赵镇长', documentNo: '安委办督〔2024〕1号' })]);
    const item = (await list(office, 'listed=true')).items.find((i) => i.id === h.id);
    expect(item).toMatchObject({ listingLevel: 'township' });
    expect(ids(await list(office, 'listed=false'))).not.toContain(h.id);
    // a general hazard cannot be listed
    const g = await reportAtB();
    expect((await act(office, g.id, { action: 'list', level: 'township', leaderName: '赵镇长', listedOn: '2024-06-03', documentNo: '2号' })).statusCode).toBe(403);
  });
});

describe('extensions (延期)', () => {
  it('the enterprise asks, the responsible village approves: the due date moves and old/new stay on record', async () => {
    const h = await reportAtB();
    await actOk(entB, h.id, { action: 'submit_plan', plan: fullPlan({ dueDate: '2024-06-20' }) });
    const asked = await actOk(entB, h.id, { action: 'request_extension', newDueDate: '2024-07-10', reason: '配电箱到货延迟' });
    expect(asked.dueDate).toBe('2024-06-20');
    expect(asked.extensions).toEqual([expect.objectContaining({ oldDueDate: '2024-06-20', newDueDate: '2024-07-10', status: 'pending', reason: '配电箱到货延迟' })]);
    expect(asked.allowedActions).not.toContain('request_extension'); // one at a time
    expect((await act(entB, h.id, { action: 'request_extension', newDueDate: '2024-07-20', reason: '再申请一次' })).statusCode).toBe(403);
    expect((await act(entB, h.id, { action: 'decide_extension', approve: true })).statusCode).toBe(403);

    const approved = await actOk(village, h.id, { action: 'decide_extension', approve: true, note: '同意' });
    expect(approved.dueDate).toBe('2024-07-10');
    expect(approved.extensions[0]).toMatchObject({ oldDueDate: '2024-06-20', newDueDate: '2024-07-10', status: 'approved', decisionNote: '同意' });
    expect(approved.extensions[0]!.decidedAt).not.toBeNull();

    // a second request, rejected: the date stays, both requests are kept
    await actOk(entB, h.id, { action: 'request_extension', newDueDate: '2024-08-01', reason: '资金未到位' });
    const rejected = await actOk(village, h.id, { action: 'decide_extension', approve: false, note: '不予延期' });
    expect(rejected.dueDate).toBe('2024-07-10');
    expect(rejected.extensions.map((e) => [e.oldDueDate, e.newDueDate, e.status])).toEqual([
      ['2024-06-20', '2024-07-10', 'approved'], ['2024-07-10', '2024-08-01', 'rejected'],
    ]);
    expect(actions(rejected).filter((a) => a.includes('extension'))).toEqual(['request_extension', 'approve_extension', 'request_extension', 'reject_extension']);
  });

  it('refuses a new due date that is not later than the current one or today', async () => {
    const h = await reportAtB();
    await actOk(entB, h.id, { action: 'submit_plan', plan: fullPlan({ dueDate: '2024-06-20' }) });
    for (const newDueDate of ['2024-06-20', '2024-06-10', '2024-06-03']) {
      const res = await act(entB, h.id, { action: 'request_extension', newDueDate, reason: '延期申请' });
      expect(res.statusCode, newDueDate).toBe(400);
      expect(errorOf(res).fieldErrors).toHaveProperty('newDueDate');
    }
  });
});

describe('transfers (移送)', () => {
  it('a village hands a hazard to a township department; the department accepts and becomes responsible', async () => {
    const h = await reportAtA();
    expect(h.responsibleUnitId).toBe(w.V1a.id);
    // only a department of the hazard's township
    for (const toUnitId of [w.V1b.id, w.depBuildD.id, w.T1.id]) {
      const bad = await act(village, h.id, { action: 'transfer', toUnitId, reason: '超出村级处置能力' });
      expect(bad.statusCode, toUnitId).toBe(400);
      expect(errorOf(bad).fieldErrors).toHaveProperty('toUnitId');
    }
    const sent = await actOk(village, h.id, { action: 'transfer', toUnitId: w.depChemT1.id, reason: '涉及危化品储存，超出村级处置能力' });
    expect(sent).toMatchObject({ pendingTransfer: true, responsibleUnitId: w.V1a.id, transferCount: 0 });
    expect(sent.transfers).toEqual([expect.objectContaining({ fromUnitId: w.V1a.id, toUnitId: w.depChemT1.id, toUnitName: '应急站', status: 'pending' })]);
    expect(sent.allowedActions).not.toContain('transfer');
    expect(sent.allowedActions).not.toContain('submit_plan');
    expect((await act(village, h.id, { action: 'decide_transfer', accept: true })).statusCode).toBe(403);

    const seen = await getHazard(deptChem, h.id);
    // the department may also open a case on it (立案), as on any hazard it sees
    expect(seen.allowedActions).toEqual(['decide_transfer', 'open_case']);
    const accepted = await actOk(deptChem, h.id, { action: 'decide_transfer', accept: true });
    expect(accepted).toMatchObject({ pendingTransfer: false, responsibleUnitId: w.depChemT1.id, responsibleUnitName: '应急站', transferCount: 1 });
    expect(accepted.transfers[0]).toMatchObject({ status: 'accepted' });
    expect(actions(accepted).slice(-2)).toEqual(['transfer', 'accept_transfer']);
    // the village still sees it but no longer acts on it
    expect((await getHazard(village, h.id)).allowedActions).toEqual([]);
    expect((await act(village, h.id, { action: 'void', reason: '村里作废' })).statusCode).toBe(403);
    expect(ids(await list(village, 'transferred=true'))).toContain(h.id);
    expect((await getHazard(deptChem, h.id)).allowedActions).toContain('void');
  });

  it('the receiving department may return it with a reason; responsibility stays', async () => {
    const h = await reportAtB();
    await actOk(village, h.id, { action: 'transfer', toUnitId: w.depFireT1.id, reason: '消防设施问题' });
    expect((await getHazard(deptFire, h.id)).allowedActions).toEqual(['decide_transfer', 'open_case']);
    const noReason = await act(deptFire, h.id, { action: 'decide_transfer', accept: false });
    expect(noReason.statusCode).toBe(400);
    expect(errorOf(noReason).fieldErrors?.reason).toEqual(['退回须填写原因']);
    const returned = await actOk(deptFire, h.id, { action: 'decide_transfer', accept: false, reason: '属村级日常巡查事项' });
    expect(returned).toMatchObject({ pendingTransfer: false, responsibleUnitId: w.V1a.id, transferCount: 0 });
    expect(returned.transfers[0]).toMatchObject({ status: 'returned', decisionReason: '属村级日常巡查事项' });
    expect((await getHazard(village, h.id)).allowedActions).toContain('transfer');
  });

  it('offers exactly the departments the hazard may go to', async () => {
    const h = await reportAtB();
    const fromVillage = (await getHazard(village, h.id)).transferTargets.map((u) => u.id).sort();
    expect(fromVillage).toEqual([w.depChemT1.id, w.depFireT1.id].sort());
    await actOk(village, h.id, { action: 'transfer', toUnitId: w.depFireT1.id, reason: '消防设施问题' });
    await actOk(deptFire, h.id, { action: 'decide_transfer', accept: true });
    expect((await getHazard(deptFire, h.id)).transferTargets.map((u) => u.id)).toEqual([w.depBuildD.id]);
    expect((await getHazard(office, h.id)).transferTargets).toEqual([]); // the office cannot transfer
  });

  it('a department that returned a transfer outside its sectors no longer sees the hazard', async () => {
    const h = await reportAtB(); // fire hazard; the chemicals department does not supervise fire
    await actOk(village, h.id, { action: 'transfer', toUnitId: w.depChemT1.id, reason: '疑似危化品' });
    expect((await getHazard(deptChem, h.id)).allowedActions).toEqual(['decide_transfer', 'open_case']);
    await actOk(deptChem, h.id, { action: 'decide_transfer', accept: false, reason: '不属危化品，退回村里' });
    expect((await deptChem.get(`/api/hazards/${h.id}`)).statusCode).toBe(404);
    expect(ids(await list(deptChem))).not.toContain(h.id);
  });

  it('another department cannot decide a transfer addressed elsewhere', async () => {
    const h = await reportAtA();
    await actOk(village, h.id, { action: 'transfer', toUnitId: w.depChemT1.id, reason: '危化品' });
    const other = await loginAs(t.app, w.users.deptBuildD.username, w.users.deptBuildD.password);
    expect((await act(other, h.id, { action: 'decide_transfer', accept: true }, village)).statusCode).toBe(404);
    expect((await act(office, h.id, { action: 'decide_transfer', accept: true })).statusCode).toBe(403);
  });
});

describe('void (作废)', () => {
  it('needs a reason, keeps the record, and hides it from the default list', async () => {
    const h = await reportAtB();
    expect((await act(village, h.id, { action: 'void', reason: ' ' })).statusCode).toBe(400);
    expect((await act(entB, h.id, { action: 'void', reason: '企业不认可' })).statusCode).toBe(403);
    const voided = await actOk(village, h.id, { action: 'void', reason: '重复上报' });
    expect(voided).toMatchObject({ status: 'voided', voidReason: '重复上报', allowedActions: [] });
    expect(voided.events.at(-1)).toMatchObject({ action: 'void', toStatus: 'voided', note: '重复上报' });
    expect(ids(await list(village))).not.toContain(h.id);
    expect(ids(await list(village, 'includeVoided=true'))).toContain(h.id);
    // the 全部 tab counts what the list without a status holds, with and without 已作废
    for (const q of ['', 'includeVoided=true']) {
      const withoutStatus = await list(village, q);
      expect(withoutStatus.allCount, q).toBe(withoutStatus.total);
      expect((await list(village, `${q}&status=closed`)).allCount, q).toBe(withoutStatus.total);
    }
    expect(ids(await list(village, 'status=voided'))).toContain(h.id);
    expect((await act(village, h.id, { action: 'submit_plan', plan: fullPlan() })).statusCode).toBe(409);
    const [row] = await t.db.select().from(hazardsTable).where(eq(hazardsTable.id, h.id));
    expect(row).toBeDefined(); // nothing is deleted
  });
});

describe('the 在改 filter', () => {
  it('lists reported, rectifying and awaiting verification hazards, not closed ones', async () => {
    const open = await reportAtB();
    const closed = await verifyPass(village, (await toAwaitingAtB()).id);
    const inWork = ids(await list(village, 'open=true'));
    expect(inWork).toContain(open.id);
    expect(inWork).not.toContain(closed.id);
    expect(ids(await list(village, 'open=false'))).toContain(closed.id);
    // the status tabs keep their counts while 在改 is on
    const counts = (await list(village, 'open=true')).statusCounts;
    expect(counts.closed).toBeGreaterThan(0);
    expect(counts.reported).toBeGreaterThan(0);
  });
});

describe('overdue (逾期), derived from the due date and the clock', () => {
  it('is not overdue on the due day, is overdue the next day, everywhere', async () => {
    const h = await reportAtB({ dueDate: '2024-06-05' });
    const closed = await toAwaitingAtB({}, { dueDate: '2024-06-04' });
    expect(closed.dueDate).toBe('2024-06-04');
    await verifyPass(village, closed.id);
    expect(h.overdue).toBe(false);

    // Days later every session of this file has gone idle: sign in afresh while the clock is moved
    // (the old sessions stay untouched and are used again once the clock is back).
    t.clock.set('2024-06-05T15:59:00Z'); // 23:59 on the due day in Shanghai
    const v = await loginAs(t.app, w.users.villageV1a.username, w.users.villageV1a.password);
    expect((await getHazard(v, h.id)).overdue).toBe(false);
    expect(ids(await list(v, 'overdue=true'))).not.toContain(h.id);

    t.clock.set('2024-06-05T16:00:30Z'); // 00:00:30 the next day
    const o = await loginAs(t.app, w.users.officeT1.username, w.users.officeT1.password);
    expect((await getHazard(v, h.id)).overdue).toBe(true);
    const overdue = await list(v, 'overdue=true');
    expect(ids(overdue)).toContain(h.id);
    expect(ids(overdue)).not.toContain(closed.id); // closed hazards are never overdue
    for (const i of overdue.items) expect(i.overdue).toBe(true);
    const all = await list(v);
    expect(all.overdueCount).toBe(overdue.total);
    expect(all.items.find((i) => i.id === h.id)?.overdue).toBe(true);
    expect(ids(await list(v, 'overdue=false'))).not.toContain(h.id);
    const dash = (await o.get('/api/dashboard/hazards')).json();
    expect(dash.overdueList.map((i: { id: string }) => i.id)).toContain(h.id);
    expect(dash.overdue).toBeGreaterThanOrEqual(1);
  });
});

describe('optimistic locking', () => {
  it('a stale version is refused with 409 and changes nothing', async () => {
    const h = await reportAtB();
    await actOk(entB, h.id, { action: 'submit_plan', plan: fullPlan() });
    const res = await act(entB, h.id, { action: 'submit_plan', version: h.version, plan: fullPlan({ owner: '过期版本' }) });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('CONFLICT');
    const plans = await t.db.select().from(hazardPlans).where(eq(hazardPlans.hazardId, h.id));
    expect(plans.map((p) => p.owner)).toEqual(['张安全']);
  });

  it('two parallel verifications with the same version: one wins, the other gets CONFLICT, nothing overwritten', async () => {
    const h = await toAwaitingAtB();
    const [pass, fail] = await Promise.all([
      village.request('POST', `/api/hazards/${h.id}/actions`, { action: 'verify_pass', version: h.version, signerName: '李验收' }),
      office.request('POST', `/api/hazards/${h.id}/actions`, { action: 'verify_fail', version: h.version, reason: '不合格' }),
    ]);
    expect([pass.statusCode, fail.statusCode].sort()).toEqual([200, 409]);
    const loser = pass.statusCode === 409 ? pass : fail;
    expect(errorOf(loser).code).toBe('CONFLICT');
    const final = await getHazard(village, h.id);
    expect(final.version).toBe(h.version + 1);
    const decisive = actions(final).filter((a) => a === 'verify_pass' || a === 'verify_fail');
    expect(decisive).toHaveLength(1);
    expect(final.status).toBe(decisive[0] === 'verify_pass' ? 'closed' : 'rectifying');
    const events = await t.db.select().from(recordEvents).where(eq(recordEvents.entityId, h.id));
    expect(events.filter((e) => e.action === 'verify_pass' || e.action === 'verify_fail')).toHaveLength(1);
  });

  it('two parallel plans with the same version: one plan is stored', async () => {
    const h = await reportAtB();
    const send = (owner: string) => entB.request('POST', `/api/hazards/${h.id}/actions`, { action: 'submit_plan', version: h.version, plan: fullPlan({ owner }) });
    const results = await Promise.all([send('甲'), send('乙')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const plans = await t.db.select().from(hazardPlans).where(eq(hazardPlans.hazardId, h.id));
    expect(plans).toHaveLength(1);
    const final = await getHazard(entB, h.id);
    expect(final.plans.map((p) => p.owner)).toEqual(plans.map((p) => p.owner));
    expect(actions(final)).toEqual(['report', 'submit_plan', 'start_rectification']);
  });
});

describe('uploads', () => {
  it('refuses a text file renamed .jpg with 415 UNSUPPORTED_FILE', async () => {
    const res = await upload(village, { filename: '隐患照片.jpg', contentType: 'image/jpeg', data: Buffer.from('这不是图片，只是一段文字\n') });
    expect(res.statusCode).toBe(415);
    expect(errorOf(res).code).toBe('UNSUPPORTED_FILE');
  });

  it('refuses an HTML page disguised as a PNG and a PDF sent as a before photo', async () => {
    const html = await upload(village, { filename: 'a.png', data: Buffer.from('<html><script>alert(1)</script></html>') }, 'before');
    expect(html.statusCode).toBe(415);
    const pdf = await upload(village, { filename: '方案.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') }, 'before');
    expect(pdf.statusCode).toBe(415);
    expect(errorOf(pdf).code).toBe('UNSUPPORTED_FILE');
  });

  it('accepts a JPEG and a PNG by their content, whatever their names', async () => {
    const jpeg = await upload(village, { filename: 'photo', contentType: 'application/octet-stream', data: TINY_JPEG }, 'before');
    expect(jpeg.statusCode, jpeg.body).toBe(200);
    expect(jpeg.json()).toMatchObject({ kind: 'photo', mime: 'image/jpeg' });
    const png = await upload(village, { filename: 'x.jpg', contentType: 'image/jpeg', data: tinyPng() }, 'before');
    expect(png.json()).toMatchObject({ mime: 'image/png' });
  });

  it('a PDF cannot be attached as a photo', async () => {
    const pdf = await upload(village, { filename: '说明.pdf', contentType: 'application/pdf', data: tinyPdf() });
    expect(pdf.statusCode, pdf.body).toBe(200);
    const res = await village.request('POST', '/api/hazards', reportBody(now(), { enterpriseId: w.enterprises.b.id, sectorId: w.fire.id, beforePhotoIds: [pdf.json().id] }));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toHaveProperty('beforePhotoIds');
  });

  it('another user’s upload, or a photo already attached to another hazard, cannot be attached; nothing is half-saved', async () => {
    const count = async () => (await t.db.select({ id: hazardsTable.id }).from(hazardsTable)).length;
    const before = await count();
    const foreign = await uploadPhoto(entB, 'before');
    const res = await village.request('POST', '/api/hazards', reportBody(now(), { enterpriseId: w.enterprises.b.id, sectorId: w.fire.id, beforePhotoIds: [foreign.id] }));
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors).toHaveProperty('beforePhotoIds');
    expect(await count()).toBe(before);

    const first = await reportAtB();
    const reused = await village.request('POST', '/api/hazards', reportBody(now(), { enterpriseId: w.enterprises.b.id, sectorId: w.fire.id, beforePhotoIds: [first.beforePhotos[0]!.id] }));
    expect(reused.statusCode).toBe(400);
    expect(errorOf(reused).fieldErrors).toHaveProperty('beforePhotoIds');

    // as after photo of a rectification: the enterprise cannot use the village's upload
    const h = await reportAtB();
    await actOk(entB, h.id, { action: 'submit_plan', plan: fullPlan() });
    const villagePhoto = await uploadPhoto(village, 'after');
    const steal = await act(entB, h.id, { action: 'report_rectification', note: '已整改', afterPhotoIds: [villagePhoto.id] });
    expect(steal.statusCode).toBe(400);
    expect(errorOf(steal).fieldErrors).toHaveProperty('afterPhotoIds');
    expect((await getHazard(entB, h.id)).status).toBe('rectifying');
    // a photo of another hazard as evidence
    const other = await toAwaitingAtB();
    const taken = await act(village, other.id, { action: 'verify_pass', signerName: '李验收', evidenceFileIds: [first.beforePhotos[0]!.id] });
    expect(taken.statusCode).toBe(400);
    expect((await getHazard(village, other.id)).status).toBe('awaiting_verification');
  });

  it('an upload nobody attached is visible to its uploader only', async () => {
    const photo = await uploadPhoto(village, 'before');
    expect((await village.get(photo.url)).statusCode).toBe(200);
    expect((await office.get(photo.url)).statusCode).toBe(404);
  });
});

describe('dashboard and export', () => {
  it('the township dashboard counts a close-out', async () => {
    const h = await toAwaitingAtB();
    const before = (await office.get('/api/dashboard/hazards')).json();
    await verifyPass(village, h.id);
    const res = await office.get('/api/dashboard/hazards');
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after.found).toBe(before.found);
    expect(after.closed).toBe(before.closed + 1);
    expect(after.open).toBe(before.open - 1);
    expect(after.rectificationRate).toBeCloseTo(after.closed / after.found, 6);
    const v = (d: typeof before) => d.byVillage.find((x: { villageId: string }) => x.villageId === w.V1a.id);
    expect(v(after)).toMatchObject({ villageName: '一村', found: v(before).found, closed: v(before).closed + 1 });
    const s = (d: typeof before) => d.bySector.find((x: { sectorId: string }) => x.sectorId === w.fire.id);
    expect(s(after).closed).toBe(s(before).closed + 1);

    // a new report adds to found
    await reportAtB();
    const later = (await office.get('/api/dashboard/hazards')).json();
    expect(later.found).toBe(after.found + 1);
    expect(later.open).toBe(after.open + 1);
  });

  it('the dashboard counts only the viewer’s scope', async () => {
    const mine = (await otherVillage.get('/api/dashboard/hazards')).json();
    expect(mine.byVillage.map((x: { villageId: string }) => x.villageId)).not.toContain(w.V1a.id);
    expect(mine.found).toBe(0);
  });

  it('exports the ledger as xlsx', async () => {
    const h = await reportAtB({ description: '导出测试：消防通道堵塞' });
    const res = await office.get('/api/hazards/export');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME);
    const sheet = await readXlsx(res.rawPayload);
    const row = sheet.rows.find((r) => Object.values(r).includes(h.number));
    expect(row, `no row with ${h.number}`).toBeDefined();
    expect(Object.values(row!)).toContain('导出测试：消防通道堵塞');
    // the export respects the filter
    const filtered = await readXlsx((await office.get(`/api/hazards/export?status=closed`)).rawPayload);
    expect(filtered.rows.find((r) => Object.values(r).includes(h.number))).toBeUndefined();
  });
});

// Found while writing these tests and fixed: the level cannot change mid-loop, and a hazard that is
// closed or voided settles the extension and transfer requests still waiting on it.
describe('rules that cannot be side-stepped', () => {
  it('a major hazard cannot be downgraded to general after acceptance to skip the dual report', async () => {
    const h = await reportAtA({ level: 'major', criterion: '有限空间作业未执行审批', source: 'department' }, office);
    await actOk(entA, h.id, { action: 'submit_plan', plan: fullPlan() });
    await actOk(deptChem, h.id, { action: 'accept' });
    await actOk(entA, h.id, { action: 'report_rectification', note: '已整改', afterPhotoIds: [(await uploadPhoto(entA, 'after')).id] });
    const downgrade = await act(deptChem, h.id, { action: 'edit', level: 'general' });
    expect(downgrade.statusCode).toBe(400);
    const res = await act(deptChem, h.id, { action: 'verify_pass', signerName: '王站长' });
    expect(errorOf(res).message).toBe(HAZARD_REFUSAL_MESSAGES.dual_report_missing);
  });

  it('a general hazard in rectification cannot become major without the acceptance', async () => {
    const h = await reportAtB();
    await actOk(entB, h.id, { action: 'submit_plan', plan: fullPlan() });
    const upgrade = await act(village, h.id, { action: 'edit', level: 'major', criterion: '涉及重大隐患判定标准第3条' });
    // either refused, or the hazard goes back to wait for the acceptance
    if (upgrade.statusCode === 200) expect(upgrade.json().status).toBe('reported');
    else expect(upgrade.statusCode).toBe(400);
  });

  it('an extension request left pending at close-out cannot be approved on the closed hazard', async () => {
    const h = await reportAtB();
    await actOk(entB, h.id, { action: 'submit_plan', plan: fullPlan({ dueDate: '2024-06-20' }) });
    await actOk(entB, h.id, { action: 'request_extension', newDueDate: '2024-07-10', reason: '配件未到' });
    await actOk(entB, h.id, { action: 'report_rectification', note: '已整改', afterPhotoIds: [(await uploadPhoto(entB, 'after')).id] });
    const closed = await verifyPass(village, h.id);
    expect(closed.allowedActions).not.toContain('decide_extension');
    expect(closed.extensions[0]!.status).not.toBe('pending');
    await act(village, h.id, { action: 'decide_extension', approve: true });
    expect((await getHazard(village, h.id)).dueDate).toBe('2024-06-20');
  });

  it('the level may still change before rectification and acceptance', async () => {
    // general → major while reported: it now waits for a plan and the acceptance
    const g = await reportAtB();
    const noCriterion = await act(village, g.id, { action: 'edit', level: 'major' });
    expect(errorOf(noCriterion).fieldErrors?.criterion).toEqual(['重大隐患须填写判定依据']);
    const upgraded = await actOk(village, g.id, { action: 'edit', level: 'major', criterion: '涉及重大隐患判定标准第3条' });
    expect(upgraded).toMatchObject({ level: 'major', status: 'reported', criterion: '涉及重大隐患判定标准第3条' });
    await actOk(entB, g.id, { action: 'submit_plan', plan: fullPlan() });
    expect((await getHazard(entB, g.id)).status).toBe('reported');
    // major → general before the acceptance: its plan is enough, rectification starts at once
    const downgraded = await actOk(village, g.id, { action: 'edit', level: 'general' });
    expect(downgraded).toMatchObject({ level: 'general', status: 'rectifying' });
    expect(actions(downgraded).slice(-2)).toEqual(['edit', 'start_rectification']);
    // once accepted (and so rectifying) a major hazard keeps its level
    const m = await reportAtA({ level: 'major', criterion: '有限空间作业未执行审批', source: 'department' }, office);
    await actOk(entA, m.id, { action: 'submit_plan', plan: fullPlan() });
    await actOk(deptChem, m.id, { action: 'accept' });
    const refused = await act(deptChem, m.id, { action: 'edit', level: 'general' });
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).fieldErrors).toHaveProperty('level');
    // other fields stay editable
    expect((await actOk(deptChem, m.id, { action: 'edit', location: '二号储罐区' })).location).toBe('二号储罐区');
  });

  it('close-out settles a pending extension and a pending transfer, on the record', async () => {
    const h = await reportAtB();
    await actOk(entB, h.id, { action: 'submit_plan', plan: fullPlan({ dueDate: '2024-06-20' }) });
    await actOk(entB, h.id, { action: 'request_extension', newDueDate: '2024-07-10', reason: '配件未到' });
    await actOk(entB, h.id, { action: 'report_rectification', note: '已整改', afterPhotoIds: [(await uploadPhoto(entB, 'after')).id] });
    await actOk(village, h.id, { action: 'transfer', toUnitId: w.depFireT1.id, reason: '请消防所验收' });
    const closed = await verifyPass(village, h.id);
    expect(closed).toMatchObject({ status: 'closed', pendingTransfer: false, responsibleUnitId: w.V1a.id, dueDate: '2024-06-20' });
    expect(closed.extensions.map((e) => e.status)).toEqual(['rejected']);
    expect(closed.transfers.map((t) => t.status)).toEqual(['returned']);
    expect(actions(closed).slice(-3).sort()).toEqual(['reject_extension', 'return_transfer', 'verify_pass']);
    // no step of the loop is left to the department; a case may still be opened on a closed hazard
    expect((await getHazard(deptFire, h.id)).allowedActions).toEqual(['open_case']);
    expect((await act(deptFire, h.id, { action: 'decide_transfer', accept: true })).statusCode).toBe(403);
  });

  it('a transfer left pending when the hazard is voided cannot be accepted afterwards', async () => {
    const h = await reportAtB();
    await actOk(village, h.id, { action: 'transfer', toUnitId: w.depFireT1.id, reason: '消防设施问题' });
    await actOk(village, h.id, { action: 'void', reason: '重复上报' });
    expect((await getHazard(deptFire, h.id)).allowedActions).toEqual([]);
    await act(deptFire, h.id, { action: 'decide_transfer', accept: true });
    expect((await getHazard(village, h.id)).responsibleUnitId).toBe(w.V1a.id);
  });
});
