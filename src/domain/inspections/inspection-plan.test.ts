import { describe, expect, it } from 'vitest';
import { type CoveringCandidate, type PlanUnit, coversPlanEntry, mayLinkPlanEntry, mayPlanForUnit, planAllowedActions, planUnitScope } from './inspection-plan.ts';

const T1 = 't1';
const D = 'd';
const units: Record<'district' | 't1' | 't2' | 'depT1' | 'depT2' | 'depD' | 'village', PlanUnit> = {
  district: { id: D, kind: 'district', parentId: null, sectorIds: [] },
  t1: { id: T1, kind: 'township', parentId: D, sectorIds: [] },
  t2: { id: 't2', kind: 'township', parentId: D, sectorIds: [] },
  depT1: { id: 'dep1', kind: 'department', parentId: T1, sectorIds: ['chem'] },
  depT2: { id: 'dep2', kind: 'department', parentId: 't2', sectorIds: ['chem'] },
  depD: { id: 'depD', kind: 'department', parentId: D, sectorIds: ['trade'] },
  village: { id: 'v1', kind: 'village', parentId: T1, sectorIds: [] },
};

describe('mayPlanForUnit', () => {
  it.each([
    ['a department for itself', { role: 'department', unitId: 'dep1', unitKind: 'department' }, units.depT1, true],
    ['a department not for another', { role: 'department', unitId: 'dep1', unitKind: 'department' }, units.depT2, false],
    ['a department not for its township', { role: 'department', unitId: 'dep1', unitKind: 'department' }, units.t1, false],
    ['the township office for the township', { role: 'office', unitId: T1, unitKind: 'township' }, units.t1, true],
    ['the township office for its departments', { role: 'office', unitId: T1, unitKind: 'township' }, units.depT1, true],
    ['the township office not for another township\'s department', { role: 'office', unitId: T1, unitKind: 'township' }, units.depT2, false],
    ['the township office not for the district', { role: 'office', unitId: T1, unitKind: 'township' }, units.district, false],
    ['the district admin for any township', { role: 'admin', unitId: D, unitKind: 'district' }, units.t2, true],
    ['nobody for a village', { role: 'admin', unitId: D, unitKind: 'district' }, units.village, false],
    ['a leader never', { role: 'leader', unitId: D, unitKind: 'district' }, units.t1, false],
    ['a village never', { role: 'village', unitId: 'v1', unitKind: 'village' }, units.t1, false],
  ] as const)('%s', (_, actor, unit, expected) => {
    expect(mayPlanForUnit(actor, unit)).toBe(expected);
  });
});

describe('planAllowedActions', () => {
  it('edits as an editor role, inspects against its own unit\'s plan only', () => {
    expect(planAllowedActions({ role: 'department', unitId: 'dep1' }, { unitId: 'dep1' })).toEqual(['edit', 'inspect']);
    expect(planAllowedActions({ role: 'office', unitId: T1 }, { unitId: 'dep1' })).toEqual(['edit']);
    expect(planAllowedActions({ role: 'leader', unitId: 'dep1' }, { unitId: 'dep1' })).toEqual([]);
  });
});

describe('planUnitScope: a plan names only enterprises its unit supervises', () => {
  it('a township or the district: its region', () => {
    expect(planUnitScope(units.t1, units.district)).toEqual({ kind: 'region', region: { level: 'township', id: T1 } });
    expect(planUnitScope(units.district, null)).toEqual({ kind: 'region', region: { level: 'district', id: D } });
  });
  it('a department: its sectors in its parent\'s region', () => {
    expect(planUnitScope(units.depT1, units.t1)).toEqual({ kind: 'sectors', region: { level: 'township', id: T1 }, sectorIds: ['chem'] });
    expect(planUnitScope(units.depD, units.district)).toEqual({ kind: 'sectors', region: { level: 'district', id: D }, sectorIds: ['trade'] });
  });
  it('nothing for a department without sectors or parent, or given the wrong parent, or a village', () => {
    expect(planUnitScope({ ...units.depT1, sectorIds: [] }, units.t1)).toEqual({ kind: 'none' });
    expect(planUnitScope(units.depT1, null)).toEqual({ kind: 'none' });
    expect(planUnitScope(units.depT1, units.t2)).toEqual({ kind: 'none' });
    expect(planUnitScope({ ...units.depT1, parentId: 'v1' }, units.village)).toEqual({ kind: 'none' });
    expect(planUnitScope(units.village, units.t1)).toEqual({ kind: 'none' });
  });
});

describe('coversPlanEntry', () => {
  const plan = { year: 2024, unitId: 'dep1' };
  const entry = { id: 'e1', enterpriseId: 'a', month: 3 };
  const base: CoveringCandidate = { planEntryId: null, enterpriseId: 'a', unitId: 'dep1', type: 'enforcement', inspectedOn: '2024-03-15', completed: true };
  it.each<[string, Partial<CoveringCandidate>, boolean]>([
    ['the plan unit\'s authority inspection in the month', {}, true],
    ['on the first and last day of the month', { inspectedOn: '2024-03-01' }, true],
    ['last day', { inspectedOn: '2024-03-31' }, true],
    ['another month', { inspectedOn: '2024-04-01' }, false],
    ['the same month of another year', { inspectedOn: '2023-03-15' }, false],
    ['another unit', { unitId: 'dep2' }, false],
    ['another enterprise', { enterpriseId: 'b' }, false],
    ['a self-inspection', { type: 'self_monthly' }, false],
    ['a draft', { completed: false }, false],
    ['linked to the entry, another month', { planEntryId: 'e1', inspectedOn: '2024-09-01', unitId: 'dep2' }, true],
    ['linked, but a draft', { planEntryId: 'e1', completed: false }, false],
    ['linked to another entry, another month', { planEntryId: 'e2', inspectedOn: '2024-09-01' }, false],
  ])('%s → %s', (_, over, expected) => {
    expect(coversPlanEntry(plan, entry, { ...base, ...over })).toBe(expected);
  });
});

describe('mayLinkPlanEntry: only the plan\'s unit links its own inspection of the entry\'s enterprise', () => {
  const entry = { enterpriseId: 'a', planUnitId: 'dep1' };
  it.each<[string, { enterpriseId: string; unitId: string; type: CoveringCandidate['type'] }, boolean]>([
    ['the plan\'s unit, the enterprise, a spot check', { enterpriseId: 'a', unitId: 'dep1', type: 'spot_check' }, true],
    ['another unit', { enterpriseId: 'a', unitId: 'v1', type: 'spot_check' }, false],
    ['another enterprise', { enterpriseId: 'b', unitId: 'dep1', type: 'enforcement' }, false],
    ['a self-inspection', { enterpriseId: 'a', unitId: 'dep1', type: 'self_daily' }, false],
  ])('%s → %s', (_, i, expected) => {
    expect(mayLinkPlanEntry(entry, i)).toBe(expected);
  });
});
