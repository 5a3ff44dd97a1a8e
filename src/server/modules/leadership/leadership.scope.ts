// The activities' scope (the region-records rule, kernel/region-scope.ts) on their table, and
// the accounts of a region (whose leaders an actor may name; whose posts a campaign binds).
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { regionRecordScopeSql } from '../../kernel/region-scope.ts';
import { leadershipActivities as acts, orgUnits, users } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';

export const activityScopeSql = (actor: Actor): SQL => regionRecordScopeSql(actor, { districtId: acts.districtId, townshipId: acts.townshipId });

/**
 * The accounts an actor may name as leaders of its records: a district-level unit any of the
 * district, a township's people those of the township and its units, a department its own.
 */
export function nameableUsersSql(actor: Actor): SQL {
  const inDistrict = eq(users.districtId, actor.districtId);
  if (actor.unitKind === 'district') return inDistrict;
  if (actor.unitKind === 'department') return and(inDistrict, eq(users.unitId, actor.unitId))!;
  if (actor.unitKind === 'township') return and(inDistrict, inRegionSql(actor.unitId))!;
  return sql`false`;
}

/** A user whose unit is the region's own unit (a township or the district) or one of its departments (not a township under a district). */
export function inRegionSql(regionUnitId: string): SQL {
  return or(
    eq(users.unitId, regionUnitId),
    sql`${users.unitId} in (select o.id from ${orgUnits} o where o.parent_id = ${regionUnitId} and o.kind = 'department')`,
  )!;
}

/** The unit whose people a campaign's requirements bind: its township, or the district for the district's own. */
export const regionOfCampaign = (c: { districtId: string; townshipId: string | null }) => c.townshipId ?? c.districtId;

/** Whether a leader (by unit and the unit's parent) belongs to a region. */
export const leaderInRegion = (l: { unitId: string; unitKind: string; parentId: string | null }, region: string) =>
  l.unitId === region || (l.unitKind === 'department' && l.parentId === region);
