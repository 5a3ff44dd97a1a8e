import { describe, expect, it } from 'vitest';
import { recordKeys } from './query-keys.ts';
import { pagePatch } from './search-params.ts';

describe('pagePatch', () => {
  it('leaves page 1 and the default page size out of the URL', () => {
    expect(pagePatch(1, 20, 20)).toEqual({ page: undefined, pageSize: undefined });
    expect(pagePatch(3, 50, 20)).toEqual({ page: 3, pageSize: 50 });
  });
});

describe('recordKeys', () => {
  it('puts every list under lists() and everything under all, so invalidating them reaches each', () => {
    const keys = recordKeys<{ q?: string }>('cases');
    const list = keys.list({ q: 'x' });
    expect(list.slice(0, keys.lists().length)).toEqual([...keys.lists()]);
    expect(keys.detail('id-1').slice(0, 1)).toEqual([...keys.all]);
    expect(keys.detail('id-1')).not.toEqual(expect.arrayContaining(['list']));
  });
});
