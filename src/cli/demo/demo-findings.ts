// What an inspector writes when a checklist item is answered 不符合: the 情况说明 that becomes the
// hazard's description, where, and what is to be done. Keyed by template code and item key. The
// items that ask for 现场安全隐患 (附件2-1 risk-and-hazard, 附件2-2 hazard-investigation) take a
// site hazard from the hazard demo's items instead (demo-inspections.ts).

export interface FindingText {
  description: string;
  location: string;
  fix: string;
  /** Can be put right during the visit (即查即改). */
  spot?: boolean;
}

const OFFICE = '办公室';

const SMALL_ENTERPRISE: Record<string, readonly FindingText[]> = {
  'responsibility-system': [
    { description: '未签订全员安全生产目标责任书，安全生产责任制未考核', location: OFFICE, fix: '逐级签订安全生产目标责任书，建立考核奖惩制度并按季度考核' },
    { description: '未明确专兼职安全管理人员，安全生产工作无人负责', location: OFFICE, fix: '书面任命专兼职安全管理人员，明确职责' },
    { description: '本年度未召开安全生产会议，无会议记录', location: OFFICE, fix: '制定年度安全生产计划，按制度召开安全生产会议并做好记录' },
  ],
  'rules-and-procedures': [
    { description: '岗位安全操作规程缺失，员工不清楚操作要求', location: '生产车间', fix: '按岗位编制安全操作规程，张贴上墙并组织学习' },
    { description: '安全管理制度照搬范本，与企业实际不符', location: OFFICE, fix: '结合企业实际修订安全管理制度，经主要负责人签发后执行' },
  ],
  training: [
    { description: '新进员工未经安全培训即上岗，培训记录缺失', location: OFFICE, fix: '对新进员工补开展岗前安全培训，考核合格后上岗，建立培训档案' },
    { description: '未制定年度安全教育培训计划，员工不掌握本岗位应急处置措施', location: OFFICE, fix: '制定年度培训计划，组织全员安全培训和考核' },
  ],
  'safety-investment': [
    { description: '未按规定投入安全生产费用，劳动防护用品配备不足', location: '生产车间', fix: '足额投入安全生产费用，为员工配齐合格劳动防护用品，建立费用台账' },
    { description: '安全设施维护保养无记录，部分防护装置损坏未修复', location: '生产车间', fix: '修复损坏的防护装置，建立设备设施维护保养记录' },
  ],
  'risk-and-hazard': [
    { description: '“日周月”隐患排查记录不全，近一个月仅有零星排查记录', location: OFFICE, fix: '落实班组日查、车间周查、厂长月查，如实记录并及时整改' },
    { description: '岗位未张贴风险告知卡、岗位操作卡、应急处置卡', location: '生产车间', fix: '在岗位醒目位置张贴“三卡”，组织员工学习', spot: true },
  ],
  'emergency-rescue': [
    { description: '未编制生产安全事故应急救援预案，本年度未开展应急演练', location: OFFICE, fix: '编制应急救援预案并发布到班组，组织一次综合应急演练' },
    { description: '应急预案未发放到班组，员工不熟悉应急处置程序', location: '生产车间', fix: '将应急预案发放到班组并组织培训' },
  ],
  'outsourcing-special-work': [
    { description: '动火作业未办理作业票审批，现场无监护人员', location: '生产车间', fix: '停止违规动火，落实动火作业票审批和现场监护' },
    { description: '电工无特种作业操作证从事电气维修作业', location: '配电房', fix: '停止无证人员作业，安排持证电工作业，组织取证培训' },
    { description: '外包维修单位未签订安全生产管理协议', location: OFFICE, fix: '与外包单位签订安全生产管理协议，明确双方安全职责' },
  ],
};

const SMALL_VENUE: Record<string, readonly FindingText[]> = {
  'safety-manager': [
    { description: '未明确安全管理人员，业主不清楚安全管理职责', location: '经营场所', fix: '明确业主本人或1名专兼职安全管理人员负责安全工作' },
  ],
  'risk-identification': [
    { description: '未开展风险辨识，未建立风险台账，重点部位无安全警示标志', location: '经营场所', fix: '开展风险辨识，建立风险台账，重点部位设置安全警示标志' },
    { description: '燃气使用点、配电箱等风险点位未设置警示标志', location: '经营场所', fix: '在风险点位设置警示标志', spot: true },
  ],
  'post-responsibility': [
    { description: '高风险岗位未张贴风险告知卡、岗位操作卡、应急处置卡', location: '经营场所', fix: '在高风险岗位醒目位置张贴“三卡”并组织员工学习', spot: true },
  ],
  training: [
    { description: '新进员工未经安全培训即上岗，本月未开展安全教育', location: '经营场所', fix: '组织新进员工岗前培训，每月开展安全教育并记录' },
  ],
  'hazard-investigation': [
    { description: '未建立隐患台账，每日安全检查未落实', location: '经营场所', fix: '建立隐患台账，落实每日安全检查并记录' },
  ],
  'emergency-response': [
    { description: '未编制应急处置措施，员工未参加过疏散演练', location: '经营场所', fix: '编制应急处置措施，组织员工开展疏散演练' },
  ],
  'outsourcing-special-work': [
    { description: '电气线路维修由无电工证人员实施', location: '经营场所', fix: '停止无证人员作业，委托持证电工维修' },
  ],
};

/** 崇明 spot-check: each item is itself the finding, with the detail an inspector adds. */
const SPOT_CHECK: Record<string, readonly FindingText[]> = {
  'principal-study': [
    { description: '企业主要负责人未按要求亲自研究排查整治工作，未组织建立重大事故隐患台账清单', location: OFFICE, fix: '主要负责人组织学习判定标准，研究部署自查自改，建立重大事故隐患台账清单' },
  ],
  'principal-led-inspection': [
    { description: '企业主要负责人本季度未带队开展隐患排查检查', location: OFFICE, fix: '主要负责人按要求每季度至少带队检查1次并留存记录' },
  ],
  'deputy-duty-list': [
    { description: '企业未制定分管负责人安全生产职责清单和专项行动工作清单', location: OFFICE, fix: '制定各分管负责人安全生产职责清单和专项行动工作清单' },
  ],
  'safety-management': [
    { description: '企业未依法建立安全管理机构，安全管理人员配备不足', location: OFFICE, fix: '按规定设置安全生产管理机构或配足专兼职安全管理人员' },
  ],
  'special-work-certificates': [
    { description: '电焊作业人员无证上岗作业，动火作业存单无审批记录', location: '焊接工位', fix: '停止无证人员作业，落实持证上岗和动火作业审批' },
  ],
  outsourcing: [
    { description: '外包外租安全管理混乱，与承租方未签订安全生产协议，未纳入统一管理', location: '出租厂房', fix: '与承包承租方签订安全生产协议，纳入本企业统一管理并定期检查' },
  ],
  'drill-and-escape': [
    { description: '未按规定开展应急演练，员工不熟悉安全逃生出口', location: '生产车间', fix: '组织事故应急救援预案演练，让全体从业人员熟知逃生出口和避灾路线' },
  ],
};

export const FINDING_TEXTS: Record<string, Record<string, readonly FindingText[]>> = {
  'dasheng-small-enterprise': SMALL_ENTERPRISE,
  'dasheng-small-venue': SMALL_VENUE,
  'chongming-spot-check': SPOT_CHECK,
};

/** Items whose failure is a hazard on site (taken from the hazard demo's items). */
export const SITE_HAZARD_ITEMS: Record<string, string> = {
  'dasheng-small-enterprise': 'risk-and-hazard',
  'dasheng-small-venue': 'hazard-investigation',
};
