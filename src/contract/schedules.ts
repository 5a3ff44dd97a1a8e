// 日周月 self-inspection schedules: one per enterprise, the calendar of its occurrences, compliance
// figures and "谁落后了" for the authorities. Occurrences are derived (domain/self-inspection-schedule.ts).
import { z, int } from './zod.ts';
import { SELF_INSPECTION_TYPES } from '../domain/inspections/inspection-rules.ts';
import { OCCURRENCE_STATUSES, SELF_INSPECTION_FREQUENCIES } from '../domain/schedules/self-inspection-schedule.ts';
import { SCHEDULE_ACTIONS, TODAY_TASK_ACTIONS } from '../domain/inspections/inspection-policy.ts';
import { defineRoute } from './route.ts';
import { DateStr, IdParams, PageQuery, Uuid, pageOf } from './common.ts';

const MonthStr = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
const TemplateCode = z.string().trim().max(64).nullish().transform((v) => (v ? v : null));
/** Day lists are checked by the domain (scheduleProblems) so that each bad day gets its own message. */
const DayList = z.array(z.string().trim().max(10)).max(400, '最多400天');

// ---- the schedule
export const ScheduleInput = z.object({
  dailyTemplateCode: TemplateCode,
  weeklyTemplateCode: TemplateCode,
  monthlyTemplateCode: TemplateCode,
  workOnWeekends: z.boolean().default(false),
  holidays: DayList.default([]),
  extraWorkdays: DayList.default([]),
  weeklyDueWeekday: int().nullish().transform((v) => v ?? null),
  monthlyDueDay: int().nullish().transform((v) => v ?? null),
  startsOn: DateStr,
  active: z.boolean().default(true),
  /** The version read; null when the enterprise has no schedule yet. */
  version: int().nullable(),
});
export type TScheduleInput = z.output<typeof ScheduleInput>;

export const ScheduleFields = z.object({
  dailyTemplateCode: z.string().nullable(),
  weeklyTemplateCode: z.string().nullable(),
  monthlyTemplateCode: z.string().nullable(),
  workOnWeekends: z.boolean(),
  holidays: z.array(z.string()),
  extraWorkdays: z.array(z.string()),
  weeklyDueWeekday: int().nullable(),
  monthlyDueDay: int().nullable(),
  startsOn: z.string(),
  active: z.boolean(),
});

export const ScheduleView = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  /** Null: the enterprise has no schedule yet. */
  schedule: ScheduleFields.nullable(),
  version: int().nullable(),
  /** edit: the caller may set the schedule (domain/inspection-policy). */
  allowedActions: z.array(z.enum(SCHEDULE_ACTIONS)),
  /** The district's active checklist templates, for the form. */
  templates: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type TScheduleView = z.output<typeof ScheduleView>;

// ---- compliance
export const ComplianceCounts = z.object({
  total: int(),
  done: int(),
  missed: int(),
  due: int(),
  upcoming: int(),
  rate: z.number().nullable(),
});
export const Compliance = z.object({
  byFrequency: z.object({ daily: ComplianceCounts, weekly: ComplianceCounts, monthly: ComplianceCounts }),
  all: ComplianceCounts,
});
export type TCompliance = z.output<typeof Compliance>;

export const ComplianceSummary = z.object({
  enterpriseId: z.string(),
  configured: z.boolean(),
  today: z.string(),
  thisMonth: z.object({ from: z.string(), to: z.string(), compliance: Compliance }).nullable(),
  last90Days: z.object({ from: z.string(), to: z.string(), compliance: Compliance }).nullable(),
});

// ---- the calendar of one month
export const OccurrenceView = z.object({
  frequency: z.enum(SELF_INSPECTION_FREQUENCIES),
  type: z.enum(SELF_INSPECTION_TYPES),
  templateCode: z.string(),
  periodKey: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueDate: z.string(),
  status: z.enum(OCCURRENCE_STATUSES),
  /** Completed self-inspections of this frequency in the period. */
  inspectionIds: z.array(z.string()),
});
export type TOccurrenceView = z.output<typeof OccurrenceView>;

export const CalendarQuery = z.object({ month: MonthStr.optional() });
export const CalendarDay = z.object({
  date: z.string(),
  workday: z.boolean(),
  /** The district calendar's name of the day (e.g. 国庆节, 调休上班), if any. */
  calendarName: z.string().nullable(),
  /** Before the schedule starts: nothing is due. */
  beforeStart: z.boolean(),
});
export const SelfInspectionCalendar = z.object({
  enterpriseId: z.string(),
  month: z.string(),
  today: z.string(),
  configured: z.boolean(),
  days: z.array(CalendarDay),
  /** Every occurrence due in the month, by due date (daily, weekly, monthly). */
  occurrences: z.array(OccurrenceView),
  compliance: Compliance,
});
export type TSelfInspectionCalendar = z.output<typeof SelfInspectionCalendar>;

// ---- today's tasks
export const TodayTask = OccurrenceView.extend({
  templateName: z.string(),
  /** A self-inspection of this period still being filled in: continue it instead of starting another. */
  draftInspectionId: z.string().nullable(),
});
export const TodayTasks = z.object({
  enterpriseId: z.string(),
  today: z.string(),
  configured: z.boolean(),
  /** The occurrences whose period includes today (done ones too, so the card shows them ticked). */
  tasks: z.array(TodayTask),
  /** start: the caller may start a self-inspection (the enterprise's own account; domain/inspection-policy). */
  allowedActions: z.array(z.enum(TODAY_TASK_ACTIONS)),
});

// ---- 谁落后了
export const BehindFilter = z.object({
  q: z.string().trim().max(64).optional(),
  villageId: Uuid.optional(),
  frequency: z.enum(SELF_INSPECTION_FREQUENCIES).optional(),
  /** Default: the first of this month. */
  from: DateStr.optional(),
  /** Default: today. */
  to: DateStr.optional(),
});
export type TBehindFilter = z.output<typeof BehindFilter>;
export const BehindQuery = BehindFilter.extend(PageQuery.shape);

export const BehindItem = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  /** Of the chosen frequency, or of all. */
  missed: int(),
  done: int(),
  rate: z.number().nullable(),
  byFrequency: Compliance.shape.byFrequency,
  lastDoneOn: z.string().nullable(),
});
export type TBehindItem = z.output<typeof BehindItem>;
export const BehindResponse = pageOf(BehindItem).extend({
  from: z.string(),
  to: z.string(),
  /** Enterprises with a schedule in scope and filter, and how many of them missed something. */
  scheduled: int(),
  behind: int(),
});

const EnterpriseParams = IdParams;

export const scheduleRoutes = {
  get: defineRoute({ method: 'GET', path: '/api/enterprises/:id/self-inspection/schedule', summary: '日周月自查安排', tag: 'schedules', params: EnterpriseParams, response: ScheduleView }),
  put: defineRoute({ method: 'PUT', path: '/api/enterprises/:id/self-inspection/schedule', summary: '设置日周月自查安排', tag: 'schedules', params: EnterpriseParams, body: ScheduleInput, response: ScheduleView }),
  calendar: defineRoute({ method: 'GET', path: '/api/enterprises/:id/self-inspection/calendar', summary: '自查日历（一个月）', tag: 'schedules', params: EnterpriseParams, query: CalendarQuery, response: SelfInspectionCalendar }),
  compliance: defineRoute({ method: 'GET', path: '/api/enterprises/:id/self-inspection/compliance', summary: '自查完成情况（本月、近90天）', tag: 'schedules', params: EnterpriseParams, response: ComplianceSummary }),
  today: defineRoute({ method: 'GET', path: '/api/enterprises/:id/self-inspection/today', summary: '今日自查任务', tag: 'schedules', params: EnterpriseParams, response: TodayTasks }),
  behind: defineRoute({ method: 'GET', path: '/api/self-inspection/compliance', summary: '自查情况：谁落后了（按未按期完成次数）', tag: 'schedules', query: BehindQuery, response: BehindResponse }),
  behindExport: defineRoute({ method: 'GET', path: '/api/self-inspection/compliance/export', summary: '导出自查情况（xlsx）', tag: 'schedules', query: BehindFilter, responseType: 'xlsx' }),
};
