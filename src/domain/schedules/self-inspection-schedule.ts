// 日周月 self-inspection schedules (seed 000 二.1; seed 003 附件2-1 row 5: 班组每天1次、车间每周1次、
// 厂长每月最少1次). An enterprise names the checklist due daily, weekly and monthly; the
// occurrences are derived from the calendar, never stored:
//   daily    one on every workday, due that day;
//   weekly   one per ISO week (Monday to Sunday), due by its last workday (or a chosen weekday);
//   monthly  one per calendar month, due by its last workday (or a chosen day of the month).
// A period without a workday has no occurrence. Workdays: Monday to Friday, plus weekends when the
// enterprise works them, minus its holidays, plus 调休 weekend workdays.
// All days are 'YYYY-MM-DD' in Asia/Shanghai; today is passed in. Pure: no IO.
import { isValidDay } from '../common/dates.ts';

export const SELF_INSPECTION_FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
export type SelfInspectionFrequency = (typeof SELF_INSPECTION_FREQUENCIES)[number];
export const SELF_INSPECTION_FREQUENCY_LABELS: Record<SelfInspectionFrequency, string> = { daily: '日', weekly: '周', monthly: '月' };
/** Who inspects at each frequency (seed 003 附件2-1: 班组每天1次、车间每周1次、厂长每月最少1次). */
export const SELF_INSPECTION_LEVEL_LABELS: Record<SelfInspectionFrequency, string> = {
  daily: '班组',
  weekly: '车间',
  monthly: '厂长（主要负责人）',
};

export const OCCURRENCE_STATUSES = ['done', 'missed', 'due', 'upcoming'] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];
export const OCCURRENCE_STATUS_LABELS: Record<OccurrenceStatus, string> = {
  done: '已完成',
  missed: '未按期完成',
  due: '待完成',
  upcoming: '未开始',
};

export const ISO_WEEKDAY_LABELS: Record<number, string> = { 1: '周一', 2: '周二', 3: '周三', 4: '周四', 5: '周五', 6: '周六', 7: '周日' };

export interface SelfInspectionSchedule {
  /** Checklist template code per frequency; null: not scheduled. */
  daily: string | null;
  weekly: string | null;
  monthly: string | null;
  /** Saturdays and Sundays are workdays (holidays still are not). */
  workOnWeekends: boolean;
  /** Days off (法定节假日 and the enterprise's own), 'YYYY-MM-DD'. */
  holidays: readonly string[];
  /** 调休: weekend days that are workdays, 'YYYY-MM-DD'. */
  extraWorkdays: readonly string[];
  /** ISO weekday (1 Monday … 7 Sunday) the weekly check is due; null: any day, by the week's last workday. */
  weeklyDueWeekday: number | null;
  /** Day of the month (1–31) the monthly check is due; null: any day, by the month's last workday. */
  monthlyDueDay: number | null;
}

export interface Occurrence {
  frequency: SelfInspectionFrequency;
  templateCode: string;
  /** '2024-11-18' (daily), '2024-W47' (ISO week), '2024-11' (month). */
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
}

export type ScheduleProblem =
  | { problem: 'day_invalid'; field: 'holidays' | 'extraWorkdays'; day: string }
  | { problem: 'day_both_holiday_and_workday'; day: string }
  | { problem: 'extra_workday_not_weekend'; day: string }
  | { problem: 'weekly_due_weekday_invalid' }
  | { problem: 'monthly_due_day_invalid' }
  | { problem: 'active_without_checklist' };

export const SCHEDULE_PROBLEM_MESSAGES: Record<ScheduleProblem['problem'], string> = {
  day_invalid: '日期格式应为 YYYY-MM-DD',
  day_both_holiday_and_workday: '同一天不能既是节假日又是调休工作日',
  extra_workday_not_weekend: '调休工作日应是周六或周日',
  weekly_due_weekday_invalid: '周检日应为周一至周日',
  monthly_due_day_invalid: '月检日应为每月1日至31日',
  active_without_checklist: '请至少为日、周、月中的一项选择检查表',
};

// Day arithmetic on UTC epoch day numbers: a township's compliance over a year walks millions of
// days, and building a date string per step made that seconds of CPU (bench/inspections.ts). Only
// the occurrences returned are formatted.
const DAY_MS = 86_400_000;
/** Days since 1970-01-01 of a 'YYYY-MM-DD' (not checked: callers pass valid days). */
const dayNumber = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
const dayString = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
/** 1 Monday … 7 Sunday; day 0 (1970-01-01) was a Thursday. */
const weekdayOf = (n: number) => ((((n + 3) % 7) + 7) % 7) + 1;
/** 1 Monday … 7 Sunday. */
export const isoWeekday = (day: string) => weekdayOf(dayNumber(day));
const isWeekend = (day: string) => isoWeekday(day) >= 6;
/** The day number of a listed day, null when it is not a real day (it then matches no day, as a string would not). */
const listedDay = (day: string): number | null => (isValidDay(day) ? dayNumber(day) : null);

/**
 * Everything wrong with a schedule; [] when it can be stored. One that is not active may schedule
 * nothing (an enterprise not yet set up, or paused); an active one needs a checklist for at least
 * one of 日, 周, 月.
 */
export function scheduleProblems(s: SelfInspectionSchedule & { active?: boolean }): ScheduleProblem[] {
  const out: ScheduleProblem[] = [];
  for (const field of ['holidays', 'extraWorkdays'] as const) {
    for (const day of s[field]) if (!isValidDay(day)) out.push({ problem: 'day_invalid', field, day });
  }
  const holidays = new Set(s.holidays);
  for (const day of s.extraWorkdays) {
    if (!isValidDay(day)) continue;
    if (holidays.has(day)) out.push({ problem: 'day_both_holiday_and_workday', day });
    if (!isWeekend(day)) out.push({ problem: 'extra_workday_not_weekend', day });
  }
  const w = s.weeklyDueWeekday;
  if (w !== null && !(Number.isInteger(w) && w >= 1 && w <= 7)) out.push({ problem: 'weekly_due_weekday_invalid' });
  const m = s.monthlyDueDay;
  if (m !== null && !(Number.isInteger(m) && m >= 1 && m <= 31)) out.push({ problem: 'monthly_due_day_invalid' });
  if (s.active && s.daily === null && s.weekly === null && s.monthly === null) out.push({ problem: 'active_without_checklist' });
  return out;
}

/** The district work calendar's days in a span: 法定节假日 and 调休 workdays. */
export interface DistrictDays {
  holidays: readonly string[];
  workdays: readonly string[];
}

/**
 * The schedule the occurrences follow: the enterprise's own days merged with the district's work
 * calendar. The enterprise's own days win: its holiday overrides a district 调休 workday, and its
 * 调休 workday overrides a district holiday.
 */
export function withDistrictCalendar(own: SelfInspectionSchedule, district: DistrictDays): SelfInspectionSchedule {
  const ownHolidays = new Set(own.holidays);
  const ownWorkdays = new Set(own.extraWorkdays);
  return {
    ...own,
    holidays: [...new Set([...district.holidays.filter((d) => !ownWorkdays.has(d)), ...own.holidays])],
    extraWorkdays: [...new Set([...district.workdays.filter((d) => !ownHolidays.has(d)), ...own.extraWorkdays])],
  };
}

type WorkdaySchedule = Pick<SelfInspectionSchedule, 'workOnWeekends' | 'holidays' | 'extraWorkdays'>;

/** A workday test on day numbers for one schedule (the day lists read once, into Sets). */
function workdayTest(s: WorkdaySchedule): (n: number) => boolean {
  const toSet = (days: readonly string[]) => {
    const set = new Set<number>();
    for (const day of days) {
      const n = listedDay(day);
      if (n !== null) set.add(n);
    }
    return set;
  };
  const holidays = toSet(s.holidays);
  const extra = toSet(s.extraWorkdays);
  const weekends = s.workOnWeekends;
  return (n) => {
    if (holidays.has(n)) return false;
    if (extra.has(n)) return true;
    return weekends || weekdayOf(n) < 6;
  };
}

/** Whether the enterprise works on a day under its schedule. */
export function isWorkday(s: WorkdaySchedule, day: string): boolean {
  if (s.holidays.includes(day)) return false;
  if (s.extraWorkdays.includes(day)) return true;
  return s.workOnWeekends || !isWeekend(day);
}

const mondayOf = (n: number) => n + 1 - weekdayOf(n);

/** The Monday of a day's ISO week. */
export function isoWeekStart(day: string): string {
  return dayString(mondayOf(dayNumber(day)));
}

/** 'YYYY-Www' of the week of day number n: the ISO week-year is the year of the week's Thursday. */
function weekKeyOf(n: number): string {
  const thursday = mondayOf(n) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1) / DAY_MS) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** 'YYYY-Www': the ISO week-year is the year of the week's Thursday. */
export function isoWeekKey(day: string): string {
  return weekKeyOf(dayNumber(day));
}

/**
 * The due day in a period [start, end]: the target when it is a workday, else the next workday in
 * the period, else the last one before it; with no target, the period's last workday. Null when
 * the period has no workday.
 */
function dueDay(start: number, end: number, target: number | null, works: (n: number) => boolean): number | null {
  if (target === null) {
    for (let n = end; n >= start; n--) if (works(n)) return n;
    return null;
  }
  for (let n = Math.max(target, start); n <= end; n++) if (works(n)) return n;
  for (let n = Math.min(target - 1, end); n >= start; n--) if (works(n)) return n;
  return null;
}

type Visit = (frequency: SelfInspectionFrequency, periodStart: number, periodEnd: number, dueDate: number) => void;

/** Calls `visit` for each occurrence due in [from, to] (day numbers), frequency by frequency in due order. */
function eachOccurrence(s: SelfInspectionSchedule, from: number, to: number, visit: Visit): void {
  if (from > to) return;
  const works = workdayTest(s);
  if (s.daily !== null) {
    for (let n = from; n <= to; n++) if (works(n)) visit('daily', n, n, n);
  }
  if (s.weekly !== null) {
    const weekday = s.weeklyDueWeekday;
    for (let monday = mondayOf(from); monday <= to; monday += 7) {
      const due = dueDay(monday, monday + 6, weekday === null ? null : monday + weekday - 1, works);
      if (due !== null && due >= from && due <= to) visit('weekly', monday, monday + 6, due);
    }
  }
  if (s.monthly !== null) {
    const f = new Date(from * DAY_MS);
    const year = f.getUTCFullYear();
    // Date.UTC carries month numbers past 11 into the following years.
    for (let month = f.getUTCMonth(), first = Date.UTC(year, month, 1) / DAY_MS; first <= to; month++) {
      const next = Date.UTC(year, month + 1, 1) / DAY_MS;
      const target = s.monthlyDueDay === null ? null : first + Math.min(s.monthlyDueDay, next - first) - 1;
      const due = dueDay(first, next - 1, target, works);
      if (due !== null && due >= from && due <= to) visit('monthly', first, next - 1, due);
      first = next;
    }
  }
}

const FREQUENCY_ORDER: Record<SelfInspectionFrequency, number> = { daily: 0, weekly: 1, monthly: 2 };

function periodKeyOf(frequency: SelfInspectionFrequency, periodStart: number): string {
  if (frequency === 'weekly') return weekKeyOf(periodStart);
  const day = dayString(periodStart);
  return frequency === 'daily' ? day : day.slice(0, 7);
}

/**
 * The occurrences whose due date falls in [from, to], by due date then daily, weekly, monthly.
 * Counting by due date puts each occurrence in exactly one of any consecutive ranges, so a week
 * that spans two months belongs to the month of its due date.
 */
export function occurrencesBetween(s: SelfInspectionSchedule, from: string, to: string): Occurrence[] {
  if (from > to) return [];
  const found: { frequency: SelfInspectionFrequency; start: number; end: number; due: number }[] = [];
  eachOccurrence(s, dayNumber(from), dayNumber(to), (frequency, start, end, due) => found.push({ frequency, start, end, due }));
  found.sort((a, b) => a.due - b.due || FREQUENCY_ORDER[a.frequency] - FREQUENCY_ORDER[b.frequency]);
  return found.map((o) => ({
    frequency: o.frequency,
    templateCode: s[o.frequency]!,
    periodKey: periodKeyOf(o.frequency, o.start),
    periodStart: dayString(o.start),
    periodEnd: dayString(o.end),
    dueDate: dayString(o.due),
  }));
}

/**
 * done: a self-inspection of this frequency was completed on a day of the period (a late one
 * within the period still counts); missed: not done and the due date has passed; due: the
 * period has begun and the due date has not passed; upcoming: the period has not begun.
 */
export function occurrenceStatus(o: Pick<Occurrence, 'periodStart' | 'periodEnd' | 'dueDate'>, doneDates: readonly string[], today: string): OccurrenceStatus {
  return statusOf(o, doneDates.some((x) => x >= o.periodStart && x <= o.periodEnd), today);
}

function statusOf<T extends string | number>(o: { periodStart: T; dueDate: T }, done: boolean, today: T): OccurrenceStatus {
  if (done) return 'done';
  if (today > o.dueDate) return 'missed';
  return today >= o.periodStart ? 'due' : 'upcoming';
}

/** Whether sorted day numbers hold one in [start, end] (binary search: a year of daily checks is ~250 days). */
function anyBetween(sorted: Float64Array, start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]! <= end;
}

export interface ComplianceCounts {
  total: number;
  done: number;
  missed: number;
  due: number;
  upcoming: number;
  /** done / (done + missed); null when nothing is settled yet. */
  rate: number | null;
}

export interface Compliance {
  byFrequency: Record<SelfInspectionFrequency, ComplianceCounts>;
  all: ComplianceCounts;
}

const emptyCounts = (): ComplianceCounts => ({ total: 0, done: 0, missed: 0, due: 0, upcoming: 0, rate: null });
const withRate = (c: ComplianceCounts): ComplianceCounts => ({ ...c, rate: c.done + c.missed === 0 ? null : c.done / (c.done + c.missed) });

/** Counts of the occurrences due in [from, to] by status, per frequency and in all. */
export function complianceOf(o: {
  schedule: SelfInspectionSchedule;
  from: string;
  to: string;
  today: string;
  /** Days on which a self-inspection of each frequency was completed. */
  doneDates: Record<SelfInspectionFrequency, readonly string[]>;
}): Compliance {
  const byFrequency: Record<SelfInspectionFrequency, ComplianceCounts> = { daily: emptyCounts(), weekly: emptyCounts(), monthly: emptyCounts() };
  const all = emptyCounts();
  // Counted straight from the day numbers: no occurrence objects, no strings.
  const sortedDays = (days: readonly string[]) => Float64Array.from(days, dayNumber).sort();
  const sorted = { daily: sortedDays(o.doneDates.daily), weekly: sortedDays(o.doneDates.weekly), monthly: sortedDays(o.doneDates.monthly) };
  const today = dayNumber(o.today);
  if (o.from <= o.to) {
    eachOccurrence(o.schedule, dayNumber(o.from), dayNumber(o.to), (frequency, periodStart, periodEnd, dueDate) => {
      const status = statusOf({ periodStart, dueDate }, anyBetween(sorted[frequency], periodStart, periodEnd), today);
      const c = byFrequency[frequency];
      c.total += 1;
      c[status] += 1;
      all.total += 1;
      all[status] += 1;
    });
  }
  return {
    byFrequency: { daily: withRate(byFrequency.daily), weekly: withRate(byFrequency.weekly), monthly: withRate(byFrequency.monthly) },
    all: withRate(all),
  };
}
