// The side menu. Which entries a role sees is a navigation choice only: the server
// still decides what each role may read or do.
import {
  ApartmentOutlined, AuditOutlined, BankOutlined, BookOutlined, DashboardOutlined, HomeOutlined, SettingOutlined, ShopOutlined,
  TagsOutlined, TeamOutlined, WarningOutlined,
} from '@ant-design/icons';
import { FileSearchOutlined } from '@ant-design/icons';
import { FileProtectOutlined, SolutionOutlined } from '@ant-design/icons';
import { ACCOUNTABILITY_READER_ROLES, TEMPLATE_MANAGER_ROLES } from '../../../domain/inspection-policy.ts';
import { CarryOutOutlined, ProfileOutlined } from '@ant-design/icons';
import { CalendarOutlined, ScheduleOutlined } from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import type { TMe } from '../../../contract/auth.ts';
import type { Role } from '../../../domain/roles.ts';
import { CRITERIA_EDITOR_ROLES, PLAN_READER_ROLES, roleMay } from '../../lib/role-access.ts';
import { paths } from '../paths.ts';

type MenuItem = Required<MenuProps>['items'][number];

export interface NavEntry {
  key: string; // the path it leads to
  label: string;
  icon: ReactNode;
  children?: NavEntry[];
}

/** Roles that read the campaign's figures (看板). */
export const DASHBOARD_ROLES: readonly Role[] = ['office', 'leader', 'admin'];

export function navEntriesFor(me: TMe): NavEntry[] {
  const entries: NavEntry[] = [{ key: paths.home, label: '首页', icon: <HomeOutlined /> }];
  if (DASHBOARD_ROLES.includes(me.role)) entries.push({ key: paths.dashboard, label: '看板', icon: <DashboardOutlined /> });
  if (me.role === 'enterprise') {
    if (me.enterpriseId) entries.push({ key: paths.enterprises.detail(me.enterpriseId), label: '本单位信息', icon: <ShopOutlined /> });
    entries.push({ key: paths.hazards.list, label: '本单位隐患', icon: <WarningOutlined /> });
  } else {
    entries.push({ key: paths.hazards.list, label: '隐患台账', icon: <WarningOutlined /> });
    entries.push({ key: paths.enterprises.list, label: '生产经营单位', icon: <BankOutlined /> });
  }
  // Inspections by the authorities and an enterprise's own: every role reads those in its scope.
  entries.push({ key: paths.inspections.list, label: '检查记录', icon: <FileSearchOutlined /> });
  // Cases are read in the enterprise scope (an enterprise its own); accountability by the office, leaders and admins.
  entries.push({ key: paths.cases.list, label: '执法案件', icon: <FileProtectOutlined /> });
  if (ACCOUNTABILITY_READER_ROLES.includes(me.role)) entries.push({ key: paths.accountability.list, label: '问责记录', icon: <SolutionOutlined /> });
  // 日周月自查: an enterprise opens its own calendar; the authorities see who is behind.
  if (me.role === 'enterprise') {
    if (me.enterpriseId) entries.push({ key: paths.selfInspection.enterprise(me.enterpriseId), label: '本单位自查', icon: <CalendarOutlined /> });
  } else {
    entries.push({ key: paths.selfInspection.list, label: '自查情况', icon: <CalendarOutlined /> });
  }
  if (roleMay(me.role, PLAN_READER_ROLES)) entries.push({ key: paths.plans.list, label: '检查计划', icon: <ScheduleOutlined /> });
  // 系统管理: the admin's whole set; the office keeps the 判定依据 it answers for.
  const admin: NavEntry[] = [];
  if (me.role === 'admin') {
    admin.push(
      { key: paths.admin.units, label: '组织机构', icon: <ApartmentOutlined /> },
      { key: paths.admin.sectors, label: '行业领域', icon: <TagsOutlined /> },
      { key: paths.admin.users, label: '用户管理', icon: <TeamOutlined /> },
    );
  }
  if (roleMay(me.role, CRITERIA_EDITOR_ROLES)) admin.push({ key: paths.admin.criteria, label: '判定依据', icon: <BookOutlined /> });
  // 检查表 and 工作日历 are kept by the template managers (everyone reads them through their use).
  if (roleMay(me.role, TEMPLATE_MANAGER_ROLES)) {
    admin.push(
      { key: paths.checklists.list, label: '检查表', icon: <ProfileOutlined /> },
      { key: paths.workCalendar, label: '工作日历', icon: <CarryOutOutlined /> },
    );
  }
  if (admin.length) entries.push({ key: 'admin', label: '系统管理', icon: <SettingOutlined />, children: admin });
  if (me.role === 'admin' || me.role === 'office') {
    entries.push({ key: paths.audit, label: '审计日志', icon: <AuditOutlined /> });
  }
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
