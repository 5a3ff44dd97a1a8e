// Day arithmetic the deadline rules need beyond src/domain/common/dates.ts, on the same dayjs (UTC,
// so that no time zone moves a day). Days are 'YYYY-MM-DD' strings throughout.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { addDays, monthStartOf } from '../../common/dates.ts';

dayjs.extend(utc);

const pad2 = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of a year, month (1–12) and day, without checking that the day exists. */
export function ymd(year: number, month: number, day: number): string {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** The last day of a month (2024-02 → 2024-02-29, 2023-02 → 2023-02-28). */
export function monthEnd(year: number, month: number): string {
  return addDays(monthStartOf(ymd(year, month, 1), 1), -1);
}

/** Day `day` of the month, or the month's last day when the month is shorter (31 in June → 30). */
export function clampedDay(year: number, month: number, day: number): string {
  const end = monthEnd(year, month);
  return day >= Number(end.slice(8)) ? end : ymd(year, month, day);
}

export const yearOf = (day: string) => Number(day.slice(0, 4));
export const monthOf = (day: string) => Number(day.slice(5, 7));
export const dayOf = (day: string) => Number(day.slice(8, 10));

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(day: string): number {
  return dayjs.utc(day).day() || 7;
}

/** The day `n` months after `day`, on the same day of month or the month's last day (01-31 + 1 → 02-28). */
export function addMonths(day: string, n: number): string {
  return dayjs.utc(day).add(n, 'month').format('YYYY-MM-DD');
}

/** 2023-07-30 → "2023年7月30日"; without the year when `withYear` is false. */
export function chineseDay(day: string, withYear = true): string {
  const md = `${monthOf(day)}月${dayOf(day)}日`;
  return withYear ? `${yearOf(day)}年${md}` : md;
}
