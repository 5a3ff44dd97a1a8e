// 日周月 occurrences: daily, weekly and monthly, each due by its last workday, and all three together.
import { describe, expect, it } from 'vitest';
import { type SelfInspectionSchedule, occurrencesBetween } from './self-inspection-schedule.ts';
import { EXTRA_2025, HOLIDAYS_2025, cn2025, dueDates, only, sched } from './self-inspection-schedule.test-fixtures.ts';

describe('daily occurrences: one on every workday, due that day', () => {
  it.each<[string, Partial<SelfInspectionSchedule>, string, string, string[]]>([
    ['a week, weekends off', {}, '2024-11-18', '2024-11-24', ['2024-11-18', '2024-11-19', '2024-11-20', '2024-11-21', '2024-11-22']],
    ['a week, weekends worked', { workOnWeekends: true }, '2024-11-18', '2024-11-24',
      ['2024-11-18', '2024-11-19', '2024-11-20', '2024-11-21', '2024-11-22', '2024-11-23', '2024-11-24']],
    ['a holiday on a Wednesday', { holidays: ['2024-11-20'] }, '2024-11-18', '2024-11-22', ['2024-11-18', '2024-11-19', '2024-11-21', '2024-11-22']],
    ['a holiday on a Wednesday, weekends worked', { workOnWeekends: true, holidays: ['2024-11-20'] }, '2024-11-20', '2024-11-23', ['2024-11-21', '2024-11-22', '2024-11-23']],
    ['the 调休 Saturday after 国庆', { holidays: HOLIDAYS_2025, extraWorkdays: EXTRA_2025 }, '2025-10-06', '2025-10-12',
      ['2025-10-09', '2025-10-10', '2025-10-11']],
    ['29 February in a leap year', {}, '2024-02-28', '2024-03-01', ['2024-02-28', '2024-02-29', '2024-03-01']],
    ['no 29 February in 2023', {}, '2023-02-27', '2023-03-01', ['2023-02-27', '2023-02-28', '2023-03-01']],
    ['across New Year', {}, '2024-12-30', '2025-01-02', ['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02']],
    ['one day', {}, '2024-11-18', '2024-11-18', ['2024-11-18']],
    ['one weekend day', {}, '2024-11-16', '2024-11-16', []],
    ['an empty range', {}, '2024-11-19', '2024-11-18', []],
  ])('%s', (_name, o, from, to, days) => {
    const occ = occurrencesBetween(only('daily', o), from, to);
    expect(occ.map((x) => x.dueDate)).toEqual(days);
    for (const x of occ) expect(x).toEqual({ frequency: 'daily', templateCode: 'daily-list', periodKey: x.dueDate, periodStart: x.dueDate, periodEnd: x.dueDate, dueDate: x.dueDate });
  });

  it.each([
    ['November 2024, weekends off', {}, '2024-11-01', '2024-11-30', 21],
    ['November 2024, weekends worked', { workOnWeekends: true }, '2024-11-01', '2024-11-30', 30],
    ['October 2025 with 国庆 (23 weekdays − 6 holiday weekdays + the 调休 Saturday)', { holidays: HOLIDAYS_2025, extraWorkdays: EXTRA_2025 }, '2025-10-01', '2025-10-31', 18],
    ['February 2024 (leap)', {}, '2024-02-01', '2024-02-29', 21],
    ['February 2023', {}, '2023-02-01', '2023-02-28', 20],
    ['the whole of 2024, weekends worked', { workOnWeekends: true }, '2024-01-01', '2024-12-31', 366],
    ['the whole of 2023, weekends worked', { workOnWeekends: true }, '2023-01-01', '2023-12-31', 365],
  ] as const)('%s: %i', (_name, o, from, to, n) => {
    expect(occurrencesBetween(only('daily', o), from, to)).toHaveLength(n);
  });
});

describe('weekly occurrences: one per ISO week, due by its last workday', () => {
  const weekly = (o: Partial<SelfInspectionSchedule>, from: string, to: string) =>
    occurrencesBetween(only('weekly', o), from, to).map((x) => [x.periodKey, x.periodStart, x.periodEnd, x.dueDate]);

  it.each<[string, Partial<SelfInspectionSchedule>, string, string, string[][]]>([
    ['an ordinary week: due Friday', {}, '2024-11-18', '2024-11-24', [['2024-W47', '2024-11-18', '2024-11-24', '2024-11-22']]],
    ['weekends worked: due Sunday', { workOnWeekends: true }, '2024-11-18', '2024-11-24', [['2024-W47', '2024-11-18', '2024-11-24', '2024-11-24']]],
    ['a holiday on the Friday: due Thursday', { holidays: ['2024-11-22'] }, '2024-11-18', '2024-11-24', [['2024-W47', '2024-11-18', '2024-11-24', '2024-11-21']]],
    ['the week before 国庆 ends on a 调休 Sunday: due Sunday', cn2025(), '2025-09-22', '2025-09-28', [['2025-W39', '2025-09-22', '2025-09-28', '2025-09-28']]],
    ['the 国庆 week has two workdays: due Tuesday', cn2025(), '2025-09-29', '2025-10-05', [['2025-W40', '2025-09-29', '2025-10-05', '2025-09-30']]],
    ['the week after 国庆 ends on a 调休 Saturday: due Saturday', cn2025(), '2025-10-06', '2025-10-12', [['2025-W41', '2025-10-06', '2025-10-12', '2025-10-11']]],
    ['a week with every day off has none', { holidays: ['2024-11-18', '2024-11-19', '2024-11-20', '2024-11-21', '2024-11-22'] }, '2024-11-18', '2024-11-24', []],
    ['a week spanning October and November: one, keyed by the ISO week', {}, '2024-10-28', '2024-11-03', [['2024-W44', '2024-10-28', '2024-11-03', '2024-11-01']]],
    ['a week spanning two years belongs to the ISO year of its Thursday', {}, '2024-12-30', '2025-01-05', [['2025-W01', '2024-12-30', '2025-01-05', '2025-01-03']]],
    ['week 53', {}, '2020-12-28', '2021-01-03', [['2020-W53', '2020-12-28', '2021-01-03', '2021-01-01']]],
    ['a leap-day week', {}, '2024-02-26', '2024-03-03', [['2024-W09', '2024-02-26', '2024-03-03', '2024-03-01']]],
    // counted by due date: a range that ends before the due date does not hold the week
    ['a range from Monday to Thursday holds no weekly occurrence', {}, '2024-11-18', '2024-11-21', []],
    ['a range from Friday to the next Thursday holds one', {}, '2024-11-22', '2024-11-28', [['2024-W47', '2024-11-18', '2024-11-24', '2024-11-22']]],
    ['November 2024 holds the weeks due in November', {}, '2024-11-01', '2024-11-30', [
      ['2024-W44', '2024-10-28', '2024-11-03', '2024-11-01'],
      ['2024-W45', '2024-11-04', '2024-11-10', '2024-11-08'],
      ['2024-W46', '2024-11-11', '2024-11-17', '2024-11-15'],
      ['2024-W47', '2024-11-18', '2024-11-24', '2024-11-22'],
      ['2024-W48', '2024-11-25', '2024-12-01', '2024-11-29'],
    ]],
  ])('%s', (_name, o, from, to, rows) => {
    expect(weekly(o, from, to)).toEqual(rows);
  });

  it.each<[string, Partial<SelfInspectionSchedule>, string, string, string]>([
    ['due Monday', { weeklyDueWeekday: 1 }, '2024-11-18', '2024-11-24', '2024-11-18'],
    ['due Wednesday', { weeklyDueWeekday: 3 }, '2024-11-18', '2024-11-24', '2024-11-20'],
    ['due Monday, a holiday (劳动节 2025): the next workday', { ...cn2025(), weeklyDueWeekday: 1 }, '2025-05-05', '2025-05-11', '2025-05-06'],
    ['due Wednesday, a holiday: the next workday, Thursday', { weeklyDueWeekday: 3, holidays: ['2024-11-20'] }, '2024-11-18', '2024-11-24', '2024-11-21'],
    ['due Friday, a holiday: no workday after it in the week, so Thursday', { weeklyDueWeekday: 5, holidays: ['2024-11-22'] }, '2024-11-18', '2024-11-24', '2024-11-21'],
    ['due Sunday, weekends off: Friday', { weeklyDueWeekday: 7 }, '2024-11-18', '2024-11-24', '2024-11-22'],
    ['due Saturday, weekends worked', { weeklyDueWeekday: 6, workOnWeekends: true }, '2024-11-18', '2024-11-24', '2024-11-23'],
    ['due Saturday, weekends off, a 调休 Saturday', { ...cn2025(), weeklyDueWeekday: 6 }, '2025-10-06', '2025-10-12', '2025-10-11'],
  ])('a chosen weekday: %s', (_name, o, monday, sunday, due) => {
    expect(occurrencesBetween(only('weekly', o), monday, sunday).map((x) => x.dueDate)).toEqual([due]);
  });
});

describe('monthly occurrences: one per calendar month, due by its last workday', () => {
  const monthly = (o: Partial<SelfInspectionSchedule>, from: string, to: string) =>
    occurrencesBetween(only('monthly', o), from, to).map((x) => [x.periodKey, x.periodStart, x.periodEnd, x.dueDate]);

  it.each<[string, Partial<SelfInspectionSchedule>, string, string, string[][]]>([
    ['November 2024 ends on a Saturday: due Friday 29th', {}, '2024-11-01', '2024-11-30', [['2024-11', '2024-11-01', '2024-11-30', '2024-11-29']]],
    ['the same, weekends worked: due the 30th', { workOnWeekends: true }, '2024-11-01', '2024-11-30', [['2024-11', '2024-11-01', '2024-11-30', '2024-11-30']]],
    ['the last day a holiday', { holidays: ['2024-10-31'] }, '2024-10-01', '2024-10-31', [['2024-10', '2024-10-01', '2024-10-31', '2024-10-30']]],
    ['September 2025 before 国庆: due Tuesday 30th', cn2025(), '2025-09-01', '2025-09-30', [['2025-09', '2025-09-01', '2025-09-30', '2025-09-30']]],
    ['a month ending on a 调休 Sunday', { extraWorkdays: ['2025-08-31'] }, '2025-08-01', '2025-08-31', [['2025-08', '2025-08-01', '2025-08-31', '2025-08-31']]],
    ['February in a leap year: the 29th (Thursday)', {}, '2024-02-01', '2024-02-29', [['2024-02', '2024-02-01', '2024-02-29', '2024-02-29']]],
    ['February 2023: the 28th (Tuesday)', {}, '2023-02-01', '2023-02-28', [['2023-02', '2023-02-01', '2023-02-28', '2023-02-28']]],
    ['February 2026 ends on a Saturday: the 27th', {}, '2026-02-01', '2026-02-28', [['2026-02', '2026-02-01', '2026-02-28', '2026-02-27']]],
    ['a month with every day off has none', { holidays: Array.from({ length: 28 }, (_, i) => `2026-02-${String(i + 1).padStart(2, '0')}`) }, '2026-02-01', '2026-02-28', []],
    ['a range inside the month before its due date holds none', {}, '2024-11-01', '2024-11-28', []],
    ['a quarter', {}, '2024-10-15', '2024-12-31', [
      ['2024-10', '2024-10-01', '2024-10-31', '2024-10-31'],
      ['2024-11', '2024-11-01', '2024-11-30', '2024-11-29'],
      ['2024-12', '2024-12-01', '2024-12-31', '2024-12-31'],
    ]],
  ])('%s', (_name, o, from, to, rows) => {
    expect(monthly(o, from, to)).toEqual(rows);
  });

  it.each<[string, Partial<SelfInspectionSchedule>, string, string]>([
    ['the 15th, a Friday', { monthlyDueDay: 15 }, '2024-11', '2024-11-15'],
    ['the 15th, a Sunday: the next workday', { monthlyDueDay: 15 }, '2024-12', '2024-12-16'],
    ['the 1st, a holiday (国庆): the next workday, the 9th', { ...cn2025(), monthlyDueDay: 1 }, '2025-10', '2025-10-09'],
    ['the 31st in a 30-day month: the 30th', { monthlyDueDay: 31 }, '2024-09', '2024-09-30'],
    ['the 31st in a leap February: the 29th', { monthlyDueDay: 31 }, '2024-02', '2024-02-29'],
    ['the 30th in February 2023: the 28th', { monthlyDueDay: 30 }, '2023-02', '2023-02-28'],
    ['the 31st in February 2026 (the 28th a Saturday): the 27th', { monthlyDueDay: 31 }, '2026-02', '2026-02-27'],
    ['the 30th, a Saturday, weekends worked', { monthlyDueDay: 30, workOnWeekends: true }, '2024-11', '2024-11-30'],
  ])('a chosen day: %s', (_name, o, month, due) => {
    const from = `${month}-01`;
    const to = `${month}-${String(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).getUTCDate())}`;
    expect(occurrencesBetween(only('monthly', o), from, to).map((x) => x.dueDate)).toEqual([due]);
  });
});

describe('all three together', () => {
  it('sorted by due date, then daily, weekly, monthly; each with its checklist', () => {
    const occ = occurrencesBetween(sched(), '2024-11-29', '2024-11-30');
    expect(occ.map((o) => [o.dueDate, o.frequency, o.templateCode, o.periodKey])).toEqual([
      ['2024-11-29', 'daily', 'shift-daily', '2024-11-29'],
      ['2024-11-29', 'weekly', 'workshop-weekly', '2024-W48'],
      ['2024-11-29', 'monthly', 'principal-monthly', '2024-11'],
    ]);
  });

  it('a frequency without a checklist has no occurrences', () => {
    expect(occurrencesBetween(sched({ daily: null }), '2024-11-01', '2024-11-30').map((o) => o.frequency)).toEqual([
      'weekly', 'weekly', 'weekly', 'weekly', 'weekly', 'monthly',
    ]);
    expect(occurrencesBetween(sched({ daily: null, weekly: null, monthly: null }), '2024-01-01', '2024-12-31')).toEqual([]);
  });

  it('consecutive ranges split the occurrences without overlap or gap', () => {
    const s = cn2025();
    const whole = occurrencesBetween(s, '2025-09-01', '2025-10-31');
    const parts = [...occurrencesBetween(s, '2025-09-01', '2025-09-30'), ...occurrencesBetween(s, '2025-10-01', '2025-10-31')];
    expect(parts).toEqual(whole);
    expect(dueDates(s, '2025-09-01', '2025-10-31').length).toBe(whole.length);
  });
});
