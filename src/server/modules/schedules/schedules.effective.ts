// The schedule the domain computes with (its enterprise's row merged with the district's work
// calendar by the domain's withDistrictCalendar), and the day helpers of the schedule pages. Pure.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { addDays, monthStartOf } from '../../../domain/common/dates.ts';
import { type DistrictDays, type SelfInspectionSchedule, isoWeekStart, withDistrictCalendar } from '../../../domain/schedules/self-inspection-schedule.ts';
import type { ScheduleRow } from './schedules.repository.ts';

dayjs.extend(utc);

type ScheduleFields = Pick<
  ScheduleRow,
  'dailyTemplateCode' | 'weeklyTemplateCode' | 'monthlyTemplateCode' | 'workOnWeekends' | 'holidays' | 'extraWorkdays' | 'weeklyDueWeekday' | 'monthlyDueDay'
>;

/** The domain's schedule of a stored row or an input, without the district calendar. */
export function scheduleOfRow(row: ScheduleFields): SelfInspectionSchedule {
  return {
    daily: row.dailyTemplateCode, weekly: row.weeklyTemplateCode, monthly: row.monthlyTemplateCode, workOnWeekends: row.workOnWeekends,
    holidays: row.holidays, extraWorkdays: row.extraWorkdays, weeklyDueWeekday: row.weeklyDueWeekday, monthlyDueDay: row.monthlyDueDay,
  };
}

export const effectiveSchedule = (row: ScheduleRow, district: DistrictDays): SelfInspectionSchedule => withDistrictCalendar(scheduleOfRow(row), district);

// Day arithmetic is the domain's (one date helper); the names stay for this module's readers.
export { addDays };
export const monthStart = (day: string) => monthStartOf(day);
export const monthEnd = (day: string) => addDays(monthStartOf(day, 1), -1);
export const maxDay = (a: string, b: string) => (a > b ? a : b);
export const minDay = (a: string, b: string) => (a < b ? a : b);

/**
 * The widest span of periods whose occurrences fall due in [from, to]: a weekly period may start
 * up to six days before `from`, a monthly one at the first of from's month; likewise after `to`.
 */
export function periodSpan(from: string, to: string): { from: string; to: string } {
  return {
    from: minDay(monthStart(from), isoWeekStart(from)),
    to: maxDay(monthEnd(to), addDays(isoWeekStart(to), 6)),
  };
}
