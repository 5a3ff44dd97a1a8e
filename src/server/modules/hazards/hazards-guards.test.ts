// What the hazard API guards: optimistic locking, upload checks, the dashboard and export, and rules that
// cannot be side-stepped.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { HAZARD_REFUSAL_MESSAGES } from '../../../domain/hazards/hazard-machine.ts';
import { recordEvents, hazardPlans, hazards as hazardsTable } from '../../db/schema/index.ts';
import { TINY_JPEG, act, actOk, fullPlan, getHazard, reportBody, tinyPng, upload, uploadPhoto } from '../../test/hazards.ts';
import { XLSX_MIME, errorOf } from '../../test/http.ts';
import { readXlsx } from '../../test/xlsx.ts';
import { tinyPdf } from '../files/files.fixtures.ts';
import { actions, deptChem, deptFire, entA, entB, now, office, otherVillage, reportAtA, reportAtB, t, toAwaitingAtB, useHazardWorld, verifyPass, village, w } from './hazards.test-world.ts';

useHazardWorld();

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
