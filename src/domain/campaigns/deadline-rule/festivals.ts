// Holidays a 时限 can name ("春节前", "国庆节前", "农历年底"). The lunar ones come from
// lunar-javascript, never from a table typed by hand: a hand table runs out, or is wrong by a day.
import { Lunar, Solar } from 'lunar-javascript';
import { addDays } from '../../common/dates.ts';

/**
 * A festival is a holiday people leave work for: "X前" is due the day before it ("春节前" → 除夕,
 * "国庆节前" → 9月30日). A day name (除夕, 农历年底) is itself the last day: "除夕前" is due on 除夕.
 */
export type FestivalKind = 'festival' | 'day';

interface FestivalDef { kind: FestivalKind; label: string; on: (year: number) => string }

const lunarDay = (month: number, day: number) => (year: number) => Lunar.fromYmd(year, month, day).getSolar().toYmd();
const solarDay = (month: number, day: number) => (year: number) => Solar.fromYmd(year, month, day).toYmd();

/** 春节 (正月初一) of the lunar year that starts in the solar year `year`. */
export function springFestival(year: number): string {
  return lunarDay(1, 1)(year);
}

/** 清明 is a solar term, not a lunar date: the day lunar-javascript computes for the year. */
function qingming(year: number): string {
  return Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()['清明']!.toYmd();
}

// Keyed by every spelling the plans use; `on(y)` is the day in solar year y (for 除夕: the one
// before y's 春节, so that "除夕" and "春节" of the same y are next to each other).
const FESTIVALS: Record<string, FestivalDef> = {
  元旦: { kind: 'festival', label: '元旦', on: solarDay(1, 1) },
  春节: { kind: 'festival', label: '春节', on: springFestival },
  元宵节: { kind: 'festival', label: '元宵节', on: lunarDay(1, 15) },
  元宵: { kind: 'festival', label: '元宵节', on: lunarDay(1, 15) },
  清明节: { kind: 'festival', label: '清明节', on: qingming },
  清明: { kind: 'festival', label: '清明节', on: qingming },
  劳动节: { kind: 'festival', label: '劳动节', on: solarDay(5, 1) },
  端午节: { kind: 'festival', label: '端午节', on: lunarDay(5, 5) },
  端午: { kind: 'festival', label: '端午节', on: lunarDay(5, 5) },
  中秋节: { kind: 'festival', label: '中秋节', on: lunarDay(8, 15) },
  中秋: { kind: 'festival', label: '中秋节', on: lunarDay(8, 15) },
  国庆节: { kind: 'festival', label: '国庆节', on: solarDay(10, 1) },
  国庆: { kind: 'festival', label: '国庆节', on: solarDay(10, 1) },
  // 除夕 is 腊月廿九 or 三十: always the day before 春节.
  除夕: { kind: 'day', label: '除夕', on: (year) => addDays(springFestival(year), -1) },
  农历年底: { kind: 'day', label: '农历年底（除夕）', on: (year) => addDays(springFestival(year), -1) },
};

/** The spellings, longest first, for a reader that tries them in turn. */
export const FESTIVAL_NAMES = Object.keys(FESTIVALS).sort((a, b) => b.length - a.length);

export function festival(name: string): FestivalDef | undefined {
  return FESTIVALS[name];
}

/** The first day of the festival on or after `day` (the next 春节 from a campaign's start). */
export function nextFestivalOnOrAfter(name: string, day: string): string {
  const def = FESTIVALS[name]!;
  const year = Number(day.slice(0, 4));
  for (const y of [year - 1, year, year + 1]) {
    const on = def.on(y);
    if (on >= day) return on;
  }
  return def.on(year + 2);
}
