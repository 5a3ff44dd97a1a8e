// Names of what can be done to a hazard, shared by the ledger (buttons, modals, timeline)
// and the audit log (hazard.<action>). The loop's actions are the domain's own labels.
import type { HAZARD_WORKFLOW_ACTIONS } from '../../contract/hazards.ts';
import { HAZARD_ACTION_LABELS } from '../../domain/hazards/hazard-machine.ts';
import type { HazardSideAction } from '../../domain/hazards/hazard-policy.ts';

/** An action a person takes on a hazard through its action endpoint (what allowedActions offers, but 立案). */
export type AllowedAction = (typeof HAZARD_WORKFLOW_ACTIONS)[number];

/** Side actions (no state change) have no label in the domain; these are theirs. */
export const SIDE_ACTION_LABELS: Record<HazardSideAction, string> = {
  request_extension: '申请延期',
  decide_extension: '审批延期',
  transfer: '移送',
  decide_transfer: '接收/退回移送',
  list: '挂牌督办',
  record_dual_report: '记录双报告',
  edit: '修改隐患信息',
};

/** Every workflow action a user may take on a hazard, by name. */
export const ACTION_LABELS: Record<AllowedAction, string> = {
  ...(HAZARD_ACTION_LABELS as Record<Exclude<AllowedAction, HazardSideAction>, string>),
  ...SIDE_ACTION_LABELS,
};
