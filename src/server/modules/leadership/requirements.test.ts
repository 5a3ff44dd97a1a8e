// Seed 000's leader tasks (附件1 rows 4–8) through the HTTP API on a real database, on 15 September
// 2023 inside the seed's own campaign: the office's "识别" proposes the requirements from the task
// words, the office links them; the tasks take their progress from the activity records (met →
// confirmed, a month short → overdue, a void undoes it); the compliance table per leader × window;
// each leader's 工作台 lists what the window containing today still asks; reminders go out once.
import { and, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIN_E_2023_ANNEX } from '../../../cli/demo/data/lin-e-2023-annex.ts';
import type { TAnnexPreview, TOccurrenceDetail, TOccurrenceItem } from '../../../contract/campaign-progress.ts';
import type { TCampaignDetail } from '../../../contract/campaigns.ts';
import type { TActivityDetail, TCampaignLeadership, TLeaderDue, TRequirementSuggestion } from '../../../contract/leadership.ts';
import type { TWorkbench } from '../../../contract/workbench.ts';
import type { LeaderPost } from '../../../domain/supervision/leadership.ts';
import { notificationOutbox, users } from '../../db/schema/index.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { createTestClock } from '../../test/clock.ts';
import { type BuiltUser, buildUser } from '../../test/factories.ts';
import { type Session, errorOf, loginAs } from '../../test/http.ts';
import { type World, buildWorld } from '../../test/world.ts';
import { leadershipReminders } from './leadership.due.ts';
import { UNREADABLE_FREQUENCY } from './requirements.service.ts';

let t: TestApp;
let w: World;
let office: Session;
let dept: Session; // 应急站: the tasks' responsible unit here
let officeT2: Session;
let secretary: Session;
let mayor: Session;
let deputy: Session;
const people: Record<string, BuiltUser> = {};
let campaign: TCampaignDetail;
let taskOf: Record<string, string>; // annex number → task id

const ok = async <T>(p: Promise<{ statusCode: number; body: string; json: () => unknown }>): Promise<T> => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
const ROWS = LIN_E_2023_ANNEX.filter((r) => ['4', '5', '6', '7', '8'].includes(r.number));
const PASTED = [
  '重大隐患专项排查整治2023行动工作清单和责任清单', '序号\t专项行动\t行动任务\t工作要求\t责任单位\t时限要求',
  ...ROWS.map((r, i) => [r.number, i === 0 ? r.group : '', i === 0 ? r.action : '', r.requirement, '应急站', r.deadline].join('\t')),
].join('\n');

async function leaderWithPost(name: string, post: LeaderPost): Promise<Session> {
  const u = await buildUser(t.db, { role: 'leader', unit: w.T1, displayName: name });
  await t.db.update(users).set({ leaderPost: post }).where(eq(users.id, u.id));
  people[post] = u;
  return loginAs(t.app, u.username, u.password);
}
const record = (heldOn: string, kind: string, posts: LeaderPost[], topic = '专题调度') => ok<TActivityDetail>(office.request('POST', '/api/leadership/activities', {
  kind, level: 'township', heldOn, topic, leaders: posts.map((p) => ({ userId: people[p]!.id, post: p })), campaignId: campaign.id,
}));
const occurrences = async () => (await ok<{ items: TOccurrenceItem[] }>(dept.get(`/api/my/occurrences?campaignId=${campaign.id}&pageSize=100`))).items;
const stateOf = (items: TOccurrenceItem[], number: string, due: string) => {
  const o = items.find((i) => i.taskNumber === number && i.due === due);
  if (!o) throw new Error(`no occurrence ${number} ${due}`);
  return { state: o.state, overdue: o.overdue };
};

beforeAll(async () => {
  t = await createTestApp({ clock: createTestClock('2023-09-15T02:00:00.000Z') });
  w = await buildWorld(t.db);
  const login = (u: BuiltUser) => loginAs(t.app, u.username, u.password);
  office = await login(w.users.officeT1);
  dept = await login(w.users.deptChemT1);
  officeT2 = await login(await buildUser(t.db, { role: 'office', unit: w.T2 }));
  secretary = await leaderWithPost('林书记', 'party_secretary');
  mayor = await leaderWithPost('周镇长', 'government_head');
  deputy = await leaderWithPost('郑副镇长', 'deputy');
  campaign = await ok(office.request('POST', '/api/campaigns', {
    name: '重大事故隐患专项排查整治2023行动', periodStart: '2023-05-18', periodEnd: '2023-12-31', reportCycleText: '每月',
  }));
  const p = await ok<TAnnexPreview>(office.request('POST', `/api/campaigns/${campaign.id}/tasks/import/preview`, { text: PASTED }));
  expect(p.summary).toMatchObject({ rows: 5, unmatchedRows: 0, unreadRows: 0 });
  await ok(office.request('POST', `/api/campaigns/${campaign.id}/tasks/import/commit`, { rows: p.rows.map((r) => ({ ...r, deadlineConfirmed: true })) }));
  campaign = await ok(office.request('POST', `/api/campaigns/${campaign.id}/publish`, { version: campaign.version }));
  const tasks = (await ok<{ items: { id: string; number: string }[] }>(office.get(`/api/campaigns/${campaign.id}/tasks`))).items;
  taskOf = Object.fromEntries(tasks.map((x) => [x.number, x.id]));
});
afterAll(() => t?.close());

describe('a campaign’s required frequencies of leaders’ activities', () => {
  it('识别 reads seed 000 rows 4–8 as requirements; only the office keeps them', async () => {
    const s = await ok<{ items: TRequirementSuggestion[] }>(office.get(`/api/campaigns/${campaign.id}/leadership/suggestions`));
    expect(s.items.map((i) => [i.taskNumber, i.posts, i.kinds, i.frequencyText])).toEqual([
      ['4', ['party_secretary'], ['briefing_heard'], '每3个月1次'],
      ['5', ['government_head'], ['meeting'], '2023年5月20日前'],
      ['6', ['party_secretary', 'government_head'], ['research_inspection'], '每月1次'],
      ['7', ['deputy'], ['research_inspection'], '每月1次'],
      ['8', ['deputy'], ['situation_analysis'], '每月1次'],
    ]);
    expect(s.items[0]!.label).toBe('党委主要负责人要每3个月听取1次专项行动情况汇报');
    expect((await mayor.get(`/api/campaigns/${campaign.id}/leadership/suggestions`)).statusCode).toBe(403);
    expect((await officeT2.get(`/api/campaigns/${campaign.id}/leadership/suggestions`)).statusCode).toBe(404);
    for (const i of s.items) {
      await ok(office.request('POST', `/api/campaigns/${campaign.id}/leadership/requirements`, { label: i.label, posts: i.posts, kinds: i.kinds, frequencyText: i.frequencyText, taskId: i.taskId }));
    }
    const again = await ok<{ items: TRequirementSuggestion[] }>(office.get(`/api/campaigns/${campaign.id}/leadership/suggestions`));
    expect(again.items.every((i) => i.existingRequirementId !== null)).toBe(true);
    const body = { label: '重复', posts: ['deputy'], kinds: ['study'], frequencyText: '每月1次', taskId: taskOf['7'] };
    expect(errorOf(await office.request('POST', `/api/campaigns/${campaign.id}/leadership/requirements`, body)).fieldErrors?.taskId?.[0]).toMatch(/^该任务已关联频次要求/);
    const unread = await office.request('POST', `/api/campaigns/${campaign.id}/leadership/requirements`, { ...body, taskId: null, frequencyText: '按上级要求' });
    expect(errorOf(unread).fieldErrors).toEqual({ frequencyText: [UNREADABLE_FREQUENCY] });
    expect((await dept.request('POST', `/api/campaigns/${campaign.id}/leadership/requirements`, { ...body, taskId: null })).statusCode).toBe(403);
  });

  it('the leader tasks take their progress from the records: met → confirmed, a month short → overdue, a void undoes it', async () => {
    await record('2023-05-19', 'meeting', ['government_head'], '专项行动动员部署会');
    await record('2023-07-10', 'briefing_heard', ['party_secretary'], '听取专项行动情况汇报');
    const june = await record('2023-06-12', 'research_inspection', ['party_secretary', 'government_head', 'deputy']);
    await record('2023-07-20', 'research_inspection', ['party_secretary', 'government_head', 'deputy']);
    await record('2023-08-09', 'research_inspection', ['government_head', 'deputy']); // the secretary missed August
    await record('2023-06-28', 'situation_analysis', ['deputy'], '分管领域安全生产形势分析');
    const items = await occurrences();
    expect(stateOf(items, '5', '2023-05-20')).toEqual({ state: 'confirmed', overdue: false });
    expect(stateOf(items, '4', '2023-08-20')).toEqual({ state: 'confirmed', overdue: false });
    expect(stateOf(items, '4', '2023-11-20')).toEqual({ state: 'not_reported', overdue: false });
    expect(stateOf(items, '6', '2023-05-31')).toEqual({ state: 'not_reported', overdue: true });
    expect(stateOf(items, '6', '2023-06-30')).toEqual({ state: 'confirmed', overdue: false });
    expect(stateOf(items, '6', '2023-07-31')).toEqual({ state: 'confirmed', overdue: false });
    expect(stateOf(items, '6', '2023-08-31')).toEqual({ state: 'not_reported', overdue: true });
    expect(stateOf(items, '6', '2023-09-30')).toEqual({ state: 'not_reported', overdue: false });
    expect(stateOf(items, '7', '2023-08-31')).toEqual({ state: 'confirmed', overdue: false });
    expect(stateOf(items, '8', '2023-06-30')).toEqual({ state: 'confirmed', overdue: false });
    expect(stateOf(items, '8', '2023-07-31')).toEqual({ state: 'not_reported', overdue: true });

    // The occurrence shows the activities that counted; a met one asks for no report.
    const key = `${taskOf['6']}_${w.depChemT1.id}_2023-06-30`;
    const d = await ok<TOccurrenceDetail>(dept.get(`/api/occurrences/${key}`));
    expect(d.evidence).toMatchObject({ met: true, label: '主要负责人每月开展1次调研检查或专题调度，组织研判重大安全风险，研究解决突出问题', records: [{ id: june.id, day: '2023-06-12', href: `/leadership/${june.id}`, title: '调研检查/专题调度：专题调度', who: '林书记、周镇长、郑副镇长' }] });
    expect(d.allowedActions).not.toContain('report');
    const aug = await ok<TOccurrenceDetail>(dept.get(`/api/occurrences/${taskOf['6']}_${w.depChemT1.id}_2023-08-31`));
    expect(aug.evidence).toMatchObject({ met: false, records: [{ day: '2023-08-09' }] });

    await ok(office.request('POST', `/api/leadership/activities/${june.id}/void`, { reason: '日期登记错误', version: june.version }));
    expect(stateOf(await occurrences(), '6', '2023-06-30')).toEqual({ state: 'not_reported', overdue: true });
    await record('2023-06-13', 'research_inspection', ['party_secretary', 'government_head', 'deputy']);
    expect(stateOf(await occurrences(), '6', '2023-06-30')).toEqual({ state: 'confirmed', overdue: false });
    // The matrix of the campaign reads the same occurrences.
    const m = await ok<{ rows: { number: string; cells: { confirmed: number; overdue: number }[] }[] }>(office.get(`/api/campaigns/${campaign.id}/matrix`));
    expect(m.rows.find((r) => r.number === '6')!.cells[0]).toMatchObject({ confirmed: 2, overdue: 2 });
  });

  it('the compliance table: leader × window, done / missing / due / upcoming, with the activities counted', async () => {
    const c = await ok<TCampaignLeadership>(dept.get(`/api/campaigns/${campaign.id}/leadership`));
    expect(c.allowedActions).toEqual([]);
    expect((await ok<TCampaignLeadership>(office.get(`/api/campaigns/${campaign.id}/leadership`))).allowedActions).toEqual(['create', 'edit', 'void']);
    expect((await officeT2.get(`/api/campaigns/${campaign.id}/leadership`)).statusCode).toBe(404);
    const r6 = c.requirements.find((r) => r.task?.id === taskOf['6'])!;
    expect(r6.frequency).toMatchObject({ readable: true, count: 1 });
    expect(r6.rows.map((r) => r.leader.name)).toEqual(['林书记', '周镇长']);
    const statuses = (name: string) => r6.rows.find((r) => r.leader.name === name)!.cells.map((x) => x.status);
    expect(statuses('林书记')).toEqual(['missing', 'done', 'done', 'missing', 'due', 'upcoming', 'upcoming', 'upcoming']);
    expect(statuses('周镇长')).toEqual(['missing', 'done', 'done', 'done', 'due', 'upcoming', 'upcoming', 'upcoming']);
    expect(r6.counts).toEqual({ done: 5, missing: 3, due: 2, upcoming: 6 });
    const julyCell = r6.rows[0]!.cells[2]!;
    expect(julyCell).toMatchObject({ from: '2023-07-01', due: '2023-07-31', count: 1 });
    expect(c.activities[julyCell.activityIds[0]!]).toEqual({ heldOn: '2023-07-20', kind: 'research_inspection', topic: '专题调度' });
    const r4 = c.requirements.find((r) => r.task?.id === taskOf['4'])!;
    expect(r4.rows.map((r) => [r.leader.name, r.cells.map((x) => x.status)])).toEqual([['林书记', ['done', 'due', 'upcoming']]]);
  });

  it('each leader’s 工作台 lists what the window containing today still asks of them', async () => {
    const due = await ok<TLeaderDue>(secretary.get('/api/leadership/due'));
    expect(due.items.map((i) => [i.label.slice(0, 8), i.from, i.due, i.done, i.required])).toEqual([
      ['主要负责人每月开', '2023-09-01', '2023-09-30', 0, 1],
      ['党委主要负责人要', '2023-08-18', '2023-11-17', 0, 1],
    ]);
    const wb = await ok<TWorkbench>(secretary.get('/api/workbench'));
    const mine = wb.items.filter((i) => i.kind === 'leadership_due');
    expect(mine).toHaveLength(2);
    expect(mine[0]).toMatchObject({ due: '2023-09-30', dueText: '剩 15 天', light: 'green', href: '/leadership/new' });
    expect(wb.totals.leadership_due).toBe(2);
    await ok(secretary.request('POST', '/api/leadership/activities', { kind: 'research_inspection', level: 'township', heldOn: '2023-09-14', topic: '节前检查', leaders: [{ userId: people.party_secretary!.id, post: 'party_secretary' }] }));
    expect((await ok<TLeaderDue>(secretary.get('/api/leadership/due'))).items).toHaveLength(1);
    expect((await ok<TLeaderDue>(deputy.get('/api/leadership/due'))).items.map((i) => i.label.slice(0, 8))).toEqual(['分管负责人每月开', '分管负责人每月组']);
    expect((await ok<TLeaderDue>(office.get('/api/leadership/due'))).items).toEqual([]); // no post, nothing owed
    expect((await ok<TWorkbench>(mayor.get('/api/workbench'))).totals.leadership_due).toBe(1);
  });

  it('reminders: a window closed short is told once to the leader, through the notifications outbox', async () => {
    const n = await leadershipReminders(t.db, '2023-09-15');
    expect(n).toBeGreaterThan(0);
    const rows = await t.db.select().from(notificationOutbox).where(and(like(notificationOutbox.kind, 'leadership.%'), inArray(notificationOutbox.entityId, [campaign.id])));
    const late = rows.filter((r) => r.kind === 'leadership.overdue' && (r.audience as { userIds: string[] }).userIds[0] === people.party_secretary!.id);
    expect(late.map((r) => r.dedupeKey?.split(':').at(-1))).toEqual(['2023-08-31']);
    expect(late[0]).toMatchObject({ title: '主要负责人每月开展1次调研检查或专题调度，组织研判重大安全风险，研究解决突出问题', body: '2023-08-01至2023-08-31应开展 1 次，实际 0 次' });
    expect(await leadershipReminders(t.db, '2023-09-15')).toBe(0);
    // Three days before a window closes short, a due-soon reminder.
    await leadershipReminders(t.db, '2023-09-28');
    const soon = await t.db.select().from(notificationOutbox).where(eq(notificationOutbox.kind, 'leadership.due_soon'));
    expect(soon.map((r) => (r.audience as { userIds: string[] }).userIds[0]).sort()).toEqual([people.deputy!.id, people.deputy!.id, people.government_head!.id].sort());
  });
});
