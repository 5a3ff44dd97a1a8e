// The 工作台: what awaits a person, as kinds of item with their Chinese headings. Each area adds
// its kinds here and a source on the server; the home page groups items by kind in this order.
import type { Role } from '../access/roles.ts';
import type { HazardWorkflowAction } from '../hazards/hazard-workflow.ts';

export const WORKBENCH_KINDS = [
  'self_inspection_today',
  'hazard_transfer', 'hazard_verify', 'hazard_plan_review', 'hazard_extension', 'hazard_plan', 'hazard_rectify', 'hazard_transfer_returned',
  'inspection_sign', 'inspection_draft', 'plan_entry',
  'campaign_report', 'campaign_review', 'report_fill', 'report_review',
  'finding_answer', 'finding_accept', 'group_open_findings', 'leadership_due',
  'overdue_by_unit', 'due_this_week_by_unit', 'listed_hazard',
  'inspection_found', 'covered_unit', 'drill_due',
  'tip_triage', 'reward_approve', 'reward_pay',
] as const;
export type WorkbenchKind = (typeof WORKBENCH_KINDS)[number];

export const WORKBENCH_KIND_LABELS: Record<WorkbenchKind, string> = {
  self_inspection_today: '今日自查',
  hazard_transfer: '移交待接收',
  hazard_verify: '整改完成待验收',
  hazard_plan_review: '整改方案待审核',
  hazard_extension: '延期申请待审批',
  hazard_plan: '待制定整改方案',
  hazard_rectify: '整改中，待报告完成',
  hazard_transfer_returned: '移交被退回',
  inspection_sign: '检查记录待我签名',
  inspection_draft: '我未完成的检查',
  plan_entry: '本月计划检查',
  campaign_report: '专项行动任务待报送',
  campaign_review: '落实情况待确认',
  report_fill: '报表待填报',
  report_review: '报表待审核',
  finding_answer: '督导问题待整改',
  finding_accept: '督导问题整改待验收',
  group_open_findings: '督导单位未销号问题',
  leadership_due: '本期应开展的领导活动',
  overdue_by_unit: '逾期隐患（按单位）',
  due_this_week_by_unit: '本周到期隐患（按单位）',
  listed_hazard: '挂牌督办隐患',
  inspection_found: '近期检查发现的问题',
  covered_unit: '督导单位',
  drill_due: '演练/培训待完成',
  tip_triage: '群众举报待核查',
  reward_approve: '举报奖励待审批',
  reward_pay: '举报奖励待发放',
};

/** The 工作台 item a hazard's awaited action makes (the first that applies, in the loop's order). */
const HAZARD_DUTY_KIND: Partial<Record<HazardWorkflowAction, WorkbenchKind>> = {
  decide_transfer: 'hazard_transfer',
  verify_pass: 'hazard_verify',
  accept: 'hazard_plan_review',
  decide_extension: 'hazard_extension',
  submit_plan: 'hazard_plan',
  report_rectification: 'hazard_rectify',
};
const DUTY_ORDER = Object.keys(HAZARD_DUTY_KIND) as HazardWorkflowAction[];

export function hazardDutyKind(awaitedOfMe: readonly HazardWorkflowAction[]): WorkbenchKind | null {
  const a = DUTY_ORDER.find((d) => awaitedOfMe.includes(d));
  return a ? HAZARD_DUTY_KIND[a]! : null;
}

/** The key figures a role sees on its 工作台 (the leader's, and the office's). */
export const shows = {
  figures: (role: Role) => role === 'leader' || role === 'office' || role === 'admin',
  overviewByUnit: (role: Role) => role === 'office' || role === 'admin',
  listed: (role: Role) => role === 'office' || role === 'admin' || role === 'leader',
  coveredUnits: (role: Role) => role === 'supervision_group',
};

/** At most this many items of a kind are listed; the total says how many there are. */
export const ITEMS_PER_KIND = 20;
