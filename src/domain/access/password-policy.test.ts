import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, checkPassword, comparable, passwordClasses, PASSWORD_PROBLEM_MESSAGES } from './password-policy.ts';

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

  describe('not an obvious choice', () => {
    const owner = { username: 'Wang.Xiaoming24', displayName: 'Wang Xiao Ming 24', demoAccount: false };

    it.each([
      ['Wang.Xiaoming24', 'the username itself'],
      ['wang.xiaoming24', 'in another case'],
      ['WANG.XIAOMING24', 'upper case'],
      [' Wang.Xiaoming24 ', 'with spaces around'],
      ['Wang. Xiaoming24', 'with a space inside'],
      ['Ｗang．Xiaoming２４', 'with full-width forms'],
    ])('refuses the username: %j (%s)', (pw) => {
      expect(checkPassword(pw, owner)).toBe('same_as_username');
    });

    it.each([
      ['Wang Xiao Ming 24', 'the display name itself'],
      ['WangXiaoMing24', 'without its spaces'],
      ['Wang\u3000Xiao Ming 24', 'with an ideographic space'],
    ])('refuses the display name: %j (%s)', (pw) => {
      expect(checkPassword(pw, owner)).toBe('same_as_display_name');
    });

    it('refuses a Chinese display name padded to the length rule', () => {
      expect(checkPassword('王小明 A1b2c', { displayName: '王小明a1B2C' })).toBe('same_as_display_name');
    });

    it.each([DEMO_PASSWORD, DEMO_PASSWORD.toLowerCase(), ` ${DEMO_PASSWORD}`])('refuses the demo password %j for an account that is not a demo account', (pw) => {
      expect(checkPassword(pw, { username: 'someone', demoAccount: false })).toBe('demo_password');
    });

    it('leaves the demo password to the server when it does not say whose account it is, and allows it for a demo account', () => {
      expect(checkPassword(DEMO_PASSWORD, { username: 'someone' })).toBeNull();
      expect(checkPassword(DEMO_PASSWORD, { username: 'mingyue', demoAccount: true })).toBeNull();
    });

    it('accepts a password that only contains the username', () => {
      expect(checkPassword('Wang.Xiaoming24!', owner)).toBeNull();
      expect(checkPassword('Brand@New2024', owner)).toBeNull();
    });

    it('checks the shape first: a short password that equals the username is too short', () => {
      expect(checkPassword('Ab1!', { username: 'ab1!' })).toBe('too_short');
    });

    it('compares without case, white space and full-width forms', () => {
      expect(comparable(' Ａb\tC　d ')).toBe('abcd');
    });
  });
});
