import { createHash } from 'node:crypto';
import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChecklistTemplateContent, itemsOf, templateDiff } from '../../domain/checklist.ts';
import { shanghaiDay } from '../../domain/dates.ts';
import {
  CASE_STATUSES, CASE_TRANSITIONS, MEASURE_KINDS, finesFen, isDualPenalty, judicialReferralPersons, measureProblem, noPenaltyByLaw,
  type CaseAction, type CaseStatus, type EnforcementMeasure,
} from '../../domain/enforcement.ts';
import {
  HAZARD_SOURCES, HAZARD_STATUSES, OPEN_HAZARD_STATUSES, isHazardOverdue, isPlanComplete,
} from '../../domain/hazard-machine.ts';
import { mayStartInspection } from '../../domain/inspection-policy.ts';
import {
  INSPECTION_TYPES, canonicalJson, failedItems, inspectionCompletionRefusal, inspectorRuleRefusal, isSelfInspection, methodTagsRefusal,
  selfInspectionType, signaturePayload, type ChecklistAnswer, type InspectionMethodTag,
} from '../../domain/inspection-rules.ts';
import { enterpriseInScope, enterpriseScopeFor } from '../../domain/scope.ts';
import { CHONGMING_SPOT_CHECK, DASHENG_SMALL_ENTERPRISE, DASHENG_SMALL_VENUE, SEED_CHECKLISTS } from '../../domain/seed-checklists.ts';
import { type SelfInspectionFrequency, complianceOf, occurrencesBetween, scheduleProblems } from '../../domain/self-inspection-schedule.ts';
import { checkUscc } from '../../domain/uscc.ts';
import { ROLES } from '../../domain/roles.ts';
import {
  accountabilityRecords, auditLog, checklistTemplateVersions, checklistTemplates, enforcementCaseEvents, enforcementCases,
  enforcementMeasures, enterprises, hazardCounters, hazardCriteria, hazardEvents, hazardExtensions, hazardListings, hazardPlans,
  hazardReports, hazardTransfers, hazards, inspectionAnswers, inspectionInspectors, inspectionPlanEntries, inspectionPlans, inspections,
  orgUnits, recordCounters, sectors, selfInspectionSchedules, supervisionGroupMembers, supervisionGroupUnits, supervisionGroups, users,
  workCalendarDays,
} from '../../server/db/schema/index.ts';
import { verifyAuditChain } from '../../server/modules/audit/audit.service.ts';
import { groupAssignmentsOf } from '../../server/modules/auth/auth.repository.ts';
import { addDays } from './demo-context.ts';
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
const NOW = new Date('2024-11-20T02:00:00Z');
const TODAY = shanghaiDay(NOW);

beforeAll(async () => {
  database = await createTestDatabase();
  // How long this takes is bench/demo-seed.ts's business (npm run bench:demo-seed), not a test's.
  seeded = await seedDemoIfEmpty(database.db, { now: NOW });
});

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
    const all = await db.select().from(users);
    // Besides the demo logins, each enterprise on a 日周月 schedule has an account of its own.
    const rows = all.filter((u) => DEMO_ACCOUNTS.some((a) => a.username === u.username));
    expect(rows.map((u) => u.username).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    for (const u of all.filter((x) => !rows.includes(x))) {
      expect(u.username).toMatch(/^qiye-\d{3}$/);
      expect(u.role).toBe('enterprise');
      const ent = (await db.select().from(enterprises).where(eq(enterprises.id, u.enterpriseId!)))[0]!;
      expect(u.unitId, u.username).toBe(ent.villageId);
      expect(u.phone).toMatch(/^100\d{8}$/);
    }
    const certified = rows.filter((u) => u.enforcementCertificateNo !== null);
    expect(certified.map((u) => u.username).sort()).toEqual(['jianshe', 'yingji', 'yingji2']);
    for (const u of certified) expect(u.enforcementCertificateNo).toMatch(/^渝执字第5000\d{4}号$/);
    expect(new Set(certified.map((u) => u.enforcementCertificateNo)).size).toBe(3);
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

  it('records an intact audit chain', async () => {
    const verdict = await verifyAuditChain(database.db);
    expect(verdict.ok).toBe(true);
    const [{ n }] = (await database.db.select({ n: count() }).from(auditLog)) as [{ n: number }];
    expect(n).toBe(seeded!.auditRows);
    expect(verdict.rows).toBe(n);
    const after = JSON.stringify(await database.db.select({ a: auditLog.after }).from(auditLog));
    expect(after).not.toContain('argon2');
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

describe('demo inspections, schedules, plans, cases and accountability', () => {
  type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];
  let I: Row<typeof inspections>[];
  let answers: Row<typeof inspectionAnswers>[];
  let inspectors: Row<typeof inspectionInspectors>[];
  let versions: Map<string, Row<typeof checklistTemplateVersions>>;
  let H: Map<string, Row<typeof hazards>>;
  let U: Map<string, Row<typeof users>>;
  let E: Map<string, Row<typeof enterprises>>;
  let units: Map<string, Row<typeof orgUnits>>;
  const completed = () => I.filter((i) => i.status === 'completed');
  const answersOf = (i: { id: string }) => answers.filter((a) => a.inspectionId === i.id);
  const inspectorsOf = (i: { id: string }) => inspectors.filter((r) => r.inspectionId === i.id).sort((a, b) => a.sortOrder - b.sortOrder);
  const itemsFor = (i: Row<typeof inspections>) => itemsOf(versions.get(i.templateVersionId)!.content as ChecklistTemplateContent);
  const asAnswer = (a: Row<typeof inspectionAnswers>): ChecklistAnswer => ({ itemKey: a.itemKey, result: a.result, number: a.number, text: a.text, comment: a.comment, photoIds: [] });

  beforeAll(async () => {
    const db = database.db;
    I = await db.select().from(inspections).orderBy(asc(inspections.number));
    answers = await db.select().from(inspectionAnswers);
    inspectors = await db.select().from(inspectionInspectors);
    versions = new Map((await db.select().from(checklistTemplateVersions)).map((v) => [v.id, v]));
    H = new Map((await db.select().from(hazards)).map((h) => [h.id, h]));
    U = new Map((await db.select().from(users)).map((u) => [u.id, u]));
    E = new Map((await db.select().from(enterprises)).map((e) => [e.id, e]));
    units = new Map((await db.select().from(orgUnits)).map((u) => [u.id, u]));
  });

  it('stores the seed checklists, 附件2-1 edited into version 2 while older inspections keep version 1', async () => {
    const templates = await database.db.select().from(checklistTemplates);
    expect(templates.map((t) => t.code).sort()).toEqual(SEED_CHECKLISTS.map((t) => t.code).sort());
    const edited = templates.find((t) => t.code === DASHENG_SMALL_ENTERPRISE.code)!;
    expect(edited.currentVersion).toBe(2);
    const v = [...versions.values()].filter((x) => x.templateId === edited.id).sort((a, b) => a.version - b.version);
    expect(v.map((x) => x.version)).toEqual([1, 2]);
    expect(v[1]!.publishedAt.getTime()).toBeGreaterThan(v[0]!.publishedAt.getTime());
    const diff = templateDiff(v[0]!.content as ChecklistTemplateContent, v[1]!.content as ChecklistTemplateContent);
    expect(diff).toEqual({ added: [], removed: [], changed: ['safety-investment'] });
    for (const i of I) {
      const version = versions.get(i.templateVersionId)!;
      expect(templates.find((t) => t.id === version.templateId)?.code).toBe(i.templateCode);
      expect(version.version).toBe(i.templateVersion);
      expect(version.publishedAt.getTime(), i.number).toBeLessThanOrEqual(i.createdAt.getTime());
    }
    const used = I.filter((i) => i.templateCode === edited.code);
    expect(used.some((i) => i.templateVersion === 1)).toBe(true);
    expect(used.some((i) => i.templateVersion === 2)).toBe(true);
  });

  it('keeps the district work calendar 2024–2026: holidays and 调休 weekend workdays', async () => {
    const days = await database.db.select().from(workCalendarDays);
    const kind = new Map(days.map((d) => [d.day, d.kind]));
    for (const d of ['2024-10-01', '2025-01-28', '2026-02-17', '2026-10-07']) expect(kind.get(d), d).toBe('holiday');
    for (const d of ['2024-09-29', '2025-09-28', '2026-02-14', '2026-10-10']) expect(kind.get(d), d).toBe('workday');
    for (const d of days.filter((x) => x.kind === 'workday')) expect([0, 6], d.day).toContain(new Date(`${d.day}T00:00:00Z`).getUTCDay());
    expect(new Set(days.map((d) => d.day.slice(0, 4)))).toEqual(new Set(['2024', '2025', '2026']));
  });

  it('has inspections of every type over the last ~4 months, completed and in progress, numbered from the counters', async () => {
    for (const t of INSPECTION_TYPES) expect(completed().some((i) => i.type === t), t).toBe(true);
    expect(I.filter((i) => i.status === 'draft').length).toBeGreaterThanOrEqual(3);
    const first = I.map((i) => i.inspectedOn).sort()[0]!;
    expect(Date.parse(TODAY) - Date.parse(first)).toBeGreaterThan(100 * 86_400_000);
    for (const i of I) expect(i.inspectedOn <= TODAY && i.updatedAt.getTime() <= NOW.getTime(), i.number).toBe(true);
    const seqs = new Map<number, number[]>();
    for (const i of I) {
      const m = /^YB-JC-(\d{4})-(\d{6})$/.exec(i.number)!;
      expect(m, i.number).not.toBeNull();
      seqs.set(Number(m[1]), [...(seqs.get(Number(m[1])) ?? []), Number(m[2])]);
    }
    const counters = await database.db.select().from(recordCounters).where(eq(recordCounters.kind, 'inspection'));
    expect(counters.map((c) => c.year).sort()).toEqual([...seqs.keys()].sort());
    for (const c of counters) {
      const s = seqs.get(c.year)!.sort((a, b) => a - b);
      expect(s).toEqual(s.map((_, k) => k + 1));
      expect(c.lastSeq).toBe(s.length);
    }
    // 执法检查 by two certified officers, with 四不两直 and 异地执法 among the tags; 抽查 with the 崇明 items.
    const enforcement = completed().filter((i) => i.type === 'enforcement');
    for (const i of enforcement) expect(inspectorRuleRefusal('enforcement', inspectorsOf(i)), i.number).toBeNull();
    const tags = new Set(enforcement.flatMap((i) => i.methodTags));
    expect(tags.has('four_no_two_direct') && tags.has('cross_region')).toBe(true);
    for (const i of I) expect(methodTagsRefusal(i.type, i.methodTags as InspectionMethodTag[]), i.number).toBeNull();
    const spot = completed().filter((i) => i.type === 'spot_check');
    for (const i of spot) expect(i.templateCode).toBe(CHONGMING_SPOT_CHECK.code);
    expect(spot.some((i) => i.failedCount > 0)).toBe(true);
    expect(completed().filter((i) => i.type === 'supervision').some((i) => U.get(i.createdBy)!.username === 'dudao')).toBe(true);
  });

  it('completes inspections only as the domain allows, every signer signing the hash of the stored payload', () => {
    for (const i of completed()) {
      const items = itemsFor(i);
      const ans = answersOf(i);
      const team = inspectorsOf(i);
      for (const r of team) {
        expect(r.signedAt, i.number).not.toBeNull();
        expect(r.signatureHash, i.number).toBe(i.signatureHash);
        expect(r.signedAt!.getTime()).toBeLessThanOrEqual(i.completedAt!.getTime());
      }
      const representative = i.representativeName
        ? { kind: 'signed' as const, name: i.representativeName }
        : i.representativeRefusalNote ? { kind: 'refused' as const, note: i.representativeRefusalNote } : null;
      expect(inspectionCompletionRefusal({
        type: i.type, inspectors: team, items, answers: ans.map(asAnswer),
        signatures: { inspectorUserIds: team.map((r) => r.userId), representative },
      }), i.number).toBeNull();
      const payload = signaturePayload({
        inspectionId: i.id, type: i.type, enterpriseId: i.enterpriseId, inspectedOn: i.inspectedOn,
        template: { code: i.templateCode, version: i.templateVersion }, methodTags: i.methodTags as InspectionMethodTag[],
        inspectors: team, items, answers: ans.map(asAnswer),
      });
      expect(canonicalJson(i.signedPayload), i.number).toBe(canonicalJson(payload));
      expect(i.signatureHash, i.number).toBe(createHash('sha256').update(canonicalJson(payload)).digest('hex'));
      expect(i.failedCount).toBe(failedItems(items, ans.map(asAnswer)).length);
      if (isSelfInspection(i.type)) {
        expect(representative, i.number).toBeNull();
        expect(i.periodKey, i.number).not.toBeNull();
      } else {
        expect(representative, i.number).not.toBeNull();
      }
    }
    expect(completed().some((i) => i.representativeRefusalNote !== null)).toBe(true);
    for (const i of I.filter((x) => x.status === 'draft')) {
      expect(i.signatureHash).toBeNull();
      expect(answersOf(i).length).toBeLessThan(itemsFor(i).length);
      expect(answersOf(i).every((a) => a.hazardId === null)).toBe(true);
    }
  });

  it('keeps every inspection in its inspector\'s scope and links every failed answer to its hazard', async () => {
    const scopes = new Map<string, ReturnType<typeof enterpriseScopeFor>>();
    const scopeOf = async (userId: string) => {
      if (scopes.has(userId)) return scopes.get(userId)!;
      const u = U.get(userId)!;
      const unit = units.get(u.unitId)!;
      const parent = unit.parentId ? units.get(unit.parentId) : undefined;
      const scope = enterpriseScopeFor({
        role: u.role, districtId: u.districtId, unitId: unit.id, unitKind: unit.kind,
        departmentRegion: unit.kind === 'department' && parent && (parent.kind === 'township' || parent.kind === 'district') ? { level: parent.kind, id: parent.id } : null,
        sectorIds: unit.kind === 'department' ? unit.sectorIds : [], enterpriseId: u.enterpriseId,
        groupAssignments: u.role === 'supervision_group' ? await groupAssignmentsOf(database.db, u.id) : null,
      });
      scopes.set(userId, scope);
      return scope;
    };
    let failed = 0;
    for (const i of I) {
      const e = E.get(i.enterpriseId)!;
      expect(i.villageId).toBe(e.villageId);
      for (const r of inspectorsOf(i)) {
        const u = U.get(r.userId)!;
        expect(mayStartInspection(u.role, i.type), `${i.number} ${u.username}`).toBe(true);
        expect(enterpriseInScope(await scopeOf(u.id), e), `${i.number} ${u.username} at ${e.name}`).toBe(true);
        expect(r.name).toBe(u.displayName);
        expect(r.certificateNo).toBe(u.enforcementCertificateNo);
      }
      const lead = U.get(i.createdBy)!;
      if (isSelfInspection(i.type)) expect(lead.enterpriseId, i.number).toBe(i.enterpriseId);
      expect(i.unitId, i.number).toBe(lead.role === 'enterprise' || lead.role === 'village' ? e.villageId : lead.unitId);
      if (i.status !== 'completed') continue;
      for (const a of answersOf(i).filter((x) => x.result === 'nonconform')) {
        failed += 1;
        const h = H.get(a.hazardId ?? '');
        expect(h, `${i.number} ${a.itemKey}`).toBeDefined();
        expect(h!.inspectionId).toBe(i.id);
        expect(h!.inspectionItemKey).toBe(a.itemKey);
        expect(h!.enterpriseId).toBe(i.enterpriseId);
        expect(e.sectorIds).toContain(h!.sectorId);
        const draft = a.hazardDraft as { description: string; level: string; sectorId: string; location: string };
        expect(draft).toMatchObject({ description: h!.description, level: h!.level, sectorId: h!.sectorId, location: h!.location });
        expect(a.comment).toBeTruthy();
        expect(shanghaiDay(h!.foundAt)).toBe(i.inspectedOn);
        expect(h!.foundByUserId).toBe(i.createdBy);
        if (lead.role === 'department') {
          expect(units.get(lead.unitId)!.sectorIds, h!.number).toContain(h!.sectorId);
          expect(h!.source).toBe('department');
        }
        if (lead.role === 'village') expect(h!.source).toBe('village');
        if (lead.role === 'enterprise') expect(h!.source).toBe('self_inspection');
      }
    }
    expect(failed).toBeGreaterThan(20);
    expect([...H.values()].filter((h) => h.inspectionId !== null).length).toBe(failed);
  });

  it('sets 日周月 schedules for a good share of enterprises, with histories that include missed occurrences', async () => {
    const schedules = await database.db.select().from(selfInspectionSchedules);
    const calendar = await database.db.select().from(workCalendarDays);
    expect(schedules.length).toBeGreaterThanOrEqual(20);
    const qiye = [...U.values()].find((u) => u.username === 'qiye')!;
    const own = schedules.find((s) => s.enterpriseId === qiye.enterpriseId)!;
    expect([own.dailyTemplateCode, own.weeklyTemplateCode, own.monthlyTemplateCode].every((c) => c !== null)).toBe(true);
    let missed = 0;
    let diligent = 0;
    for (const s of schedules) {
      const e = E.get(s.enterpriseId)!;
      const code = e.kind === 'small_venue' ? DASHENG_SMALL_VENUE.code : DASHENG_SMALL_ENTERPRISE.code;
      for (const c of [s.dailyTemplateCode, s.weeklyTemplateCode, s.monthlyTemplateCode]) if (c) expect(c, e.name).toBe(code);
      const schedule = {
        daily: s.dailyTemplateCode, weekly: s.weeklyTemplateCode, monthly: s.monthlyTemplateCode, workOnWeekends: s.workOnWeekends,
        holidays: [...calendar.filter((d) => d.kind === 'holiday').map((d) => d.day), ...s.holidays],
        extraWorkdays: [...calendar.filter((d) => d.kind === 'workday').map((d) => d.day), ...s.extraWorkdays],
        weeklyDueWeekday: s.weeklyDueWeekday, monthlyDueDay: s.monthlyDueDay,
      };
      expect(scheduleProblems(schedule), e.name).toEqual([]);
      const mine = completed().filter((i) => i.enterpriseId === s.enterpriseId && isSelfInspection(i.type));
      const occurrences = occurrencesBetween(schedule, s.startsOn, addDays(TODAY, 40));
      const seen = new Set<string>();
      for (const i of mine) {
        const occ = occurrences.find((o) => o.periodKey === i.periodKey && selfInspectionType(o.frequency) === i.type);
        expect(occ, `${e.name} ${i.type} ${i.periodKey}`).toBeDefined();
        expect(i.inspectedOn >= occ!.periodStart && i.inspectedOn <= occ!.periodEnd && i.inspectedOn >= s.startsOn).toBe(true);
        expect(i.templateCode).toBe(occ!.templateCode);
        expect(seen.has(`${i.type}|${i.periodKey}`), `${e.name} twice in ${i.periodKey}`).toBe(false);
        seen.add(`${i.type}|${i.periodKey}`);
      }
      const dates = (f: SelfInspectionFrequency) => mine.filter((i) => i.type === selfInspectionType(f)).map((i) => i.inspectedOn);
      const c = complianceOf({ schedule, from: s.startsOn, to: addDays(TODAY, 40), today: TODAY, doneDates: { daily: dates('daily'), weekly: dates('weekly'), monthly: dates('monthly') } });
      expect(c.all.done, e.name).toBe(mine.length);
      if (c.all.missed > 0) missed += 1;
      if (c.all.rate !== null && c.all.rate >= 0.95) diligent += 1;
    }
    expect(missed).toBeGreaterThanOrEqual(5);
    expect(diligent).toBeGreaterThanOrEqual(3);
  });

  it('plans the current year and 2026 by department, key enterprises flagged, some fulfilled and some key ones not yet', async () => {
    const plans = await database.db.select().from(inspectionPlans);
    const entries = await database.db.select().from(inspectionPlanEntries);
    const year = Number(TODAY.slice(0, 4));
    expect(new Set(plans.map((p) => p.year))).toEqual(new Set([year, 2026]));
    const unitNames = new Set(plans.map((p) => units.get(p.unitId)!.name));
    for (const n of ['应急办', '村镇建设中心']) expect(unitNames.has(n), n).toBe(true);
    expect(unitNames.size).toBeGreaterThanOrEqual(4);
    const planOf = new Map(plans.map((p) => [p.id, p]));
    for (const en of entries) {
      const e = E.get(en.enterpriseId)!;
      const unit = units.get(planOf.get(en.planId)!.unitId)!;
      expect(e.sectorIds.some((s) => unit.sectorIds.includes(s)), `${unit.name} plans ${e.name}`).toBe(true);
      expect(en.isKey).toBe(e.isKey);
      expect(en.month >= 1 && en.month <= 12).toBe(true);
    }
    const entryById = new Map(entries.map((en) => [en.id, en]));
    const fulfilled = I.filter((i) => i.planEntryId !== null);
    expect(fulfilled.length).toBeGreaterThan(5);
    for (const i of fulfilled) {
      const en = entryById.get(i.planEntryId!)!;
      const plan = planOf.get(en.planId)!;
      expect(en.enterpriseId).toBe(i.enterpriseId);
      expect(en.month).toBe(Number(i.inspectedOn.slice(5, 7)));
      expect(plan.year).toBe(Number(i.inspectedOn.slice(0, 4)));
      expect(plan.unitId).toBe(i.unitId);
    }
    const month = Number(TODAY.slice(5, 7));
    const covered = (en: (typeof entries)[number]) => {
      const plan = planOf.get(en.planId)!;
      return completed().some((i) => i.planEntryId === en.id || (i.unitId === plan.unitId && i.enterpriseId === en.enterpriseId
        && i.inspectedOn.startsWith(`${plan.year}-${String(en.month).padStart(2, '0')}`)));
    };
    const pastKey = entries.filter((en) => en.isKey && planOf.get(en.planId)!.year === year && en.month < month);
    expect(pastKey.some((en) => !covered(en))).toBe(true);
    expect(entries.some((en) => covered(en))).toBe(true);
  });

  it('runs enforcement cases through CASE_TRANSITIONS with every measure kind and status, 一案双罚 and 依法不予处罚', async () => {
    const cases = await database.db.select().from(enforcementCases).orderBy(asc(enforcementCases.number));
    const measures = await database.db.select().from(enforcementMeasures);
    const events = await database.db.select().from(enforcementCaseEvents).orderBy(asc(enforcementCaseEvents.seq));
    expect(new Set(measures.map((m) => m.kind))).toEqual(new Set(MEASURE_KINDS));
    expect(new Set(cases.map((c) => c.status))).toEqual(new Set(CASE_STATUSES));
    expect(cases.some((c) => c.inspectionId !== null)).toBe(true);
    expect(cases.some((c) => c.inspectionId === null && c.hazardId !== null)).toBe(true);
    const asMeasures = (caseId: string): EnforcementMeasure[] => measures.filter((m) => m.caseId === caseId).map((m) =>
      m.kind === 'penalty' ? { kind: 'penalty', fineOnEnterpriseFen: m.fineOnEnterpriseFen!, fineOnPrincipalFen: m.fineOnPrincipalFen! }
        : m.kind === 'judicial_referral' ? { kind: 'judicial_referral', personCount: m.personCount! } : { kind: m.kind });
    let dual = 0;
    let enterpriseOnly = 0;
    let noPenalty = 0;
    for (const c of cases) {
      const ms = asMeasures(c.id);
      for (const m of ms) expect(measureProblem(m), c.number).toBeNull();
      const fines = finesFen(ms);
      expect([c.fineOnEnterpriseFen, c.fineOnPrincipalFen]).toEqual([fines.onEnterprise, fines.onPrincipal]);
      if (isDualPenalty(ms)) dual += 1;
      if (fines.onEnterprise > 0 && fines.onPrincipal === 0) enterpriseOnly += 1;
      if (['filed', 'investigating'].includes(c.status)) expect(ms, c.number).toEqual([]);
      else expect(c.decidedOn && c.documentNo, c.number).toBeTruthy();
      const e = E.get(c.enterpriseId)!;
      expect(units.get(c.unitId)!.sectorIds.some((s) => e.sectorIds.includes(s)), c.number).toBe(true);
      if (c.hazardId) expect(H.get(c.hazardId)!.enterpriseId).toBe(c.enterpriseId);
      if (c.inspectionId) expect(I.find((i) => i.id === c.inspectionId)!.enterpriseId).toBe(c.enterpriseId);
      if (c.noPenaltyReason) {
        const h = H.get(c.hazardId!)!;
        expect(noPenaltyByLaw({ hazardSource: h.source, hazardLevel: h.level, hazardStatus: h.status, measures: ms }), c.number).toBe(true);
        expect(ms).toEqual([]);
        noPenalty += 1;
      }
      // The timeline: 立案, then the actions of the transition table, ending in the case's status.
      const timeline = events.filter((ev) => ev.caseId === c.id);
      expect(timeline[0]).toMatchObject({ action: 'file', fromStatus: null, toStatus: 'filed' });
      for (let k = 1; k < timeline.length; k++) {
        const ev = timeline[k]!;
        expect(ev.fromStatus).toBe(timeline[k - 1]!.toStatus);
        expect(ev.at.getTime()).toBeGreaterThanOrEqual(timeline[k - 1]!.at.getTime());
        if (ev.action === 'publish') expect(ev.toStatus).toBe(ev.fromStatus);
        else expect(CASE_TRANSITIONS[ev.fromStatus as CaseStatus][ev.action as CaseAction], `${c.number} ${ev.action}`).toBe(ev.toStatus);
      }
      expect(timeline.at(-1)!.toStatus).toBe(c.status);
      expect(timeline.at(-1)!.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
      if (c.status === 'closed') {
        expect(c.closedOn && c.closeNote).toBeTruthy();
        for (const m of measures.filter((x) => x.caseId === c.id)) expect(m.executedOn, c.number).not.toBeNull();
      }
    }
    expect(dual).toBeGreaterThanOrEqual(1);
    expect(enterpriseOnly).toBeGreaterThanOrEqual(1);
    expect(noPenalty).toBe(1);
    const published = cases.filter((c) => c.published);
    expect(published.length).toBeGreaterThanOrEqual(2);
    for (const c of published) expect(c.publishedAt && c.publicationSummary).toBeTruthy();
    const crime = cases.filter((c) => c.dangerousOperationCrime);
    expect(crime).toHaveLength(1);
    expect(judicialReferralPersons(asMeasures(crime[0]!.id))).toBeGreaterThanOrEqual(1);
    const seqs = new Map<number, number[]>();
    for (const c of cases) {
      const m = /^YB-AJ-(\d{4})-(\d{6})$/.exec(c.number)!;
      expect(Number(m[1]), c.number).toBe(Number(c.filedOn.slice(0, 4)));
      seqs.set(Number(m[1]), [...(seqs.get(Number(m[1])) ?? []), Number(m[2])]);
    }
    const counters = await database.db.select().from(recordCounters).where(eq(recordCounters.kind, 'case'));
    expect(new Map(counters.map((c) => [c.year, c.lastSeq]))).toEqual(new Map([...seqs].map(([y, s]) => [y, s.length])));
    for (const s of seqs.values()) expect(s.sort((a, b) => a - b)).toEqual(s.map((_, k) => k + 1));
  });

  it('records 追责问责 of officials and 约谈通报 of units, linked to overdue hazards', async () => {
    const rows = await database.db.select().from(accountabilityRecords);
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(['accountability', 'interview_notice']));
    for (const r of rows) {
      expect(units.has(r.targetUnitId!), r.targetName).toBe(true);
      if (r.targetType === 'person') {
        expect(isRealName(r.targetName)).toBe(false);
        expect(r.position).toBeTruthy();
      } else {
        expect(r.targetName).toBe(units.get(r.targetUnitId!)!.name);
      }
      expect(r.decidedOn <= TODAY).toBe(true);
      if (r.hazardId) {
        const h = H.get(r.hazardId)!;
        expect(isHazardOverdue(h, TODAY), h.number).toBe(true);
        expect(r.decidedOn >= h.dueDate!).toBe(true);
      }
    }
    expect(rows.filter((r) => r.hazardId !== null).length).toBeGreaterThanOrEqual(2);
    expect(rows.some((r) => r.hazardId && H.get(r.hazardId)!.level === 'major')).toBe(true);
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
