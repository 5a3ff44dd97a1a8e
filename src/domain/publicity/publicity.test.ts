import { regionRecordScopeFor } from '../access/scope.ts';
import { describe, expect, it } from 'vitest';
import type { ScopeActor } from '../access/scope.ts';
import { defaultMainstream, publicityDateProblems, publicityInWindow } from './publicity.ts';
import { keptPublicityRegion, publicityAllowedActions } from './publicity-policy.ts';

const actor = (o: Partial<ScopeActor>): ScopeActor => ({
  role: 'office', districtId: 'D', unitId: 'T1', unitKind: 'township', departmentRegion: null, sectorIds: [], enterpriseId: null, groupAssignments: null, ...o,
});

describe('publicity records: dates', () => {
  it.each([
    [{ kind: 'media_column', publishedOn: '2024-05-01', endsOn: '2024-12-31' }, {}],
    [{ kind: 'media_column', publishedOn: '2024-05-01', endsOn: '2024-05-01' }, {}],
    [{ kind: 'media_column', publishedOn: '2024-05-01', endsOn: '2024-04-30' }, { endsOn: '结束日期不能早于开始日期' }],
    [{ kind: 'exposure', publishedOn: '2024-05-01', endsOn: '2024-05-02' }, { endsOn: '只有专题栏目可以填写结束日期' }],
    [{ kind: 'report', publishedOn: '2024-06-02', endsOn: null }, { publishedOn: '播出/刊发日期不能晚于今天' }],
  ] as const)('%o → %o', (r, problems) => {
    expect(publicityDateProblems({ ...r }, '2024-06-01')).toEqual(problems);
  });

  it('a column counts in any window it runs in, one without an end in every window after its start; a one-day record on its day', () => {
    const column = { kind: 'media_column' as const, publishedOn: '2024-05-10', endsOn: '2024-07-31' };
    const running = { ...column, endsOn: null };
    expect(publicityInWindow(running, '2025-01-01', '2025-01-31')).toBe(true);
    expect(publicityInWindow(running, '2024-04-01', '2024-05-09')).toBe(false);
    expect(publicityInWindow(column, '2024-07-01', '2024-07-31')).toBe(true);
    expect(publicityInWindow(column, '2024-04-01', '2024-05-10')).toBe(true);
    expect(publicityInWindow(column, '2024-08-01', '2024-08-31')).toBe(false);
    expect(publicityInWindow(column, '2024-04-01', '2024-05-09')).toBe(false);
    const exposure = { kind: 'exposure' as const, publishedOn: '2024-05-10', endsOn: null };
    expect(publicityInWindow(exposure, '2024-05-10', '2024-05-10')).toBe(true);
    expect(publicityInWindow(exposure, '2024-05-11', '2024-05-31')).toBe(false);
  });

  it('takes broadcast and print for mainstream until the recorder says otherwise', () => {
    expect(['tv', 'radio', 'newspaper'].every((c) => defaultMainstream(c as 'tv'))).toBe(true);
    expect(['website', 'wechat', 'other'].some((c) => defaultMainstream(c as 'tv'))).toBe(false);
  });
});

describe('publicity records: who sees and who keeps them', () => {
  it.each([
    ['district office', actor({ unitId: 'D', unitKind: 'district' }), { kind: 'district' }, { townshipId: null }],
    ['township office', actor({}), { kind: 'township', townshipId: 'T1' }, { townshipId: 'T1' }],
    ['township leader', actor({ role: 'leader' }), { kind: 'township', townshipId: 'T1' }, undefined],
    ['supervision group', actor({ role: 'supervision_group' }), { kind: 'township', townshipId: 'T1' }, undefined],
    ['township department', actor({ role: 'department', unitId: 'dep', unitKind: 'department', departmentRegion: { level: 'township', id: 'T1' } }), { kind: 'township', townshipId: 'T1' }, undefined],
    ['district department', actor({ role: 'department', unitId: 'dep', unitKind: 'department', departmentRegion: { level: 'district', id: 'D' } }), { kind: 'districtOwn' }, undefined],
    ['village', actor({ role: 'village', unitId: 'V', unitKind: 'village' }), { kind: 'none' }, undefined],
    ['enterprise', actor({ role: 'enterprise', unitId: 'V', unitKind: 'village', enterpriseId: 'E' }), { kind: 'none' }, undefined],
  ])('%s', (_name, a, scope, kept) => {
    expect(regionRecordScopeFor(a)).toEqual(scope);
    expect(keptPublicityRegion(a)).toEqual(kept);
  });

  it('the office of the record\'s own region edits and voids it while live; the district reads a township\'s only', () => {
    const township = { districtId: 'D', townshipId: 'T1', voided: false };
    expect(publicityAllowedActions(actor({}), township)).toEqual(['edit', 'void']);
    expect(publicityAllowedActions(actor({}), { ...township, voided: true })).toEqual([]);
    expect(publicityAllowedActions(actor({ unitId: 'T2' }), township)).toEqual([]);
    expect(publicityAllowedActions(actor({ unitId: 'D', unitKind: 'district' }), township)).toEqual([]);
    expect(publicityAllowedActions(actor({ unitId: 'D', unitKind: 'district' }), { ...township, townshipId: null })).toEqual(['edit', 'void']);
    expect(publicityAllowedActions(actor({ role: 'leader' }), township)).toEqual([]);
    expect(publicityAllowedActions(actor({ districtId: 'X' }), township)).toEqual([]);
  });
});
