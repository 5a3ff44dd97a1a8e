import { describe, expect, it } from 'vitest';
import { ENTERPRISE_KINDS, isSmallEnterprise, usccRequired } from './enterprise-rules.ts';

describe('enterprise rules', () => {
  it.each([
    [0, true],
    [29, true],
    [30, false],
    [500, false],
    [null, false],
    [undefined, false],
  ])('%o employees: small enterprise (小微, fewer than 30) = %o', (n, small) => {
    expect(isSmallEnterprise(n)).toBe(small);
  });

  it.each([
    ['company', true],
    ['sole_trader', false],
    ['small_venue', false],
  ] as const)('USCC required for %s: %o', (kind, required) => {
    expect(usccRequired(kind)).toBe(required);
  });

  it('covers every kind', () => {
    expect([...ENTERPRISE_KINDS].sort()).toEqual(['company', 'small_venue', 'sole_trader']);
  });
});
