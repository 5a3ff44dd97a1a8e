// Who sees and who keeps publicity records: a region's records are kept by its own office (a
// township's office its township's, the district's office the district's own, as the
// technical-inspector roster); the district reads every township's. Pure.
import type { ScopeActor } from '../access/scope.ts';

/**
 * Which records an actor sees: a district-level account every one of the district; a township's
 * accounts (office, leaders, groups) and its departments their township's; a district department
 * the district's own; villages and enterprises none.
 */
export type PublicityScope = { kind: 'district' } | { kind: 'township'; townshipId: string } | { kind: 'districtOwn' } | { kind: 'none' };

export function publicityScopeFor(a: ScopeActor): PublicityScope {
  if (a.role === 'enterprise' || a.role === 'village') return { kind: 'none' };
  switch (a.unitKind) {
    case 'district':
      return { kind: 'district' };
    case 'township':
      return { kind: 'township', townshipId: a.unitId };
    case 'department':
      if (!a.departmentRegion) return { kind: 'none' };
      return a.departmentRegion.level === 'township' ? { kind: 'township', townshipId: a.departmentRegion.id } : { kind: 'districtOwn' };
    case 'village':
      return { kind: 'none' };
  }
}

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
