import { Suspense, lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { FullPageSpin } from '../components/full-page-spin.tsx';
import { NotFoundPage } from '../components/not-found-page.tsx';
import { AuditPage } from '../features/audit/audit-page.tsx';
import { ChangePasswordPage } from '../features/auth/change-password-page.tsx';
import { LoginPage } from '../features/auth/login-page.tsx';
import { EnterpriseCreatePage } from '../features/enterprises/enterprise-create-page.tsx';
import { EnterpriseDetailPage } from '../features/enterprises/enterprise-detail-page.tsx';
import { EnterpriseEditPage } from '../features/enterprises/enterprise-edit-page.tsx';
import { EnterpriseImportPage } from '../features/enterprises/enterprise-import-page.tsx';
import { EnterpriseListPage } from '../features/enterprises/enterprise-list-page.tsx';
import { HazardCreatePage } from '../features/hazards/hazard-create-page.tsx';
import { CriteriaPage } from '../features/hazards/criteria-page.tsx';
import { HazardDetailPage } from '../features/hazards/hazard-detail-page.tsx';
import { HazardImportPage } from '../features/hazards/hazard-import-page.tsx';
import { HazardListPage } from '../features/hazards/hazard-list-page.tsx';
import { HomePage } from '../features/home/home-page.tsx';
import { NotificationsPage } from '../features/notifications/notifications-page.tsx';
import { WebhookSettingsPage } from '../features/notifications/webhook-settings-page.tsx';
import { InspectionCreatePage } from '../features/inspections/inspection-create-page.tsx';
import { InspectionDetailPage } from '../features/inspections/inspection-detail-page.tsx';
import { InspectionFillPage } from '../features/inspections/inspection-fill-page.tsx';
import { InspectionListPage } from '../features/inspections/inspection-list-page.tsx';
import { CaseCreatePage } from '../features/cases/case-create-page.tsx';
import { CaseDetailPage } from '../features/cases/case-detail-page.tsx';
import { CaseListPage } from '../features/cases/case-list-page.tsx';
import { AccountabilityDetailPage } from '../features/accountability/accountability-detail-page.tsx';
import { AccountabilityFormPage } from '../features/accountability/accountability-form-page.tsx';
import { AccountabilityListPage } from '../features/accountability/accountability-list-page.tsx';
import { CalendarPage } from '../features/checklists/calendar-page.tsx';
import { ChecklistDetailPage } from '../features/checklists/checklist-detail-page.tsx';
import { ChecklistCreatePage, ChecklistEditPage } from '../features/checklists/checklist-editor-page.tsx';
import { ChecklistImportPage } from '../features/checklists/checklist-import-page.tsx';
import { ChecklistListPage } from '../features/checklists/checklist-list-page.tsx';
import { SectorsPage } from '../features/org/sectors-page.tsx';
import { UnitsPage } from '../features/org/units-page.tsx';
import { UsersPage } from '../features/org/users-page.tsx';
import { LoginLocksPage } from '../features/org/login-locks-page.tsx';
import { PlanDetailPage } from '../features/plans/plan-detail-page.tsx';
import { PlanListPage } from '../features/plans/plan-list-page.tsx';
import { SelfInspectionCalendarPage } from '../features/schedules/self-inspection-calendar-page.tsx';
import { SelfInspectionPage } from '../features/schedules/self-inspection-page.tsx';
import { AppLayout } from './layout/app-layout.tsx';
import { routePatterns as r } from './paths.ts';
import { RequireAuth } from './require-auth.tsx';
import { RouteError } from './route-error.tsx';

// ECharts is large: only those who open the dashboard download it.
const DashboardPage = lazy(async () => ({ default: (await import('../features/dashboard/dashboard-page.tsx')).DashboardPage }));

export function createRouter() {
  return createBrowserRouter([
    { path: r.login, element: <LoginPage />, errorElement: <RouteError /> },
    {
      path: r.changePassword,
      element: (
        <RequireAuth passwordChangePage>
          <ChangePasswordPage />
        </RequireAuth>
      ),
      errorElement: <RouteError />,
    },
    {
      element: (
        <RequireAuth>
          <AppLayout />
        </RequireAuth>
      ),
      errorElement: <RouteError />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            { index: true, element: <HomePage /> },
            { path: r.notifications, element: <NotificationsPage /> },
            { path: r.notificationSettings, element: <WebhookSettingsPage /> },
            { path: r.enterpriseList, element: <EnterpriseListPage /> },
            { path: r.enterpriseCreate, element: <EnterpriseCreatePage /> },
            { path: r.enterpriseImport, element: <EnterpriseImportPage /> },
            { path: r.enterpriseDetail, element: <EnterpriseDetailPage /> },
            { path: r.enterpriseEdit, element: <EnterpriseEditPage /> },
            { path: r.enterpriseSelfInspection, element: <SelfInspectionCalendarPage /> },
            { path: r.selfInspection, element: <SelfInspectionPage /> },
            { path: r.planList, element: <PlanListPage /> },
            { path: r.planDetail, element: <PlanDetailPage /> },
            { path: r.hazardList, element: <HazardListPage /> },
            { path: r.hazardCreate, element: <HazardCreatePage /> },
            { path: r.hazardImport, element: <HazardImportPage /> },
            { path: r.hazardDetail, element: <HazardDetailPage /> },
            { path: r.inspectionList, element: <InspectionListPage /> },
            { path: r.inspectionCreate, element: <InspectionCreatePage /> },
            { path: r.inspectionDetail, element: <InspectionDetailPage /> },
            { path: r.inspectionFill, element: <InspectionFillPage /> },
            { path: r.checklistList, element: <ChecklistListPage /> },
            { path: r.checklistCreate, element: <ChecklistCreatePage /> },
            { path: r.checklistImport, element: <ChecklistImportPage /> },
            { path: r.checklistDetail, element: <ChecklistDetailPage /> },
            { path: r.checklistEdit, element: <ChecklistEditPage /> },
            { path: r.workCalendar, element: <CalendarPage /> },
            { path: r.caseList, element: <CaseListPage /> },
            { path: r.caseCreate, element: <CaseCreatePage /> },
            { path: r.caseDetail, element: <CaseDetailPage /> },
            { path: r.accountabilityList, element: <AccountabilityListPage /> },
            { path: r.accountabilityCreate, element: <AccountabilityFormPage /> },
            { path: r.accountabilityDetail, element: <AccountabilityDetailPage /> },
            { path: r.accountabilityEdit, element: <AccountabilityFormPage key="edit" /> },
            {
              path: r.dashboard,
              element: (
                <Suspense fallback={<FullPageSpin />}>
                  <DashboardPage />
                </Suspense>
              ),
            },
            { path: r.adminUnits, element: <UnitsPage /> },
            { path: r.adminSectors, element: <SectorsPage /> },
            { path: r.adminUsers, element: <UsersPage /> },
            { path: r.adminLoginLocks, element: <LoginLocksPage /> },
            { path: r.adminCriteria, element: <CriteriaPage /> },
            { path: r.audit, element: <AuditPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
