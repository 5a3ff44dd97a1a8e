// The demo's hazard ledger: numbers, every state of the loop played by the rules, timelines, signatures.
import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDay } from '../../domain/common/dates.ts';
import { HAZARD_SOURCES, HAZARD_STATUSES, OPEN_HAZARD_STATUSES, isHazardOverdue, isPlanComplete } from '../../domain/hazards/hazard-machine.ts';
import { auditLog, enterprises, hazardCriteria, hazardExtensions, recordEvents, hazardListings, hazardPlans, hazardReports, hazardTransfers, hazards, orgUnits, recordCounters, sectors, users } from '../../server/db/schema/index.ts';
import { demoSignatureHash } from './demo-hazards.ts';
import { isRealName } from './demo-names.ts';
import { NOW, TODAY, database, useSeededDemo } from './seed-demo.test-world.ts';

useSeededDemo();

describe('demo hazards', () => {
  type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];
  let H: Row<typeof hazards>[];
  let units: Map<string, Row<typeof orgUnits>>;
  let plans: Row<typeof hazardPlans>[];
  let events: Row<typeof recordEvents>[];
  const of = <T extends { hazardId: string } | { entityId: string }>(rows: T[], h: { id: string }) =>
    rows.filter((r) => ('hazardId' in r ? r.hazardId : r.entityId) === h.id);

  beforeAll(async () => {
    const db = database.db;
    H = await db.select().from(hazards).orderBy(asc(hazards.number));
    units = new Map((await db.select().from(orgUnits)).map((u) => [u.id, u]));
    plans = await db.select().from(hazardPlans).orderBy(asc(hazardPlans.createdAt));
    events = await db.select().from(recordEvents).where(eq(recordEvents.entityType, 'hazard')).orderBy(asc(recordEvents.seq));
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
    const counters = await database.db.select().from(recordCounters).where(eq(recordCounters.kind, 'hazard'));
    expect(new Map(counters.map((c) => [c.year, c.lastSeq]))).toEqual(maxSeq);
    for (const c of counters) expect(c.districtId).toBe(district.id);
  });

  it('has every status, about half closed, about 10% major, and overdue ones', () => {
    // The ledger's own stories; hazards found in inspections (their own test below) come on top.
    const ledger = H.filter((h) => h.inspectionId === null);
    expect(ledger.length).toBeGreaterThanOrEqual(120);
    expect(ledger.length).toBeLessThanOrEqual(180);
    expect(H.length - ledger.length).toBeLessThanOrEqual(120);
    const n = (f: (h: (typeof H)[number]) => boolean) => ledger.filter(f).length;
    for (const s of HAZARD_STATUSES) expect(n((h) => h.status === s), s).toBeGreaterThan(0);
    expect(n((h) => h.status === 'closed') / ledger.length).toBeGreaterThan(0.4);
    expect(n((h) => h.status === 'closed') / ledger.length).toBeLessThan(0.6);
    expect(n((h) => h.level === 'major') / ledger.length).toBeGreaterThan(0.07);
    expect(n((h) => h.level === 'major') / ledger.length).toBeLessThan(0.15);
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
