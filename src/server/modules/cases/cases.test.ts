// Enforcement cases through the HTTP API on a real database: opening a case (directly, from a
// hazard, from an inspection), the state machine 立案 → 调查 → 决定 → 执行 → 结案 with its
// refusals and optimistic locking, measures and their field errors, the derived 一案双罚 and
// 依法不予处罚, publication, documents, roles and scope, the summary figures and the export.
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCaseDetail, TCaseListResponse } from '../../../contract/cases.ts';
import type { THazardDetail } from '../../../contract/hazards.ts';
import { PUBLISH_REFUSAL_MESSAGE } from '../../../domain/case-policy.ts';
import { CASE_REFUSAL_MESSAGES, MEASURE_PROBLEM_MESSAGES } from '../../../domain/enforcement.ts';
import { auditLog, inspections } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { type BuiltUser, buildUser } from '../../test/factories.ts';
import { actOk as hazardActOk, fullPlan, reportHazard } from '../../test/hazards.ts';
import { type Session, XLSX_MIME, abilitiesOf, errorOf, loginAs, multipartBody } from '../../test/http.ts';
import { type World, buildWorld } from '../../test/world.ts';
import { readXlsx } from '../../test/xlsx.ts';
import { tinyPdf } from '../files/files.fixtures.ts';

let t: TestApp;
let w: World;
let office: Session; // 安委办 of 一镇 (T1): a, b, c
let deptChem: Session; // 应急站 of 一镇: chemicals in T1 (a, c)
let deptBuild: Session; // 住建局 (district): building (c, e)
let village: Session; // 一村: a, b
let otherVillage: Session; // 三村 (V2): d, e
let entA: Session; // enterprise a
let entB: Session; // enterprise b
let leader: Session; // leader of 二镇: d, e
let group: Session; // supervision group: b, c, e
let officeX: Session; // another district
let admin: Session; // district admin: a–e

const now = () => t.clock.now();
const TODAY = '2024-06-03';

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const login = (u: BuiltUser) => loginAs(t.app, u.username, u.password);
  office = await login(w.users.officeT1);
  deptChem = await login(w.users.deptChemT1);
  deptBuild = await login(w.users.deptBuildD);
  village = await login(w.users.villageV1a);
  otherVillage = await login(w.users.villageV2);
  entB = await login(w.users.enterpriseB);
  entA = await login(await buildUser(t.db, { role: 'enterprise', unit: w.V1a, enterpriseId: w.enterprises.a.id }));
  leader = await login(w.users.leaderT2);
  group = await login(w.users.groupMember);
  officeX = await login(w.users.officeX);
  admin = await login(w.users.adminD);
});
afterAll(() => t?.close());

const openCase = (s: Session, body: Record<string, unknown>) =>
  s.request('POST', '/api/cases', { title: '未按规定开展安全风险辨识', facts: '现场检查发现', filedOn: '2024-06-01', ...body });
async function openOk(s: Session, body: Record<string, unknown>): Promise<TCaseDetail> {
  const res = await openCase(s, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TCaseDetail;
}
async function getCase(s: Session, id: string): Promise<TCaseDetail> {
  const res = await s.get(`/api/cases/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TCaseDetail;
}
async function act(s: Session, id: string, body: Record<string, unknown>) {
  const version = body.version ?? (await getCase(s, id)).version;
  return s.request('POST', `/api/cases/${id}/actions`, { ...body, version });
}
async function actOk(s: Session, id: string, body: Record<string, unknown>): Promise<TCaseDetail> {
  const res = await act(s, id, body);
  expect(res.statusCode, `${String(body.action)}: ${res.body}`).toBe(200);
  return res.json() as TCaseDetail;
}
const penalty = (enterpriseYuan: number, principalYuan: number) => ({ kind: 'penalty', fineOnEnterpriseYuan: enterpriseYuan, fineOnPrincipalYuan: principalYuan });
const decide = (measures: unknown[], o: Record<string, unknown> = {}) => ({ action: 'decide', measures, documentNo: '渝北应急罚〔2024〕12号', decidedOn: TODAY, ...o });
/** A case of enterprise a by 应急站, taken to 决定 with the given measures. */
async function decidedCase(measures: unknown[], o: Record<string, unknown> = {}, s: Session = deptChem, enterpriseId = w.enterprises.a.id) {
  const c = await openOk(s, { enterpriseId });
  await actOk(s, c.id, { action: 'investigate' });
  return actOk(s, c.id, decide(measures, o));
}
async function list(s: Session, query = ''): Promise<TCaseListResponse> {
  const res = await s.get(`/api/cases?pageSize=100${query ? `&${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TCaseListResponse;
}
const ids = (l: { items: { id: string }[] }) => l.items.map((i) => i.id);

describe('opening a case', () => {
  it('a department opens a case for a supervised enterprise: numbered, handled by its unit, with a timeline event and an audit row', async () => {
    const c = await openOk(deptChem, { enterpriseId: w.enterprises.a.id });
    expect(c).toMatchObject({
      status: 'filed', enterpriseId: w.enterprises.a.id, enterpriseName: '甲化工有限公司', villageName: '一村', unitId: w.depChemT1.id,
      unitName: '应急站', filedOn: '2024-06-01', title: '未按规定开展安全风险辨识', facts: '现场检查发现', version: 1, dualPenalty: false,
      noPenaltyByLaw: false, published: false, measures: [], inspection: null, hazard: null,
    });
    expect(c.number).toMatch(/^[A-Z]+-AJ-2024-\d{6}$/);
    expect(c.events.map((e) => [e.action, e.toStatus])).toEqual([['file', 'filed']]);
    expect(c.allowedActions).toEqual(['investigate', 'attach']);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(audit).toMatchObject({ action: 'case.create', entityType: 'enforcement_case' });

    const next = await openOk(deptChem, { enterpriseId: w.enterprises.c.id });
    expect(Number(next.number.split('-').at(-1))).toBe(Number(c.number.split('-').at(-1)) + 1);
  });

  it('the office handles its cases as the township', async () => {
    const c = await openOk(office, { enterpriseId: w.enterprises.b.id });
    expect(c).toMatchObject({ unitId: w.T1.id, unitName: '一镇' });
  });

  it('refuses other roles (403), enterprises out of scope, a missing source and a future date', async () => {
    for (const s of [village, leader, entB, group]) {
      const res = await openCase(s, { enterpriseId: w.enterprises.b.id });
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe('FORBIDDEN');
    }
    // a department only for the enterprises of its sectors
    const fire = await openCase(deptChem, { enterpriseId: w.enterprises.b.id });
    expect(fire.statusCode).toBe(400);
    expect(errorOf(fire).fieldErrors).toEqual({ enterpriseId: ['生产经营单位不存在或不在您的管辖范围内'] });
    expect((await openCase(officeX, { enterpriseId: w.enterprises.a.id })).statusCode).toBe(400);
    const none = await openCase(office, {});
    expect(errorOf(none).fieldErrors).toHaveProperty('enterpriseId');
    const future = await openCase(office, { enterpriseId: w.enterprises.a.id, filedOn: '2024-06-04' });
    expect(errorOf(future).fieldErrors).toEqual({ filedOn: ['立案日期不能晚于今天'] });
    const noTitle = await openCase(office, { enterpriseId: w.enterprises.a.id, title: ' ' });
    expect(errorOf(noTitle).fieldErrors).toEqual({ title: ['请填写案由'] });
  });

  it('from a hazard: copies its enterprise and links it both ways', async () => {
    const h = await reportHazard(village, now(), { enterpriseId: w.enterprises.a.id, sectorId: w.chem.id });
    // 立案 is offered to the department, not to the village that reported it
    const canOpenCase = async (s: typeof deptChem, id: string) => ((await s.get(`/api/hazards/${id}`)).json() as THazardDetail).allowedActions.includes('open_case');
    expect(await canOpenCase(village, h.id)).toBe(false);
    expect(await canOpenCase(deptChem, h.id)).toBe(true);
    const src = await deptChem.get(`/api/cases/source?hazardId=${h.id}`);
    expect(src.statusCode, src.body).toBe(200);
    expect(src.json()).toMatchObject({ enterpriseId: w.enterprises.a.id, enterpriseName: '甲化工有限公司', hazard: { id: h.id, number: h.number } });
    const c = await openOk(deptChem, { hazardId: h.id, enterpriseId: w.enterprises.c.id });
    expect(c).toMatchObject({ enterpriseId: w.enterprises.a.id, hazard: { id: h.id, number: h.number } });
    expect(ids(await list(deptChem, `hazardId=${h.id}`))).toEqual([c.id]);
    // a hazard the caller cannot see
    const other = await reportHazard(otherVillage, now(), { enterpriseId: w.enterprises.d.id, sectorId: w.chem.id });
    const res = await openCase(office, { hazardId: other.id });
    expect(errorOf(res).fieldErrors).toEqual({ hazardId: ['隐患不存在或不在您的管辖范围内'] });
    // a voided hazard is no violation on record
    const dup = await reportHazard(village, now(), { enterpriseId: w.enterprises.a.id, sectorId: w.chem.id });
    const voided = await hazardActOk(village, dup.id, { action: 'void', version: dup.version, reason: '重复录入' });
    expect(voided.status).toBe('voided');
    expect(await canOpenCase(deptChem, dup.id)).toBe(false);
    expect(errorOf(await openCase(deptChem, { hazardId: dup.id })).fieldErrors).toEqual({ hazardId: ['隐患已作废，不能立案'] });
  });

  it('from a completed inspection: copies its enterprise; a draft, or one that found nothing, is refused', async () => {
    const inspection = async (status: 'draft' | 'completed', type: 'enforcement' | 'assistance' = 'enforcement') => {
      const [r] = await t.db.insert(inspections).values({
        districtId: w.D.id, townshipId: w.T1.id, villageId: w.V1b.id, enterpriseId: w.enterprises.c.id, number: `T-JC-2024-${randomUUID().slice(0, 6)}`,
        type, inspectedOn: '2024-06-02', unitId: w.depChemT1.id, templateVersionId: randomUUID(), templateCode: 'T', templateVersion: 1,
        status, createdBy: w.users.deptChemT1.id,
      }).returning();
      return r!;
    };
    const done = await inspection('completed');
    const c = await openOk(deptChem, { inspectionId: done.id });
    expect(c).toMatchObject({ enterpriseId: w.enterprises.c.id, villageName: '二村', inspection: { id: done.id, number: done.number } });
    const src = await deptChem.get(`/api/cases/source?inspectionId=${done.id}`);
    expect(src.json()).toMatchObject({ enterpriseId: w.enterprises.c.id, inspection: { id: done.id, inspectedOn: '2024-06-02' } });
    const draft = await inspection('draft');
    expect(errorOf(await openCase(deptChem, { inspectionId: draft.id })).fieldErrors).toEqual({ inspectionId: ['检查记录完成后方可立案'] });
    const clean = await inspection('completed', 'assistance');
    expect(errorOf(await openCase(deptChem, { inspectionId: clean.id })).fieldErrors).toEqual({ inspectionId: ['该检查未发现不符合项，不能据此立案'] });
    // out of the caller's scope (住建局 sees c too, 一村 is not an editor; 消防所's colleague 应急站 sees c: use officeX)
    expect(errorOf(await openCase(officeX, { inspectionId: done.id })).fieldErrors).toHaveProperty('inspectionId');
  });
});

describe('input validation', () => {
  it('a well-formed but impossible date is a field error in Chinese, not a server error', async () => {
    const create = await openCase(office, { enterpriseId: w.enterprises.a.id, filedOn: '2024-02-31' });
    expect(create.statusCode).toBe(400);
    expect(errorOf(create).fieldErrors?.filedOn).toEqual(['日期不存在']);
    const list = await office.get('/api/cases?from=2024-99-99');
    expect(list.statusCode).toBe(400);
    expect(errorOf(list).fieldErrors?.from).toEqual(['日期不存在']);
  });
});

describe('the state machine', () => {
  it('立案 → 调查 → 决定 → 执行 → 结案, each a timeline event and an audit row', async () => {
    const c = await openOk(deptChem, { enterpriseId: w.enterprises.a.id });
    const inv = await actOk(deptChem, c.id, { action: 'investigate', note: '调取监控录像' });
    expect(inv).toMatchObject({ status: 'investigating', version: 2 });
    expect(inv.allowedActions).toEqual(['decide', 'attach']);

    const dec = await actOk(deptChem, c.id, decide([penalty(50000, 8000.5), { kind: 'suspension', note: '停产整顿30日' }]));
    expect(dec).toMatchObject({
      status: 'decided', documentNo: '渝北应急罚〔2024〕12号', decidedOn: TODAY, fineOnEnterpriseYuan: 50000, fineOnPrincipalYuan: 8000.5,
      totalFineYuan: 58000.5, dualPenalty: true, measureKinds: ['penalty', 'suspension'],
    });
    expect(dec.measures.map((m) => [m.kind, m.fineOnEnterpriseYuan, m.fineOnPrincipalYuan, m.executedOn])).toEqual([
      ['penalty', 50000, 8000.5, null], ['suspension', null, null, null],
    ]);
    expect(dec.allowedActions).toEqual(['execute', 'publish', 'attach']);

    // measures decided must be executed before closing
    const early = await act(deptChem, c.id, { action: 'close', note: '结案' });
    expect(early.statusCode).toBe(400);
    expect(errorOf(early).message).toBe(CASE_REFUSAL_MESSAGES.execution_required);
    const exe = await actOk(deptChem, c.id, { action: 'execute', executedOn: TODAY, note: '罚款已缴纳' });
    expect(exe.status).toBe('executing');
    expect(exe.measures.every((m) => m.executedOn === TODAY)).toBe(true);

    const noNote = await act(deptChem, c.id, { action: 'close', note: '' });
    expect(noNote.statusCode).toBe(400);
    expect(errorOf(noNote).fieldErrors).toEqual({ note: [CASE_REFUSAL_MESSAGES.note_missing] });
    const closed = await actOk(deptChem, c.id, { action: 'close', note: '处罚执行完毕' });
    expect(closed).toMatchObject({ status: 'closed', closedOn: TODAY, closeNote: '处罚执行完毕' });
    expect(closed.events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['file', null, 'filed'], ['investigate', 'filed', 'investigating'], ['decide', 'investigating', 'decided'],
      ['execute', 'decided', 'executing'], ['close', 'executing', 'closed'],
    ]);
    expect(closed.allowedActions).toEqual(['publish', 'attach']);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, c.id)).orderBy(asc(auditLog.seq));
    expect(audits.map((a) => a.action)).toEqual(['case.create', 'case.investigate', 'case.decide', 'case.execute', 'case.close']);
  });

  it('refuses actions out of state (409), a stale version (409) and a close before the measures are executed', async () => {
    const c = await openOk(deptChem, { enterpriseId: w.enterprises.a.id });
    const skip = await act(deptChem, c.id, decide([penalty(1000, 0)]));
    expect(skip.statusCode).toBe(409);
    expect(errorOf(skip)).toMatchObject({ code: 'CONFLICT', message: CASE_REFUSAL_MESSAGES.not_in_state });
    await actOk(deptChem, c.id, { action: 'investigate' });
    const stale = await act(deptChem, c.id, { action: 'investigate', version: 1 });
    expect(stale.statusCode).toBe(409);
    const staleDecide = await act(deptChem, c.id, { ...decide([penalty(1000, 0)]), version: 1 });
    expect(staleDecide.statusCode).toBe(409);
    expect(errorOf(staleDecide).code).toBe('CONFLICT');
    expect((await getCase(deptChem, c.id)).measures).toEqual([]);
  });

  it('a decision without a penalty needs a reason and closes straight away; a reason beside a penalty is contradictory', async () => {
    const c = await openOk(deptChem, { enterpriseId: w.enterprises.a.id });
    await actOk(deptChem, c.id, { action: 'investigate' });
    const empty = await act(deptChem, c.id, decide([], { documentNo: null }));
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty)).toMatchObject({ message: CASE_REFUSAL_MESSAGES.decision_missing, fieldErrors: { measures: [CASE_REFUSAL_MESSAGES.decision_missing] } });
    const both = await act(deptChem, c.id, decide([penalty(1000, 0)], { noPenaltyReason: '已主动整改' }));
    expect(errorOf(both).fieldErrors).toEqual({ noPenaltyReason: [CASE_REFUSAL_MESSAGES.decision_contradictory] });
    const noDoc = await act(deptChem, c.id, decide([penalty(1000, 0)], { documentNo: null }));
    expect(errorOf(noDoc).fieldErrors).toEqual({ documentNo: ['作出处罚决定须填写决定书文号'] });
    const early = await act(deptChem, c.id, decide([], { noPenaltyReason: '违法行为轻微并及时改正', decidedOn: '2024-05-31' }));
    expect(errorOf(early).fieldErrors).toEqual({ decidedOn: ['决定日期不能早于2024-06-01'] });

    const dec = await actOk(deptChem, c.id, decide([], { documentNo: null, noPenaltyReason: '违法行为轻微并及时改正' }));
    expect(dec).toMatchObject({ status: 'decided', noPenaltyReason: '违法行为轻微并及时改正', totalFineYuan: 0, dualPenalty: false });
    expect(dec.allowedActions).toEqual(['close', 'publish', 'attach']);
    expect((await act(deptChem, c.id, { action: 'execute', executedOn: TODAY })).statusCode).toBe(400);
    expect((await actOk(deptChem, c.id, { action: 'close', note: '不予处罚，结案' })).status).toBe('closed');
  });

  it('names each wrong measure by its field: measures.N.field', async () => {
    const c = await openOk(deptChem, { enterpriseId: w.enterprises.a.id });
    await actOk(deptChem, c.id, { action: 'investigate' });
    const nothing = await act(deptChem, c.id, decide([{ kind: 'summons' }, penalty(0, 0)]));
    expect(nothing.statusCode).toBe(400);
    expect(errorOf(nothing)).toMatchObject({
      message: CASE_REFUSAL_MESSAGES.measure_invalid,
      fieldErrors: { 'measures.1.fineOnEnterpriseYuan': [MEASURE_PROBLEM_MESSAGES.fine_missing] },
    });
    const shape = await act(deptChem, c.id, decide([penalty(100.123, -1), { kind: 'judicial_referral', personCount: 0 }, { kind: 'judicial_referral' }]));
    expect(shape.statusCode).toBe(400);
    const fe = errorOf(shape).fieldErrors!;
    expect(fe['measures.0.fineOnEnterpriseYuan']).toEqual(['罚款金额最多精确到分（两位小数）']);
    expect(fe['measures.0.fineOnPrincipalYuan']).toEqual(['罚款金额不能为负']);
    expect(fe['measures.1.personCount']).toEqual(['移送人数至少1人']);
    expect(fe['measures.2.personCount']).toEqual(['请填写移送人数']);
    const kind = await act(deptChem, c.id, decide([{ kind: 'fine' }]));
    expect(kind.statusCode).toBe(400);
    expect(Object.keys(errorOf(kind).fieldErrors!)[0]).toMatch(/^measures\.0/);
    expect((await getCase(deptChem, c.id)).status).toBe('investigating');
  });
});

describe('derived flags', () => {
  it('一案双罚 when both the enterprise and its principal are fined; not for the enterprise alone', async () => {
    const dual = await decidedCase([penalty(20000, 0), penalty(0, 5000)]);
    expect(dual.dualPenalty).toBe(true);
    const single = await decidedCase([penalty(20000, 0)]);
    expect(single.dualPenalty).toBe(false);
    const l = await list(deptChem, 'dualPenalty=true');
    expect(ids(l)).toContain(dual.id);
    expect(ids(l)).not.toContain(single.id);
    expect(ids(await list(deptChem, 'dualPenalty=false'))).toContain(single.id);
  });

  it('依法不予处罚: a major hazard the enterprise reported itself, being rectified, decided without a penalty', async () => {
    // enterprise a reports its own major hazard, and its plan is accepted → rectifying
    const h = await reportHazard(entA, now(), {
      enterpriseId: w.enterprises.a.id, sectorId: w.chem.id, source: 'self_inspection', level: 'major', criterion: '储罐区未设置可燃气体报警',
    });
    await hazardActOk(entA, h.id, { action: 'submit_plan', plan: fullPlan() });
    const accepted = await hazardActOk(deptChem, h.id, { action: 'accept' });
    expect(accepted.status).toBe('rectifying');

    const c = await openOk(deptChem, { hazardId: h.id });
    expect(c.noPenaltyByLaw).toBe(false); // nothing decided yet
    await actOk(deptChem, c.id, { action: 'investigate' });
    const dec = await actOk(deptChem, c.id, decide([{ kind: 'summons' }], { documentNo: null, noPenaltyReason: '企业自查发现并已报告，正在采取有效措施消除' }));
    expect(dec.noPenaltyByLaw).toBe(true);

    // the same hazard with a fine is not
    const fined = await openOk(deptChem, { hazardId: h.id });
    await actOk(deptChem, fined.id, { action: 'investigate' });
    expect((await actOk(deptChem, fined.id, decide([penalty(1000, 0)]))).noPenaltyByLaw).toBe(false);
    // nor a hazard found by the authorities
    const byVillage = await reportHazard(village, now(), { enterpriseId: w.enterprises.a.id, sectorId: w.chem.id, level: 'major', criterion: '储罐区未设置可燃气体报警' });
    const other = await openOk(deptChem, { hazardId: byVillage.id });
    await actOk(deptChem, other.id, { action: 'investigate' });
    expect((await actOk(deptChem, other.id, decide([], { noPenaltyReason: '已整改' }))).noPenaltyByLaw).toBe(false);
  });
});

describe('publication and documents', () => {
  it('publishes as 典型执法案例 only after the decision, with the 危险作业罪 flag; unpublishes', async () => {
    const c = await openOk(deptChem, { enterpriseId: w.enterprises.a.id });
    const early = await act(deptChem, c.id, { action: 'publish', publicationSummary: '某企业违法动火作业' });
    expect(early.statusCode).toBe(400);
    expect(errorOf(early).message).toBe(PUBLISH_REFUSAL_MESSAGE);
    await actOk(deptChem, c.id, { action: 'investigate' });
    await actOk(deptChem, c.id, decide([{ kind: 'judicial_referral', personCount: 2 }]));
    const pub = await actOk(deptChem, c.id, { action: 'publish', publicationSummary: '某企业关闭可燃气体报警装置作业', dangerousOperationCrime: true });
    expect(pub).toMatchObject({ published: true, dangerousOperationCrime: true, publicationSummary: '某企业关闭可燃气体报警装置作业', judicialReferralPersons: 2 });
    expect(pub.publishedAt).not.toBeNull();
    expect(pub.allowedActions).toContain('unpublish');
    expect(ids(await list(deptChem, 'published=true&dangerousOperationCrime=true'))).toContain(c.id);
    const un = await actOk(deptChem, c.id, { action: 'unpublish' });
    expect(un.published).toBe(false);
    expect(ids(await list(deptChem, 'published=true'))).not.toContain(c.id);
  });

  it('attaches PDF or photo documents, downloadable by those who see the case only', async () => {
    const c = await openOk(office, { enterpriseId: w.enterprises.b.id });
    const data = tinyPdf(); // a real one-page PDF: uploads must open to their end
    const body = multipartBody({ filename: '处罚决定书.pdf', contentType: 'application/pdf', data }, { purpose: 'case' });
    const pdf = await office.request('POST', '/api/files', body.payload, { headers: body.headers });
    expect(pdf.statusCode, pdf.body).toBe(200);
    const file = pdf.json() as { id: string; url: string; kind: string };
    expect(file.kind).toBe('document');
    const withDoc = await actOk(office, c.id, { action: 'attach', fileIds: [file.id] });
    expect(withDoc.documents.map((d) => [d.id, d.originalName, d.purpose])).toEqual([[file.id, '处罚决定书.pdf', 'case']]);
    expect(withDoc.events.at(-1)).toMatchObject({ action: 'attach', note: '处罚决定书.pdf' });
    expect((await office.get(file.url)).statusCode).toBe(200);
    expect((await entB.get(file.url)).statusCode).toBe(200); // its own case
    expect((await entA.get(file.url)).statusCode).toBe(404);
    expect((await otherVillage.get(file.url)).statusCode).toBe(404);
    // used once only
    const again = await act(office, c.id, { action: 'attach', fileIds: [file.id] });
    expect(errorOf(again).fieldErrors).toHaveProperty('fileIds');
  });
});

describe('roles and scope', () => {
  it('an enterprise reads its own cases only, and cannot act', async () => {
    const mine = await openOk(office, { enterpriseId: w.enterprises.b.id });
    const notMine = await openOk(office, { enterpriseId: w.enterprises.a.id });
    const seen = await getCase(entB, mine.id);
    expect(seen.allowedActions).toEqual([]);
    expect((await entB.get(`/api/cases/${notMine.id}`)).statusCode).toBe(404);
    const l = await list(entB);
    expect(l.items.every((i) => i.enterpriseId === w.enterprises.b.id)).toBe(true);
    expect(await abilitiesOf(entB)).not.toContain('run:case');
    const res = await act(entB, mine.id, { action: 'investigate' });
    expect(res.statusCode).toBe(403);
  });

  it('leaders and supervision groups read in their scope; out of scope answers 404', async () => {
    const atE = await openOk(deptBuild, { enterpriseId: w.enterprises.e.id });
    const atA = await openOk(deptChem, { enterpriseId: w.enterprises.a.id });
    expect((await getCase(leader, atE.id)).allowedActions).toEqual([]);
    expect((await leader.get(`/api/cases/${atA.id}`)).statusCode).toBe(404);
    expect((await getCase(group, atE.id)).allowedActions).toEqual([]);
    expect((await group.get(`/api/cases/${atA.id}`)).statusCode).toBe(404);
    expect((await act(leader, atE.id, { action: 'investigate' })).statusCode).toBe(403);
    expect((await officeX.get(`/api/cases/${atA.id}`)).statusCode).toBe(404);
    expect((await otherVillage.get(`/api/cases/${atA.id}`)).statusCode).toBe(404);
    expect((await getCase(village, atA.id)).allowedActions).toEqual([]);
    expect(ids(await list(officeX))).toEqual([]);
  });

  it('a department runs only the cases its unit handles; the office runs any in its township', async () => {
    // enterprise c is both chemicals (应急站) and building (住建局)
    const byBuild = await openOk(deptBuild, { enterpriseId: w.enterprises.c.id });
    const seenByChem = await getCase(deptChem, byBuild.id);
    expect(seenByChem.allowedActions).toEqual([]);
    expect((await act(deptChem, byBuild.id, { action: 'investigate' })).statusCode).toBe(403);
    expect((await getCase(office, byBuild.id)).allowedActions).toEqual(['investigate', 'attach']);
    expect((await actOk(office, byBuild.id, { action: 'investigate' })).status).toBe('investigating');
    expect((await getCase(admin, byBuild.id)).allowedActions).toEqual(['decide', 'attach']);
  });
});

describe('list, summary and export', () => {
  it('filters, searches, counts by status and sums the figures of the filtered cases', async () => {
    // a fresh enterprise keeps these figures apart from the other tests'
    const base = `enterpriseId=${w.enterprises.d.id}`;
    const officeD = await loginAs(t.app, w.users.officeD.username, w.users.officeD.password);
    const open = (title: string) => openOk(officeD, { enterpriseId: w.enterprises.d.id, title });
    const a = await open('违规动火作业');
    await actOk(officeD, a.id, { action: 'investigate' });
    await actOk(officeD, a.id, decide([penalty(30000, 6000), { kind: 'suspension' }, { kind: 'judicial_referral', personCount: 3 }]));
    await actOk(officeD, a.id, { action: 'publish', publicationSummary: '违规动火', dangerousOperationCrime: true });
    const b = await open('未落实隐患排查制度');
    await actOk(officeD, b.id, { action: 'investigate' });
    await actOk(officeD, b.id, decide([penalty(10000.25, 0), { kind: 'work_stop' }, { kind: 'closure_request' }, { kind: 'suspension' }]));
    const c = await open('未按规定培训');

    const l = await list(officeD, base);
    expect(l.total).toBe(3);
    expect(l.statusCounts).toEqual({ filed: 1, investigating: 0, decided: 2, executing: 0, closed: 0 });
    expect(l.summary).toEqual({
      cases: 3, penalized: 2, finesYuan: 46000.25, dualPenalty: 1, suspensions: 2, workStops: 1, judicialReferrals: 1, judicialReferralPersons: 3,
      closureRequests: 1, published: 1, dangerousOperationCrime: 1,
    });
    // the status filter narrows the items and the figures, the tabs keep their counts
    const filed = await list(officeD, `${base}&status=filed`);
    expect(ids(filed)).toEqual([c.id]);
    expect(filed.statusCounts.decided).toBe(2);
    expect(filed.summary).toMatchObject({ cases: 1, finesYuan: 0 });
    expect(ids(await list(officeD, `${base}&measureKind=work_stop`))).toEqual([b.id]);
    expect(ids(await list(officeD, `${base}&q=${encodeURIComponent('动火')}`))).toEqual([a.id]);
    expect(ids(await list(officeD, `q=${encodeURIComponent('丁化工')}`)).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(ids(await list(officeD, `q=${encodeURIComponent(a.number)}`))).toEqual([a.id]);
    expect((await list(officeD, `${base}&unitId=${w.D.id}&villageId=${w.V2.id}&from=2024-06-01&to=2024-06-01`)).total).toBe(3);
    expect((await list(officeD, `${base}&from=2024-06-02`)).total).toBe(0);
    const item = l.items.find((i) => i.id === a.id)!;
    expect(item).toMatchObject({ totalFineYuan: 36000, dualPenalty: true, judicialReferralPersons: 3, measureKinds: ['penalty', 'suspension', 'judicial_referral'] });
    const page = await officeD.get(`/api/cases?${base}&page=2&pageSize=2`);
    expect((page.json() as TCaseListResponse).items).toHaveLength(1);
  });

  it('exports the filtered cases as a readable workbook', async () => {
    const officeD = await loginAs(t.app, w.users.officeD.username, w.users.officeD.password);
    const res = await officeD.get(`/api/cases/export?enterpriseId=${w.enterprises.d.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    const x = await readXlsx(res.rawPayload);
    expect(x.headers).toContain('一案双罚');
    expect(x.rows).toHaveLength(3);
    const row = x.rows.find((r) => r['案由'] === '违规动火作业')!;
    expect(row).toMatchObject({ 生产经营单位: '丁化工有限公司', 状态: '决定', 一案双罚: '是', '罚款合计（元）': '36000', '移送司法机关（人）': '3', 典型案例: '是', 危险作业罪: '是' });
    expect(row['处理措施']).toBe('行政处罚、责令停产整顿、移送司法机关');
    // nothing outside the scope
    const x2 = await readXlsx((await entB.get(`/api/cases/export?enterpriseId=${w.enterprises.d.id}`)).rawPayload);
    expect(x2.rows).toHaveLength(0);
  });
});
