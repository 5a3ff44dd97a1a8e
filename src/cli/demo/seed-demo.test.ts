// The demo seed: the region, accounts, enterprises, the audit trail, and what a second start finds.
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checkUscc } from '../../domain/enterprises/uscc.ts';
import { ROLES } from '../../domain/access/roles.ts';
import {
  auditLog, enterprises, orgUnits, recordEvents, sectors, supervisionFindings, supervisionGroupMembers, supervisionGroupUnits, supervisionGroups, supervisionVisits, users,
} from '../../server/db/schema/index.ts';
import { verifyAuditChain } from '../../server/modules/audit/audit.service.ts';
import { verifyPassword } from '../../server/modules/auth/password.ts';
import { isRealName } from './demo-names.ts';
import { DEMO_SECTORS, DEMO_VILLAGES } from './demo-region.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SEED, seedDemoIfEmpty } from './seed-demo.ts';
import { TODAY, database, seeded, useSeededDemo } from './seed-demo.test-world.ts';
import { Rand, mulberry32 } from './prng.ts';
import { generateDemoEnterprises } from './demo-enterprises.ts';
import { createTestDatabase } from '../../server/test/db.ts';

useSeededDemo();

describe('demo seed', () => {
  it('creates the 大盛镇 region with its 18 villages and 9 departments', async () => {
    const db = database.db;
    expect(seeded).not.toBeNull();
    // The second district (黔江区 › 邻鄂镇, the campaigns' archive) is checked in demo-campaigns.test.ts.
    const units = await db.select().from(orgUnits).where(eq(orgUnits.districtId, seeded!.districtId));
    const byKind = (k: string) => units.filter((u) => u.kind === k);
    expect(byKind('district').map((u) => u.name)).toEqual(['渝北区']);
    const district = byKind('district')[0]!;
    expect(district.districtId).toBe(district.id);
    expect(byKind('township').map((u) => u.name)).toEqual(['大盛镇']);
    expect(byKind('village').map((u) => u.name).sort()).toEqual([...DEMO_VILLAGES].sort());
    expect(byKind('department')).toHaveLength(9);
    for (const u of units) expect(u.districtId).toBe(district.id);
  });

  it('puts the nine groups to work in the campaign: visits with 附件1 rated, findings in every state with the units\' answers and their history', async () => {
    const db = database.db;
    const groups = await db.select().from(supervisionGroups);
    expect(new Set(groups.map((g) => g.campaignId)).size).toBe(1);
    expect(groups[0]!.campaignId).not.toBeNull();
    const visits = await db.select().from(supervisionVisits);
    expect(new Set(visits.map((v) => v.groupId)).size).toBe(9);
    expect(visits.map((v) => `${v.templateCode}:${(v.answers as unknown[]).length}`)).toEqual(visits.map(() => 'dasheng-self-check:15'));
    const findings = await db.select().from(supervisionFindings);
    expect(new Set(findings.map((f) => f.status))).toEqual(new Set(['open', 'answered', 'returned', 'closed']));
    expect(findings.filter((f) => f.status !== 'open' && !(f.measures && f.answeredBy))).toEqual([]);
    expect(findings.filter((f) => f.status === 'open' && f.dueDate < TODAY).length).toBeGreaterThan(0);
    const events = await db.select().from(recordEvents).where(eq(recordEvents.entityType, 'supervision_finding'));
    expect(events.filter((e) => e.action === 'create')).toHaveLength(findings.length);
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
    // Besides the demo logins, each enterprise on a 日周月 schedule has an account of its own, and so
    // does each department and village without a named login (dsk01…, dsc01…: their campaign reports).
    const rows = all.filter((u) => DEMO_ACCOUNTS.some((a) => a.username === u.username));
    expect(rows.map((u) => u.username).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.username).sort());
    const unitAccounts = all.filter((u) => /^ds[ck]\d{2}$/.test(u.username));
    expect(unitAccounts.length).toBe(18 + 9 - 4); // 应急办, 村镇建设中心, 明月村 and 千盏村 have named logins
    for (const u of all.filter((x) => !rows.includes(x) && !unitAccounts.includes(x) && x.districtId === seeded!.districtId)) {
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
      expect(JSON.stringify(g.people)).not.toMatch(/李觅|辛国艺|欧代明/);
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
      expect(n).toBe(2 + 18 + 9 + 2 + 8 + 5); // 渝北区 › 大盛镇, and 黔江区 › 邻鄂镇
      expect((await verifyAuditChain(db2.db)).ok).toBe(true);
    } finally {
      await db2.close();
    }
  });
});
