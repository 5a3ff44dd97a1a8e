// Inspections through the HTTP API on a real database: who may start which inspection where,
// the two-certified-inspectors rule, signatures voided by later changes, completion checks,
// 不符合 items becoming hazards in the ledger, and the record locked once signed.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { THazardDetail, THazardListItem } from '../../../contract/hazards.ts';
import type { TInspectionDetail } from '../../../contract/inspections.ts';
import { canonicalJson } from '../../../domain/inspections/inspection-rules.ts';
import { auditLog, files as filesTable, hazards as hazardsTable, inspectionAnswers } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type BuiltUser, buildUser } from '../../test/factories.ts';
import { type Session, errorOf, loginAs } from '../../test/http.ts';
import { SPOT, answer, fillSpotCheck, getInspection, seedTemplates, setCertificate, startInspection, uploadInspectionPhoto } from '../../test/inspections.ts';
import { type World, buildWorld } from '../../test/world.ts';

let t: TestApp;
let w: World;
let deptChem: Session; // 应急站 of 一镇 (chemicals: enterprises a and c), certificate ZF-001
let deptChem2: Session; // a colleague, certificate ZF-002
let deptChemNoCert: Session; // a colleague without a certificate
let village: Session; // 一村: enterprises a and b
let otherVillage: Session; // 三村 (二镇)
let entB: Session;
let office: Session; // 安委办 of 一镇
let leader: Session; // leader of 二镇
let chem2: BuiltUser;
let noCert: BuiltUser;

const LOCKED = '检查记录已签名完成，不能修改';

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  await seedTemplates(t.db, w.D.id, t.clock.now());
  chem2 = await buildUser(t.db, { role: 'department', unit: w.depChemT1, displayName: '李执法' });
  noCert = await buildUser(t.db, { role: 'department', unit: w.depChemT1, displayName: '王无证' });
  await setCertificate(t.db, w.users.deptChemT1.id, 'ZF-001');
  await setCertificate(t.db, chem2.id, 'ZF-002');
  const login = (u: BuiltUser) => loginAs(t.app, u.username, u.password);
  deptChem = await login(w.users.deptChemT1);
  deptChem2 = await login(chem2);
  deptChemNoCert = await login(noCert);
  village = await login(w.users.villageV1a);
  otherVillage = await login(w.users.villageV2);
  entB = await login(w.users.enterpriseB);
  office = await login(w.users.officeT1);
  leader = await login(w.users.leaderT2);
});
afterAll(() => t?.close());

const post = (s: Session, body: Record<string, unknown>) =>
  s.request('POST', '/api/inspections', { inspectedOn: '2024-06-03', templateCode: SPOT.code, ...body });
const complete = (s: Session, d: { id: string; version: number }, body: Record<string, unknown> = {}) =>
  s.request('POST', `/api/inspections/${d.id}/complete`, { version: d.version, representative: { kind: 'signed', name: '张厂长' }, ...body });

describe('who may start which inspection where', () => {
  it('a department inspects only enterprises of the sectors it supervises', async () => {
    const res = await post(deptChem, { type: 'spot_check', enterpriseId: w.enterprises.b.id });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res).fieldErrors?.enterpriseId).toBeDefined();
    const ok = await startInspection(deptChem, { type: 'spot_check', enterpriseId: w.enterprises.a.id });
    expect(ok.number).toMatch(/-JC-2024-\d{6}$/);
    expect(ok.status).toBe('draft');
    expect(ok.template.code).toBe(SPOT.code);
    expect(ok.templateVersion).toBe(1);
    expect(ok.inspectors.map((i) => i.certificateNo)).toEqual(['ZF-001']);
    expect(ok.allowedActions).toEqual(['edit', 'sign', 'complete', 'discard']);
  });

  it('an enterprise only self-inspects itself and cannot start a spot check', async () => {
    const spot = await post(entB, { type: 'spot_check', enterpriseId: w.enterprises.b.id });
    expect(spot.statusCode).toBe(403);
    expect(errorOf(spot).message).toContain('抽查');
    const other = await post(entB, { type: 'self_daily', enterpriseId: w.enterprises.a.id });
    expect(other.statusCode).toBe(400);
    expect(errorOf(other).fieldErrors?.enterpriseId).toBeDefined();
    const tagged = await post(entB, { type: 'self_weekly', enterpriseId: w.enterprises.b.id, methodTags: ['covert_visit'] });
    expect(tagged.statusCode).toBe(400);
    expect(errorOf(tagged).fieldErrors?.methodTags).toBeDefined();
    const weekly = await startInspection(entB, { type: 'self_weekly', enterpriseId: w.enterprises.b.id, templateCode: 'dasheng-small-enterprise' });
    expect(weekly.periodKey).toBe('2024-W23');
    const monthly = await startInspection(entB, { type: 'self_monthly', enterpriseId: w.enterprises.b.id, templateCode: 'dasheng-small-enterprise' });
    expect(monthly.periodKey).toBe('2024-06');
    // A missed day cannot be filled in afterwards; the authorities may enter a past paper record.
    const backdated = await post(entB, { type: 'self_daily', enterpriseId: w.enterprises.b.id, templateCode: 'dasheng-small-enterprise', inspectedOn: '2024-05-31' });
    expect(backdated.statusCode).toBe(400);
    expect(errorOf(backdated).fieldErrors?.inspectedOn).toEqual(['企业自查只能记录当天的检查，不能补填以前的日期']);
    const edit = await entB.request('PATCH', `/api/inspections/${weekly.id}`, { version: weekly.version, inspectedOn: '2024-05-31' });
    expect(errorOf(edit).fieldErrors?.inspectedOn).toBeDefined();
  });

  it('a village cannot start enforcement; a leader starts nothing; 异地执法 is enforcement only', async () => {
    expect((await post(village, { type: 'enforcement', enterpriseId: w.enterprises.a.id })).statusCode).toBe(403);
    expect((await post(leader, { type: 'spot_check', enterpriseId: w.enterprises.d.id })).statusCode).toBe(403);
    const tag = await post(village, { type: 'spot_check', enterpriseId: w.enterprises.a.id, methodTags: ['cross_region'] });
    expect(tag.statusCode).toBe(400);
    expect(errorOf(tag).message).toBe('异地执法只能用于执法检查');
    const unknownTemplate = await post(village, { type: 'spot_check', enterpriseId: w.enterprises.a.id, templateCode: 'no-such-template' });
    expect(errorOf(unknownTemplate).fieldErrors?.templateCode).toBeDefined();
  });

  it('out of scope answers 404; in scope but not an inspector may read, not write', async () => {
    const d = await startInspection(village, { type: 'assistance', enterpriseId: w.enterprises.a.id });
    expect((await otherVillage.get(`/api/inspections/${d.id}`)).statusCode).toBe(404);
    expect((await leader.get(`/api/inspections/${d.id}`)).statusCode).toBe(404);
    const seen = await getInspection(office, d.id);
    expect(seen.allowedActions).toEqual([]);
    const write = await office.request('PUT', `/api/inspections/${d.id}/answers/${SPOT.keys[0]}`, { result: 'conform' });
    expect(write.statusCode).toBe(403);
    const wrongType = await village.request('PUT', `/api/inspections/${d.id}/answers/${SPOT.keys[0]}`, { number: 3 });
    expect(errorOf(wrongType).fieldErrors?.number).toBeDefined();
    expect((await village.request('PUT', `/api/inspections/${d.id}/answers/no-such-item`, { result: 'conform' })).statusCode).toBe(404);
  });
});

describe('linking a plan entry', () => {
  it('only the plan\'s own unit links its entries, and never with a self-inspection', async () => {
    const plan = await deptChem.request('POST', '/api/plans', { unitId: w.depChemT1.id, year: 2024, name: '2024年度监督检查计划' });
    expect(plan.statusCode, plan.body).toBe(200);
    const entry = await deptChem.request('POST', `/api/plans/${(plan.json() as { id: string }).id}/entries`, { enterpriseId: w.enterprises.a.id, month: 6 });
    expect(entry.statusCode, entry.body).toBe(200);
    const planEntryId = (entry.json() as { id: string }).id;
    const entA = await loginAs(t.app, ...(await buildUser(t.db, { role: 'enterprise', unit: w.V1a, enterpriseId: w.enterprises.a.id }).then((u) => [u.username, u.password] as const)));

    // Another unit's inspection or the enterprise's own would mark the department's entry covered.
    const byVillage = await post(village, { type: 'spot_check', enterpriseId: w.enterprises.a.id, planEntryId });
    expect(byVillage.statusCode).toBe(400);
    expect(errorOf(byVillage).fieldErrors?.planEntryId).toEqual(['检查计划中没有该单位的这一项']);
    const bySelf = await post(entA, { type: 'self_daily', enterpriseId: w.enterprises.a.id, templateCode: 'dasheng-small-enterprise', planEntryId });
    expect(bySelf.statusCode).toBe(400);
    expect(errorOf(bySelf).fieldErrors?.planEntryId).toEqual(['检查计划中没有该单位的这一项']);

    const own = await startInspection(deptChem, { type: 'spot_check', enterpriseId: w.enterprises.a.id, planEntryId });
    expect(own.planEntryId).toBe(planEntryId);
  });
});

describe('input validation', () => {
  it('a well-formed but impossible date is a field error in Chinese, not a server error', async () => {
    const create = await post(village, { type: 'spot_check', enterpriseId: w.enterprises.a.id, inspectedOn: '2024-02-30' });
    expect(create.statusCode).toBe(400);
    expect(errorOf(create).fieldErrors?.inspectedOn).toEqual(['日期不存在']);
    const list = await village.get('/api/inspections?from=2024-13-45');
    expect(list.statusCode).toBe(400);
    expect(errorOf(list).fieldErrors?.from).toEqual(['日期不存在']);
    const d = await startInspection(village, { type: 'spot_check', enterpriseId: w.enterprises.a.id });
    const draft = await village.request('PUT', `/api/inspections/${d.id}/answers/${SPOT.keys[0]}`, {
      result: 'nonconform', comment: '问题', hazardDraft: { level: 'general', description: '问题', location: '车间', sectorId: w.chem.id, dueDate: '2024-06-31' },
    });
    expect(errorOf(draft).fieldErrors?.['hazardDraft.dueDate']).toEqual(['日期不存在']);
  });
});

describe('enforcement by two certified inspectors', () => {
  it('refuses one inspector, a co-inspector without a certificate, and someone from another unit', async () => {
    const alone = await post(deptChem, { type: 'enforcement', enterpriseId: w.enterprises.a.id });
    expect(alone.statusCode).toBe(400);
    expect(errorOf(alone).fieldErrors?.coInspectorUserIds).toEqual(['执法检查须有两名以上执法人员']);
    const uncertified = await post(deptChem, { type: 'enforcement', enterpriseId: w.enterprises.a.id, coInspectorUserIds: [noCert.id] });
    expect(errorOf(uncertified).fieldErrors?.coInspectorUserIds).toEqual(['执法人员须填写执法证号']);
    const stranger = await post(deptChem, { type: 'enforcement', enterpriseId: w.enterprises.a.id, coInspectorUserIds: [w.users.villageV1a.id] });
    expect(errorOf(stranger).fieldErrors?.coInspectorUserIds).toBeDefined();
  });

  it('completes only when the co-inspector signed the record as it is; a later change voids that signature', async () => {
    let d = await startInspection(deptChem, { type: 'enforcement', enterpriseId: w.enterprises.a.id, coInspectorUserIds: [chem2.id], methodTags: ['four_no_two_direct'] });
    expect(d.inspectors.map((i) => i.name)).toEqual([w.users.deptChemT1.displayName, '李执法']);
    d = await fillSpotCheck(deptChem, d.id, { sectorId: w.chem.id });
    expect(d.problems).toEqual([{ itemKey: null, message: '李执法尚未签名' }]);

    const early = await complete(deptChem, d);
    expect(early.statusCode).toBe(400);
    expect(errorOf(early).fieldErrors?.signatures).toEqual(['李执法尚未签名']);

    const signedRes = await deptChem2.request('POST', `/api/inspections/${d.id}/sign`, { version: d.version });
    expect(signedRes.statusCode, signedRes.body).toBe(200);
    d = signedRes.json() as TInspectionDetail;
    expect(d.inspectors.find((i) => i.userId === chem2.id)?.signed).toBe(true);
    expect(d.allowedActions).not.toContain('sign');
    expect((await getInspection(deptChem2, d.id)).allowedActions).not.toContain('sign');

    // The first inspector changes an answer: the co-inspector signed other content.
    d = await answer(deptChem, d.id, SPOT.keys[0]!, { result: 'conform', comment: '补充说明' });
    expect(d.inspectors.find((i) => i.userId === chem2.id)?.signed).toBe(false);
    expect((await complete(deptChem, d)).statusCode).toBe(400);

    d = (await deptChem2.request('POST', `/api/inspections/${d.id}/sign`, { version: d.version })).json() as TInspectionDetail;
    const done = await complete(deptChem, d);
    expect(done.statusCode, done.body).toBe(200);
    const c = done.json() as TInspectionDetail;
    expect(c.status).toBe('completed');
    expect(c.inspectors.every((i) => i.signed && i.signedAt)).toBe(true);
    expect(c.allowedActions).toEqual(['open_case']);
  });

  it('refuses completion when a co-inspector lost the certificate since', async () => {
    const extra = await buildUser(t.db, { role: 'department', unit: w.depChemT1, displayName: '赵执法' });
    await setCertificate(t.db, extra.id, 'ZF-003');
    const s = await loginAs(t.app, extra.username, extra.password);
    let d = await startInspection(deptChem, { type: 'enforcement', enterpriseId: w.enterprises.c.id, coInspectorUserIds: [extra.id] });
    d = await fillSpotCheck(deptChem, d.id, { sectorId: w.chem.id });
    d = (await s.request('POST', `/api/inspections/${d.id}/sign`, { version: d.version })).json() as TInspectionDetail;
    await setCertificate(t.db, extra.id, null);
    const res = await complete(deptChem, d);
    expect(errorOf(res).fieldErrors?.coInspectorUserIds).toEqual(['执法人员须填写执法证号']);
  });
});

describe('completion', () => {
  it('lists what is missing: unanswered items, comments, the hazard of a 不符合 item, the representative', async () => {
    let d = await startInspection(village, { type: 'spot_check', enterpriseId: w.enterprises.b.id });
    d = await answer(village, d.id, SPOT.keys[0]!, { result: 'nonconform' });
    const res = await complete(village, d);
    expect(res.statusCode).toBe(400);
    const e = errorOf(res);
    expect(e.message).toContain('检查表尚未填写完整');
    expect(e.fieldErrors?.[`answers.${SPOT.keys[0]}`]).toEqual(['发现问题（不符合）的检查项须填写情况说明']);
    expect(e.fieldErrors?.[`answers.${SPOT.keys[1]}`]).toEqual(['尚未填写']);
    expect(Object.keys(e.fieldErrors ?? {})).toHaveLength(SPOT.keys.length);
    expect(d.progress).toEqual({ answered: 1, total: SPOT.keys.length });

    for (const key of SPOT.keys.slice(1)) d = await answer(village, d.id, key, { result: 'conform' });
    d = await answer(village, d.id, SPOT.keys[0]!, { result: 'nonconform', comment: '未开展演练' });
    const noDraft = await complete(village, d);
    expect(errorOf(noDraft).fieldErrors?.[`answers.${SPOT.keys[0]}.hazardDraft`]).toBeDefined();
    expect(errorOf(noDraft).message).toContain('企业主要负责人未按要求亲自研究排查整治工作');

    d = await answer(village, d.id, SPOT.keys[0]!, {
      result: 'nonconform', comment: '未开展演练',
      hazardDraft: { level: 'general', description: '未研究部署', location: '办公室', sectorId: w.fire.id },
    });
    const noRep = await complete(village, d, { representative: null });
    expect(errorOf(noRep).fieldErrors?.representative).toEqual(['须由被检查单位负责人签名']);
    const refused = await complete(village, d, { representative: { kind: 'refused', note: '负责人拒绝签字，有两名检查人员在场见证' }, summary: '发现1处问题' });
    expect(refused.statusCode, refused.body).toBe(200);
    const c = refused.json() as TInspectionDetail;
    expect(c.representative).toMatchObject({ name: null, refusalNote: '负责人拒绝签字，有两名检查人员在场见证' });
    expect(c.representative?.signedAt).toBeTruthy();
    expect(c.summary).toBe('发现1处问题');
    expect(c.hazardCount).toBe(1);
  });

  it('turns each 不符合 item into a hazard in the ledger, with the photos and a report event', async () => {
    const failed = [SPOT.keys[1]!, SPOT.keys[4]!];
    let d = await startInspection(deptChem, { type: 'spot_check', enterpriseId: w.enterprises.a.id });
    d = await fillSpotCheck(deptChem, d.id, { failed, sectorId: w.chem.id });
    expect(d.failedCount).toBe(2);
    const photoIds = d.answers.filter((a) => failed.includes(a.itemKey)).flatMap((a) => a.photos.map((p) => p.id));
    expect(photoIds).toHaveLength(2);
    const res = await complete(deptChem, d);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as TInspectionDetail;
    expect(c.hazardCount).toBe(2);
    const linked = c.answers.filter((a) => a.hazard);
    expect(linked.map((a) => a.itemKey).sort()).toEqual([...failed].sort());

    const rows = await t.db.select().from(hazardsTable).where(eq(hazardsTable.inspectionId, d.id));
    expect(rows.map((h) => h.inspectionItemKey).sort()).toEqual([...failed].sort());
    expect(rows.every((h) => h.source === 'department' && h.enterpriseId === w.enterprises.a.id && h.status === 'reported')).toBe(true);
    const answerRows = await t.db.select().from(inspectionAnswers).where(eq(inspectionAnswers.inspectionId, d.id));
    expect(answerRows.filter((a) => a.hazardId).length).toBe(2);

    const ledger = await deptChem.get(`/api/hazards?enterpriseId=${w.enterprises.a.id}&pageSize=100`);
    const numbers = (ledger.json() as { items: THazardListItem[] }).items.map((h) => h.number);
    for (const a of linked) expect(numbers).toContain(a.hazard!.number);

    const h = (await deptChem.get(`/api/hazards/${linked[0]!.hazard!.id}`)).json() as THazardDetail;
    expect(h.events[0]).toMatchObject({ action: 'report' });
    expect(h.events[0]!.note).toContain(c.number);
    expect(h.inspection).toEqual({ id: c.id, number: c.number, itemKey: linked[0]!.itemKey });
    expect(h.beforePhotos).toHaveLength(1);
    expect(h.beforePhotos[0]!.id).not.toBe(linked[0]!.photos[0]!.id);
    const [copy] = await t.db.select().from(filesTable).where(eq(filesTable.id, h.beforePhotos[0]!.id));
    const [orig] = await t.db.select().from(filesTable).where(eq(filesTable.id, linked[0]!.photos[0]!.id));
    expect(copy!.storageKey).toBe(orig!.storageKey);
    const photo = await deptChem.get(h.beforePhotos[0]!.url);
    expect(photo.statusCode).toBe(200);
    expect(photo.rawPayload.length).toBe(orig!.size);
    // The inspection's own photo is served to those who see the inspection, not to others.
    expect((await village.get(linked[0]!.photos[0]!.url)).statusCode).toBe(200);
    expect((await otherVillage.get(linked[0]!.photos[0]!.url)).statusCode).toBe(404);

    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, d.id));
    expect(audit.map((a) => a.action)).toContain('inspection.complete');
  });

  it('an enterprise self-inspection needs no representative and reports self-inspection hazards', async () => {
    let d = await startInspection(entB, { type: 'self_daily', enterpriseId: w.enterprises.b.id, templateCode: 'dasheng-small-enterprise' });
    for (const item of d.template.groups.flatMap((g) => g.items)) {
      d = await answer(entB, d.id, item.key, item.key === 'training'
        ? { result: 'nonconform', comment: '培训记录缺失', hazardDraft: { level: 'general', description: '培训记录缺失', location: '办公室', sectorId: w.fire.id } }
        : { result: 'conform' });
    }
    const res = await entB.request('POST', `/api/inspections/${d.id}/complete`, { version: d.version });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as TInspectionDetail;
    expect(c.representative).toBeNull();
    const [h] = await t.db.select().from(hazardsTable).where(eq(hazardsTable.inspectionId, d.id));
    expect(h!.source).toBe('self_inspection');
  });
});

describe('a signed record is locked', () => {
  it('refuses every write, keeps its answers, and its hash re-computes', async () => {
    let d = await startInspection(village, { type: 'spot_check', enterpriseId: w.enterprises.a.id });
    d = await fillSpotCheck(village, d.id, { failed: [SPOT.keys[2]!], sectorId: w.chem.id });
    const c = (await complete(village, d)).json() as TInspectionDetail;
    expect(c.signatureHash).toMatch(/^[0-9a-f]{64}$/);
    expect(c.signatureValid).toBe(true);
    const v = c.version;
    const writes = [
      village.request('PATCH', `/api/inspections/${c.id}`, { version: v, summary: '改' }),
      village.request('PUT', `/api/inspections/${c.id}/answers/${SPOT.keys[0]}`, { result: 'nonconform', comment: '改' }),
      village.request('POST', `/api/inspections/${c.id}/sign`, { version: v }),
      complete(village, c),
      village.request('POST', `/api/inspections/${c.id}/discard`, { version: v, reason: '删除试试' }),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.statusCode).toBe(409);
      expect(errorOf(res).message).toBe(LOCKED);
    }
    const after = await getInspection(village, c.id);
    expect(after.answers).toEqual(c.answers);
    expect(after.signatureValid).toBe(true);
    const [row] = await t.db.select().from(inspectionAnswers).where(eq(inspectionAnswers.inspectionId, c.id)).limit(1);
    expect(row).toBeDefined();
    const { inspections } = await import('../../db/schema/index.ts');
    const [stored] = await t.db.select().from(inspections).where(eq(inspections.id, c.id));
    expect(createHash('sha256').update(canonicalJson(stored!.signedPayload)).digest('hex')).toBe(stored!.signatureHash);

    // Tampering with a stored answer shows on read.
    await t.db.update(inspectionAnswers).set({ comment: '事后篡改' }).where(eq(inspectionAnswers.inspectionId, c.id));
    expect((await getInspection(village, c.id)).signatureValid).toBe(false);
  });
});

describe('drafts', () => {
  it('header edits void signatures; photos removed from an answer are detached; only the creator discards', async () => {
    let d = await startInspection(deptChem, { type: 'assistance', enterpriseId: w.enterprises.c.id, coInspectorUserIds: [noCert.id] });
    d = (await deptChemNoCert.request('POST', `/api/inspections/${d.id}/sign`, { version: d.version })).json() as TInspectionDetail;
    expect(d.inspectors.find((i) => i.userId === noCert.id)?.signed).toBe(true);
    const patched = await deptChem.request('PATCH', `/api/inspections/${d.id}`, { version: d.version, location: '二号仓库', methodTags: ['covert_visit'] });
    expect(patched.statusCode, patched.body).toBe(200);
    d = patched.json() as TInspectionDetail;
    expect(d.location).toBe('二号仓库');
    expect(d.inspectors.find((i) => i.userId === noCert.id)?.signed).toBe(false);
    expect((await deptChem.request('PATCH', `/api/inspections/${d.id}`, { version: d.version - 1, location: 'x' })).statusCode).toBe(409);

    const p1 = await uploadInspectionPhoto(deptChem);
    const p2 = await uploadInspectionPhoto(deptChem);
    d = await answer(deptChem, d.id, SPOT.keys[0]!, { result: 'conform', photoIds: [p1.id, p2.id] });
    expect(d.answers[0]!.photos.map((p) => p.id).sort()).toEqual([p1.id, p2.id].sort()); // oldest first; same test-clock instant here
    d = await answer(deptChem, d.id, SPOT.keys[0]!, { result: 'conform', photoIds: [p2.id] });
    expect(d.answers[0]!.photos.map((p) => p.id)).toEqual([p2.id]);
    const [freed] = await t.db.select().from(filesTable).where(eq(filesTable.id, p1.id));
    expect(freed!.ownerId).toBeNull();

    const notCreator = await deptChemNoCert.request('POST', `/api/inspections/${d.id}/discard`, { version: d.version, reason: '重复录入' });
    expect(notCreator.statusCode).toBe(403);
    const ok = await deptChem.request('POST', `/api/inspections/${d.id}/discard`, { version: d.version, reason: '重复录入' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await deptChem.get(`/api/inspections/${d.id}`)).statusCode).toBe(404);
    const [released] = await t.db.select().from(filesTable).where(eq(filesTable.id, p2.id));
    expect(released!.ownerId).toBeNull();
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, d.id));
    expect(audit.find((a) => a.action === 'inspection.discard')?.after).toMatchObject({ reason: '重复录入' });
  });

  it('offers the types, templates and colleagues of the caller', async () => {
    const res = await deptChem.get('/api/inspections/options');
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json() as { types: string[]; templates: { code: string }[]; coInspectors: { userId: string; certificateNo: string | null }[]; myCertificateNo: string | null };
    expect(o.types).toContain('enforcement');
    expect(o.templates.map((x) => x.code)).toContain(SPOT.code);
    expect(o.coInspectors.map((x) => x.userId)).toEqual(expect.arrayContaining([chem2.id, noCert.id]));
    expect(o.coInspectors.map((x) => x.userId)).not.toContain(w.users.deptChemT1.id);
    expect(o.myCertificateNo).toBe('ZF-001');
    const ent = (await entB.get('/api/inspections/options')).json() as { types: string[] };
    expect(ent.types).toEqual(['self_daily', 'self_weekly', 'self_monthly']);
  });
});
