// Which public reports an actor sees, as a pure description (compiled to SQL in the tips module):
// the office, admins and leaders of a township its township's, of the district all of the
// district's; a department only what it was asked to investigate (its own unit). Nobody else.
import { type ScopeActor, standsOver } from '../access/scope.ts';

export type TipScope =
  | { kind: 'district'; districtId: string }
  | { kind: 'township'; districtId: string; townshipId: string }
  | { kind: 'assigned'; districtId: string; unitId: string }
  | { kind: 'none' };

export function tipScopeFor(actor: ScopeActor): TipScope {
  switch (actor.role) {
    case 'admin': case 'office': case 'leader':
      if (actor.unitKind === 'district') return { kind: 'district', districtId: actor.districtId };
      if (actor.unitKind === 'township') return { kind: 'township', districtId: actor.districtId, townshipId: actor.unitId };
      return { kind: 'none' };
    case 'department':
      return { kind: 'assigned', districtId: actor.districtId, unitId: actor.unitId };
    default:
      return { kind: 'none' };
  }
}

/** Whether the actor is the office over a report of this township (the district's office over all). */
export function isOfficeOver(actor: ScopeActor, report: { districtId: string; townshipId: string }): boolean {
  return (actor.role === 'office' || actor.role === 'admin') && standsOver(actor, report);
}

/** Whether the actor is a leader over a report of this township. */
export function isLeaderOver(actor: ScopeActor, report: { districtId: string; townshipId: string }): boolean {
  return actor.role === 'leader' && standsOver(actor, report);
}
