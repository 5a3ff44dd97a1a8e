// Who may do what with inspections, plans, cases and accountability records, by role.
// The data scope (which enterprises) comes from domain/scope.ts; this says which kinds.
// Pure: the server enforces it, the web only mirrors what the server answers.
import type { Role } from './roles.ts';
import type { InspectionType } from './inspection-rules.ts';

/**
 * The inspection types each role may start. Enforcement is the departments' (they hold the
 * powers and the certificates); villages and grid officers assist and spot-check; the office
 * and supervision groups supervise and spot-check; an enterprise only inspects itself.
 */
export const INSPECTION_TYPES_BY_ROLE: Record<Role, readonly InspectionType[]> = {
  admin: ['assistance', 'supervision', 'spot_check'],
  office: ['assistance', 'supervision', 'spot_check'],
  leader: [],
  department: ['enforcement', 'assistance', 'supervision', 'spot_check'],
  village: ['assistance', 'spot_check'],
  enterprise: ['self_daily', 'self_weekly', 'self_monthly'],
  supervision_group: ['supervision', 'spot_check'],
};

export function mayStartInspection(role: Role, type: InspectionType): boolean {
  return INSPECTION_TYPES_BY_ROLE[role].includes(type);
}

/** Roles that manage checklist templates and the district's work calendar. */
export const TEMPLATE_MANAGER_ROLES: readonly Role[] = ['admin', 'office'];

/** Roles that set an enterprise's 日周月 schedule (within their scope; an enterprise its own). */
export const SCHEDULE_EDITOR_ROLES: readonly Role[] = ['admin', 'office', 'department', 'village', 'enterprise'];

/** Roles that keep annual inspection plans: a department its own, the office and admins any in their region. */
export const PLAN_EDITOR_ROLES: readonly Role[] = ['admin', 'office', 'department'];

/** Roles that open and run enforcement cases (within their scope). */
export const CASE_EDITOR_ROLES: readonly Role[] = ['admin', 'office', 'department'];

/** Accountability is about officials: kept by the office, read by leaders and admins. */
export const ACCOUNTABILITY_EDITOR_ROLES: readonly Role[] = ['admin', 'office'];
export const ACCOUNTABILITY_READER_ROLES: readonly Role[] = ['admin', 'office', 'leader'];
