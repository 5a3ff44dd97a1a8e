import { describe, expect, it } from 'vitest';
import { allowedActions, applyAction, checkPermission, definitionProblems } from '../workflow/workflow.ts';
import { progressReportWorkflow as wf } from './progress-report-workflow.ts';

describe('the progress report workflow', () => {
  it('is a sound definition', () => {
    expect(definitionProblems(wf)).toEqual([]);
  });

  it('lets the campaign\'s office confirm or return a submitted report, with a reason to return', () => {
    const f = { status: 'submitted' as const, superseded: false };
    expect(allowedActions(wf, f, ['reviewer'])).toEqual(['confirm', 'return']);
    expect(allowedActions(wf, f, [])).toEqual([]);
    expect(checkPermission(wf, f, 'confirm', [])).toBe('forbidden');
    expect(applyAction(wf, f, { action: 'confirm' })).toMatchObject({ ok: true, to: 'confirmed' });
    expect(applyAction(wf, f, { action: 'return', reason: ' ' })).toMatchObject({ ok: false, refusal: 'reason_missing' });
    expect(applyAction(wf, f, { action: 'return', reason: '请补充材料' })).toMatchObject({ ok: true, to: 'returned' });
  });

  it('reviews once, and only the latest revision', () => {
    expect(checkPermission(wf, { status: 'confirmed', superseded: false }, 'return', ['reviewer'])).toBe('not_in_state');
    expect(applyAction(wf, { status: 'submitted', superseded: true }, { action: 'confirm' })).toMatchObject({ ok: false, refusal: 'superseded' });
  });
});
