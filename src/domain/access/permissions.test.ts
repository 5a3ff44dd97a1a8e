import { describe, expect, it } from 'vitest';
import { PERMISSIONS, PERMISSION_NAMES, abilitiesOf, can } from './permissions.ts';
import { ROLES } from './roles.ts';

describe('the permission registry', () => {
  it('names every permission verb:entity and grants each to someone', () => {
    for (const p of PERMISSION_NAMES) {
      expect(p).toMatch(/^[a-z]+:[a-z_]+$/);
      expect(PERMISSIONS[p].length, p).toBeGreaterThan(0);
    }
  });

  it('abilitiesOf lists exactly what can answers yes to, in the registry order', () => {
    for (const role of ROLES) expect(abilitiesOf(role)).toEqual(PERMISSION_NAMES.filter((p) => can(role, p)));
  });

  // Written out by hand: a change to the registry changes what a role may do, and must change this.
  it.each([
    ['leader', ['read:dashboard', 'read:plan', 'read:accountability', 'read:schedule_compliance']],
    ['supervision_group', ['read:dashboard', 'read:schedule_compliance', 'create:hazard', 'create:inspection']],
    ['enterprise', ['create:hazard', 'create:inspection', 'edit:schedule']],
  ] as const)('%s may, among the reads everyone has: %j', (role, expected) => {
    for (const p of expected) expect(can(role, p), p).toBe(true);
  });

  it('keeps the administration, the ledger import and enforcement to their roles', () => {
    expect(ROLES.filter((r) => can(r, 'manage:org'))).toEqual(['admin']);
    expect(ROLES.filter((r) => can(r, 'read:audit'))).toEqual(['admin', 'office']);
    expect(ROLES.filter((r) => can(r, 'import:hazard'))).toEqual(['admin', 'office', 'department', 'village']);
    expect(ROLES.filter((r) => can(r, 'run:case'))).toEqual(['admin', 'office', 'department']);
    expect(ROLES.filter((r) => can(r, 'create:hazard'))).not.toContain('leader');
    expect(ROLES.filter((r) => can(r, 'read:dashboard'))).not.toContain('enterprise');
    expect(ROLES.filter((r) => can(r, 'read:plan'))).toEqual(['admin', 'office', 'leader', 'department']);
    expect(ROLES.filter((r) => can(r, 'record:publicity'))).toEqual(['admin', 'office']);
    expect(ROLES.filter((r) => can(r, 'read:publicity'))).toEqual(['admin', 'office', 'leader', 'department', 'supervision_group']);
  });
});
