// The forms' figures from leaders' activities and the technical-inspector roster, through the API:
// 崇明 section 4 computed from the records (each figure opening its activities or roster entries),
// 大盛 附件3 其中领导检查企业 with leaders' visits; and a version submitted while those figures were
// still entered by hand keeps the hand-entered values after the form changes.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCellRecords, TSubmissionDetail } from '../../../contract/reports.ts';
import { CHONGMING_DISPATCH, DASHENG_DEPARTMENT_SUMMARY } from '../../../domain/reports/seed-forms.ts';
import type { Indicator, TemplateBody } from '../../../domain/reports/template.ts';
import { campaigns, reportTemplates } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { createTestClock } from '../../test/clock.ts';
import { buildUser } from '../../test/factories.ts';
import { type Session, loginAs } from '../../test/http.ts';
import { type LeadershipRecords, buildLeadershipRecords } from './metrics/leadership-world.ts';
import { buildMetricsWorld } from './metrics/metrics-world.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildMetricsWorld>>;
let r: LeadershipRecords;
let township: Session, district: Session, dept: Session;
const campaignId = randomUUID();
const DUE = '2026-11-28';
const SECTION_4 = ['study', 'research', 'onsite', 'briefings', 'inspectors', 'assessments'];

/** 崇明 as shipped before: section 4's figures entered by hand (the media column's too). */
const HAND_ENTERED: TemplateBody = {
  ...CHONGMING_DISPATCH,
  indicators: CHONGMING_DISPATCH.indicators.map((i): Indicator => (SECTION_4.includes(i.key) ? { ...i, source: { kind: 'manual', type: 'number', pending: '领导活动记录' } }
    : i.key === 'media' ? { ...i, source: { kind: 'manual', type: 'yesno', pending: '宣传记录' } } : i)),
};

const get = async (s: Session, key: string) => {
  const res = await s.request('GET', `/api/report-submissions/${key}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TSubmissionDetail;
};
const act = (s: Session, key: string, body: Record<string, unknown>) => s.request('POST', `/api/report-submissions/${key}/actions`, body);
const cellOf = (d: TSubmissionDetail, key: string) => d.cells.find((c) => c.key === key)!;
const records = async (s: Session, key: string, cell: string) => {
  const res = await s.request('GET', `/api/report-submissions/${key}/cells/${cell}/records`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TCellRecords;
};

async function attach(body: TemplateBody, name: string) {
  const id = randomUUID();
  await t.db.insert(reportTemplates).values({ id, districtId: w.D.id, seriesId: id, version: 1, campaignId, name, body, createdBy: randomUUID(), createdAt: new Date('2026-10-31T00:00:00Z') });
  return id;
}

beforeAll(async () => {
  t = await createTestApp({ clock: createTestClock('2026-12-01T02:00:00Z') });
  w = await buildMetricsWorld(t.db);
  r = await buildLeadershipRecords(t.db, w);
  const login = async (role: 'office' | 'department', unit: typeof w.T) => {
    const u = await buildUser(t.db, { role, unit });
    return loginAs(t.app, u.username, u.password);
  };
  township = await login('office', w.T);
  district = await login('office', w.D);
  dept = await login('department', w.dept);
  await t.db.insert(campaigns).values({
    id: campaignId, districtId: w.D.id, townshipId: null, name: '重大事故隐患专项排查整治', periodStart: '2026-11-01', periodEnd: '2027-03-31',
    publishedAt: new Date('2026-10-31T00:00:00Z'), createdBy: randomUUID(),
  });
});
afterAll(() => t.close());

describe('崇明 section 4 from the records', () => {
  it('a version submitted while the figures were entered by hand keeps them after the form computes them; returned, it counts the records', async () => {
    const seriesId = await attach(HAND_ENTERED, '崇明调度表');
    const key = `${seriesId}_${w.T.id}_${DUE}`;
    const typed = { assist_townships: 2, media: true, study: 7, research: 6, onsite: 5, briefings: 4, inspectors: 9, assessments: 3 };
    expect((await township.request('PATCH', `/api/report-submissions/${key}`, { values: typed })).statusCode).toBe(200);
    expect((await act(township, key, { action: 'submit' })).statusCode).toBe(200);

    // the form changes: version 2 computes section 4 (as the shipped form now does)
    const [v1] = await t.db.update(reportTemplates).set({ current: false }).where(and(eq(reportTemplates.id, seriesId), eq(reportTemplates.current, true))).returning();
    await t.db.insert(reportTemplates).values({ ...v1!, id: randomUUID(), version: 2, current: true, body: CHONGMING_DISPATCH });

    const frozen = await get(district, key);
    expect(frozen.frozen).toBe(true);
    for (const k of SECTION_4) expect(cellOf(frozen, k), k).toMatchObject({ kind: 'manual', value: typed[k as keyof typeof typed] });
    // no records behind a hand-entered figure, even though the form now counts some
    expect(await records(district, key, 'study')).toMatchObject({ total: 0, value: 7, frozen: true });

    const d = await get(district, key);
    expect((await act(district, key, { action: 'return', version: d.version, reason: '请按领导活动记录更新' })).statusCode).toBe(200);
    const live = await get(township, key);
    expect(live.frozen).toBe(false);
    const values = Object.fromEntries(SECTION_4.map((k) => [k, cellOf(live, k)]));
    for (const c of Object.values(values)) expect(c.kind).toBe('computed');
    // on 11-28: the township's 党委政府 study, its heads' meeting, no onsite of its own (the district's is the district's),
    // the department head's talk, the assessment; and the roster serving that day (one leaves 11-29, one starts 11-30)
    expect(Object.fromEntries(Object.entries(values).map(([k, c]) => [k, c.value]))).toEqual({ study: 1, research: 1, onsite: 0, briefings: 1, inspectors: 2, assessments: 1 });

    const study = await records(township, key, 'study');
    expect(study).toMatchObject({ total: 1, entity: '领导活动', frozen: false });
    expect(study.items).toEqual([{ id: r.study.id, title: r.study.topic, subtitle: '2026-11-05 · 专题学习', href: `/leadership/${r.study.id}` }]);
    const inspectors = await records(township, key, 'inspectors');
    expect(inspectors).toMatchObject({ total: 2, entity: '技术检查员' });
    expect(inspectors.items.map((i) => i.href)).toContain(`/inspector-roster/${r.r1.id}`);
    expect(inspectors.items.find((i) => i.id === r.r1.id)!.title).toBe('检查员 · 专职');
  });
});

describe('大盛 附件3 其中领导检查企业', () => {
  it("counts the department's leader-led inspections and its leaders' visits, within 检查企业", async () => {
    const seriesId = await attach(DASHENG_DEPARTMENT_SUMMARY, '附件3');
    const key = `${seriesId}_${w.dept.id}_2026-11-30`;
    const d = await get(dept, key);
    expect(cellOf(d, 'inspected')).toMatchObject({ value: 3 });
    expect(cellOf(d, 'inspected_by_leaders')).toMatchObject({ value: 2 });
    const leaders = await records(dept, key, 'inspected_by_leaders');
    expect(leaders.items.map((i) => i.id).sort()).toEqual([w.E1.id, w.E2.id].sort());
    expect(leaders.entity).toBe('生产经营单位');
  });
});
