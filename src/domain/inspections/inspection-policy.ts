// Who may do what with inspections, plans, cases and accountability records, by role.
// The data scope (which enterprises) comes from domain/scope.ts; this says which kinds.
// Pure: the server enforces it, the web only mirrors what the server answers.
import type { Role } from '../access/roles.ts';
import { type InspectionType, SELF_INSPECTION_TYPES } from './inspection-rules.ts';
import { can } from '../access/permissions.ts';

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

/** Whether the actor may set the 日周月 schedule of an enterprise it sees: an editor role, and the enterprise not voided. */
export function mayEditSchedule(role: Role, enterprise: { voided: boolean }): boolean {
  return can(role, 'edit:schedule') && !enterprise.voided;
}

/** Self-inspections are the enterprise's own: only its account starts them, on its own enterprise. */
export function mayStartSelfInspection(actor: { role: Role; enterpriseId: string | null }, enterpriseId: string): boolean {
  return SELF_INSPECTION_TYPES.every((t) => mayStartInspection(actor.role, t)) && actor.enterpriseId === enterpriseId;
}
