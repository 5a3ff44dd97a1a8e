// Who sees and who keeps publicity records: a region's records are kept by its own office (a
// township's office its township's, the district's office the district's own, as the
// technical-inspector roster); the district reads every township's. Pure.
import type { ScopeActor } from '../access/scope.ts';

/** The region whose records an actor keeps (null township: the district's own), or undefined when none. */
export function keptPublicityRegion(a: ScopeActor): { townshipId: string | null } | undefined {
  if (a.role !== 'office' && a.role !== 'admin') return undefined;
  if (a.unitKind === 'district') return { townshipId: null };
  if (a.unitKind === 'township') return { townshipId: a.unitId };
  return undefined;
}

export const PUBLICITY_ACTIONS = ['edit', 'void'] as const;
export type PublicityAction = (typeof PUBLICITY_ACTIONS)[number];

/** The keeper of the record's region edits and voids it while it is live. */
export function publicityAllowedActions(a: ScopeActor, r: { districtId: string; townshipId: string | null; voided: boolean }): PublicityAction[] {
  const kept = keptPublicityRegion(a);
  if (r.voided || !kept || a.districtId !== r.districtId || kept.townshipId !== r.townshipId) return [];
  return ['edit', 'void'];
}
