// The 督办 lights many townships use on their task boards: green on track, yellow within three days
// of a deadline, red overdue. One rule for every item of the 工作台 and every reminder.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);

export const LIGHTS = ['green', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];

/** Days before a deadline from which it shows yellow and its reminder is sent. */
export const DUE_SOON_DAYS = 3;

/** Whole days from `today` to `due` (negative once past). Both are Shanghai days, YYYY-MM-DD. */
export function daysLeft(due: string, today: string): number {
  return dayjs.utc(due).diff(dayjs.utc(today), 'day');
}

/** The light of something due on `due` (none: always on track). Due today is still yellow, not red. */
export function lightOf(due: string | null | undefined, today: string): Light {
  if (!due) return 'green';
  const left = daysLeft(due, today);
  if (left < 0) return 'red';
  return left <= DUE_SOON_DAYS ? 'yellow' : 'green';
}

/** How the 工作台 says it: 逾期 3 天 / 今天到期 / 剩 2 天. */
export function dueWords(due: string, today: string): string {
  const left = daysLeft(due, today);
  if (left < 0) return `逾期 ${-left} 天`;
  if (left === 0) return '今天到期';
  return `剩 ${left} 天`;
}

const ORDER: Record<Light, number> = { red: 0, yellow: 1, green: 2 };
/** Red first, then yellow, then green; within a light the nearest deadline first, undated last. */
export function byUrgency<T extends { light: Light; due?: string | null }>(a: T, b: T): number {
  return ORDER[a.light] - ORDER[b.light] || (a.due ?? '9999').localeCompare(b.due ?? '9999');
}
