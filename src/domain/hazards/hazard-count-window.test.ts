import { describe, expect, it } from 'vitest';
import { monthWindowOf, summaryRegionOf } from './hazard-count-window.ts';

const today = '2026-12-07';
const region = { level: 'township' as const, id: 't1' };

describe('monthWindowOf', () => {
  it('takes no range, a range from a month start, and one ending today or later', () => {
    expect(monthWindowOf({}, today)).toEqual({});
    expect(monthWindowOf({ from: '2026-01-01' }, today)).toEqual({ fromMonth: '2026-01-01' });
    expect(monthWindowOf({ from: '2026-01-01', to: today }, today)).toEqual({ fromMonth: '2026-01-01' });
    expect(monthWindowOf({ to: '2027-03-09' }, today)).toEqual({});
  });
  it('takes a range ending on the last day of a past month, February of a leap year included', () => {
    expect(monthWindowOf({ from: '2024-02-01', to: '2024-02-29' }, today)).toEqual({ fromMonth: '2024-02-01', toMonth: '2024-02-01' });
    expect(monthWindowOf({ to: '2026-11-30' }, today)).toEqual({ toMonth: '2026-11-01' });
    expect(monthWindowOf({ to: '2025-12-31' }, today)).toEqual({ toMonth: '2025-12-01' });
  });
  it('refuses a range that cuts a month at either end', () => {
    expect(monthWindowOf({ from: '2026-03-03' }, today)).toBeNull();
    expect(monthWindowOf({ to: '2026-06-20' }, today)).toBeNull();
    expect(monthWindowOf({ to: '2024-02-28' }, today)).toBeNull();
    expect(monthWindowOf({ from: '2026-12-01', to: '2026-12-06' }, today)).toBeNull();
  });
});

describe('summaryRegionOf', () => {
  it('answers for an office or a leader over a whole region only', () => {
    expect(summaryRegionOf('office', { kind: 'region', region })).toEqual(region);
    expect(summaryRegionOf('leader', { kind: 'region', region: { level: 'district', id: 'd1' } })).toEqual({ level: 'district', id: 'd1' });
    expect(summaryRegionOf('supervision', { kind: 'sectors', region, sectorIds: ['s'] })).toBeNull();
    expect(summaryRegionOf('village', { kind: 'region', region })).toBeNull();
    expect(summaryRegionOf('department', { kind: 'region', region })).toBeNull();
    expect(summaryRegionOf('enterprise', { kind: 'enterprise', enterpriseId: 'e' })).toBeNull();
  });
});
