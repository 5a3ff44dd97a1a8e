// Who may do what to a drill or training record now (the record's allowedActions).
import type { Role } from '../access/roles.ts';
import { can } from '../access/permissions.ts';

export type DrillPolicyAction = 'verify' | 'void';

/**
 * Verify: a supervising unit (office, department, village, admin) that did not record it;
 * an enterprise never verifies, and a unit never verifies its own staff's training.
 * Void: the unit that recorded it while it is unverified, or the office at any time.
 */
export function drillAllowedActions(o: {
  role: Role; recordedByMyUnit: boolean; staffOfMyUnit: boolean; verified: boolean; voided: boolean;
}): DrillPolicyAction[] {
  if (o.voided) return [];
  const out: DrillPolicyAction[] = [];
  const supervising = o.role === 'admin' || o.role === 'office' || o.role === 'department' || o.role === 'village';
  if (supervising && !o.verified && !o.recordedByMyUnit && !o.staffOfMyUnit) out.push('verify');
  const office = o.role === 'admin' || o.role === 'office';
  if ((o.recordedByMyUnit && !o.verified && o.role !== 'leader') || office) out.push('void');
  return out;
}

/**
 * The district's required times a year bind every township of it: its own office or an admin of the
 * district changes them; a township's office reads them (its change would move its neighbours' figures).
 */
export function mayChangeRequirement(o: { role: Role; unitKind: string }): boolean {
  return can(o.role, 'manage:drill_requirement') && o.unitKind === 'district';
}
