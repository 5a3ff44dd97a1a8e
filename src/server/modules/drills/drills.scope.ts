// Which drill and training records an actor sees: an enterprise's records when the enterprise is in
// the actor's enterprise scope (domain/access/scope.ts); an org unit's 执法人员培训 by the unit
// itself and by the office, admins and leaders of its region.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { enterpriseScopeFor } from '../../../domain/access/scope.ts';
import { enterprises, safetyActivities as sa } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';
import { scopeSql } from '../enterprises/index.ts';

export function staffScopeSql(actor: Actor): SQL {
  switch (actor.role) {
    case 'admin': case 'office': case 'leader':
      if (actor.unitKind === 'district') return eq(sa.districtId, actor.districtId);
      if (actor.unitKind === 'township') return and(eq(sa.districtId, actor.districtId), eq(sa.townshipId, actor.unitId))!;
      return sql`false`;
    case 'department': case 'village':
      return eq(sa.unitId, actor.unitId);
    default:
      return sql`false`;
  }
}

export function drillScopeSql(actor: Actor): SQL {
  const ents = sql`${sa.enterpriseId} in (select ${enterprises.id} from ${enterprises} where ${scopeSql(enterpriseScopeFor(actor))})`;
  return sql`((${sa.enterpriseId} is not null and ${ents}) or (${sa.unitId} is not null and ${staffScopeSql(actor)}))`;
}

/** Whether an org unit's staff training may be recorded by this actor: its own unit, or the office's region. */
export function mayRecordStaffOf(actor: Actor, unit: { id: string; districtId: string; parentId: string | null }): boolean {
  if (unit.districtId !== actor.districtId) return false;
  if (actor.role === 'department' || actor.role === 'village') return unit.id === actor.unitId;
  if (actor.role !== 'admin' && actor.role !== 'office') return false;
  if (actor.unitKind === 'district') return true;
  return actor.unitKind === 'township' && (unit.id === actor.unitId || unit.parentId === actor.unitId);
}

/** The township a unit belongs to (itself, its parent when that is a township, else none). */
export function townshipOfUnit(unit: { id: string; kind: string; parentId: string | null }, parentKind: string | null): string | null {
  if (unit.kind === 'township') return unit.id;
  return parentKind === 'township' ? unit.parentId : null;
}
