import { describe, expect, it } from 'vitest';
import { type ScopeActor, groupInRegion, keepsGroup } from './scope.ts';

const actor = (role: ScopeActor['role'], unitKind: ScopeActor['unitKind'], unitId: string, districtId = 'D'): ScopeActor => ({
  role, districtId, unitId, unitKind, departmentRegion: null, sectorIds: [], enterpriseId: null, groupAssignments: null,
});
const townshipGroup = { districtId: 'D', townshipId: 'T1' };
const districtGroup = { districtId: 'D', townshipId: null };

describe('who keeps a supervision group', () => {
  it.each([
    ['the township office its own group', actor('office', 'township', 'T1'), townshipGroup, true],
    ['the township office not another township\'s', actor('office', 'township', 'T2'), townshipGroup, false],
    ['the township office not the district\'s own', actor('office', 'township', 'T1'), districtGroup, false],
    ['the district office its townships\' groups', actor('office', 'district', 'D'), townshipGroup, true],
    ['the district admin its own', actor('admin', 'district', 'D'), districtGroup, true],
    ['nobody of another district', actor('office', 'district', 'X', 'X'), townshipGroup, false],
    ['not a leader of the township (reads, does not keep)', actor('leader', 'township', 'T1'), townshipGroup, false],
    ['not a group member by role', actor('supervision_group', 'township', 'T1'), townshipGroup, false],
  ])('%s', (_name, a, g, expected) => {
    expect(keepsGroup(a, g)).toBe(expected);
  });

  it('a leader\'s region holds the township\'s groups (for reading)', () => {
    expect(groupInRegion(actor('leader', 'township', 'T1'), townshipGroup)).toBe(true);
    expect(groupInRegion(actor('leader', 'township', 'T2'), townshipGroup)).toBe(false);
  });
});
