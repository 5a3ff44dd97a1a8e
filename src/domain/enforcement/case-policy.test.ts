import { describe, expect, it } from 'vitest';
import { hazardOpensCase, inspectionCaseRefusal, mayOpenCaseOnHazard, mayOpenCaseOnInspection } from './case-policy.ts';
import { HAZARD_STATUSES } from '../hazards/hazard-machine.ts';
import { ROLES } from '../access/roles.ts';

describe('立案 on a hazard', () => {
  it('any hazard but a voided one may open a case', () => {
    for (const s of HAZARD_STATUSES) expect(hazardOpensCase(s)).toBe(s !== 'voided');
  });

  it('is offered to the office, admins and departments only', () => {
    const offered = ROLES.filter((r) => mayOpenCaseOnHazard(r, 'rectifying'));
    expect([...offered].sort()).toEqual(['admin', 'department', 'office']);
    expect(mayOpenCaseOnHazard('office', 'voided')).toBe(false);
  });
});

describe('立案 on an inspection', () => {
  it('a completed one that found something, or any completed enforcement inspection', () => {
    expect(inspectionCaseRefusal({ status: 'draft', failedCount: 2, type: 'enforcement' })).toBe('not_completed');
    expect(inspectionCaseRefusal({ status: 'completed', failedCount: 1, type: 'spot_check' })).toBeNull();
    expect(inspectionCaseRefusal({ status: 'completed', failedCount: 0, type: 'enforcement' })).toBeNull();
    expect(inspectionCaseRefusal({ status: 'completed', failedCount: 0, type: 'assistance' })).toBe('nothing_found');
    expect(inspectionCaseRefusal({ status: 'completed', failedCount: 0, type: 'self_monthly' })).toBe('nothing_found');
  });

  it('is offered to the office, admins and departments only', () => {
    const i = { status: 'completed', failedCount: 1, type: 'spot_check' } as const;
    expect(ROLES.filter((r) => mayOpenCaseOnInspection(r, i))).toEqual(['admin', 'office', 'department']);
    expect(mayOpenCaseOnInspection('office', { ...i, failedCount: 0 })).toBe(false);
  });
});
