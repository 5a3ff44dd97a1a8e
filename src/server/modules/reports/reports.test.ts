// Report forms through the API on a real database: a township campaign with 大盛's 附件3 and 附件4
// and a district campaign with 崇明's 调度表, over the metric tests' records. What a unit's row
// says equals its records; a figure opens exactly the records it counted; a submitted version is
// frozen; the roll-up equals the units' sum where no record is shared; scope answers 404.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCampaignForms, TRollup, TSubmissionDetail } from '../../../contract/reports.ts';
import { campaigns } from '../../db/schema/index.ts';
import { chromiumPath } from '../../http/chromium.ts';
import { buildHazard } from '../../test/builders.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { createTestClock } from '../../test/clock.ts';
import { buildUser } from '../../test/factories.ts';
import { type Session, errorOf, loginAs } from '../../test/http.ts';
import { buildMetricsWorld } from './metrics/metrics-world.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildMetricsWorld>>;
let office: Session, v1: Session, v2: Session, dept: Session, district: Session, township: Session;
let campaignId: string, districtCampaignId: string;
let forms: TCampaignForms;

const DUE = '2026-11-30';
const formOf = (name: string) => forms.items.find((f) => f.name.includes(name))!;
const keyOf = (seriesId: string, unitId: string, due = DUE) => `${seriesId}_${unitId}_${due}`;
const get = async (s: Session, key: string) => {
  const res = await s.request('GET', `/api/report-submissions/${key}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TSubmissionDetail;
};
const act = (s: Session, key: string, body: Record<string, unknown>) => s.request('POST', `/api/report-submissions/${key}/actions`, body);
const values = (d: TSubmissionDetail) => Object.fromEntries(d.cells.map((c) => [c.key, c.value]));

beforeAll(async () => {
  t = await createTestApp({ clock: createTestClock('2026-12-01T02:00:00Z') });
  w = await buildMetricsWorld(t.db);
  const login = async (role: Parameters<typeof buildUser>[1]['role'], unit: Parameters<typeof buildUser>[1]['unit']) => {
    const u = await buildUser(t.db, { role, unit });
    return loginAs(t.app, u.username, u.password);
  };
  office = await login('office', w.T);
  v1 = await login('village', w.V1);
  v2 = await login('village', w.V2);
  dept = await login('department', w.dept);
  district = await login('office', w.D);
  township = office;
  campaignId = randomUUID();
  districtCampaignId = randomUUID();
  const published = new Date('2026-10-31T00:00:00Z');
  await t.db.insert(campaigns).values([
    { id: campaignId, districtId: w.D.id, townshipId: w.T.id, name: '秋冬季安全生产大排查', periodStart: '2026-11-01', periodEnd: '2027-01-31', publishedAt: published, createdBy: randomUUID() },
    { id: districtCampaignId, districtId: w.D.id, townshipId: null, name: '重大事故隐患专项排查整治', periodStart: '2026-11-01', periodEnd: '2027-03-31', publishedAt: published, createdBy: randomUUID() },
  ]);
  for (const ref of ['dasheng-annex-3', 'dasheng-annex-4']) {
    const res = await office.request('POST', `/api/campaigns/${campaignId}/report-forms`, { ref });
    expect(res.statusCode, res.body).toBe(200);
    forms = res.json();
  }
  const res = await district.request('POST', `/api/campaigns/${districtCampaignId}/report-forms`, { ref: 'chongming-dispatch-2023' });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(() => t.close());

describe('a campaign\'s forms and rounds', () => {
  it('lists each form with its rounds from the due phrase and its units', async () => {
    const f4 = formOf('附件4');
    expect(f4.units).toBe(2);
    expect(f4.rounds.map((r) => r.due)).toEqual(['2026-11-14', '2026-11-30', '2026-12-14', '2026-12-31', '2027-01-14', '2027-01-31']);
    expect(f4.rounds[1]).toMatchObject({ time: '18:00', from: '2026-11-01', expected: 2, reported: 0, overdue: 2 });
    const mine = (await v1.request('GET', `/api/campaigns/${campaignId}/report-rounds`)).json() as TCampaignForms;
    expect(mine.items.find((f) => f.name.includes('附件4'))!.rounds[1]!.mine).toMatchObject({ state: 'missing', overdue: true });
    expect(mine.canEdit).toBe(false);
  });

  it('refuses a second copy of the same form and a form nobody ships', async () => {
    expect((await office.request('POST', `/api/campaigns/${campaignId}/report-forms`, { ref: 'dasheng-annex-4' })).statusCode).toBe(409);
    expect((await office.request('POST', `/api/campaigns/${campaignId}/report-forms`, { ref: 'nope' })).statusCode).toBe(404);
    expect((await v1.request('POST', `/api/campaigns/${campaignId}/report-forms`, { ref: 'dasheng-annex-4' })).statusCode).toBe(403);
  });
});

describe('a unit\'s submission', () => {
  it('a department\'s 附件3 row equals what its records say, and every figure opens exactly its records', async () => {
    const d = await get(dept, keyOf(formOf('附件3').seriesId, w.dept.id));
    expect(values(d)).toMatchObject({
      supervised: 2, grade_red: 1, grade_orange: 1, grade_yellow: 0, grade_blue: 0, inspected: 2, inspected_by_leaders: 1, hazards: 3, hazards_fixed: 1,
      major: 2, major_fixed: 1, transferred: 0, listed: 1, enforced: 2, fines: 1_200_000, cases_transferred: null,
    });
    expect(d.allowedActions).toEqual(['save', 'submit']);
    for (const c of d.cells.filter((x) => x.kind === 'computed')) {
      const r = (await dept.request('GET', `/api/report-submissions/${d.key}/cells/${c.key}/records?pageSize=100`)).json();
      if (c.unit === '万元') expect(r.total, c.key).toBeGreaterThan(0);
      else expect(r.total, c.key).toBe(c.value);
      expect(c.records!.count, c.key).toBe(r.total);
    }
  });

  it('every computed cell of every seed form counts as many records as its value', async () => {
    const f4 = formOf('附件4');
    const chongming = ((await district.request('GET', `/api/campaigns/${districtCampaignId}/report-rounds`)).json() as TCampaignForms).items.find((f) => f.name.includes('崇明'))!;
    const keys = [
      [v1, keyOf(f4.seriesId, w.V1.id)], [v2, keyOf(f4.seriesId, w.V2.id)],
      [district, keyOf(chongming.seriesId, w.T.id, '2026-11-28')], [district, keyOf(chongming.seriesId, w.districtDept.id, '2026-11-28')],
    ] as const;
    for (const [s, key] of keys) {
      const d = await get(s, key);
      for (const c of d.cells.filter((x) => x.kind === 'computed' && x.unit !== '万元' && !['referrals'].includes(x.key))) expect(c.records!.count, `${key} ${c.key}`).toBe(c.value);
    }
    const ct = await get(district, keyOf(chongming.seriesId, w.T.id, '2026-11-28'));
    expect(values(ct)).toMatchObject({ self_major: 1, self_major_fixed: 1, dept_major: 1, listed_major: 1, spot_total: 1, spot_2: 1, spot_7: 0, penalties: 1, penalty_amount: 1_200_000, dual_penalty: 1, referrals: 2, exposures: 1, published_cases: 1, crime_cases: 1, accountability: 1, unit_interviews: 1, media: 0 });
  });

  it('a village cannot read another village\'s submission, nor a department a village\'s', async () => {
    const key = keyOf(formOf('附件4').seriesId, w.V1.id);
    expect((await v2.request('GET', `/api/report-submissions/${key}`)).statusCode).toBe(404);
    expect((await dept.request('GET', `/api/report-submissions/${key}`)).statusCode).toBe(404);
    expect((await v2.request('GET', `/api/report-submissions/${key}/cells/hazards/records`)).statusCode).toBe(404);
    expect((await v2.request('GET', `/api/report-submissions/not-a-key-at-all-but-long`)).statusCode).toBe(404);
    expect((await v2.request('PATCH', `/api/report-submissions/${key}`, { note: 'x' })).statusCode).toBe(404);
  });

  it('an override keeps both numbers and needs a reason; a submitted version does not change when records change', async () => {
    const key = keyOf(formOf('附件4').seriesId, w.V1.id);
    const bad = await v1.request('PATCH', `/api/report-submissions/${key}`, { overrides: { hazards: { value: 5, reason: '' } } });
    expect(bad.statusCode).toBe(400);
    const saved = await v1.request('PATCH', `/api/report-submissions/${key}`, { overrides: { hazards: { value: 5, reason: '含一条纸质台账未录入' } }, fillerName: '王网格', fillerPhone: '023-12345678' });
    expect(saved.statusCode, saved.body).toBe(200);
    const d = saved.json() as TSubmissionDetail;
    expect(d.cells.find((c) => c.key === 'hazards')).toMatchObject({ value: 5, computedValue: 4, overrideReason: '含一条纸质台账未录入' });
    expect(d.state).toBe('draft');
    const submitted = await act(v1, key, { action: 'submit' });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ state: 'submitted', late: true, frozen: true, revision: 1 });
    await buildHazard(t.db, { enterprise: w.E1, sectorId: w.E1.sectorIds[0]!, reporter: (await buildUser(t.db, { role: 'village', unit: w.V1 })), responsibleUnitId: w.V1.id, state: 'reported', at: new Date('2026-11-20T02:00:00Z') });
    const after = await get(v1, key);
    expect(values(after)).toMatchObject({ hazards: 5, hazards_fixed: 2 });
    const records = (await v1.request('GET', `/api/report-submissions/${key}/cells/hazards_fixed/records`)).json();
    expect(records).toMatchObject({ total: 2, frozen: true });
    expect((await v1.request('PATCH', `/api/report-submissions/${key}`, { note: '改' })).statusCode).toBe(409);
  });

  it('the township returns it with a reason, the unit submits a new version, the township approves', async () => {
    const key = keyOf(formOf('附件4').seriesId, w.V1.id);
    let d = await get(office, key);
    expect(d.allowedActions).toEqual(['approve', 'return']);
    const noReason = await act(office, key, { action: 'return', version: d.version, reason: ' ' });
    expect(errorOf(noReason).message).toBe('请填写原因');
    d = (await act(office, key, { action: 'return', version: d.version, reason: '隐患数与台账不符，请核实' })).json();
    expect(d).toMatchObject({ state: 'returned', reviewReason: '隐患数与台账不符，请核实', frozen: false });
    // the new hazard counts now: the draft is live
    expect(values(d).hazards).toBe(5);
    await v1.request('PATCH', `/api/report-submissions/${key}`, { overrides: { hazards: null } });
    d = (await act(v1, key, { action: 'submit' })).json();
    expect(d).toMatchObject({ state: 'submitted', revision: 2 });
    expect(values(d).hazards).toBe(5);
    d = (await act(office, key, { action: 'approve', version: d.version })).json();
    expect(d.state).toBe('approved');
    expect(d.versions.map((v) => v.revision)).toEqual([2, 1]);
    expect(d.history.map((h) => h.action)).toEqual(['提交', '退回', '提交', '审核通过']);
  });

  it('a round locks after its grace days; the office reopens it for one unit', async () => {
    const key = keyOf(formOf('附件4').seriesId, w.V2.id, '2026-11-14');
    t.clock.set('2026-11-18T02:00:00Z');
    let d = await get(v2, key);
    expect(d.locked).toBe(true);
    expect(d.allowedActions).toEqual(['submit']);
    expect(errorOf(await act(v2, key, { action: 'submit' })).message).toContain('锁定');
    d = await get(office, key);
    expect(d.allowedActions).toContain('reopen');
    d = (await act(office, key, { action: 'reopen', version: d.version, reason: '村里网格员换人，补报' })).json();
    expect(d).toMatchObject({ locked: false, reopenedUntil: '2026-11-21' });
    d = (await act(v2, key, { action: 'submit' })).json();
    expect(d).toMatchObject({ state: 'submitted', late: true });
    t.clock.set('2026-12-01T02:00:00Z');
  });
});

describe('the roll-up', () => {
  it('equals the sum of its units where no record is shared, beside the region recounted', async () => {
    const f4 = formOf('附件4');
    const k2 = keyOf(f4.seriesId, w.V2.id);
    expect((await act(v2, k2, { action: 'submit' })).statusCode).toBe(200);
    const r = (await office.request('GET', `/api/campaigns/${campaignId}/report-rounds/${DUE}/rollup?form=${f4.seriesId}`)).json() as TRollup;
    expect(r.rows.map((x) => x.state).sort()).toEqual(['approved', 'submitted']);
    expect(r.completeness).toMatchObject({ expected: 2, reported: 2, onTime: 0 });
    // the hazard added after the first submission is in V1's second version and in the region
    for (const k of ['supervised', 'grade_red', 'hazards', 'hazards_fixed', 'major', 'major_fixed', 'transferred']) expect(r.sum[k], k).toBe(r.region.values[k]);
    expect(r.region.values.hazards).toBe(6);
    expect((await v1.request('GET', `/api/campaigns/${campaignId}/report-rounds/${DUE}/rollup?form=${f4.seriesId}`)).statusCode).toBe(404);
  });

  it('a township submits the district\'s form only when its units below are done', async () => {
    const chongming = ((await district.request('GET', `/api/campaigns/${districtCampaignId}/report-rounds`)).json() as TCampaignForms).items.find((f) => f.name.includes('崇明'))!;
    const key = keyOf(chongming.seriesId, w.T.id, '2026-11-28');
    const missing = await act(township, key, { action: 'submit' });
    expect(errorOf(missing).message).toBe('还有需手工填写的指标未填写');
    const manual = { assist_townships: 2 };
    expect((await township.request('PATCH', `/api/report-submissions/${key}`, { values: manual })).statusCode).toBe(200);
    const d = (await act(township, key, { action: 'submit' })).json() as TSubmissionDetail;
    expect(d).toMatchObject({ state: 'submitted' });
    expect((await get(district, key)).allowedActions).toEqual(['approve', 'return']);
    // the district sees each township's completeness in the round, its own departments apart
    const r = (await district.request('GET', `/api/campaigns/${districtCampaignId}/report-rounds/2026-11-28/rollup?form=${chongming.seriesId}`)).json() as TRollup;
    expect(r.byTownship).toEqual([
      expect.objectContaining({ id: w.T.id, expected: 1, reported: 1 }), expect.objectContaining({ id: null, name: '区级部门', expected: 1, reported: 0 }),
    ]);
  });
});

describe('the campaign\'s 概况', () => {
  it('counts the region\'s hazards with the forms\' metrics, split by week, village and sector; only for those who watch every unit', async () => {
    const res = await office.request('GET', `/api/campaigns/${campaignId}/dashboard`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as { hazards: { key: string; value: number; href: string }[]; weekly: { found: number }[]; byVillage: { found: number }[]; bySector: { found: number }[]; forms: unknown[] };
    const found = d.hazards.find((h) => h.key === 'found')!;
    expect(found.value).toBeGreaterThan(0);
    for (const part of [d.weekly, d.byVillage, d.bySector]) expect(part.reduce((s, x) => s + x.found, 0)).toBe(found.value);
    expect(found.href).toBe('/hazards?from=2026-11-01&to=2026-12-01');
    expect(d.forms).toHaveLength(2);
    expect((await v1.request('GET', `/api/campaigns/${campaignId}/dashboard`)).statusCode).toBe(403);
  });
});

describe('what awaits whom', () => {
  it('a unit\'s 工作台 lists the rounds it owes; the township\'s the submissions awaiting review', async () => {
    const wb = (await v2.request('GET', '/api/workbench')).json() as { items: { kind: string; href: string; dueText: string }[] };
    const owed = wb.items.filter((i) => i.kind === 'report_fill');
    expect(owed.length).toBeGreaterThan(0);
    expect(owed.every((i) => i.href.startsWith('/report-submissions/'))).toBe(true);
    const ob = (await office.request('GET', '/api/workbench')).json() as { items: { kind: string; href: string }[] };
    const f4 = formOf('附件4');
    expect(ob.items.filter((i) => i.kind === 'report_review').map((i) => i.href)).toContain(`/report-submissions/${keyOf(f4.seriesId, w.V2.id)}`);
  });

  it('reminds owing units before the due date and once overdue, each once', async () => {
    const { reportReminders } = await import('./reports.reminders.ts');
    const first = await reportReminders(t.db, '2026-12-12');
    expect(first).toBeGreaterThan(0);
    expect(await reportReminders(t.db, '2026-12-12')).toBe(0);
  });
});

describe('approval up the hierarchy', () => {
  it('a township\'s own submission waits until every village below it is approved or excused', async () => {
    const { reportTemplates } = await import('../../db/schema/index.ts');
    const { DASHENG_VILLAGE_SUMMARY } = await import('../../../domain/reports/seed-forms.ts');
    const id = randomUUID();
    await t.db.insert(reportTemplates).values({
      id, districtId: w.D.id, seriesId: id, version: 1, campaignId: districtCampaignId, name: '村镇两级汇总表', createdBy: randomUUID(), createdAt: new Date('2026-11-01T00:00:00Z'),
      body: { ...DASHENG_VILLAGE_SUMMARY, title: '{unit}两级汇总表', fillers: ['village', 'township'], dueText: '每月28日前' },
    });
    const due = '2026-11-28'; // locks after 12-01: still open on the test's day
    const mine = keyOf(id, w.T.id, due);
    expect(errorOf(await act(township, mine, { action: 'submit' })).message).toBe('还有下级单位的报表未审核或免报，汇总表暂不能上报');
    // the township's office reviews its villages in the district's campaign
    expect((await act(v1, keyOf(id, w.V1.id, due), { action: 'submit' })).statusCode).toBe(200);
    let d = await get(office, keyOf(id, w.V1.id, due));
    expect(d.allowedActions).toEqual(['approve', 'return']);
    expect((await act(office, d.key, { action: 'approve', version: d.version })).statusCode).toBe(200);
    d = await get(office, keyOf(id, w.V2.id, due));
    expect((await act(office, d.key, { action: 'excuse', version: d.version, reason: '本期无监管对象' })).json()).toMatchObject({ state: 'excused' });
    expect((await act(township, mine, { action: 'submit' })).json()).toMatchObject({ state: 'submitted' });
    // and the district, not the township, approves or returns it
    expect((await get(township, mine)).allowedActions).toEqual([]);
    d = await get(district, mine);
    expect((await act(district, mine, { action: 'return', version: d.version, reason: '请补充说明' })).json()).toMatchObject({ state: 'returned' });
  });
});

describe('Excel in the seeds\' layout', () => {
  const open = async (s: Session, url: string) => {
    const res = await s.request('GET', url);
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return wb.worksheets[0]!;
  };
  const merges = (ws: ExcelJS.Worksheet) => (ws.model as unknown as { merges: string[] }).merges;

  it('附件3 has the title with the unit, the merged two- and three-level headings and numbers as numbers', async () => {
    const ws = await open(dept, `/api/report-submissions/${keyOf(formOf('附件3').seriesId, w.dept.id)}/export.xlsx`);
    expect(ws.getCell('A1').value).toBe(`大盛镇${w.dept.name}秋冬季安全生产大排查情况汇总表`);
    expect(ws.getCell('A2').value).toBe('（每次都报送累计数据）');
    expect(merges(ws)).toEqual(expect.arrayContaining(['A4:A6', 'B4:F4', 'C5:F5', 'B5:B6', 'G4:H4', 'I4:N4', 'I5:J5', 'K5:L5', 'M5:M6', 'O4:O6', 'P4:P6', 'Q4:Q6']));
    expect([ws.getCell('B4').value, ws.getCell('C5').value, ws.getCell('C6').value, ws.getCell('I5').value, ws.getCell('P4').value]).toEqual(['基础工作', '分级监管', '红色单位（家）', '隐患总数', '行政罚款\n（万元）'.replace('\n', '')]);
    expect(ws.getCell('A7').value).toBe(w.dept.name);
    expect(ws.getCell('B7').value).toBe(2);
    expect(ws.getCell('P7').value).toBe(1.2);
    expect(ws.getCell('P7').numFmt).toBe('0.00');
  });

  it('附件4\'s roll-up has every village\'s row and the 合计', async () => {
    const f4 = formOf('附件4');
    const ws = await open(office, `/api/campaigns/${campaignId}/report-rounds/${DUE}/rollup/export.xlsx?form=${f4.seriesId}`);
    expect(merges(ws)).toEqual(expect.arrayContaining(['A4:A6', 'B4:F4', 'C5:F5', 'G4:K4', 'G5:H5', 'I5:J5', 'K5:K6']));
    expect(ws.getCell('G4').value).toBe('隐患排查整治情况');
    expect(ws.getCell('K5').value).toBe('向镇属部门移送隐患（条）');
    const names = [ws.getCell('A7').value, ws.getCell('A8').value, ws.getCell('A9').value];
    expect(names).toContain('合计');
    expect(ws.getCell('A9').value).toBe('合计');
    expect(ws.getCell('G9').value).toBe(6);
  });

  it.skipIf(!fs.existsSync(chromiumPath()))('prints a submission as a PDF', async () => {
    const res = await dept.request('GET', `/api/report-submissions/${keyOf(formOf('附件3').seriesId, w.dept.id)}/export.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('the 崇明 调度表 merges each section down its first column', async () => {
    const chongming = ((await district.request('GET', `/api/campaigns/${districtCampaignId}/report-rounds`)).json() as TCampaignForms).items.find((f) => f.name.includes('崇明'))!;
    const ws = await open(district, `/api/report-submissions/${keyOf(chongming.seriesId, w.T.id, '2026-11-28')}/export.xlsx`);
    expect(ws.getCell('A1').value).toBe('上海市崇明区重大事故隐患专项排查整治2023行动进展情况调度表');
    expect(merges(ws)).toEqual(expect.arrayContaining(['A3:A5', 'A6:A9', 'A10:A14', 'A15:A18']));
    expect([ws.getCell('A3').value, ws.getCell('A6').value, ws.getCell('A10').value, ws.getCell('A15').value]).toEqual(['总体情况', '对企业自查自改进行抽查检查情况', '部门精准严格执法情况', '党委政府组织领导情况']);
    expect(ws.getCell('C11').value).toBe('行政处罚（次，万元）');
    expect(ws.getCell('D11').value).toBe('1，1.20');
    expect(ws.getCell('D3').value).toBe(1);
    // 是否在主流媒体播放…: computed, and this world has no publicity records
    expect(ws.getCell('G17').value).toBe('否');
  });
});
