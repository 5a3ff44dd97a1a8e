// The names the files townships already have give our columns and values: a registry exported
// from 市场监管 (企业名称, 统一社会信用代码, 法定代表人, 住所, 登记状态 存续/在业/注销/吊销), a
// township's own ledger (单位名称, 负责人, 联系电话, 所属村, 所属行业), a hazard ledger (隐患内容,
// 隐患级别, 排查日期, 整改时限, 整改状态). Compared after normalizeText (full-width, spaces,
// brackets and "*" do not matter). Add a name here when a township's file brings a new one.
import { ENTERPRISE_KIND_LABELS, ENTERPRISE_STATUS_LABELS, RISK_GRADE_LABELS, VENUE_TYPE_LABELS } from '../enterprises/enterprise-rules.ts';
import { HAZARD_LEVEL_LABELS, HAZARD_SOURCE_LABELS, HAZARD_STATUS_LABELS } from '../hazards/hazard-machine.ts';

type Pairs = readonly (readonly [string | RegExp, string])[];
const YES_NO = ['是', '否'] as const;
const YES_NO_WORDS: Pairs = [
  ['y', '是'], ['yes', '是'], ['true', '是'], ['1', '是'], ['√', '是'], ['✓', '是'], ['有', '是'], ['重点', '是'], ['高危', '是'],
  ['n', '否'], ['no', '否'], ['false', '否'], ['0', '否'], ['×', '否'], ['无', '否'], ['一般', '否'], ['非重点', '否'], ['非高危', '否'],
];

export const ENTERPRISE_HEADER_SYNONYMS: Record<string, readonly string[]> = {
  name: ['企业名称', '名称', '市场主体名称', '主体名称', '单位', '企业', '商户名称', '店铺名称', '场所名称', '经营者名称', '企业单位名称', '单位全称'],
  uscc: ['社会信用代码', '信用代码', '统一代码', '统一社会信用代码/注册号', '注册号/统一社会信用代码', '注册号', '营业执照号', '组织机构代码'],
  kind: ['类型', '主体类型', '企业类型', '市场主体类型', '单位性质', '企业性质', '单位类别'],
  venueType: ['场所类型', '九小场所类别', '九小场所'],
  address: ['住所', '经营场所', '住所/经营场所', '注册地址', '经营地址', '详细地址', '单位地址', '企业地址', '地点'],
  village: ['村/社区', '所在村', '所属村', '村', '社区', '村居', '所属村居', '所在村居', '所属村/社区', '村社区', '所属社区', '网格'],
  sectors: ['行业', '所属行业', '行业类别', '行业分类', '监管行业', '行业类型', '所属行业领域'],
  employeeCount: ['从业人员', '从业人员数', '员工人数', '职工人数', '员工数', '人数', '从业人员人数'],
  principalName: ['法定代表人', '法定代表人/负责人', '负责人', '法人', '法人代表', '经营者', '负责人姓名', '法定代表人姓名', '主要负责人姓名', '投资人'],
  principalPhone: ['联系电话', '电话', '负责人电话', '负责人联系电话', '联系方式', '手机', '手机号码', '法定代表人电话', '移动电话', '联系电话/手机'],
  safetyManagerName: ['安全员', '安全负责人', '安全管理员', '安全管理人员姓名', '安全管理负责人'],
  safetyManagerPhone: ['安全员电话', '安全管理员电话', '安全负责人电话', '安全管理人员联系电话'],
  riskGrade: ['风险等级', '监管等级', '风险分级', '分级', '风险颜色', '安全风险等级'],
  isKey: ['是否重点', '重点企业', '是否重点监管', '重点监管企业'],
  isHighRisk: ['是否高危', '高危企业', '高危行业'],
  status: ['登记状态', '状态', '企业状态', '经营状况', '营业状态', '企业登记状态'],
};

export const ENTERPRISE_VALUE_SYNONYMS: Record<string, Pairs> = {
  status: [
    ['存续', ENTERPRISE_STATUS_LABELS.operating], ['在业', ENTERPRISE_STATUS_LABELS.operating], ['开业', ENTERPRISE_STATUS_LABELS.operating],
    ['正常', ENTERPRISE_STATUS_LABELS.operating], ['营业', ENTERPRISE_STATUS_LABELS.operating], ['在营业', ENTERPRISE_STATUS_LABELS.operating],
    [/^(存续|在业|开业)/, ENTERPRISE_STATUS_LABELS.operating],
    ['停业', ENTERPRISE_STATUS_LABELS.suspended], ['歇业', ENTERPRISE_STATUS_LABELS.suspended], ['停产', ENTERPRISE_STATUS_LABELS.suspended],
    ['注销', ENTERPRISE_STATUS_LABELS.closed], ['吊销', ENTERPRISE_STATUS_LABELS.closed], ['撤销', ENTERPRISE_STATUS_LABELS.closed],
    ['已注销', ENTERPRISE_STATUS_LABELS.closed], ['迁出', ENTERPRISE_STATUS_LABELS.closed], ['关停', ENTERPRISE_STATUS_LABELS.closed],
    [/^(吊销|注销|撤销)/, ENTERPRISE_STATUS_LABELS.closed],
  ],
  kind: [
    [/个体/, ENTERPRISE_KIND_LABELS.sole_trader],
    // A registry's 企业类型 (有限责任公司（自然人独资）, 农民专业合作社…); a bare 公司 is not one of them.
    [/.(公司|企业|合作社|厂|集团)|合伙|分支机构/, ENTERPRISE_KIND_LABELS.company],
    [/九小/, ENTERPRISE_KIND_LABELS.small_venue],
  ],
  venueType: [
    ['商店', VENUE_TYPE_LABELS.shop], ['餐饮', VENUE_TYPE_LABELS.restaurant], ['旅馆', VENUE_TYPE_LABELS.hotel],
    ['歌舞娱乐', VENUE_TYPE_LABELS.karaoke], ['网吧', VENUE_TYPE_LABELS.internet_cafe], ['美容洗浴', VENUE_TYPE_LABELS.beauty_bath],
    ['生产加工', VENUE_TYPE_LABELS.workshop], ['医疗', VENUE_TYPE_LABELS.clinic], ['学校', VENUE_TYPE_LABELS.school], ['幼儿园', VENUE_TYPE_LABELS.school],
  ],
  riskGrade: [
    [/^红|重大风险/, RISK_GRADE_LABELS.red], [/^橙|较大风险/, RISK_GRADE_LABELS.orange],
    [/^黄|一般风险/, RISK_GRADE_LABELS.yellow], [/^蓝|低风险/, RISK_GRADE_LABELS.blue],
  ],
  isKey: YES_NO_WORDS,
  isHighRisk: YES_NO_WORDS,
};

/**
 * A registry's word for a company that is gone (注销, 撤销, 迁出), as opposed to one shut but still
 * there (关停, 停业) or one whose licence was revoked (吊销, which may still trade unlawfully, the
 * kind of site 打非治违 looks for): the import closes a registered unit with it and creates none.
 */
export const isDeregistration = (registryStatus: string): boolean => /^(?:已)?(?:注销|撤销)|迁出/.test(registryStatus.trim());

export const ENTERPRISE_ENUM_OPTIONS: Record<string, readonly string[]> = {
  kind: Object.values(ENTERPRISE_KIND_LABELS),
  venueType: Object.values(VENUE_TYPE_LABELS),
  riskGrade: Object.values(RISK_GRADE_LABELS),
  isKey: YES_NO,
  isHighRisk: YES_NO,
  status: Object.values(ENTERPRISE_STATUS_LABELS),
};

export const HAZARD_HEADER_SYNONYMS: Record<string, readonly string[]> = {
  originalNumber: ['隐患编号', '编号', '台账编号', '原编号', '隐患台账编号'],
  enterprise: ['企业名称', '生产经营单位', '被检查单位', '检查对象', '单位', '企业', '隐患单位', '存在隐患单位', '受检单位'],
  uscc: ENTERPRISE_HEADER_SYNONYMS.uscc!,
  description: ['隐患内容', '隐患描述', '存在问题', '问题描述', '隐患问题', '主要隐患', '隐患情况', '检查发现问题', '存在的问题', '发现问题', '隐患'],
  location: ['隐患位置', '部位', '位置', '所在部位', '隐患地点', '具体部位', '隐患所在部位'],
  sector: ['行业', '所属行业', '行业类别', '行业分类', '监管行业'],
  category: ['隐患类型', '类别', '隐患分类', '隐患种类'],
  level: ['隐患级别', '等级', '级别', '隐患等级类别'],
  criterion: ['依据', '判定标准', '检查依据', '判定依据条款'],
  source: ['隐患来源', '发现方式', '检查类型', '来源类型', '排查方式'],
  foundOn: ['排查日期', '检查日期', '发现时间', '检查时间', '排查时间', '发现日期/检查日期'],
  status: ['整改状态', '隐患状态', '是否整改', '当前状态', '整改进度', '办理状态'],
  dueDate: ['整改时限', '整改期限日期', '限期整改日期', '完成时限', '整改截止日期', '限期'],
  owner: ['责任人', '整改负责人', '整改责任人姓名'],
  measures: ['措施', '整改方案', '整改措施及方案'],
  funds: ['资金', '整改经费', '投入资金', '整改资金元', '整改资金万元'],
  contingency: ['应急措施', '预案', '应急预案措施'],
  rectificationNote: ['整改结果', '整改完成情况', '整改落实情况'],
  closedOn: ['销号时间', '完成日期', '整改完成日期', '验收日期', '验收时间', '销号日期/完成日期'],
  verifierName: ['验收人员', '复查人', '验收负责人'],
  reportedToDepartment: ['报告监管部门', '是否报告监管部门'],
  reportedToGovernment: ['报告属地政府', '是否报告属地政府'],
};

export const HAZARD_VALUE_SYNONYMS: Record<string, Pairs> = {
  level: [[/^一般/, HAZARD_LEVEL_LABELS.general], [/^重大/, HAZARD_LEVEL_LABELS.major]],
  source: [
    [/自查/, HAZARD_SOURCE_LABELS.self_inspection], [/督导|督查/, HAZARD_SOURCE_LABELS.supervision], [/举报|投诉/, HAZARD_SOURCE_LABELS.public],
    [/交办|上级/, HAZARD_SOURCE_LABELS.assigned], [/村|社区|网格/, HAZARD_SOURCE_LABELS.village],
    [/部门|执法|检查|排查/, HAZARD_SOURCE_LABELS.department],
  ],
  status: [
    ['未整改', HAZARD_STATUS_LABELS.reported], ['待整改', HAZARD_STATUS_LABELS.reported], ['已上报', HAZARD_STATUS_LABELS.reported],
    ['正在整改', HAZARD_STATUS_LABELS.rectifying], ['整改中', HAZARD_STATUS_LABELS.rectifying], ['限期整改', HAZARD_STATUS_LABELS.rectifying],
    ['已整改待验收', HAZARD_STATUS_LABELS.awaiting_verification], ['待复查', HAZARD_STATUS_LABELS.awaiting_verification],
    ['已整改', HAZARD_STATUS_LABELS.closed], ['整改完成', HAZARD_STATUS_LABELS.closed], ['已完成', HAZARD_STATUS_LABELS.closed],
    ['已销号', HAZARD_STATUS_LABELS.closed], ['销号', HAZARD_STATUS_LABELS.closed], ['已验收', HAZARD_STATUS_LABELS.closed],
  ],
  reportedToDepartment: YES_NO_WORDS,
  reportedToGovernment: YES_NO_WORDS,
};

const { voided: _voided, ...IMPORTABLE_STATUS_LABELS } = HAZARD_STATUS_LABELS;
export const HAZARD_ENUM_OPTIONS: Record<string, readonly string[]> = {
  level: Object.values(HAZARD_LEVEL_LABELS),
  source: Object.values(HAZARD_SOURCE_LABELS),
  status: Object.values(IMPORTABLE_STATUS_LABELS),
  reportedToDepartment: YES_NO,
  reportedToGovernment: YES_NO,
};
