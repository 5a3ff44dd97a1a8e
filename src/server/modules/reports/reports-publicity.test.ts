// The 崇明 调度表's figures from publicity records, through the API: 是否在主流媒体播放安全生产专题栏目
// computed from the media columns and shown as 是/否 (page, Excel, print, roll-up), opening the
// columns it counted; 曝光、约谈、联合惩戒企业 the union of the measures' and the exposures'
// enterprises; an override of a 是/否 figure.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCellRecords, TRollup, TSubmissionDetail } from '../../../contract/reports.ts';
import { CHONGMING_DISPATCH } from '../../../domain/reports/seed-forms.ts';
import { campaigns, reportTemplates } from '../../db/schema/index.ts';
import type { PdfPrinter } from '../../http/pdf-printer.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { createTestClock } from '../../test/clock.ts';
import { buildUser } from '../../test/factories.ts';
import { type Session, loginAs } from '../../test/http.ts';
import { loadActor } from '../auth/index.ts';
import { buildMetricsWorld } from './metrics/metrics-world.ts';
import { type PublicityRecords, buildPublicityRecords } from './metrics/publicity-world.ts';
import { printSubmission } from './reports.export.ts';

let t: TestApp;
let w: Awaited<ReturnType<typeof buildMetricsWorld>>;
let r: PublicityRecords;
let township: Session, district: Session, districtDept: Session;
let districtUserId: string;
let seriesId: string;
const campaignId = randomUUID();
const DUE = '2026-11-28';
const keyOf = (unitId: string) => `${seriesId}_${unitId}_${DUE}`;

const get = async (s: Session, key: string) => {
  const res = await s.request('GET', `/api/report-submissions/${key}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TSubmissionDetail;
};
const cellOf = (d: TSubmissionDetail, key: string) => d.cells.find((c) => c.key === key)!;
const records = async (s: Session, key: string, cell: string) => {
  const res = await s.request('GET', `/api/report-submissions/${key}/cells/${cell}/records`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as TCellRecords;
};
const sheet = async (s: Session, url: string) => {
  const res = await s.request('GET', url);
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
};
/** The value printed beside a label in the 调度表 (label and value cells side by side). */
const valueBeside = (ws: ExcelJS.Worksheet, label: string) => {
  let out: ExcelJS.CellValue | undefined;
  ws.eachRow((row) => row.eachCell((c, col) => { if (c.value === label) out = row.getCell(col + 1).value; }));
  return out;
};
const MEDIA = '是否在主流媒体播放安全生产专题栏目';

beforeAll(async () => {
  t = await createTestApp({ clock: createTestClock('2026-12-01T02:00:00Z') });
  w = await buildMetricsWorld(t.db);
  r = await buildPublicityRecords(t.db, w);
  const user = async (role: 'office' | 'department', unit: typeof w.T) => buildUser(t.db, { role, unit });
  const login = async (u: Awaited<ReturnType<typeof user>>) => loginAs(t.app, u.username, u.password);
  township = await login(await user('office', w.T));
  const d = await user('office', w.D);
  districtUserId = d.id;
  district = await login(d);
  districtDept = await login(await user('department', w.districtDept));
  await t.db.insert(campaigns).values({
    id: campaignId, districtId: w.D.id, townshipId: null, name: '重大事故隐患专项排查整治', periodStart: '2026-11-01', periodEnd: '2027-03-31',
    publishedAt: new Date('2026-10-31T00:00:00Z'), createdBy: randomUUID(),
  });
  seriesId = randomUUID();
  await t.db.insert(reportTemplates).values({
    id: seriesId, districtId: w.D.id, seriesId, version: 1, campaignId, name: '崇明调度表', body: CHONGMING_DISPATCH, createdBy: randomUUID(), createdAt: new Date('2026-10-31T00:00:00Z'),
  });
});
afterAll(() => t.close());

describe('是否在主流媒体播放安全生产专题栏目', () => {
  it('is computed from the township\'s mainstream columns and shown as 是/否, opening the columns it counted', async () => {
    const d = await get(township, keyOf(w.T.id));
    expect(cellOf(d, 'media')).toMatchObject({ kind: 'computed', display: 'yesno', value: 3, unit: null, records: { count: 3 } });
    const cols = await records(township, keyOf(w.T.id), 'media');
    expect(cols).toMatchObject({ total: 3, entity: '宣传/曝光记录', display: 'yesno' });
    expect(cols.items.map((i) => i.href).sort()).toEqual([r.running.id, r.radio.id, r.onAir.id].map((id) => `/publicity/${id}`).sort());
    expect(cols.items.find((i) => i.id === r.running.id)).toMatchObject({ title: '《安全大家谈》', subtitle: '2026-10-01 至 2026-12-31 · 专题栏目 · 电视' });
    // a district department recorded none: 否
    expect(cellOf(await get(districtDept, keyOf(w.districtDept.id)), 'media')).toMatchObject({ value: 0, display: 'yesno' });
  });

  it('prints 是/否 in Excel and in the print, the count never', async () => {
    expect(valueBeside(await sheet(township, `/api/report-submissions/${keyOf(w.T.id)}/export.xlsx`), MEDIA)).toBe('是');
    expect(valueBeside(await sheet(districtDept, `/api/report-submissions/${keyOf(w.districtDept.id)}/export.xlsx`), MEDIA)).toBe('否');
    const actor = (await loadActor(t.ctx, districtUserId, { id: 'test', csrfToken: 'test' }))!;
    const html: string[] = [];
    const printer = { print: async (h: string) => { html.push(h); return Buffer.from('%PDF'); } } as unknown as PdfPrinter;
    await printSubmission(t.ctx, printer, actor, keyOf(w.T.id));
    expect(html[0]).toContain(`<td>${MEDIA}</td><td class="n">是</td>`);
  });

  it('an override reports 是 or 否 with a reason, the computed figure kept beside it', async () => {
    const key = keyOf(w.districtDept.id);
    const res = await districtDept.request('PATCH', `/api/report-submissions/${key}`, { overrides: { media: { value: 1, reason: '本局在区电视台开设专题栏目' } } });
    expect(res.statusCode, res.body).toBe(200);
    expect(cellOf(res.json() as TSubmissionDetail, 'media')).toMatchObject({ value: 1, computedValue: 0, display: 'yesno' });
    expect(valueBeside(await sheet(districtDept, `/api/report-submissions/${key}/export.xlsx`), MEDIA)).toBe('是');
  });
});

describe('曝光、约谈、联合惩戒企业', () => {
  it('counts the measures\' enterprises and those the township\'s exposures named, each once', async () => {
    const d = await get(township, keyOf(w.T.id));
    expect(cellOf(d, 'exposures')).toMatchObject({ kind: 'computed', value: 2 });
    const list = await records(township, keyOf(w.T.id), 'exposures');
    expect(list.entity).toBe('生产经营单位');
    expect(list.items.map((i) => i.id).sort()).toEqual([w.E2.id, w.E3.id].sort());
  });
});

describe('the round\'s roll-up', () => {
  it('sums the submitted counts and shows the 是/否 figure as such; the region recounted beside it', async () => {
    const key = keyOf(w.T.id);
    expect((await township.request('PATCH', `/api/report-submissions/${key}`, { values: { assist_townships: 1 } })).statusCode).toBe(200);
    const submitted = await township.request('POST', `/api/report-submissions/${key}/actions`, { action: 'submit' });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const res = await district.request('GET', `/api/campaigns/${campaignId}/report-rounds/${DUE}/rollup?form=${seriesId}`);
    expect(res.statusCode, res.body).toBe(200);
    const rollup = res.json() as TRollup;
    expect(rollup.indicators.find((i) => i.key === 'media')).toMatchObject({ kind: 'computed', display: 'yesno' });
    expect(rollup.sum.media).toBe(3);
    // the district's own column counted too, over the whole region
    expect(rollup.region.values.media).toBe(4);
    expect(rollup.region.values.exposures).toBe(3);
    const ws = await sheet(district, `/api/campaigns/${campaignId}/report-rounds/${DUE}/rollup/export.xlsx?form=${seriesId}`);
    expect(valueBeside(ws, MEDIA)).toBe('是');
  });
});
