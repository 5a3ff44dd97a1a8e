// Annual inspection plans (年度检查计划): which units an actor may keep a plan for, which enterprises
// a plan may name (those its unit supervises), and which inspections cover an entry. Progress is
// derived, never stored. Pure: the server enforces these; plans.repository.ts coveredSql says
// coversPlanEntry again in SQL for the counts (plans.test.ts checks both on the same data).
import { can } from '../access/permissions.ts';
import { AUTHORITY_INSPECTION_TYPES, type InspectionType, isSelfInspection } from './inspection-rules.ts';
import type { Role } from '../access/roles.ts';
import type { EnterpriseScope, ScopeActor } from '../access/scope.ts';

export interface PlanUnit {
  id: string;
  kind: 'district' | 'township' | 'village' | 'department';
  parentId: string | null;
  sectorIds: string[];
}

/**
 * Whether the actor may keep (create, edit, fill) a plan of the unit: a department only its own; the
 * office and admins of a township the township's and its departments'; of the district any unit's.
 */
export function mayPlanForUnit(actor: Pick<ScopeActor, 'role' | 'unitId' | 'unitKind'>, unit: Pick<PlanUnit, 'id' | 'kind' | 'parentId'>): boolean {
  if (!can(actor.role, 'edit:plan')) return false;
  if (unit.kind === 'village') return false;
  if (actor.role === 'department') return unit.id === actor.unitId;
  if (actor.unitKind === 'district') return true;
  if (actor.unitKind === 'township') return unit.id === actor.unitId || (unit.kind === 'department' && unit.parentId === actor.unitId);
  return false;
}

/** What may be done with one plan (its allowedActions). */
export const PLAN_ACTIONS = ['edit', 'inspect'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/** What the actor may do with a plan it sees: edit it (an editor role), and record inspections against it (its own unit's plan). */
export function planAllowedActions(actor: { role: Role; unitId: string }, plan: { unitId: string }): PlanAction[] {
  if (!can(actor.role, 'edit:plan')) return [];
  return actor.unitId === plan.unitId ? ['edit', 'inspect'] : ['edit'];
}

/**
 * The enterprises a plan of the unit may name: a township's or the district's plan its region; a
 * department's plan the sectors it supervises in the region it belongs to (parent). Nothing else.
 */
export function planUnitScope(unit: PlanUnit, parent: Pick<PlanUnit, 'id' | 'kind'> | null): EnterpriseScope {
  if (unit.kind === 'township' || unit.kind === 'district') return { kind: 'region', region: { level: unit.kind, id: unit.id } };
  if (unit.kind !== 'department' || unit.sectorIds.length === 0 || !parent || parent.id !== unit.parentId) return { kind: 'none' };
  if (parent.kind !== 'township' && parent.kind !== 'district') return { kind: 'none' };
  return { kind: 'sectors', region: { level: parent.kind, id: parent.id }, sectorIds: unit.sectorIds };
}

export interface CoveringCandidate {
  planEntryId: string | null;
  enterpriseId: string;
  unitId: string;
  type: InspectionType;
  /** 'YYYY-MM-DD'. */
  inspectedOn: string;
  completed: boolean;
}

/**
 * A completed inspection covers a plan entry when it is linked to the entry (whatever its date), or
 * when the plan's unit inspected the entry's enterprise in the entry's month as an authority
 * (self-inspections never cover a plan).
 */
export function coversPlanEntry(plan: { year: number; unitId: string }, entry: { id: string; enterpriseId: string; month: number }, i: CoveringCandidate): boolean {
  if (!i.completed) return false;
  if (i.planEntryId === entry.id) return true;
  const month = `${plan.year}-${String(entry.month).padStart(2, '0')}-`;
  return i.enterpriseId === entry.enterpriseId && i.unitId === plan.unitId && AUTHORITY_INSPECTION_TYPES.includes(i.type) && i.inspectedOn.startsWith(month);
}

/**
 * Whether a new inspection may be linked to a plan entry. A linked inspection covers the entry
 * whatever its month (coversPlanEntry), so only the plan's own unit may link, only an inspection of
 * the entry's enterprise, and only one by the authorities.
 */
export function mayLinkPlanEntry(entry: { enterpriseId: string; planUnitId: string }, i: { enterpriseId: string; unitId: string; type: InspectionType }): boolean {
  return entry.enterpriseId === i.enterpriseId && entry.planUnitId === i.unitId && !isSelfInspection(i.type);
}
