import { describe, expect, it } from 'vitest';
import { HAZARD_STATUSES, HAZARD_TRANSITIONS, type HazardAction, type HazardStatus, OPEN_HAZARD_STATUSES } from './hazard-machine.ts';
import {
  HAZARD_SIDE_ACTIONS, type HazardActorRelation, type HazardAllowedAction, type HazardPolicyFacts, hazardAllowedActions,
  hazardSourceRefusal, mayEditHazardCriteria, mayImportHazards, mayReportHazard,
} from './hazard-policy.ts';
import { ROLES, type Role } from '../access/roles.ts';

type Rel = Omit<HazardActorRelation, 'role'>;
const NONE: Rel = { isOwnEnterprise: false, isResponsibleUnit: false, isTransferTarget: false, reportedRectification: false };
const rel = (role: Role, o: Partial<Rel> = {}): HazardActorRelation => ({ role, ...NONE, ...o });
const h = (o: Partial<HazardPolicyFacts> = {}): HazardPolicyFacts => ({
  status: 'reported', level: 'general', accepted: false, pendingExtension: false, pendingTransfer: false, ...o,
});
const allowed = (a: HazardActorRelation, f: HazardPolicyFacts) => [...hazardAllowedActions(a, f)].sort();
const sorted = (xs: HazardAllowedAction[]) => [...xs].sort();

// The actors as the server is expected to see them.
const ownEnterprise = rel('enterprise', { isOwnEnterprise: true });
const otherEnterprise = rel('enterprise');
const respVillage = rel('village', { isResponsibleUnit: true });
const respDept = rel('department', { isResponsibleUnit: true });
const otherVillage = rel('village');
const otherDept = rel('department');
const targetVillage = rel('village', { isTransferTarget: true, reportedRectification: false });
const targetDept = rel('department', { isTransferTarget: true, reportedRectification: false });
const office = rel('office');
const admin = rel('admin');

describe('hazard policy: who may do what, written out', () => {
  const cases: [string, HazardActorRelation, HazardPolicyFacts, HazardAllowedAction[]][] = [
    // the enterprise whose hazard it is: plans, rectifies, asks for more time; never verifies
    ['own enterprise, general reported', ownEnterprise, h(), ['submit_plan', 'request_extension']],
    ['own enterprise, general rectifying', ownEnterprise, h({ status: 'rectifying' }), ['submit_plan', 'report_rectification', 'request_extension']],
    ['own enterprise, awaiting verification', ownEnterprise, h({ status: 'awaiting_verification' }), []],
    ['own enterprise, closed', ownEnterprise, h({ status: 'closed' }), []],
    ['own enterprise, voided', ownEnterprise, h({ status: 'voided' }), []],
    ['own enterprise, major reported', ownEnterprise, h({ level: 'major' }), ['submit_plan', 'request_extension', 'record_dual_report']],
    ['own enterprise, major awaiting verification', ownEnterprise, h({ level: 'major', status: 'awaiting_verification' }), ['record_dual_report']],
    ['own enterprise, pending extension', ownEnterprise, h({ status: 'rectifying', pendingExtension: true }), ['submit_plan', 'report_rectification']],
    ['own enterprise, pending transfer', ownEnterprise, h({ pendingTransfer: true }), ['request_extension']],
    ['another enterprise', otherEnterprise, h({ status: 'awaiting_verification', level: 'major' }), []],
    // the responsible village / department
    ['responsible village, general reported', respVillage, h(), ['submit_plan', 'void', 'request_extension', 'transfer', 'edit']],
    ['responsible village, rectifying', respVillage, h({ status: 'rectifying' }), ['submit_plan', 'report_rectification', 'void', 'request_extension', 'transfer', 'edit']],
    ['responsible village, awaiting verification', respVillage, h({ status: 'awaiting_verification' }), ['verify_pass', 'verify_fail', 'void', 'transfer', 'edit']],
    ['responsible village, closed', respVillage, h({ status: 'closed' }), ['recheck_pass', 'recheck_reopen']],
    ['responsible village, voided', respVillage, h({ status: 'voided' }), []],
    ['responsible department, major reported', respDept, h({ level: 'major' }), ['submit_plan', 'accept', 'void', 'request_extension', 'transfer', 'record_dual_report', 'edit']],
    ['responsible department, major reported and accepted', respDept, h({ level: 'major', accepted: true }), ['submit_plan', 'void', 'request_extension', 'transfer', 'record_dual_report', 'edit']],
    ['responsible department, awaiting verification', respDept, h({ status: 'awaiting_verification' }), ['verify_pass', 'verify_fail', 'void', 'transfer', 'edit']],
    ['responsible department, pending extension', respDept, h({ status: 'rectifying', pendingExtension: true }), ['submit_plan', 'report_rectification', 'void', 'decide_extension', 'transfer', 'edit']],
    ['responsible village, pending transfer', respVillage, h({ pendingTransfer: true }), ['void', 'request_extension', 'edit']],
    // not responsible (e.g. after a transfer away, or a village that only sees it)
    ['another village', otherVillage, h({ status: 'awaiting_verification' }), []],
    ['another department', otherDept, h({ level: 'major' }), []],
    // the transfer target decides the transfer and nothing else until it has accepted
    ['transfer target village', targetVillage, h({ pendingTransfer: true }), ['decide_transfer']],
    ['transfer target department', targetDept, h({ status: 'rectifying', pendingTransfer: true }), ['decide_transfer']],
    ['transfer target without a pending transfer', targetDept, h(), []],
    // 安委办 and admins supervise everything in their scope and list major hazards
    ['office, general reported', office, h(), ['submit_plan', 'void', 'request_extension', 'edit']],
    ['office, major reported', office, h({ level: 'major' }), ['submit_plan', 'accept', 'void', 'request_extension', 'list', 'record_dual_report', 'edit']],
    ['office, major awaiting verification', office, h({ level: 'major', status: 'awaiting_verification' }), ['verify_pass', 'verify_fail', 'void', 'list', 'record_dual_report', 'edit']],
    ['office, major closed', office, h({ level: 'major', status: 'closed' }), ['recheck_pass', 'recheck_reopen', 'list', 'record_dual_report']],
    ['office, major voided', office, h({ level: 'major', status: 'voided' }), []],
    ['admin, major rectifying', admin, h({ level: 'major', status: 'rectifying', accepted: true }), ['submit_plan', 'report_rectification', 'void', 'request_extension', 'list', 'record_dual_report', 'edit']],
    ['admin, pending extension', admin, h({ status: 'rectifying', pendingExtension: true }), ['submit_plan', 'report_rectification', 'void', 'decide_extension', 'edit']],
  ];
  it.each(cases)('%s', (_name, actor, facts, expected) => {
    expect(allowed(actor, facts)).toEqual(sorted(expected));
  });
});

// Every role × every relation × every state: properties that must hold whatever the combination.
const BOOLS = [false, true] as const;
const RELATIONS: Rel[] = BOOLS.flatMap((isOwnEnterprise) =>
  BOOLS.flatMap((isResponsibleUnit) => BOOLS.flatMap((isTransferTarget) =>
    BOOLS.map((reportedRectification) => ({ isOwnEnterprise, isResponsibleUnit, isTransferTarget, reportedRectification })))));
const FACTS: HazardPolicyFacts[] = HAZARD_STATUSES.flatMap((status) =>
  (['general', 'major'] as const).flatMap((level) =>
    BOOLS.flatMap((accepted) =>
      BOOLS.flatMap((pendingExtension) => BOOLS.map((pendingTransfer) => ({ status, level, accepted, pendingExtension, pendingTransfer }))))));
const ALL = ROLES.flatMap((role) => RELATIONS.flatMap((r) => FACTS.map((f) => ({ actor: { role, ...r }, facts: f, out: hazardAllowedActions({ role, ...r }, f) }))));
const where = (x: { actor: HazardActorRelation; facts: HazardPolicyFacts }) => JSON.stringify(x);

describe('hazard policy: properties over roles × relations × states', () => {
  it('enumerates every combination', () => {
    expect(ALL).toHaveLength(ROLES.length * 16 * HAZARD_STATUSES.length * 2 * 2 * 2 * 2);
  });

  it('answers each action at most once, and only known actions', () => {
    const known = new Set<string>([...Object.keys(HAZARD_TRANSITIONS.reported), 'report_rectification', 'verify_pass', 'verify_fail', 'recheck_pass', 'recheck_reopen', ...HAZARD_SIDE_ACTIONS]);
    for (const x of ALL) {
      expect(new Set(x.out).size, where(x)).toBe(x.out.length);
      for (const a of x.out) expect(known.has(a), a).toBe(true);
      expect(x.out, where(x)).not.toContain('start_rectification'); // applied by the system, never offered
    }
  });

  it.each(['leader', 'supervision_group'] as const)('%s gets nothing, whatever the relation or state', (role) => {
    for (const x of ALL.filter((x) => x.actor.role === role)) expect(x.out, where(x)).toEqual([]);
  });

  const NEVER_FOR_ENTERPRISE: HazardAllowedAction[] = [
    'verify_pass', 'verify_fail', 'recheck_pass', 'recheck_reopen', 'void', 'accept', 'decide_extension', 'transfer', 'decide_transfer', 'list', 'edit',
  ];
  it('the enterprise never verifies, rechecks, voids, accepts, decides, transfers, lists or edits', () => {
    // whatever relation the server computed (an enterprise user belongs to its village's unit)
    for (const x of ALL.filter((x) => x.actor.role === 'enterprise')) {
      for (const a of NEVER_FOR_ENTERPRISE) expect(x.out, `${a} ${where(x)}`).not.toContain(a);
    }
  });

  it('an enterprise user of another enterprise gets nothing', () => {
    for (const x of ALL.filter((x) => x.actor.role === 'enterprise' && !x.actor.isOwnEnterprise)) expect(x.out, where(x)).toEqual([]);
  });

  it('a state-machine action is offered only where the machine allows it', () => {
    for (const x of ALL) {
      for (const a of x.out) {
        if ((HAZARD_SIDE_ACTIONS as readonly string[]).includes(a)) continue;
        expect(HAZARD_TRANSITIONS[x.facts.status][a as HazardAction], `${a} ${where(x)}`).toBeDefined();
      }
    }
  });

  it('nothing can be done to a voided hazard: requests left pending are settled when it is voided', () => {
    for (const x of ALL.filter((x) => x.facts.status === 'voided')) {
      expect(x.out, where(x)).toEqual([]);
    }
    for (const role of ROLES) {
      expect(hazardAllowedActions(rel(role, { isResponsibleUnit: true }), h({ status: 'voided', level: 'major', accepted: true }))).toEqual([]);
    }
  });

  it('verify is offered exactly to the supervising side in awaiting_verification, never to who reported it rectified', () => {
    for (const x of ALL) {
      const supervising = x.actor.role === 'office' || x.actor.role === 'admin' ||
        (x.actor.isResponsibleUnit && (x.actor.role === 'village' || x.actor.role === 'department'));
      const expected = x.facts.status === 'awaiting_verification' && supervising && !x.actor.isOwnEnterprise && !x.actor.reportedRectification;
      expect(x.out.includes('verify_pass'), where(x)).toBe(expected);
      expect(x.out.includes('verify_fail'), where(x)).toBe(expected);
    }
  });

  it('recheck is offered exactly to the supervising side on closed hazards', () => {
    for (const x of ALL) {
      const supervising = x.actor.role === 'office' || x.actor.role === 'admin' ||
        (x.actor.isResponsibleUnit && (x.actor.role === 'village' || x.actor.role === 'department'));
      const expected = x.facts.status === 'closed' && supervising && !x.actor.isOwnEnterprise;
      expect(x.out.includes('recheck_pass'), where(x)).toBe(expected);
      expect(x.out.includes('recheck_reopen'), where(x)).toBe(expected);
    }
  });

  it('accept only on a major hazard that is reported and not yet accepted, by the department side', () => {
    for (const x of ALL.filter((x) => x.out.includes('accept'))) {
      expect(x.facts, where(x)).toMatchObject({ level: 'major', status: 'reported', accepted: false });
      expect(x.actor.role === 'office' || x.actor.role === 'admin' || (x.actor.role === 'department' && x.actor.isResponsibleUnit), where(x)).toBe(true);
    }
    for (const role of ['office', 'admin'] as const) {
      expect(hazardAllowedActions(rel(role), h({ level: 'major' }))).toContain('accept');
      expect(hazardAllowedActions(rel(role), h({ level: 'major', accepted: true }))).not.toContain('accept');
      expect(hazardAllowedActions(rel(role), h({ level: 'general' }))).not.toContain('accept');
      expect(hazardAllowedActions(rel(role), h({ level: 'major', status: 'rectifying' }))).not.toContain('accept');
    }
  });

  it('transfer only for the responsible village or department, on open hazards without a pending transfer', () => {
    for (const x of ALL) {
      const expected = (x.actor.role === 'village' || x.actor.role === 'department') && x.actor.isResponsibleUnit &&
        OPEN_HAZARD_STATUSES.includes(x.facts.status) && !x.facts.pendingTransfer;
      expect(x.out.includes('transfer'), where(x)).toBe(expected);
    }
  });

  it('decide_transfer only for the target of a pending transfer', () => {
    for (const x of ALL) {
      const expected = ['village', 'department', 'office', 'admin'].includes(x.actor.role) && x.actor.isTransferTarget && x.facts.pendingTransfer &&
        OPEN_HAZARD_STATUSES.includes(x.facts.status);
      expect(x.out.includes('decide_transfer'), where(x)).toBe(expected);
    }
  });

  it('a pending transfer freezes the plan and further transfers', () => {
    for (const x of ALL.filter((x) => x.facts.pendingTransfer)) {
      expect(x.out, where(x)).not.toContain('submit_plan');
      expect(x.out, where(x)).not.toContain('transfer');
    }
  });

  it('list only for office and admin, on major hazards that are not voided', () => {
    for (const x of ALL) {
      const expected = (x.actor.role === 'office' || x.actor.role === 'admin') && x.facts.level === 'major' && x.facts.status !== 'voided';
      expect(x.out.includes('list'), where(x)).toBe(expected);
    }
  });

  it('record_dual_report only on major hazards', () => {
    for (const x of ALL.filter((x) => x.out.includes('record_dual_report'))) expect(x.facts.level, where(x)).toBe('major');
  });

  it('extensions: requested while open and not awaiting verification, one at a time; decided by the supervising side', () => {
    for (const x of ALL) {
      if (x.out.includes('request_extension')) {
        expect(['reported', 'rectifying'], where(x)).toContain(x.facts.status);
        expect(x.facts.pendingExtension, where(x)).toBe(false);
      }
      if (x.out.includes('decide_extension')) {
        expect(x.facts.pendingExtension, where(x)).toBe(true);
        expect(['village', 'department', 'office', 'admin'], where(x)).toContain(x.actor.role);
      }
    }
  });

  it('edit only by the supervising side on open hazards', () => {
    for (const x of ALL.filter((x) => x.out.includes('edit'))) {
      expect(OPEN_HAZARD_STATUSES, where(x)).toContain(x.facts.status);
      expect(['village', 'department', 'office', 'admin'], where(x)).toContain(x.actor.role);
    }
  });

  it.each(HAZARD_STATUSES)('a village or department that is neither responsible nor target gets nothing (%s)', (status: HazardStatus) => {
    for (const x of ALL.filter((x) => (x.actor.role === 'village' || x.actor.role === 'department') && x.facts.status === status &&
      !x.actor.isResponsibleUnit && !x.actor.isTransferTarget && !x.actor.isOwnEnterprise)) {
      expect(x.out, where(x)).toEqual([]);
    }
  });
});

describe('who may report, import and keep 判定依据 (role alone)', () => {
  const roles = (may: (r: Role) => boolean) => ROLES.filter(may);
  it('everyone but a leader reports', () => {
    expect(roles(mayReportHazard)).toEqual(ROLES.filter((r) => r !== 'leader'));
  });
  it('the units that kept a ledger import it; an enterprise, a leader or a group does not', () => {
    expect(roles(mayImportHazards).sort()).toEqual(['admin', 'department', 'office', 'village']);
  });
  it('only the office and admins keep 判定依据', () => {
    expect(roles(mayEditHazardCriteria).sort()).toEqual(['admin', 'office']);
  });
  it('an enterprise reports only its self-inspection findings; others any source', () => {
    expect(hazardSourceRefusal('enterprise', 'self_inspection')).toBeNull();
    expect(hazardSourceRefusal('enterprise', 'village')).toBe('企业只能报告自查发现的隐患');
    expect(hazardSourceRefusal('village', 'public')).toBeNull();
  });
});
