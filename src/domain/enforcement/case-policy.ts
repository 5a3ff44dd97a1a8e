// Who may do what with one enforcement case, from the role, the actor's tie to the case and its
// state. The transitions themselves are enforcement.ts; this adds the side actions (publish as
// 典型执法案例, attach documents) and says which of all of them the actor may take now.
// Pure: the server enforces it and sends the list; the web only shows what it is given.
import { allowedActions } from '../workflow/workflow.ts';
import {
  CASE_ALLOWED_ACTIONS, CASE_SIDE_ACTIONS, type CaseActorTie, type CaseAllowedAction, PUBLISHABLE_STATUSES, PUBLISH_REFUSAL_MESSAGE,
  caseRelations, caseWorkflow,
} from './case-workflow.ts';
import type { CaseStatus } from './enforcement.ts';
import type { HazardStatus } from '../hazards/hazard-machine.ts';
import { can } from '../access/permissions.ts';
import type { InspectionType } from '../inspections/inspection-rules.ts';
import type { Role } from '../access/roles.ts';

export { CASE_ALLOWED_ACTIONS, CASE_SIDE_ACTIONS, PUBLISHABLE_STATUSES, PUBLISH_REFUSAL_MESSAGE };
export type { CaseActorTie, CaseAllowedAction };

export const CASE_SIDE_ACTION_LABELS: Record<(typeof CASE_SIDE_ACTIONS)[number], string> = {
  publish: '公布为典型案例',
  unpublish: '撤回公布',
  attach: '上传文书',
};

/** A voided hazard (entered twice, or found not to be one) is no violation to file a case on. */
export const hazardOpensCase = (status: HazardStatus): boolean => status !== 'voided';

/** 立案 offered on a hazard: to the roles that run cases, on a hazard that may open one. */
export const mayOpenCaseOnHazard = (role: Role, status: HazardStatus): boolean =>
  can(role, 'run:case') && hazardOpensCase(status);

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
  can(role, 'run:case') && inspectionCaseRefusal(i) === null;

/** Whether the actor runs this case at all (the office and admins in their region, a department its own). */
export const mayRunCase = (t: CaseActorTie): boolean => caseRelations(t).length > 0;

/** The actions offered now; a decided case is executed when it has measures, else closed (the guards of enforcement.ts). */
export function caseAllowedActions(t: CaseActorTie, c: { status: CaseStatus; published: boolean; measureCount: number }): CaseAllowedAction[] {
  const facts = { status: c.status, published: c.published, measures: Array.from({ length: c.measureCount }, () => ({ kind: 'summons' as const })) };
  return allowedActions(caseWorkflow, facts, caseRelations(t));
}
