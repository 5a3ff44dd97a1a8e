import { regionRecordScopeFor } from '../access/scope.ts';
import { describe, expect, it } from 'vitest';
import type { ScopeActor } from '../access/scope.ts';
import { activityAllowedActions, activityTownshipOf, keepsActivityRegion, postsRecordableBy, requirementAllowedActions } from './activity-policy.ts';

const actor = (o: Partial<ScopeActor>): ScopeActor => ({
  role: 'office', districtId: 'D', unitId: 'T1', unitKind: 'township', departmentRegion: null, sectorIds: [], enterpriseId: null, groupAssignments: null, ...o,
});

describe('leaders’ activity policy', () => {
  it.each([
    [{ mayRecord: true, ownUnit: true, keepsRegion: false, voided: false }, ['edit', 'void']],
    [{ mayRecord: true, ownUnit: false, keepsRegion: true, voided: false }, ['edit', 'void']],
    [{ mayRecord: true, ownUnit: false, keepsRegion: false, voided: false }, []],
    [{ mayRecord: false, ownUnit: true, keepsRegion: true, voided: false }, []],
    [{ mayRecord: true, ownUnit: true, keepsRegion: true, voided: true }, []],
  ])('%o → %o', (ties, actions) => {
    expect(activityAllowedActions(ties)).toEqual(actions);
  });

  it('a department names only its own head, as 安委会成员单位负责人', () => {
    expect(postsRecordableBy('department')).toEqual(['member_unit_head']);
    expect(postsRecordableBy('township')).toHaveLength(4);
  });

  it('the campaign’s office keeps its requirements', () => {
    expect(requirementAllowedActions(true)).toEqual(['create', 'edit', 'void']);
    expect(requirementAllowedActions(false)).toEqual([]);
  });
});

describe('which activities an actor sees and where its records land', () => {
  it.each([
    ['district office', actor({ unitId: 'D', unitKind: 'district' }), { kind: 'district' }, null],
    ['township leader', actor({ role: 'leader' }), { kind: 'township', townshipId: 'T1' }, 'T1'],
    ['township department', actor({ role: 'department', unitId: 'dep', unitKind: 'department', departmentRegion: { level: 'township', id: 'T1' } }), { kind: 'township', townshipId: 'T1' }, 'T1'],
    ['district department', actor({ role: 'department', unitId: 'dep', unitKind: 'department', departmentRegion: { level: 'district', id: 'D' } }), { kind: 'districtOwn' }, null],
    ['village', actor({ role: 'village', unitId: 'V', unitKind: 'village' }), { kind: 'none' }, null],
  ])('%s', (_name, a, scope, township) => {
    expect(regionRecordScopeFor(a)).toEqual(scope);
    expect(activityTownshipOf(a)).toBe(township);
  });

  it('the office over the region keeps a record; a leader or another township does not', () => {
    expect(keepsActivityRegion(actor({}), { districtId: 'D', townshipId: 'T1' })).toBe(true);
    expect(keepsActivityRegion(actor({}), { districtId: 'D', townshipId: 'T2' })).toBe(false);
    expect(keepsActivityRegion(actor({ unitId: 'D', unitKind: 'district' }), { districtId: 'D', townshipId: 'T2' })).toBe(true);
    expect(keepsActivityRegion(actor({ role: 'leader' }), { districtId: 'D', townshipId: 'T1' })).toBe(false);
    expect(keepsActivityRegion(actor({ districtId: 'X' }), { districtId: 'D', townshipId: 'T1' })).toBe(false);
  });
});
