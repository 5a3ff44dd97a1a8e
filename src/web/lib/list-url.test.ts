import { describe, expect, it } from 'vitest';
import { CaseFilter } from '../../contract/cases.ts';
import { HazardFilter } from '../../contract/hazards.ts';
import { countSet, listQueryFromUrl, queryFromUrl } from './list-url.ts';

describe('a list query from the URL, through the contract', () => {
  it('keeps what the contract accepts as written and drops the rest', () => {
    expect(queryFromUrl(HazardFilter, {
      q: '  配电箱 ', status: 'closed', level: 'huge', villageId: 'not-a-uuid', overdue: 'true', from: '2024-02-30', to: '2024-06-30', junk: 'x',
    })).toEqual({ q: '配电箱', status: 'closed', overdue: 'true', to: '2024-06-30' });
    expect(queryFromUrl(CaseFilter, { status: 'filed', dualPenalty: 'maybe', measureKind: 'penalty' })).toEqual({ status: 'filed', measureKind: 'penalty' });
  });

  it('adds the page and its size, defaulting what is missing or out of range', () => {
    expect(listQueryFromUrl(CaseFilter, { page: '3' }, 20)).toEqual({ page: 3, pageSize: 20 });
    expect(listQueryFromUrl(CaseFilter, { page: '0', pageSize: '1000' }, 20)).toEqual({ page: 1, pageSize: 20 });
  });

  it('counts the panel filters that are set', () => {
    expect(countSet({ a: 'x', b: '', c: 'y' }, ['a', 'b', 'd'])).toBe(1);
  });
});
