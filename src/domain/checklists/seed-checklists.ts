// The checklists of the seed plans, word for word, as template content (version 1 when stored).
// 大盛 (seed 003): 附件1 自查重点事项清单, 附件2-1 小微企业 and 附件2-2 九小场所 安全生产重点任务提示清单.
// 崇明 (seed 002): the spot-check items of the dispatch form's section 2.
// Cells are copied as they stand, line breaks inside a cell included; only the 崇明 form's
// column headers lose the line breaks of their narrow cells and the count unit （家）.
// seed-checklists.test.ts checks every string against the seed files.
import { ANSWER_LABEL_PRESETS, type ChecklistTemplateContent, checklistItem } from './checklist.ts';

const DASHENG_PLAN = '大盛府发〔2024〕31号';

/** 大盛 附件1: the four 到位 for departments (科室) and villages (村居) to check themselves; 落实情况 is written. */
export const DASHENG_SELF_CHECK: ChecklistTemplateContent = {
  code: 'dasheng-self-check',
  name: '自查重点事项清单',
  audience: 'department_village',
  source: `${DASHENG_PLAN} 附件1`,
  description: null,
  groups: [
    {
      title: '一、工作责任',
      items: [
        '1.抓好辖区内生产经营单位的安全生产监管工作，特别对小微企业、九小场所开展监管执法。',
        '2.结合实际制定安全生产责任清单，细化明确领导干部、内设科室、村居（社区）、网格员安全生产职责。',
        '3.扎实开展有限空间、道路交通运输、电动自行车、“拆窗破网”、城镇燃气油气、再生资源回收、建设施工等重点专项行动。',
        '4.做到年初有方案、每月有研判、年底有考核，跟踪督办、考核问效。梳理并研究解决安全重点难点问题。',
        '5.精心制定本辖区大排查方案，及时动员部署，开展教育培训。',
        '6.督促生产经营单位落实安全生产重点任务提示清单明确的各项工作任务，落实主要负责人、安全分管负责人、安全管理人员和一线从业人员责任，实现常态化规范管理。',
      ].map((content, i) => checklistItem({ key: `responsibility-${i + 1}`, content, responseType: 'text' })),
    },
    {
      title: '二、隐患排查',
      items: [
        '1.对辖区内生产经营单位（特别是小微企业和九小场所）开展“拉网式”大排查，摸清所有监管对象底数，精准实行分级分类管理。',
        '2.及时发现并处置隐患，建立隐患台账。对涉及区级部门直管生产经营单位的隐患及时报告移送。',
        '3.督促指导生产经营单位按要求常态化开展风险辨识管控和“日周月”排查，建立隐患台账，及时报告重大事故隐患。',
      ].map((content, i) => checklistItem({ key: `investigation-${i + 1}`, content, responseType: 'text' })),
    },
    {
      title: '三、问题整改',
      items: [
        '1.督促生产经营单位对排查出的隐患按“五落实”要求进行整改，对不能立即整改的隐患落实管控措施，并按期销号。对已完成整改的隐患开展“回头看”。',
        '2.梳理本区域存在的突出问题隐患，根据整改难易程度纳入“三级”领导挂牌督办。',
      ].map((content, i) => checklistItem({ key: `rectification-${i + 1}`, content, responseType: 'text' })),
    },
    {
      title: '四、执法处罚',
      items: [
        '1.制定年度监督检查计划，且监督检查计划涵盖“一岗双责”科室，严格按计划开展执法检查。',
        '2.将企业主要负责人履职、全员安全生产责任制、风险研判管控和“日周月”隐患排查制度落实等情况作为执法检查的重要内容。',
        '3.对忽视安全生产等突出问题，综合运用罚款、责令停止作业、停产停业等手段，依法依规实施处罚。',
        '4.持续提升执法检查强度、问题查找强度、经济处罚强度。',
      ].map((content, i) => checklistItem({ key: `enforcement-${i + 1}`, content, responseType: 'text' })),
    },
  ],
};

/** One row of a 重点任务提示清单: 主要内容 is the group, 日常管理重点任务清单及要求 the item, 排查要点及方式 how to check. */
function taskRow(key: string, mainContent: string, tasks: string, howToCheck: string) {
  return { title: mainContent, items: [checklistItem({ key, content: tasks, howToCheck, responseType: 'conformity' })] };
}

/** 大盛 附件2-1. The seed's 序号 column reads 11, 22, 33, 44, 65, 66, 77 (doubled digits from the layout): rows 1 to 7. */
export const DASHENG_SMALL_ENTERPRISE: ChecklistTemplateContent = {
  code: 'dasheng-small-enterprise',
  name: '小微企业安全生产重点任务提示清单',
  audience: 'enterprise_small',
  source: `${DASHENG_PLAN} 附件2-1`,
  description: null,
  groups: [
    taskRow(
      'responsibility-system',
      '全员安全生产责任制',
      '1.配备具备一定管理能力的专兼职安全管理人员；\n2.制定年度安全生产计划，按制度规定召开安全会；\n3.建立全员安全生产责任制目标考核奖惩制度，定岗位、定人员、定责任，签订安全生产目标责任书并严格考核。',
      '问主要负责人和安全管理人员；查考核制度和责任落实情况。',
    ),
    taskRow(
      'rules-and-procedures',
      '规章制度和操作规程',
      '4.制定并落实规章制度（安全技术管理、设备设施管理、安全生产教育、安全风险分级管控和隐患排查治理、劳动防护用品管理等）和操作规程。',
      '查制度建立情况，是否切合企业实际，问员工操作规程。',
    ),
    taskRow(
      'training',
      '教育和培训计划',
      '5.制定年度安全生产教育和培训计划，组织好教育和培训，员工掌握安全生产知识、规章制度和操作规程、本岗位的安全操作技能、安全防护、事故应急处理措施等；如实记录安全生产教育和培训情况；经安全培训合格后方可上岗。',
      '查培训计划和内容，问从业人员是否掌握',
    ),
    taskRow(
      'safety-investment',
      '安全生产投入',
      '6.投入安全生产费用，保障安全设施建设、安全设备购置、安全设备维护保养、人员教育培训、劳动保护和应急演练等资金投入。',
      '问经费投入情况，看设施设备、培训、劳保等维护情况。',
    ),
    taskRow(
      'risk-and-hazard',
      '风险分级管控和隐患排查治理',
      '7.定期组织开展安全生产风险辨识、风险评估、风险分级、分级管控，督促落实重大、较大危险源的安全管理措施。\n8.推动安全隐患检查“日周月”排查（班组每天1次、车间每周1次、厂长每月最少1次），发现隐患立即整改和管控。\n9.在岗位醒目位置张贴风险告知卡、岗位操作卡、应急处置卡，一线员工知风险、懂操作、会应急。\n10.制止和纠正违章指挥、强令冒险作业、违反操作规程的行为。\n11.每月检查安全生产，及时排查隐患，提出改进安全生产管理的建议，督促落实安全生产整改措施。',
      '查风险辨识台账及管控措施；查“日周月”排查及整改记录；看风险卡、操作卡、处置卡是否管用并张贴；问作业人员是否知风险、懂操作、会应急；查现场是否有违规操作行为和安全隐患。',
    ),
    taskRow(
      'emergency-rescue',
      '安全事故应急救援',
      '12.编制安全事故应急救援预案，及时发布到班组和员工，每年组织1次应急救援预案培训和综合应急演练。',
      '查预案编制、培训和演练资料，并现场问是否掌握。',
    ),
    taskRow(
      'outsourcing-special-work',
      '委外和特种作业',
      '13.从事电工、登高、动火动焊、有限空间等作业人员，必须取得相应特种作业操作证并按要求规范作业；动火动焊、有限空间作业实行作业票审批。',
      '看现场、查证件、问作业要点',
    ),
  ],
};

/** 大盛 附件2-2 (its column reads 检查要点及方式). 开展风险评辨识 and the space before ，看警示标志 are the seed's own. */
export const DASHENG_SMALL_VENUE: ChecklistTemplateContent = {
  code: 'dasheng-small-venue',
  name: '九小场所安全生产重点任务提示清单',
  audience: 'small_venue',
  source: `${DASHENG_PLAN} 附件2-2`,
  description: null,
  groups: [
    taskRow('safety-manager', '落实安全管理人员', '1.业主自己或明确1名专兼职安全管理人员。', '问业主或安全管理人员'),
    taskRow(
      'risk-identification',
      '开展风险评辨识',
      '2.对经营场所进行安全风险辨识和研判，对重大或较大的风险点位和设备进行登记，建立风险台账，并设置明显的安全警示标志，并重点加以管控。',
      '查风险辨识台账等是否登记 ，看警示标志',
    ),
    taskRow(
      'post-responsibility',
      '落实岗位责任',
      '3.在高风险岗位的醒目位置，张贴风险告知卡、岗位操作卡、应急处置卡，一线员工知风险、懂操作、会应急。',
      '看风险卡、操作卡、处置卡、隐患登记卡是否管用并张贴，问作业人员是否掌握',
    ),
    taskRow(
      'training',
      '安全培训和教育',
      '4.新进员工经安全培训合格后方可上岗，每月开展作业人员的安全教育。',
      '查培训主要内容，问从业人员是否掌握',
    ),
    taskRow(
      'hazard-investigation',
      '安全隐患排查',
      '5.安全管理人员要督促各岗位作业人员每天排查安全隐患，发现隐患和异常立即报告，并建立隐患台账，及时整改和管控。',
      '看隐患台账，问作业人员是怎么做的，现场检查安全隐患',
    ),
    taskRow('emergency-response', '应急处置', '6.编制安全事故应急救援预案，告知各岗位员工，每年定期开展演练。', '查措施，问员工是否演练'),
    taskRow(
      'outsourcing-special-work',
      '委外和特种作业',
      '7.从事电工、登高、动火动焊、有限空间等作业人员，必须取得相应特种作业操作证并按要求规范作业；动火动焊、有限空间作业实行作业票审批。',
      '看现场、查证件、问作业要点',
    ),
  ],
};

/**
 * One 崇明 spot-check item. The content is the form's column header word for word, and it is
 * worded as the finding that counts an enterprise in that column, so the item asks whether the
 * finding holds: "是否存在“…”的情形？", answered 否 (conform) or 是 (nonconform: the finding, which
 * the drafted hazard's description starts with; the content is the finding, so `finding` stays null).
 */
function spotCheckItem(i: { key: string; content: string; requirement: string; howToCheck?: string; checkMethods?: ('ask' | 'records' | 'look')[] }) {
  return checklistItem({ ...i, question: `是否存在“${i.content}”的情形？`, answerLabels: ANSWER_LABEL_PRESETS.finding_yes });
}

/**
 * 崇明 dispatch form, section 2 (对企业自查自改进行抽查检查情况), rows 2 to 8: each item is the
 * column header word for word, phrased as the finding that counts an enterprise in that column,
 * so 是 (stored as nonconform) means the finding holds. The requirement is the plan's clause
 * (seed 002, 三.(一)1 to 5); how to check is the form's note 2 where it gives one.
 */
export const CHONGMING_SPOT_CHECK: ChecklistTemplateContent = {
  code: 'chongming-spot-check',
  name: '对企业自查自改进行抽查检查情况',
  audience: 'spot_check',
  source: '上海市崇明区重大事故隐患专项排查整治2023行动进展情况调度表',
  description: '各项为调度表栏目原文，按“是否存在该情形”提问；抽查发现企业存在该情形的答“是”（记为不符合），计入调度表该栏（家）。',
  groups: [
    {
      title: '对企业自查自改进行抽查检查情况',
      items: [
        spotCheckItem({
          key: 'principal-study',
          content: '企业主要负责人未按要求亲自研究排查整治工作',
          requirement: '企业主要负责人要学习研究本行业领域重大事故隐患判定标准或重点检查事项，组织研究部署开展对标对表自查自改；组织建立企业重大事故隐患台账清单，实行闭环管理。',
        }),
        spotCheckItem({
          key: 'principal-led-inspection',
          content: '企业主要负责人未带队检查',
          requirement: '专项行动期间，主要负责人每季度要带队对本单位重大事故隐患排查整治情况至少开展1次检查（高危行业领域企业每月至少1次）。',
        }),
        spotCheckItem({
          key: 'deputy-duty-list',
          content: '企业未制定分管负责人职责清单',
          requirement: '突出管理团队安全责任落实，组织制定企业各分管负责人安全生产职责清单和本次专项行动工作清单',
        }),
        spotCheckItem({
          key: 'safety-management',
          content: '企业未依法建立安全管理机构和配足安全管理人员',
          requirement: '按规定设置安全生产管理机构或者配备专兼职安全生产管理人员',
        }),
        spotCheckItem({
          key: 'special-work-certificates',
          content: '电焊等特种作业岗位人员无证上岗作业',
          requirement: '严禁聘用和招请未经安全培训合格、未取得相关证书的人员在特种作业岗位上岗作业，明确“谁招请无证人员，谁负责任”的管理制度。',
          howToCheck: '既要通过现场检查发现问题，也要通过对企业动火等特种作业存单进行检查核实来发现问题',
          // The note names the methods in other words: 现场检查 (look), 存单…检查核实 (records).
          checkMethods: ['records', 'look'],
        }),
        spotCheckItem({
          key: 'outsourcing',
          content: '外包外租安全管理混乱',
          requirement: '企业主要负责人要针对本企业生产经营项目和场所外包外租（包括委托、合作等类似方式）情况组织开展1次全面排查，重点检查是否存在承包承租方不具备安全生产条件或者相应资质以及双方未签订安全生产协议、安全生产管理职责不清等问题，不符合法律法规规定的要坚决依法处理',
          howToCheck: '外包外租管理混乱，是指符合以下情形之一的：承包承租方不具备安全生产条件、未取得相应资质，双方未签订安全生产协议，安全生产管理职责不清，未纳入本企业统一管理。',
        }),
        spotCheckItem({
          key: 'drill-and-escape',
          content: '未按规定开展应急演练、员工不熟悉逃生出口',
          requirement: '企业主要负责人要根据本行业领域事故特点，组织开展1次事故应急救援预案演练（高危行业领域企业每半年至少1次），特别要让全体从业人员熟知安全逃生出口（或避灾路线），切实提高从业人员应急避险意识。',
        }),
      ],
    },
  ],
};

export const SEED_CHECKLISTS: readonly ChecklistTemplateContent[] = [
  DASHENG_SELF_CHECK,
  DASHENG_SMALL_ENTERPRISE,
  DASHENG_SMALL_VENUE,
  CHONGMING_SPOT_CHECK,
];
