import type { RouteBody, RouteQuery, RouteResponse } from '../../../../contract/route.ts';
import type { scheduleRoutes } from '../../../../contract/schedules.ts';

export type ScheduleView = RouteResponse<typeof scheduleRoutes.get>;
export type ScheduleBody = RouteBody<typeof scheduleRoutes.put>;
export type CalendarData = RouteResponse<typeof scheduleRoutes.calendar>;
export type TodayData = RouteResponse<typeof scheduleRoutes.today>;
export type BehindQuery = RouteQuery<typeof scheduleRoutes.behind>;
export type BehindFilterQuery = RouteQuery<typeof scheduleRoutes.behindExport>;

/** Every schedule query starts with 'schedules'; a completed self-inspection changes them all. */
export const scheduleKeys = {
  all: ['schedules'] as const,
  ofEnterprise: (id: string) => ['schedules', 'enterprise', id] as const,
  schedule: (id: string) => ['schedules', 'enterprise', id, 'schedule'] as const,
  calendar: (id: string, month: string) => ['schedules', 'enterprise', id, 'calendar', month] as const,
  compliance: (id: string) => ['schedules', 'enterprise', id, 'compliance'] as const,
  today: (id: string) => ['schedules', 'enterprise', id, 'today'] as const,
  behind: (q: BehindQuery) => ['schedules', 'behind', q] as const,
};
