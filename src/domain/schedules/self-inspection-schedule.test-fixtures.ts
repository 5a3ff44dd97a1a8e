// Schedules the 日周月 self-inspection tests share, with the 2025 holidays and 调休 workdays.
import { type SelfInspectionSchedule, occurrencesBetween } from './self-inspection-schedule.ts';

export const sched = (o: Partial<SelfInspectionSchedule> = {}): SelfInspectionSchedule => ({
  daily: 'shift-daily',
  weekly: 'workshop-weekly',
  monthly: 'principal-monthly',
  workOnWeekends: false,
  holidays: [],
  extraWorkdays: [],
  weeklyDueWeekday: null,
  monthlyDueDay: null,
  ...o,
});
export const only = (f: 'daily' | 'weekly' | 'monthly', o: Partial<SelfInspectionSchedule> = {}) =>
  sched({ ...o, daily: null, weekly: null, monthly: null, [f]: `${f}-list` });

/** 2025 (State Council notice): 劳动节 5月1日–5日 off, 4月27日 (Sunday) worked; 国庆节、中秋节 10月1日–8日 off, 9月28日 (Sunday) and 10月11日 (Saturday) worked. */
export const HOLIDAYS_2025 = ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05', ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `2025-10-0${n}`)];
export const EXTRA_2025 = ['2025-04-27', '2025-09-28', '2025-10-11'];
export const cn2025 = (o: Partial<SelfInspectionSchedule> = {}) => sched({ holidays: HOLIDAYS_2025, extraWorkdays: EXTRA_2025, ...o });
export const dueDates = (s: SelfInspectionSchedule, from: string, to: string) => occurrencesBetween(s, from, to).map((o) => o.dueDate);
