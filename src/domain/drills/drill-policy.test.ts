import { describe, expect, it } from 'vitest';
import { drillAllowedActions, mayChangeRequirement } from './drill-policy.ts';

describe('a record’s allowed actions', () => {
  const base = { recordedByMyUnit: false, staffOfMyUnit: false, verified: false, voided: false };
  it.each([
    ['the village verifies an enterprise’s own record', { role: 'village', ...base }, ['verify']],
    ['the enterprise voids its own unverified record', { role: 'enterprise', ...base, recordedByMyUnit: true }, ['void']],
    ['nor once it is verified', { role: 'enterprise', ...base, recordedByMyUnit: true, verified: true }, []],
    ['a department does not verify its own record', { role: 'department', ...base, recordedByMyUnit: true }, ['void']],
    ['nor its own staff’s training', { role: 'department', ...base, staffOfMyUnit: true }, []],
    ['the office verifies and voids', { role: 'office', ...base }, ['verify', 'void']],
    ['the office voids a verified record', { role: 'office', ...base, verified: true }, ['void']],
    ['a leader reads', { role: 'leader', ...base }, []],
    ['nothing on a voided record', { role: 'office', ...base, voided: true }, []],
  ] as const)('%s', (_name, o, actions) => expect(drillAllowedActions(o)).toEqual(actions));
});

describe('who changes the district’s requirement', () => {
  it.each([
    ['office', 'district', true], ['admin', 'district', true], ['office', 'township', false], ['department', 'district', false], ['leader', 'district', false],
  ] as const)('%s of a %s: %s', (role, unitKind, may) => expect(mayChangeRequirement({ role, unitKind })).toBe(may));
});
