import { authRoutes } from './auth.ts';
import { orgRoutes } from './org.ts';
import { enterpriseRoutes } from './enterprises.ts';
import { auditRoutes } from './audit.ts';
import { hazardRoutes } from './hazards.ts';
import { filesRoutes } from './files.ts';
import { calendarRoutes, checklistRoutes } from './checklists.ts';
import { inspectionRoutes } from './inspections.ts';
import { caseRoutes } from './cases.ts';
import { accountabilityRoutes } from './accountability.ts';
import { inspectorRosterRoutes } from './inspector-roster.ts';
import { leadershipRoutes } from './leadership.ts';
import { publicityRoutes } from './publicity.ts';
import { scheduleRoutes } from './schedules.ts';
import { planRoutes } from './plans.ts';
import { notificationRoutes } from './notifications.ts';
import { workbenchRoutes } from './workbench.ts';
import { campaignRoutes } from './campaigns.ts';
import { campaignProgressRoutes } from './campaign-progress.ts';
import { drillRoutes } from './drills.ts';
import { reportWorkbookRoutes } from './report-workbooks.ts';
import { reportRoutes } from './reports.ts';
import { supervisionRoutes } from './supervision.ts';
import { publicTipRoutes, tipRoutes } from './tips.ts';
import { securityRoutes } from './security.ts';
import type { RouteDef } from './route.ts';

const areas = { auth: authRoutes, org: orgRoutes, enterprises: enterpriseRoutes, audit: auditRoutes, files: filesRoutes, hazards: hazardRoutes, cases: caseRoutes, accountability: accountabilityRoutes, inspectorRoster: inspectorRosterRoutes, leadership: leadershipRoutes, publicity: publicityRoutes, checklists: checklistRoutes, calendar: calendarRoutes, inspections: inspectionRoutes, schedules: scheduleRoutes, plans: planRoutes, notifications: notificationRoutes, workbench: workbenchRoutes, campaigns: campaignRoutes, campaignProgress: campaignProgressRoutes,
  drills: drillRoutes, reports: reportRoutes, reportWorkbooks: reportWorkbookRoutes, supervision: supervisionRoutes, publicTips: publicTipRoutes, tips: tipRoutes, security: securityRoutes };

/** Every route keyed "area.name": plain names repeat across areas (enterprises.list, audit.list). */
export const allRoutes: Record<string, RouteDef> = Object.fromEntries(
  Object.entries(areas).flatMap(([area, routes]) => Object.entries(routes).map(([name, def]) => [`${area}.${name}`, def as RouteDef])),
);
