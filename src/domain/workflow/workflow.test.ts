// The kernel on a toy workflow (a leave request), every state × action written out by hand, so
// the kernel's behaviour is pinned down apart from any real workflow's rules.
import { describe, expect, it } from 'vitest';
import {
  allowedActions, applyAction, automaticSteps, awaiting, checkPermission, defineWorkflow, definitionProblems, mustAct, targetOf,
} from './workflow.ts';

const STATES = ['draft', 'submitted', 'approved', 'rejected', 'withdrawn'] as const;
type S = (typeof STATES)[number];
const ACTIONS = ['submit', 'approve', 'reject', 'withdraw', 'comment', 'fast_track'] as const;
type A = (typeof ACTIONS)[number];
type Rel = 'applicant' | 'manager' | 'hr';
interface F {
  status: S;
  days: number;
  locked: boolean;
}
type I =
  | { action: 'submit'; reason: string }
  | { action: 'approve' }
  | { action: 'reject'; reason: string }
  | { action: 'withdraw' }
  | { action: 'comment'; text: string }
  | { action: 'fast_track' };
type R = 'reason_missing' | 'too_long' | 'text_missing' | 'not_short';

const leave = defineWorkflow<S, A, F, Rel, I, R>({
  entity: 'leave',
  states: STATES,
  actions: ACTIONS,
  relations: ['applicant', 'manager', 'hr'],
  transitions: {
    draft: { submit: 'submitted', withdraw: 'withdrawn', comment: 'draft' },
    submitted: { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn', comment: 'submitted', fast_track: 'approved' },
    approved: {},
    rejected: { comment: 'rejected' },
    withdrawn: {},
  },
  guard(f, input) {
    switch (input.action) {
      case 'submit':
        if (!input.reason.trim()) return 'reason_missing';
        return f.days > 30 ? 'too_long' : null;
      case 'reject':
        return input.reason.trim() ? null : 'reason_missing';
      case 'comment':
        return input.text.trim() ? null : 'text_missing';
      case 'fast_track':
        return f.days <= 1 ? null : 'not_short';
      default:
        return null;
    }
  },
  refusalMessages: {
    not_in_state: '当前状态下不能执行此操作', reason_missing: '请填写原因', too_long: '不能超过30天', text_missing: '请填写内容', not_short: '只有一天以内的假自动批准',
  },
  permits: {
    submit: { by: ['applicant'], duty: {} },
    approve: { by: ['manager', 'hr'], when: (f) => !f.locked, duty: { by: ['manager'] } },
    reject: { by: ['manager', 'hr'], when: (f) => !f.locked },
    withdraw: { by: ['applicant'], offerWhen: (f) => f.days > 0 },
    comment: { by: ['applicant', 'manager', 'hr'] },
  },
  automatic: [{ action: 'fast_track', after: ['submit'] }],
});

const facts = (o: Partial<F> = {}): F => ({ status: 'draft', days: 3, locked: false, ...o });
const VALID: Record<A, I> = {
  submit: { action: 'submit', reason: '探亲' },
  approve: { action: 'approve' },
  reject: { action: 'reject', reason: '人手不够' },
  withdraw: { action: 'withdraw' },
  comment: { action: 'comment', text: '已阅' },
  fast_track: { action: 'fast_track' },
};

// Written out by hand, not read from the table: any change to the table must change this too.
const EXPECTED: Record<S, Partial<Record<A, S>>> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn', comment: 'draft' },
  submitted: { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn', comment: 'submitted' },
  approved: {},
  rejected: { comment: 'rejected' },
  withdrawn: {},
};

describe('workflow kernel on a toy workflow', () => {
  it('the toy definition is sound', () => {
    expect(definitionProblems(leave)).toEqual([]);
  });

  describe('every state × action', () => {
    for (const s of STATES) {
      for (const a of ACTIONS.filter((x) => x !== 'fast_track')) {
        const expected = EXPECTED[s][a];
        it(`${s} × ${a} → ${expected ?? 'not in state'}`, () => {
          const r = applyAction(leave, facts({ status: s }), VALID[a]);
          expect(r).toEqual(expected ? { ok: true, from: s, to: expected } : { ok: false, refusal: 'not_in_state' });
          expect(targetOf(leave, s, a)).toBe(expected);
        });
      }
    }
  });

  it('the guard refuses with its codes, and only in a state where the action exists', () => {
    expect(applyAction(leave, facts(), { action: 'submit', reason: ' ' })).toEqual({ ok: false, refusal: 'reason_missing' });
    expect(applyAction(leave, facts({ days: 31 }), VALID.submit)).toEqual({ ok: false, refusal: 'too_long' });
    expect(applyAction(leave, facts({ status: 'submitted' }), { action: 'reject', reason: '' })).toEqual({ ok: false, refusal: 'reason_missing' });
    expect(applyAction(leave, facts({ status: 'rejected' }), { action: 'comment', text: '' })).toEqual({ ok: false, refusal: 'text_missing' });
    // a state miss wins over a guard that would refuse too
    expect(applyAction(leave, facts({ status: 'approved', days: 31 }), { action: 'submit', reason: '' })).toEqual({ ok: false, refusal: 'not_in_state' });
  });

  it('checks the relation first (forbidden in any state), then the state (conflict), then the availability', () => {
    expect(checkPermission(leave, facts({ status: 'approved' }), 'submit', ['manager'])).toBe('forbidden');
    expect(checkPermission(leave, facts({ status: 'approved' }), 'submit', ['applicant'])).toBe('not_in_state');
    expect(checkPermission(leave, facts({ status: 'submitted', locked: true }), 'approve', ['hr'])).toBe('forbidden');
    expect(checkPermission(leave, facts({ status: 'approved', locked: true }), 'approve', ['hr'])).toBe('not_in_state');
    expect(checkPermission(leave, facts({ status: 'submitted' }), 'approve', ['applicant', 'hr'])).toBe('ok');
    expect(checkPermission(leave, facts({ status: 'submitted' }), 'approve', [])).toBe('forbidden');
    // nobody takes an automatic action by hand
    expect(checkPermission(leave, facts({ status: 'submitted', days: 1 }), 'fast_track', ['applicant', 'manager', 'hr'])).toBe('forbidden');
  });

  it('offers, in the definition order, what the relations permit in the state; offerWhen only hides', () => {
    expect(allowedActions(leave, facts(), ['applicant'])).toEqual(['submit', 'withdraw', 'comment']);
    expect(allowedActions(leave, facts({ days: 0 }), ['applicant'])).toEqual(['submit', 'comment']);
    expect(checkPermission(leave, facts({ days: 0 }), 'withdraw', ['applicant'])).toBe('ok');
    expect(allowedActions(leave, facts({ status: 'submitted' }), ['manager'])).toEqual(['approve', 'reject', 'comment']);
    expect(allowedActions(leave, facts({ status: 'submitted', locked: true }), ['manager'])).toEqual(['comment']);
    expect(allowedActions(leave, facts({ status: 'submitted' }), ['manager', 'applicant'])).toEqual(['approve', 'reject', 'withdraw', 'comment']);
    expect(allowedActions(leave, facts({ status: 'approved' }), ['applicant', 'manager', 'hr'])).toEqual([]);
    expect(allowedActions(leave, facts({ status: 'submitted' }), [])).toEqual([]);
  });

  it('says who must act next: the duties in the state, owed by their relations', () => {
    expect(awaiting(leave, facts())).toEqual([{ action: 'submit', by: ['applicant'] }]);
    expect(awaiting(leave, facts({ status: 'submitted' }))).toEqual([{ action: 'approve', by: ['manager'] }]);
    // hr may approve but does not owe it; a locked request awaits nobody
    expect(mustAct(leave, facts({ status: 'submitted' }), ['hr'])).toEqual([]);
    expect(mustAct(leave, facts({ status: 'submitted' }), ['manager'])).toEqual(['approve']);
    expect(awaiting(leave, facts({ status: 'submitted', locked: true }))).toEqual([]);
    for (const s of ['approved', 'rejected', 'withdrawn'] as const) expect(awaiting(leave, facts({ status: s }))).toEqual([]);
  });

  it('applies automatic actions after the named actions when their guard holds', () => {
    expect(automaticSteps(leave, facts({ status: 'submitted', days: 1 }), 'submit')).toEqual([{ action: 'fast_track', from: 'submitted', to: 'approved' }]);
    expect(automaticSteps(leave, facts({ status: 'submitted', days: 2 }), 'submit')).toEqual([]);
    expect(automaticSteps(leave, facts({ status: 'submitted', days: 1 }), 'comment')).toEqual([]);
  });

  it('finds what is wrong with a definition', () => {
    const broken = {
      ...leave,
      transitions: { ...leave.transitions, draft: { submit: 'nowhere', jump: 'approved' } },
      permits: { ...leave.permits, submit: { by: ['stranger'] }, comment: undefined, fast_track: { by: ['hr'] }, ghost: { by: ['hr'] } },
    } as unknown as typeof leave;
    expect(definitionProblems(broken)).toEqual([
      'draft × submit → nowhere: unknown state',
      'draft × jump: unknown action',
      'submit: unknown relation stranger',
      'action comment has no permit (nobody may take it)',
      'automatic action fast_track must not have a permit',
      'permit for unknown action ghost',
    ]);
  });
});
