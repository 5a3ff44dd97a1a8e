// Drills and training over the metric world (metrics-world.ts): records that count and records that
// must not (voided, before the window, after the due day, another district), a high-risk
// enterprise that missed its first half-year, and 抽查 inspections of the 崇明 spot-check
// checklist at enterprises that did or did not keep up.
import { shanghaiDayStart } from '../../../../domain/common/dates.ts';
import type { Db } from '../../../db/client.ts';
import { inspectionAnswers } from '../../../db/schema/index.ts';
import { buildSafetyActivity } from '../../../test/drills-fixtures.ts';
import { buildEnterprise } from '../../../test/factories.ts';
import { buildInspection } from '../../../test/inspection-fixtures.ts';
import type { buildMetricsWorld } from './metrics-world.ts';

type MetricsWorld = Awaited<ReturnType<typeof buildMetricsWorld>>;
export type DrillRecords = Awaited<ReturnType<typeof buildDrillRecords>>;
export const SPOT = 'chongming-spot-check';

export async function buildDrillRecords(db: Db, w: MetricsWorld) {
  const { T, V1, V2, dept, districtDept, E1, E2, E3, user } = w;
  const [S1] = dept.sectorIds;
  const HR = await buildEnterprise(db, { village: V2, sectorIds: [S1!], isHighRisk: true, createdAt: new Date('2026-01-01T00:00:00Z') });
  const by = { createdBy: user.id, createdByUnitId: T.id };
  const r1 = await buildSafetyActivity(db, { enterprise: E1, kind: 'comprehensive_drill', heldOn: '2026-11-05', participants: 20, verified: true, ...by });
  await buildSafetyActivity(db, { enterprise: E1, kind: 'all_staff_training', heldOn: '2026-03-10', ...by }); // before the window: E1's training is met
  const r3 = await buildSafetyActivity(db, { enterprise: E2, kind: 'topical_training', heldOn: '2026-11-12', participants: 15, ...by });
  await buildSafetyActivity(db, { enterprise: E3, kind: 'special_drill', heldOn: '2026-11-06', voided: true, ...by });
  await buildSafetyActivity(db, { enterprise: E3, kind: 'special_drill', heldOn: '2026-12-03', ...by }); // after the due day
  await buildSafetyActivity(db, { enterprise: HR, kind: 'tabletop_drill', heldOn: '2026-08-15', ...by }); // the second half only
  const r7 = await buildSafetyActivity(db, { unit: dept, heldOn: '2026-11-20', participants: 6, ...by });
  const r8 = await buildSafetyActivity(db, { unit: T, heldOn: '2026-11-21', participants: 10, ...by });
  const r10 = await buildSafetyActivity(db, { unit: districtDept, heldOn: '2026-11-15', participants: 4, ...by });
  await buildSafetyActivity(db, { enterprise: w.X, heldOn: '2026-11-10', createdBy: w.user2.id, createdByUnitId: w.T2.id }); // another district

  // 抽查 with the 崇明 checklist: HR let its first half-year lapse (no item failed); E3 failed the drill item
  await buildInspection(db, { enterprise: HR, type: 'spot_check', inspectedOn: '2026-11-10', unitId: dept.id, createdBy: user.id, templateCode: SPOT });
  const onE3 = await buildInspection(db, { enterprise: E3, type: 'spot_check', inspectedOn: '2026-11-12', unitId: dept.id, createdBy: user.id, templateCode: SPOT });
  await db.insert(inspectionAnswers).values({
    districtId: T.districtId, inspectionId: onE3.id, itemKey: 'drill-and-escape', result: 'nonconform', updatedBy: user.id, updatedAt: shanghaiDayStart('2026-11-12', 0),
  });
  // E2 has not drilled this year yet, but its window is still open: nothing lapsed
  await buildInspection(db, { enterprise: E2, type: 'spot_check', inspectedOn: '2026-11-15', unitId: w.dept2.id, createdBy: user.id, templateCode: SPOT });
  return { HR, V1, r1, r3, r7, r8, r10 };
}
