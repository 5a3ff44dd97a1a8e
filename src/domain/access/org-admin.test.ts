import { describe, expect, it } from 'vitest';
import { adminManagesSectors, adminManagesUnit, adminMayCreateUnder } from './org-admin.ts';

const D = { id: 'd', kind: 'district' as const };
const T = { id: 't', kind: 'township' as const };
const V = { id: 'v', kind: 'village' as const };

describe('what an admin manages', () => {
  it.each([
    ['district admin, any unit', D, { id: 'x', parentId: 'y' }, true],
    ['township admin, itself', T, { id: 't', parentId: 'd' }, true],
    ['township admin, its village', T, { id: 'v1', parentId: 't' }, true],
    ['township admin, another township', T, { id: 't2', parentId: 'd' }, false],
    ['township admin, another township’s village', T, { id: 'v2', parentId: 't2' }, false],
    ['township admin, the district', T, { id: 'd', parentId: null }, false],
    ['an admin bound to a village (misconfigured)', V, { id: 'v', parentId: 't' }, false],
  ])('%s', (_name, admin, unit, expected) => {
    expect(adminManagesUnit(admin, unit)).toBe(expected);
  });

  it.each([
    [D, { id: 'd', parentId: null }, true],
    [T, { id: 't', parentId: 'd' }, true],
    [T, { id: 'd', parentId: null }, false],
    [T, { id: 't2', parentId: 'd' }, false],
  ])('creation under a parent (%#)', (admin, parent, expected) => {
    expect(adminMayCreateUnder(admin, parent)).toBe(expected);
  });

  it('leaves the sector list to district admins', () => {
    expect(adminManagesSectors(D)).toBe(true);
    expect(adminManagesSectors(T)).toBe(false);
  });
});
