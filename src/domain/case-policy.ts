// Who may do what with one enforcement case, from the role, the actor's tie to the case and its
// state. The transitions themselves are enforcement.ts; this adds the side actions (publish as
// 典型执法案例, attach documents) and says which of all of them the actor may take now.
// Pure: the server enforces it and sends the list; the web only shows what it is given.
import { CASE_ACTIONS, CASE_TRANSITIONS, type CaseStatus } from './enforcement.ts';
import type { HazardStatus } from './hazard-machine.ts';
import { CASE_EDITOR_ROLES } from './inspection-policy.ts';
import type { InspectionType } from './inspection-rules.ts';
import type { Role } from './roles.ts';

export const CASE_SIDE_ACTIONS = ['publish', 'unpublish', 'attach'] as const;
export const CASE_ALLOWED_ACTIONS = [...CASE_ACTIONS, ...CASE_SIDE_ACTIONS] as const;
export type CaseAllowedAction = (typeof CASE_ALLOWED_ACTIONS)[number];

export const CASE_SIDE_ACTION_LABELS: Record<(typeof CASE_SIDE_ACTIONS)[number], string> = {
  publish: '公布为典型案例',
  unpublish: '撤回公布',
  attach: '上传文书',
};

/** A case is published as 典型执法案例 only once a decision exists. */
export const PUBLISHABLE_STATUSES: readonly CaseStatus[] = ['decided', 'executing', 'closed'];
export const PUBLISH_REFUSAL_MESSAGE = '作出处理决定后方可公布为典型执法案例';

/** A voided hazard (entered twice, or found not to be one) is no violation to file a case on. */
export const hazardOpensCase = (status: HazardStatus): boolean => status !== 'voided';

/** 立案 offered on a hazard: to the roles that run cases, on a hazard that may open one. */
export const mayOpenCaseOnHazard = (role: Role, status: HazardStatus): boolean =>
  CASE_EDITOR_ROLES.includes(role) && hazardOpensCase(status);

/** Why an inspection cannot open a case: not completed yet, or nothing found on a non-enforcement one. */
export type InspectionCaseRefusal = 'not_completed' | 'nothing_found';
export const INSPECTION_CASE_REFUSAL_MESSAGES: Record<InspectionCaseRefusal, string> = {
  not_completed: '检查记录完成后方可立案',
  nothing_found: '该检查未发现不符合项，不能据此立案',
};

/**
 * A case is opened on a completed inspection that found something (a failed item), or on an
 * enforcement inspection (its violations need not be checklist items).
 */
export function inspectionCaseRefusal(i: { status: 'draft' | 'completed'; failedCount: number; type: InspectionType }): InspectionCaseRefusal | null {
  if (i.status !== 'completed') return 'not_completed';
  return i.failedCount > 0 || i.type === 'enforcement' ? null : 'nothing_found';
}

/** 立案 offered on an inspection: to the roles that run cases, on an inspection that may open one. */
export const mayOpenCaseOnInspection = (role: Role, i: Parameters<typeof inspectionCaseRefusal>[0]): boolean =>
  CASE_EDITOR_ROLES.includes(role) && inspectionCaseRefusal(i) === null;

export interface CaseActorTie {
  role: Role;
  /** The enterprise of the case is in the actor's data scope. */
  enterpriseInScope: boolean;
  /** The actor's unit handles the case. */
  isHandlingUnit: boolean;
}

/**
 * The office and admins run any case of an enterprise in their region; a department runs the
 * cases its own unit handles (another department's case on a shared enterprise is read-only).
 */
export function mayRunCase(t: CaseActorTie): boolean {
  if (!CASE_EDITOR_ROLES.includes(t.role)) return false;
  return t.role === 'department' ? t.isHandlingUnit : t.enterpriseInScope;
}

/** The actions offered now; a decided case is executed when it has measures, else closed (the guards of enforcement.ts). */
export function caseAllowedActions(t: CaseActorTie, c: { status: CaseStatus; published: boolean; measureCount: number }): CaseAllowedAction[] {
  if (!mayRunCase(t)) return [];
  const out: CaseAllowedAction[] = CASE_ACTIONS.filter((a) => {
    if (CASE_TRANSITIONS[c.status][a] === undefined) return false;
    if (c.status === 'decided' && a === 'execute') return c.measureCount > 0;
    if (c.status === 'decided' && a === 'close') return c.measureCount === 0;
    return true;
  });
  if (c.published) out.push('unpublish');
  else if (PUBLISHABLE_STATUSES.includes(c.status)) out.push('publish');
  out.push('attach');
  return out;
}
