import { describe, expect, it } from 'vitest';
import {
  dueDateRefusal, extensionDateRefusal, isTransferTarget, responsibleUnitChoice, transferDecisionRefusal, transferTargetParent, type UnitRef,
} from './hazard-assignment.ts';
import { ROLES } from '../access/roles.ts';

const hz = { townshipId: 'T', districtId: 'D' };
const unit = (id: string, kind: UnitRef['kind'], parentId: string | null, active = true): UnitRef => ({ id, kind, parentId, active });
const village = unit('V', 'village', 'T');
const townDept = unit('TD', 'department', 'T');
const otherTownDept = unit('OD', 'department', 'T2');
const districtDept = unit('DD', 'department', 'D');

describe('transfer targets (移送)', () => {
  it.each([
    ['village → its township department', village, townDept, true],
    ['village → a district department', village, districtDept, false],
    ['village → another township’s department', village, otherTownDept, false],
    ['village → a village', village, unit('V2', 'village', 'T'), false],
    ['village → an inactive township department', village, unit('X', 'department', 'T', false), false],
    ['township department → district department', townDept, districtDept, true],
    ['township department → another township department', townDept, unit('TD2', 'department', 'T'), false],
    ['township department → itself', townDept, townDept, false],
    ['district department → anything', districtDept, unit('DD2', 'department', 'D'), false],
  ])('%s', (_n, from, target, expected) => {
    expect(isTransferTarget(from, target, hz)).toBe(expected);
  });

  it('names the parent a target must have', () => {
    expect(transferTargetParent(village, hz)).toBe('T');
    expect(transferTargetParent(townDept, hz)).toBe('D');
    expect(transferTargetParent(districtDept, hz)).toBeNull();
  });
});

describe('dates', () => {
  it.each([
    ['2024-06-02', '2024-06-03', '整改期限不能早于今天'],
    ['2024-06-03', '2024-06-03', null],
    ['2024-07-01', '2024-06-03', null],
  ])('due %s on %s', (due, today, expected) => {
    expect(dueDateRefusal(due, today)).toBe(expected);
  });

  it.each([
    ['2024-06-03', null, '新的整改期限应晚于今天'],
    ['2024-06-10', '2024-06-10', '新的整改期限应晚于原期限'],
    ['2024-06-09', '2024-06-10', '新的整改期限应晚于原期限'],
    ['2024-06-11', '2024-06-10', null],
    ['2024-06-04', null, null],
  ])('extension to %s (current %s)', (next, current, expected) => {
    expect(extensionDateRefusal(next, current, '2024-06-03')).toBe(expected);
  });
});

describe('the responsible unit of a new hazard', () => {
  const reporter = { kind: 'reporter' } as const;
  it.each([
    ['department', 'general', reporter],
    ['department', 'major', reporter],
    ['village', 'general', reporter],
    ['village', 'major', { kind: 'sector_department', otherwise: 'reporter' }],
    ['office', 'general', { kind: 'sector_department', otherwise: 'enterprise_village' }],
    ['enterprise', 'general', { kind: 'sector_department', otherwise: 'enterprise_village' }],
    ['supervision_group', 'major', { kind: 'sector_department', otherwise: 'enterprise_village' }],
  ] as const)('%s reporting a %s hazard', (role, level, expected) => {
    expect(responsibleUnitChoice(role, level)).toEqual(expected);
  });

  it('a major hazard is never left with a village while a department supervises its sector', () => {
    for (const role of ROLES) expect(responsibleUnitChoice(role, 'major').kind === 'reporter', role).toBe(role === 'department');
  });
});

describe('deciding a transfer', () => {
  it('accepting needs no reason; returning needs one of at least two characters', () => {
    expect(transferDecisionRefusal(true, null)).toBeNull();
    expect(transferDecisionRefusal(false, null)).toBe('退回须填写原因');
    expect(transferDecisionRefusal(false, ' 否 ')).toBe('退回须填写原因');
    expect(transferDecisionRefusal(false, '不属本站')).toBeNull();
  });
});
