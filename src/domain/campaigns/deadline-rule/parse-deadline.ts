// 时限要求 → rule. A hand-written reader of the few shapes campaign plans use (dates, a range, a
// rhythm, "常态化"), run on one normalized spelling (normalize.ts). Whatever it does not fully
// understand comes back `unread` with the text kept and a reason: never a guess, never dropped.
import { chineseDay } from './calendar.ts';
import { readDatePhrase, type DatePhrase } from './date-phrase.ts';
import { normalizePhrase } from './normalize.ts';
import { COUNTED_UNIT, readRecurring } from './recurring-phrase.ts';
import { resolveDatePhrase, type Anchor, type Resolved } from './resolve-date.ts';
import type { Certainty, DeadlineRule, Period } from './types.ts';

// Work with no deadline of its own: reported on the campaign's reporting rhythm. Whole phrase only:
// "持续到5月底" is a date.
const CONTINUOUS = /^(?:常态化(?:开展|推进|管理)?|长期(?:坚持|开展|推进|持续)?|持续(?:推进|开展|进行)?|长效(?:推进|管理)?|贯穿(?:全年|始终)|全年|全过程|(?:专项)?(?:行动|整治)期间)$/;
const PLACEHOLDER = /[Xx×*□_]|某/; // "20XX年6月1日", "X月X日": a template, not a date
// Words that leave the day to someone's judgement; only used to say why a phrase stays unread.
const VAGUE = /随时|及时|立即|即时|马上|尽快|适时|定期|不定期|视情|根据需要|按需|上级|另行|待定|届时|期间|前后|左右|汛前|汛后|汛期/;
// "3个月内", "用3个月左右时间": counted from a day the phrase does not give.
const RELATIVE = /\d+个?(?:日|天|周|星期|月|年|工作日|小时)(?:内|以内|之内)|用\d+个?月|为期/;
const LIST_SEPARATOR = /以及|[、,;]|和|及|与/;
const RANGE_SEPARATOR = /~|至|到/;

function unread(text: string, reason: string): DeadlineRule {
  return { kind: 'unread', text, notes: [reason] };
}

const certainty = (assumed: boolean): Certainty => (assumed ? 'assumed' : 'certain');
const unique = (notes: string[]) => [...new Set(notes)];

function outsideNotes(days: string[], period: Period): string[] {
  return days.filter((d) => d < period.start || d > period.end).map((d) => `${chineseDay(d)}在专项行动期间之外`);
}

/** "每…": a rhythm, daily work (continuous), or unread. */
function recurringRule(text: string, s: string, period: Period): DeadlineRule {
  const read = readRecurring(s);
  if ('error' in read) return unread(text, read.error);
  if (read.every === 'day') return { kind: 'continuous', text, certainty: 'certain', notes: ['每日开展：不逐日设期限'] };
  const notes: string[] = [];
  if (read.interval > 1) notes.push(`自专项行动开始日（${chineseDay(period.start)}）起每${read.interval}${COUNTED_UNIT[read.every]}为一期`);
  const short = (read.days ?? []).filter((d): d is number => d !== 'end' && d >= 29);
  if (read.every === 'month' && short.length > 0) notes.push(`${short.join('、')}日在没有这一天的月份按月底计`);
  return { kind: 'recurring', text, ...read, certainty: 'certain', notes };
}

/** Reads `s` whole as one date expression, or null when something is left over. */
function wholeDate(s: string): DatePhrase | null {
  const read = readDatePhrase(s);
  return read && read.rest === '' ? read.phrase : null;
}

function monthOfPhrase(p: DatePhrase): number | undefined {
  return p.part.type === 'day' || p.part.type === 'month' ? p.part.month : undefined;
}

/** "A至B", "即日起—B", "8-11月", "从5月5日起至6月20日": due at B's end, once. */
function rangeRule(text: string, s: string, period: Period): DeadlineRule | null {
  const sep = RANGE_SEPARATOR.exec(s);
  if (!sep || sep.index === 0) return null;
  let left = s.slice(0, sep.index).replace(/^(?:自|从|由)/, '').replace(/(?:起|开始|启动)+$/, '');
  const right = s.slice(sep.index + sep[0].length).replace(/^(?:至|到)/, '');
  if (/^(?:\d{4}年)?\d{1,2}$/.test(left) && /^\d{1,2}月/.test(right)) left += '月'; // "8-11月", "2023年8-11月"
  const from = wholeDate(left);
  const to = wholeDate(right);
  if (!from || !to) return unread(text, '起止日期无法识别');
  if (from.time || to.time) return unread(text, '起止日期中的时间无法使用');
  // "12月1日至2025年1月31日": the start's year comes from the end's.
  const leftMonth = monthOfPhrase(from);
  if (!from.yearRef && to.yearRef && 'year' in to.yearRef && leftMonth !== undefined) {
    const rightMonth = monthOfPhrase(to) ?? 12;
    from.yearRef = { year: to.yearRef.year - (leftMonth > rightMonth ? 1 : 0) };
  }
  const start = resolveDatePhrase(from, period);
  if ('error' in start) return unread(text, start.error);
  const end = resolveDatePhrase(to, period, start.anchor);
  if ('error' in end) return unread(text, end.error);
  if (start.first > end.last) return unread(text, '起止日期颠倒');
  const notes = unique([...start.notes, ...end.notes, ...outsideNotes([end.last], period)]);
  return { kind: 'range', text, start: start.first, end: end.last, certainty: certainty(start.assumed || end.assumed), notes };
}

/** "2023年7月30日前", "8月中旬、11月中旬", "6月底和7月底": each due at its end. */
function datesRule(text: string, s: string, period: Period): DeadlineRule {
  const resolved: Resolved[] = [];
  let anchor: Anchor | undefined;
  for (const piece of s.split(LIST_SEPARATOR)) {
    const phrase = wholeDate(piece);
    if (!phrase) return unread(text, piece === s ? '无法识别的写法' : `无法识别“${piece}”`);
    const r = resolveDatePhrase(phrase, period, anchor);
    if ('error' in r) return unread(text, r.error);
    resolved.push(r);
    anchor = r.anchor;
  }
  const times = unique(resolved.flatMap((r) => (r.time ? [r.time] : [])));
  if (times.length > 1) return unread(text, '多个日期的时间不同');
  const dates = unique(resolved.map((r) => r.last)).sort();
  const notes = unique([...resolved.flatMap((r) => r.notes), ...outsideNotes(dates, period)]);
  const rule: DeadlineRule = { kind: 'dates', text, dates, certainty: certainty(resolved.some((r) => r.assumed)), notes };
  if (times[0]) rule.time = times[0];
  return rule;
}

/** The rule a 时限要求 phrase states for a campaign running over `period`. */
export function parseDeadline(text: string, period: Period): DeadlineRule {
  const s = normalizePhrase(text);
  if (s === '') return unread(text, '时限为空');
  if (PLACEHOLDER.test(s)) return unread(text, '含占位符（如“XX”），没有具体日期');
  if (CONTINUOUS.test(s)) return { kind: 'continuous', text, certainty: 'certain', notes: [] };
  if (s.includes('每')) return recurringRule(text, s, period);
  if (RELATIVE.test(s)) return unread(text, '相对期限（如“3个月内”）没有起算日，请写明具体日期');
  if (VAGUE.test(s)) return unread(text, '没有具体日期或周期');
  if (/\d{4}年月|年月日|月日$/.test(s)) return unread(text, '日期未填写完整');
  return rangeRule(text, s, period) ?? datesRule(text, s, period);
}
