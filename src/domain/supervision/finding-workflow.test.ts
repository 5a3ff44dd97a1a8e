import { describe, expect, it } from 'vitest';
import { allowedActions, applyAction, checkPermission, definitionProblems, mustAct } from '../workflow/workflow.ts';
import { findingDueRefusal, findingOverdue, findingWorkflow as wf, visitDateRefusal } from './finding-workflow.ts';

describe('the supervision finding workflow', () => {
  it('is a sound definition', () => {
    expect(definitionProblems(wf)).toEqual([]);
  });

  it('waits for the unit\'s answer, then for the group\'s acceptance', () => {
    expect(mustAct(wf, { status: 'open' }, ['unit'])).toEqual(['answer']);
    expect(mustAct(wf, { status: 'open' }, ['group'])).toEqual([]);
    expect(mustAct(wf, { status: 'answered' }, ['group'])).toEqual(['accept']);
    expect(mustAct(wf, { status: 'returned' }, ['unit'])).toEqual(['answer']);
    expect(mustAct(wf, { status: 'closed' }, ['unit', 'group'])).toEqual([]);
  });

  it('lets only the unit answer and only the group accept or return', () => {
    expect(allowedActions(wf, { status: 'open' }, ['unit'])).toEqual(['answer']);
    expect(allowedActions(wf, { status: 'answered' }, ['group'])).toEqual(['accept', 'return', 'withdraw']);
    expect(allowedActions(wf, { status: 'open' }, ['group'])).toEqual(['withdraw']);
    expect(allowedActions(wf, { status: 'answered' }, ['unit'])).toEqual([]);
    expect(checkPermission(wf, { status: 'answered' }, 'accept', ['unit'])).toBe('forbidden');
    expect(checkPermission(wf, { status: 'closed' }, 'return', ['group'])).toBe('not_in_state');
  });

  it('moves open → answered → returned → answered → closed, with measures and a reason required', () => {
    expect(applyAction(wf, { status: 'open' }, { action: 'answer', measures: ' ', fileCount: 0 })).toMatchObject({ ok: false, refusal: 'measures_missing' });
    expect(applyAction(wf, { status: 'open' }, { action: 'answer', measures: '已制定责任清单', fileCount: 1 })).toMatchObject({ ok: true, to: 'answered' });
    expect(applyAction(wf, { status: 'answered' }, { action: 'return', reason: '' })).toMatchObject({ ok: false, refusal: 'reason_missing' });
    expect(applyAction(wf, { status: 'answered' }, { action: 'return', reason: '缺少会议记录' })).toMatchObject({ ok: true, to: 'returned' });
    expect(applyAction(wf, { status: 'returned' }, { action: 'answer', measures: '补充会议记录', fileCount: 1 })).toMatchObject({ ok: true, to: 'answered' });
    expect(applyAction(wf, { status: 'answered' }, { action: 'accept' })).toMatchObject({ ok: true, to: 'closed' });
  });

  it('can be withdrawn by the group with a reason until it is settled', () => {
    expect(applyAction(wf, { status: 'open' }, { action: 'withdraw', reason: '' })).toMatchObject({ ok: false, refusal: 'reason_missing' });
    expect(applyAction(wf, { status: 'returned' }, { action: 'withdraw', reason: '重复登记' })).toMatchObject({ ok: true, to: 'withdrawn' });
    expect(checkPermission(wf, { status: 'closed' }, 'withdraw', ['group'])).toBe('not_in_state');
    expect(checkPermission(wf, { status: 'open' }, 'withdraw', ['unit'])).toBe('forbidden');
    expect(mustAct(wf, { status: 'withdrawn' }, ['unit', 'group'])).toEqual([]);
  });

  it('bounds the visit day and the due day', () => {
    expect(visitDateRefusal('2024-06-04', '2024-06-03')).toBe('督导日期不能晚于今天');
    expect(visitDateRefusal('2023-07-01', '2024-06-03')).toBeNull();
    expect(visitDateRefusal('2023-05-01', '2024-06-03')).toBe('督导日期不能早于一年前');
    expect(findingDueRefusal('2024-06-02', '2024-06-03')).toBe('整改期限不能早于督导日期');
    expect(findingDueRefusal('2024-06-03', '2024-06-03')).toBeNull();
    expect(findingDueRefusal('2025-06-04', '2024-06-03')).toBe('整改期限不能晚于督导日期后一年');
  });

  it('is overdue only while the unit owes an answer past its due day', () => {
    const today = '2024-12-20';
    expect(findingOverdue({ status: 'open', dueDate: '2024-12-19' }, today)).toBe(true);
    expect(findingOverdue({ status: 'open', dueDate: '2024-12-20' }, today)).toBe(false);
    expect(findingOverdue({ status: 'returned', dueDate: '2024-12-01' }, today)).toBe(true);
    expect(findingOverdue({ status: 'answered', dueDate: '2024-12-01' }, today)).toBe(false);
    expect(findingOverdue({ status: 'closed', dueDate: '2024-12-01' }, today)).toBe(false);
  });
});
