// The audit log in words people use: what each recorded action and kind of record is called.
// Shared by the web (the 审计日志 page) and the server (its search matches these names), so a
// search for 「作废」 finds what the page shows as 作废单位.
import { CASE_ALLOWED_ACTIONS, CASE_SIDE_ACTION_LABELS } from '../domain/enforcement/case-policy.ts';
import { CASE_ACTION_LABELS } from '../domain/enforcement/enforcement.ts';
import { HAZARD_WORKFLOW_ACTIONS, HAZARD_WORKFLOW_ACTION_LABELS } from './hazards.ts';

/** Every action on a hazard is audited as hazard.<action>: named as its button is. */
const HAZARD_ACTION_AUDIT_LABELS = Object.fromEntries(HAZARD_WORKFLOW_ACTIONS.map((a) => [`hazard.${a}`, HAZARD_WORKFLOW_ACTION_LABELS[a]]));

/** Every action on a case is audited as case.<action>: named as its button is. */
const CASE_ACTION_AUDIT_LABELS = Object.fromEntries(
  CASE_ALLOWED_ACTIONS.map((a) => [`case.${a}`, ({ ...CASE_ACTION_LABELS, ...CASE_SIDE_ACTION_LABELS } as Record<string, string>)[a]!]),
);

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.locked': '登录锁定',
  'auth.password_changed': '修改密码',
  'enterprise.create': '新增单位',
  'enterprise.update': '修改单位',
  'enterprise.void': '作废单位',
  'enterprise.import_create': '导入新增单位',
  'enterprise.import_update': '导入更新单位',
  'demo.seed': '载入演示数据',
  'user.create': '新增用户',
  'user.update': '修改用户',
  'user.reset_password': '重置密码',
  'user.unlock': '解除登录锁定',
  'unit.create': '新增组织单元',
  'unit.update': '修改组织单元',
  'sector.create': '新增行业领域',
  'sector.update': '修改行业领域',
  'file.upload': '上传文件',
  'hazard.create': '报告隐患',
  'hazard.import': '导入隐患',
  ...HAZARD_ACTION_AUDIT_LABELS,
  'hazard_criterion.create': '新增判定依据',
  'hazard_criterion.update': '修改判定依据',
  'checklist.create': '新建检查表',
  'checklist.publish': '发布检查表新版本',
  'checklist.import': '导入检查表',
  'checklist.load_builtin': '载入内置检查表',
  'checklist.update_builtin': '更新内置检查表',
  'checklist.retire': '停用检查表',
  'checklist.reactivate': '重新启用检查表',
  'work_calendar.set_year': '设置全年节假日',
  'work_calendar.put_day': '设置节假日/调休',
  'work_calendar.delete_day': '删除节假日/调休',
  'inspection.create': '开始检查',
  'inspection.update': '修改检查信息',
  'inspection.answer': '填写检查项',
  'inspection.sign': '检查人员签名',
  'inspection.complete': '完成检查',
  'inspection.discard': '删除检查草稿',
  'self_inspection_schedule.create': '设置日周月自查',
  'self_inspection_schedule.update': '修改日周月自查',
  'inspection_plan.create': '新建检查计划',
  'inspection_plan.update': '修改检查计划',
  'inspection_plan.add_entries': '添加计划单位',
  'inspection_plan.remove_entry': '移除计划单位',
  'case.create': '立案',
  ...CASE_ACTION_AUDIT_LABELS,
  'accountability.create': '登记问责',
  'accountability.update': '修改问责',
  'safety_activity.create': '登记演练/培训',
  'safety_activity.verify': '核实演练/培训',
  'safety_activity.void': '作废演练/培训记录',
  'drill_requirement.update': '修改演练/培训频次要求',
  'technical_inspector.create': '登记技术检查员',
  'technical_inspector.update': '修改技术检查员',
  'technical_inspector.end': '技术检查员离任',
  'technical_inspector.void': '作废技术检查员记录',
  'leadership_activity.create': '登记领导活动',
  'leadership_activity.update': '修改领导活动',
  'leadership_activity.void': '作废领导活动',
  'leadership_requirement.create': '添加领导活动频次要求',
  'leadership_requirement.update': '修改领导活动频次要求',
  'leadership_requirement.void': '删除领导活动频次要求',
  'publicity_record.create': '登记宣传/曝光',
  'publicity_record.update': '修改宣传/曝光',
  'publicity_record.void': '作废宣传/曝光记录',
  'campaign.create': '新建专项行动',
  'campaign.update': '修改专项行动',
  'campaign.publish': '发布专项行动',
  'campaign_task.create': '添加任务',
  'campaign_task.update': '修改任务',
  'campaign_task.void': '作废任务',
  'campaign_task.reorder': '调整任务顺序',
  'campaign_task.import': '导入工作清单',
  'unit_alias.save': '保存单位简称',
  'progress_report.file': '报送落实情况',
  'progress_report.confirm': '确认落实情况',
  'progress_report.return': '退回落实情况',
  'supervision_group.create': '设立督导工作组',
  'supervision_group.update': '修改督导工作组',
  'supervision_visit.create': '登记督导检查',
  'supervision_finding.create': '督导检查发现问题',
  'supervision_finding.answer': '报送督导问题整改情况',
  'supervision_finding.accept': '验收督导问题',
  'supervision_finding.return': '退回督导问题整改',
  'occurrence.acknowledge': '签收任务',
  'occurrence.urge': '催办',
  'report_form.attach': '添加报表',
  'report_form.edit': '修改报表',
  'report_submission.save': '保存报表',
  'report_submission.submit': '提交报表',
  'report_submission.approve': '审核报表',
  'report_submission.return': '退回报表',
  'report_submission.excuse': '报表免报',
  'report_submission.reopen': '重新开放报表',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  user: '用户',
  enterprise: '生产经营单位',
  unit: '组织单元',
  sector: '行业领域',
  hazard: '隐患',
  file: '文件',
  hazard_criterion: '判定依据',
  checklist_template: '检查表',
  work_calendar: '工作日历',
  inspection: '检查记录',
  self_inspection_schedule: '日周月自查',
  inspection_plan: '检查计划',
  enforcement_case: '执法案件',
  accountability: '问责记录',
  technical_inspector: '技术检查员',
  leadership_activity: '领导活动',
  leadership_requirement: '领导活动频次要求',
  publicity_record: '宣传/曝光记录',
  safety_activity: '演练/培训记录',
  drill_requirement: '演练/培训频次要求',
  supervision_group: '督导工作组',
  supervision_visit: '督导检查',
  supervision_finding: '督导问题',
  campaign: '专项行动',
  campaign_task: '专项行动任务',
  progress_report: '工作落实情况',
  unit_alias: '单位简称',
  report_template: '报表',
  report_submission: '报表填报',
};

/** An action's name; one the list does not know keeps its code (nothing recorded is hidden). */
export const auditActionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? action;
export const auditEntityLabel = (entityType: string): string => AUDIT_ENTITY_LABELS[entityType] ?? entityType;

const named = (labels: Record<string, string>, q: string) =>
  Object.entries(labels).filter(([, label]) => label.includes(q)).map(([code]) => code);

/** The actions and kinds of record whose name contains `q` (the search by name). */
export function auditCodesNamed(q: string): { actions: string[]; entityTypes: string[] } {
  const text = q.trim();
  if (!text) return { actions: [], entityTypes: [] };
  return { actions: named(AUDIT_ACTION_LABELS, text), entityTypes: named(AUDIT_ENTITY_LABELS, text) };
}
