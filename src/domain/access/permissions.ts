// The one permission registry: what each role may do at all, named verb:entity. Routes declare the
// permission they need (the server refuses everyone else with 403); /api/auth/me sends the
// caller's abilities, from which the web builds its menu, home page and page-level buttons. Which
// records a role sees is the data scope's (scope.ts); what it may do to one record now is that
// record's allowedActions (the workflow definitions and policies).
import { ROLES, type Role } from './roles.ts';

const EVERYONE = ROLES;
const ALL_BUT_LEADER = ROLES.filter((r) => r !== 'leader');
/** The units that supervise enterprises and keep ledgers: admins, 安委办, departments, villages. */
const SUPERVISING_UNITS: readonly Role[] = ['admin', 'office', 'department', 'village'];
/** Those who watch the campaign's progress in their scope (everyone but the enterprise). */
const WATCHERS: readonly Role[] = ['admin', 'office', 'leader', 'department', 'village', 'supervision_group'];
const OFFICE: readonly Role[] = ['admin', 'office'];

export const PERMISSIONS = {
  /** The signed-in account itself: who am I, sign out, change the password. */
  'use:account': EVERYONE,
  /** Regions, units and sectors, for pickers and names (the scope decides the rest). */
  'read:org': EVERYONE,
  /** 工作台: what awaits the caller, in the caller's scope. */
  'read:workbench': EVERYONE,
  /** 组织机构, 行业领域 and user accounts. */
  'manage:org': ['admin'],
  'read:audit': OFFICE,
  /** 安全事件: sign-ins, lockouts, second-factor failures, ended sessions, password changes, refusals. */
  'read:security_events': OFFICE,
  /** The district's security settings (TOTP required of 管理员/安委办): the district's own admin and office change them. */
  'manage:security': OFFICE,
  /** The district's 企业微信/政务微信 group robot and its delivery log. */
  'manage:notifications': ['admin'],

  'read:enterprise': EVERYONE,
  'create:enterprise': SUPERVISING_UNITS,
  'import:enterprise': SUPERVISING_UNITS,
  /** Edit an enterprise in scope (an enterprise account its own contact details) or void it; the record's allowedActions say which. */
  'edit:enterprise': EVERYONE,

  'read:hazard': EVERYONE,
  /** A leader's account is read-only. */
  'create:hazard': ALL_BUT_LEADER,
  /** 导入历史隐患台账: the units that kept a ledger before. */
  'import:hazard': SUPERVISING_UNITS,
  /** Act on a hazard: the workflow decides which actions on which hazard (leaders and groups get none). */
  'act:hazard': EVERYONE,
  'read:hazard_criteria': EVERYONE,
  'manage:hazard_criteria': OFFICE,
  /** 看板: the figures of the hazards in scope. */
  'read:dashboard': WATCHERS,

  'read:checklist': EVERYONE,
  /** Checklist templates and the district's work calendar. */
  'manage:checklist': OFFICE,

  'read:inspection': EVERYONE,
  /** Start and fill inspections (which types, domain/inspection-policy.ts). */
  'create:inspection': ALL_BUT_LEADER,

  'read:schedule': EVERYONE,
  /** 日周月 schedules: in scope, an enterprise its own. */
  'edit:schedule': ['admin', 'office', 'department', 'village', 'enterprise'],
  /** 自查情况: who is behind on their self-inspections. */
  'read:schedule_compliance': WATCHERS,

  'read:plan': ['admin', 'office', 'leader', 'department'],
  'edit:plan': ['admin', 'office', 'department'],

  'read:case': EVERYONE,
  /** Open and run enforcement cases (a department its own unit's). */
  'run:case': ['admin', 'office', 'department'],

  'read:accountability': ['admin', 'office', 'leader'],
  'edit:accountability': OFFICE,

  /** 专项行动: read in the region (a unit sees the campaign and its own occurrences). */
  'read:campaign': WATCHERS,
  /** Create and edit the region's campaigns, their stages and task lists; confirm or return reports; urge units. */
  'edit:campaign': OFFICE,
  /** File 工作落实情况 and acknowledge tasks for the caller's own unit. */
  'report:progress': ['admin', 'office', 'department', 'village'],
  /** 调度表/汇总表: read the forms, rounds and submissions in the caller's scope. */
  'read:report': WATCHERS,
  /** Fill and submit the caller's own unit's forms. */
  'fill:report': ['admin', 'office', 'department', 'village'],
  /** Attach forms to a campaign and change their schedule; approve, return, excuse and reopen the units' submissions. */
  'review:report': OFFICE,

  /** 督导工作组, their 督导检查 visits and findings, in scope (a unit sees the findings sent to it). */
  'read:supervision': WATCHERS,
  /** Set up the region's work groups: people, assigned units, the campaign served. */
  'manage:supervision_group': OFFICE,
  /** Record a 督导检查 of an assigned unit and accept or return its answers (a member of the group; the office over it). */
  'visit:supervision': ['admin', 'office', 'leader', 'supervision_group'],
  /** Answer a finding sent to the caller's own unit. */
  'answer:finding': ['admin', 'office', 'department', 'village'],
  /** 领导活动 and the compliance with the campaigns' required frequencies. */
  'read:leadership': ['admin', 'office', 'leader', 'department', 'supervision_group'],
  /** Record leaders' activities (a department those of its head as 安委会成员单位负责人). */
  'record:leadership': ['admin', 'office', 'leader', 'department'],
  /** 专兼职技术检查员 roster. */
  'read:inspector_roster': ['admin', 'office', 'leader', 'department'],
  'manage:inspector_roster': OFFICE,
  /** 应急演练 / 安全培训: an enterprise its own, the supervising units in scope; 执法人员培训 per unit. */
  'read:drill': ['admin', 'office', 'leader', 'department', 'village', 'enterprise'],
  'record:drill': ['admin', 'office', 'department', 'village', 'enterprise'],
  /** 执法人员培训 of the authorities' own staff: a department or village its own unit, the office any unit of its region. */
  'record:staff_training': SUPERVISING_UNITS,
  /** Who is behind on drills and training, in scope (an enterprise: itself). */
  'read:drill_compliance': ['admin', 'office', 'leader', 'department', 'village', 'enterprise'],
  /** The district's required times a year. */
  'manage:drill_requirement': OFFICE,
  /**
   * 宣传/曝光: the region's media columns, exposures and reports. Read by those who answer for the
   * region's work (leaders, groups) and by its departments, whose enterprises are exposed; villages
   * and enterprises never (decision 020).
   */
  'read:publicity': ['admin', 'office', 'leader', 'department', 'supervision_group'],
  /** Record, edit and void them: the office of the region (a township's, the district's own). */
  'record:publicity': OFFICE,

  /** 群众举报: the office of the report's region triages it; a department sees what it was asked to investigate; leaders follow. */
  'read:tip': ['admin', 'office', 'leader', 'department'],
  /** Triage actions; the record's allowedActions say which (domain/tips/tip-workflow.ts). */
  'act:tip': ['admin', 'office', 'department'],
  /** The reporter's name and phone: the office alone, every view audited. */
  'read:tip_identity': ['office'],
  /** 举报奖励: the office proposes and pays, a leader approves; the reward's allowedActions say which. */
  'read:tip_reward': ['admin', 'office', 'leader'],
  'propose:tip_reward': ['office'],
  'act:tip_reward': ['office', 'leader'],
  /** The QR poster that points the public to the report page. */
  'print:tip_poster': OFFICE,

  'upload:file': EVERYONE,
  /** A file is served to whoever may see the record it belongs to. */
  'read:file': EVERYONE,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Everything a role may do, in the registry's order (sent to the web as the caller's abilities). */
export function abilitiesOf(role: Role): Permission[] {
  return PERMISSION_NAMES.filter((p) => can(role, p));
}
