import type { calendarRoutes, checklistRoutes } from '../../../../contract/checklists.ts';
import type { RouteBody, RouteQuery, RouteResponse } from '../../../../contract/route.ts';
import { recordKeys } from '../../../lib/query-keys.ts';

export type ChecklistListQuery = RouteQuery<typeof checklistRoutes.list>;
export type ChecklistListItem = RouteResponse<typeof checklistRoutes.list>['items'][number];
export type ChecklistDetail = RouteResponse<typeof checklistRoutes.get>;
export type ChecklistVersion = RouteResponse<typeof checklistRoutes.getVersion>;
export type ChecklistDiff = RouteResponse<typeof checklistRoutes.diff>;
export type ChecklistContentBody = RouteBody<typeof checklistRoutes.create>;
export type ChecklistPublishBody = RouteBody<typeof checklistRoutes.publish>;
export type CalendarYear = RouteResponse<typeof calendarRoutes.year>;
export type CalendarDayBody = RouteBody<typeof calendarRoutes.putDay>;

export const checklistKeys = {
  ...recordKeys<ChecklistListQuery>('checklists'),
  version: (id: string, version: number) => ['checklists', 'version', id, version] as const,
  diff: (id: string, from: number, to: number) => ['checklists', 'diff', id, from, to] as const,
};

export const calendarKeys = {
  all: ['work-calendar'] as const,
  year: (year: number) => ['work-calendar', year] as const,
};
