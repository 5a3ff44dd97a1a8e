// Turns a date expression read from the text (date-phrase.ts) into real days for a campaign: which
// year a yearless month falls in, where 中旬 ends, which 春节 is meant. Every guess is marked
// (`assumed`) and explained in Chinese (`notes`), because a wrong date given confidently is worse
// than a date someone is asked to confirm.
import { addDays, isValidDay } from '../../common/dates.ts';
import { monthEnd, monthOf, yearOf, ymd, chineseDay } from './calendar.ts';
import type { DatePhrase, MonthPart, YearPart } from './date-phrase.ts';
import { festival, nextFestivalOnOrAfter } from './festivals.ts';
import type { Period } from './types.ts';

/** The year and month of the previous date in the same phrase ("8月中旬、11月中旬", "12月1日—1月31日"). */
export interface Anchor { year: number; month: number; assumed: boolean }

/** The days an expression covers: due on `last`; a range starting at it starts on `first`. */
export interface Resolved { first: string; last: string; anchor: Anchor; assumed: boolean; notes: string[]; time?: string }

export type Resolution = Resolved | { error: string };

const MONTH_PART_DAYS: Record<Exclude<MonthPart, 'whole' | 'end'>, [number, number | 'end']> = {
  early: [1, 10], // 上旬: 1–10
  mid: [11, 20], // 中旬: 11–20
  late: [21, 'end'], // 下旬: 21 to the month's end
};
/** First and last month of a part of a year. */
const YEAR_PART_MONTHS: Record<YearPart, [number, number]> = {
  whole: [1, 12], end: [12, 12], h1: [1, 6], h2: [7, 12], q1: [1, 3], q2: [4, 6], q3: [7, 9], q4: [10, 12],
};

function campaignYear(period: Period): number {
  return yearOf(period.start);
}

/** The year of a month in the text: written, relative (明年), the previous date's, or the campaign's. */
function yearFor(phrase: DatePhrase, month: number, period: Period, anchor: Anchor | undefined) {
  const ref = phrase.yearRef;
  if (ref && 'year' in ref) return { year: ref.year, assumed: false, notes: [] as string[] };
  if (ref) {
    const year = campaignYear(period) + ref.offset;
    return { year, assumed: true, notes: [`“${ref.word}”按专项行动的年份理解为${year}年`] };
  }
  if (anchor) {
    const rolled = month < anchor.month;
    const year = anchor.year + (rolled ? 1 : 0);
    return { year, assumed: anchor.assumed || rolled, notes: rolled ? [`跨年：${month}月按次年（${year}年）理解`] : [] };
  }
  const start = campaignYear(period);
  const rolled = month < monthOf(period.start);
  const notes = [`年份取自专项行动（${start}年）`];
  if (rolled) notes.push(`跨年：${month}月早于专项行动开始的月份，按次年（${start + 1}年）理解`);
  return { year: start + (rolled ? 1 : 0), assumed: true, notes };
}

function resolveFestival(phrase: DatePhrase, name: string, period: Period): Resolution {
  const def = festival(name)!;
  if (def.kind === 'festival' && !phrase.before) return { error: `“${def.label}”没有说明是节前还是节日期间` };
  const notes: string[] = [];
  let assumed = true;
  let on: string;
  const ref = phrase.yearRef;
  if (ref && 'year' in ref) {
    on = def.on(ref.year);
    assumed = def.kind === 'day'; // "2024年除夕": 2024年春节的前一天, or 农历2024年的最后一天?
    if (assumed) notes.push(`${def.label}按${ref.year}年春节的前一天（${chineseDay(on)}）理解`);
  } else if (ref) {
    on = def.on(campaignYear(period) + ref.offset);
    notes.push(`“${ref.word}”按专项行动的年份理解为${campaignYear(period) + ref.offset}年`);
  } else {
    on = nextFestivalOnOrAfter(name, period.start);
    notes.push(`取专项行动开始后的第一个${def.label}（${chineseDay(on)}）`);
  }
  const due = def.kind === 'festival' ? addDays(on, -1) : on;
  if (def.kind === 'festival') notes.push(`${def.label}前：${def.label}（${chineseDay(on)}）的前一天`);
  return { first: due, last: due, anchor: { year: yearOf(due), month: monthOf(due), assumed }, assumed, notes };
}

/** The days `phrase` covers in `period`, given the previous date of the phrase (`anchor`), if any. */
export function resolveDatePhrase(phrase: DatePhrase, period: Period, anchor?: Anchor): Resolution {
  const part = phrase.part;
  if (part.type === 'festival') return withTime(resolveFestival(phrase, part.name, period), phrase);
  if (part.type === 'today') {
    return { first: period.start, last: period.start, anchor: { year: yearOf(period.start), month: monthOf(period.start), assumed: false }, assumed: false, notes: [] };
  }
  if (part.type === 'dayOnly' && !anchor) return { error: `“${part.day}日”没有月份` };
  const month = part.type === 'year' ? YEAR_PART_MONTHS[part.part][1] : part.type === 'dayOnly' ? anchor!.month : part.month;
  const { year, assumed, notes } = yearFor(phrase, month, period, anchor);
  let first: string;
  let last: string;
  if (part.type === 'day' || part.type === 'dayOnly') {
    first = last = ymd(year, month, part.day);
    if (!isValidDay(first)) return { error: `日期不存在：${year}年${month}月${part.day}日` };
  } else if (part.type === 'year') {
    const [from, to] = YEAR_PART_MONTHS[part.part];
    first = part.part === 'end' ? ymd(year, 12, 31) : ymd(year, from, 1);
    last = monthEnd(year, to);
  } else if (part.part === 'whole' || part.part === 'end') {
    last = monthEnd(year, month);
    first = part.part === 'end' ? last : ymd(year, month, 1);
  } else {
    const [from, to] = MONTH_PART_DAYS[part.part];
    first = ymd(year, month, from);
    last = to === 'end' ? monthEnd(year, month) : ymd(year, month, to);
  }
  let sure = !assumed;
  if (part.type === 'month' && part.part === 'whole' && phrase.before) {
    // "3月前" could also mean "before March"; read as the end of March, as "7月底前", but ask.
    sure = false;
    notes.push(`“${month}月前”按${month}月底理解`);
  }
  const resolved: Resolved = { first, last, anchor: { year, month, assumed: !sure }, assumed: !sure, notes };
  return withTime(resolved, phrase);
}

function withTime(r: Resolution, phrase: DatePhrase): Resolution {
  if ('error' in r || !phrase.time) return r;
  return { ...r, time: phrase.time };
}
