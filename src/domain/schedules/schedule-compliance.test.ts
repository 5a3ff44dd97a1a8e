// Done, missed and due occurrences, compliance, and agreement with a plain day-by-day reference.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { describe, expect, it } from 'vitest';
import { type Occurrence, type OccurrenceStatus, type SelfInspectionSchedule, complianceOf, isWorkday, isoWeekKey, isoWeekStart, isoWeekday, occurrenceStatus, occurrencesBetween } from './self-inspection-schedule.ts';
import { only, sched } from './self-inspection-schedule.test-fixtures.ts';

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
