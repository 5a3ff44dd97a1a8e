import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { describe, expect, it } from 'vitest';
import {
  OCCURRENCE_STATUSES, OCCURRENCE_STATUS_LABELS, type Occurrence, type OccurrenceStatus, SCHEDULE_PROBLEM_MESSAGES,
  SELF_INSPECTION_FREQUENCIES, SELF_INSPECTION_FREQUENCY_LABELS, SELF_INSPECTION_LEVEL_LABELS, type ScheduleProblem,
  type SelfInspectionSchedule, complianceOf, isWorkday, isoWeekKey, isoWeekStart, isoWeekday, occurrenceStatus,
  occurrencesBetween, scheduleProblems, withDistrictCalendar,
} from './self-inspection-schedule.ts';

const sched = (o: Partial<SelfInspectionSchedule> = {}): SelfInspectionSchedule => ({
  daily: 'shift-daily',
  weekly: 'workshop-weekly',
  monthly: 'principal-monthly',
  workOnWeekends: false,
  holidays: [],
  extraWorkdays: [],
  weeklyDueWeekday: null,
  monthlyDueDay: null,
  ...o,
});
const only = (f: 'daily' | 'weekly' | 'monthly', o: Partial<SelfInspectionSchedule> = {}) =>
  sched({ ...o, daily: null, weekly: null, monthly: null, [f]: `${f}-list` });

/** 2025 (State Council notice): 劳动节 5月1日–5日 off, 4月27日 (Sunday) worked; 国庆节、中秋节 10月1日–8日 off, 9月28日 (Sunday) and 10月11日 (Saturday) worked. */
const HOLIDAYS_2025 = ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05', ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `2025-10-0${n}`)];
const EXTRA_2025 = ['2025-04-27', '2025-09-28', '2025-10-11'];
const cn2025 = (o: Partial<SelfInspectionSchedule> = {}) => sched({ holidays: HOLIDAYS_2025, extraWorkdays: EXTRA_2025, ...o });

describe('labels', () => {
  it('every frequency and status has a Chinese label; the levels are the seed’s 班组, 车间, 厂长', () => {
    for (const [values, labels] of [
      [SELF_INSPECTION_FREQUENCIES, SELF_INSPECTION_FREQUENCY_LABELS],
      [SELF_INSPECTION_FREQUENCIES, SELF_INSPECTION_LEVEL_LABELS],
      [OCCURRENCE_STATUSES, OCCURRENCE_STATUS_LABELS],
    ] as const) {
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
      for (const l of Object.values(labels)) expect(l).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(Object.values(SELF_INSPECTION_LEVEL_LABELS).join('、')).toBe('班组、车间、厂长（主要负责人）');
    for (const m of Object.values(SCHEDULE_PROBLEM_MESSAGES)) expect(m).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('calendar helpers', () => {
  it.each([
    ['2024-11-18', 1, '2024-11-18', '2024-W47'],
    ['2024-11-24', 7, '2024-11-18', '2024-W47'],
    ['2024-11-01', 5, '2024-10-28', '2024-W44'],
    ['2024-01-01', 1, '2024-01-01', '2024-W01'],
    ['2024-12-31', 2, '2024-12-30', '2025-W01'], // the week of 2025's first Thursday
    ['2025-01-05', 7, '2024-12-30', '2025-W01'],
    ['2021-01-03', 7, '2020-12-28', '2020-W53'], // 2020 has 53 ISO weeks
    ['2020-12-31', 4, '2020-12-28', '2020-W53'],
    ['2023-01-01', 7, '2022-12-26', '2022-W52'],
    ['2024-02-29', 4, '2024-02-26', '2024-W09'],
    ['2026-12-31', 4, '2026-12-28', '2026-W53'],
  ])('%s: ISO weekday %i, week from %s, %s', (day, weekday, monday, key) => {
    expect(isoWeekday(day)).toBe(weekday);
    expect(isoWeekStart(day)).toBe(monday);
    expect(isoWeekKey(day)).toBe(key);
  });
});

describe('isWorkday', () => {
  it.each<[string, Partial<SelfInspectionSchedule>, string, boolean]>([
    ['a weekday', {}, '2024-11-18', true],
    ['a Saturday', {}, '2024-11-16', false],
    ['a Sunday', {}, '2024-11-17', false],
    ['a Saturday when weekends are worked', { workOnWeekends: true }, '2024-11-16', true],
    ['a holiday on a weekday', { holidays: ['2024-11-18'] }, '2024-11-18', false],
    ['a holiday on a weekend worked', { workOnWeekends: true, holidays: ['2024-11-16'] }, '2024-11-16', false],
    ['a 调休 Saturday', { extraWorkdays: ['2025-10-11'] }, '2025-10-11', true],
    ['a 调休 Sunday', { extraWorkdays: ['2025-09-28'] }, '2025-09-28', true],
    ['a 调休 day when weekends are worked anyway', { workOnWeekends: true, extraWorkdays: ['2025-10-11'] }, '2025-10-11', true],
  ])('%s → %s', (_name, o, day, works) => {
    expect(isWorkday(sched(o), day)).toBe(works);
  });
});

describe('scheduleProblems', () => {
  it.each<[string, Partial<SelfInspectionSchedule>, ScheduleProblem[]]>([
    ['the 2025 calendar', { holidays: HOLIDAYS_2025, extraWorkdays: EXTRA_2025 }, []],
    ['nothing scheduled (an enterprise not yet set up)', { daily: null, weekly: null, monthly: null }, []],
    ['a bad holiday', { holidays: ['2025-02-30'] }, [{ problem: 'day_invalid', field: 'holidays', day: '2025-02-30' }]],
    ['a bad 调休 day', { extraWorkdays: ['2025/10/11'] }, [{ problem: 'day_invalid', field: 'extraWorkdays', day: '2025/10/11' }]],
    ['a day both off and worked', { holidays: ['2025-10-11'], extraWorkdays: ['2025-10-11'] }, [{ problem: 'day_both_holiday_and_workday', day: '2025-10-11' }]],
    ['a 调休 day on a weekday', { extraWorkdays: ['2025-10-10'] }, [{ problem: 'extra_workday_not_weekend', day: '2025-10-10' }]],
    ['weekday 0', { weeklyDueWeekday: 0 }, [{ problem: 'weekly_due_weekday_invalid' }]],
    ['weekday 8', { weeklyDueWeekday: 8 }, [{ problem: 'weekly_due_weekday_invalid' }]],
    ['weekday 2.5', { weeklyDueWeekday: 2.5 }, [{ problem: 'weekly_due_weekday_invalid' }]],
    ['weekdays 1 and 7', { weeklyDueWeekday: 7, monthlyDueDay: 1 }, []],
    ['month day 0', { monthlyDueDay: 0 }, [{ problem: 'monthly_due_day_invalid' }]],
    ['month day 32', { monthlyDueDay: 32 }, [{ problem: 'monthly_due_day_invalid' }]],
    ['month day 31', { monthlyDueDay: 31 }, []],
  ])('%s', (_name, o, problems) => {
    expect(scheduleProblems(sched(o))).toEqual(problems);
  });

  it('an active schedule needs a checklist for at least one of 日, 周, 月; an inactive one may have none', () => {
    const none = sched({ daily: null, weekly: null, monthly: null });
    expect(scheduleProblems({ ...none, active: true })).toEqual([{ problem: 'active_without_checklist' }]);
    expect(scheduleProblems({ ...none, active: false })).toEqual([]);
    expect(scheduleProblems({ ...sched({ daily: null, weekly: null }), active: true })).toEqual([]);
  });
});

describe('withDistrictCalendar: the enterprise\'s own days win over the district calendar', () => {
  const district = { holidays: ['2025-10-01', '2025-10-02'], workdays: ['2025-09-28', '2025-10-11'] };
  it('adds the district\'s days to the enterprise\'s own', () => {
    const s = withDistrictCalendar(sched({ holidays: ['2025-10-20'], extraWorkdays: [] }), district);
    expect([...s.holidays].sort()).toEqual(['2025-10-01', '2025-10-02', '2025-10-20']);
    expect([...s.extraWorkdays].sort()).toEqual(['2025-09-28', '2025-10-11']);
  });
  it('an own 调休 workday overrides a district holiday, an own holiday a district 调休 workday', () => {
    const s = withDistrictCalendar(sched({ holidays: ['2025-10-11'], extraWorkdays: ['2025-10-02'] }), district);
    expect([...s.holidays].sort()).toEqual(['2025-10-01', '2025-10-11']);
    expect([...s.extraWorkdays].sort()).toEqual(['2025-09-28', '2025-10-02']);
    expect(isWorkday(s, '2025-10-02')).toBe(true);
    expect(isWorkday(s, '2025-10-11')).toBe(false);
  });
  it('keeps everything else of the schedule', () => {
    const own = sched({ weeklyDueWeekday: 3, workOnWeekends: true });
    expect(withDistrictCalendar(own, district)).toMatchObject({ daily: own.daily, weekly: own.weekly, monthly: own.monthly, weeklyDueWeekday: 3, workOnWeekends: true });
  });
});

const dueDates = (s: SelfInspectionSchedule, from: string, to: string) => occurrencesBetween(s, from, to).map((o) => o.dueDate);

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

describe('occurrenceStatus', () => {
  // 2024-W47: Monday 18th to Sunday 24th, due Friday 22nd
  const week: Pick<Occurrence, 'periodStart' | 'periodEnd' | 'dueDate'> = { periodStart: '2024-11-18', periodEnd: '2024-11-24', dueDate: '2024-11-22' };
  const day: Pick<Occurrence, 'periodStart' | 'periodEnd' | 'dueDate'> = { periodStart: '2024-11-20', periodEnd: '2024-11-20', dueDate: '2024-11-20' };

  it.each<[string, Pick<Occurrence, 'periodStart' | 'periodEnd' | 'dueDate'>, string[], string, OccurrenceStatus]>([
    ['a week not begun', week, [], '2024-11-17', 'upcoming'],
    ['a week on its first day', week, [], '2024-11-18', 'due'],
    ['a week on its due date', week, [], '2024-11-22', 'due'],
    ['a week the day after its due date', week, [], '2024-11-23', 'missed'],
    ['a week done on Wednesday', week, ['2024-11-20'], '2024-11-20', 'done'],
    ['a week done on Wednesday, seen later', week, ['2024-11-20'], '2024-12-31', 'done'],
    ['a week done late but within it (Sunday)', week, ['2024-11-24'], '2024-11-25', 'done'],
    ['a week whose only inspection was the week before', week, ['2024-11-17'], '2024-11-25', 'missed'],
    ['a week whose only inspection was the week after', week, ['2024-11-25'], '2024-11-25', 'missed'],
    ['a week with several inspections', week, ['2024-11-11', '2024-11-19', '2024-11-21'], '2024-11-21', 'done'],
    ['a day not yet come', day, [], '2024-11-19', 'upcoming'],
    ['a day, today', day, [], '2024-11-20', 'due'],
    ['a day done', day, ['2024-11-20'], '2024-11-20', 'done'],
    ['a day passed undone', day, ['2024-11-19', '2024-11-21'], '2024-11-21', 'missed'],
  ])('%s → %s', (_name, o, done, today, status) => {
    expect(occurrenceStatus(o, done, today)).toBe(status);
  });
});

describe('complianceOf', () => {
  it('counts each frequency and all, with the rate over settled occurrences', () => {
    const c = complianceOf({
      schedule: sched(),
      from: '2024-11-18',
      to: '2024-11-30',
      today: '2024-11-21',
      doneDates: { daily: ['2024-11-18', '2024-11-20'], weekly: ['2024-11-19'], monthly: [] },
    });
    // daily 18 done, 19 missed, 20 done, 21 due, 22 25 26 27 28 29 upcoming
    expect(c.byFrequency.daily).toEqual({ total: 10, done: 2, missed: 1, due: 1, upcoming: 6, rate: 2 / 3 });
    // W47 done; W48 (due the 29th) not begun
    expect(c.byFrequency.weekly).toEqual({ total: 2, done: 1, missed: 0, due: 0, upcoming: 1, rate: 1 });
    // November (due the 29th) has begun
    expect(c.byFrequency.monthly).toEqual({ total: 1, done: 0, missed: 0, due: 1, upcoming: 0, rate: null });
    expect(c.all).toEqual({ total: 13, done: 3, missed: 1, due: 2, upcoming: 7, rate: 3 / 4 });
  });

  it('a month gone by: every occurrence settled', () => {
    const c = complianceOf({
      schedule: only('monthly'),
      from: '2024-01-01',
      to: '2024-12-31',
      today: '2025-01-15',
      doneDates: { daily: [], weekly: [], monthly: ['2024-01-31', '2024-02-29', '2024-03-02', '2024-06-30'] },
    });
    expect(c.all).toEqual({ total: 12, done: 4, missed: 8, due: 0, upcoming: 0, rate: 4 / 12 });
    expect(c.byFrequency.daily).toEqual({ total: 0, done: 0, missed: 0, due: 0, upcoming: 0, rate: null });
  });

  it('nothing scheduled: all zero, no rate', () => {
    const c = complianceOf({ schedule: sched({ daily: null, weekly: null, monthly: null }), from: '2024-01-01', to: '2024-12-31', today: '2024-06-01', doneDates: { daily: ['2024-01-02'], weekly: [], monthly: [] } });
    expect(c.all).toEqual({ total: 0, done: 0, missed: 0, due: 0, upcoming: 0, rate: null });
  });
});

// ---- property: the day-number implementation against a straightforward one on date strings

dayjs.extend(utc);

/** The rules as written in the module comment, day by day with dayjs: slow and plain on purpose. */
const reference = (() => {
  const day = (x: dayjs.Dayjs) => x.format('YYYY-MM-DD');
  const weekday = (x: string) => dayjs.utc(x).day() || 7;
  const works = (s: SelfInspectionSchedule, x: string) =>
    !s.holidays.includes(x) && (s.extraWorkdays.includes(x) || s.workOnWeekends || weekday(x) < 6);
  const daysOf = (start: string, end: string) => {
    const out: string[] = [];
    for (let x = dayjs.utc(start); day(x) <= end; x = x.add(1, 'day')) out.push(day(x));
    return out;
  };
  const due = (s: SelfInspectionSchedule, start: string, end: string, target: string | null) => {
    const workdays = daysOf(start, end).filter((x) => works(s, x));
    if (target === null) return workdays.at(-1) ?? null;
    return workdays.find((x) => x >= target) ?? workdays.filter((x) => x < target).at(-1) ?? null;
  };
  const weekKey = (monday: string) => {
    const thursday = dayjs.utc(monday).add(3, 'day');
    const week = Math.floor(thursday.diff(dayjs.utc(`${thursday.year()}-01-01`), 'day') / 7) + 1;
    return `${thursday.year()}-W${String(week).padStart(2, '0')}`;
  };
  const occurrences = (s: SelfInspectionSchedule, from: string, to: string): Occurrence[] => {
    const out: Occurrence[] = [];
    const add = (frequency: 'daily' | 'weekly' | 'monthly', periodKey: string, periodStart: string, periodEnd: string, target: string | null) => {
      const templateCode = s[frequency];
      const dueDate = templateCode === null ? null : due(s, periodStart, periodEnd, target);
      if (templateCode !== null && dueDate !== null && dueDate >= from && dueDate <= to) out.push({ frequency, templateCode, periodKey, periodStart, periodEnd, dueDate });
    };
    if (from > to) return out;
    for (const x of daysOf(from, to)) add('daily', x, x, x, null);
    const firstMonday = dayjs.utc(from).subtract(weekday(from) - 1, 'day');
    for (let m = firstMonday; day(m) <= to; m = m.add(7, 'day')) {
      add('weekly', weekKey(day(m)), day(m), day(m.add(6, 'day')), s.weeklyDueWeekday === null ? null : day(m.add(s.weeklyDueWeekday - 1, 'day')));
    }
    for (let m = dayjs.utc(from).startOf('month'); day(m) <= to; m = m.add(1, 'month')) {
      const last = m.endOf('month');
      add('monthly', m.format('YYYY-MM'), day(m), day(last), s.monthlyDueDay === null ? null : day(m.date(Math.min(s.monthlyDueDay, last.date()))));
    }
    const order = { daily: 0, weekly: 1, monthly: 2 };
    return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || order[a.frequency] - order[b.frequency]);
  };
  const compliance = (o: Parameters<typeof complianceOf>[0]) => {
    const counts = () => ({ total: 0, done: 0, missed: 0, due: 0, upcoming: 0 });
    const by = { daily: counts(), weekly: counts(), monthly: counts() };
    const all = counts();
    for (const occ of occurrences(o.schedule, o.from, o.to)) {
      const done = o.doneDates[occ.frequency].some((x) => x >= occ.periodStart && x <= occ.periodEnd);
      const status = done ? 'done' : o.today > occ.dueDate ? 'missed' : o.today >= occ.periodStart ? 'due' : 'upcoming';
      for (const c of [by[occ.frequency], all]) {
        c.total += 1;
        c[status] += 1;
      }
    }
    const rated = (c: ReturnType<typeof counts>) => ({ ...c, rate: c.done + c.missed === 0 ? null : c.done / (c.done + c.missed) });
    return { byFrequency: { daily: rated(by.daily), weekly: rated(by.weekly), monthly: rated(by.monthly) }, all: rated(all) };
  };
  return { occurrences, compliance, weekKey, works };
})();

describe('occurrencesBetween and complianceOf agree with a plain day-by-day reference', () => {
  let seed = 20_240_229;
  // mulberry32: seeded, so a failure reproduces
  const rand = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(rand() * n);
  const day = (x: dayjs.Dayjs) => x.format('YYYY-MM-DD');
  const base = dayjs.utc('2023-09-01');
  // 2023-09 … 2029-06: the leap years 2024 and 2028, six year ends
  const anyDay = () => base.add(int(2130), 'day');

  function randomSchedule(): SelfInspectionSchedule {
    const holidays = new Set<string>();
    for (let i = int(25); i > 0; i--) holidays.add(day(anyDay()));
    // a run of days off (春节, 国庆) sometimes leaves a whole week or more without a workday
    for (let i = int(3); i > 0; i--) {
      const start = anyDay();
      for (let k = 3 + int(10); k > 0; k--) holidays.add(day(start.add(k, 'day')));
    }
    const extra = new Set<string>();
    for (let i = int(8); i > 0; i--) {
      const x = anyDay();
      if ((x.day() === 0 || x.day() === 6) && !holidays.has(day(x))) extra.add(day(x));
    }
    const code = (name: string) => (rand() < 0.75 ? name : null);
    return {
      daily: code('d'), weekly: code('w'), monthly: code('m'),
      workOnWeekends: rand() < 0.3,
      holidays: [...holidays], extraWorkdays: [...extra],
      weeklyDueWeekday: rand() < 0.4 ? null : 1 + int(7),
      monthlyDueDay: rand() < 0.4 ? null : rand() < 0.3 ? 28 + int(4) : 1 + int(31),
    };
  }

  function randomRange(): { from: string; to: string } {
    // half of the ranges start in the last weeks of a year, so they cross its end
    const from = rand() < 0.5 ? dayjs.utc(`${2023 + int(6)}-12-01`).add(int(31), 'day') : anyDay();
    const length = rand() < 0.05 ? -1 - int(5) : int(rand() < 0.5 ? 40 : 400);
    return { from: day(from), to: day(from.add(length, 'day')) };
  }

  it('over 250 random schedules and ranges (weekends, holidays, 调休, due weekday and day, year ends, leap years)', () => {
    for (let i = 0; i < 250; i++) {
      const schedule = randomSchedule();
      const { from, to } = randomRange();
      const context = JSON.stringify({ i, schedule, from, to });
      expect(occurrencesBetween(schedule, from, to), context).toEqual(reference.occurrences(schedule, from, to));
      const today = day(dayjs.utc(from).add(int(500) - 50, 'day'));
      const done = () => {
        const out: string[] = [];
        for (let k = int(200); k > 0; k--) out.push(day(dayjs.utc(from).add(int(420) - 10, 'day')));
        return out;
      };
      const input = { schedule, from, to, today, doneDates: { daily: done(), weekly: done(), monthly: done() } };
      expect(complianceOf(input), context).toEqual(reference.compliance(input));
    }
  });

  it('week keys, week starts, weekdays and workdays on every day from 2023-09 to 2029-06', () => {
    const schedule = randomSchedule();
    for (let x = base; x.year() < 2029 || x.month() < 6; x = x.add(1, 'day')) {
      const s = day(x);
      const monday = day(x.subtract((x.day() || 7) - 1, 'day'));
      expect(isoWeekStart(s)).toBe(monday);
      expect(isoWeekKey(s)).toBe(reference.weekKey(monday));
      expect(isoWeekday(s)).toBe(x.day() || 7);
      expect(isWorkday(schedule, s)).toBe(reference.works(schedule, s));
    }
  });
});
