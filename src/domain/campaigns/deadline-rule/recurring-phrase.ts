// Reads a normalized phrase that repeats: "每月", "每月28日前", "每月14日和月底", "每3个月听取1次",
// "每周五12点前", "至少每半年组织1次". The whole phrase must be understood: a leftover word
// ("每季度首月10日前", "每月有研判") makes it unreadable rather than half-read.
import { readTime } from './date-phrase.ts';
import type { RecurringDay, RecurringUnit } from './types.ts';

/** "每3个月", "每2周": the unit after a count, for notes and labels. */
export const COUNTED_UNIT: Record<RecurringUnit, string> = { week: '周', month: '个月', quarter: '个季度', 'half-year': '个半年', year: '年' };

export type RecurringRead =
  | { every: RecurringUnit; interval: number; days?: RecurringDay[]; time?: string }
  | { every: 'day' } // 每天, 每日: daily work, no deadline of its own
  | { error: string };

const UNITS: [RegExp, RecurringUnit | 'day' | 'ten-days' | 'half-month'][] = [
  [/^(?:周|星期|礼拜)/, 'week'],
  [/^半月/, 'half-month'],
  [/^月/, 'month'],
  [/^季度?/, 'quarter'],
  [/^半年/, 'half-year'],
  [/^年/, 'year'],
  [/^旬/, 'ten-days'],
  [/^(?:日|天|工作日)/, 'day'],
];

const LIST_SEPARATOR = /^(?:[、,;]|和|及|与)/;
const TEN_DAYS: Record<string, RecurringDay> = { 上: 10, 中: 20, 下: 'end' }; // 上旬 → 10th, 中旬 → 20th, 下旬 → month end
// What may follow the rhythm: how often and what is done, never a date ("至少组织1次", "报送1次", "听取1次").
const FREQUENCY = /^(?:至少|不少于|最少)?(?:要|应|须)?(?:开展|组织|召开|报送|报告|上报|进行|听取|检查|排查|巡查|自查|汇总|通报|研判|调度|演练|培训)*(?:\d+(?:次|轮)(?:以上)?)?$/;

/** Days of a month: "14日和月底", "15日、30日", "10日、20日、30", "下旬". */
function readMonthDays(s: string): { days: RecurringDay[]; rest: string } {
  const days: RecurringDay[] = [];
  let rest = s;
  for (;;) {
    // A number followed by 次 is a count ("每月1次"), by 时/点/: a time: neither is a day.
    const m = /^(?:(\d{1,2})(?:日|(?![\d次个轮:时点]))|(月?底|最后1天)|([上中下])旬)/.exec(rest);
    if (!m || (m[1] !== undefined && (Number(m[1]) < 1 || Number(m[1]) > 31))) break; // "每月32日" stays unread
    if (m[1] !== undefined) days.push(Number(m[1]));
    else if (m[2] !== undefined) days.push('end');
    else days.push(TEN_DAYS[m[3]!]!);
    rest = rest.slice(m[0].length);
    const sep = LIST_SEPARATOR.exec(rest);
    if (!sep || !/^(?:\d|月|底|最|[上中下]旬)/.test(rest.slice(sep[0].length))) break;
    rest = rest.slice(sep[0].length);
  }
  return { days, rest };
}

const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

/**
 * Weekdays: "五", "一、三、五", "日", or digits ("周5"). normalize.ts leaves 周一…周六 in Chinese, since
 * as digits "每周五12点前" would read "每周512点前"; a digit is a weekday only when no digit follows.
 */
function readWeekDays(s: string): { days: RecurringDay[]; rest: string } {
  const days: RecurringDay[] = [];
  let rest = s;
  for (;;) {
    const m = /^(?:周|星期|礼拜)?(?:([一二三四五六日天])|([1-7])(?![\d次个轮:时点]))/.exec(rest);
    if (!m) break;
    days.push(m[1] !== undefined ? WEEKDAY[m[1]]! : Number(m[2]));
    rest = rest.slice(m[0].length);
    const sep = LIST_SEPARATOR.exec(rest);
    if (!sep || !/^(?:周|星期|礼拜)?[1-7一二三四五六日天]/.test(rest.slice(sep[0].length))) break;
    rest = rest.slice(sep[0].length);
  }
  return { days, rest };
}

/** The rhythm of a phrase that contains 每, or why it cannot be read. */
export function readRecurring(s: string): RecurringRead {
  const head = /^(?:至少|原则上|最少|一般)?每(\d+)?个?/.exec(s);
  if (!head) return { error: '“每”前面还有其他内容' };
  const interval = head[1] !== undefined ? Number(head[1]) : 1;
  if (interval < 1) return { error: '周期为0' };
  let rest = s.slice(head[0].length);
  const unit = UNITS.find(([re]) => re.test(rest));
  if (!unit) return { error: '“每”后面不是周、月、季度、半年或年' };
  rest = rest.replace(unit[0], '').replace(/^的/, '');
  const kind = unit[1];
  if (kind === 'day') return FREQUENCY.test(rest) ? { every: 'day' } : { error: '无法识别的写法' };

  let every: RecurringUnit;
  let days: RecurringDay[] = [];
  if (kind === 'ten-days' || kind === 'half-month') {
    every = 'month';
    days = kind === 'ten-days' ? [10, 20, 'end'] : [15, 'end'];
  } else if (kind === 'month') {
    every = 'month';
    ({ days, rest } = readMonthDays(rest));
  } else if (kind === 'week') {
    every = 'week';
    ({ days, rest } = readWeekDays(rest));
  } else {
    every = kind;
    if (rest.startsWith('底')) { days = ['end']; rest = rest.slice(1); } // 每季度末, 每年底
  }
  if ((kind === 'ten-days' || kind === 'half-month') && interval !== 1) return { error: '无法识别的写法' };
  if (interval !== 1 && days.some((d) => d !== 'end')) return { error: `每${interval}个周期中的具体日期无法确定` };
  const time = readTime(rest);
  if (time) rest = time.rest;
  if (rest.startsWith('前')) rest = rest.slice(1);
  if (!FREQUENCY.test(rest)) return { error: `无法识别“${rest}”` };
  const read: RecurringRead = { every, interval };
  const distinct = [...new Set(days)];
  if (distinct.length > 0 && !(distinct.length === 1 && distinct[0] === 'end')) read.days = distinct;
  if (time) read.time = time.time;
  return read;
}
