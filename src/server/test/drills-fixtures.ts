// Drill and training records as rows, for the tests that count them (reminders, the metric
// registry, the forms): built directly, not through the HTTP API.
import { type ActivityKind, categoryOf } from '../../domain/drills/drill-requirement.ts';
import type { Db } from '../db/client.ts';
import { safetyActivities } from '../db/schema/index.ts';
import type { EnterpriseRow, UnitRow } from './factories.ts';

export type SafetyActivityRow = typeof safetyActivities.$inferSelect;

/**
 * An enterprise's drill or training (`enterprise`), or a unit's 执法人员培训 (`unit`), held on
 * `heldOn`, recorded by `createdBy` of `createdByUnit`.
 */
export async function buildSafetyActivity(db: Db, o: {
  enterprise?: EnterpriseRow; unit?: UnitRow; kind?: ActivityKind; heldOn: string; createdBy: string; createdByUnitId: string;
  participants?: number; verified?: boolean; voided?: boolean;
}): Promise<SafetyActivityRow> {
  const kind = o.kind ?? (o.unit ? 'enforcement_staff_training' : 'comprehensive_drill');
  const on = new Date(`${o.heldOn}T08:00:00Z`);
  const [r] = await db.insert(safetyActivities).values({
    districtId: o.enterprise?.districtId ?? o.unit!.districtId,
    townshipId: o.enterprise?.townshipId ?? (o.unit?.kind === 'township' ? o.unit.id : o.unit?.kind === 'district' ? null : o.unit?.parentId ?? null),
    enterpriseId: o.enterprise?.id ?? null, unitId: o.enterprise ? null : o.unit!.id, category: categoryOf(kind), kind, heldOn: o.heldOn,
    participants: o.participants ?? 20, content: '测试演练', createdBy: o.createdBy, createdByUnitId: o.createdByUnitId, byEnterprise: false,
    createdAt: on, updatedAt: on,
    ...(o.verified ? { verifiedAt: on, verifiedBy: o.createdBy, verifiedByUnitId: o.createdByUnitId } : {}),
    ...(o.voided ? { voidedAt: on, voidedBy: o.createdBy, voidReason: '重复登记' } : {}),
  }).returning();
  return r!;
}
