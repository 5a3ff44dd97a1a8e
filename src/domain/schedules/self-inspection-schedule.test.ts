// 日周月 self-inspection schedules: labels, calendar helpers, workdays, problems, the district calendar.
import { describe, expect, it } from 'vitest';
import { OCCURRENCE_STATUSES, OCCURRENCE_STATUS_LABELS, SCHEDULE_PROBLEM_MESSAGES, SELF_INSPECTION_FREQUENCIES, SELF_INSPECTION_FREQUENCY_LABELS, SELF_INSPECTION_LEVEL_LABELS, type ScheduleProblem, type SelfInspectionSchedule, isWorkday, isoWeekKey, isoWeekStart, isoWeekday, scheduleProblems, withDistrictCalendar } from './self-inspection-schedule.ts';
import { EXTRA_2025, HOLIDAYS_2025, sched } from './self-inspection-schedule.test-fixtures.ts';

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

