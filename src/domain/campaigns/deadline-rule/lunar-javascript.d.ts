// lunar-javascript ships no types: the few members the deadline reader uses (lunar.ts).
declare module 'lunar-javascript' {
  export class Solar {
    static fromYmd(year: number, month: number, day: number): Solar;
    /** 'YYYY-MM-DD' */
    toYmd(): string;
    getLunar(): Lunar;
  }
  export class Lunar {
    /** A lunar date; month 1 is 正月. */
    static fromYmd(lunarYear: number, lunarMonth: number, lunarDay: number): Lunar;
    getSolar(): Solar;
    /** Solar terms of the lunar year around this date, by Chinese name ('清明', …). */
    getJieQiTable(): Record<string, Solar>;
  }
}
