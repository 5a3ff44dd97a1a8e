import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../access/roles.ts';
import {
  ENTERPRISE_SELF_EDITABLE, canCreateEnterprise, enterpriseAllowedActions, forbiddenEnterpriseFields,
} from './enterprise-policy.ts';

describe('enterprise policy', () => {
  const table: [Role, { create: boolean; actions: string[] }][] = [
    ['admin', { create: true, actions: ['edit', 'void', 'report_hazard', 'start_inspection', 'open_case'] }],
    ['office', { create: true, actions: ['edit', 'void', 'report_hazard', 'start_inspection', 'open_case'] }],
    ['department', { create: true, actions: ['edit', 'void', 'report_hazard', 'start_inspection', 'open_case'] }],
    ['village', { create: true, actions: ['edit', 'void', 'report_hazard', 'start_inspection'] }],
    ['enterprise', { create: false, actions: ['edit', 'report_hazard', 'start_inspection'] }],
    ['leader', { create: false, actions: [] }],
    ['supervision_group', { create: false, actions: ['report_hazard', 'start_inspection'] }],
  ];

  it('has a row for every role', () => {
    expect(table.map(([r]) => r).sort()).toEqual([...ROLES].sort());
  });

  it.each(table)('%s: create=%o', (role, { create, actions }) => {
    expect(canCreateEnterprise(role)).toBe(create);
    expect(enterpriseAllowedActions(role, { voided: false })).toEqual(actions);
  });

  it.each(ROLES)('%s can do nothing to a voided record', (role) => {
    expect(enterpriseAllowedActions(role, { voided: true })).toEqual([]);
  });

  it('lets an enterprise change only its contact details', () => {
    expect(forbiddenEnterpriseFields('enterprise', [...ENTERPRISE_SELF_EDITABLE])).toEqual([]);
    expect(forbiddenEnterpriseFields('enterprise', ['address', 'riskGrade', 'isKey', 'villageId', 'sectorIds', 'name'])).toEqual([
      'riskGrade', 'isKey', 'villageId', 'sectorIds', 'name',
    ]);
  });

  it.each(['admin', 'office', 'department', 'village'] as const)('%s may change any field', (role) => {
    expect(forbiddenEnterpriseFields(role, ['riskGrade', 'isKey', 'villageId', 'name'])).toEqual([]);
  });
});
