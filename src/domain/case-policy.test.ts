import { describe, expect, it } from 'vitest';
import { hazardOpensCase, mayOpenCaseOnHazard } from './case-policy.ts';
import { HAZARD_STATUSES } from './hazard-machine.ts';
import { ROLES } from './roles.ts';

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
