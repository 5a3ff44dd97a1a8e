import { describe, expect, it } from 'vitest';
import { campaignAllowedActions, occurrenceAllowedActions } from './campaign-policy.ts';

describe('campaign policy', () => {
  it('lets only the issuing office act on a campaign; a draft is published, an ended one no longer urged', () => {
    expect(campaignAllowedActions({ keeps: false, watches: false, published: true, state: 'active' })).toEqual([]);
    expect(campaignAllowedActions({ keeps: false, watches: true, published: true, state: 'active' })).toEqual(['overview']);
    expect(campaignAllowedActions({ keeps: false, watches: true, published: false, state: 'draft' })).toEqual([]);
    expect(campaignAllowedActions({ keeps: true, watches: true, published: false, state: 'draft' })).toEqual(['edit', 'publish', 'edit_tasks']);
    expect(campaignAllowedActions({ keeps: true, watches: true, published: true, state: 'active' })).toEqual(['edit', 'edit_tasks', 'review', 'urge', 'overview']);
    expect(campaignAllowedActions({ keeps: true, watches: true, published: true, state: 'ended' })).toEqual(['edit', 'edit_tasks', 'review', 'overview']);
  });

  it('lets the owing unit report while it owes and acknowledge once; the office urges while owed and running', () => {
    const base = { reportsForUnit: true, keeps: false, state: 'not_reported' as const, acknowledged: false, campaignEnded: false };
    expect(occurrenceAllowedActions(base)).toEqual(['report', 'acknowledge']);
    expect(occurrenceAllowedActions({ ...base, state: 'submitted', acknowledged: true })).toEqual([]);
    expect(occurrenceAllowedActions({ ...base, state: 'returned', acknowledged: true })).toEqual(['report']);
    const office = { ...base, reportsForUnit: false, keeps: true };
    expect(occurrenceAllowedActions(office)).toEqual(['urge']);
    expect(occurrenceAllowedActions({ ...office, campaignEnded: true })).toEqual([]);
    expect(occurrenceAllowedActions({ ...office, state: 'confirmed' })).toEqual([]);
  });
});
