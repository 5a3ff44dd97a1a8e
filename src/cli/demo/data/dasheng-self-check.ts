// Seed 003 (大盛镇全镇秋冬季安全生产大排查行动方案, 2024), 附件1 自查重点事项清单: what each department and
// village checks of its own work, 15 items in four groups, in the plan's wording. The plan merges the 检查事项 cell
// over its items; here each item carries its group. Its 落实情况 and 备注 columns are blank in the plan.

export interface SelfCheckSeed {
  group: string;
  content: string;
}

export const DASHENG_SELF_CHECK_TITLE = '自查重点事项清单';

const G1 = '一、工作责任';
const G2 = '二、隐患排查';
const G3 = '三、问题整改';
const G4 = '四、执法处罚';

export const DASHENG_SELF_CHECK: readonly SelfCheckSeed[] = [
  { group: G1, content: '1.抓好辖区内生产经营单位的安全生产监管工作，特别对小微企业、九小场所开展监管执法。' },
  { group: G1, content: '2.结合实际制定安全生产责任清单，细化明确领导干部、内设科室、村居（社区）、网格员安全生产职责。' },
  { group: G1, content: '3.扎实开展有限空间、道路交通运输、电动自行车、“拆窗破网”、城镇燃气油气、再生资源回收、建设施工等重点专项行动。' },
  { group: G1, content: '4.做到年初有方案、每月有研判、年底有考核，跟踪督办、考核问效。梳理并研究解决安全重点难点问题。' },
  { group: G1, content: '5.精心制定本辖区大排查方案，及时动员部署，开展教育培训。' },
  { group: G1, content: '6.督促生产经营单位落实安全生产重点任务提示清单明确的各项工作任务，落实主要负责人、安全分管负责人、安全管理人员和一线从业人员责任，实现常态化规范管理。' },
  { group: G2, content: '1.对辖区内生产经营单位（特别是小微企业和九小场所）开展“拉网式”大排查，摸清所有监管对象底数，精准实行分级分类管理。' },
  { group: G2, content: '2.及时发现并处置隐患，建立隐患台账。对涉及区级部门直管生产经营单位的隐患及时报告移送。' },
  { group: G2, content: '3.督促指导生产经营单位按要求常态化开展风险辨识管控和“日周月”排查，建立隐患台账，及时报告重大事故隐患。' },
  { group: G3, content: '1.督促生产经营单位对排查出的隐患按“五落实”要求进行整改，对不能立即整改的隐患落实管控措施，并按期销号。对已完成整改的隐患开展“回头看”。' },
  { group: G3, content: '2.梳理本区域存在的突出问题隐患，根据整改难易程度纳入“三级”领导挂牌督办。' },
  { group: G4, content: '1.制定年度监督检查计划，且监督检查计划涵盖“一岗双责”科室，严格按计划开展执法检查。' },
  { group: G4, content: '2.将企业主要负责人履职、全员安全生产责任制、风险研判管控和“日周月”隐患排查制度落实等情况作为执法检查的重要内容。' },
  { group: G4, content: '3.对忽视安全生产等突出问题，综合运用罚款、责令停止作业、停产停业等手段，依法依规实施处罚。' },
  { group: G4, content: '4.持续提升执法检查强度、问题查找强度、经济处罚强度。' },
];
