import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from './roles.ts';
import { type ScopeActor, type ScopedEnterprise, enterpriseInScope, enterpriseScopeFor } from './scope.ts';

// A small region: district D with townships T1, T2; villages V1a, V1b (T1), V2 (T2);
// another district X (township XT, village XV). Sectors: chem, fire, build.
const D = 'D', T1 = 'T1', T2 = 'T2', X = 'X';
const chem = 'chem', fire = 'fire', build = 'build';
const E = {
  a: { id: 'a', districtId: D, townshipId: T1, villageId: 'V1a', sectorIds: [chem] },
  b: { id: 'b', districtId: D, townshipId: T1, villageId: 'V1a', sectorIds: [fire] },
  c: { id: 'c', districtId: D, townshipId: T1, villageId: 'V1b', sectorIds: [chem, build] },
  d: { id: 'd', districtId: D, townshipId: T2, villageId: 'V2', sectorIds: [chem] },
  e: { id: 'e', districtId: D, townshipId: T2, villageId: 'V2', sectorIds: [build] },
  f: { id: 'f', districtId: D, townshipId: T2, villageId: 'V2', sectorIds: [] },
  x: { id: 'x', districtId: X, townshipId: 'XT', villageId: 'XV', sectorIds: [chem] },
} satisfies Record<string, ScopedEnterprise>;
const ALL = Object.values(E);

const base: ScopeActor = {
  role: 'office', districtId: D, unitId: T1, unitKind: 'township',
  departmentRegion: null, sectorIds: [], enterpriseId: null, groupAssignments: null,
};
const actor = (o: Partial<ScopeActor>): ScopeActor => ({ ...base, ...o });
const visible = (a: ScopeActor) => ALL.filter((e) => enterpriseInScope(enterpriseScopeFor(a), e)).map((e) => e.id).sort();

describe('enterprise data scope', () => {
  const cases: [string, ScopeActor, string[]][] = [
    // admin / office / leader: their region (township or district)
    ['admin of the district sees the whole district', actor({ role: 'admin', unitId: D, unitKind: 'district' }), ['a', 'b', 'c', 'd', 'e', 'f']],
    ['admin of a township sees that township', actor({ role: 'admin', unitId: T1, unitKind: 'township' }), ['a', 'b', 'c']],
    ['office of T1 sees T1 only', actor({ role: 'office', unitId: T1 }), ['a', 'b', 'c']],
    ['office of T2 sees T2 only', actor({ role: 'office', unitId: T2 }), ['d', 'e', 'f']],
    ['office of the district sees the district, not another district', actor({ role: 'office', unitId: D, unitKind: 'district' }), ['a', 'b', 'c', 'd', 'e', 'f']],
    ['leader of T1 sees T1', actor({ role: 'leader', unitId: T1 }), ['a', 'b', 'c']],
    ['leader of the other district sees only it', actor({ role: 'leader', districtId: X, unitId: X, unitKind: 'district' }), ['x']],
    // department: its region ∩ its sectors
    ['T1 chemicals station sees T1 chemical enterprises', actor({ role: 'department', unitId: 'dep1', unitKind: 'department', departmentRegion: { level: 'township', id: T1 }, sectorIds: [chem] }), ['a', 'c']],
    ['T1 station of chem+fire sees the union of its sectors in T1', actor({ role: 'department', unitId: 'dep2', unitKind: 'department', departmentRegion: { level: 'township', id: T1 }, sectorIds: [chem, fire] }), ['a', 'b', 'c']],
    ['district construction bureau sees construction across the district', actor({ role: 'department', unitId: 'dep3', unitKind: 'department', departmentRegion: { level: 'district', id: D }, sectorIds: [build] }), ['c', 'e']],
    ['a department never sees an enterprise with no sector', actor({ role: 'department', unitId: 'dep4', unitKind: 'department', departmentRegion: { level: 'township', id: T2 }, sectorIds: [chem, fire, build] }), ['d', 'e']],
    // village: its village
    ['village V1a sees its two enterprises', actor({ role: 'village', unitId: 'V1a', unitKind: 'village' }), ['a', 'b']],
    ['village V2 sees its three enterprises', actor({ role: 'village', unitId: 'V2', unitKind: 'village' }), ['d', 'e', 'f']],
    // enterprise: itself
    ['enterprise user sees only itself', actor({ role: 'enterprise', unitId: 'V1a', unitKind: 'village', enterpriseId: 'b' }), ['b']],
    // supervision group: assigned villages ∪ assigned departments' scope
    [
      'supervision group sees assigned village and the sector scope of assigned departments',
      actor({
        role: 'supervision_group', unitId: T1,
        groupAssignments: { villageIds: ['V1b'], departments: [{ region: { level: 'township', id: T2 }, sectorIds: [build] }] },
      }),
      ['c', 'e'],
    ],
    [
      'supervision group with two villages and two departments',
      actor({
        role: 'supervision_group', unitId: T1,
        groupAssignments: {
          villageIds: ['V1a', 'V2'],
          departments: [{ region: { level: 'township', id: T1 }, sectorIds: [build] }, { region: { level: 'district', id: D }, sectorIds: [fire] }],
        },
      }),
      ['a', 'b', 'c', 'd', 'e', 'f'],
    ],
    [
      'supervision group ignores an assigned department without sectors',
      actor({
        role: 'supervision_group', unitId: T1,
        groupAssignments: { villageIds: ['V1a'], departments: [{ region: { level: 'township', id: T1 }, sectorIds: [] }] },
      }),
      ['a', 'b'],
    ],
  ];

  it.each(cases)('%s', (_name, a, expected) => {
    expect(visible(a)).toEqual(expected);
  });

  // Misconfigured accounts see nothing rather than everything.
  const none: [string, ScopeActor][] = [
    ['admin attached to a village', actor({ role: 'admin', unitId: 'V1a', unitKind: 'village' })],
    ['office attached to a department', actor({ role: 'office', unitId: 'dep1', unitKind: 'department' })],
    ['leader attached to a village', actor({ role: 'leader', unitId: 'V1a', unitKind: 'village' })],
    ['department without sectors', actor({ role: 'department', unitId: 'dep', unitKind: 'department', departmentRegion: { level: 'township', id: T1 }, sectorIds: [] })],
    ['department without a region', actor({ role: 'department', unitId: 'dep', unitKind: 'department', departmentRegion: null, sectorIds: [chem] })],
    ['department role attached to a township', actor({ role: 'department', unitId: T1, unitKind: 'township', departmentRegion: { level: 'township', id: T1 }, sectorIds: [chem] })],
    ['village role attached to a township', actor({ role: 'village', unitId: T1, unitKind: 'township' })],
    ['enterprise user without an enterprise', actor({ role: 'enterprise', unitId: 'V1a', unitKind: 'village', enterpriseId: null })],
    ['supervision group member of no group', actor({ role: 'supervision_group', groupAssignments: null })],
    ['supervision group with nothing assigned', actor({ role: 'supervision_group', groupAssignments: { villageIds: [], departments: [] } })],
  ];

  it.each(none)('%s: scope is none and sees nothing', (_name, a) => {
    expect(enterpriseScopeFor(a)).toEqual({ kind: 'none' });
    expect(visible(a)).toEqual([]);
  });

  it('covers every role', () => {
    const roles = new Set<Role>(cases.map(([, a]) => a.role));
    expect([...roles].sort()).toEqual([...ROLES].sort());
  });

  it('describes a supervision group scope as a union of its parts', () => {
    const scope = enterpriseScopeFor(
      actor({
        role: 'supervision_group',
        groupAssignments: { villageIds: ['V1a'], departments: [{ region: { level: 'township', id: T1 }, sectorIds: [fire] }] },
      }),
    );
    expect(scope).toEqual({
      kind: 'union',
      parts: [
        { kind: 'village', villageId: 'V1a' },
        { kind: 'sectors', region: { level: 'township', id: T1 }, sectorIds: [fire] },
      ],
    });
  });

  it('a district region does not leak into another district with the same township ids', () => {
    const scope = enterpriseScopeFor(actor({ role: 'office', unitId: D, unitKind: 'district' }));
    expect(enterpriseInScope(scope, { ...E.x, townshipId: T1 })).toBe(false);
  });
});
