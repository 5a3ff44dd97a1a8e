// The inspection list (scope, filters, search, counts, pagination), its xlsx export and the
// printed 现场检查记录 (PDF through Chromium; skipped locally when Chromium is missing).
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TInspectionDetail, TInspectionListItem } from '../../../contract/inspections.ts';
import { chromiumPath } from '../../http/chromium.ts';
import { CHROMIUM_MISSING_MESSAGE } from '../../http/pdf-printer.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import type { BuiltUser } from '../../test/factories.ts';
import { type Session, XLSX_MIME, errorOf, loginAs } from '../../test/http.ts';
import { fillSpotCheck, seedTemplates, startInspection } from '../../test/inspections.ts';
import { type World, buildWorld } from '../../test/world.ts';
import { readXlsx } from '../../test/xlsx.ts';

let t: TestApp;
let w: World;
let deptChem: Session;
let village: Session;
let entB: Session;
let office: Session;
let completedAtA: TInspectionDetail;
let draftAtB: TInspectionDetail;
let selfAtB: TInspectionDetail;

type ListBody = { items: TInspectionListItem[]; total: number; counts: { draft: number; completed: number } };
const list = async (s: Session, qs = ''): Promise<ListBody> => {
  const res = await s.get(`/api/inspections${qs}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ListBody;
};

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  await seedTemplates(t.db, w.D.id, t.clock.now());
  const login = (u: BuiltUser) => loginAs(t.app, u.username, u.password);
  deptChem = await login(w.users.deptChemT1);
  village = await login(w.users.villageV1a);
  entB = await login(w.users.enterpriseB);
  office = await login(w.users.officeT1);

  const a = await startInspection(village, { type: 'spot_check', enterpriseId: w.enterprises.a.id, methodTags: ['covert_visit'], inspectedOn: '2024-06-01' });
  const filled = await fillSpotCheck(village, a.id, { failed: ['outsourcing'], sectorId: w.chem.id });
  const done = await village.request('POST', `/api/inspections/${a.id}/complete`, {
    version: filled.version, summary: '发现外包外租管理问题1处', representative: { kind: 'signed', name: '张厂长' },
  });
  expect(done.statusCode, done.body).toBe(200);
  completedAtA = done.json() as TInspectionDetail;
  draftAtB = await startInspection(village, { type: 'assistance', enterpriseId: w.enterprises.b.id });
  selfAtB = await startInspection(entB, { type: 'self_daily', enterpriseId: w.enterprises.b.id, templateCode: 'dasheng-small-enterprise' });
});
afterAll(() => t?.close());

describe('list', () => {
  it('shows each caller the inspections of enterprises in their scope, with counts', async () => {
    const v = await list(village);
    expect(v.items.map((i) => i.id).sort()).toEqual([completedAtA.id, draftAtB.id, selfAtB.id].sort());
    expect(v.counts).toEqual({ draft: 2, completed: 1 });
    expect((await list(deptChem)).items.map((i) => i.id)).toEqual([completedAtA.id]); // chemicals: enterprise a only
    // The village's draft at b is its working copy: the enterprise sees it once signed.
    expect((await list(entB)).items.map((i) => i.id)).toEqual([selfAtB.id]);
    expect((await entB.request('GET', `/api/inspections/${draftAtB.id}`)).statusCode).toBe(404);
    const item = v.items.find((i) => i.id === completedAtA.id)!;
    expect(item).toMatchObject({
      enterpriseName: w.enterprises.a.name, villageName: w.V1a.name, unitName: w.V1a.name, status: 'completed', failedCount: 1, hazardCount: 1,
      templateName: '对企业自查自改进行抽查检查情况', methodTags: ['covert_visit'],
    });
    expect(item.inspectorNames).toEqual([w.users.villageV1a.displayName]);
  });

  it('filters by kind, type, status, failures, tag, dates, enterprise, mine and searches number or name', async () => {
    const ids = async (qs: string) => (await list(office, qs)).items.map((i) => i.id).sort();
    expect(await ids('?kind=self')).toEqual([selfAtB.id]);
    expect(await ids('?kind=authority')).toEqual([completedAtA.id, draftAtB.id].sort());
    expect(await ids('?type=assistance')).toEqual([draftAtB.id]);
    expect(await ids('?status=completed')).toEqual([completedAtA.id]);
    expect((await list(office, '?status=completed')).counts).toEqual({ draft: 2, completed: 1 });
    expect(await ids('?hasFailed=true')).toEqual([completedAtA.id]);
    expect(await ids('?methodTag=covert_visit')).toEqual([completedAtA.id]);
    expect(await ids('?from=2024-06-02&to=2024-06-03')).toEqual([draftAtB.id, selfAtB.id].sort());
    expect(await ids(`?enterpriseId=${w.enterprises.b.id}`)).toEqual([draftAtB.id, selfAtB.id].sort());
    expect(await ids(`?q=${encodeURIComponent(completedAtA.number)}`)).toEqual([completedAtA.id]);
    expect(await ids(`?q=${encodeURIComponent('乙商贸')}`)).toEqual([draftAtB.id, selfAtB.id].sort());
    expect(await ids('?mine=true')).toEqual([]);
    expect((await list(village, '?mine=true')).items).toHaveLength(2);
    const page = await list(office, '?pageSize=1&page=2');
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(1);
  });

  it('exports the filtered list as xlsx', async () => {
    const res = await office.get('/api/inspections/export?kind=authority');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    const { headers, rows } = await readXlsx(res.rawPayload);
    expect(headers).toContain('检查编号');
    expect(rows).toHaveLength(2);
    const row = rows.find((r) => r['检查编号'] === completedAtA.number)!;
    expect(row).toMatchObject({ 检查类型: '抽查', 检查方式: '明查暗访', 生产经营单位: w.enterprises.a.name, 状态: '已完成', 不符合项: '1', 生成隐患: '1' });
  });
});

describe('现场检查记录 PDF', () => {
  it('is refused for a draft', async () => {
    const res = await village.get(`/api/inspections/${draftAtB.id}/record.pdf`);
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).message).toContain('完成');
  });

  it('answers 503 with a clear message when Chromium is missing', async () => {
    const before = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const res = await village.get(`/api/inspections/${completedAtA.id}/record.pdf`);
      expect(res.statusCode).toBe(503);
      expect(errorOf(res)).toMatchObject({ code: 'UNAVAILABLE', message: CHROMIUM_MISSING_MESSAGE });
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
  });

  it.skipIf(!fs.existsSync(chromiumPath()))('prints a completed inspection', async () => {
    const res = await village.get(`/api/inspections/${completedAtA.id}/record.pdf`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect((await deptChem.get(`/api/inspections/${draftAtB.id}/record.pdf`)).statusCode).toBe(404);
  });
});
