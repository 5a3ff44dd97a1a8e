// Accountability is kept per region: a township's office and leaders see the township's records,
// the district's admins and office see every record of the district.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { accountabilityRecords as records } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';

/** The township a record belongs to when this actor writes it (null: the district's own). */
export function townshipOf(actor: Actor): string | null {
  return actor.unitKind === 'township' ? actor.unitId : null;
}

export function accountabilityScopeSql(actor: Actor): SQL {
  if (actor.unitKind === 'district') return eq(records.districtId, actor.districtId);
  if (actor.unitKind === 'township') return and(eq(records.districtId, actor.districtId), eq(records.townshipId, actor.unitId))!;
  return sql`false`;
}

/** Whether an org unit lies in the actor's region (the township itself and its villages and departments). */
export function unitInRegion(actor: Actor, unit: { id: string; districtId: string; parentId: string | null }): boolean {
  if (unit.districtId !== actor.districtId) return false;
  if (actor.unitKind === 'district') return true;
  if (actor.unitKind === 'township') return unit.id === actor.unitId || unit.parentId === actor.unitId;
  return false;
}
