// Who may do what to a hazard: role × relation to the hazard × state, read from the workflow
// definition (hazard-workflow.ts). The server computes allowedActions with it and enforces it; the
// UI only renders what it is given.
import { allowedActions } from '../workflow/workflow.ts';
import type { HazardSource, HazardStatus } from './hazard-machine.ts';
import {
  type HazardActorTie, type HazardAllowedAction, type HazardSideAction, HAZARD_SIDE_ACTIONS, hazardRelations, hazardWorkflow,
} from './hazard-workflow.ts';
import type { Role } from '../access/roles.ts';
import { can } from '../access/permissions.ts';

export { HAZARD_SIDE_ACTIONS };
export type { HazardAllowedAction, HazardSideAction };
export type HazardActorRelation = HazardActorTie;

/** Side actions (no state change) have no label in the state machine; these are theirs. */
export const HAZARD_SIDE_ACTION_LABELS: Record<HazardSideAction, string> = {
  request_extension: '申请延期',
  decide_extension: '审批延期',
  transfer: '移送',
  decide_transfer: '接收/退回移送',
  list: '挂牌督办',
  record_dual_report: '记录双报告',
  edit: '修改隐患信息',
};

export interface HazardPolicyFacts {
  status: HazardStatus;
  level: 'general' | 'major';
  accepted: boolean;
  pendingExtension: boolean;
  pendingTransfer: boolean;
}


/** Everyone but a leader may report a hazard (a leader's account is read-only). */
export const mayReportHazard = (role: Role): boolean => can(role, 'create:hazard');
/** 导入历史隐患台账: the units that kept a ledger before (an enterprise reports, it does not import). */
export const mayImportHazards = (role: Role): boolean => can(role, 'import:hazard');
/** 判定依据 maintenance: the district's list is the office's. */
export const mayEditHazardCriteria = (role: Role): boolean => can(role, 'manage:hazard_criteria');

/** The source a new report starts with: what a role usually finds (the reporter may change it, but an enterprise). */
export function defaultHazardSource(role: Role): HazardSource | undefined {
  const defaults: Partial<Record<Role, HazardSource>> = { village: 'village', department: 'department', enterprise: 'self_inspection', supervision_group: 'supervision' };
  return defaults[role];
}

/** An enterprise reports only what its own self-inspection found; others choose the source. */
export function hazardSourceRefusal(role: Role, source: string): string | null {
  return role === 'enterprise' && source !== 'self_inspection' ? '企业只能报告自查发现的隐患' : null;
}

/** The actions offered to an actor now (what the plan and the 双报告 hold does not change the offer). */
export function hazardAllowedActions(a: HazardActorRelation, h: HazardPolicyFacts): HazardAllowedAction[] {
  const facts = { ...h, hasPlan: false, discoveryReportedToDepartment: false, discoveryReportedToGovernment: false };
  return allowedActions(hazardWorkflow, facts, hazardRelations(a)) as HazardAllowedAction[];
}
