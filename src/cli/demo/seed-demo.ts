// Loads the demo region (渝北区 › 大盛镇, structure from seed 003) into an empty database:
// units, sectors, supervision groups, ~300 enterprises, one account per role, the 判定依据
// suggestions and ~145 hazards in every state of the closed loop (found in the ~90 days
// before `now`); then the checklist templates and the work calendar, inspections of every type
// over the ~4 months before `now` with 日周月 self-inspection schedules and their histories (the
// hazards they found join the ledger), annual inspection plans, enforcement cases and 问责
// records. Everything is created in one transaction, each record with an audit row (action
// demo.seed).
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { DEMO_PASSWORD } from '../../domain/access/password-policy.ts';
import type { Role } from '../../domain/access/roles.ts';
import type { Db, Tx } from '../../server/db/client.ts';
import { shanghaiDay } from '../../domain/common/dates.ts';
import {
  accountabilityRecords, enforcementCases, enforcementMeasures, enterprises, hazardCriteria,
  hazardExtensions, hazardListings, hazardPlans, hazardReports, hazardTransfers, hazards, inspectionAnswers,
  inspectionInspectors, inspectionPlanEntries, inspectionPlans, inspections, orgUnits, recordCounters, recordEvents, sectors,
  selfInspectionSchedules, supervisionGroupMembers, supervisionGroupUnits, supervisionGroups, users, workCalendarDays,
} from '../../server/db/schema/index.ts';
import type { AuditEvent } from '../../server/modules/audit/audit.service.ts';
import { recordAuditBatch } from '../../server/modules/audit/audit.service.ts';
import { hashPassword } from '../../server/modules/auth/password.ts';
import { generateAccountability } from './demo-accountability.ts';
import { demoCalendarSets, workCalendarDaysOf } from './demo-calendar.ts';
import { generateCases } from './demo-cases.ts';
import { insertDemoTemplates } from './demo-checklists.ts';
import { addDays, atMinutes, type DemoContext, type DemoInspector } from './demo-context.ts';
import { DEMO_CRITERIA } from './demo-criteria.ts';
import { generateDemoEnterprises } from './demo-enterprises.ts';
import { DEMO_HAZARD_PREFIX, generateDemoHazards, hazardAuditAfter, type DemoActor } from './demo-hazards.ts';
import { numberInspections } from './demo-inspection-rows.ts';
import { generateAuthorityInspections } from './demo-inspections.ts';
import { generatePlans } from './demo-plans.ts';
import { generateSchedules } from './demo-schedules.ts';
import { seedDemoCampaigns } from './demo-campaigns.ts';
import { seedLineDistrict } from './demo-campaign-line.ts';
import { fakePhone, personName } from './demo-names.ts';
import {
  DEMO_DEPARTMENTS, DEMO_DISTRICT, DEMO_GROUPS, DEMO_SECTORS, DEMO_TOWNSHIP, DEMO_VILLAGES, type DemoSector,
} from './demo-region.ts';
import { Rand, mulberry32 } from './prng.ts';

// The one password of every demo account: the password policy refuses it for any other account.
export { DEMO_PASSWORD };
export const DEMO_SEED = 20241115;

export interface DemoAccount {
  username: string;
  role: Role;
  unitName: string;
  description: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', role: 'admin', unitName: DEMO_DISTRICT, description: '区级系统管理员：组织机构、用户、行业领域 / district administrator' },
  { username: 'anweiban', role: 'office', unitName: DEMO_TOWNSHIP, description: '镇安委办：组织专项行动，看全镇 / safety committee office' },
  { username: 'leader', role: 'leader', unitName: DEMO_TOWNSHIP, description: '镇领导（镇长）：看全镇、领导活动 / township leader' },
  { username: 'yingji', role: 'department', unitName: '应急办', description: '应急办：危化、非煤矿山、工贸、特种设备、消防 / emergency office' },
  { username: 'jianshe', role: 'department', unitName: '村镇建设中心', description: '村镇建设中心：建筑施工、燃气、河道 / construction centre' },
  { username: 'yingji2', role: 'department', unitName: '应急办', description: '应急办第二名持证执法人员：与 yingji 一起执法检查 / second certified inspector' },
  { username: 'mingyue', role: 'village', unitName: '明月村', description: '明月村网格员：本村生产经营单位 / village grid officer' },
  { username: 'qianzhan', role: 'village', unitName: '千盏村', description: '千盏村网格员：本村生产经营单位 / village grid officer' },
  { username: 'qiye', role: 'enterprise', unitName: '明月村', description: '明月村一家机械加工企业的安全管理人员 / an enterprise in 明月村' },
  { username: 'dudao', role: 'supervision_group', unitName: DEMO_TOWNSHIP, description: '第一督导工作组成员：明月村、千盏村 / supervision group 1' },
];

export interface DemoSeedResult {
  enterprises: number;
  users: number;
  districtId: string;
  townshipId: string;
  hazards: number;
  inspections: number;
  cases: number;
  auditRows: number;
}

/** Demo logins that hold a 行政执法证 (enforcement needs two certified inspectors of one unit). */
const CERTIFIED = new Set(['yingji', 'yingji2', 'jianshe']);
/** Days of inspections before `now`, and when 附件2-1 version 2 took effect. */
const INSPECTION_WINDOW_DAYS = 120;
const TEMPLATE_V2_DAYS_AGO = 45;

export interface SeedDemoOptions {
  now?: Date;
  /** A PRNG returning [0, 1); defaults to mulberry32(DEMO_SEED) so every demo is the same. */
  random?: () => number;
  /** A precomputed hash of DEMO_PASSWORD (tests reuse one to save ~0.1 s per seed). */
  passwordHash?: string;
}

/**
 * Seeds the demo region unless the database already has an org unit. The check is repeated
 * inside the seeding transaction under an advisory lock, so two servers starting at once on
 * one PostgreSQL database cannot both seed.
 */
export async function seedDemoIfEmpty(db: Db, opts: SeedDemoOptions = {}): Promise<DemoSeedResult | null> {
  const any = await db.select({ id: orgUnits.id }).from(orgUnits).limit(1);
  if (any.length > 0) return null;
  return seed(db, opts, true);
}

const chunk = <T>(rows: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
};

/** Seeds the demo region (into an empty database: demo:reset and tests). */
export async function seedDemo(db: Db, opts: SeedDemoOptions = {}): Promise<DemoSeedResult> {
  return (await seed(db, opts, false))!;
}

const SEED_LOCK_KEY = 7_243_101;

async function seed(db: Db, opts: SeedDemoOptions, onlyIfEmpty: boolean): Promise<DemoSeedResult | null> {
  const now = opts.now ?? new Date();
  const passwordHash = opts.passwordHash ?? (await hashPassword(DEMO_PASSWORD));
  const data = buildDemoData({ now, random: opts.random, passwordHash });
  const {
    districtId, townshipId, unitRows, sectorRows, groupRows, groupUnitRows, enterpriseRows, userRows, criterionRows, ledger, work,
  } = data;

  // ---- one transaction: rows in batches, then the audit chain
  let auditRows = 0;
  const done = await db.transaction(async (tx: Tx) => {
    if (onlyIfEmpty) {
      await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
      if ((await tx.select({ id: orgUnits.id }).from(orgUnits).limit(1)).length > 0) return false;
    }
    await tx.insert(orgUnits).values(unitRows);
    await tx.insert(sectors).values(sectorRows);
    for (const part of chunk(enterpriseRows, 100)) await tx.insert(enterprises).values(part);
    await tx.insert(users).values(userRows);
    await tx.insert(supervisionGroups).values(groupRows.map((g) => g.row));
    await tx.insert(supervisionGroupUnits).values(groupUnitRows);
    // the accounts among each group's people are its members
    await tx.insert(supervisionGroupMembers).values(groupRows.flatMap((g) => g.row.people.filter((p) => p.userId).map((p) => ({ districtId, groupId: g.row.id, userId: p.userId! }))));
    await tx.insert(hazardCriteria).values(criterionRows);
    for (const part of chunk(ledger.hazards, 200)) await tx.insert(hazards).values(part);
    await tx.insert(recordCounters).values(ledger.counters);
    for (const part of chunk(ledger.plans, 400)) await tx.insert(hazardPlans).values(part);
    if (ledger.extensions.length > 0) await tx.insert(hazardExtensions).values(ledger.extensions);
    if (ledger.listings.length > 0) await tx.insert(hazardListings).values(ledger.listings);
    if (ledger.transfers.length > 0) await tx.insert(hazardTransfers).values(ledger.transfers);
    for (const part of chunk(ledger.reports, 400)) await tx.insert(hazardReports).values(part);
    for (const part of chunk(ledger.events, 400)) await tx.insert(recordEvents).values(part);

    // ---- issue 4: templates, calendar, schedules, inspections, plans, cases, 问责
    const templates = await insertDemoTemplates(tx, { districtId, officeUserId: work.officeUserId, publishedAt: work.templatesAt, v2At: work.templateV2At });
    for (const part of chunk(work.calendar, 400)) await tx.insert(workCalendarDays).values(part);
    await tx.insert(selfInspectionSchedules).values(work.schedules);
    const versionId = (code: string, version: number) => {
      const id = templates.versionIds.get(`${code}@${version}`);
      if (!id) throw new Error(`demo data: no stored checklist ${code} version ${version}`);
      return id;
    };
    const inspectionRows = work.inspections.map((i) => ({ ...i.row, templateVersionId: versionId(i.row.templateCode, i.row.templateVersion) }));
    // Moderate batches: PGlite takes a few hundred rows per statement faster than thousands.
    for (const part of chunk(inspectionRows, 200)) await tx.insert(inspections).values(part);
    for (const part of chunk(work.inspections.flatMap((i) => i.inspectors), 500)) await tx.insert(inspectionInspectors).values(part);
    for (const part of chunk(work.inspections.flatMap((i) => i.answers), 500)) await tx.insert(inspectionAnswers).values(part);
    await tx.insert(recordCounters).values([...work.inspectionCounters, ...work.cases.counters]);
    await tx.insert(inspectionPlans).values(work.plans.plans);
    for (const part of chunk(work.plans.entries, 500)) await tx.insert(inspectionPlanEntries).values(part);
    await tx.insert(enforcementCases).values(work.cases.cases);
    await tx.insert(enforcementMeasures).values(work.cases.measures);
    await tx.insert(recordEvents).values(work.cases.events);
    await tx.insert(accountabilityRecords).values(work.accountability);

    const events: AuditEvent[] = [];
    const audit = (entityType: string, entityId: string, after: Record<string, unknown>) =>
      events.push({ at: now, districtId, actor: null, action: 'demo.seed', entityType, entityId, after });
    for (const u of unitRows) {
      audit('unit', u.id!, { kind: u.kind, name: u.name, code: u.code ?? null, parentId: u.parentId ?? null, sectorIds: u.sectorIds ?? [] });
    }
    for (const s of sectorRows) audit('sector', s.id!, { name: s.name, sortOrder: s.sortOrder });
    for (const { row, def } of groupRows) {
      audit('supervision_group', row.id, { name: row.name, people: row.people, departments: def.departments, villages: def.villages });
    }
    for (const u of userRows) {
      audit('user', u.id!, { username: u.username, displayName: u.displayName, role: u.role, unitId: u.unitId, enterpriseId: u.enterpriseId });
    }
    for (const e of enterpriseRows) {
      audit('enterprise', e.id!, { name: e.name, kind: e.kind, uscc: e.uscc, villageId: e.villageId, riskGrade: e.riskGrade, status: e.status });
    }
    for (const c of criterionRows) audit('hazard_criterion', c.id!, { sectorId: c.sectorId, text: c.text });
    for (const h of ledger.hazards) audit('hazard', h.id!, hazardAuditAfter(h));
    for (const t of templates.templates) audit('checklist_template', t.id, { code: t.code, name: t.name, currentVersion: t.currentVersion });
    for (const r of work.schedules) {
      audit('self_inspection_schedule', r.enterpriseId, { daily: r.dailyTemplateCode, weekly: r.weeklyTemplateCode, monthly: r.monthlyTemplateCode, startsOn: r.startsOn });
    }
    for (const { row: i } of work.inspections) {
      audit('inspection', i.id!, { number: i.number, type: i.type, enterpriseId: i.enterpriseId, status: i.status, signatureHash: i.signatureHash });
    }
    for (const p of work.plans.plans) audit('inspection_plan', p.id!, { unitId: p.unitId, year: p.year, name: p.name });
    for (const c of work.cases.cases) audit('enforcement_case', c.id!, { number: c.number, enterpriseId: c.enterpriseId, status: c.status });
    for (const a of work.accountability) audit('accountability', a.id!, { kind: a.kind, targetName: a.targetName, measure: a.measure });
    // One row per record, as recordAudit() would write them, appended in a few statements.
    await recordAuditBatch(tx, events);
    auditRows = events.length;
    // ---- issue 10: the campaigns (after the chain above: the 邻鄂 import writes its audit rows as its office would)
    await seedDemoCampaigns(tx, new Rand(mulberry32(DEMO_SEED + 10)), { districtId, townshipId, passwordHash, now });
    return true;
  });
  if (!done) return null;
  // The second district's archived campaign goes in through the office's own import, whose use cases
  // run their own transactions (and read in parallel, which one transaction's connection must not).
  auditRows += (await seedLineDistrict(db, new Rand(mulberry32(DEMO_SEED + 11)), { passwordHash, now, today: shanghaiDay(now) })).auditRows;

  return {
    enterprises: enterpriseRows.length, users: userRows.length, districtId, townshipId, hazards: ledger.hazards.length,
    inspections: work.inspections.length, cases: work.cases.cases.length, auditRows,
  };
}

/**
 * Every row of the demo region, computed in memory (no database): the same content for the
 * same PRNG and `now` (ids are random). seed() inserts them; tests read them directly.
 */
export function buildDemoData(opts: { now: Date; random?: () => number; passwordHash: string }) {
  const { now, passwordHash } = opts;
  const rand = new Rand(opts.random ?? mulberry32(DEMO_SEED));
  const stamps = { createdAt: now, updatedAt: now };

  // ---- ids and rows, computed before the transaction opens
  const districtId = randomUUID();
  const townshipId = randomUUID();
  const sectorId = new Map<string, string>(DEMO_SECTORS.map((s) => [s, randomUUID()]));
  const villageId = new Map<string, string>(DEMO_VILLAGES.map((v) => [v, randomUUID()]));
  const departmentId = new Map<string, string>(DEMO_DEPARTMENTS.map((d) => [d.name, randomUUID()]));
  const idOf = (m: Map<string, string>, k: string) => {
    const v = m.get(k);
    if (!v) throw new Error(`demo data: unknown name ${k}`);
    return v;
  };

  const unitRows: (typeof orgUnits.$inferInsert)[] = [
    { id: districtId, districtId, kind: 'district', name: DEMO_DISTRICT, code: DEMO_HAZARD_PREFIX, parentId: null, sortOrder: 0, ...stamps },
    { id: townshipId, districtId, kind: 'township', name: DEMO_TOWNSHIP, parentId: districtId, sortOrder: 10, ...stamps },
    ...DEMO_VILLAGES.map((v, i) => ({
      id: idOf(villageId, v), districtId, kind: 'village' as const, name: v, parentId: townshipId, sortOrder: (i + 1) * 10, ...stamps,
    })),
    ...DEMO_DEPARTMENTS.map((d, i) => ({
      id: idOf(departmentId, d.name), districtId, kind: 'department' as const, name: d.name, parentId: townshipId,
      sectorIds: d.sectors.map((s) => idOf(sectorId, s)), sortOrder: (i + 1) * 10, ...stamps,
    })),
  ];
  const sectorRows: (typeof sectors.$inferInsert)[] = DEMO_SECTORS.map((s, i) => ({
    id: idOf(sectorId, s), districtId, name: s, sortOrder: (i + 1) * 10, ...stamps,
  }));

  // Leaders of the supervision groups: generated names, the seed's titles.
  const usedNames = new Set<string>();
  const freshName = () => {
    let n = personName(rand);
    while (usedNames.has(n)) n = personName(rand);
    usedNames.add(n);
    return n;
  };
  const secretary = freshName();
  const mayor = freshName();
  const groupRows = DEMO_GROUPS.map((g, i) => {
    const member = freshName();
    return {
      row: {
        id: randomUUID(), districtId, townshipId, name: g.name,
        people: [{ role: 'leader', name: secretary, title: '党委书记', userId: null }, { role: 'leader', name: mayor, title: '镇长', userId: null },
          { role: 'member', name: member, title: g.memberTitle, userId: null }] as { role: 'leader' | 'member'; name: string; title: string; userId: string | null }[],
        ...stamps, createdAt: new Date(now.getTime() + i), // listed in 附件5's order
      } satisfies typeof supervisionGroups.$inferInsert,
      member,
      def: g,
    };
  });
  const groupUnitRows: (typeof supervisionGroupUnits.$inferInsert)[] = groupRows.flatMap(({ row, def }) => [
    ...def.departments.map((d) => ({ districtId, groupId: row.id, unitId: idOf(departmentId, d) })),
    ...def.villages.map((v) => ({ districtId, groupId: row.id, unitId: idOf(villageId, v) })),
  ]);

  const demoEnterprises = generateDemoEnterprises(rand);
  const enterpriseRows: (typeof enterprises.$inferInsert)[] = demoEnterprises.map((e) => ({
    id: randomUUID(), districtId, townshipId, villageId: idOf(villageId, e.village),
    name: e.name, uscc: e.uscc, kind: e.kind, venueType: e.venueType, address: e.address,
    sectorIds: e.sectors.map((s) => idOf(sectorId, s)), employeeCount: e.employeeCount,
    principalName: e.principalName, principalPhone: e.principalPhone,
    safetyManagerName: e.safetyManagerName, safetyManagerPhone: e.safetyManagerPhone,
    riskGrade: e.riskGrade, isKey: e.isKey, isHighRisk: e.isHighRisk, status: e.status, ...stamps,
    // on the books long before the campaigns: the forms count the units supervised as of each cut-off
    createdAt: new Date(now.getTime() - 400 * 86_400_000),
  }));
  const qiyeEnterprise = enterpriseRows[0]!;
  const qiyeManager = demoEnterprises[0]!.safetyManagerName ?? freshName();

  const unitIdByName = (name: string) =>
    name === DEMO_DISTRICT ? districtId : name === DEMO_TOWNSHIP ? townshipId : villageId.get(name) ?? idOf(departmentId, name);
  // Accounts and data added with inspections (issue 4) draw from a stream of their own, so the
  // enterprises and names drawn before stay as they were.
  const later = new Rand(mulberry32(DEMO_SEED + 4));
  const laterName = () => {
    let n = personName(later);
    while (usedNames.has(n)) n = personName(later);
    usedNames.add(n);
    return n;
  };
  const LATER_ACCOUNTS = new Set(['yingji2']);
  const displayNames: Record<string, string> = {
    leader: mayor,
    dudao: groupRows[0]!.member,
    qiye: qiyeManager,
    yingji2: laterName(),
  };
  const userRows: (typeof users.$inferInsert)[] = DEMO_ACCOUNTS.map((a) => ({
    id: randomUUID(), districtId, username: a.username, displayName: displayNames[a.username] ?? freshName(),
    phone: fakePhone(LATER_ACCOUNTS.has(a.username) ? later : rand), role: a.role, unitId: unitIdByName(a.unitName), leaderPost: a.username === 'leader' ? 'government_head' as const : null,
    enterpriseId: a.role === 'enterprise' ? qiyeEnterprise.id! : null,
    // Clearly fictional 行政执法证 numbers.
    enforcementCertificateNo: CERTIFIED.has(a.username) ? `渝执字第5000${later.digits(4)}号` : null,
    passwordHash, mustChangePassword: false, ...stamps,
  }));
  const dudaoId = userRows.find((u) => u.username === 'dudao')!.id!;
  const leaderId = userRows.find((u) => u.username === 'leader')!.id!;
  // The accounts among the groups' people: the 镇长 leads every group, dudao is group 1's member.
  for (const [i, g] of groupRows.entries()) {
    g.row.people[1]!.userId = leaderId;
    if (i === 0) g.row.people[2]!.userId = dudaoId;
  }

  // 判定依据 suggestions, then the hazard ledger over the enterprises and accounts above.
  const criterionRows: (typeof hazardCriteria.$inferInsert)[] = DEMO_CRITERIA.map((c, i) => ({
    id: randomUUID(), districtId, sectorId: c.sector ? idOf(sectorId, c.sector) : null, text: c.text, sortOrder: (i + 1) * 10, ...stamps,
  }));
  const accounts: DemoActor[] = DEMO_ACCOUNTS.map((a) => {
    const u = userRows.find((r) => r.username === a.username)!;
    return { userId: u.id!, username: a.username, displayName: u.displayName, role: a.role, unitId: u.unitId, unitName: a.unitName };
  });
  const enterpriseRefs = enterpriseRows.map((e, i) => ({ id: e.id!, villageId: e.villageId, demo: demoEnterprises[i]! }));
  const departments = DEMO_DEPARTMENTS.map((d) => ({ id: idOf(departmentId, d.name), name: d.name, sectors: d.sectors }));

  // ---- inspections first: the hazards they found are numbered and played with the ledger's
  const today = shanghaiDay(now);
  const certificate = new Map(userRows.map((u) => [u.id!, u.enforcementCertificateNo ?? null]));
  const inspector = (a: DemoActor): DemoInspector => ({ ...a, certificateNo: certificate.get(a.userId) ?? null });
  const ctx: DemoContext = {
    rand: later, now, today, yesterday: addDays(today, -1), windowStart: addDays(today, -INSPECTION_WINDOW_DAYS),
    v2Day: addDays(today, -TEMPLATE_V2_DAYS_AGO), districtId, townshipId, enterprises: enterpriseRefs,
    sectorId: (name: DemoSector) => idOf(sectorId, name), departments, villageId: (name: string) => idOf(villageId, name),
    account: (username: string) => {
      const a = accounts.find((x) => x.username === username);
      if (!a) throw new Error(`demo data: no account ${username}`);
      return inspector(a);
    },
    calendar: demoCalendarSets(),
  };
  const authority = generateAuthorityInspections(ctx);
  const selfWork = generateSchedules(ctx, { qiye: ctx.account('qiye'), qiyeEnterpriseId: qiyeEnterprise.id! });
  const allInspections = [...authority.inspections, ...selfWork.inspections];
  const inspectionCounters = numberInspections(allInspections, districtId);
  userRows.push(...selfWork.accounts.map((a) => ({
    id: a.userId, districtId, username: a.username, displayName: a.displayName, phone: a.phone, role: a.role, unitId: a.unitId,
    enterpriseId: a.enterpriseId, passwordHash, mustChangePassword: false, ...stamps,
  })));

  const ledger = generateDemoHazards({
    rand, now, districtId, townshipId,
    enterprises: enterpriseRefs,
    sectorId: (name: DemoSector) => idOf(sectorId, name),
    departments,
    accounts,
    accountEnterpriseId: qiyeEnterprise.id!,
    townshipLeaders: { secretary, mayor },
    personName: freshName,
    findings: allInspections.flatMap((i) => i.findings),
    enterpriseAccounts: new Map(selfWork.accounts.map((a) => [a.enterpriseId, a])),
  });

  // ---- then what builds on inspections and hazards
  const plans = generatePlans(ctx, authority.inspections);
  const cases = generateCases(ctx, {
    authority: authority.inspections, allInspectionNumbers: allInspections.map((i) => [i.row.id!, i.row.number] as [string, string]),
    hazards: ledger.hazards, selfReportedMajorHazardId: selfWork.selfReportedMajorHazardId,
  });
  const accountability = generateAccountability(ctx, { hazards: ledger.hazards, units: unitRows, personName: laterName });
  const work = {
    officeUserId: accounts.find((a) => a.username === 'anweiban')!.userId,
    templatesAt: atMinutes(addDays(ctx.windowStart, -10), 10 * 60),
    templateV2At: atMinutes(addDays(ctx.v2Day, -1), 16 * 60),
    calendar: workCalendarDaysOf(districtId),
    schedules: selfWork.schedules,
    inspections: allInspections,
    inspectionCounters,
    selfReportedMajorHazardId: selfWork.selfReportedMajorHazardId,
    plans,
    cases,
    accountability,
  };

  return { districtId, townshipId, unitRows, sectorRows, groupRows, groupUnitRows, enterpriseRows, userRows, criterionRows, ledger, work };
}
