// The side menu, from the user's abilities (and, for an enterprise account, its own enterprise):
// an entry shows exactly when the server would answer its page, since both read the one registry.
import {
  AlertOutlined, FireOutlined,
  NotificationOutlined,
  ApartmentOutlined, AuditOutlined, CrownOutlined, BankOutlined, BookOutlined, CalendarOutlined, CarryOutOutlined, DashboardOutlined, FileProtectOutlined, FlagOutlined,
  FileSearchOutlined, HomeOutlined, IdcardOutlined, LockOutlined, ProfileOutlined, ScheduleOutlined, SettingOutlined, ShopOutlined, SolutionOutlined, TagsOutlined,
  SafetyOutlined, SoundOutlined, TeamOutlined, WarningOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import type { TMe } from '../../../contract/auth.ts';
import { userCan } from '../../lib/abilities.ts';
import { paths } from '../paths.ts';

type MenuItem = Required<MenuProps>['items'][number];

export interface NavEntry {
  key: string; // the path it leads to
  label: string;
  icon: ReactNode;
  /** One sentence for the home page's shortcut card (entries without one are menu-only). */
  text?: string;
  children?: NavEntry[];
}

/** The entries of the user's menu, in order; the home page's shortcuts are the same entries. */
export function navEntriesFor(me: TMe): NavEntry[] {
  const can = (p: Parameters<typeof userCan>[1]) => userCan(me, p);
  // An enterprise account works on its own records: the same pages, opened on its enterprise.
  const own = me.enterpriseId;
  const entries: NavEntry[] = [{ key: paths.home, label: '首页', icon: <HomeOutlined /> }];
  if (can('read:dashboard')) {
    entries.push({ key: paths.dashboard, label: '看板', icon: <DashboardOutlined />, text: '隐患发现、整改、销号和逾期情况，按村/社区和行业领域统计' });
  }
  if (can('read:campaign')) {
    entries.push({ key: paths.campaigns.list, label: '专项行动', icon: <FlagOutlined />, text: '专项行动的阶段、工作清单和责任清单，各单位落实情况一览' });
  }
  if (can('report:progress')) {
    entries.push({ key: paths.campaigns.myTasks, label: '我的任务', icon: <CarryOutOutlined />, text: '本单位承担的专项行动任务：签收、报送工作落实情况' });
  }
  if (own) {
    entries.push({ key: paths.enterprises.detail(own), label: '本单位信息', icon: <ShopOutlined />, text: '查看本单位登记信息，更新联系人和从业人数' });
    entries.push({ key: paths.hazards.list, label: '本单位隐患', icon: <WarningOutlined />, text: '自查发现的隐患和监管部门交办的隐患：提交整改方案、报告整改完成' });
  } else {
    entries.push({ key: paths.hazards.list, label: '隐患台账', icon: <WarningOutlined />, text: '隐患报告、整改、验收销号的全过程；逾期、挂牌督办、移送一目了然' });
    entries.push({ key: paths.enterprises.list, label: '生产经营单位', icon: <BankOutlined />, text: '查询、筛选和导出辖区内的生产经营单位；有权限时可新增和导入' });
  }
  entries.push({
    key: paths.inspections.list, label: '检查记录', icon: <FileSearchOutlined />,
    text: own ? '监管部门对本单位的检查和本单位的日周月自查，可下载现场检查记录' : '在手机上逐项填写检查表，不符合项签名后直接生成隐患；可下载现场检查记录',
  });
  entries.push({ key: paths.cases.list, label: '执法案件', icon: <FileProtectOutlined /> });
  // 督导检查: the groups and the office see the groups, visits and findings; a unit the findings sent to it.
  if (can('visit:supervision') || can('manage:supervision_group')) {
    entries.push({
      key: 'supervision', label: '督导检查', icon: <AuditOutlined />,
      children: [
        { key: paths.supervision.groups, label: '督导工作组', icon: <TeamOutlined /> },
        { key: paths.supervision.visits(), label: '督导检查记录', icon: <FileSearchOutlined /> },
        { key: paths.supervision.findings(), label: '问题清单', icon: <ProfileOutlined /> },
      ],
    });
  } else if (can('answer:finding')) {
    entries.push({ key: paths.supervision.findings(), label: '督导问题整改', icon: <AuditOutlined />, text: '督导工作组检查本单位发现的问题：报送整改措施和照片' });
  }
  if (can('read:leadership')) {
    entries.push({ key: paths.leadership.list, label: '领导活动', icon: <CrownOutlined />, text: '党政领导的专题学习、专题会议、听取汇报、调研检查，及专项行动要求的频次落实情况' });
  }
  if (can('read:tip')) entries.push({ key: paths.tips.list(), label: '群众举报', icon: <AlertOutlined />, text: '群众扫码举报的隐患：受理、核查、答复，属实的登记为隐患并给予奖励' });
  // 应急演练 / 安全培训: an enterprise records its own; the authorities see the records, who is behind and their own staff's training.
  if (can('read:drill') && own) {
    entries.push({ key: paths.drills.list, label: '演练培训', icon: <FireOutlined />, text: '登记本单位的应急演练和安全培训，查看本年是否按要求完成' });
  } else if (can('read:drill')) {
    const drills: NavEntry[] = [{ key: paths.drills.list, label: '演练培训记录', icon: <FileSearchOutlined />, text: '生产经营单位的应急演练和安全培训记录：照片、签到表，核实' }];
    if (can('read:drill_compliance')) {
      drills.push({ key: paths.drills.compliance(), label: '完成情况', icon: <ScheduleOutlined />, text: '哪些单位未按规定开展应急演练和安全培训，按村/社区和行业领域查看' });
    }
    drills.push({ key: paths.drills.staff, label: '执法人员培训', icon: <TeamOutlined /> });
    if (can('manage:drill_requirement')) drills.push({ key: paths.drills.requirement, label: '频次要求', icon: <SettingOutlined /> });
    entries.push({ key: 'drills', label: '演练培训', icon: <FireOutlined />, children: drills });
  }
  if (can('read:accountability')) entries.push({ key: paths.accountability.list, label: '问责记录', icon: <SolutionOutlined /> });
  if (can('read:publicity')) entries.push({ key: paths.publicity.list, label: '宣传/曝光', icon: <SoundOutlined />, text: '主流媒体安全生产专题栏目、曝光企业和宣传报道，计入调度表' });
  if (can('read:inspector_roster')) entries.push({ key: paths.inspectorRoster.list, label: '技术检查员', icon: <IdcardOutlined />, text: '专兼职技术检查员名册，按任一日期统计区、乡镇两级在岗人数' });
  // 日周月自查: an enterprise opens its own calendar; those who watch see who is behind.
  if (own) entries.push({ key: paths.selfInspection.enterprise(own), label: '本单位自查', icon: <CalendarOutlined /> });
  else if (can('read:schedule_compliance')) entries.push({ key: paths.selfInspection.list, label: '自查情况', icon: <CalendarOutlined /> });
  if (can('read:plan')) entries.push({ key: paths.plans.list, label: '检查计划', icon: <ScheduleOutlined /> });
  const admin: NavEntry[] = [];
  if (can('manage:org')) {
    admin.push(
      { key: paths.admin.units, label: '组织机构', icon: <ApartmentOutlined />, text: '镇、村/社区和科室站所' },
      { key: paths.admin.sectors, label: '行业领域', icon: <TagsOutlined />, text: '维护行业领域清单和顺序' },
      { key: paths.admin.users, label: '用户管理', icon: <TeamOutlined />, text: '账号、角色、重置密码和解锁' },
      { key: paths.admin.loginLocks, label: '登录锁定', icon: <LockOutlined />, text: '因密码多次输错而在某个网络地址被锁定的账号，可解除' },
    );
  }
  if (can('manage:hazard_criteria')) admin.push({ key: paths.admin.criteria, label: '判定依据', icon: <BookOutlined />, text: '报告重大隐患时可选的标准名称及条款' });
  // 检查表 and 工作日历 are kept by their managers (everyone reads them through their use).
  if (can('manage:checklist')) {
    admin.push(
      { key: paths.checklists.list, label: '检查表', icon: <ProfileOutlined /> },
      { key: paths.workCalendar, label: '工作日历', icon: <CarryOutOutlined /> },
    );
  }
  if (can('manage:notifications')) {
    admin.push({ key: paths.notificationSettings, label: '群消息推送', icon: <NotificationOutlined />, text: '把待办和逾期提醒推送到政务微信/企业微信工作群' });
  }
  if (admin.length) entries.push({ key: 'admin', label: '系统管理', icon: <SettingOutlined />, children: admin });
  if (can('read:audit')) entries.push({ key: paths.audit, label: '审计日志', icon: <AuditOutlined />, text: '谁在何时做了什么' });
  if (can('read:security_events')) entries.push({ key: paths.securityEvents, label: '安全事件', icon: <SafetyOutlined />, text: '登录失败、锁定、越权访问等，以及双因素认证要求' });
  return entries;
}

export function toMenuItems(entries: NavEntry[]): MenuItem[] {
  return entries.map((e) =>
    e.children
      ? { key: e.key, label: e.label, icon: e.icon, children: toMenuItems(e.children) }
      : { key: e.key, label: e.label, icon: e.icon },
  );
}

/** The menu entry a path belongs to: the longest entry key that prefixes it. */
export function selectedKeyFor(entries: NavEntry[], pathname: string): string | undefined {
  let best: string | undefined;
  const visit = (list: NavEntry[]) => {
    for (const e of list) {
      if (e.children) visit(e.children);
      else if (pathname === e.key || (e.key !== '/' && pathname.startsWith(`${e.key}/`))) {
        if (!best || e.key.length > best.length) best = e.key;
      }
    }
  };
  visit(entries);
  return best;
}
