import { describe, expect, it } from 'vitest';
import { allowedActions, applyAction } from '../workflow/workflow.ts';
import { completeness, isOverdueSubmission, submissionWorkflow, type SubmissionFacts } from './submission-workflow.ts';
import { readManual, wanText } from './values.ts';

const facts = (o: Partial<SubmissionFacts> = {}): SubmissionFacts => ({ status: 'draft', locked: false, missingManual: [], pendingUnits: [], ...o });

describe('the submission workflow', () => {
  it('a unit submits; the office approves, returns, excuses or reopens a locked round', () => {
    expect(allowedActions(submissionWorkflow, facts(), ['filler'])).toEqual(['submit']);
    expect(allowedActions(submissionWorkflow, facts({ status: 'submitted' }), ['reviewer'])).toEqual(['approve', 'return']);
    expect(allowedActions(submissionWorkflow, facts({ status: 'submitted', locked: true }), ['reviewer'])).toEqual(['approve', 'return', 'reopen']);
    expect(allowedActions(submissionWorkflow, facts({ status: 'approved' }), ['reviewer'])).toEqual(['return']);
    expect(allowedActions(submissionWorkflow, facts({ status: 'excused' }), ['reviewer', 'filler'])).toEqual([]);
  });

  it('refuses with a reason a person can act on', () => {
    expect(applyAction(submissionWorkflow, facts({ locked: true }), { action: 'submit' })).toMatchObject({ ok: false, refusal: 'locked' });
    expect(applyAction(submissionWorkflow, facts({ missingManual: ['是否在主流媒体播放安全生产专题栏目'] }), { action: 'submit' })).toMatchObject({ ok: false, refusal: 'manual_missing' });
    expect(applyAction(submissionWorkflow, facts({ pendingUnits: ['石龙村'] }), { action: 'submit' })).toMatchObject({ ok: false, refusal: 'units_pending' });
    expect(applyAction(submissionWorkflow, facts({ status: 'submitted' }), { action: 'return', reason: ' ' })).toMatchObject({ ok: false, refusal: 'reason_missing' });
    expect(applyAction(submissionWorkflow, facts({ status: 'submitted' }), { action: 'reopen', reason: '补报' })).toMatchObject({ ok: false, refusal: 'not_locked' });
    expect(applyAction(submissionWorkflow, facts({ status: 'returned' }), { action: 'submit' })).toMatchObject({ ok: true, to: 'submitted' });
  });

  it('completeness counts the units expected (not the excused), reported and on time', () => {
    const k = completeness([
      { state: 'approved', late: false }, { state: 'submitted', late: true }, { state: 'missing', late: false }, { state: 'excused', late: false }, { state: 'returned', late: false },
    ]);
    expect(k).toMatchObject({ expected: 4, reported: 2, onTime: 1, approved: 1, rate: 0.5, onTimeRate: 0.25 });
  });

  it('overdue: past the deadline and not submitted', () => {
    const deadline = new Date('2024-12-14T10:00:00Z');
    expect(isOverdueSubmission('missing', deadline, new Date('2024-12-14T10:00:01Z'))).toBe(true);
    expect(isOverdueSubmission('returned', deadline, new Date('2024-12-15T00:00:00Z'))).toBe(true);
    expect(isOverdueSubmission('submitted', deadline, new Date('2024-12-15T00:00:00Z'))).toBe(false);
    expect(isOverdueSubmission('draft', deadline, new Date('2024-12-14T09:59:59Z'))).toBe(false);
  });
});

describe('manual values', () => {
  it('reads each type and says what is wrong', () => {
    expect(readManual('number', 3)).toEqual({ ok: true, value: 3 });
    expect(readManual('number', -1)).toMatchObject({ ok: false });
    expect(readManual('number', 1.5)).toMatchObject({ ok: false });
    expect(readManual('amount', 1_234_500)).toEqual({ ok: true, value: 1_234_500 });
    expect(readManual('yesno', '是')).toMatchObject({ ok: false });
    expect(readManual('yesno', false)).toEqual({ ok: true, value: false });
    expect(readManual('text', '  ')).toEqual({ ok: true, value: null });
    expect(readManual('number', '')).toEqual({ ok: true, value: null });
    expect(wanText(1_200_000)).toBe('1.20');
  });
});
