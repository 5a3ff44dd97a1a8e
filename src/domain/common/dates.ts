// Dates in the township's time zone (Asia/Shanghai, UTC+8, no daylight saving).
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
const OFFSET_MINUTES = 8 * 60;

/** The instant a Shanghai calendar day (YYYY-MM-DD) starts, plus `addDays` days. */
export function shanghaiDayStart(day: string, addDays = 0): Date {
  return dayjs.utc(day).add(addDays, 'day').subtract(OFFSET_MINUTES, 'minute').toDate();
}

/** The Shanghai calendar day (YYYY-MM-DD) of an instant. */
export function shanghaiDay(at: Date): string {
  return dayjs.utc(at).add(OFFSET_MINUTES, 'minute').format('YYYY-MM-DD');
}

/**
 * An instant as the township reads it, 'YYYY-MM-DD HH:mm:ss' in Shanghai time: what the web shows
 * (formatDateTime), for the server's own texts (exports, prints, event details).
 */
export function shanghaiDateTime(at: Date): string {
  return dayjs.utc(at).add(OFFSET_MINUTES, 'minute').format('YYYY-MM-DD HH:mm:ss');
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Whether 'YYYY-MM-DD' names a day that exists (2024-02-29 does, 2023-02-29 and 2024-2-1 do not). */
export function isValidDay(day: string): boolean {
  return DAY.test(day) && dayjs.utc(day).format('YYYY-MM-DD') === day;
}

/** The day `n` days after (or before, for negative n) a day 'YYYY-MM-DD'. */
export function addDays(day: string, n: number): string {
  return dayjs.utc(day).add(n, 'day').format('YYYY-MM-DD');
}

/** The first day of the month of `day`, `n` months later (or earlier). */
export function monthStartOf(day: string, n = 0): string {
  return dayjs.utc(`${day.slice(0, 7)}-01`).add(n, 'month').format('YYYY-MM-DD');
}

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayjs.utc(to).diff(dayjs.utc(from), 'day');
}
