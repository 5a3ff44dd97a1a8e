// Every URL of the web app, in one place. Route patterns for the router and
// builders for links live side by side so they cannot drift apart.

/** Filters of the hazard ledger as URL search params (the same names as the API's query). */
export type LedgerFilter = Record<string, string | number | boolean | null | undefined>;

function withQuery(base: string, query: LedgerFilter): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `${base}?${s}` : base;
}

export const paths = {
  home: '/',
  login: (redirect?: string) =>
    redirect && redirect !== '/' ? `/login?redirect=${encodeURIComponent(redirect)}` : '/login',
  changePassword: '/change-password',
  /** Turning the district's required second factor on, before anything else. */
  enrollTotp: '/account/totp',
  /** 账号安全: the user's second factor and sessions. */
  accountSecurity: '/account/security',
  /** 安全事件: sign-ins, lockouts, refusals… (admin and office). */
  securityEvents: '/security-events',
  enterprises: {
    list: '/enterprises',
    create: '/enterprises/new',
    import: '/enterprises/import',
    detail: (id: string) => `/enterprises/${encodeURIComponent(id)}`,
    edit: (id: string) => `/enterprises/${encodeURIComponent(id)}/edit`,
  },
  admin: {
    units: '/admin/units',
    sectors: '/admin/sectors',
    users: '/admin/users',
    /** 登录锁定: accounts locked at a network address now. */
    loginLocks: '/admin/login-locks',
    criteria: '/admin/criteria',
  },
  hazards: {
    list: '/hazards',
    /** The ledger with filters, e.g. from a dashboard figure. */
    ledger: (filter: LedgerFilter = {}) => withQuery('/hazards', filter),
    /** The quick report form, optionally for one enterprise. */
    create: (enterpriseId?: string, visitId?: string) => withQuery('/hazards/new', { enterpriseId, visitId }),
    /** 导入历史隐患台账 (xlsx). */
    import: '/hazards/import',
    detail: (id: string) => `/hazards/${encodeURIComponent(id)}`,
  },
  inspections: {
    list: '/inspections',
    /** The list with filters, e.g. one enterprise's inspections. */
    filtered: (filter: LedgerFilter = {}) => withQuery('/inspections', filter),
    /** 新建检查, optionally for an enterprise or from a plan entry. */
    create: (preset: { enterpriseId?: string; planEntryId?: string } = {}) => withQuery('/inspections/new', preset),
    detail: (id: string) => `/inspections/${encodeURIComponent(id)}`,
    fill: (id: string) => `/inspections/${encodeURIComponent(id)}/fill`,
  },
  selfInspection: {
    /** 自查情况 (谁落后了) for the authorities. */
    list: '/self-inspection',
    /** One enterprise's 日周月 calendar, optionally at a month (YYYY-MM). */
    enterprise: (id: string, month?: string) => withQuery(`/enterprises/${encodeURIComponent(id)}/self-inspection`, { month }),
  },
  campaigns: {
    list: '/campaigns',
    detail: (id: string, tab?: 'tasks' | 'matrix' | 'reports' | 'overview' | 'leadership') => `/campaigns/${encodeURIComponent(id)}${tab ? `?tab=${tab}` : ''}`,
    myTasks: '/my-tasks',
    occurrence: (key: string) => `/occurrences/${encodeURIComponent(key)}`,
  },
  reports: {
    /** One unit's submission of one round of a form. */
    submission: (key: string) => `/report-submissions/${encodeURIComponent(key)}`,
    /** The records behind one figure. */
    records: (key: string, cell: string) => `/report-submissions/${encodeURIComponent(key)}/cells/${encodeURIComponent(cell)}`,
    /** A round of a form: every unit's state and the roll-up. */
    round: (campaignId: string, due: string, form: string) => `/campaigns/${encodeURIComponent(campaignId)}/reports/${due}?form=${encodeURIComponent(form)}`,
    /** 上传本镇报表: a township's own .xlsx bound cell by cell; back to the campaign it was opened from. */
    newTemplate: (campaignId?: string) => withQuery('/report-templates/new', { campaign: campaignId }),
  },
  plans: {
    list: '/plans',
    detail: (id: string) => `/plans/${encodeURIComponent(id)}`,
  },
  cases: {
    list: '/cases',
    /** The list with filters, e.g. one enterprise's cases. */
    filtered: (filter: LedgerFilter = {}) => withQuery('/cases', filter),
    /** 立案, optionally from an inspection, a hazard or for an enterprise. */
    create: (source: { inspectionId?: string; hazardId?: string; enterpriseId?: string } = {}) => withQuery('/cases/new', source),
    detail: (id: string) => `/cases/${encodeURIComponent(id)}`,
  },
  supervision: {
    groups: '/supervision/groups',
    visits: (filter: { groupId?: string; unitId?: string } = {}) => withQuery('/supervision/visits', filter),
    newVisit: (preset: { groupId?: string; unitId?: string } = {}) => withQuery('/supervision/visits/new', preset),
    visit: (id: string) => `/supervision/visits/${encodeURIComponent(id)}`,
    findings: (filter: { status?: string; unitId?: string; groupId?: string; overdue?: string } = {}) => withQuery('/supervision/findings', filter),
    finding: (id: string) => `/supervision/findings/${encodeURIComponent(id)}`,
  },
  accountability: {
    list: '/accountability',
    create: '/accountability/new',
    detail: (id: string) => `/accountability/${encodeURIComponent(id)}`,
    edit: (id: string) => `/accountability/${encodeURIComponent(id)}/edit`,
  },
  /** 专兼职技术检查员名册. */
  /** 群众举报: the office's triage, and rewards. */
  tips: {
    list: (filter: LedgerFilter = {}) => withQuery('/tips', filter),
    detail: (id: string) => `/tips/${encodeURIComponent(id)}`,
    rewards: (filter: LedgerFilter = {}) => withQuery('/tips/rewards', filter),
  },
  /** The public's pages (no account): report a hazard, follow it by its code. */
  publicReport: {
    form: (townshipId?: string) => withQuery('/report', { township: townshipId }),
    /** The code is typed on the page, never put in the address (it would stay in the history). */
    track: '/report/track',
  },
  inspectorRoster: {
    list: '/inspector-roster',
    create: '/inspector-roster/new',
    detail: (id: string) => `/inspector-roster/${encodeURIComponent(id)}`,
    edit: (id: string) => `/inspector-roster/${encodeURIComponent(id)}/edit`,
  },
  /** 领导活动: leaders' studies, meetings, heard briefings, inspections… */
  leadership: {
    list: '/leadership',
    /** The list with filters, e.g. one leader's activities in one window. */
    filtered: (filter: LedgerFilter = {}) => withQuery('/leadership', filter),
    create: '/leadership/new',
    detail: (id: string) => `/leadership/${encodeURIComponent(id)}`,
    edit: (id: string) => `/leadership/${encodeURIComponent(id)}/edit`,
  },
  /** 宣传/曝光: media columns, exposures and reports of a district or township. */
  publicity: {
    list: '/publicity',
    create: '/publicity/new',
    detail: (id: string) => `/publicity/${encodeURIComponent(id)}`,
    edit: (id: string) => `/publicity/${encodeURIComponent(id)}/edit`,
  },
  /** 应急演练 / 安全培训: records, who is behind, the authorities' 执法人员培训, the district's requirement. */
  drills: {
    list: '/drills',
    /** The list with filters, e.g. one enterprise's records. */
    filtered: (filter: LedgerFilter = {}) => withQuery('/drills', filter),
    /** 登记, optionally for an enterprise (its page's link) or of one category. */
    create: (preset: { enterpriseId?: string; category?: 'drill' | 'training' } = {}) => withQuery('/drills/new', preset),
    detail: (id: string) => `/drills/${encodeURIComponent(id)}`,
    compliance: (filter: LedgerFilter = {}) => withQuery('/drills/compliance', filter),
    /** 执法人员培训: the authorities' own staff, per unit. */
    staff: '/drills/staff',
    staffCreate: '/drills/staff/new',
    requirement: '/drills/requirement',
  },
  checklists: {
    list: '/checklists',
    create: '/checklists/new',
    import: '/checklists/import',
    detail: (id: string) => `/checklists/${encodeURIComponent(id)}`,
    /** Edit the current version and publish it as the next one. */
    edit: (id: string) => `/checklists/${encodeURIComponent(id)}/edit`,
  },
  /** 工作日历: the district's holidays and 调休 workdays. */
  workCalendar: '/work-calendar',
  dashboard: '/dashboard',
  audit: '/audit',
  /** 消息通知. */
  notifications: '/notifications',
  /** The district's 政务微信/企业微信 group robot (admins). */
  notificationSettings: '/admin/notifications',
} as const;

export const routePatterns = {
  login: '/login',
  changePassword: '/change-password',
  enrollTotp: '/account/totp',
  accountSecurity: '/account/security',
  securityEvents: '/security-events',
  enterpriseList: '/enterprises',
  enterpriseCreate: '/enterprises/new',
  enterpriseImport: '/enterprises/import',
  enterpriseDetail: '/enterprises/:id',
  enterpriseEdit: '/enterprises/:id/edit',
  adminUnits: '/admin/units',
  adminSectors: '/admin/sectors',
  adminUsers: '/admin/users',
  adminLoginLocks: '/admin/login-locks',
  adminCriteria: '/admin/criteria',
  hazardList: '/hazards',
  hazardCreate: '/hazards/new',
  hazardImport: '/hazards/import',
  hazardDetail: '/hazards/:id',
  inspectionList: '/inspections',
  inspectionCreate: '/inspections/new',
  inspectionDetail: '/inspections/:id',
  inspectionFill: '/inspections/:id/fill',
  caseList: '/cases',
  caseCreate: '/cases/new',
  caseDetail: '/cases/:id',
  supervisionGroups: '/supervision/groups',
  supervisionVisits: '/supervision/visits',
  supervisionVisitNew: '/supervision/visits/new',
  supervisionVisit: '/supervision/visits/:id',
  supervisionFindings: '/supervision/findings',
  supervisionFinding: '/supervision/findings/:id',
  accountabilityList: '/accountability',
  accountabilityCreate: '/accountability/new',
  accountabilityDetail: '/accountability/:id',
  accountabilityEdit: '/accountability/:id/edit',
  tipList: '/tips',
  tipRewards: '/tips/rewards',
  tipDetail: '/tips/:id',
  publicReport: '/report',
  publicTrack: '/report/track',
  inspectorRosterList: '/inspector-roster',
  inspectorRosterCreate: '/inspector-roster/new',
  inspectorRosterDetail: '/inspector-roster/:id',
  inspectorRosterEdit: '/inspector-roster/:id/edit',
  leadershipList: '/leadership',
  leadershipCreate: '/leadership/new',
  leadershipDetail: '/leadership/:id',
  leadershipEdit: '/leadership/:id/edit',
  publicityList: '/publicity',
  publicityCreate: '/publicity/new',
  publicityDetail: '/publicity/:id',
  publicityEdit: '/publicity/:id/edit',
  drillList: '/drills',
  drillCreate: '/drills/new',
  drillCompliance: '/drills/compliance',
  drillStaff: '/drills/staff',
  drillStaffCreate: '/drills/staff/new',
  drillRequirement: '/drills/requirement',
  drillDetail: '/drills/:id',
  selfInspection: '/self-inspection',
  enterpriseSelfInspection: '/enterprises/:id/self-inspection',
  campaignList: '/campaigns',
  campaignDetail: '/campaigns/:id',
  myTasks: '/my-tasks',
  occurrence: '/occurrences/:key',
  reportSubmission: '/report-submissions/:key',
  reportRecords: '/report-submissions/:key/cells/:cell',
  reportRound: '/campaigns/:id/reports/:due',
  reportTemplateNew: '/report-templates/new',
  planList: '/plans',
  planDetail: '/plans/:id',
  checklistList: '/checklists',
  checklistCreate: '/checklists/new',
  checklistImport: '/checklists/import',
  checklistDetail: '/checklists/:id',
  checklistEdit: '/checklists/:id/edit',
  workCalendar: '/work-calendar',
  dashboard: '/dashboard',
  audit: '/audit',
  notifications: '/notifications',
  notificationSettings: '/admin/notifications',
} as const;
