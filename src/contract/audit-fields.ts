// The fields of audited records in words people use, and the coded values among them (statuses,
// kinds, roles…) by their Chinese names. The audit trail keeps the records' own field names and
// codes (that is what is hashed); these say what they mean. Shared by the web (the 审计日志 page)
// and its tests, which check every column of every audited table has a name here.
import { GROUP_PERSON_ROLE_LABELS } from './supervision.ts';
import { ROLE_LABELS, UNIT_KIND_LABELS } from '../domain/access/roles.ts';
import { CHECKLIST_AUDIENCE_LABELS, CHECK_METHOD_LABELS, CONFORMITY_RESULT_LABELS, RESPONSE_TYPE_LABELS } from '../domain/checklists/checklist.ts';
import { CASE_STATUS_LABELS, MEASURE_KIND_LABELS } from '../domain/enforcement/enforcement.ts';
import { ENTERPRISE_KIND_LABELS, ENTERPRISE_STATUS_LABELS, RISK_GRADE_LABELS, VENUE_TYPE_LABELS } from '../domain/enterprises/enterprise-rules.ts';
import { HAZARD_LEVEL_LABELS, HAZARD_SOURCE_LABELS, HAZARD_STATUS_LABELS } from '../domain/hazards/hazard-machine.ts';
import { INSPECTION_METHOD_TAG_LABELS, INSPECTION_TYPE_LABELS } from '../domain/inspections/inspection-rules.ts';
import { ACTIVITY_KIND_LABELS, ACTIVITY_LEVEL_LABELS, LEADER_POST_LABELS } from '../domain/supervision/leadership.ts';
import { ACTIVITY_CATEGORY_LABELS, ACTIVITY_KIND_LABELS as SAFETY_ACTIVITY_KIND_LABELS } from '../domain/drills/drill-requirement.ts';
import { ISO_WEEKDAY_LABELS } from '../domain/schedules/self-inspection-schedule.ts';
import { PUBLICITY_CHANNEL_LABELS, PUBLICITY_KIND_LABELS } from '../domain/publicity/publicity.ts';
import { INSPECTOR_EMPLOYMENT_LABELS } from '../domain/supervision/leadership.ts';
import { ACCOUNTABILITY_KIND_LABELS, ACCOUNTABILITY_TARGET_TYPE_LABELS } from './accountability.ts';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from './audit-labels.ts';
import { CALENDAR_DAY_KIND_LABELS } from './checklists.ts';
import { LISTING_LEVEL_LABELS } from './hazards.ts';
import { INSPECTION_STATUS_LABELS } from './inspections.ts';

/** Fields not shown: the record's own id and district are what the entry is about already. */
export const AUDIT_HIDDEN_FIELDS: readonly string[] = ['id', 'districtId'];

/** A field's name wherever it occurs (a kind of record may say otherwise, below). */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  // common
  id: '编号', districtId: '所属区/县', townshipId: '所属镇/乡/街道', villageId: '所在村/社区', enterpriseId: '生产经营单位',
  unitId: '所属单位', parentId: '上级单位', sectorId: '行业领域', sectorIds: '行业领域', name: '名称', kind: '类型', type: '类型',
  status: '状态', active: '启用', sortOrder: '排序', code: '代码', number: '编号', title: '标题', note: '备注', reason: '原因',
  description: '说明', documentNo: '文书编号', version: '版本号', createdAt: '创建时间', updatedAt: '更新时间', createdBy: '创建人',
  action: '操作', via: '方式', year: '年度', month: '月份', day: '日期', days: '日期', text: '内容', comment: '备注', meta: '附加信息',
  // accounts and sign-in
  username: '用户名', displayName: '姓名', phone: '手机号', role: '角色', enforcementCertificateNo: '行政执法证号',
  mustChangePassword: '须修改密码', failedLoginCount: '自上次登录以来失败次数', lastLoginAt: '最后登录时间',
  lastFailedLoginAt: '最近一次登录失败时间', lastFailedLoginAddress: '最近一次登录失败的地址', ip: '来源地址', address: '地址',
  failures: '连续失败次数', lockedUntil: '锁定至', locks: '解除的锁定', failuresSinceLastLogin: '自上次登录以来失败次数',
  passwordChangedAt: '密码设置时间', totpEnabledAt: '双因素认证启用时间', totpLastStep: '最近一次动态验证码时段',
  totpRequiredForStaff: '管理员和安委办须启用双因素认证', passwordMaxAgeDays: '密码有效期（天；0为永不过期，空为系统默认）', secondFactor: '第二因素', recoveryCodes: '恢复码个数', left: '剩余恢复码',
  endedSessions: '结束的其他会话数', device: '设备', current: '当前会话', expired: '密码已过期', method: '请求方法', path: '请求地址',
  message: '提示', purgedRows: '清理条数', firstSeq: '保留的第一条序号', cutoff: '清理此时间之前的记录', retentionDays: '保留天数',
  // enterprises
  uscc: '统一社会信用代码', venueType: '场所类型', employeeCount: '从业人数', principalName: '主要负责人', principalPhone: '主要负责人电话',
  safetyManagerName: '安全管理人员', safetyManagerPhone: '安全管理人员电话', riskGrade: '风险等级', isKey: '重点监管', isHighRisk: '高危行业',
  voidedAt: '作废时间', voidReason: '作废原因', voidedBy: '作废人',
  // hazards
  hazardId: '隐患', hazardIds: '生成的隐患', source: '来源', foundAt: '发现时间', foundByUserId: '发现人', foundByUnitId: '发现单位',
  location: '位置', category: '类别', level: '隐患等级', criterion: '判定依据', fixedOnSpot: '即查即改', responsibleUnitId: '责任单位',
  dueDate: '整改期限', acceptedAt: '受理时间', acceptedBy: '受理人', rectificationNote: '整改情况', rectifiedAt: '整改完成时间', rectifiedBy: '整改完成报告人',
  closedAt: '销号时间', verifiedBy: '验收人', verifierName: '验收人签名', signatureHash: '签名校验值', listingLevel: '挂牌督办级别',
  transferCount: '移送次数', pendingTransferId: '待接收的移送', pendingExtensionId: '待审批的延期', reopenCount: '重新整改次数',
  inspectionItemKey: '检查项', beforePhotoIds: '整改前照片',
  // inspections
  inspectionId: '检查记录', methodTags: '检查方式', inspectedOn: '检查日期', templateVersionId: '检查表版本', templateCode: '检查表',
  templateVersion: '检查表版本号', periodKey: '自查周期', planEntryId: '计划条目', summary: '检查情况', failedCount: '不符合项数', leaderLed: '领导带队', failedItemKeys: '不符合项',
  representativeName: '被检查单位负责人', representativeRefusalNote: '拒签说明', representativeSignedAt: '负责人签名时间',
  signedPayload: '签名内容', completedAt: '完成时间', completedBy: '完成人', inspectors: '检查人员', answers: '检查项填写',
  itemKey: '检查项', result: '检查结果', photoIds: '照片', hazardDraft: '隐患草稿', representative: '被检查单位负责人签名',
  refusalNote: '拒签说明',
  // checklists and the work calendar
  audience: '适用对象', currentVersion: '当前版本', template: '检查表', versionId: '版本', content: '检查表内容', added: '新增检查项',
  removed: '删除检查项', changed: '修改检查项', infoChanged: '基本信息有变化', groups: '检查内容', items: '检查项', key: '检查项编号',
  requirement: '检查要求', howToCheck: '排查要点及方式', checkMethods: '检查方法', responseType: '结果类型', photoRequired: '须拍照',
  unit: '计量单位', question: '检查问题', finding: '发现问题表述', answerLabels: '回答文字', templateId: '检查表', itemCount: '检查项数', publishedBy: '发布人', updatedBy: '填写人',
  // 日周月 schedules
  dailyTemplateCode: '日检查表', weeklyTemplateCode: '周检查表', monthlyTemplateCode: '月检查表', daily: '日检查表', weekly: '周检查表',
  monthly: '月检查表', workOnWeekends: '周末照常上班', holidays: '休息日', extraWorkdays: '额外工作日', weeklyDueWeekday: '周自查截止',
  monthlyDueDay: '月自查截止日', startsOn: '开始日期',
  // plans
  planId: '检查计划', inspectionType: '检查类型',
  // enforcement cases
  facts: '违法事实', filedOn: '立案日期', decidedOn: '决定日期', noPenaltyReason: '不予处罚理由', closedOn: '结案日期', closeNote: '结案说明',
  fineOnEnterpriseFen: '对单位罚款', fineOnPrincipalFen: '对主要负责人罚款', published: '公布为典型案例', publishedAt: '公布时间',
  publicationSummary: '案例摘要', dangerousOperationCrime: '涉危险作业罪', caseId: '执法案件', personCount: '人数', executedOn: '执行日期',
  // accountability
  targetType: '对象类型', targetName: '对象', targetUnitId: '对象单位', position: '职务', measure: '处理措施', accident: '事故',
  decidedBy: '决定机关',
  // files
  ownerType: '所属记录类型', ownerId: '所属记录', purpose: '用途', mime: '文件格式', size: '大小（字节）', sha256: '校验值',
  originalName: '文件名', storageKey: '存储位置', uploadedBy: '上传人',
  // supervision: groups, visits, findings, leaders' activities, technical inspectors
  people: '组长和成员', departments: '联系部门', villages: '联系村/社区', campaignId: '专项行动', leaderPost: '领导职务',
  publicReportId: '群众举报', supervisionVisitId: '督导检查', groupId: '督导工作组', visitId: '督导检查', visitedOn: '督导日期', memberUserIds: '参加人员', methods: '督导方式',
  measures: '整改措施', answeredAt: '报送整改时间', answeredBy: '报送整改人', returnReason: '退回原因', closedBy: '销号人',
  heldOn: '活动日期', topic: '主题', place: '地点', leaders: '参加领导', leaderUserIds: '参加领导', taskIds: '相关任务', posts: '领导职务',
  kinds: '活动类型', frequencyText: '频次要求', taskId: '任务', label: '名称', employment: '专职/兼职', fromDate: '起始日期', toDate: '截止日期',
  certificates: '证书', userId: '账号',
  // drills and training (应急演练 / 安全培训)
  participants: '参加人数', createdByUnitId: '登记单位', byEnterprise: '企业自行登记', verifiedAt: '核实时间', verifiedByUnitId: '核实单位',
  drillNormal: '演练次数（一般）', drillHighRisk: '演练次数（高危）', trainingNormal: '培训次数（一般）', trainingHighRisk: '培训次数（高危）',
  // publicity (宣传/曝光)
  channel: '播出/刊发渠道', mainstream: '主流媒体', outlet: '媒体名称', publishedOn: '播出/刊发日期', endsOn: '结束日期', link: '链接',
  enterpriseIds: '被曝光单位', fileIds: '附件',
  // import mappings (导入列对应)
  mapping: '列与取值的对应', 'mapping.columns': '列对应', 'mapping.values': '取值对应', 'mapping.defaults': '统一填写',
  // fields of a nested record, by parent field
  'representative.name': '姓名', 'people.name': '姓名', 'locks.address': '来源地址', 'template.name': '检查表名称',
  'answerLabels.conform': '符合时', 'answerLabels.nonconform': '不符合时', 'answerLabels.not_applicable': '不适用时',
};

/** Where a kind of record calls a field otherwise. */
const ENTITY_FIELD_LABELS: Record<string, Record<string, string>> = {
  unit: { code: '隐患编号前缀', sectorIds: '监管行业领域' },
  enterprise: { address: '地址', kind: '单位类型' },
  user: { unitId: '所在单位', address: '来源地址' },
  hazard: { description: '隐患描述', unitId: '单位' },
  checklist_template: { code: '检查表代码', description: '说明', source: '依据', publishedAt: '发布时间' },
  work_calendar: { kind: '类别' },
  import_mapping: { kind: '导入类别', updatedBy: '修改人' },
  enforcement_case: { unitId: '办案单位', title: '案件名称' },
  inspection: { unitId: '检查单位', type: '检查类型', number: '检查编号' },
  inspection_plan: { unitId: '制定单位', name: '计划名称', isKey: '重点企业' },
  hazard_criterion: { text: '判定依据' },
  file: { kind: '文件类别' },
  technical_inspector: { name: '姓名', unitId: '所在单位', toDate: '离任日期', note: '备注' },
  safety_activity: { heldOn: '日期', content: '内容', unitId: '受训单位', enterpriseId: '生产经营单位', verifiedBy: '核实人' },
  leadership_activity: { level: '级别', unitId: '登记单位', enterpriseId: '到访企业', hazardIds: '相关隐患', summary: '活动情况', fileIds: '附件' },
  publicity_record: { unitId: '登记单位', townshipId: '所属镇/乡/街道（空为区级）', title: '标题', summary: '内容摘要' },
};

/** A field's name in a record of `entityType`; `parent` names the field a nested record is the value of. */
export function auditFieldLabel(entityType: string, field: string, parent?: string): string {
  const nested = parent === undefined ? undefined : AUDIT_FIELD_LABELS[`${parent}.${field}`];
  return nested ?? ENTITY_FIELD_LABELS[entityType]?.[field] ?? AUDIT_FIELD_LABELS[field] ?? field;
}

type Labels = Readonly<Record<string | number, string>>;
const FILE_KIND_LABELS: Labels = { photo: '照片', document: '文件' };
const FILE_PURPOSE_LABELS: Labels = {
  before: '整改前照片', after: '整改后照片', plan: '整改方案', evidence: '证据', report: '报告', inspection: '检查记录', case: '案件文书',
};
const VIA_LABELS: Labels = { 'admin:create': '命令行创建（npm run admin:create）' };

/** The names of coded values, by field, wherever it occurs. */
const FIELD_VALUE_LABELS: Record<string, Labels> = {
  role: ROLE_LABELS, venueType: VENUE_TYPE_LABELS, riskGrade: RISK_GRADE_LABELS, level: HAZARD_LEVEL_LABELS, source: HAZARD_SOURCE_LABELS,
  listingLevel: LISTING_LEVEL_LABELS, methodTags: INSPECTION_METHOD_TAG_LABELS, inspectionType: INSPECTION_TYPE_LABELS,
  result: CONFORMITY_RESULT_LABELS, audience: CHECKLIST_AUDIENCE_LABELS, checkMethods: CHECK_METHOD_LABELS, responseType: RESPONSE_TYPE_LABELS,
  targetType: ACCOUNTABILITY_TARGET_TYPE_LABELS, weeklyDueWeekday: ISO_WEEKDAY_LABELS, purpose: FILE_PURPOSE_LABELS, via: VIA_LABELS,
  ownerType: AUDIT_ENTITY_LABELS, employment: INSPECTOR_EMPLOYMENT_LABELS, leaderPost: LEADER_POST_LABELS, posts: LEADER_POST_LABELS,
  secondFactor: { totp: '动态验证码', recovery_code: '恢复码' },
};

/** …and where the same field name holds another kind of record's codes. */
const ENTITY_VALUE_LABELS: Record<string, Record<string, Labels>> = {
  unit: { kind: UNIT_KIND_LABELS },
  enterprise: { kind: ENTERPRISE_KIND_LABELS, status: ENTERPRISE_STATUS_LABELS },
  hazard: { status: HAZARD_STATUS_LABELS, action: hazardActionNames() },
  enforcement_case: { status: CASE_STATUS_LABELS, action: caseActionNames(), kind: MEASURE_KIND_LABELS },
  inspection: { type: INSPECTION_TYPE_LABELS, status: INSPECTION_STATUS_LABELS },
  accountability: { kind: ACCOUNTABILITY_KIND_LABELS },
  work_calendar: { kind: CALENDAR_DAY_KIND_LABELS },
  file: { kind: FILE_KIND_LABELS },
  leadership_activity: { kind: ACTIVITY_KIND_LABELS, level: ACTIVITY_LEVEL_LABELS },
  leadership_requirement: { kinds: ACTIVITY_KIND_LABELS },
  safety_activity: { kind: SAFETY_ACTIVITY_KIND_LABELS, category: ACTIVITY_CATEGORY_LABELS },
  publicity_record: { kind: PUBLICITY_KIND_LABELS, channel: PUBLICITY_CHANNEL_LABELS },
  import_mapping: { kind: { enterprises: '生产经营单位', hazards: '隐患台账' } },
  supervision_group: { role: GROUP_PERSON_ROLE_LABELS },
};

/** hazard.<action> → the action's name, keyed by the bare action (an audited action's `after.action`). */
function hazardActionNames(): Labels {
  return actionNames('hazard.');
}
function caseActionNames(): Labels {
  return actionNames('case.');
}
function actionNames(prefix: string): Labels {
  return Object.fromEntries(
    Object.entries(AUDIT_ACTION_LABELS).filter(([code]) => code.startsWith(prefix)).map(([code, label]) => [code.slice(prefix.length), label]),
  );
}

/** The name of a coded value of `field` in a record of `entityType`, or undefined when it is no code. */
export function auditValueLabel(entityType: string, field: string, value: string | number): string | undefined {
  const labels = ENTITY_VALUE_LABELS[entityType]?.[field] ?? FIELD_VALUE_LABELS[field];
  return labels?.[value];
}
