// The hazard summary rows (hazard_counts, kept by statement triggers) against a full recount after
// every kind of change, and the figures read from them against the ledger and the metric registry
// (the sources they replace), on the demo region.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { THazardDetail } from '../../../contract/hazards.ts';
import { enterpriseScopeFor } from '../../../domain/access/scope.ts';
import { addDays, monthStartOf } from '../../../domain/common/dates.ts';
import { HAZARD_STATUSES, OPEN_HAZARD_STATUSES } from '../../../domain/hazards/hazard-machine.ts';
import { NOW, TODAY, seededDemoCopy } from '../../../cli/demo/seed-demo.test-world.ts';
import { DEMO_PASSWORD } from '../../../cli/demo/seed-demo.ts';
import { summariesVerify } from '../../../cli/summaries-verify.ts';
import { type DbOrTx, sqlRows } from '../../db/client.ts';
import { hazards, orgUnits, sectors, users } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { loadActor } from '../auth/auth.service.ts';
import { type TestApp, createTestApp } from '../../test/app.ts';
import { createTestClock } from '../../test/clock.ts';
import { type Session, loginAs } from '../../test/http.ts';
import { dashboardFiguresFromEngine, dashboardFiguresFromSummary } from './hazard-counts.dashboard.ts';
import { overdueThisMonth, summaryCounts } from './hazard-counts.ts';
import { hazardCountDifferences, rebuildHazardCounts } from './hazard-counts.verify.ts';
import { withHazardCountsDeferred } from './hazard-counts.upkeep.ts';
import { hazardList } from './hazards.repository.ts';
import { hazardScopeSql, hazardSummaryRegion } from './hazards.scope.ts';

let t: TestApp;
let office: Session;
let admin: Session;

beforeAll(async () => {
  const { database } = await seededDemoCopy();
  t = await createTestApp({ database, clock: createTestClock(NOW) });
  office = await loginAs(t.app, 'anweiban', DEMO_PASSWORD);
  admin = await loginAs(t.app, 'admin', DEMO_PASSWORD);
});
afterAll(async () => {
  await t?.close();
  await t?.database.close();
});

const expectEqual = async (what: string) => {
  const { keys, differences } = await hazardCountDifferences(t.db);
  expect(differences, what).toEqual([]);
  expect(keys, what).toBeGreaterThan(0);
};
const anyHazard = async (where = sql`true`) => (await t.db.select().from(hazards).where(where).limit(1))[0]!;
const act = async (s: Session, id: string, body: Record<string, unknown>) => {
  const h = (await s.get(`/api/hazards/${id}`)).json() as THazardDetail;
  const res = await s.request('POST', `/api/hazards/${id}/actions`, { ...body, version: h.version });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as THazardDetail;
};

describe('hazard summary rows', () => {
  it('equal a full recount on the seeded demo', async () => {
    await expectEqual('seeded');
    expect((await summariesVerify(t.db, { repair: false })).exitCode).toBe(0);
  });

  it('follow reports, edits of level and sector, the loop and voiding through the API', async () => {
    const h = await anyHazard(sql`${hazards.status} = 'reported' and ${hazards.level} = 'general'`);
    const [other] = await t.db.select().from(sectors).where(and(eq(sectors.districtId, h.districtId), sql`${sectors.id} <> ${h.sectorId}`)).limit(1);
    const created = await office.request('POST', '/api/hazards', {
      enterpriseId: h.enterpriseId, source: 'department', foundAt: NOW.toISOString(), description: '配电箱门缺失，带电部位裸露',
      location: '一号车间', sectorId: h.sectorId, level: 'general', dueDate: TODAY,
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = (created.json() as THazardDetail).id;
    await expectEqual('after a report');
    await act(office, id, { action: 'edit', sectorId: other!.id });
    await expectEqual('after a change of sector');
    await act(office, id, { action: 'edit', level: 'major', criterion: '《工贸企业重大事故隐患判定标准》第四条' });
    await expectEqual('after a change of level');
    await act(office, id, { action: 'void', reason: '重复录入，与已有隐患为同一问题' });
    await expectEqual('after voiding');
  });

  it('follow any change of a keyed column, several rows at once, deletions and a rebuild', async () => {
    const h = await anyHazard();
    const [village] = await t.db.select().from(orgUnits).where(and(eq(orgUnits.kind, 'village'), sql`${orgUnits.id} <> ${h.villageId}`)).limit(1);
    await t.db.update(hazards).set({ villageId: village!.id }).where(eq(hazards.id, h.id));
    await t.db.update(hazards).set({ foundAt: new Date('2023-01-15T03:00:00Z') }).where(eq(hazards.id, h.id));
    await t.db.update(hazards).set({ source: 'public' }).where(eq(hazards.id, h.id));
    await expectEqual('after single-row changes of village, month and source');
    await t.db.update(hazards).set({ status: 'closed', closedAt: NOW }).where(eq(hazards.status, 'awaiting_verification'));
    await t.db.update(hazards).set({ description: sql`${hazards.description} || '（已核）'` }); // every row, no key moves
    await expectEqual('after changes of many rows');
    await t.db.transaction(async (tx) => {
      await tx.update(hazards).set({ level: 'major' }).where(eq(hazards.id, h.id));
      await tx.update(hazards).set({ level: 'general' }).where(eq(hazards.id, h.id));
    });
    await t.db.delete(hazards).where(eq(hazards.status, 'voided'));
    await expectEqual('after deletions');
    // a damaged summary is found, and rebuilt from the ledger
    await t.db.execute(sql`update hazard_counts set n = n + 3 where ctid = (select ctid from hazard_counts where n > 0 limit 1)`);
    const broken = await summariesVerify(t.db, { repair: false });
    expect(broken.exitCode).toBe(1);
    expect(broken.message).toContain('differ');
    await t.db.transaction((tx) => rebuildHazardCounts(tx));
    await expectEqual('after a rebuild');
  });

  it('wait in a bulk write that defers them, then follow in one pass before it returns; a write that fails leaves nothing pending', async () => {
    const kept = async (db: DbOrTx = t.db) => Number((await sqlRows<{ n: number }>(db, sql`select coalesce(sum(n), 0)::int as n from hazard_counts where by = 'all' and region_id = district_id`))[0]!.n);
    const pending = async (db: DbOrTx = t.db) => Number((await sqlRows<{ n: number }>(db, sql`select count(*)::int as n from hazard_counts_pending`))[0]!.n);
    const before = await kept();
    const copies = (tag: string) => sql`
      insert into hazards select (jsonb_populate_record(h, jsonb_build_object('id', gen_random_uuid(), 'number', h.number || ${tag}))).*
      from hazards h where h.status = 'reported' order by h.number limit 5`;
    await t.db.transaction(async (tx) => {
      await withHazardCountsDeferred(tx, async () => {
        for (const tag of ['-a', '-b', '-c']) await tx.execute(copies(tag));
        // three statements' counts wait, by their own keys, and the summary rows are as before
        expect(await kept(tx)).toBe(before);
        expect(await pending(tx)).toBeGreaterThan(0);
      });
      expect(await pending(tx)).toBe(0);
      expect(await kept(tx)).toBe(before + 15);
      // after it, a statement applies its own counts again
      await tx.execute(copies('-d'));
      expect(await kept(tx)).toBe(before + 20);
    });
    await expectEqual('after a deferred bulk write');
    await expect(t.db.transaction((tx) => withHazardCountsDeferred(tx, async () => {
      await tx.execute(copies('-e'));
      throw new Error('the file broke off');
    }))).rejects.toThrow('the file broke off');
    expect(await pending()).toBe(0);
    await expectEqual('after a bulk write that failed');
  });
});

async function actorNamed(username: string): Promise<Actor> {
  const [u] = await t.db.select().from(users).where(eq(users.username, username));
  return (await loadActor(t.ctx, u!.id, { id: 'x', csrfToken: 'x' }))!;
}

describe('figures from the summary rows', () => {
  const ranges = () => [{}, { from: monthStartOf(TODAY) }, { from: monthStartOf(TODAY, -11) }, { from: '2020-01-01' }];

  it('key a due month by the domain\'s open states: the SQL rule of migration 0027 is OPEN_HAZARD_STATUSES', async () => {
    for (const status of HAZARD_STATUSES) {
      const [r] = await sqlRows<{ m: string }>(t.db, sql`select hazard_count_due_month(${status}, '2024-05-10')::text as m`);
      expect(r!.m, status).toBe(OPEN_HAZARD_STATUSES.includes(status) ? '2024-05-01' : 'infinity');
    }
    const [none] = await sqlRows<{ m: string }>(t.db, sql`select hazard_count_due_month('reported', null)::text as m`);
    expect(none!.m).toBe('infinity');
  });

  it('count overdue hazards due in an earlier month from the rows and this month\'s from the index; due today is not overdue', async () => {
    const open = await t.db.select().from(hazards).where(sql`${hazards.status} in ('reported', 'rectifying') and ${hazards.level} = 'general'`).limit(3);
    const due = [monthStartOf(TODAY, -1), addDays(TODAY, -1), TODAY];
    for (const [i, h] of open.entries()) await t.db.update(hazards).set({ dueDate: due[i]!, level: 'major' }).where(eq(hazards.id, h.id));
    await expectEqual('after changes of due day');
    const region = hazardSummaryRegion(await actorNamed('anweiban'))!;
    const q = { districtId: region.districtId, region, months: {} };
    const rows = await summaryCounts(t.db, { ...q, level: 'major' }, ['all'], TODAY);
    const fromRows = rows.reduce((a, r) => a + r.overdue, 0);
    const thisMonth = (await overdueThisMonth(t.db, { ...q, level: 'major' }, ['all'], TODAY, {})).reduce((a, r) => a + r.n, 0);
    const [ledger] = await sqlRows<{ n: number }>(t.db, sql`select count(*)::int as n from hazards where township_id = ${region.id} and level = 'major'
      and status in ('reported', 'rectifying', 'awaiting_verification') and due_date < ${TODAY}`);
    expect(fromRows).toBeGreaterThan(0);
    expect(thisMonth).toBeGreaterThan(0);
    expect(fromRows + thisMonth).toBe(Number(ledger!.n));
  });

  it('are the metric registry\'s dashboard figures, for a township and for the district', async () => {
    for (const username of ['anweiban', 'leader', 'admin']) {
      const actor = await actorNamed(username);
      const region = hazardSummaryRegion(actor)!;
      expect(region, username).not.toBeNull();
      for (const r of ranges()) {
        const range = { ...r, to: TODAY, today: TODAY };
        const fromSummary = await dashboardFiguresFromSummary(t.db, region, range);
        const fromEngine = await dashboardFiguresFromEngine(t.db, hazardScopeSql(actor), range);
        expect(fromSummary, `${username} ${JSON.stringify(r)}`).toEqual(fromEngine);
      }
      expect((await dashboardFiguresFromSummary(t.db, region, { to: TODAY, today: TODAY })).totals.found, username).toBeGreaterThan(0);
    }
  });

  it('are the ledger\'s tab counts and totals under every filter they keep', async () => {
    const actor = await actorNamed('anweiban');
    const scope = hazardScopeSql(actor);
    const region = hazardSummaryRegion(actor);
    const [h] = await t.db.select().from(hazards).where(eq(hazards.level, 'major')).limit(1);
    const filters = [
      {}, { includeVoided: true }, { status: 'closed' }, { open: true }, { open: false }, { level: 'major' }, { source: 'public' },
      { villageId: h!.villageId }, { sectorId: h!.sectorId, level: 'general' }, { from: monthStartOf(TODAY, -5) }, { to: '2024-06-30', open: true },
      { villageId: h!.villageId, from: monthStartOf(TODAY, -11), status: 'rectifying' },
    ] as const;
    for (const f of filters) {
      const q = { ...f } as Parameters<typeof hazardList.page>[1]['f'];
      const p = { page: 1, pageSize: 5 };
      const fast = await hazardList.page(t.db, { f: q, scope, today: TODAY, region }, p);
      const scan = await hazardList.page(t.db, { f: q, scope, today: TODAY, region: null }, p);
      expect({ total: fast.total, counts: fast.counts }, JSON.stringify(f)).toEqual({ total: scan.total, counts: scan.counts });
      expect(fast.rows.map((r) => r.h.id), JSON.stringify(f)).toEqual(scan.rows.map((r) => r.h.id));
      // the last page, read from the end, is the scan's last page
      const last = { page: Math.max(1, Math.ceil(scan.total / 5)), pageSize: 5 };
      const fastLast = await hazardList.page(t.db, { f: q, scope, today: TODAY, region }, last);
      const scanLast = await hazardList.page(t.db, { f: q, scope, today: TODAY, region: null }, last);
      expect(fastLast.rows.map((r) => r.h.id), `last page ${JSON.stringify(f)}`).toEqual(scanLast.rows.map((r) => r.h.id));
    }
  });

  it('page by cursor: 下一页 after page N is page N + 1, on the summary path and the counting one, and a bad cursor is a 400', async () => {
    const actor = await actorNamed('anweiban');
    const scope = hazardScopeSql(actor);
    for (const [f, region] of [[{}, hazardSummaryRegion(actor)], [{ q: '隐患' }, null], [{ level: 'general' }, null]] as const) {
      const q = { ...f } as Parameters<typeof hazardList.page>[1]['f'];
      let after: string | undefined;
      for (let page = 1; page <= 4; page++) {
        const byOffset = await hazardList.page(t.db, { f: q, scope, today: TODAY, region: null }, { page, pageSize: 7 });
        const byCursor = await hazardList.page(t.db, { f: q, scope, today: TODAY, region }, { page, pageSize: 7, after, cursor: true });
        expect(byCursor.rows.map((r) => r.h.id), `${JSON.stringify(f)} page ${page}`).toEqual(byOffset.rows.map((r) => r.h.id));
        expect(byCursor.total).toBe(byOffset.total);
        after = byCursor.next ?? undefined;
        if (!after) break;
      }
    }
    const first = (await office.get('/api/hazards?pageSize=3')).json() as { items: { id: string }[]; nextCursor: string };
    const second = (await office.get(`/api/hazards?pageSize=3&page=2&after=${first.nextCursor}`)).json() as { items: { id: string }[] };
    const byPage = (await office.get('/api/hazards?pageSize=3&page=2')).json() as { items: { id: string }[] };
    expect(second.items.map((i) => i.id)).toEqual(byPage.items.map((i) => i.id));
    for (const bad of ['not-a-cursor', Buffer.from('[{"text":"x","type":"text; drop table hazards"}]').toString('base64url'), Buffer.from('[1,2]').toString('base64url')]) {
      const res = await office.get(`/api/hazards?after=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json()).toMatchObject({ error: { fieldErrors: { after: [expect.stringContaining('翻页')] } } });
    }
  });

  it('answer the ledger over HTTP with the same figures for the district\'s administrator', async () => {
    const res = await admin.get('/api/hazards?pageSize=5');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { total: number; statusCounts: Record<string, number> };
    const total = (await t.db.execute(sql`select count(*)::int as n from hazards where status <> 'voided'`)) as unknown as { rows: { n: number }[] };
    expect(body.total).toBe(Number(total.rows[0]!.n));
    expect(enterpriseScopeFor(await actorNamed('admin')).kind).toBe('region');
  });
});
