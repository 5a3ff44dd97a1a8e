// The closed loop through the HTTP API on a real database: 五落实 plan, rectification, verification with
// signature, recheck, and the major-hazard rules (acceptance, 双报告, listing).
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { THazardDetail } from '../../../contract/hazards.ts';
import { HAZARD_REFUSAL_MESSAGES } from '../../../domain/hazards/hazard-machine.ts';
import { auditLog } from '../../db/schema/index.ts';
import { HEX64, act, actOk, discoveryReport, fullPlan, getHazard, reportBody, uploadPhoto } from '../../test/hazards.ts';
import { errorOf, loginAs } from '../../test/http.ts';
import { buildUser } from '../../test/factories.ts';
import { actions, deptChem, entA, entB, ids, list, now, office, reportAtA, reportAtB, t, toAwaitingAtB, useHazardWorld, verifyPass, village, w } from './hazards.test-world.ts';

useHazardWorld();

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
    // Who fixed it on the spot does not also close it: another person verifies.
    expect(h.allowedActions).not.toContain('verify_pass');
    const alone = await act(village, h.id, { action: 'verify_pass', signerName: '李验收' });
    expect(alone.statusCode).toBe(403);
    expect(errorOf(alone).message).toBe('整改完成是您报告的，验收须由另一名工作人员进行');
    const closed = await verifyPass(office, h.id, { signerName: '周主任' });
    expect(closed.status).toBe('closed');
  });

  it('nobody closes a hazard alone: whoever reported the rectification done is refused verification', async () => {
    const h = await reportAtB();
    await actOk(village, h.id, { action: 'submit_plan', plan: fullPlan() });
    const after = await uploadPhoto(village, 'after');
    await actOk(village, h.id, { action: 'report_rectification', note: '已清理', afterPhotoIds: [after.id] });
    for (const action of ['verify_pass', 'verify_fail']) {
      const res = await act(village, h.id, { action, signerName: '李验收', reason: '复核不合格' });
      expect(res.statusCode, action).toBe(403);
    }
    // A colleague of the same village may verify it.
    const colleague = await loginAs(t.app, ...(await (async () => {
      const u = await buildUser(t.db, { role: 'village', unit: w.V1a, displayName: '一村验收员' });
      return [u.username, u.password] as const;
    })()));
    expect((await getHazard(colleague, h.id)).allowedActions).toContain('verify_pass');
    expect((await verifyPass(colleague, h.id, { signerName: '一村验收员' })).status).toBe('closed');
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
