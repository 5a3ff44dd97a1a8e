import { describe, expect, it } from 'vitest';
import { ackState, cellSummary, isOverdue, isOwed, occurrenceKey, occurrenceState, parseOccurrenceKey, taskDues } from './occurrences.ts';

const T = '11111111-2222-3333-4444-555555555555';
const U = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

describe('occurrences', () => {
  it('are named by task, unit and due day, and only a well-formed name is read back', () => {
    const key = occurrenceKey({ taskId: T, unitId: U, due: '2024-06-30' });
    expect(parseOccurrenceKey(key)).toEqual({ taskId: T, unitId: U, due: '2024-06-30' });
    expect(parseOccurrenceKey(`${T}_${U}_2024-6-30`)).toBeNull();
    expect(parseOccurrenceKey(`${T}_${U}`)).toBeNull();
    expect(parseOccurrenceKey("x'; drop table")).toBeNull();
  });

  it('take their state from the latest report; overdue only while owed and past due', () => {
    expect(occurrenceState(null)).toBe('not_reported');
    expect(occurrenceState({ status: 'returned' })).toBe('returned');
    expect(isOverdue('not_reported', '2024-06-02', '2024-06-03')).toBe(true);
    expect(isOverdue('not_reported', '2024-06-03', '2024-06-03')).toBe(false); // due today is not late yet
    expect(isOverdue('returned', '2024-06-02', '2024-06-03')).toBe(true);
    expect(isOverdue('submitted', '2024-06-02', '2024-06-03')).toBe(false);
    expect(isOverdue('confirmed', '2024-06-02', '2024-06-03')).toBe(false);
    expect(isOwed('returned')).toBe(true);
    expect(isOwed('submitted')).toBe(false);
  });

  it('of a continuous task follow the report cycle; an unread deadline makes none', () => {
    const cycle = [{ due: '2024-06-30', from: '2024-06-01' }];
    expect(taskDues('continuous', [], cycle)).toBe(cycle);
    expect(taskDues('unread', [], cycle)).toEqual([]);
    expect(taskDues('dates', [{ due: '2024-07-30', from: '2024-05-15' }], cycle)).toEqual([{ due: '2024-07-30', from: '2024-05-15' }]);
  });

  it('tell late acknowledgment from late reporting', () => {
    expect(ackState('2024-06-01', null, '2024-06-03')).toBe('pending');
    expect(ackState('2024-06-01', null, '2024-06-04')).toBe('late');
    expect(ackState('2024-06-01', '2024-06-02', '2024-06-10')).toBe('acknowledged');
    expect(ackState('2024-06-01', '2024-06-05', '2024-06-10')).toBe('late_acknowledged');
  });

  it('sum up in a matrix cell by the most pressing state', () => {
    const today = '2024-06-15';
    expect(cellSummary([], today).state).toBe('none');
    expect(cellSummary([{ due: '2024-06-30', state: 'not_reported' }], today)).toMatchObject({ state: 'upcoming', nextDue: '2024-06-30' });
    expect(cellSummary([{ due: '2024-05-31', state: 'confirmed' }, { due: '2024-06-30', state: 'not_reported' }], today)).toMatchObject({ state: 'upcoming', confirmed: 1, total: 2 });
    expect(cellSummary([{ due: '2024-05-31', state: 'confirmed' }], today).state).toBe('confirmed');
    expect(cellSummary([{ due: '2024-05-31', state: 'submitted' }, { due: '2024-06-30', state: 'returned' }], today).state).toBe('returned');
    expect(cellSummary([{ due: '2024-05-31', state: 'not_reported' }, { due: '2024-06-30', state: 'returned' }], today)).toMatchObject({ state: 'overdue', overdue: 1, nextDue: '2024-05-31' });
  });
});
