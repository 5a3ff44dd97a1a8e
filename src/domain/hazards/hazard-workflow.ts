// The hazard's closed loop as a workflow-kernel definition: the state machine of
// hazard-machine.ts (its table and guard), the side actions that do not move it (extension,
// transfer, listing, 双报告, edit) as self-loops in the states they are possible in, who may take
// each action by relation, and what the loop awaits from whom (the 工作台's to-dos).
import { defineWorkflow } from '../workflow/workflow.ts';
import {
  HAZARD_ACTIONS, HAZARD_REFUSAL_MESSAGES, HAZARD_STATUSES, HAZARD_TRANSITIONS, type HazardAction, type HazardActionInput, type HazardFacts,
  type HazardRefusal, type HazardStatus, OPEN_HAZARD_STATUSES, hazardGuard,
} from './hazard-machine.ts';
import type { Role } from '../access/roles.ts';

/** Side actions that do not move the state machine but are guarded by state and role. */
export const HAZARD_SIDE_ACTIONS = [
  'request_extension', 'decide_extension', 'transfer', 'decide_transfer', 'list', 'record_dual_report', 'edit',
] as const;
export type HazardSideAction = (typeof HAZARD_SIDE_ACTIONS)[number];
export type HazardWorkflowAction = HazardAction | HazardSideAction;
/** What a person may be offered (start_rectification is the system's). */
export type HazardAllowedAction = Exclude<HazardAction, 'start_rectification'> | HazardSideAction;

/**
 * An actor's ties to a hazard:
 * - supervisor: 安委办 or an admin of the region (supervises everything in scope);
 * - responsibleUnit: a village or department member of the unit responsible for it now;
 * - responsibleDepartment: the same, a department (accepts a major hazard's plan);
 * - ownEnterprise: a user of the hazard's enterprise (the rectifying side, never the verifying one);
 * - transferTarget: a member of the unit a pending transfer is addressed to;
 * - verifyingSide: supervisor or responsible unit, and not the hazard's own enterprise;
 * - independentVerifier: the verifying side, and not the person who reported the rectification
 *   done (or fixed it on the spot): nobody closes a hazard alone.
 */
export const HAZARD_RELATIONS = [
  'supervisor', 'responsibleUnit', 'responsibleDepartment', 'ownEnterprise', 'transferTarget', 'verifyingSide', 'independentVerifier',
] as const;
export type HazardRelation = (typeof HAZARD_RELATIONS)[number];

/** The facts the loop and its side actions decide on. */
export interface HazardWorkflowFacts extends HazardFacts {
  pendingExtension: boolean;
  pendingTransfer: boolean;
}

export type HazardWorkflowInput = HazardActionInput | { action: HazardSideAction };

/** How the server sees the actor against one hazard (computed from the actor and the hazard's rows). */
export interface HazardActorTie {
  role: Role;
  /** The actor is an enterprise user of the hazard's enterprise. */
  isOwnEnterprise: boolean;
  /** The actor belongs to the unit currently responsible for supervising the hazard. */
  isResponsibleUnit: boolean;
  /** The actor belongs to the unit a pending transfer is addressed to. */
  isTransferTarget: boolean;
  /** The actor is who reported the rectification done (or fixed it on the spot). */
  reportedRectification: boolean;
}

/** The relations an actor holds to a hazard. Leaders and supervision groups only read the ledger. */
export function hazardRelations(t: HazardActorTie): HazardRelation[] {
  if (t.role === 'leader' || t.role === 'supervision_group') return [];
  // An enterprise user's unit is its village, never the supervising side.
  if (t.role === 'enterprise') return t.isOwnEnterprise ? ['ownEnterprise'] : [];
  const out: HazardRelation[] = [];
  if (t.isOwnEnterprise) out.push('ownEnterprise');
  if (t.role === 'office' || t.role === 'admin') out.push('supervisor');
  if (t.isResponsibleUnit && (t.role === 'village' || t.role === 'department')) {
    out.push('responsibleUnit');
    if (t.role === 'department') out.push('responsibleDepartment');
  }
  // The hazard's own enterprise never verifies or closes it, whatever else it is.
  if ((out.includes('supervisor') || out.includes('responsibleUnit')) && !t.isOwnEnterprise) {
    out.push('verifyingSide');
    if (!t.reportedRectification) out.push('independentVerifier');
  }
  if (t.isTransferTarget) out.push('transferTarget');
  return out;
}

const NOT_VOIDED = HAZARD_STATUSES.filter((s) => s !== 'voided');
const OPEN = OPEN_HAZARD_STATUSES;
const SIDE_ACTION_STATES: Record<HazardSideAction, readonly HazardStatus[]> = {
  request_extension: ['reported', 'rectifying'],
  decide_extension: OPEN,
  transfer: OPEN,
  decide_transfer: OPEN,
  list: NOT_VOIDED,
  record_dual_report: NOT_VOIDED,
  edit: OPEN,
};

/** The machine's table with the side actions as self-loops where they are possible. */
function transitionsWithSideActions(): Record<HazardStatus, Partial<Record<HazardWorkflowAction, HazardStatus>>> {
  const out = {} as Record<HazardStatus, Partial<Record<HazardWorkflowAction, HazardStatus>>>;
  for (const s of HAZARD_STATUSES) {
    const row: Partial<Record<HazardWorkflowAction, HazardStatus>> = { ...HAZARD_TRANSITIONS[s] };
    for (const a of HAZARD_SIDE_ACTIONS) if (SIDE_ACTION_STATES[a].includes(s)) row[a] = s;
    out[s] = row;
  }
  return out;
}

const RECTIFYING_SIDE: readonly HazardRelation[] = ['ownEnterprise', 'responsibleUnit', 'supervisor'];
const SUPERVISING_SIDE: readonly HazardRelation[] = ['verifyingSide'];
const RECTIFIERS: readonly HazardRelation[] = ['ownEnterprise', 'responsibleUnit'];
const major = (f: HazardWorkflowFacts) => f.level === 'major';

export const hazardWorkflow = defineWorkflow<HazardStatus, HazardWorkflowAction, HazardWorkflowFacts, HazardRelation, HazardWorkflowInput, Exclude<HazardRefusal, 'not_in_state'>>({
  entity: 'hazard',
  states: HAZARD_STATUSES,
  actions: [...HAZARD_ACTIONS, ...HAZARD_SIDE_ACTIONS],
  relations: HAZARD_RELATIONS,
  transitions: transitionsWithSideActions(),
  guard: (f, input) => {
    if ((HAZARD_SIDE_ACTIONS as readonly string[]).includes(input.action)) return null; // their rules need the request's values: the handlers'
    return hazardGuard(f, input as HazardActionInput) as Exclude<HazardRefusal, 'not_in_state'> | null;
  },
  refusalMessages: HAZARD_REFUSAL_MESSAGES,
  permits: {
    // A pending transfer freezes the plan until the receiving unit has decided.
    // Owed by the enterprise and its unit: the office may step in, but is not who is waited on.
    submit_plan: { by: RECTIFYING_SIDE, when: (f) => !f.pendingTransfer, duty: { when: (f) => f.status === 'reported' && !f.hasPlan, by: RECTIFIERS } },
    // A major hazard's plan is accepted by the supervising department (or the office), not a village.
    accept: { by: ['responsibleDepartment', 'supervisor'], when: (f) => major(f) && !f.accepted, duty: { when: (f) => f.hasPlan } },
    report_rectification: { by: RECTIFYING_SIDE, duty: { by: RECTIFIERS } },
    // The enterprise never verifies or closes its own hazard, nor does whoever reported it rectified.
    verify_pass: { by: ['independentVerifier'], duty: {} },
    verify_fail: { by: ['independentVerifier'] },
    recheck_pass: { by: SUPERVISING_SIDE },
    recheck_reopen: { by: SUPERVISING_SIDE },
    void: { by: SUPERVISING_SIDE },
    request_extension: { by: RECTIFYING_SIDE, when: (f) => !f.pendingExtension },
    decide_extension: { by: SUPERVISING_SIDE, when: (f) => f.pendingExtension, duty: {} },
    transfer: { by: ['responsibleUnit'], when: (f) => !f.pendingTransfer },
    decide_transfer: { by: ['transferTarget'], when: (f) => f.pendingTransfer, duty: {} },
    list: { by: ['supervisor'], when: major },
    record_dual_report: { by: RECTIFYING_SIDE, when: major },
    edit: { by: SUPERVISING_SIDE },
  },
  // Rectification starts by itself once a plan is on record (and, for a major hazard, accepted).
  automatic: [{ action: 'start_rectification', after: ['submit_plan', 'accept', 'edit'] }],
});
