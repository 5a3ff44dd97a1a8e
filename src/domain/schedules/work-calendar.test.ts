import { describe, expect, it } from 'vitest';
import { calendarEntryProblem, calendarYearProblems } from './work-calendar.ts';

describe('work calendar', () => {
  it('refuses a day that does not exist', () => {
    expect(calendarEntryProblem({ day: '2025-02-28', kind: 'holiday' })).toBeNull();
    expect(calendarEntryProblem({ day: '2025-02-29', kind: 'holiday' })).toBe('not_a_date');
    expect(calendarEntryProblem({ day: '2025-2-1', kind: 'holiday' })).toBe('not_a_date');
  });

  it('takes holidays on any day and 调休 workdays only on weekends', () => {
    expect(calendarEntryProblem({ day: '2025-10-01', kind: 'holiday' })).toBeNull(); // Wednesday
    expect(calendarEntryProblem({ day: '2025-09-28', kind: 'workday' })).toBeNull(); // Sunday
    expect(calendarEntryProblem({ day: '2025-10-11', kind: 'workday' })).toBeNull(); // Saturday
    expect(calendarEntryProblem({ day: '2025-10-10', kind: 'workday' })).toBe('workday_not_weekend'); // Friday
  });

  it('names entries outside the year and repeated days by index', () => {
    const problems = calendarYearProblems(2025, [
      { day: '2025-01-01', kind: 'holiday' },
      { day: '2024-12-31', kind: 'holiday' },
      { day: '2025-01-01', kind: 'holiday' },
      { day: '2025-13-01', kind: 'holiday' },
    ]);
    expect(problems).toEqual([
      { index: 1, problem: 'outside_year' },
      { index: 2, problem: 'duplicate' },
      { index: 3, problem: 'not_a_date' },
    ]);
  });
});
