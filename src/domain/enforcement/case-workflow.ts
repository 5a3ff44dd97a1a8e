// The enforcement case (执法案件) as a workflow-kernel definition: the transitions and guard of
// enforcement.ts, the side actions (publish as 典型执法案例, withdraw it, attach documents) as
// self-loops, who may act, and what a case awaits from its handling unit.
import { defineWorkflow } from '../workflow/workflow.ts';
import {
  CASE_ACTIONS, CASE_REFUSAL_MESSAGES, CASE_STATUSES, CASE_TRANSITIONS, type CaseActionInput, type CaseFacts, type CaseRefusal,
  type CaseStatus, caseGuard,
} from './enforcement.ts';
import { can } from '../access/permissions.ts';
import type { Role } from '../access/roles.ts';

export const CASE_SIDE_ACTIONS = ['publish', 'unpublish', 'attach'] as const;
export type CaseSideAction = (typeof CASE_SIDE_ACTIONS)[number];
export const CASE_ALLOWED_ACTIONS = [...CASE_ACTIONS, ...CASE_SIDE_ACTIONS] as const;
export type CaseAllowedAction = (typeof CASE_ALLOWED_ACTIONS)[number];

/** A case is published as 典型执法案例 only once a decision exists. */
export const PUBLISHABLE_STATUSES: readonly CaseStatus[] = ['decided', 'executing', 'closed'];
export const PUBLISH_REFUSAL_MESSAGE = '作出处理决定后方可公布为典型执法案例';


/**
 * An actor's ties to a case:
 * - handlingDepartment: a department member of the unit that handles it;
 * - regionOffice: 安委办 or an admin whose scope holds the case's enterprise;
 * - handlingUnit: a member of the handling unit, of a role that runs cases (who owes its next step).
 */
export const CASE_RELATIONS = ['handlingDepartment', 'regionOffice', 'handlingUnit'] as const;
export type CaseRelation = (typeof CASE_RELATIONS)[number];

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
export function caseRelations(t: CaseActorTie): CaseRelation[] {
  if (!can(t.role, 'run:case')) return [];
  const out: CaseRelation[] = [];
  if (t.role === 'department' && t.isHandlingUnit) out.push('handlingDepartment');
  if (t.role !== 'department' && t.enterpriseInScope) out.push('regionOffice');
  if (t.isHandlingUnit && out.length > 0) out.push('handlingUnit');
  return out;
}

export interface CaseWorkflowFacts extends CaseFacts {
  published: boolean;
}

export type CaseWorkflowInput = CaseActionInput | { action: CaseSideAction };
export type CaseWorkflowRefusal = Exclude<CaseRefusal, 'not_in_state'> | 'not_publishable' | 'already_published' | 'not_published';

const EVERY_STATE = Object.fromEntries(CASE_STATUSES.map((s) => [s, s])) as Record<CaseStatus, CaseStatus>;
function transitionsWithSideActions(): Record<CaseStatus, Partial<Record<CaseAllowedAction, CaseStatus>>> {
  const out = {} as Record<CaseStatus, Partial<Record<CaseAllowedAction, CaseStatus>>>;
  // Publishing is possible in any state: before a decision its guard explains why not.
  for (const s of CASE_STATUSES) out[s] = { ...CASE_TRANSITIONS[s], publish: EVERY_STATE[s], unpublish: EVERY_STATE[s], attach: EVERY_STATE[s] };
  return out;
}

const RUNNERS: readonly CaseRelation[] = ['handlingDepartment', 'regionOffice'];
const DUTY = { by: ['handlingUnit'] as const };
const hasMeasures = (f: CaseWorkflowFacts) => f.measures.length > 0;

export const caseWorkflow = defineWorkflow<CaseStatus, CaseAllowedAction, CaseWorkflowFacts, CaseRelation, CaseWorkflowInput, CaseWorkflowRefusal>({
  entity: 'enforcement_case',
  states: CASE_STATUSES,
  actions: CASE_ALLOWED_ACTIONS,
  relations: CASE_RELATIONS,
  transitions: transitionsWithSideActions(),
  guard: (f, input) => {
    switch (input.action) {
      case 'publish':
        if (f.published) return 'already_published';
        return PUBLISHABLE_STATUSES.includes(f.status) ? null : 'not_publishable';
      case 'unpublish':
        return f.published ? null : 'not_published';
      case 'attach':
        return null;
      default:
        return caseGuard(f, input) as Exclude<CaseRefusal, 'not_in_state'> | null;
    }
  },
  refusalMessages: {
    ...CASE_REFUSAL_MESSAGES, not_publishable: PUBLISH_REFUSAL_MESSAGE, already_published: '该案件已公布为典型执法案例', not_published: '该案件尚未公布',
  },
  permits: {
    investigate: { by: RUNNERS, duty: DUTY },
    decide: { by: RUNNERS, duty: DUTY },
    // A decided case is executed when it has measures, else closed (the guards explain a wrong choice).
    execute: { by: RUNNERS, offerWhen: (f) => f.status !== 'decided' || hasMeasures(f), duty: DUTY },
    close: { by: RUNNERS, offerWhen: (f) => f.status !== 'decided' || !hasMeasures(f), duty: DUTY },
    publish: { by: RUNNERS, offerWhen: (f) => !f.published && PUBLISHABLE_STATUSES.includes(f.status) },
    unpublish: { by: RUNNERS, offerWhen: (f) => f.published },
    attach: { by: RUNNERS },
  },
});
