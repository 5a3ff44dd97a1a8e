// Display formats. Instants are stored in UTC and shown in the township's timezone.
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export const TIMEZONE = 'Asia/Shanghai';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(TIMEZONE).format('YYYY-MM-DD HH:mm:ss') : iso;
}

/** An instant to the minute, for lists. */
export function formatMinute(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(TIMEZONE).format('YYYY-MM-DD HH:mm') : iso;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(TIMEZONE).format('YYYY-MM-DD') : iso;
}

export function isFuture(iso: string | null | undefined, now: Date = new Date()): boolean {
  return !!iso && new Date(iso).getTime() > now.getTime();
}

export { dayjs };

/** Whole days a date (YYYY-MM-DD) lies before today in the township's timezone; 0 or less when not past. */
export function daysPast(ymd: string | null | undefined, now: Date = new Date()): number {
  if (!ymd) return 0;
  const today = dayjs(now).tz(TIMEZONE).format('YYYY-MM-DD');
  return dayjs(today).diff(dayjs(ymd), 'day');
}
