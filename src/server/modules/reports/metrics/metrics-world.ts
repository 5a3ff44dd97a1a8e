// A small world for the metric tests: two villages and three departments of one township, one
// department of the district, records inside the window and, for every metric, records that must
// not count (before the window, after the cut-off, voided, self-inspection, draft, another district).
import { eq } from 'drizzle-orm';
import { shanghaiDayStart } from '../../../../domain/common/dates.ts';
import type { Db } from '../../../db/client.ts';
import { accountabilityRecords, enforcementCases, enforcementMeasures, hazardListings, hazardTransfers, inspectionAnswers, inspections } from '../../../db/schema/index.ts';
import { buildHazard } from '../../../test/builders.ts';
import {
  type EnterpriseRow, type UnitRow, buildDepartment, buildDistrict, buildEnterprise, buildSector, buildTownship, buildUser, buildVillage, uniq,
} from '../../../test/factories.ts';
import { buildInspection } from '../../../test/inspection-fixtures.ts';
import type { MetricWindow } from './families.ts';

export const WINDOW: MetricWindow = { from: '2026-11-01', to: '2026-11-30', cutoff: shanghaiDayStart('2026-11-30', 1) };
const at = (iso: string) => new Date(iso);

export async function buildMetricsWorld(db: Db) {
  const D = await buildDistrict(db);
  const T = await buildTownship(db, { district: D });
  const V1 = await buildVillage(db, { township: T });
  const V2 = await buildVillage(db, { township: T });
  const S1 = await buildSector(db, { district: D });
  const S2 = await buildSector(db, { district: D });
  const dept = await buildDepartment(db, { parent: T, sectorIds: [S1.id] });
  const dept2 = await buildDepartment(db, { parent: T, sectorIds: [S2.id] });
  const districtDept = await buildDepartment(db, { parent: D, sectorIds: [S1.id] });
  const D2 = await buildDistrict(db);
  const T2 = await buildTownship(db, { district: D2 });
  const V3 = await buildVillage(db, { township: T2 });
  const S3 = await buildSector(db, { district: D2 });
  const user = await buildUser(db, { role: 'office', unit: T });
  const user2 = await buildUser(db, { role: 'office', unit: T2 });

  const old = { createdAt: at('2026-01-01T00:00:00Z') };
  const E1 = await buildEnterprise(db, { village: V1, sectorIds: [S1.id], riskGrade: 'red', isKey: true, ...old });
  const E2 = await buildEnterprise(db, { village: V1, sectorIds: [S2.id], riskGrade: 'blue', ...old });
  const E3 = await buildEnterprise(db, { village: V2, sectorIds: [S1.id], riskGrade: 'orange', ...old });
  await buildEnterprise(db, { village: V1, sectorIds: [S1.id], voidedAt: at('2026-06-01T00:00:00Z'), voidReason: '重复', ...old });
  await buildEnterprise(db, { village: V1, sectorIds: [S1.id], createdAt: at('2026-12-02T00:00:00Z') });
  const X = await buildEnterprise(db, { village: V3, sectorIds: [S3.id], ...old });

  const hazard = (e: EnterpriseRow, sectorId: string, iso: string, o: Partial<Parameters<typeof buildHazard>[1]> = {}) =>
    buildHazard(db, { enterprise: e, sectorId, reporter: e.districtId === D.id ? user : user2, responsibleUnitId: e.villageId, state: 'reported', at: at(iso), ...o });
  const h1 = await hazard(E1, S1.id, '2026-11-03T02:00:00Z', { level: 'major', source: 'self_inspection', state: 'closed' });
  const h2 = await hazard(E1, S1.id, '2026-11-04T02:00:00Z', { source: 'department' });
  const h3 = await hazard(E2, S2.id, '2026-11-05T02:00:00Z', { state: 'closed' });
  const h4 = await hazard(E3, S1.id, '2026-11-06T02:00:00Z', { level: 'major', source: 'department' });
  await hazard(E1, S1.id, '2026-10-15T02:00:00Z'); // before the window
  await hazard(E1, S1.id, '2026-11-07T02:00:00Z', { state: 'voided' });
  await hazard(X, S3.id, '2026-11-08T02:00:00Z'); // another district
  await hazard(E1, S1.id, '2026-11-30T16:00:00Z'); // 12-01 00:00 in Shanghai: after the cut-off
  // found 23:58 on the due day in Shanghai; closed a few minutes later, after the cut-off
  const h9 = await hazard(E2, S2.id, '2026-11-30T15:58:00Z', { state: 'closed' });
  await db.insert(hazardListings).values({ districtId: D.id, hazardId: h4.id, level: 'township', leaderName: '李镇长', listedOn: '2026-11-20', documentNo: '督〔2026〕1号', createdBy: user.id, createdAt: at('2026-11-20T02:00:00Z') });
  await db.insert(hazardTransfers).values({ districtId: D.id, hazardId: h4.id, fromUnitId: V2.id, toUnitId: districtDept.id, reason: '超出职责', status: 'pending', requestedBy: user.id, requestedAt: at('2026-11-21T02:00:00Z') });

  const inspection = (e: EnterpriseRow, unit: UnitRow, type: Parameters<typeof buildInspection>[1]['type'], inspectedOn: string, o: { status?: 'draft'; templateCode?: string } = {}) =>
    buildInspection(db, { enterprise: e, type, inspectedOn, unitId: unit.id, createdBy: user.id, ...o });
  const i1 = await inspection(E1, dept, 'enforcement', '2026-11-05');
  await db.update(inspections).set({ leaderLed: true }).where(eq(inspections.id, i1.id));
  const i2 = await inspection(E1, dept, 'spot_check', '2026-11-06', { templateCode: 'chongming-spot-check' });
  await db.insert(inspectionAnswers).values([
    { districtId: D.id, inspectionId: i2.id, itemKey: 'principal-study', result: 'nonconform', updatedBy: user.id, updatedAt: at('2026-11-06T02:00:00Z') },
    { districtId: D.id, inspectionId: i2.id, itemKey: 'outsourcing', result: 'conform', updatedBy: user.id, updatedAt: at('2026-11-06T02:00:00Z') },
  ]);
  await inspection(E3, dept, 'assistance', '2026-11-07');
  await inspection(E1, dept, 'self_daily', '2026-11-08');
  await inspection(E3, dept, 'enforcement', '2026-11-09', { status: 'draft' });
  await inspection(E1, dept, 'enforcement', '2026-12-02');
  await inspection(E2, dept2, 'assistance', '2026-11-10');
  const i8 = await inspection(E1, dept2, 'assistance', '2026-11-11');

  const kase = async (e: EnterpriseRow, o: { filedOn: string; decidedOn?: string; fineE?: number; fineP?: number; published?: string; crime?: boolean }) => {
    const [c] = await db.insert(enforcementCases).values({
      districtId: e.districtId, townshipId: e.townshipId, villageId: e.villageId, enterpriseId: e.id, number: `TEST-AJ-${uniq()}`, unitId: e.districtId === D.id ? dept.id : V3.id,
      title: '未按规定开展隐患排查', status: o.decidedOn ? 'decided' : 'investigating', filedOn: o.filedOn, decidedOn: o.decidedOn ?? null,
      fineOnEnterpriseFen: o.fineE ?? 0, fineOnPrincipalFen: o.fineP ?? 0, published: Boolean(o.published), publishedAt: o.published ? at(o.published) : null,
      dangerousOperationCrime: o.crime ?? false, createdBy: user.id,
    }).returning();
    return c!;
  };
  const measure = (caseId: string, kind: typeof enforcementMeasures.$inferInsert['kind'], decidedOn: string, personCount?: number) =>
    db.insert(enforcementMeasures).values({ districtId: D.id, caseId, kind, decidedOn, personCount: personCount ?? null, createdBy: user.id, createdAt: at(`${decidedOn}T02:00:00Z`) });
  const c1 = await kase(E1, { filedOn: '2026-11-08', decidedOn: '2026-11-12', fineE: 1_000_000, fineP: 200_000, published: '2026-11-20T02:00:00Z', crime: true });
  await measure(c1.id, 'penalty', '2026-11-12');
  await measure(c1.id, 'judicial_referral', '2026-11-12', 2);
  const c2 = await kase(E3, { filedOn: '2026-11-09', decidedOn: '2026-12-05', fineE: 500_000 });
  await measure(c2.id, 'exposure', '2026-11-15');
  await measure(c2.id, 'penalty', '2026-12-05');
  await kase(X, { filedOn: '2026-11-09', decidedOn: '2026-11-10', fineE: 300_000 });
  await kase(E1, { filedOn: '2026-10-01', decidedOn: '2026-10-05', fineE: 700_000 });

  const record = (o: { districtId: string; townshipId: string; kind: 'accountability' | 'interview_notice'; targetType: 'person' | 'unit'; targetUnitId?: string; decidedOn: string }) =>
    db.insert(accountabilityRecords).values({
      ...o, targetName: o.targetType === 'person' ? '王某' : '某站', measure: o.kind === 'accountability' ? '诫勉谈话' : '约谈', reason: '隐患整改不力', decidedBy: '镇纪委', createdBy: user.id,
    });
  await record({ districtId: D.id, townshipId: T.id, kind: 'accountability', targetType: 'person', decidedOn: '2026-11-10' });
  await record({ districtId: D.id, townshipId: T.id, kind: 'interview_notice', targetType: 'unit', targetUnitId: dept.id, decidedOn: '2026-11-11' });
  await record({ districtId: D.id, townshipId: T.id, kind: 'accountability', targetType: 'person', decidedOn: '2026-09-01' });
  await record({ districtId: D2.id, townshipId: T2.id, kind: 'accountability', targetType: 'person', decidedOn: '2026-11-10' });

  return { D, T, V1, V2, dept, dept2, districtDept, E1, E2, E3, h: { h1, h2, h3, h4, h9 }, i1, i2, i8, c1, c2, D2, T2, X, user, user2 };
}
