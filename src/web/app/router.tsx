import type { ComponentType } from 'react';
import { type RouteObject, createBrowserRouter } from 'react-router';
import { FullPageSpin } from '../components/full-page-spin.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { routePatterns as r } from './paths.ts';
import { RouteError } from './route-error.tsx';
import { loadHomePage, loadShell, preloadSignedIn } from './signed-in-shell.ts';

/**
 * A page whose code is downloaded the first time its route is opened. Only the login page (where
 * every session starts) is in the first bundle; a navigation keeps the current page on screen
 * until the next one's code has arrived (the layout shows a progress bar meanwhile).
 */
const page = (load: () => Promise<ComponentType>): Pick<RouteObject, 'lazy'> => ({ lazy: { Component: load } });

export function createRouter() {
  return createBrowserRouter([
    {
      // Shown while the code of the first page opened is still downloading.
      hydrateFallbackElement: <FullPageSpin />,
      errorElement: <RouteError />,
      children: [
        { path: r.login, element: <LoginPage prefetchNext={preloadSignedIn} />, errorElement: <RouteError /> },
        // The public's pages: no session, no menu.
        { path: r.publicReport, errorElement: <RouteError />, ...page(async () => (await import('../features/public-report/report-page.tsx')).ReportPage) },
        { path: r.publicTrack, errorElement: <RouteError />, ...page(async () => (await import('../features/public-report/track-page.tsx')).TrackPage) },
        {
          path: r.changePassword,
          errorElement: <RouteError />,
          lazy: async () => {
            const [[{ SignedInFrame }], { ChangePasswordPage }] = await Promise.all([loadShell(), import('../features/auth/change-password-page.tsx')]);
            return {
              element: (
                <SignedInFrame passwordChangePage>
                  <ChangePasswordPage />
                </SignedInFrame>
              ),
            };
          },
        },
        {
          path: r.enrollTotp,
          errorElement: <RouteError />,
          lazy: async () => {
            const [[{ SignedInFrame }], { EnrollTotpPage }] = await Promise.all([loadShell(), import('../features/auth/enroll-totp-page.tsx')]);
            return {
              element: (
                <SignedInFrame totpEnrollPage>
                  <EnrollTotpPage />
                </SignedInFrame>
              ),
            };
          },
        },
        {
          lazy: async () => {
            const [{ SignedInFrame }, { AppLayout }] = await loadShell();
            return {
              element: (
                <SignedInFrame>
                  <AppLayout />
                </SignedInFrame>
              ),
            };
          },
          errorElement: <RouteError />,
          children: [
            {
              errorElement: <RouteError />,
              children: signedInPages,
            },
          ],
        },
      ],
    },
  ]);
}

const signedInPages: RouteObject[] = [
  { index: true, ...page(loadHomePage) },
  { path: r.enterpriseList, ...page(async () => (await import('../features/enterprises/enterprise-list-page.tsx')).EnterpriseListPage) },
  { path: r.enterpriseCreate, ...page(async () => (await import('../features/enterprises/enterprise-create-page.tsx')).EnterpriseCreatePage) },
  { path: r.enterpriseImport, ...page(async () => (await import('../features/enterprises/enterprise-import-page.tsx')).EnterpriseImportPage) },
  { path: r.enterpriseDetail, ...page(async () => (await import('../features/enterprises/enterprise-detail-page.tsx')).EnterpriseDetailPage) },
  { path: r.enterpriseEdit, ...page(async () => (await import('../features/enterprises/enterprise-edit-page.tsx')).EnterpriseEditPage) },
  {
    path: r.enterpriseSelfInspection,
    ...page(async () => (await import('../features/schedules/self-inspection-calendar-page.tsx')).SelfInspectionCalendarPage),
  },
  { path: r.selfInspection, ...page(async () => (await import('../features/schedules/self-inspection-page.tsx')).SelfInspectionPage) },
  { path: r.campaignList, ...page(async () => (await import('../features/campaigns/campaign-list-page.tsx')).CampaignListPage) },
  { path: r.campaignDetail, ...page(async () => (await import('../features/campaigns/campaign-detail-page.tsx')).CampaignDetailPage) },
  { path: r.myTasks, ...page(async () => (await import('../features/campaigns/my-tasks-page.tsx')).MyTasksPage) },
  { path: r.occurrence, ...page(async () => (await import('../features/campaigns/occurrence-page.tsx')).OccurrencePage) },
  { path: r.tipList, ...page(async () => (await import('../features/tips/tips-page.tsx')).TipsPage) },
  { path: r.tipRewards, ...page(async () => (await import('../features/tips/rewards-page.tsx')).RewardsPage) },
  { path: r.tipDetail, ...page(async () => (await import('../features/tips/tip-detail-page.tsx')).TipDetailPage) },
  { path: r.reportSubmission, ...page(async () => (await import('../features/reports/submission-page.tsx')).SubmissionPage) },
  { path: r.reportRecords, ...page(async () => (await import('../features/reports/cell-records-page.tsx')).CellRecordsPage) },
  { path: r.reportRound, ...page(async () => (await import('../features/reports/round-page.tsx')).RoundPage) },
  { path: r.reportTemplateNew, ...page(async () => (await import('../features/reports/workbook-page.tsx')).WorkbookPage) },
  { path: r.planList, ...page(async () => (await import('../features/plans/plan-list-page.tsx')).PlanListPage) },
  { path: r.planDetail, ...page(async () => (await import('../features/plans/plan-detail-page.tsx')).PlanDetailPage) },
  { path: r.hazardList, ...page(async () => (await import('../features/hazards/hazard-list-page.tsx')).HazardListPage) },
  { path: r.hazardCreate, ...page(async () => (await import('../features/hazards/hazard-create-page.tsx')).HazardCreatePage) },
  { path: r.hazardImport, ...page(async () => (await import('../features/hazards/hazard-import-page.tsx')).HazardImportPage) },
  { path: r.hazardDetail, ...page(async () => (await import('../features/hazards/hazard-detail-page.tsx')).HazardDetailPage) },
  { path: r.inspectionList, ...page(async () => (await import('../features/inspections/inspection-list-page.tsx')).InspectionListPage) },
  { path: r.inspectionCreate, ...page(async () => (await import('../features/inspections/inspection-create-page.tsx')).InspectionCreatePage) },
  { path: r.inspectionDetail, ...page(async () => (await import('../features/inspections/inspection-detail-page.tsx')).InspectionDetailPage) },
  { path: r.inspectionFill, ...page(async () => (await import('../features/inspections/inspection-fill-page.tsx')).InspectionFillPage) },
  { path: r.checklistList, ...page(async () => (await import('../features/checklists/checklist-list-page.tsx')).ChecklistListPage) },
  { path: r.checklistCreate, ...page(async () => (await import('../features/checklists/checklist-editor-page.tsx')).ChecklistCreatePage) },
  { path: r.checklistImport, ...page(async () => (await import('../features/checklists/checklist-import-page.tsx')).ChecklistImportPage) },
  { path: r.checklistDetail, ...page(async () => (await import('../features/checklists/checklist-detail-page.tsx')).ChecklistDetailPage) },
  { path: r.checklistEdit, ...page(async () => (await import('../features/checklists/checklist-editor-page.tsx')).ChecklistEditPage) },
  { path: r.workCalendar, ...page(async () => (await import('../features/checklists/calendar-page.tsx')).CalendarPage) },
  { path: r.caseList, ...page(async () => (await import('../features/cases/case-list-page.tsx')).CaseListPage) },
  { path: r.caseCreate, ...page(async () => (await import('../features/cases/case-create-page.tsx')).CaseCreatePage) },
  { path: r.caseDetail, ...page(async () => (await import('../features/cases/case-detail-page.tsx')).CaseDetailPage) },
  { path: r.supervisionGroups, ...page(async () => (await import('../features/supervision/groups-page.tsx')).GroupsPage) },
  { path: r.supervisionVisits, ...page(async () => (await import('../features/supervision/visits-page.tsx')).VisitsPage) },
  { path: r.supervisionVisitNew, ...page(async () => (await import('../features/supervision/visit-form-page.tsx')).VisitFormPage) },
  { path: r.supervisionVisit, ...page(async () => (await import('../features/supervision/visit-detail-page.tsx')).VisitDetailPage) },
  { path: r.supervisionFindings, ...page(async () => (await import('../features/supervision/findings-page.tsx')).FindingsPage) },
  { path: r.supervisionFinding, ...page(async () => (await import('../features/supervision/finding-detail-page.tsx')).FindingDetailPage) },
  { path: r.accountabilityList, ...page(async () => (await import('../features/accountability/accountability-list-page.tsx')).AccountabilityListPage) },
  { path: r.accountabilityCreate, ...page(async () => (await import('../features/accountability/accountability-form-page.tsx')).AccountabilityFormPage) },
  { path: r.accountabilityDetail, ...page(async () => (await import('../features/accountability/accountability-detail-page.tsx')).AccountabilityDetailPage) },
  {
    path: r.accountabilityEdit,
    // Its own key: from the create form to an edit form is a new form, not the same one refilled.
    lazy: async () => {
      const { AccountabilityFormPage } = await import('../features/accountability/accountability-form-page.tsx');
      return { element: <AccountabilityFormPage key="edit" /> };
    },
  },
  { path: r.inspectorRosterList, ...page(async () => (await import('../features/inspector-roster/inspector-roster-list-page.tsx')).InspectorRosterListPage) },
  { path: r.inspectorRosterCreate, ...page(async () => (await import('../features/inspector-roster/inspector-form-page.tsx')).InspectorFormPage) },
  { path: r.inspectorRosterDetail, ...page(async () => (await import('../features/inspector-roster/inspector-detail-page.tsx')).InspectorDetailPage) },
  {
    path: r.inspectorRosterEdit,
    lazy: async () => {
      const { InspectorFormPage } = await import('../features/inspector-roster/inspector-form-page.tsx');
      return { element: <InspectorFormPage key="edit" /> };
    },
  },
  { path: r.leadershipList, ...page(async () => (await import('../features/leadership/activity-list-page.tsx')).ActivityListPage) },
  { path: r.leadershipCreate, ...page(async () => (await import('../features/leadership/activity-form-page.tsx')).ActivityFormPage) },
  { path: r.leadershipDetail, ...page(async () => (await import('../features/leadership/activity-detail-page.tsx')).ActivityDetailPage) },
  {
    path: r.leadershipEdit,
    lazy: async () => {
      const { ActivityFormPage } = await import('../features/leadership/activity-form-page.tsx');
      return { element: <ActivityFormPage key="edit" /> };
    },
  },
  { path: r.publicityList, ...page(async () => (await import('../features/publicity/publicity-list-page.tsx')).PublicityListPage) },
  { path: r.publicityCreate, ...page(async () => (await import('../features/publicity/publicity-form-page.tsx')).PublicityFormPage) },
  { path: r.publicityDetail, ...page(async () => (await import('../features/publicity/publicity-detail-page.tsx')).PublicityDetailPage) },
  {
    path: r.publicityEdit,
    lazy: async () => {
      const { PublicityFormPage } = await import('../features/publicity/publicity-form-page.tsx');
      return { element: <PublicityFormPage key="edit" /> };
    },
  },
  { path: r.drillList, ...page(async () => (await import('../features/drills/drill-list-page.tsx')).DrillListPage) },
  { path: r.drillCreate, ...page(async () => (await import('../features/drills/drill-form-page.tsx')).DrillFormPage) },
  { path: r.drillCompliance, ...page(async () => (await import('../features/drills/compliance-page.tsx')).CompliancePage) },
  { path: r.drillStaff, ...page(async () => (await import('../features/drills/drill-list-page.tsx')).StaffTrainingListPage) },
  { path: r.drillStaffCreate, ...page(async () => (await import('../features/drills/drill-form-page.tsx')).StaffTrainingFormPage) },
  { path: r.drillRequirement, ...page(async () => (await import('../features/drills/requirement-page.tsx')).RequirementPage) },
  { path: r.drillDetail, ...page(async () => (await import('../features/drills/drill-detail-page.tsx')).DrillDetailPage) },
  // ECharts is large: only those who open the dashboard download it.
  { path: r.dashboard, ...page(async () => (await import('../features/dashboard/dashboard-page.tsx')).DashboardPage) },
  { path: r.adminUnits, ...page(async () => (await import('../features/org/units-page.tsx')).UnitsPage) },
  { path: r.adminSectors, ...page(async () => (await import('../features/org/sectors-page.tsx')).SectorsPage) },
  { path: r.adminUsers, ...page(async () => (await import('../features/org/users-page.tsx')).UsersPage) },
  { path: r.adminLoginLocks, ...page(async () => (await import('../features/org/login-locks-page.tsx')).LoginLocksPage) },
  { path: r.notifications, ...page(async () => (await import('../features/notifications/notifications-page.tsx')).NotificationsPage) },
  { path: r.notificationSettings, ...page(async () => (await import('../features/notifications/webhook-settings-page.tsx')).WebhookSettingsPage) },
  { path: r.adminCriteria, ...page(async () => (await import('../features/hazards/criteria-page.tsx')).CriteriaPage) },
  { path: r.audit, ...page(async () => (await import('../features/audit/audit-page.tsx')).AuditPage) },
  { path: r.securityEvents, ...page(async () => (await import('../features/security/security-events-page.tsx')).SecurityEventsPage) },
  { path: r.accountSecurity, ...page(async () => (await import('../features/auth/account-security-page.tsx')).AccountSecurityPage) },
  { path: '*', ...page(async () => (await import('../components/not-found-page.tsx')).NotFoundPage) },
];
