// Enforcement cases through the HTTP API on a real database: opening a case (directly, from a
// hazard, from an inspection), input validation, and the state machine 立案 → 调查 → 决定 → 执行 → 结案
// with its refusals, measures and optimistic locking.
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { THazardDetail } from '../../../contract/hazards.ts';
import { CASE_REFUSAL_MESSAGES, MEASURE_PROBLEM_MESSAGES } from '../../../domain/enforcement/enforcement.ts';
import { auditLog, inspections } from '../../db/schema/index.ts';
import { actOk as hazardActOk, reportHazard } from '../../test/hazards.ts';
import { errorOf } from '../../test/http.ts';
import { TODAY, act, actOk, decide, deptChem, entB, getCase, group, ids, leader, list, now, office, officeX, openCase, openOk, otherVillage, penalty, t, useCaseWorld, village, w } from './cases.test-world.ts';

useCaseWorld();

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
