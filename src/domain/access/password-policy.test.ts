import { describe, expect, it } from 'vitest';
import { checkPassword, passwordClasses, PASSWORD_PROBLEM_MESSAGES } from './password-policy.ts';

describe('password policy: at least 8 characters from at least three of four classes', () => {
  it.each([
    ['Anzhi@2024', 'upper, lower, digit, symbol'],
    ['Abcdefg1', 'upper, lower, digit; exactly 8'],
    ['abcdefg1!', 'lower, digit, symbol'],
    ['ABCDEFG1!', 'upper, digit, symbol'],
    ['Abcdefg!', 'upper, lower, symbol'],
    ['安全生产Ab12', 'CJK counts as a symbol'],
    ['Pass word1', 'space counts as a symbol'],
  ])('accepts %j (%s)', (pw) => {
    expect(checkPassword(pw)).toBeNull();
  });

  it.each([
    ['', 'too_short'],
    ['Ab1!', 'too_short'],
    ['Abc@123', 'too_short'], // 7 characters, all four classes
    ['安全生产A1!', 'too_short'], // 7 code points
    ['abcdefgh', 'too_few_classes'],
    ['abcdefg1', 'too_few_classes'],
    ['ABCDEFGH1', 'too_few_classes'],
    ['12345678', 'too_few_classes'],
    ['12345678!', 'too_few_classes'],
    ['Password', 'too_few_classes'],
    ['安全生产安全生产', 'too_few_classes'],
  ] as const)('rejects %j as %s', (pw, problem) => {
    expect(checkPassword(pw)).toBe(problem);
  });

  it('counts length in characters, not UTF-16 units', () => {
    // 6 characters but 10 UTF-16 units
    expect('😀😀😀😀A1'.length).toBe(10);
    expect(checkPassword('😀😀😀😀A1')).toBe('too_short');
  });

  it.each([
    ['abc', 1],
    ['aB', 2],
    ['aB3', 3],
    ['aB3#', 4],
    ['', 0],
  ])('counts the classes of %j as %i', (pw, n) => {
    expect(passwordClasses(pw)).toBe(n);
  });

  it('has a Chinese message for every problem', () => {
    for (const m of Object.values(PASSWORD_PROBLEM_MESSAGES)) expect(m).toMatch(/密码/);
  });
});
