// The tips' data scope compiled to SQL (the description is domain/tips/tip-scope.ts).
import { type SQL, and, eq, sql } from 'drizzle-orm';
import { tipScopeFor } from '../../../domain/tips/tip-scope.ts';
import { publicReports as pr, tipRewards } from '../../db/schema/index.ts';
import type { Actor } from '../../http/actor.ts';

export function tipScopeSql(actor: Actor): SQL {
  const s = tipScopeFor(actor);
  switch (s.kind) {
    case 'district': return eq(pr.districtId, s.districtId);
    case 'township': return and(eq(pr.districtId, s.districtId), eq(pr.townshipId, s.townshipId))!;
    case 'assigned': return and(eq(pr.districtId, s.districtId), eq(pr.assignedUnitId, s.unitId))!;
    case 'none': return sql`false`;
  }
}

/** Rewards follow their report's township; a department never sees rewards. */
export function rewardScopeSql(actor: Actor): SQL {
  const s = tipScopeFor(actor);
  switch (s.kind) {
    case 'district': return eq(tipRewards.districtId, s.districtId);
    case 'township': return and(eq(tipRewards.districtId, s.districtId), eq(tipRewards.townshipId, s.townshipId))!;
    default: return sql`false`;
  }
}
