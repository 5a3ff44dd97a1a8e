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
