// Who may do what to a hazard: role × relation to the hazard × state. The server computes
// allowedActions with this and enforces it; the UI only renders what it is given.
import { HAZARD_TRANSITIONS, type HazardAction, type HazardStatus, OPEN_HAZARD_STATUSES } from './hazard-machine.ts';
import type { Role } from './roles.ts';

/** Side actions that do not move the state machine but are guarded by state and role. */
export const HAZARD_SIDE_ACTIONS = [
  'request_extension', 'decide_extension', 'transfer', 'decide_transfer', 'list', 'record_dual_report', 'edit',
] as const;
export type HazardSideAction = (typeof HAZARD_SIDE_ACTIONS)[number];
export type HazardAllowedAction = Exclude<HazardAction, 'start_rectification'> | HazardSideAction;

export interface HazardActorRelation {
  role: Role;
  /** The actor is an enterprise user of the hazard's enterprise. */
  isOwnEnterprise: boolean;
  /** The actor belongs to the unit currently responsible for supervising the hazard. */
  isResponsibleUnit: boolean;
  /** The actor belongs to the unit a pending transfer is addressed to. */
  isTransferTarget: boolean;
}

export interface HazardPolicyFacts {
  status: HazardStatus;
  level: 'general' | 'major';
  accepted: boolean;
  pendingExtension: boolean;
  pendingTransfer: boolean;
}

const SUPERVISORS: readonly Role[] = ['office', 'admin'];

/** 导入历史隐患台账: the units that kept a ledger before (an enterprise reports, it does not import). */
export const HAZARD_IMPORTER_ROLES: readonly Role[] = ['admin', 'office', 'department', 'village'];
/** 判定依据 maintenance: the district's list is the office's. */
export const HAZARD_CRITERIA_EDITOR_ROLES: readonly Role[] = ['admin', 'office'];

/** Everyone but a leader may report a hazard (a leader's account is read-only). */
export const mayReportHazard = (role: Role): boolean => role !== 'leader';
export const mayImportHazards = (role: Role): boolean => HAZARD_IMPORTER_ROLES.includes(role);
export const mayEditHazardCriteria = (role: Role): boolean => HAZARD_CRITERIA_EDITOR_ROLES.includes(role);

/** An enterprise reports only what its own self-inspection found; others choose the source. */
export function hazardSourceRefusal(role: Role, source: string): string | null {
  return role === 'enterprise' && source !== 'self_inspection' ? '企业只能报告自查发现的隐患' : null;
}

export function hazardAllowedActions(a: HazardActorRelation, h: HazardPolicyFacts): HazardAllowedAction[] {
  if (a.role === 'enterprise') a = { ...a, isResponsibleUnit: false, isTransferTarget: false }; // its unit is its village, never the supervising side
  const out: HazardAllowedAction[] = [];
  const can = (action: HazardAction) => HAZARD_TRANSITIONS[h.status][action] !== undefined;
  const open = OPEN_HAZARD_STATUSES.includes(h.status);
  const supervising = a.isResponsibleUnit || SUPERVISORS.includes(a.role);
  const rectifyingSide = a.isOwnEnterprise || supervising; // the owner side may record on a venue's behalf
  if (a.role === 'leader' || a.role === 'supervision_group') return out; // read-only in the ledger

  if (rectifyingSide && can('submit_plan') && !h.pendingTransfer) out.push('submit_plan');
  // A major hazard's plan is accepted by the supervising department (or the office), not a village.
  const departmentSide = (a.isResponsibleUnit && a.role === 'department') || SUPERVISORS.includes(a.role);
  if (departmentSide && h.level === 'major' && h.status === 'reported' && !h.accepted) out.push('accept');
  if (rectifyingSide && can('report_rectification')) out.push('report_rectification');
  // The enterprise never verifies or closes its own hazard.
  if (supervising && !a.isOwnEnterprise && can('verify_pass')) out.push('verify_pass', 'verify_fail');
  if (supervising && !a.isOwnEnterprise && can('recheck_pass')) out.push('recheck_pass', 'recheck_reopen');
  if (supervising && !a.isOwnEnterprise && can('void')) out.push('void');

  if (open && rectifyingSide && h.status !== 'awaiting_verification' && !h.pendingExtension) out.push('request_extension');
  if (supervising && !a.isOwnEnterprise && h.pendingExtension && open) out.push('decide_extension');
  if (a.isResponsibleUnit && (a.role === 'village' || a.role === 'department') && open && !h.pendingTransfer) out.push('transfer');
  if (a.isTransferTarget && h.pendingTransfer && open) out.push('decide_transfer');
  if (SUPERVISORS.includes(a.role) && h.level === 'major' && h.status !== 'voided') out.push('list');
  if (h.level === 'major' && h.status !== 'voided' && (a.isOwnEnterprise || supervising)) out.push('record_dual_report');
  if (supervising && !a.isOwnEnterprise && open) out.push('edit');
  return out;
}
