// The schedule the domain computes with: the enterprise's own row merged with the district's work
// calendar. The enterprise's own days win: its holiday overrides a district 调休 workday, and its
// 调休 workday overrides a district holiday. Pure.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { type SelfInspectionSchedule, isoWeekStart } from '../../../domain/self-inspection-schedule.ts';
import type { ScheduleRow } from './schedules.repository.ts';

dayjs.extend(utc);

export interface DistrictDays {
  holidays: readonly string[];
  workdays: readonly string[];
}

export function effectiveSchedule(row: ScheduleRow, district: DistrictDays): SelfInspectionSchedule {
  const ownHolidays = new Set(row.holidays);
  const ownWorkdays = new Set(row.extraWorkdays);
  return {
    daily: row.dailyTemplateCode,
    weekly: row.weeklyTemplateCode,
    monthly: row.monthlyTemplateCode,
    workOnWeekends: row.workOnWeekends,
    holidays: [...new Set([...district.holidays.filter((d) => !ownWorkdays.has(d)), ...row.holidays])],
    extraWorkdays: [...new Set([...district.workdays.filter((d) => !ownHolidays.has(d)), ...row.extraWorkdays])],
    weeklyDueWeekday: row.weeklyDueWeekday,
    monthlyDueDay: row.monthlyDueDay,
  };
}

export const addDays = (day: string, n: number) => dayjs.utc(day).add(n, 'day').format('YYYY-MM-DD');
export const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
export const monthEnd = (day: string) => dayjs.utc(monthStart(day)).endOf('month').format('YYYY-MM-DD');
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
