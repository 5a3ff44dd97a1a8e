// Who may do what to an enterprise record: role × scope × state.
import type { Role } from '../access/roles.ts';
import { can } from '../access/permissions.ts';

/** What may be done to or from an enterprise record: keep it, and start the work about it (报告隐患, 检查, 立案). */
export const ENTERPRISE_ACTIONS = ['edit', 'void', 'report_hazard', 'start_inspection', 'open_case'] as const;
export type EnterpriseAction = (typeof ENTERPRISE_ACTIONS)[number];


/** Fields an enterprise user may change on its own record (contact details, not supervision data). */
export const ENTERPRISE_SELF_EDITABLE = [
  'address', 'employeeCount', 'principalName', 'principalPhone', 'safetyManagerName', 'safetyManagerPhone',
] as const;

export function canCreateEnterprise(role: Role): boolean {
  return can(role, 'create:enterprise');
}

/** Assumes the record is already known to be in the actor's scope. */
export function enterpriseAllowedActions(role: Role, e: { voided: boolean }): EnterpriseAction[] {
  if (e.voided) return [];
  const actions: EnterpriseAction[] = [];
  // The supervising units keep the record; an enterprise account its own contact details.
  if (can(role, 'create:enterprise') || role === 'enterprise') actions.push('edit');
  if (can(role, 'create:enterprise')) actions.push('void');
  // A voided enterprise is history: no new hazards, inspections or cases on it.
  if (can(role, 'create:hazard')) actions.push('report_hazard');
  if (can(role, 'create:inspection')) actions.push('start_inspection');
  if (can(role, 'run:case')) actions.push('open_case');
  return actions;
}

/** Fields of an update an actor may not change, if any. */
export function forbiddenEnterpriseFields(role: Role, changed: string[]): string[] {
  if (role !== 'enterprise') return [];
  return changed.filter((f) => !(ENTERPRISE_SELF_EDITABLE as readonly string[]).includes(f));
}
