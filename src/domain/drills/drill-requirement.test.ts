import { describe, expect, it } from 'vitest';
import { DEFAULT_REQUIREMENT, categoryOf, complianceOf, isDueSoon, timesPerYear, windowsOf } from './drill-requirement.ts';

describe('windows of a year', () => {
  it.each([
    [1, [['2025-01-01', '2025-12-31', '2025-07-01']]],
    [2, [['2025-01-01', '2025-06-30', '2025-04-01'], ['2025-07-01', '2025-12-31', '2025-10-01']]],
    [4, [['2025-01-01', '2025-03-31', '2025-02-16'], ['2025-04-01', '2025-06-30', '2025-05-16'], ['2025-07-01', '2025-09-30', '2025-08-16'], ['2025-10-01', '2025-12-31', '2025-11-16']]],
  ] as const)('%i a year', (n, expected) => {
    expect(windowsOf(2025, n).map((w) => [w.start, w.end, w.mid])).toEqual(expected);
  });
  it('none when nothing is required', () => expect(windowsOf(2025, 0)).toEqual([]));
  it('a leap year ends February on the 29th', () => expect(windowsOf(2024, 4)[0]!.end).toBe('2024-03-31'));
});

describe('the default requirement', () => {
  it.each([
    ['drill', false, 1], ['drill', true, 2], ['training', false, 1], ['training', true, 1],
  ] as const)('%s, high risk %s: %i a year', (c, hr, n) => expect(timesPerYear(DEFAULT_REQUIREMENT, c, hr)).toBe(n));
  it('kinds fall in their category', () => {
    expect(categoryOf('tabletop_drill')).toBe('drill');
    expect(categoryOf('special_operations_training')).toBe('training');
    expect(categoryOf('enforcement_staff_training')).toBe('training');
  });
});

describe('compliance of an enterprise', () => {
  const old = '2020-05-01';
  it.each([
    // n, registered, held, today, status, dueOn, states
    ['yearly, nothing yet in March', 1, old, [], '2025-03-10', 'pending', '2025-12-31', ['open']],
    ['yearly, drilled in March', 1, old, ['2025-03-02'], '2025-11-10', 'met', null, ['met']],
    ['yearly, last year only', 1, old, ['2024-12-30'], '2025-11-10', 'pending', '2025-12-31', ['open']],
    ['half-yearly, first half missed', 2, old, ['2025-08-01'], '2025-08-10', 'missed', null, ['missed', 'met']],
    ['half-yearly, first met, second open', 2, old, ['2025-06-30'], '2025-07-01', 'pending', '2025-12-31', ['met', 'open']],
    ['half-yearly, second half not started', 2, old, ['2025-02-01'], '2025-05-01', 'met', null, ['met', 'future']],
    ['half-yearly, both met', 2, old, ['2025-01-01', '2025-12-31'], '2025-12-31', 'met', null, ['met', 'met']],
    ['registered in May owes only the second half', 2, '2025-05-20', [], '2025-06-30', 'not_required', null, ['not_owed', 'future']],
    ['registered in May, second half open', 2, '2025-05-20', [], '2025-09-01', 'pending', '2025-12-31', ['not_owed', 'open']],
    ['registered on 1 July owes nothing for a yearly rule', 1, '2025-07-01', [], '2025-12-31', 'not_required', null, ['not_owed']],
    ['registered on 30 June owes the year', 1, '2025-06-30', [], '2025-12-31', 'pending', '2025-12-31', ['open']],
    ['a past year seen after its end', 1, old, [], '2026-01-05', 'missed', null, ['missed']],
    ['no requirement', 0, old, [], '2025-06-01', 'not_required', null, []],
  ] as const)('%s', (_name, n, registeredOn, heldOn, today, status, dueOn, states) => {
    const year = Number(today.slice(0, 4)) - (today.startsWith('2026') ? 1 : 0);
    const c = complianceOf({ year, n, registeredOn, heldOn, today });
    expect(c.status).toBe(status);
    expect(c.dueOn).toBe(dueOn);
    expect(c.windows.map((w) => w.state)).toEqual(states);
  });

  it.each([
    ['2025-12-01', true], ['2025-12-31', true], ['2025-11-30', false], ['2025-11-01', false],
  ] as const)('due soon on %s: %s', (today, soon) => {
    const c = complianceOf({ year: 2025, n: 1, registeredOn: old, heldOn: [], today });
    expect(isDueSoon(c, today)).toBe(soon);
  });
});
