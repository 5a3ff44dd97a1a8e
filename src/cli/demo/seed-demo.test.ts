import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDay } from '../../domain/dates.ts';
import {
  HAZARD_SOURCES, HAZARD_STATUSES, OPEN_HAZARD_STATUSES, isHazardOverdue, isPlanComplete,
} from '../../domain/hazard-machine.ts';
import { checkUscc } from '../../domain/uscc.ts';
import { ROLES } from '../../domain/roles.ts';
import {
  auditLog, enterprises, hazardCounters, hazardCriteria, hazardEvents, hazardExtensions, hazardListings, hazardPlans,
  hazardReports, hazardTransfers, hazards, orgUnits, sectors, supervisionGroupMembers, supervisionGroupUnits, supervisionGroups, users,
} from '../../server/db/schema/index.ts';
import { verifyAuditChain } from '../../server/modules/audit/audit.service.ts';
import { verifyPassword } from '../../server/modules/auth/password.ts';
import { createTestDatabase, type TestDatabase } from '../../server/test/db.ts';
import { generateDemoEnterprises } from './demo-enterprises.ts';
import { demoSignatureHash } from './demo-hazards.ts';
import { isRealName } from './demo-names.ts';
import { DEMO_SECTORS, DEMO_VILLAGES } from './demo-region.ts';
import { Rand, mulberry32 } from './prng.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SEED, seedDemoIfEmpty, type DemoSeedResult } from './seed-demo.ts';

let database: TestDatabase;
let seeded: DemoSeedResult | null;
let seedMs = 0;
const NOW = new Date('2024-11-20T02:00:00Z');
const TODAY = shanghaiDay(NOW);

beforeAll(async () => {
  database = await createTestDatabase();
  const t0 = performance.now();
  seeded = await seedDemoIfEmpty(database.db, { now: NOW });
  seedMs = performance.now() - t0;
  console.log(`demo seed: ${seedMs.toFixed(0)} ms, ${seeded?.enterprises} enterprises, ${seeded?.hazards} hazards, ${seeded?.auditRows} audit rows`);
}, 60_000);

afterAll(async () => {
  await database?.close();
});

describe('demo seed', () => {
  it('creates the 大盛镇 region with its 18 villages and 9 departments', async () => {
    const db = database.db;
    expect(seeded).not.toBeNull();
    const units = await db.select().from(orgUnits);
    const byKind = (k: string) => units.filter((u) => u.kind === k);
    expect(byKind('district').map((u) => u.name)).toEqual(['渝北区']);
    const district = byKind('district')[0]!;
    expect(district.districtId).toBe(district.id);
    expect(byKind('township').map((u) => u.name)).toEqual(['大盛镇']);
    expect(byKind('village').map((u) => u.name).sort()).toEqual([...DEMO_VILLAGES].sort());
    expect(byKind('department')).toHaveLength(9);
    for (const u of units) expect(u.districtId).toBe(district.id);
  });

  it('has every sector supervised by at least one department', async () => {
    const db = database.db;
    const secs = await db.select().from(sectors);
    expect(secs.map((s) => s.name)).toEqual(expect.arrayContaining([...DEMO_SECTORS]));
    const depts = await db.select().from(orgUnits).where(eq(orgUnits.kind, 'department'));
    const supervised = new Set(depts.flatMap((d) => d.sectorIds));
    for (const s of secs) expect(supervised.has(s.id), s.name).toBe(true);
  });

  it('creates about 300 enterprises, each in a village, with valid USCCs and consistent data', async () => {
    const db = database.db;
    const rows = await db.select().from(enterprises);
    expect(rows.length).toBeGreaterThanOrEqual(280);
    expect(rows.length).toBeLessThanOrEqual(320);
    const villages = new Set((await db.select().from(orgUnits).where(eq(orgUnits.kind, 'village'))).map((v) => v.id));
    const sectorIds = new Set((await db.select().from(sectors)).map((s) => s.id));
    for (const e of rows) {
      expect(villages.has(e.villageId), e.name).toBe(true);
      expect(e.sectorIds.length, e.name).toBeGreaterThan(0);
      for (const s of e.sectorIds) expect(sectorIds.has(s)).toBe(true);
      if (e.uscc) expect(checkUscc(e.uscc), e.uscc).toBeNull();
      if (e.kind === 'company') expect(e.uscc, e.name).toMatch(/^9[13]500112/);
      if (e.kind === 'small_venue') expect(e.venueType, e.name).not.toBeNull();
      expect(e.principalPhone).toMatch(/^100\d{8}$/);
      if (e.safetyManagerPhone) expect(e.safetyManagerPhone).toMatch(/^100\d{8}$/);
      expect(isRealName(e.principalName)).toBe(false);
    }
    expect(new Set(rows.map((e) => e.name)).size).toBe(rows.length);
    const share = (f: (e: (typeof rows)[number]) => boolean) => rows.filter(f).length / rows.length;
    expect(share((e) => e.isKey)).toBeGreaterThan(0.05);
    expect(share((e) => e.isKey)).toBeLessThan(0.16);
    expect(share((e) => (e.employeeCount ?? 0) < 30)).toBeGreaterThan(0.8);
    expect(share((e) => e.riskGrade === 'blue' || e.riskGrade === 'yellow')).toBeGreaterThan(0.75);
    expect(rows.some((e) => e.riskGrade === 'red')).toBe(true);
    expect(share((e) => e.status === 'operating')).toBeGreaterThan(0.8);
    expect(rows.some((e) => e.status === 'suspended')).toBe(true);
    expect(rows.some((e) => e.kind === 'sole_trader' && e.uscc === null)).toBe(true);
    expect(rows.some((e) => e.kind === 'sole_trader' && e.uscc?.startsWith('92'))).toBe(true);
    for (const v of DEMO_VILLAGES) {
      const id = (await db.select().from(orgUnits).where(eq(orgUnits.name, v)))[0]!.id;
      expect(rows.filter((e) => e.villageId === id).length, v).toBeGreaterThan(3);
    }
  });

  it('creates one account per demo login, covering every role, all with the demo password', async () => {
    const db = database.db;
    const rows = await db.select().from(users);
    expect(rows.map((u) => u.username).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    expect(new Set(rows.map((u) => u.role))).toEqual(new Set(ROLES));
    const units = new Map((await db.select().from(orgUnits)).map((u) => [u.id, u]));
    for (const a of DEMO_ACCOUNTS) {
      const u = rows.find((r) => r.username === a.username)!;
      expect(u.role).toBe(a.role);
      expect(units.get(u.unitId)?.name, a.username).toBe(a.unitName);
      expect(u.mustChangePassword).toBe(false);
    }
    expect(await verifyPassword(rows[0]!.passwordHash, DEMO_PASSWORD)).toBe(true);
    const qiye = rows.find((u) => u.username === 'qiye')!;
    const ent = (await db.select().from(enterprises).where(eq(enterprises.id, qiye.enterpriseId!)))[0]!;
    expect(ent.villageId).toBe(qiye.unitId);
    expect(ent.kind).toBe('company');
  });

  it('creates the 9 supervision groups of 附件5; dudao belongs to the 明月村/千盏村 group', async () => {
    const db = database.db;
    const groups = await db.select().from(supervisionGroups);
    expect(groups).toHaveLength(9);
    for (const g of groups) {
      expect(g.leaderNames).not.toMatch(/李觅|辛国艺|欧代明/);
    }
    const dudao = (await db.select().from(users).where(eq(users.username, 'dudao')))[0]!;
    const [m] = await db.select().from(supervisionGroupMembers).where(eq(supervisionGroupMembers.userId, dudao.id));
    const unitIds = (await db.select().from(supervisionGroupUnits).where(eq(supervisionGroupUnits.groupId, m!.groupId))).map((r) => r.unitId);
    const names = (await db.select().from(orgUnits)).filter((u) => unitIds.includes(u.id)).map((u) => u.name).sort();
    expect(names).toEqual(['千盏村', '明月村']);
    const [{ n }] = (await db.select({ n: count() }).from(supervisionGroupUnits)) as [{ n: number }];
    expect(n).toBe(18 + 8);
  });

  it('records an intact audit chain and seeds within budget', async () => {
    const verdict = await verifyAuditChain(database.db);
    expect(verdict.ok).toBe(true);
    const [{ n }] = (await database.db.select({ n: count() }).from(auditLog)) as [{ n: number }];
    expect(n).toBe(seeded!.auditRows);
    expect(verdict.rows).toBe(n);
    const after = JSON.stringify(await database.db.select({ a: auditLog.after }).from(auditLog));
    expect(after).not.toContain('argon2');
    // Target < 5 s (about 1 s on PGlite); the assertion leaves room for a loaded CI machine.
    expect(seedMs).toBeLessThan(10_000);
  });

  it('does nothing on a database that already has units', async () => {
    expect(await seedDemoIfEmpty(database.db)).toBeNull();
  });
});

describe('demo hazards', () => {
  type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];
  let H: Row<typeof hazards>[];
  let units: Map<string, Row<typeof orgUnits>>;
  let plans: Row<typeof hazardPlans>[];
  let events: Row<typeof hazardEvents>[];
  const of = <T extends { hazardId: string }>(rows: T[], h: { id: string }) => rows.filter((r) => r.hazardId === h.id);

  beforeAll(async () => {
    const db = database.db;
    H = await db.select().from(hazards).orderBy(asc(hazards.number));
    units = new Map((await db.select().from(orgUnits)).map((u) => [u.id, u]));
    plans = await db.select().from(hazardPlans).orderBy(asc(hazardPlans.createdAt));
    events = await db.select().from(hazardEvents).orderBy(asc(hazardEvents.seq));
  });

  it('numbers hazards YB-<year>-000001… from the district code and leaves the counters at the last number', async () => {
    const district = [...units.values()].find((u) => u.kind === 'district')!;
    expect(district.code).toBe('YB');
    expect(new Set(H.map((h) => h.number)).size).toBe(H.length);
    const maxSeq = new Map<number, number>();
    for (const h of H) {
      const m = /^YB-(\d{4})-(\d{6})$/.exec(h.number)!;
      expect(Number(m[1])).toBe(Number(shanghaiDay(h.foundAt).slice(0, 4)));
      maxSeq.set(Number(m[1]), Math.max(maxSeq.get(Number(m[1])) ?? 0, Number(m[2])));
    }
    const counters = await database.db.select().from(hazardCounters);
    expect(new Map(counters.map((c) => [c.year, c.lastSeq]))).toEqual(maxSeq);
    for (const c of counters) expect(c.districtId).toBe(district.id);
  });

  it('has every status, about half closed, about 10% major, and overdue ones', () => {
    expect(H.length).toBeGreaterThanOrEqual(120);
    expect(H.length).toBeLessThanOrEqual(180);
    const n = (f: (h: (typeof H)[number]) => boolean) => H.filter(f).length;
    for (const s of HAZARD_STATUSES) expect(n((h) => h.status === s), s).toBeGreaterThan(0);
    expect(n((h) => h.status === 'closed') / H.length).toBeGreaterThan(0.4);
    expect(n((h) => h.status === 'closed') / H.length).toBeLessThan(0.6);
    expect(n((h) => h.level === 'major') / H.length).toBeGreaterThan(0.07);
    expect(n((h) => h.level === 'major') / H.length).toBeLessThan(0.15);
    const overdue = H.filter((h) => isHazardOverdue(h, TODAY));
    expect(overdue.length).toBeGreaterThanOrEqual(5);
    for (const h of overdue) expect(OPEN_HAZARD_STATUSES).toContain(h.status);
    expect(overdue.some((h) => h.status === 'rectifying')).toBe(true);
    expect(overdue.some((h) => h.level === 'major')).toBe(true);
    // Rectifying hazards that are not overdue exist too, and every rectifying one has a due date.
    expect(H.some((h) => h.status === 'rectifying' && h.dueDate! >= TODAY)).toBe(true);
    for (const h of H.filter((x) => x.status === 'rectifying')) expect(h.dueDate, h.number).not.toBeNull();
    expect(H.filter((h) => h.status === 'voided').every((h) => h.voidReason && h.voidedAt)).toBe(true);
    expect(n((h) => h.fixedOnSpot && h.status === 'closed')).toBeGreaterThan(10);
    expect(n((h) => h.fixedOnSpot && h.status === 'awaiting_verification')).toBeGreaterThan(0);
  });

  it('has reported hazards with and without a plan, and a plan behind every rectification', () => {
    const reported = H.filter((h) => h.status === 'reported');
    expect(reported.some((h) => of(plans, h).length === 0)).toBe(true);
    expect(reported.some((h) => of(plans, h).length > 0)).toBe(true);
    for (const h of reported) if (of(plans, h).length > 0) expect(h.level, h.number).toBe('major'); // awaiting acceptance
    for (const h of H.filter((x) => x.status === 'rectifying' || (x.status === 'closed' && !x.fixedOnSpot))) {
      expect(of(plans, h).length, h.number).toBeGreaterThan(0);
    }
  });

  it('gives every major hazard a criterion, a complete 五落实 plan, both discovery reports, and acceptance before rectification', async () => {
    const reports = await database.db.select().from(hazardReports);
    const majors = H.filter((h) => h.level === 'major');
    for (const h of majors) {
      expect(h.criterion, h.number).toMatch(/^《.+》/);
      expect(h.fixedOnSpot).toBe(false);
      const plan = of(plans, h).at(-1);
      expect(plan, h.number).toBeDefined();
      expect(isPlanComplete(plan!), h.number).toBe(true);
      const discovery = of(reports, h).filter((r) => r.kind === 'discovery');
      expect(new Set(discovery.map((r) => r.recipient)), h.number).toEqual(new Set(['department', 'government']));
      if (h.status !== 'reported') expect(h.acceptedAt, h.number).not.toBeNull();
      expect(units.get(h.responsibleUnitId)?.kind, h.number).toBe('department');
    }
    expect(reports.some((r) => r.kind === 'rectification')).toBe(true);
    for (const r of reports.filter((x) => x.kind === 'rectification')) {
      expect(H.find((h) => h.id === r.hazardId)?.status).toBe('closed');
    }
  });

  it('lists several majors at township, district and city level, each with its listing row', async () => {
    const listings = await database.db.select().from(hazardListings);
    const listed = H.filter((h) => h.listingLevel !== null);
    expect(listed.length).toBeGreaterThanOrEqual(3);
    expect(new Set(listed.map((h) => h.listingLevel))).toEqual(new Set(['township', 'district', 'city']));
    for (const h of listed) {
      expect(h.level).toBe('major');
      const rows = of(listings, h);
      expect(rows.at(-1)?.level, h.number).toBe(h.listingLevel);
      expect(rows.at(-1)!.documentNo).toMatch(/^(大盛安委办|渝北安委办|渝安委办)〔\d{4}〕\d+号$/);
      expect(isRealName(rows.at(-1)!.leaderName)).toBe(false);
    }
    expect(listings.length).toBe(listed.length);
  });

  it('keeps transfers from villages to township departments: accepted ones moved responsibility, one pending, one returned', async () => {
    const transfers = await database.db.select().from(hazardTransfers);
    for (const t of transfers) {
      expect(units.get(t.fromUnitId)?.kind).toBe('village');
      expect(units.get(t.toUnitId)?.kind).toBe('department');
    }
    const moved = H.filter((h) => h.transferCount > 0);
    expect(moved.length).toBeGreaterThanOrEqual(2);
    for (const h of moved) {
      const accepted = of(transfers, h).filter((t) => t.status === 'accepted');
      expect(accepted.length, h.number).toBe(h.transferCount);
      expect(h.responsibleUnitId).toBe(accepted.at(-1)!.toUnitId);
    }
    const pending = H.filter((h) => h.pendingTransferId !== null);
    expect(pending.length).toBeGreaterThanOrEqual(1);
    for (const h of pending) expect(transfers.find((t) => t.id === h.pendingTransferId)?.status).toBe('pending');
    expect(transfers.filter((t) => t.status === 'pending').length).toBe(pending.length);
    expect(transfers.some((t) => t.status === 'returned' && t.decisionReason)).toBe(true);
  });

  it('keeps extensions with old and new dates: approved, rejected and one pending', async () => {
    const exts = await database.db.select().from(hazardExtensions);
    expect(new Set(exts.map((e) => e.status))).toEqual(new Set(['approved', 'rejected', 'pending']));
    for (const e of exts) expect(e.newDueDate > (e.oldDueDate ?? '')).toBe(true);
    const pending = H.filter((h) => h.pendingExtensionId !== null);
    expect(pending.length).toBe(1);
    expect(exts.find((e) => e.id === pending[0]!.pendingExtensionId)?.status).toBe('pending');
  });

  it('reopens some closed hazards by a recheck: back in rectification with the recheck_reopen event', () => {
    const reopened = H.filter((h) => h.reopenCount > 0);
    expect(reopened.length).toBeGreaterThanOrEqual(3);
    for (const h of reopened) {
      expect(h.status).toBe('rectifying');
      expect(of(events, h).filter((e) => e.action === 'recheck_reopen')).toHaveLength(h.reopenCount);
      expect(h.closedAt).toBeNull();
      expect(h.signatureHash).toBeNull();
    }
    expect(events.some((e) => e.action === 'recheck_pass')).toBe(true);
    expect(events.some((e) => e.action === 'verify_fail')).toBe(true);
  });

  it('has a timeline per hazard that starts with the report and ends in its status', () => {
    const actions = new Set(events.map((e) => e.action));
    for (const a of [
      'report', 'submit_plan', 'accept', 'start_rectification', 'report_rectification', 'verify_pass', 'verify_fail', 'recheck_pass',
      'recheck_reopen', 'transfer', 'accept_transfer', 'return_transfer', 'request_extension', 'approve_extension', 'reject_extension',
      'list', 'record_dual_report', 'void',
    ]) expect(actions.has(a), a).toBe(true);
    for (const h of H) {
      const timeline = of(events, h);
      expect(timeline[0]?.action, h.number).toBe('report');
      for (let i = 1; i < timeline.length; i++) {
        expect(timeline[i]!.fromStatus, `${h.number} #${i}`).toBe(timeline[i - 1]!.toStatus);
        expect(timeline[i]!.at.getTime()).toBeGreaterThanOrEqual(timeline[i - 1]!.at.getTime());
      }
      expect(timeline.at(-1)!.toStatus, h.number).toBe(h.status);
      expect(timeline.at(-1)!.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
      for (const e of timeline) if (e.actorId) expect(e.actorName && e.actorUnitName, `${h.number} ${e.action}`).toBeTruthy();
    }
  });

  it('closes out with the verifier, the time and a signature over the record as signed', () => {
    const closed = H.filter((h) => h.status === 'closed');
    for (const h of closed) {
      expect(h.closedAt && h.verifiedBy && h.verifierName && h.rectificationNote, h.number).toBeTruthy();
      const plan = of(plans, h).filter((p) => p.createdAt <= h.closedAt!).at(-1) ?? null;
      expect(h.signatureHash, h.number).toBe(demoSignatureHash({
        id: h.id, number: h.number, enterpriseId: h.enterpriseId, description: h.description, level: h.level, location: h.location,
        rectificationNote: h.rectificationNote, plan, signerId: h.verifiedBy!, signerName: h.verifierName!, signedAt: h.closedAt!,
      }));
      const pass = of(events, h).filter((e) => e.action === 'verify_pass').at(-1)!;
      expect((pass.data as { signatureHash: string }).signatureHash).toBe(h.signatureHash);
    }
  });

  it('spreads over villages, sectors and sources; found by demo users and units; supervised by the right unit', async () => {
    const db = database.db;
    const userIds = new Map((await db.select().from(users)).map((u) => [u.id, u]));
    const ents = new Map((await db.select().from(enterprises)).map((e) => [e.id, e]));
    const depts = [...units.values()].filter((u) => u.kind === 'department');
    expect(new Set(H.map((h) => h.villageId)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(H.map((h) => h.sectorId)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(H.map((h) => h.source))).toEqual(new Set(HAZARD_SOURCES));
    for (const h of H) {
      const e = ents.get(h.enterpriseId)!;
      expect(h.villageId).toBe(e.villageId);
      expect(e.sectorIds, h.number).toContain(h.sectorId);
      expect(userIds.has(h.foundByUserId), h.number).toBe(true);
      expect(units.has(h.foundByUnitId), h.number).toBe(true);
      if (h.source === 'self_inspection') expect(userIds.get(h.foundByUserId)!.enterpriseId).toBe(h.enterpriseId);
      if (h.source === 'village') {
        expect(h.foundByUnitId).toBe(h.villageId);
        if (h.transferCount === 0) expect(h.responsibleUnitId, h.number).toBe(h.villageId);
      } else {
        const dept = depts.find((d) => d.id === h.responsibleUnitId);
        expect(dept?.sectorIds, h.number).toContain(h.sectorId);
      }
    }
    // The demo village and department logins each have open hazards to work on.
    const byUnitName = (name: string) => [...units.values()].find((u) => u.name === name)!.id;
    for (const name of ['明月村', '千盏村', '应急办', '村镇建设中心']) {
      expect(H.some((h) => h.responsibleUnitId === byUnitName(name) && OPEN_HAZARD_STATUSES.includes(h.status)), name).toBe(true);
    }
  });

  it('suggests 判定依据 per sector from the national standards', async () => {
    const rows = await database.db.select().from(hazardCriteria);
    expect(rows.length).toBeGreaterThanOrEqual(15);
    expect(rows.length).toBeLessThanOrEqual(25);
    const sectorIds = new Set((await database.db.select().from(sectors)).map((s) => s.id));
    for (const c of rows) {
      expect(c.text).toMatch(/^《.+》/);
      if (c.sectorId) expect(sectorIds.has(c.sectorId)).toBe(true);
    }
    for (const h of H.filter((x) => x.level === 'major')) expect(rows.map((c) => c.text)).toContain(h.criterion);
  });

  it('writes one small demo.seed audit row per hazard', async () => {
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.entityType, 'hazard'));
    expect(rows).toHaveLength(H.length);
    const byId = new Map(H.map((h) => [h.id, h]));
    for (const r of rows) {
      expect(r.action).toBe('demo.seed');
      expect((r.after as { number: string }).number).toBe(byId.get(r.entityId!)!.number);
    }
  });
});

describe('demo enterprise generator', () => {
  it('is deterministic for a seed', () => {
    const a = generateDemoEnterprises(new Rand(mulberry32(DEMO_SEED)));
    const b = generateDemoEnterprises(new Rand(mulberry32(DEMO_SEED)));
    expect(a).toEqual(b);
  });
});

describe('seedDemoIfEmpty', () => {
  it('seeds once when two servers start at the same time', async () => {
    const db2 = await createTestDatabase();
    try {
      const results = await Promise.all([seedDemoIfEmpty(db2.db), seedDemoIfEmpty(db2.db)]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      const [{ n }] = (await db2.db.select({ n: count() }).from(orgUnits)) as [{ n: number }];
      expect(n).toBe(2 + 18 + 9);
      expect((await verifyAuditChain(db2.db)).ok).toBe(true);
    } finally {
      await db2.close();
    }
  });
});
