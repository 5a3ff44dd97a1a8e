import { describe, expect, it } from 'vitest';
import { HAZARD_ACTIONS, HAZARD_STATUSES, HAZARD_TRANSITIONS } from './hazard-machine.ts';
import { type HazardWorkflowFacts, hazardRelations, hazardWorkflow } from './hazard-workflow.ts';
import { automaticSteps, awaiting, checkPermission, definitionProblems, mustAct, targetOf } from '../workflow/workflow.ts';

const facts = (o: Partial<HazardWorkflowFacts> = {}): HazardWorkflowFacts => ({
  status: 'reported', level: 'general', hasPlan: false, accepted: false, pendingExtension: false, pendingTransfer: false,
  discoveryReportedToDepartment: false, discoveryReportedToGovernment: false, ...o,
});
const village = hazardRelations({ role: 'village', isOwnEnterprise: false, isResponsibleUnit: true, isTransferTarget: false, reportedRectification: false });
const department = hazardRelations({ role: 'department', isOwnEnterprise: false, isResponsibleUnit: true, isTransferTarget: false, reportedRectification: false });
const enterprise = hazardRelations({ role: 'enterprise', isOwnEnterprise: true, isResponsibleUnit: false, isTransferTarget: false, reportedRectification: false });
const target = hazardRelations({ role: 'department', isOwnEnterprise: false, isResponsibleUnit: false, isTransferTarget: true, reportedRectification: false });

describe('the hazard workflow definition', () => {
  it('is sound', () => {
    expect(definitionProblems(hazardWorkflow)).toEqual([]);
  });

  it('keeps the state machine of hazard-machine.ts for every state × machine action', () => {
    for (const s of HAZARD_STATUSES) for (const a of HAZARD_ACTIONS) expect(targetOf(hazardWorkflow, s, a), `${s} × ${a}`).toBe(HAZARD_TRANSITIONS[s][a]);
  });

  it('side actions never move the hazard', () => {
    for (const s of HAZARD_STATUSES) {
      for (const [a, to] of Object.entries(hazardWorkflow.transitions[s])) {
        if (!(HAZARD_ACTIONS as readonly string[]).includes(a)) expect(to, `${s} × ${a}`).toBe(s);
      }
    }
  });

  it('nobody starts rectification by hand: the system does after a plan, an acceptance or an edit', () => {
    expect(checkPermission(hazardWorkflow, facts({ hasPlan: true }), 'start_rectification', [...village, ...enterprise])).toBe('forbidden');
    expect(automaticSteps(hazardWorkflow, facts({ hasPlan: true }), 'submit_plan')).toEqual([{ action: 'start_rectification', from: 'reported', to: 'rectifying' }]);
    expect(automaticSteps(hazardWorkflow, facts({ hasPlan: true, level: 'major' }), 'submit_plan')).toEqual([]);
    expect(automaticSteps(hazardWorkflow, facts({ hasPlan: true, level: 'major', accepted: true }), 'accept')).toHaveLength(1);
    expect(automaticSteps(hazardWorkflow, facts({ hasPlan: true }), 'edit')).toHaveLength(1);
    // any other action leaves an odd record (an imported reported hazard with a plan) alone
    expect(automaticSteps(hazardWorkflow, facts({ hasPlan: true }), 'request_extension')).toEqual([]);
  });

  describe('who must act next', () => {
    it('a new hazard awaits its 五落实 plan from the rectifying side', () => {
      expect(awaiting(hazardWorkflow, facts())).toEqual([{ action: 'submit_plan', by: ['ownEnterprise', 'responsibleUnit'] }]);
      expect(mustAct(hazardWorkflow, facts(), enterprise)).toEqual(['submit_plan']);
      expect(mustAct(hazardWorkflow, facts(), village)).toEqual(['submit_plan']);
    });

    it('a major hazard with a plan awaits the department’s acceptance, not the village’s', () => {
      const f = facts({ level: 'major', hasPlan: true });
      expect(mustAct(hazardWorkflow, f, department)).toEqual(['accept']);
      expect(mustAct(hazardWorkflow, f, village)).toEqual([]);
      expect(mustAct(hazardWorkflow, f, enterprise)).toEqual([]);
    });

    it('rectification awaits its report, verification the verifying side, never the enterprise', () => {
      expect(mustAct(hazardWorkflow, facts({ status: 'rectifying', hasPlan: true }), enterprise)).toEqual(['report_rectification']);
      expect(mustAct(hazardWorkflow, facts({ status: 'awaiting_verification' }), village)).toEqual(['verify_pass']);
      expect(mustAct(hazardWorkflow, facts({ status: 'awaiting_verification' }), enterprise)).toEqual([]);
    });

    it('nobody closes a hazard alone: who reported it rectified neither verifies it nor is awaited for it', () => {
      const reporter = hazardRelations({ role: 'village', isOwnEnterprise: false, isResponsibleUnit: true, isTransferTarget: false, reportedRectification: true });
      const f = facts({ status: 'awaiting_verification' });
      expect(mustAct(hazardWorkflow, f, reporter)).toEqual([]);
      expect(checkPermission(hazardWorkflow, f, 'verify_pass', reporter)).toBe('forbidden');
      expect(checkPermission(hazardWorkflow, f, 'verify_fail', reporter)).toBe('forbidden');
      expect(checkPermission(hazardWorkflow, f, 'verify_pass', village)).toBe('ok');
      // the same person may still void it or take it back (those are no close-out)
      expect(checkPermission(hazardWorkflow, f, 'void', reporter)).toBe('ok');
    });

    it('the office may step in on a plan or a rectification but is not who they wait on', () => {
      const office = hazardRelations({ role: 'office', isOwnEnterprise: false, isResponsibleUnit: false, isTransferTarget: false, reportedRectification: false });
      expect(mustAct(hazardWorkflow, facts(), office)).toEqual([]);
      expect(mustAct(hazardWorkflow, facts({ status: 'rectifying', hasPlan: true }), office)).toEqual([]);
      expect(checkPermission(hazardWorkflow, facts(), 'submit_plan', office)).toBe('ok');
      expect(mustAct(hazardWorkflow, facts({ status: 'awaiting_verification' }), office)).toEqual(['verify_pass']);
    });

    it('a pending extension or transfer awaits its decision', () => {
      expect(mustAct(hazardWorkflow, facts({ status: 'rectifying', hasPlan: true, pendingExtension: true }), department)).toEqual(['report_rectification', 'decide_extension']);
      expect(mustAct(hazardWorkflow, facts({ status: 'rectifying', hasPlan: true, pendingTransfer: true }), target)).toEqual(['decide_transfer']);
    });

    it('closed and voided hazards await nobody', () => {
      expect(awaiting(hazardWorkflow, facts({ status: 'closed' }))).toEqual([]);
      expect(awaiting(hazardWorkflow, facts({ status: 'voided', pendingExtension: true }))).toEqual([]);
    });
  });
});
