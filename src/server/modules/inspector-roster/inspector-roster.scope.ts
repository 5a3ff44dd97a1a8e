// Whose roster is whose: each township keeps its own, the district keeps the district's own
// (entries with no township) and reads every township's. A department reads its own region's
// roster (a township's department its township's, a district department the district's own).
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { technicalInspectors as ti } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';

/** The roster an actor keeps: undefined when none (a leader, a department, a village…). */
export function keptRoster(actor: Actor): { townshipId: string | null } | undefined {
  if (actor.role !== 'office' && actor.role !== 'admin') return undefined;
  if (actor.unitKind === 'district') return { townshipId: null };
  if (actor.unitKind === 'township') return { townshipId: actor.unitId };
  return undefined;
}

/** The entries an actor reads. */
export function rosterScopeSql(actor: Actor): SQL {
  const district = eq(ti.districtId, actor.districtId);
  if (actor.unitKind === 'district') return district;
  if (actor.unitKind === 'township') return and(district, eq(ti.townshipId, actor.unitId))!;
  if (actor.unitKind === 'department' && actor.departmentRegion) {
    const r = actor.departmentRegion;
    return and(district, r.level === 'township' ? eq(ti.townshipId, r.id) : isNull(ti.townshipId))!;
  }
  return sql`false`;
}

/** The regions whose counts an actor sees on a date: null is the district's own. */
export function countedRosters(actor: Actor): 'all' | (string | null)[] {
  if (actor.unitKind === 'district') return 'all';
  if (actor.unitKind === 'township') return [actor.unitId];
  if (actor.unitKind === 'department' && actor.departmentRegion) return [actor.departmentRegion.level === 'township' ? actor.departmentRegion.id : null];
  return [];
}

/**
 * Whether an org unit may employ an inspector of this roster: for a township, the township, its
 * departments and villages; for the district's own roster, the district and its own departments.
 */
export function unitOfRoster(roster: { townshipId: string | null }, districtId: string, unit: { id: string; districtId: string; parentId: string | null; kind: string }): boolean {
  if (unit.districtId !== districtId) return false;
  if (roster.townshipId === null) return unit.id === districtId || (unit.kind === 'department' && unit.parentId === districtId);
  return unit.id === roster.townshipId || unit.parentId === roster.townshipId;
}
