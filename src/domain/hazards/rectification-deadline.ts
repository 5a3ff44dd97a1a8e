// A hazard's 整改期限 as a township's own ledger writes it: a date, or a span counted from the day
// the hazard was found ("7天", "限期15日", "一个月内", "立即整改"). The span needs that day, which the
// campaign's 时限 reader (deadline-rule/) never has, so it is read here, beside the hazard.
import { addDays, isValidDay } from '../common/dates.ts';
import { addMonths, arabicNumerals } from '../campaigns/deadline-rule/index.ts';

export type DeadlineProblem = 'no_day' | 'bad_date' | 'working_days' | 'needs_found_day';
export type DeadlineReading = { due: string } | { problem: DeadlineProblem };

export const DEADLINE_PROBLEM_MESSAGES: Record<DeadlineProblem, string> = {
  no_day: '日期不存在',
  needs_found_day: '期限从发现日期起算，请先填写有效的发现日期',
  bad_date: '整改期限应为日期（如 2024-06-30）或从发现日期起的期限（如“7天”“一个月”“立即整改”）',
  working_days: '按工作日计的期限无法换算为日期（节假日调休不定），请填写具体日期',
};

/** 2024-6-3, 2024/06/03, 2024.6.3 or 2024年6月3日 as YYYY-MM-DD (whether that day exists is checked apart). */
export function normalizeLedgerDate(t: string): string | null {
  const m = t.replace(/[./年月]/g, '-').replace(/日$/, '').match(/^(\d{4})-(\d{1,2})-(\d{1,2})/);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
}

// Words for "at once": the day it was found.
const AT_ONCE = /^(?:立即|立行立改|即查即改|即知即改|边查边改|现场|当场|当即|当天|当日|马上)(?:整改)?(?:完成|到位|落实)?$/;
// "限期7天", "7天内", "7日以内", "15天整改完毕", "2周", "一个月": a count and a unit.
const SPAN = /^(?:限期|限|期限|在)?(\d{1,3})个?(天|日|周|星期|月|工作日)(?:内|以内|之内)?(?:整改|完成|整改完成|整改完毕|整改到位)?$/;

/**
 * The due day of a ledger's 整改期限 `text` for a hazard found on `foundOn` (YYYY-MM-DD). Null for an
 * empty text. Working days are refused rather than guessed: the holiday swaps change every year.
 */
export function readRectificationDeadline(text: string, foundOn: string | null): DeadlineReading | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (!t) return null;
  const day = normalizeLedgerDate(t);
  if (day) return isValidDay(day) ? { due: day } : { problem: 'no_day' };
  const s = arabicNumerals(t).replace(/[。.；;，,]+$/, '');
  const m = SPAN.exec(s);
  if (!m && !AT_ONCE.test(s)) return { problem: 'bad_date' };
  if (!foundOn) return { problem: 'needs_found_day' };
  if (!m) return { due: foundOn };
  const n = Number(m[1]);
  switch (m[2]) {
    case '工作日': return { problem: 'working_days' };
    case '周': case '星期': return { due: addDays(foundOn, n * 7) };
    case '月': return { due: addMonths(foundOn, n) };
    default: return { due: addDays(foundOn, n) };
  }
}
