// The demo's drills and training: the district's own requirement, a year of records in which some
// enterprises keep up and some are behind (a window missed, or this year's still open), some
// verified and a few voided; the 执法人员培训 of every department; qiye's enterprise owes this
// window's drill (the e2e records it).
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { drillRequirements, orgUnits, safetyActivities, users } from '../../server/db/schema/index.ts';
import { complianceRows } from '../../server/modules/drills/drills.compliance.ts';
import { DEMO_DRILL_REQUIREMENT } from './demo-drills.ts';
import { TODAY, database, seeded, useSeededDemo } from './seed-demo.test-world.ts';

useSeededDemo();

const stateOf = async (o: { category?: 'drill' | 'training'; enterpriseId?: string }) => complianceRows(database.db, {
  scope: sql`e.district_id = ${seeded!.districtId}`, req: DEMO_DRILL_REQUIREMENT, year: Number(TODAY.slice(0, 4)), today: TODAY,
  q: { page: 1, pageSize: 100, ...o },
});

describe('demo drills and training', () => {
  it('keeps the district’s own requirement', async () => {
    const [r] = await database.db.select().from(drillRequirements).where(eq(drillRequirements.districtId, seeded!.districtId));
    expect(r).toMatchObject({ drillNormal: 1, drillHighRisk: 2, trainingNormal: 1, trainingHighRisk: 2 });
  });

  it('has enterprises that met the requirement and enterprises behind, missed ones among them', async () => {
    const all = await stateOf({});
    expect(all.counts.met).toBeGreaterThan(10);
    // in November only the high-risk enterprises' first half-year has closed
    expect(all.counts.missed).toBeGreaterThan(0);
    expect(all.counts.pending).toBeGreaterThan(10);
    expect(all.counts.missed + all.counts.pending + all.counts.met).toBe(all.total);
    // the missed listed first
    expect(all.rows[0]!.drill.status === 'missed' || all.rows[0]!.training.status === 'missed').toBe(true);
    const drills = await stateOf({ category: 'drill' });
    expect(drills.counts.met).toBeGreaterThan(drills.total / 2);
  });

  it('records no day in the future, some verified, a few voided with a reason', async () => {
    const rows = await database.db.select().from(safetyActivities).where(eq(safetyActivities.districtId, seeded!.districtId));
    expect(rows.every((r) => r.heldOn < TODAY)).toBe(true);
    expect(rows.filter((r) => r.enterpriseId && r.verifiedAt).length).toBeGreaterThan(50);
    expect(rows.filter((r) => r.enterpriseId && r.byEnterprise).length).toBeGreaterThan(20);
    expect(rows.filter((r) => r.voidedAt).map((r) => r.voidReason)).toEqual(['重复登记', '重复登记', '重复登记']);
    expect(rows.every((r) => !r.verifiedAt || (r.verifiedAt > r.createdAt && r.verifiedBy !== r.createdBy))).toBe(true);
  });

  it('trains the staff of every department of the township', async () => {
    const staff = await database.db.select({ unitId: safetyActivities.unitId, n: sql<number>`count(*)::int` }).from(safetyActivities)
      .where(and(eq(safetyActivities.districtId, seeded!.districtId), isNotNull(safetyActivities.unitId))).groupBy(safetyActivities.unitId);
    expect(staff.length).toBeGreaterThan(9);
    expect(staff.filter((s) => s.n === 2).length).toBe(9); // the nine departments
    const named = await database.db.select({ name: orgUnits.name }).from(safetyActivities).innerJoin(orgUnits, eq(orgUnits.id, safetyActivities.unitId))
      .where(inArray(orgUnits.name, ['明月村', '千盏村']));
    expect(named.map((n) => n.name).sort()).toEqual(['千盏村', '明月村']);
  });

  it('leaves qiye’s enterprise this window’s drill to do, and nothing missed', async () => {
    const [qiye] = await database.db.select({ enterpriseId: users.enterpriseId }).from(users).where(eq(users.username, 'qiye'));
    const { rows: [me] } = await stateOf({ enterpriseId: qiye!.enterpriseId! });
    expect(me!.drill.status).toBe('pending');
    expect(me!.training.status).toBe('met');
  });
});
