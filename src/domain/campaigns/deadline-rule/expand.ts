// Rule → due occurrences inside a campaign's period. Recurring rules are cut into windows (a calendar
// month for 每月, a calendar quarter for 每季度, N-month windows counted from the campaign's start for
// 每N个月) and each window yields its due days.
import { addDays, monthStartOf } from '../../common/dates.ts';
import { addMonths, clampedDay, isoWeekday, monthOf, yearOf, ymd } from './calendar.ts';
import type { DeadlineRule, Due, Period, RecurringDay, RecurringUnit } from './types.ts';

type Recurring = Extract<DeadlineRule, { kind: 'recurring' }>;
interface Window { start: string; end: string }

const MONTHS: Record<Exclude<RecurringUnit, 'week'>, number> = { month: 1, quarter: 3, 'half-year': 6, year: 12 };
const max = (a: string, b: string) => (a > b ? a : b);

/** The window of `every` (interval 1) that contains `day`: calendar week (Mon–Sun), month, quarter, half or year. */
function calendarWindowOf(every: RecurringUnit, day: string): Window {
  if (every === 'week') {
    const start = addDays(day, 1 - isoWeekday(day));
    return { start, end: addDays(start, 6) };
  }
  const months = MONTHS[every];
  const firstMonth = Math.floor((monthOf(day) - 1) / months) * months + 1;
  const start = ymd(yearOf(day), firstMonth, 1);
  return { start, end: addDays(monthStartOf(start, months), -1) };
}

/**
 * Windows that meet the period, unclamped. Interval 1 follows the calendar (每季度 → Jan–Mar, …);
 * a longer interval counts from the period's first day (每3个月 from 05-18 → 05-18…08-17, 08-18…11-17),
 * which is how the plans' own dates read it ("每3个月" beside "8月中旬、11月中旬" in a May campaign).
 */
function windows(rule: Recurring, period: Period): Window[] {
  const out: Window[] = [];
  if (rule.interval === 1) {
    for (let w = calendarWindowOf(rule.every, period.start); w.start <= period.end; w = calendarWindowOf(rule.every, addDays(w.end, 1))) out.push(w);
    return out;
  }
  const step = (k: number) => (rule.every === 'week' ? addDays(period.start, 7 * rule.interval * k) : addMonths(period.start, MONTHS[rule.every] * rule.interval * k));
  for (let k = 0; step(k) <= period.end; k++) out.push({ start: step(k), end: addDays(step(k + 1), -1) });
  return out;
}

/** The due days a window asks for, in order. */
function targets(rule: Recurring, w: Window): string[] {
  const days: RecurringDay[] = rule.days ?? ['end'];
  if (rule.interval !== 1 || (rule.every !== 'week' && rule.every !== 'month')) return [w.end];
  const due = days.map((d) => {
    if (d === 'end') return w.end;
    if (rule.every === 'week') return addDays(w.start, d - 1);
    return clampedDay(yearOf(w.start), monthOf(w.start), d); // 31 in June → 06-30
  });
  return [...new Set(due)].sort();
}

/**
 * One due per target inside the period. A target before the period's start is skipped; the first
 * target after its end is moved to the period's last day (a partial last window still reports) and
 * ends the list. `from` is the window's start, or the previous target's next day, never before the period.
 */
function expandRecurring(rule: Recurring, period: Period): Due[] {
  const out: Due[] = [];
  for (const w of windows(rule, period)) {
    let previous: string | undefined;
    for (const t of targets(rule, w)) {
      if (t < period.start) { previous = t; continue; }
      const due = t > period.end ? period.end : t;
      const from = max(period.start, previous ? addDays(previous, 1) : w.start);
      if (from > due) return out;
      out.push(rule.time ? { due, from, time: rule.time } : { due, from });
      if (t >= period.end) return out;
      previous = t;
    }
  }
  return out;
}

/** The due occurrences of a rule in `period`; continuous and unread rules have none. */
export function expandDeadline(rule: DeadlineRule, period: Period): Due[] {
  switch (rule.kind) {
    case 'dates': {
      const dates = [...rule.dates].sort();
      return dates.map((due, i) => {
        const from = i === 0 ? (due < period.start ? due : period.start) : addDays(dates[i - 1]!, 1);
        return rule.time ? { due, from, time: rule.time } : { due, from };
      });
    }
    case 'range':
      return [{ due: rule.end, from: rule.start }];
    case 'recurring':
      return expandRecurring(rule, period);
    case 'continuous':
    case 'unread':
      return [];
  }
}
