import { describe, expect, it } from 'vitest';
import { INSPECTION_TYPES } from './inspection-rules.ts';
import { INSPECTION_TYPES_BY_ROLE, mayEditSchedule, mayStartInspection, mayStartSelfInspection } from './inspection-policy.ts';
import { ROLES } from '../access/roles.ts';

describe('inspection types by role', () => {
  it('only departments start enforcement inspections', () => {
    expect(ROLES.filter((r) => mayStartInspection(r, 'enforcement'))).toEqual(['department']);
  });
  it('an enterprise only self-inspects, and only an enterprise self-inspects', () => {
    expect(INSPECTION_TYPES_BY_ROLE.enterprise).toEqual(['self_daily', 'self_weekly', 'self_monthly']);
    for (const r of ROLES.filter((x) => x !== 'enterprise')) {
      for (const t of ['self_daily', 'self_weekly', 'self_monthly'] as const) expect(mayStartInspection(r, t)).toBe(false);
    }
  });
  it('leaders start nothing; every type is startable by someone', () => {
    expect(INSPECTION_TYPES_BY_ROLE.leader).toEqual([]);
    for (const t of INSPECTION_TYPES) expect(ROLES.some((r) => mayStartInspection(r, t))).toBe(true);
  });
});

describe('self-inspection schedules', () => {
  it('editor roles set the schedule of an enterprise they see, never of a voided one; leaders and groups only read', () => {
    expect(ROLES.filter((r) => mayEditSchedule(r, { voided: false }))).toEqual(['admin', 'office', 'department', 'village', 'enterprise']);
    expect(ROLES.filter((r) => mayEditSchedule(r, { voided: true }))).toEqual([]);
  });
  it('only the enterprise\'s own account starts its self-inspections', () => {
    expect(mayStartSelfInspection({ role: 'enterprise', enterpriseId: 'e1' }, 'e1')).toBe(true);
    expect(mayStartSelfInspection({ role: 'enterprise', enterpriseId: 'e2' }, 'e1')).toBe(false);
    for (const r of ROLES.filter((x) => x !== 'enterprise')) expect(mayStartSelfInspection({ role: r, enterpriseId: 'e1' }, 'e1')).toBe(false);
  });
});
