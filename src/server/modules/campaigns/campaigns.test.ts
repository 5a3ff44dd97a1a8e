// Campaigns through the HTTP API on a real database: the office creates a campaign, imports its
// task list from a pasted table (an unmatched unit fixed in the preview and kept as an alias), and
// publishes it; units see the campaign and only their own occurrences, acknowledge, file reports
// the office returns and confirms (every version kept); 催办 notifies the unit; reminders go out
// once across a restart; the matrix and the export show the state.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAnnexPreview, TMatrix, TOccurrenceDetail } from '../../../contract/campaign-progress.ts';
import type { TCampaignDetail } from '../../../contract/campaigns.ts';
import { sqlRows } from '../../db/client.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { buildUser } from '../../test/factories.ts';
import { uploadPhoto } from '../../test/hazards.ts';
import { type Session, XLSX_MIME, errorOf, loginAs } from '../../test/http.ts';
import { type World, buildWorld } from '../../test/world.ts';
import { readXlsx } from '../../test/xlsx.ts';

// The test clock starts on Monday 3 June 2024.
let t: TestApp;
let w: World;
let office: Session; // 安委办 of 一镇
let dept: Session; // 应急站 of 一镇
let fire: Session; // 消防所 of 一镇
let village: Session; // 一村
let village2: Session; // 二村
let officeX: Session; // another district
let campaign: TCampaignDetail;

const PASTED = [
  '重大隐患排查整治工作清单',
  '序号\t专项行动\t行动任务\t工作要求\t责任单位\t时限要求',
  '1\t一、组织领导\t1.动员部署\t制定本辖区专项行动方案\t应急站\t2024年5月31日前',
  '2\t\t\t每月至少开展4次执法检查\t应急站、消防所\t每月',
  '3\t二、排查整治\t1.拉网式排查\t对辖区生产经营单位开展拉网式排查\t各村（居）\t6月底前',
  '4\t\t\t督促企业常态化开展日周月排查\t安监站\t常态化',
].join('\n');

const ok = async <T>(p: Promise<{ statusCode: number; body: string; json: () => unknown }>): Promise<T> => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
const occurrenceOf = (taskId: string, unitId: string, due: string) => `${taskId}_${unitId}_${due}`;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.db);
  const login = (u: { username: string; password: string }) => loginAs(t.app, u.username, u.password);
  office = await login(w.users.officeT1);
  dept = await login(w.users.deptChemT1);
  fire = await login(await buildUser(t.db, { role: 'department', unit: w.depFireT1 }));
  village = await login(w.users.villageV1a);
  village2 = await login(await buildUser(t.db, { role: 'village', unit: w.V1b }));
  officeX = await login(w.users.officeX);
  campaign = await ok(office.request('POST', '/api/campaigns', {
    name: '2024年重大事故隐患专项排查整治', docNumber: '一镇安委〔2024〕3号', periodStart: '2024-05-15', periodEnd: '2024-08-31',
    stages: [
      { name: '动员部署', startDate: '2024-05-15', endDate: '2024-05-31' },
      { name: '集中排查', startDate: '2024-06-01', endDate: '2024-07-31' },
      { name: '巩固提升', startDate: '2024-08-01', endDate: '2024-08-31' },
    ],
    reportCycleText: '每月',
  }));
});
afterAll(() => t?.close());

describe('a campaign and its task list', () => {
  it('is created as a draft with its stages; the current stage and days left follow today', () => {
    expect(campaign).toMatchObject({ state: 'draft', published: false, currentStage: '集中排查', currentStageIndex: 1, daysLeft: 89, allowedActions: ['edit', 'publish', 'edit_tasks'] });
  });

  it('refuses stages outside the period and a period that ends before it starts', async () => {
    const res = await office.request('POST', '/api/campaigns', { name: 'x', periodStart: '2024-05-15', periodEnd: '2024-05-01' });
    expect(res.statusCode).toBe(400);
    const res2 = await office.request('POST', '/api/campaigns', { name: 'x', periodStart: '2024-05-15', periodEnd: '2024-06-01', stages: [{ name: 'a', startDate: '2024-05-01', endDate: '2024-05-20' }] });
    expect(res2.statusCode).toBe(400);
    expect(errorOf(res2).message).toContain('不在专项行动期间内');
  });

  it('imports a pasted table: merged cells carry down, units match, the unmatched and the uncertain are flagged', async () => {
    const p = await ok<TAnnexPreview>(office.request('POST', `/api/campaigns/${campaign.id}/tasks/import/preview`, { text: PASTED }));
    expect(p.rows).toHaveLength(4);
    expect(p.rows[1]).toMatchObject({ groupName: '一、组织领导', action: '1.动员部署', unitIds: expect.arrayContaining([w.depChemT1.id, w.depFireT1.id]) });
    expect(p.rows[2]!.unitIds.sort()).toEqual([w.V1a.id, w.V1b.id].sort());
    expect(p.rows[2]!.deadline).toMatchObject({ dueDates: ['2024-06-30'], needsConfirmation: true });
    expect(p.rows[3]).toMatchObject({ unmatched: ['安监站'], unitIds: [] });
    expect(p.summary).toMatchObject({ rows: 4, unmatchedRows: 1, unreadRows: 0 });

    const rows = p.rows.map((r) => ({ ...r, deadlineConfirmed: false }));
    const refused = await office.request('POST', `/api/campaigns/${campaign.id}/tasks/import/commit`, { rows });
    expect(refused.statusCode).toBe(400);
    expect((await office.get(`/api/campaigns/${campaign.id}/tasks`)).json()).toMatchObject({ total: 0 }); // nothing half-written

    rows[2]!.deadlineConfirmed = true;
    rows[3]!.unitIds = [w.depChemT1.id];
    const done = await ok<{ created: number; updated: number }>(office.request('POST', `/api/campaigns/${campaign.id}/tasks/import/commit`, { rows, aliases: [{ alias: '安监站', unitId: w.depChemT1.id }] }));
    expect(done).toEqual({ created: 4, updated: 0 });

    // The alias is kept: the same table previews clean, and a second import updates instead of duplicating.
    const again = await ok<TAnnexPreview>(office.request('POST', `/api/campaigns/${campaign.id}/tasks/import/preview`, { text: PASTED }));
    expect(again.summary).toMatchObject({ unmatchedRows: 0, updates: 4 });
    const redo = await ok<{ created: number; updated: number }>(office.request('POST', `/api/campaigns/${campaign.id}/tasks/import/commit`, {
      rows: again.rows.map((r) => ({ ...r, deadlineConfirmed: true })),
    }));
    expect(redo).toEqual({ created: 0, updated: 4 });
    expect((await office.get(`/api/campaigns/${campaign.id}/tasks`)).json()).toMatchObject({ total: 4 });
  });

  it('reads a deadline phrase for the task form', async () => {
    const r = await ok<{ dueDates: string[]; label: string; rule: { kind: string } }>(office.request('POST', '/api/deadline-rules/parse', { text: '每月28日前', period: { start: '2024-05-15', end: '2024-08-31' } }));
    expect(r.dueDates).toEqual(['2024-05-28', '2024-06-28', '2024-07-28', '2024-08-28']);
    const unread = await ok<{ rule: { kind: string; text: string } }>(office.request('POST', '/api/deadline-rules/parse', { text: '按上级要求', period: { start: '2024-05-15', end: '2024-08-31' } }));
    expect(unread.rule).toMatchObject({ kind: 'unread', text: '按上级要求' });
  });

  it('is published by its office only; another district answers 404', async () => {
    expect((await dept.request('POST', `/api/campaigns/${campaign.id}/publish`, { version: campaign.version })).statusCode).toBe(403);
    expect((await officeX.get(`/api/campaigns/${campaign.id}`)).statusCode).toBe(404);
    campaign = await ok(office.request('POST', `/api/campaigns/${campaign.id}/publish`, { version: campaign.version }));
    expect(campaign).toMatchObject({ state: 'active', published: true });
    // Overdue on 3 June: task 1 (应急站, 31 May), task 2's May for 应急站 and 消防所, task 4's May (report cycle) for 应急站.
    expect(campaign.figures).toMatchObject({ tasks: 4, overdue: 4, confirmed: 0 });
  });
});

describe('each unit\'s occurrences', () => {
  let tasks: { id: string; number: string }[];
  const task = (n: string) => tasks.find((x) => x.number === n)!.id;
  beforeAll(async () => {
    tasks = (await ok<{ items: { id: string; number: string }[] }>(office.get(`/api/campaigns/${campaign.id}/tasks`))).items;
  });

  it('a village sees the campaign and only what it owes; another unit\'s occurrence answers 404', async () => {
    expect((await village.get(`/api/campaigns/${campaign.id}`)).statusCode).toBe(200);
    const mine = await ok<{ items: { key: string; unitId: string; due: string; state: string }[]; total: number }>(village.get('/api/my/occurrences'));
    expect(mine.items.map((o) => [o.unitId, o.due, o.state])).toEqual([[w.V1a.id, '2024-06-30', 'not_reported']]);
    const other = occurrenceOf(task('3'), w.V1b.id, '2024-06-30');
    expect((await village.get(`/api/occurrences/${other}`)).statusCode).toBe(404);
    expect((await village.get(`/api/occurrences/${occurrenceOf(task('3'), w.V1a.id, '2024-06-29')}`)).statusCode).toBe(404); // not a due date
    expect((await village.get('/api/occurrences/not-a-key')).statusCode).toBe(404);
    // The matrix shows a reader its own column only.
    const m = await ok<TMatrix>(village.get(`/api/campaigns/${campaign.id}/matrix`));
    expect(m.units.map((u) => u.id)).toEqual([w.V1a.id]);
  });

  it('签收 is told apart from reporting, once', async () => {
    const key = occurrenceOf(task('3'), w.V1a.id, '2024-06-30');
    const before = await ok<TOccurrenceDetail>(village.get(`/api/occurrences/${key}`));
    expect(before).toMatchObject({ acknowledged: false, ackState: '待签收', allowedActions: ['report', 'acknowledge'] });
    const after = await ok<TOccurrenceDetail>(village.request('POST', `/api/occurrences/${key}/acknowledge`));
    expect(after).toMatchObject({ acknowledged: true, ackState: '已签收', allowedActions: ['report'] });
    expect((await village.request('POST', `/api/occurrences/${key}/acknowledge`)).statusCode).toBe(409);
  });

  it('a department files a report with a photo, pre-filled from its inspections; the office returns it, it is filed again and confirmed', async () => {
    const key = occurrenceOf(task('1'), w.depChemT1.id, '2024-05-31');
    const d0 = await ok<TOccurrenceDetail>(dept.get(`/api/occurrences/${key}`));
    expect(d0).toMatchObject({ state: 'not_reported', overdue: true, prefill: { count: 0 } });
    expect((await fire.request('POST', `/api/occurrences/${key}/reports`, { text: '已制定方案' })).statusCode).toBe(404); // not 消防所's
    const photo = await uploadPhoto(dept, 'evidence', '方案印发.png');
    const d1 = await ok<TOccurrenceDetail>(dept.request('POST', `/api/occurrences/${key}/reports`, { text: '已制定并印发本站专项行动方案', fileIds: [photo.id] }));
    expect(d1).toMatchObject({ state: 'submitted', overdue: false, acknowledged: true, allowedActions: [] });
    expect(d1.reports[0]!.files.map((f) => f.name)).toEqual(['方案印发.png']);
    expect((await dept.request('POST', `/api/occurrences/${key}/reports`, { text: '再报一次' })).statusCode).toBe(409);

    const reportId = d1.reports[0]!.id;
    expect((await dept.request('POST', `/api/progress-reports/${reportId}/actions`, { action: 'confirm', version: 1 })).statusCode).toBe(403);
    const officeView = await ok<TOccurrenceDetail>(office.get(`/api/occurrences/${key}`));
    expect(officeView.reports[0]!.allowedActions).toEqual(['confirm', 'return']);
    const noReason = await office.request('POST', `/api/progress-reports/${reportId}/actions`, { action: 'return', reason: '', version: 1 });
    expect(noReason.statusCode).toBe(400);
    const returned = await ok<TOccurrenceDetail>(office.request('POST', `/api/progress-reports/${reportId}/actions`, { action: 'return', reason: '请附方案正文', version: 1 }));
    expect(returned).toMatchObject({ state: 'returned', overdue: true });
    expect((await office.request('POST', `/api/progress-reports/${reportId}/actions`, { action: 'confirm', version: 2 })).statusCode).toBe(409);

    const d2 = await ok<TOccurrenceDetail>(dept.request('POST', `/api/occurrences/${key}/reports`, { text: '已附方案正文' }));
    expect(d2.reports.map((r) => [r.revision, r.status])).toEqual([[1, 'returned'], [2, 'submitted']]);
    const confirmed = await ok<TOccurrenceDetail>(office.request('POST', `/api/progress-reports/${d2.reports[1]!.id}/actions`, { action: 'confirm', version: 1 }));
    expect(confirmed).toMatchObject({ state: 'confirmed', overdue: false });
    expect(confirmed.history.map((h) => h.what)).toEqual(expect.arrayContaining(['报送落实情况', '退回', '确认']));
    // Filing signed for the task at that moment, by the filer: 签收 comes first, with its time and name.
    const [signed, filed] = confirmed.history;
    expect(signed).toMatchObject({ what: '签收', at: filed!.at, who: d1.reports[0]!.filedByName });
    expect(filed).toMatchObject({ what: '报送落实情况' });
    // The unit was told of the return and of the confirmation.
    await t.ctx.notifier!.flush();
    const kinds = (await ok<{ items: { kind: string }[] }>(dept.get('/api/notifications'))).items.map((i) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(['campaign.report_returned', 'campaign.report_confirmed']));
  });

  it('催办 is kept on the occurrence and notifies the unit', async () => {
    const key = occurrenceOf(task('2'), w.depFireT1.id, '2024-05-31');
    expect((await dept.request('POST', '/api/occurrences/urge', { keys: [key] })).statusCode).toBe(403);
    const r = await ok<{ urged: number }>(office.request('POST', '/api/occurrences/urge', { keys: [key], note: '请今天报送' }));
    expect(r.urged).toBe(1);
    const d = await ok<TOccurrenceDetail>(fire.get(`/api/occurrences/${key}`));
    expect(d).toMatchObject({ urges: 1 });
    expect(d.history.find((h) => h.what === '催办')).toMatchObject({ note: '请今天报送' });
    await t.ctx.notifier!.flush();
    const inbox = await ok<{ items: { kind: string; body: string }[] }>(fire.get('/api/notifications'));
    expect(inbox.items.find((i) => i.kind === 'campaign.urged')?.body).toContain('已逾期');
    // A confirmed occurrence needs no urging.
    const done = occurrenceOf(task('1'), w.depChemT1.id, '2024-05-31');
    expect((await office.request('POST', '/api/occurrences/urge', { keys: [done] })).statusCode).toBe(409);
  });

  it('the office\'s matrix colours each cell by its most pressing state, and filters', async () => {
    const m = await ok<TMatrix>(office.get(`/api/campaigns/${campaign.id}/matrix`));
    expect(m.units.map((u) => u.id).sort()).toEqual([w.depChemT1.id, w.depFireT1.id, w.V1a.id, w.V1b.id].sort());
    const cell = (n: string, unitId: string) => m.rows.find((r) => r.taskId === task(n))!.cells.find((c) => c.unitId === unitId)!;
    expect(cell('1', w.depChemT1.id)).toMatchObject({ state: 'confirmed', total: 1, confirmed: 1 });
    expect(cell('2', w.depFireT1.id)).toMatchObject({ state: 'overdue', total: 4, overdue: 1, nextDue: '2024-05-31' });
    expect(cell('3', w.V1a.id)).toMatchObject({ state: 'upcoming', acknowledged: true });
    const overdue = await ok<TMatrix>(office.get(`/api/campaigns/${campaign.id}/matrix?state=overdue`));
    expect(overdue.rows.flatMap((r) => r.cells).every((c) => c.state === 'overdue')).toBe(true);
  });

  it('exports the list with its 落实情况 in the annex layout, merged group cells', async () => {
    const res = await office.get(`/api/campaigns/${campaign.id}/tasks/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX_MIME);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '专项行动', '行动任务', '工作要求', '责任单位', '时限要求', '工作落实情况']);
    expect(ws.getCell('B4').isMerged).toBe(true); // 一、组织领导 over rows 3–4
    expect(String(ws.getCell('G3').value)).toContain('应急站：已确认1/1');
    const own = await village.get(`/api/campaigns/${campaign.id}/tasks/export`);
    expect((await readXlsx(own.rawPayload)).rows).toBeDefined();
  });

  it('reminds the unit before a due date and once overdue, once each across a restart', async () => {
    const key = occurrenceOf(task('3'), w.V1b.id, '2024-06-30');
    const count = async (kind: string) => (await sqlRows<{ n: number }>(t.db, sql`select count(*)::int as n from notification_outbox where dedupe_key = ${`${kind}:${key}`}`))[0]!.n;
    await t.ctx.notifier!.cycle();
    expect(await count('campaign.due_soon')).toBe(0);
    t.clock.set('2024-06-28T01:00:00Z');
    await t.ctx.notifier!.cycle();
    await t.ctx.notifier!.cycle();
    expect(await count('campaign.due_soon')).toBe(1);
    const again = await createTestApp({ database: t.database, clock: t.clock });
    t.clock.set('2024-07-02T01:00:00Z');
    await again.ctx.notifier!.cycle();
    await again.ctx.notifier!.cycle();
    await again.close();
    expect(await count('campaign.due_soon')).toBe(1);
    expect(await count('campaign.overdue')).toBe(1);
    t.clock.set('2024-06-03T01:30:00Z');
    const inbox = await ok<{ items: { kind: string; href: string }[] }>(village2.get('/api/notifications'));
    expect(inbox.items.find((i) => i.kind === 'campaign.overdue')?.href).toBe(`/occurrences/${key}`);
  });

  it('shows on the 工作台: the unit what it owes, the office what awaits confirmation', async () => {
    const key = occurrenceOf(task('2'), w.depFireT1.id, '2024-05-31');
    const wb = await ok<{ items: { kind: string; href: string; light: string }[] }>(fire.get('/api/workbench'));
    expect(wb.items.find((i) => i.href === `/occurrences/${key}`)).toMatchObject({ kind: 'campaign_report', light: 'red' });
    await ok(fire.request('POST', `/api/occurrences/${key}/reports`, { text: '5月开展执法检查4次' }));
    const ob = await ok<{ items: { kind: string; href: string }[] }>(office.get('/api/workbench'));
    expect(ob.items.find((i) => i.href === `/occurrences/${key}`)).toMatchObject({ kind: 'campaign_review' });
  });
});

describe('editing the task list', () => {
  it('adds, edits (re-reading the deadline), reorders and voids tasks; only the office may', async () => {
    type Task = { id: string; number: string; version: number; deadline: { dueDates: string[]; kind: string }; voided: boolean };
    const added = await ok<Task>(office.request('POST', `/api/campaigns/${campaign.id}/tasks`, { number: '5', requirement: '开展燃气安全检查', unitIds: [w.V1a.id], deadlineText: '2024年7月15日前' }));
    expect(added.deadline.dueDates).toEqual(['2024-07-15']);
    expect((await dept.request('POST', `/api/campaigns/${campaign.id}/tasks`, { requirement: 'x', unitIds: [w.V1a.id], deadlineText: '每月' })).statusCode).toBe(403);
    const edited = await ok<Task>(office.request('PATCH', `/api/campaigns/${campaign.id}/tasks/${added.id}`, { deadlineText: '每季度', version: added.version }));
    expect(edited.deadline).toMatchObject({ kind: 'recurring', dueDates: ['2024-06-30', '2024-08-31'] });
    expect((await office.request('PATCH', `/api/campaigns/${campaign.id}/tasks/${added.id}`, { deadlineText: '每月', version: added.version })).statusCode).toBe(409);

    const before = (await ok<{ items: Task[] }>(office.get(`/api/campaigns/${campaign.id}/tasks`))).items.map((x) => x.id);
    await ok(office.request('POST', `/api/campaigns/${campaign.id}/tasks/reorder`, { taskIds: [added.id] }));
    const after = (await ok<{ items: Task[] }>(office.get(`/api/campaigns/${campaign.id}/tasks`))).items.map((x) => x.id);
    expect(after).toEqual([added.id, ...before.filter((x) => x !== added.id)]);

    const voided = await ok<Task>(office.request('POST', `/api/campaigns/${campaign.id}/tasks/${added.id}/void`, { reason: '与第3项重复', version: edited.version }));
    expect(voided.voided).toBe(true);
    const live = await ok<{ items: Task[] }>(office.get(`/api/campaigns/${campaign.id}/tasks`));
    expect(live.items.map((x) => x.id)).not.toContain(added.id);
    const gone = await ok<{ items: Task[] }>(office.get(`/api/campaigns/${campaign.id}/tasks?voided=true`));
    expect(gone.items.map((x) => x.id)).toEqual([added.id]);
  });
});

describe('a district\'s campaign and the townships implementing it', () => {
  it('a township campaign implements the district\'s, which sees it and its progress; each region reads only what it may', async () => {
    const officeD = await loginAs(t.app, w.users.officeD.username, w.users.officeD.password);
    const d = await ok<TCampaignDetail>(officeD.request('POST', '/api/campaigns', { name: '全区重大事故隐患专项排查整治', periodStart: '2024-05-01', periodEnd: '2024-12-31' }));
    expect(d.issuerName).toBe('测试区');
    await ok(officeD.request('POST', `/api/campaigns/${d.id}/tasks`, { requirement: '制定本行业专项行动方案', unitIds: [w.depBuildD.id, w.T1.id], deadlineText: '2024年6月30日前' }));
    // A township's unit cannot be given a district task it does not belong to the region of; another region's unit is refused.
    expect((await officeD.request('POST', `/api/campaigns/${d.id}/tasks`, { requirement: 'x', unitIds: [w.XV.id], deadlineText: '每月' })).statusCode).toBe(400);
    await ok(officeD.request('POST', `/api/campaigns/${d.id}/publish`, { version: d.version }));

    const list = await ok<{ parentOptions: { id: string }[] }>(office.get('/api/campaigns'));
    expect(list.parentOptions.map((p) => p.id)).toEqual([d.id]);
    const child = await ok<TCampaignDetail>(office.request('POST', '/api/campaigns', { name: '一镇落实方案', periodStart: '2024-05-10', periodEnd: '2024-12-31', parentId: d.id }));
    expect(child.parent).toEqual({ id: d.id, name: '全区重大事故隐患专项排查整治' });
    const seen = await ok<TCampaignDetail>(officeD.get(`/api/campaigns/${d.id}`));
    expect(seen.children.map((c) => c.id)).toEqual([child.id]);

    // The township reads the district's campaign but cannot change it; a village of another township does not see 一镇's.
    expect((await office.get(`/api/campaigns/${d.id}`)).statusCode).toBe(200);
    expect((await office.request('PATCH', `/api/campaigns/${d.id}`, { name: '改名', version: 2 })).statusCode).toBe(403);
    const v2 = await loginAs(t.app, w.users.villageV2.username, w.users.villageV2.password);
    expect((await v2.get(`/api/campaigns/${child.id}`)).statusCode).toBe(404);
    expect((await v2.get(`/api/campaigns/${d.id}`)).statusCode).toBe(200);
    // 一镇's office owes the district task as a unit: it is on its own list.
    const mine = await ok<{ items: { campaignId: string }[] }>(office.get('/api/my/occurrences'));
    expect(mine.items.some((o) => o.campaignId === d.id)).toBe(true);
  });
});
