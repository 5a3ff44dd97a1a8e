// Who a hazard can be handed to, and which dates a rectification may be given. Pure rules,
// used by the server to refuse and to offer the choices the UI shows.

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
