// What a case shows and who sees it: the derived 一案双罚 and 依法不予处罚, publication as 典型执法案例,
// documents, roles and scope, the list's summary figures and the export.
import { describe, expect, it } from 'vitest';
import type { TCaseListResponse } from '../../../contract/cases.ts';
import { PUBLISH_REFUSAL_MESSAGE } from '../../../domain/enforcement/case-policy.ts';
import { buildHazard } from '../../test/builders.ts';
import { reportHazard } from '../../test/hazards.ts';
import { XLSX_MIME, errorOf, loginAs, multipartBody, abilitiesOf } from '../../test/http.ts';
import { readXlsx } from '../../test/xlsx.ts';
import { tinyPdf } from '../files/files.fixtures.ts';
import { act, actOk, admin, decide, decidedCase, deptBuild, deptChem, entA, entB, getCase, group, ids, leader, list, now, office, officeX, openOk, otherVillage, penalty, t, useCaseWorld, village, w } from './cases.test-world.ts';

useCaseWorld();

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
    // enterprise a's own major hazard (企业自查), its plan accepted → rectifying: built, not driven through the API
    const h = await buildHazard(t.db, {
      enterprise: w.enterprises.a, sectorId: w.chem.id, reporter: w.users.deptChemT1, responsibleUnitId: w.depChemT1.id,
      source: 'self_inspection', level: 'major', state: 'accepted', at: now(),
    });
    expect((await deptChem.get(`/api/hazards/${h.id}`)).json()).toMatchObject({ status: 'rectifying', source: 'self_inspection', level: 'major' });

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
