// Reads one date expression from the start of a normalized 时限 phrase (normalize.ts): "2023年7月30日",
// "8月中旬", "年底", "2024年上半年", "第三季度", "春节", "即日", each optionally followed by a time and
// "前". It only says what the text says; which year a yearless month falls in is resolve-date.ts's.
import { FESTIVAL_NAMES } from './festivals.ts';

export type MonthPart = 'whole' | 'early' | 'mid' | 'late' | 'end';
export type YearPart = 'whole' | 'end' | 'h1' | 'h2' | 'q1' | 'q2' | 'q3' | 'q4';

/** A year in the text: a number, or a word relative to the campaign's year (今年 0, 明年 1). */
export type YearRef = { year: number } | { offset: number; word: string };

export type DatePart =
  | { type: 'day'; month: number; day: number }
  | { type: 'month'; month: number; part: MonthPart }
  | { type: 'dayOnly'; day: number } // "20日" after "7月1日至": the month is the previous one's
  | { type: 'year'; part: YearPart }
  | { type: 'festival'; name: string }
  | { type: 'today' }; // 即日, 本通知印发之日: the campaign's start

export interface DatePhrase { yearRef?: YearRef; part: DatePart; time?: string; before: boolean }

const RELATIVE_YEAR: Record<string, number> = { 今年: 0, 本年: 0, 当年: 0, 明年: 1, 次年: 1, 翌年: 1 };
const TEN_DAYS: Record<string, MonthPart> = { 上: 'early', 中: 'mid', 下: 'late' };

/** "18:00", "12时", "下午16时", "中午12点", "9点半" → 'HH:mm' and the rest; null when there is no (valid) time. */
export function readTime(s: string): { time: string; rest: string } | null {
  const m = /^(上午|中午|下午|晚上|晚)?(\d{1,2})(?::(\d{2})|时|点)(?:(\d{1,2})分|(半))?/.exec(s);
  if (!m) return null;
  let hour = Number(m[2]);
  const minute = m[3] !== undefined ? Number(m[3]) : m[4] !== undefined ? Number(m[4]) : m[5] ? 30 : 0;
  if ((m[1] === '下午' || m[1] === '晚上' || m[1] === '晚') && hour < 12) hour += 12;
  if (hour > 23 || minute > 59) return null;
  return { time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`, rest: s.slice(m[0].length) };
}

function readYear(s: string): { yearRef?: YearRef; rest: string } {
  const digits = /^(\d{4})年/.exec(s);
  if (digits) return { yearRef: { year: Number(digits[1]) }, rest: s.slice(digits[0].length) };
  const word = /^(今年|本年|当年|明年|次年|翌年)/.exec(s);
  if (word) return { yearRef: { offset: RELATIVE_YEAR[word[1]!]!, word: word[1]! }, rest: s.slice(word[0].length) };
  return { rest: s };
}

/** After "N月": 上中下旬, 底, a day ("14日", or a bare "14" as in "6月14"), or nothing (the whole month). */
function readInMonth(month: number, s: string): { part: DatePart; rest: string } | null {
  const tenDays = /^([上中下])旬/.exec(s);
  if (tenDays) return { part: { type: 'month', month, part: TEN_DAYS[tenDays[1]!]! }, rest: s.slice(tenDays[0].length) };
  if (s.startsWith('底')) return { part: { type: 'month', month, part: 'end' }, rest: s.slice(1) };
  // A bare number is a day only when no time or month follows it: "6月14" yes, "6月14:00" no.
  const day = /^(\d{1,2})(?:日|(?![\d:时点月]))/.exec(s);
  if (day) {
    const d = Number(day[1]);
    if (d < 1 || d > 31) return null;
    return { part: { type: 'day', month, day: d }, rest: s.slice(day[0].length) };
  }
  return { part: { type: 'month', month, part: 'whole' }, rest: s };
}

function readPart(s: string, hasYear: boolean): { part: DatePart; rest: string } | null {
  const name = FESTIVAL_NAMES.find((n) => s.startsWith(n));
  if (name) return { part: { type: 'festival', name }, rest: s.slice(name.length) };
  const yearEnd = hasYear ? /^年?(?:底|内)/.exec(s) : /^年(?:底|内)/.exec(s); // "2023年底", "年底", "2024年内", "明年年底"
  if (yearEnd) return { part: { type: 'year', part: 'end' }, rest: s.slice(yearEnd[0].length) };
  const half = /^([上下])半年/.exec(s);
  if (half) return { part: { type: 'year', part: half[1] === '上' ? 'h1' : 'h2' }, rest: s.slice(half[0].length) };
  const quarter = /^第?([1-4])季度(?:底)?/.exec(s);
  if (quarter) return { part: { type: 'year', part: `q${quarter[1]}` as YearPart }, rest: s.slice(quarter[0].length) };
  const month = /^(\d{1,2})月/.exec(s);
  if (month) {
    const m = Number(month[1]);
    return m >= 1 && m <= 12 ? readInMonth(m, s.slice(month[0].length)) : null;
  }
  const dayOnly = /^(\d{1,2})日/.exec(s);
  if (dayOnly) {
    const d = Number(dayOnly[1]);
    return d >= 1 && d <= 31 ? { part: { type: 'dayOnly', day: d }, rest: s.slice(dayOnly[0].length) } : null;
  }
  const today = /^(?:即日|本通知印发之日|印发之日|发文之日)/.exec(s);
  if (today) return { part: { type: 'today' }, rest: s.slice(today[0].length) };
  if (hasYear) return { part: { type: 'year', part: 'whole' }, rest: s }; // "2024年" alone
  return null;
}

/** One date expression at the start of `s`, or null when `s` does not start with one. */
export function readDatePhrase(s: string): { phrase: DatePhrase; rest: string } | null {
  const { yearRef, rest: afterYear } = readYear(s);
  const read = readPart(afterYear, yearRef !== undefined);
  if (!read) return null;
  let rest = read.rest;
  const time = readTime(rest);
  if (time) rest = time.rest;
  const before = rest.startsWith('前');
  if (before) rest = rest.slice(1);
  const phrase: DatePhrase = { part: read.part, before };
  if (yearRef) phrase.yearRef = yearRef;
  if (time) phrase.time = time.time;
  return { phrase, rest };
}
