import { describe, expect, it } from 'vitest';
import { isValidDay } from './dates.ts';

describe('isValidDay', () => {
  it.each([
    ['2024-02-29', true], ['2023-02-29', false], ['2000-02-29', true], ['1900-02-29', false], ['2024-13-01', false], ['2024-1-01', false], ['', false],
  ])('%j is a valid day: %s', (day, ok) => {
    expect(isValidDay(day)).toBe(ok);
  });
});
