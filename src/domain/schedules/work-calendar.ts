// The district's work calendar: 法定节假日 (holiday: a day off, any weekday) and 调休 (workday:
// a Saturday or Sunday worked instead). Pure: which entries a year's calendar may hold.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { isValidDay } from '../common/dates.ts';

dayjs.extend(utc);

export type CalendarDayKind = 'holiday' | 'workday';
export interface CalendarEntry { day: string; kind: CalendarDayKind }

export type CalendarProblem = 'not_a_date' | 'outside_year' | 'duplicate' | 'workday_not_weekend';
export const CALENDAR_PROBLEM_MESSAGES: Record<CalendarProblem, string> = {
  not_a_date: '日期无效',
  outside_year: '日期不在该年内',
  duplicate: '同一天只能设置一次',
  workday_not_weekend: '调休上班日应为周六或周日',
};

/** The problem of one entry on its own, or null. */
export function calendarEntryProblem(e: CalendarEntry): CalendarProblem | null {
  if (!isValidDay(e.day)) return 'not_a_date';
  const weekday = dayjs.utc(e.day).day();
  if (e.kind === 'workday' && weekday !== 0 && weekday !== 6) return 'workday_not_weekend';
  return null;
}

/** Problems of a whole year's entries, by index: each entry's own, outside the year, repeated days. */
export function calendarYearProblems(year: number, entries: readonly CalendarEntry[]): { index: number; problem: CalendarProblem }[] {
  const out: { index: number; problem: CalendarProblem }[] = [];
  const seen = new Set<string>();
  entries.forEach((e, index) => {
    const own = calendarEntryProblem(e);
    if (own) out.push({ index, problem: own });
    else if (!e.day.startsWith(`${year}-`)) out.push({ index, problem: 'outside_year' });
    else if (seen.has(e.day)) out.push({ index, problem: 'duplicate' });
    seen.add(e.day);
  });
  return out;
}
