import { describe, expect, it } from 'vitest';
import { addDays, monthStartOf, isValidDay, shanghaiDateTime } from './dates.ts';

describe('isValidDay', () => {
  it.each([
    ['2024-02-29', true], ['2023-02-29', false], ['2000-02-29', true], ['1900-02-29', false], ['2024-13-01', false], ['2024-1-01', false], ['', false],
  ])('%j is a valid day: %s', (day, ok) => {
    expect(isValidDay(day)).toBe(ok);
  });
});

describe('day arithmetic', () => {
  it('adds days across months and years, and back', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
  it('finds the first day of a month, months away', () => {
    expect(monthStartOf('2026-12-06')).toBe('2026-12-01');
    expect(monthStartOf('2026-12-06', 1)).toBe('2027-01-01');
    expect(monthStartOf('2026-01-31', -1)).toBe('2025-12-01');
  });
});

describe('shanghaiDateTime', () => {
  it('writes an instant in Shanghai time, zero-padded, across the day and year boundary', () => {
    expect(shanghaiDateTime(new Date('2026-12-07T21:08:38Z'))).toBe('2026-12-08 05:08:38');
    expect(shanghaiDateTime(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01 00:00:00');
    expect(shanghaiDateTime(new Date('2026-03-04T01:02:03.999Z'))).toBe('2026-03-04 09:02:03');
  });
});
