// The demo ledger through the real API: every login sees hazards, every detail loads, the demo
// accounts can carry the loop on (decide the pending transfer and extension, accept a major
// plan), and a new report continues the numbering from hazard_counters.
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { THazardDetail } from '../../contract/hazards.ts';
import type { TInspectionDetail } from '../../contract/inspections.ts';
import type { TCampaignLeadership } from '../../contract/leadership.ts';
import {
  accountabilityRecords, enforcementCases, hazardTransfers, hazards, inspections, occurrenceUrges, orgUnits, reportSubmissions, reportTemplates, sectors, users,
} from '../../server/db/schema/index.ts';
import { type TestApp, createTestApp } from '../../server/test/app.ts';
import { createTestClock } from '../../server/test/clock.ts';
import { type Session, loginAs } from '../../server/test/http.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed-demo.ts';
import { NOW, seededDemoCopy } from './seed-demo.test-world.ts';

let t: TestApp;
const sessions = new Map<string, Session>();
const as = (username: string) => sessions.get(username)!;

beforeAll(async () => {
  // the run's seeded demo, copied (seed-demo.test-world.ts), at the same now
  const { database } = await seededDemoCopy();
  t = await createTestApp({ database, clock: createTestClock(NOW) });
  for (const a of DEMO_ACCOUNTS) sessions.set(a.username, await loginAs(t.app, a.username, DEMO_PASSWORD));
});

afterAll(async () => {
  await t?.close();
  await t?.database.close();
});

const detail = async (s: Session, id: string) => {
  const res = await s.get(`/api/hazards/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as THazardDetail;
};
const act = async (s: Session, id: string, body: Record<string, unknown>) => {
  const h = await detail(s, id);
  const res = await s.request('POST', `/api/hazards/${id}/actions`, { ...body, version: h.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as THazardDetail;
};

describe('demo hazards through the API', () => {
  it('shows every login a ledger within its scope', async () => {
    const total = (await t.db.select({ id: hazards.id }).from(hazards)).length;
    const counts: Record<string, number> = {};
    for (const a of DEMO_ACCOUNTS) {
      const res = await as(a.username).get('/api/hazards?includeVoided=true&pageSize=5');
      expect(res.statusCode, `${a.username} ${res.body}`).toBe(200);
      counts[a.username] = (res.json() as { total: number }).total;
    }
    for (const u of ['admin', 'anweiban', 'leader']) expect(counts[u], u).toBe(total);
    for (const u of ['yingji', 'jianshe', 'mingyue', 'qianzhan', 'qiye', 'dudao']) {
      expect(counts[u], u).toBeGreaterThan(0);
      expect(counts[u], u).toBeLessThan(total);
    }
    const overdue = await as('anweiban').get('/api/hazards?overdue=true');
    expect((overdue.json() as { total: number }).total).toBeGreaterThan(0);
  });

  it('loads the detail of every hazard with its timeline, plans and records', async () => {
    const ids = (await t.db.select({ id: hazards.id }).from(hazards)).map((r) => r.id);
    for (const id of ids) {
      const h = await detail(as('anweiban'), id);
      expect(h.events.length, h.number).toBeGreaterThan(0);
      expect(h.events.at(-1)!.toStatus, h.number).toBe(h.status);
      if (h.level === 'major') expect(h.plans.length, h.number).toBeGreaterThan(0);
    }
  });

  it('loads the dashboard and the 判定依据 suggestions', async () => {
    const dash = await as('leader').get('/api/dashboard/hazards');
    expect(dash.statusCode, dash.body).toBe(200);
    const d = dash.json() as { found: number; closed: number; overdue: number; major: { listed: number } };
    expect(d.found).toBeGreaterThan(100);
    expect(d.closed).toBeGreaterThan(50);
    expect(d.overdue).toBeGreaterThan(0);
    expect(d.major.listed).toBeGreaterThan(0);
    const crit = await as('yingji').get('/api/hazard-criteria');
    expect(crit.statusCode, crit.body).toBe(200);
    expect((crit.json() as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(15);
  });

  it('lets the demo accounts carry the loop on: the pending transfer, the pending extension, a major plan', async () => {
    // The pending transfer goes to a department with a demo login (应急办 or 村镇建设中心).
    const [pendingTransfer] = await t.db.select().from(hazards).where(isNotNull(hazards.pendingTransferId));
    const [transfer] = await t.db.select().from(hazardTransfers).where(eq(hazardTransfers.id, pendingTransfer!.pendingTransferId!));
    // 应急办 has two logins (yingji, yingji2): the first by name, whatever order the database returns
    const [receiver] = await t.db.select().from(users).where(eq(users.unitId, transfer!.toUnitId)).orderBy(users.username).limit(1);
    expect(['yingji', 'jianshe']).toContain(receiver!.username);
    expect((await detail(as(receiver!.username), pendingTransfer!.id)).allowedActions).toContain('decide_transfer');
    const moved = await act(as(receiver!.username), pendingTransfer!.id, { action: 'decide_transfer', accept: true });
    expect(moved.responsibleUnitId).toBe(transfer!.toUnitId);
    expect(moved.transferCount).toBe(1);

    const [pendingExtension] = await t.db.select().from(hazards).where(isNotNull(hazards.pendingExtensionId));
    const decider = (await detail(as('anweiban'), pendingExtension!.id)).allowedActions;
    expect(decider).toContain('decide_extension');
    const extended = await act(as('anweiban'), pendingExtension!.id, { action: 'decide_extension', approve: true, note: '同意' });
    expect(extended.extensions.every((e) => e.status !== 'pending')).toBe(true);

    const [major] = await t.db.select().from(hazards).where(and(eq(hazards.level, 'major'), eq(hazards.status, 'reported')));
    const accepted = await act(as('anweiban'), major!.id, { action: 'accept', note: '同意方案' });
    expect(accepted.status).toBe('rectifying');
  });

  it('numbers a new report after the demo ones', async () => {
    const mingyue = as('mingyue');
    const [village] = await t.db.select().from(orgUnits).where(eq(orgUnits.name, '明月村'));
    const [qiye] = await t.db.select().from(users).where(eq(users.username, 'qiye'));
    const [fire] = await t.db.select().from(sectors).where(eq(sectors.name, '消防'));
    const before = (await t.db.select({ n: hazards.number }).from(hazards)).map((r) => r.n).sort().at(-1)!;
    const res = await mingyue.request('POST', '/api/hazards', {
      enterpriseId: qiye!.enterpriseId, source: 'village', foundAt: NOW.toISOString(), description: '灭火器被遮挡',
      location: '车间门口', sectorId: fire!.id, level: 'general',
    });
    expect(res.statusCode, res.body).toBe(200);
    const created = res.json() as THazardDetail;
    const seq = (n: string) => Number(n.slice(-6));
    expect(created.number.slice(0, 8)).toBe('YB-2024-');
    expect(seq(created.number)).toBe(seq(before) + 1);
    expect(created.villageId).toBe(village!.id);
  });
});

describe('demo inspections, schedules, plans, cases and 问责 through the API', () => {
  const ok = async (s: Session, url: string) => {
    const res = await s.get(url);
    expect(res.statusCode, `${url} ${res.body}`).toBe(200);
    return res.json() as Record<string, unknown>;
  };

  it('loads a completed inspection of every type as signed, complete and linked to its hazards', async () => {
    const done = await t.db.select().from(inspections).where(eq(inspections.status, 'completed'));
    for (const type of new Set(done.map((i) => i.type))) {
      const i = done.find((x) => x.type === type && x.failedCount > 0) ?? done.find((x) => x.type === type)!;
      const d = (await ok(as('anweiban'), `/api/inspections/${i.id}`)) as unknown as TInspectionDetail;
      expect(d.status, i.number).toBe('completed');
      expect(d.problems, i.number).toEqual([]);
      expect(d.inspectors.every((x) => x.signed), i.number).toBe(true);
      expect(d.signatureHash).toBe(i.signatureHash);
      for (const a of d.answers.filter((x) => x.result === 'nonconform')) expect(a.hazard, `${i.number} ${a.itemKey}`).not.toBeNull();
    }
    const drafts = await t.db.select().from(inspections).where(eq(inspections.status, 'draft'));
    for (const i of drafts) {
      const lead = (await t.db.select().from(users).where(eq(users.id, i.createdBy)))[0]!;
      if (!sessions.has(lead.username)) continue;
      const d = (await ok(as(lead.username), `/api/inspections/${i.id}`)) as unknown as TInspectionDetail;
      expect(d.allowedActions, i.number).toContain('edit');
      expect(d.problems.length, i.number).toBeGreaterThan(0);
    }
    const mine = await ok(as('yingji2'), '/api/inspections?mine=true&pageSize=5');
    expect(mine.total as number).toBeGreaterThan(0);
  });

  it('shows the enterprise account its self-inspection record and the office who is behind', async () => {
    const [qiye] = await t.db.select().from(users).where(eq(users.username, 'qiye'));
    const compliance = await ok(as('qiye'), `/api/enterprises/${qiye!.enterpriseId}/self-inspection/compliance`);
    expect(compliance).toBeTruthy();
    await ok(as('qiye'), `/api/enterprises/${qiye!.enterpriseId}/self-inspection/calendar`);
    const behind = await ok(as('anweiban'), '/api/self-inspection/compliance?pageSize=5');
    expect(behind.total as number).toBeGreaterThan(0);
  });

  it('lists the plans, cases and 问责 records to the roles that keep them', async () => {
    const plans = await ok(as('yingji'), '/api/plans?pageSize=20');
    const items = plans.items as { id: string }[];
    expect(items.length).toBeGreaterThan(0);
    for (const p of items) {
      await ok(as('yingji'), `/api/plans/${p.id}`);
      await ok(as('yingji'), `/api/plans/${p.id}/key-uncovered`);
    }
    const all = await t.db.select().from(enforcementCases);
    const cases = await ok(as('anweiban'), '/api/cases?pageSize=50');
    expect(cases.total).toBe(all.length);
    for (const c of all) await ok(as('anweiban'), `/api/cases/${c.id}`);
    expect(((await ok(as('yingji'), '/api/cases?pageSize=5')).total as number)).toBeGreaterThan(0);
    const records = await ok(as('anweiban'), '/api/accountability?pageSize=50');
    expect(records.total).toBe((await t.db.select().from(accountabilityRecords)).length);
    expect((await as('yingji').get('/api/accountability')).statusCode).toBe(403);
  });
});

describe('the demo campaigns', () => {
  type Item = { id: string; name: string; state: string; currentStage: string | null; figures: Record<string, number> };
  const get = async (s: Session, url: string): Promise<unknown> => {
    const res = await s.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  it('大盛镇 runs its 秋冬季大排查 now, in its second stage, with progress in every state', async () => {
    const list = (await get(as('anweiban'), '/api/campaigns')) as unknown as { items: Item[] };
    const c = list.items.find((x) => x.name === '全镇秋冬季安全生产大排查')!;
    expect(c).toMatchObject({ state: 'active', currentStage: '督促检查' });
    expect(c.figures.tasks).toBe(18);
    for (const k of ['confirmed', 'submitted', 'returned', 'overdue']) expect(c.figures[k], k).toBeGreaterThan(0);
    expect(c.figures.unreadDeadlines).toBe(0);
    const matrix = (await get(as('anweiban'), `/api/campaigns/${c.id}/matrix`)) as unknown as { rows: { cells: { state: string }[] }[] };
    const states = new Set(matrix.rows.flatMap((r) => r.cells.map((x) => x.state)));
    // A returned occurrence past its due date shows as overdue; the returned ones are counted in the figures above.
    for (const s of ['overdue', 'submitted', 'confirmed', 'upcoming']) expect(states, s).toContain(s);
    // A village officer sees what the village owes; some of it was urged, and it is on the 工作台.
    const mine = (await get(as('mingyue'), '/api/my/occurrences?owed=true&pageSize=100')) as unknown as { items: { key: string; due: string }[]; total: number };
    expect(mine.total).toBeGreaterThan(0);
    const wb = (await get(as('mingyue'), '/api/workbench')) as unknown as { items: { kind: string }[] };
    expect(wb.items.some((i) => i.kind === 'campaign_report')).toBe(true);
    const urged = await t.db.select().from(occurrenceUrges).where(eq(occurrenceUrges.campaignId, c.id));
    expect(urged.length).toBeGreaterThan(0);
  });

  it('黔江区 › 邻鄂镇 keeps its finished 2023 专项行动: 47 rows imported, every unit matched, most reported and confirmed', async () => {
    const line = await loginAs(t.app, 'line', DEMO_PASSWORD);
    const list = (await get(line, '/api/campaigns')) as unknown as { items: Item[] };
    expect(list.items).toHaveLength(1); // not 大盛's
    const c = list.items[0]!;
    expect(c).toMatchObject({ name: '邻鄂镇重大事故隐患专项排查整治2023行动', state: 'ended' });
    expect(c.figures).toMatchObject({ tasks: 47, unreadDeadlines: 0 });
    expect(c.figures.confirmed! / c.figures.dueSoFar!).toBeGreaterThan(0.8);
    expect(c.figures.overdue).toBeGreaterThan(0);
    const tasks = (await get(line, `/api/campaigns/${c.id}/tasks?pageSize=100`)) as unknown as { items: { number: string; units: unknown[] }[] };
    expect(tasks.items.filter((x) => x.number === '40')).toHaveLength(2);
    expect(tasks.items.every((x) => x.units.length > 0)).toBe(true);
    expect((await as('anweiban').get(`/api/campaigns/${c.id}`)).statusCode).toBe(404);
    // Ended: still corrected and reviewed, nobody urged any more.
    const detail = (await get(line, `/api/campaigns/${c.id}`)) as { allowedActions: string[] };
    expect(detail.allowedActions).toEqual(['edit', 'edit_tasks', 'review', 'overview']);
    const m = (await get(line, `/api/campaigns/${c.id}/matrix?state=overdue`)) as { rows: { cells: { nextKey: string | null }[] }[] };
    const late = m.rows.flatMap((r) => r.cells).find((x) => x.nextKey)!.nextKey!;
    expect((await line.request('POST', '/api/occurrences/urge', { keys: [late] })).statusCode).toBe(409);
  });
});

describe('demo leaders’ activities through the API', () => {
  type Item = { id: string; name: string };
  const get = async (s: Session, url: string): Promise<unknown> => {
    const res = await s.get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  it('邻鄂镇: rows 4–8 are linked requirements, followed by the records: done and missing windows, confirmed and overdue tasks', async () => {
    const shuji = await loginAs(t.app, 'lineshuji', DEMO_PASSWORD);
    const c = ((await get(shuji, '/api/campaigns')) as unknown as { items: Item[] }).items[0]!;
    const l = (await get(shuji, `/api/campaigns/${c.id}/leadership`)) as unknown as TCampaignLeadership;
    expect(l.requirements.map((r) => r.task && r.frequencyText)).toEqual(['每3个月1次', '2023年5月20日前', '每月1次', '每月1次', '每月1次']);
    const cells = l.requirements.flatMap((r) => r.rows.flatMap((row) => row.cells.map((x) => x.status)));
    expect(new Set(cells)).toEqual(new Set(['done', 'missing']));
    expect(l.requirements[2]!.rows.map((r) => r.leader.post)).toEqual(['party_secretary', 'government_head']);
    const m = (await get(shuji, `/api/campaigns/${c.id}/matrix`)) as unknown as { rows: { number: string; cells: { confirmed: number; overdue: number }[] }[] };
    const leaderRows = m.rows.filter((r) => ['4', '5', '6', '7', '8'].includes(r.number)).flatMap((r) => r.cells);
    expect(leaderRows.some((x) => x.overdue > 0) && leaderRows.some((x) => x.confirmed > 0)).toBe(true);
    expect(((await get(shuji, '/api/leadership/activities?pageSize=1')) as unknown as { total: number }).total).toBeGreaterThan(20);
  });

  it('大盛镇: the 镇长 has activities, and his home lists what is due this month', async () => {
    const list = (await get(as('leader'), '/api/leadership/activities')) as unknown as { total: number };
    expect(list.total).toBeGreaterThanOrEqual(3);
    const due = (await get(as('leader'), '/api/leadership/due')) as unknown as { items: { label: string }[] };
    expect(due.items.map((i) => i.label)).toEqual(['党政主要负责人每月开展1次调研检查或专题调度']);
    const wb = (await get(as('leader'), '/api/workbench')) as unknown as { items: { kind: string }[] };
    expect(wb.items.some((i) => i.kind === 'leadership_due')).toBe(true);
    expect((await as('mingyue').get('/api/leadership/activities')).statusCode).toBe(403);
  });
});

describe('demo report forms through the API', () => {
  it('大盛 fills 附件3 and 附件4 and the district\'s 调度表, with submissions in every state', async () => {
    const forms = await t.db.select({ code: reportTemplates.code }).from(reportTemplates);
    expect(forms.map((f) => f.code).sort()).toEqual(['chongming-dispatch-2023', 'dasheng-annex-3', 'dasheng-annex-4']);
    const states = new Set((await t.db.select({ s: reportSubmissions.status }).from(reportSubmissions)).map((r) => r.s));
    expect([...states].sort()).toEqual(['approved', 'draft', 'excused', 'returned', 'submitted']);
  });

  it('every computed figure of every seed form counts as many records as its value', async () => {
    const templates = await t.db.select().from(reportTemplates);
    for (const tpl of templates) {
      const subs = await t.db.select().from(reportSubmissions).where(eq(reportSubmissions.seriesId, tpl.seriesId)).limit(40);
      const frozen = subs.find((s) => s.status === 'approved')!;
      const live = subs.find((s) => s.status === 'draft' || s.status === 'returned') ?? subs.find((s) => s.status !== 'approved')!;
      for (const s of [frozen, live]) {
        const key = `${s.seriesId}_${s.unitId}_${s.due}`;
        const res = await as('anweiban').get(`/api/report-submissions/${key}`);
        if (res.statusCode === 404) continue; // the district's form is the admin's to read
        expect(res.statusCode, res.body).toBe(200);
        for (const c of res.json().cells as { kind: string; unit: string | null; key: string; value: number; records?: { count: number } }[]) {
          if (c.kind === 'computed' && c.unit !== '万元' && c.key !== 'referrals') expect(c.records!.count, `${tpl.code} ${c.key}`).toBe(c.value);
        }
      }
    }
    const villageKey = (await t.db.select().from(reportSubmissions).where(isNotNull(reportSubmissions.submittedAt)).limit(1))[0]!;
    expect((await as('qiye').get(`/api/report-submissions/${villageKey.seriesId}_${villageKey.unitId}_${villageKey.due}`)).statusCode).toBe(403);
  });
});
