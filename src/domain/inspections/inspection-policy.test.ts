import { describe, expect, it } from 'vitest';
import { INSPECTION_TYPES } from './inspection-rules.ts';
import { INSPECTION_TYPES_BY_ROLE, mayEditSchedule, mayStartInspection, mayStartSelfInspection, accountabilityAllowedActions, inspectionAllowedActions, scheduleAllowedActions, todayTaskAllowedActions } from './inspection-policy.ts';
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

describe('what may be done to one inspection', () => {
  const draft = { status: 'draft', failedCount: 1, type: 'enforcement' } as const;
  const completed = { ...draft, status: 'completed' } as const;
  const inspector = { isInspector: true, signedAsItStands: false, isCreator: false };
  it('its inspectors fill in, sign and complete a draft; its creator discards it', () => {
    expect(inspectionAllowedActions('department', draft, inspector)).toEqual(['edit', 'sign', 'complete']);
    expect(inspectionAllowedActions('department', draft, { ...inspector, isCreator: true })).toEqual(['edit', 'sign', 'complete', 'discard']);
    expect(inspectionAllowedActions('department', draft, { ...inspector, signedAsItStands: true })).toEqual(['edit', 'complete']);
    expect(inspectionAllowedActions('department', draft, { isInspector: false, signedAsItStands: false, isCreator: false })).toEqual([]);
  });
  it('a completed one is locked; the roles that run cases open one on it when it found something', () => {
    expect(inspectionAllowedActions('department', completed, { ...inspector, isCreator: true })).toEqual(['open_case']);
    expect(inspectionAllowedActions('village', completed, inspector)).toEqual([]);
    expect(inspectionAllowedActions('office', { ...completed, failedCount: 0, type: 'assistance' }, inspector)).toEqual([]);
  });
});

describe('allowedActions of schedules, today\'s self-inspections and accountability records', () => {
  it('follow the rules above', () => {
    expect(scheduleAllowedActions('village', { voided: false })).toEqual(['edit']);
    expect(scheduleAllowedActions('village', { voided: true })).toEqual([]);
    expect(scheduleAllowedActions('leader', { voided: false })).toEqual([]);
    expect(todayTaskAllowedActions({ role: 'enterprise', enterpriseId: 'e1' }, 'e1')).toEqual(['start']);
    expect(todayTaskAllowedActions({ role: 'enterprise', enterpriseId: 'e2' }, 'e1')).toEqual([]);
    expect(ROLES.filter((r) => accountabilityAllowedActions(r).includes('edit'))).toEqual(['admin', 'office']);
  });
});
