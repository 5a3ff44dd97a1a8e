// Names of what can happen to a hazard, for buttons, modals and the timeline.
import type { REPORT_KINDS, REPORT_RECIPIENTS } from '../../../../contract/hazards.ts';
import { ACTION_LABELS, type AllowedAction } from '../../../components/hazard-action-labels.ts';

export { ACTION_LABELS, type AllowedAction };

export const REPORT_KIND_LABELS = { discovery: '发现报告', rectification: '整改报告' } as const;
export const REPORT_RECIPIENT_LABELS = { department: '监管部门', government: '属地政府' } as const;

/** Values the page may preset in an action's form, e.g. the 双报告 cell that was clicked. */
export type ActionPreset = Partial<{ kind: (typeof REPORT_KINDS)[number]; recipient: (typeof REPORT_RECIPIENTS)[number] }>;

/** Short labels for the buttons. */
export const ACTION_BUTTON_LABELS: Record<AllowedAction, string> = {
  submit_plan: '五落实方案',
  accept: '审核同意方案',
  report_rectification: '报告整改完成',
  verify_pass: '验收销号',
  verify_fail: '验收不通过',
  recheck_pass: '回头看通过',
  recheck_reopen: '回头看重新整改',
  void: '作废',
  request_extension: '申请延期',
  decide_extension: '审批延期',
  transfer: '移送',
  decide_transfer: '处理移送',
  list: '挂牌督办',
  record_dual_report: '记录双报告',
  edit: '修改',
};

/** The loop's next steps first, then side actions, destructive ones last. */
export const ACTION_ORDER: AllowedAction[] = [
  'accept', 'submit_plan', 'report_rectification', 'verify_pass', 'verify_fail', 'recheck_pass', 'recheck_reopen',
  'decide_transfer', 'decide_extension', 'request_extension', 'transfer', 'record_dual_report', 'list', 'edit', 'void',
];

export const PRIMARY_ACTIONS: ReadonlySet<AllowedAction> = new Set(['accept', 'report_rectification', 'verify_pass', 'recheck_pass', 'decide_transfer', 'decide_extension']);
export const DANGER_ACTIONS: ReadonlySet<AllowedAction> = new Set(['verify_fail', 'recheck_reopen', 'void']);

/** Timeline labels: every action, plus what the system records on its own. */
const EVENT_LABELS: Record<string, string> = {
  ...ACTION_LABELS,
  start_rectification: '进入整改',
  create: '报告隐患',
  created: '报告隐患',
  report: '报告隐患',
  fixed_on_spot: '即查即改',
  submit_plan: '提交五落实整改方案',
  revise_plan: '修改五落实整改方案',
  request_extension: '申请延期',
  approve_extension: '同意延期',
  reject_extension: '不同意延期',
  decide_extension: '审批延期',
  transfer: '移送',
  accept_transfer: '接收移送',
  return_transfer: '退回移送',
  decide_transfer: '处理移送',
  list: '挂牌督办',
  record_dual_report: '记录双报告',
  dual_report: '记录双报告',
  edit: '修改隐患信息',
  import: '历史台账导入',
};

export function eventLabel(action: string): string {
  return EVENT_LABELS[action] ?? action;
}
