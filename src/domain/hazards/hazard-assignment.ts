// Who supervises a hazard, who it can be handed to, and which dates a rectification may be
// given. Pure rules, used by the server to refuse and to offer the choices the UI shows.
import type { HazardLevel } from './hazard-machine.ts';
import type { Role } from '../access/roles.ts';

/**
 * The responsible unit (the supervising side) of a new hazard, reported or imported:
 * - 'reporter': the reporting department; the reporting village for a general hazard;
 * - otherwise (a major hazard, or a report by the enterprise, the office or a group) the
 *   township department supervising the hazard's sector, and without one the reporting village
 *   or else the enterprise's village. A major hazard's plan is accepted by a department, so a
 *   village does not keep one when a department exists.
 */
export type ResponsibleUnitChoice =
  | { kind: 'reporter' }
  | { kind: 'sector_department'; otherwise: 'reporter' | 'enterprise_village' };

export function responsibleUnitChoice(reporterRole: Role, level: HazardLevel): ResponsibleUnitChoice {
  if (reporterRole === 'department') return { kind: 'reporter' };
  if (reporterRole === 'village' && level === 'general') return { kind: 'reporter' };
  return { kind: 'sector_department', otherwise: reporterRole === 'village' ? 'reporter' : 'enterprise_village' };
}

export interface UnitRef {
  id: string;
  kind: 'district' | 'township' | 'village' | 'department';
  parentId: string | null;
  active: boolean;
}

/**
 * 移送: a village hands over to its township's departments, a township department to the
 * district's departments. Returns the parent a target department must have, or null when the
 * responsible unit cannot transfer at all.
 */
export function transferTargetParent(from: UnitRef, hazard: { townshipId: string; districtId: string }): string | null {
  if (from.kind === 'village') return hazard.townshipId;
  if (from.kind === 'department' && from.parentId === hazard.townshipId) return hazard.districtId;
  return null;
}

export function isTransferTarget(from: UnitRef, target: UnitRef, hazard: { townshipId: string; districtId: string }): boolean {
  const parent = transferTargetParent(from, hazard);
  return parent !== null && target.kind === 'department' && target.active && target.id !== from.id && target.parentId === parent;
}

export const TRANSFER_TARGET_MESSAGE = (from: UnitRef) => (from.kind === 'village' ? '只能移送给本镇的部门' : '只能移送给区级部门');

/** A due date (整改期限) set now may not lie in the past. */
export function dueDateRefusal(dueDate: string, today: string): string | null {
  return dueDate < today ? '整改期限不能早于今天' : null;
}

/** 延期: the new date must be after today and after the current due date. */
export function extensionDateRefusal(newDueDate: string, currentDueDate: string | null, today: string): string | null {
  if (newDueDate <= today) return '新的整改期限应晚于今天';
  if (currentDueDate && newDueDate <= currentDueDate) return '新的整改期限应晚于原期限';
  return null;
}

/** 退回移送: the receiving unit says why it does not take the hazard over. */
export function transferDecisionRefusal(accept: boolean, reason: string | null | undefined): string | null {
  return !accept && (reason ?? '').trim().length < 2 ? '退回须填写原因' : null;
}
