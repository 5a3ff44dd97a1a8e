// The Chinese label the UI shows for a rule ("2023年7月30日前（1次）", "每月14日和月底 18:00（共7次）"),
// and whether a person must confirm it before the campaign relies on it.
import { chineseDay, yearOf } from './calendar.ts';
import { expandDeadline } from './expand.ts';
import { COUNTED_UNIT } from './recurring-phrase.ts';
import type { DeadlineRule, Period, RecurringDay } from './types.ts';

type Recurring = Extract<DeadlineRule, { kind: 'recurring' }>;

const WEEKDAY = ['', '一', '二', '三', '四', '五', '六', '日'];
const UNIT = { week: '周', month: '月', quarter: '季度', 'half-year': '半年', year: '年' } as const;

const count = (n: number) => (n === 1 ? '（1次）' : `（共${n}次）`);
const withTime = (label: string, time: string | undefined) => (time ? `${label} ${time}` : label);

/** "2023年8月20日、11月20日": the year written once, and again where it changes. */
function dayList(dates: string[]): string {
  return dates.map((d, i) => chineseDay(d, i === 0 || yearOf(d) !== yearOf(dates[i - 1]!))).join('、');
}

function dayLabel(every: 'week' | 'month', d: RecurringDay): string {
  if (every === 'week') return `周${WEEKDAY[d === 'end' ? 7 : d]}`;
  return d === 'end' ? '月底' : `${d}日`;
}

function rhythm(rule: Recurring): string {
  if (rule.interval !== 1) return `每${rule.interval}${COUNTED_UNIT[rule.every]}`;
  const every = rule.every;
  if (!rule.days || ((every === 'week' || every === 'month') && rule.days.every((d) => d === 'end'))) {
    return every === 'week' ? '每周' : `每${UNIT[every]}末`;
  }
  if (every !== 'week' && every !== 'month') return `每${UNIT[every]}末`;
  const days = rule.days.map((d) => dayLabel(every, d));
  const joined = days.length <= 2 ? days.join('和') : `${days.slice(0, -1).join('、')}和${days.at(-1)}`;
  return every === 'week' ? `每${joined}` : `每月${joined}`;
}

/** The label of a rule for a campaign over `period`, with how many times it falls due. */
export function describeDeadline(rule: DeadlineRule, period: Period): string {
  switch (rule.kind) {
    case 'dates':
      return `${withTime(dayList(rule.dates), rule.time)}前${count(rule.dates.length)}`;
    case 'range':
      return `${chineseDay(rule.start)}至${chineseDay(rule.end, yearOf(rule.start) !== yearOf(rule.end))}${count(1)}`;
    case 'recurring':
      return `${withTime(rhythm(rule), rule.time)}${count(expandDeadline(rule, period).length)}`;
    case 'continuous':
      return '常态化：按专项行动报送周期报送';
    case 'unread':
      return '无法识别：请人工确认';
  }
}

/** Whether a person must confirm the rule: it could not be read, or part of it was assumed. */
export function needsConfirmation(rule: DeadlineRule): boolean {
  return rule.kind === 'unread' || rule.certainty === 'assumed';
}
