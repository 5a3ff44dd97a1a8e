import { describe, expect, it } from 'vitest';
import { type CaseWorkflowFacts, caseRelations, caseWorkflow } from './case-workflow.ts';
import { CASE_ACTIONS, CASE_STATUSES, CASE_TRANSITIONS } from './enforcement.ts';
import { applyAction, checkPermission, definitionProblems, mustAct, targetOf } from '../workflow/workflow.ts';

const facts = (o: Partial<CaseWorkflowFacts> = {}): CaseWorkflowFacts => ({ status: 'filed', measures: [], published: false, ...o });
const handlingDept = caseRelations({ role: 'department', enterpriseInScope: true, isHandlingUnit: true });
const otherDept = caseRelations({ role: 'department', enterpriseInScope: true, isHandlingUnit: false });
const office = caseRelations({ role: 'office', enterpriseInScope: true, isHandlingUnit: false });
const handlingOffice = caseRelations({ role: 'office', enterpriseInScope: true, isHandlingUnit: true });

describe('the enforcement case workflow definition', () => {
  it('is sound and keeps the transitions of enforcement.ts', () => {
    expect(definitionProblems(caseWorkflow)).toEqual([]);
    for (const s of CASE_STATUSES) for (const a of CASE_ACTIONS) expect(targetOf(caseWorkflow, s, a), `${s} × ${a}`).toBe(CASE_TRANSITIONS[s][a]);
  });

  it('a department runs only the cases its unit handles; the office any in its region; leaders none', () => {
    expect(checkPermission(caseWorkflow, facts(), 'investigate', handlingDept)).toBe('ok');
    expect(checkPermission(caseWorkflow, facts(), 'investigate', otherDept)).toBe('forbidden');
    expect(checkPermission(caseWorkflow, facts(), 'investigate', office)).toBe('ok');
    expect(caseRelations({ role: 'leader', enterpriseInScope: true, isHandlingUnit: true })).toEqual([]);
    expect(caseRelations({ role: 'office', enterpriseInScope: false, isHandlingUnit: false })).toEqual([]);
  });

  it('publishing is refused before a decision (a validation) and twice (a conflict)', () => {
    expect(applyAction(caseWorkflow, facts(), { action: 'publish' })).toEqual({ ok: false, refusal: 'not_publishable' });
    expect(applyAction(caseWorkflow, facts({ status: 'closed', published: true }), { action: 'publish' })).toEqual({ ok: false, refusal: 'already_published' });
    expect(applyAction(caseWorkflow, facts({ status: 'closed' }), { action: 'unpublish' })).toEqual({ ok: false, refusal: 'not_published' });
    expect(applyAction(caseWorkflow, facts({ status: 'decided' }), { action: 'publish' })).toMatchObject({ ok: true, to: 'decided' });
  });

  it('each step awaits the handling unit, not the office that may also act', () => {
    expect(mustAct(caseWorkflow, facts(), handlingDept)).toEqual(['investigate']);
    expect(mustAct(caseWorkflow, facts(), office)).toEqual([]);
    expect(mustAct(caseWorkflow, facts(), handlingOffice)).toEqual(['investigate']);
    expect(mustAct(caseWorkflow, facts({ status: 'decided', measures: [{ kind: 'summons' }] }), handlingDept)).toEqual(['execute']);
    expect(mustAct(caseWorkflow, facts({ status: 'decided' }), handlingDept)).toEqual(['close']);
    expect(mustAct(caseWorkflow, facts({ status: 'closed' }), handlingDept)).toEqual([]);
  });
});
