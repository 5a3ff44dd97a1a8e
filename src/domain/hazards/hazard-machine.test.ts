import { describe, expect, it } from 'vitest';
import {
  HAZARD_ACTIONS, HAZARD_REFUSAL_MESSAGES, HAZARD_STATUSES, type HazardAction, type HazardActionInput, type HazardFacts,
  type HazardStatus, OPEN_HAZARD_STATUSES, applyHazardAction, canChangeHazardLevel, criterionRefusal, formatHazardNumber, hazardReportRefusals,
  initialHazardStatus, isHazardOverdue, isPlanComplete, readyToRectify,
} from './hazard-machine.ts';

// The expected loop, written out by hand (not derived from HAZARD_TRANSITIONS): any change to
// the transition table has to be made here too. null: the action is refused as not_in_state.
const EXPECTED: Record<HazardStatus, Record<HazardAction, HazardStatus | null>> = {
  reported: {
    submit_plan: 'reported', accept: 'reported', start_rectification: 'rectifying', report_rectification: null,
    verify_pass: null, verify_fail: null, recheck_pass: null, recheck_reopen: null, void: 'voided',
  },
  rectifying: {
    submit_plan: 'rectifying', accept: null, start_rectification: null, report_rectification: 'awaiting_verification',
    verify_pass: null, verify_fail: null, recheck_pass: null, recheck_reopen: null, void: 'voided',
  },
  awaiting_verification: {
    submit_plan: null, accept: null, start_rectification: null, report_rectification: null,
    verify_pass: 'closed', verify_fail: 'rectifying', recheck_pass: null, recheck_reopen: null, void: 'voided',
  },
  closed: {
    submit_plan: null, accept: null, start_rectification: null, report_rectification: null,
    verify_pass: null, verify_fail: null, recheck_pass: 'closed', recheck_reopen: 'rectifying', void: null,
  },
  voided: {
    submit_plan: null, accept: null, start_rectification: null, report_rectification: null,
    verify_pass: null, verify_fail: null, recheck_pass: null, recheck_reopen: null, void: null,
  },
};

/** An input for each action that satisfies every guard. */
const VALID: Record<HazardAction, HazardActionInput> = {
  submit_plan: { action: 'submit_plan', plan: { complete: true } },
  accept: { action: 'accept' },
  start_rectification: { action: 'start_rectification' },
  report_rectification: { action: 'report_rectification', note: '已更换灭火器', afterPhotoCount: 1 },
  verify_pass: { action: 'verify_pass', evidenceCount: 1, signed: true },
  verify_fail: { action: 'verify_fail', reason: '灭火器压力不足' },
  recheck_pass: { action: 'recheck_pass', note: '回头看无反弹' },
  recheck_reopen: { action: 'recheck_reopen', reason: '隐患反弹' },
  void: { action: 'void', reason: '重复上报' },
};

/** A major hazard that has everything: plan, acceptance, both discovery reports. */
const facts = (o: Partial<HazardFacts> = {}): HazardFacts => ({
  status: 'reported', level: 'major', hasPlan: true, accepted: true,
  discoveryReportedToDepartment: true, discoveryReportedToGovernment: true, ...o,
});
const general = (o: Partial<HazardFacts> = {}) => facts({ level: 'general', accepted: false, discoveryReportedToDepartment: false, discoveryReportedToGovernment: false, ...o });

describe('hazard state machine: every status × action', () => {
  it('the expected table covers every status and action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...HAZARD_STATUSES].sort());
    for (const s of HAZARD_STATUSES) expect(Object.keys(EXPECTED[s]).sort()).toEqual([...HAZARD_ACTIONS].sort());
    expect(Object.keys(VALID).sort()).toEqual([...HAZARD_ACTIONS].sort());
  });

  const pairs = HAZARD_STATUSES.flatMap((s) => HAZARD_ACTIONS.map((a) => [s, a, EXPECTED[s][a]] as const));
  it.each(pairs)('%s + %s → %s', (status, action, to) => {
    const r = applyHazardAction(facts({ status }), VALID[action]);
    expect(r).toEqual(to === null ? { ok: false, refusal: 'not_in_state' } : { ok: true, from: status, to });
  });

  it.each(pairs.filter(([, , to]) => to === null))('%s + %s is refused as not_in_state before any guard', (status, action) => {
    // Facts and input that would fail every guard: the state is checked first.
    const bad: Record<HazardAction, HazardActionInput> = {
      submit_plan: { action: 'submit_plan', plan: { complete: false } },
      accept: { action: 'accept' },
      start_rectification: { action: 'start_rectification' },
      report_rectification: { action: 'report_rectification', note: ' ', afterPhotoCount: 0 },
      verify_pass: { action: 'verify_pass', evidenceCount: 0, signed: false },
      verify_fail: { action: 'verify_fail', reason: '' },
      recheck_pass: { action: 'recheck_pass', note: '' },
      recheck_reopen: { action: 'recheck_reopen', reason: '' },
      void: { action: 'void', reason: '' },
    };
    const f = facts({ status, hasPlan: false, accepted: false, discoveryReportedToDepartment: false, discoveryReportedToGovernment: false });
    expect(applyHazardAction(f, bad[action])).toEqual({ ok: false, refusal: 'not_in_state' });
  });

  it('every open status can be voided and nothing leaves voided', () => {
    expect([...OPEN_HAZARD_STATUSES].sort()).toEqual(['awaiting_verification', 'rectifying', 'reported']);
    for (const s of OPEN_HAZARD_STATUSES) expect(applyHazardAction(facts({ status: s }), VALID.void)).toMatchObject({ ok: true, to: 'voided' });
    for (const a of HAZARD_ACTIONS) expect(applyHazardAction(facts({ status: 'voided' }), VALID[a]).ok).toBe(false);
  });

  it('a general hazard with a plan goes the whole loop', () => {
    let f = general({ hasPlan: false });
    const step = (input: HazardActionInput) => {
      const r = applyHazardAction(f, input);
      if (!r.ok) throw new Error(`${input.action} refused: ${r.refusal}`);
      f = { ...f, status: r.to };
      return r.to;
    };
    expect(step(VALID.submit_plan)).toBe('reported');
    f = { ...f, hasPlan: true };
    expect(step(VALID.start_rectification)).toBe('rectifying');
    expect(step(VALID.report_rectification)).toBe('awaiting_verification');
    expect(step(VALID.verify_fail)).toBe('rectifying');
    expect(step(VALID.report_rectification)).toBe('awaiting_verification');
    expect(step(VALID.verify_pass)).toBe('closed');
    expect(step(VALID.recheck_pass)).toBe('closed');
    expect(step(VALID.recheck_reopen)).toBe('rectifying');
  });
});

describe('hazard guards', () => {
  const refused = (f: HazardFacts, input: HazardActionInput) => {
    const r = applyHazardAction(f, input);
    return r.ok ? null : r.refusal;
  };

  it('every refusal has a Chinese message', () => {
    for (const m of Object.values(HAZARD_REFUSAL_MESSAGES)) expect(m).toMatch(/[\u4e00-\u9fff]/);
  });

  describe('submit_plan', () => {
    it.each(['reported', 'rectifying'] as const)('an incomplete plan is refused in %s', (status) => {
      expect(refused(general({ status }), { action: 'submit_plan', plan: { complete: false } })).toBe('plan_incomplete');
      expect(refused(general({ status }), { action: 'submit_plan', plan: { complete: true } })).toBeNull();
    });
    it('a plan may be submitted before any plan exists', () => {
      expect(refused(general({ hasPlan: false }), VALID.submit_plan)).toBeNull();
    });
  });

  describe('accept', () => {
    it('only a major hazard is accepted', () => {
      expect(refused(general(), VALID.accept)).toBe('not_major');
      expect(refused(general({ hasPlan: false }), VALID.accept)).toBe('not_major');
      expect(refused(facts({ accepted: false }), VALID.accept)).toBeNull();
    });
    it('a major hazard without a plan cannot be accepted', () => {
      expect(refused(facts({ hasPlan: false, accepted: false }), VALID.accept)).toBe('plan_missing');
    });
  });

  describe('start_rectification', () => {
    it('needs a plan', () => {
      expect(refused(general({ hasPlan: false }), VALID.start_rectification)).toBe('plan_missing');
      expect(refused(facts({ hasPlan: false, accepted: false }), VALID.start_rectification)).toBe('plan_missing');
      expect(refused(general({ hasPlan: true }), VALID.start_rectification)).toBeNull();
    });
    it('a major hazard also needs the acceptance', () => {
      expect(refused(facts({ accepted: false }), VALID.start_rectification)).toBe('not_accepted');
      expect(refused(facts({ accepted: true }), VALID.start_rectification)).toBeNull();
    });
    it('readyToRectify follows the same guards', () => {
      expect(readyToRectify(general({ hasPlan: false }))).toBe(false);
      expect(readyToRectify(general({ hasPlan: true }))).toBe(true);
      expect(readyToRectify(facts({ accepted: false }))).toBe(false);
      expect(readyToRectify(facts({ accepted: true }))).toBe(true);
      expect(readyToRectify(general({ status: 'rectifying' }))).toBe(false); // already there
    });
  });

  describe('report_rectification', () => {
    const r = general({ status: 'rectifying' });
    it('needs at least one after photo', () => {
      expect(refused(r, { action: 'report_rectification', note: '已整改', afterPhotoCount: 0 })).toBe('after_photo_missing');
      expect(refused(r, { action: 'report_rectification', note: '已整改', afterPhotoCount: 1 })).toBeNull();
      expect(refused(r, { action: 'report_rectification', note: '已整改', afterPhotoCount: 5 })).toBeNull();
    });
    it.each(['', '   ', '\n\t　'])('needs a note (%j is not one)', (note) => {
      expect(refused(r, { action: 'report_rectification', note, afterPhotoCount: 1 })).toBe('note_missing');
    });
    it('reports the missing photo before the missing note', () => {
      expect(refused(r, { action: 'report_rectification', note: '', afterPhotoCount: 0 })).toBe('after_photo_missing');
    });
  });

  describe('verify_pass', () => {
    const g = general({ status: 'awaiting_verification' });
    const m = facts({ status: 'awaiting_verification' });
    it('needs evidence', () => {
      expect(refused(g, { action: 'verify_pass', evidenceCount: 0, signed: true })).toBe('evidence_missing');
      expect(refused(g, { action: 'verify_pass', evidenceCount: 0, signed: false })).toBe('evidence_missing');
    });
    it('needs a signature', () => {
      expect(refused(g, { action: 'verify_pass', evidenceCount: 2, signed: false })).toBe('signature_missing');
      expect(refused(g, { action: 'verify_pass', evidenceCount: 2, signed: true })).toBeNull();
    });
    it('a general hazard does not need the dual report', () => {
      expect(refused(g, VALID.verify_pass)).toBeNull();
    });
    it.each([
      [false, false, 'dual_report_missing'],
      [true, false, 'dual_report_missing'],
      [false, true, 'dual_report_missing'],
      [true, true, null],
    ] as const)('a major hazard: reported to department %s, to government %s → %s', (dep, gov, expected) => {
      const f = facts({ status: 'awaiting_verification', discoveryReportedToDepartment: dep, discoveryReportedToGovernment: gov });
      expect(refused(f, VALID.verify_pass)).toBe(expected);
    });
    it('checks evidence and signature before the dual report', () => {
      const f = { ...m, discoveryReportedToDepartment: false };
      expect(refused(f, { action: 'verify_pass', evidenceCount: 0, signed: true })).toBe('evidence_missing');
      expect(refused(f, { action: 'verify_pass', evidenceCount: 1, signed: false })).toBe('signature_missing');
    });
  });

  describe('reasons', () => {
    const cases = [
      ['verify_fail', 'awaiting_verification'],
      ['recheck_reopen', 'closed'],
      ['void', 'reported'],
      ['void', 'rectifying'],
      ['void', 'awaiting_verification'],
    ] as const;
    it.each(cases)('%s in %s needs a reason', (action, status) => {
      const f = general({ status });
      for (const reason of ['', ' ', '   \n\t', '　']) {
        expect(refused(f, { action, reason } as HazardActionInput), JSON.stringify(reason)).toBe('reason_missing');
      }
      expect(refused(f, { action, reason: '  有原因  ' } as HazardActionInput)).toBeNull();
    });
    it('recheck_pass in closed is allowed with a note, and refused without one', () => {
      expect(refused(general({ status: 'closed' }), VALID.recheck_pass)).toBeNull();
      for (const note of ['', '   ']) expect(refused(general({ status: 'closed' }), { action: 'recheck_pass', note })).toBe('note_missing');
    });
  });
});

describe('canChangeHazardLevel', () => {
  // The level decides acceptance and 双报告: it may change only before either applies.
  it.each(HAZARD_STATUSES.flatMap((status) => [false, true].map((accepted) => [status, accepted] as const)))(
    '%s, accepted %s', (status, accepted) => {
      expect(canChangeHazardLevel({ status, accepted })).toBe(status === 'reported' && !accepted);
    },
  );
});

describe('what a report must carry', () => {
  const report = (o: Partial<Parameters<typeof hazardReportRefusals>[0]> = {}) =>
    hazardReportRefusals({ level: 'general', criterion: null, fixedOnSpot: false, afterPhotoCount: 0, rectificationNote: null, ...o });
  it('a major hazard names its 判定依据; a general one need not', () => {
    expect(criterionRefusal('major', null)).toBe('重大隐患须填写判定依据');
    expect(criterionRefusal('major', '  ')).toBe('重大隐患须填写判定依据');
    expect(criterionRefusal('major', 'GB 35181 第6条')).toBeNull();
    expect(criterionRefusal('general', null)).toBeNull();
    expect(report({ level: 'major' })).toEqual({ criterion: '重大隐患须填写判定依据' });
    expect(report({ level: 'major', criterion: 'GB 35181 第6条' })).toEqual({});
  });
  it('即查即改 needs the after photos and a note, and is for general hazards only', () => {
    expect(report({ fixedOnSpot: true })).toEqual({ afterPhotoIds: '即查即改须上传整改后照片', rectificationNote: '即查即改须填写整改情况' });
    expect(report({ fixedOnSpot: true, afterPhotoCount: 1, rectificationNote: '已清理' })).toEqual({});
    expect(report({ fixedOnSpot: true, afterPhotoCount: 1, rectificationNote: '已清理', level: 'major', criterion: '某条' }))
      .toEqual({ fixedOnSpot: '重大隐患须制定五落实方案，不能即查即改' });
  });
});

describe('initialHazardStatus', () => {
  it('a reported hazard starts as reported', () => expect(initialHazardStatus(false)).toBe('reported'));
  it('fixed on the spot goes straight to verification', () => expect(initialHazardStatus(true)).toBe('awaiting_verification'));
});

describe('isHazardOverdue', () => {
  const today = '2024-06-03';
  it.each(OPEN_HAZARD_STATUSES)('%s: due yesterday is overdue, due today or later is not', (status) => {
    expect(isHazardOverdue({ status, dueDate: '2024-06-02' }, today)).toBe(true);
    expect(isHazardOverdue({ status, dueDate: '2023-12-31' }, today)).toBe(true);
    expect(isHazardOverdue({ status, dueDate: '2024-06-03' }, today)).toBe(false);
    expect(isHazardOverdue({ status, dueDate: '2024-06-04' }, today)).toBe(false);
  });
  it.each(['closed', 'voided'] as const)('%s is never overdue', (status) => {
    expect(isHazardOverdue({ status, dueDate: '2020-01-01' }, today)).toBe(false);
    expect(isHazardOverdue({ status, dueDate: '2024-06-02' }, today)).toBe(false);
  });
  it.each(HAZARD_STATUSES)('%s without a due date is not overdue', (status) => {
    expect(isHazardOverdue({ status, dueDate: null }, today)).toBe(false);
  });
  it('compares across month and year ends', () => {
    expect(isHazardOverdue({ status: 'reported', dueDate: '2024-05-31' }, '2024-06-01')).toBe(true);
    expect(isHazardOverdue({ status: 'reported', dueDate: '2024-12-31' }, '2025-01-01')).toBe(true);
    expect(isHazardOverdue({ status: 'reported', dueDate: '2025-01-01' }, '2024-12-31')).toBe(false);
  });
});

describe('formatHazardNumber', () => {
  it('pads the sequence to six digits', () => {
    expect(formatHazardNumber('YB', 2024, 123)).toBe('YB-2024-000123');
    expect(formatHazardNumber('YB', 2024, 1)).toBe('YB-2024-000001');
    expect(formatHazardNumber('ZD', 2025, 999999)).toBe('ZD-2025-999999');
  });
  it('does not cut a sequence beyond six digits', () => {
    expect(formatHazardNumber('YB', 2024, 1234567)).toBe('YB-2024-1234567');
  });
});

describe('isPlanComplete (五落实)', () => {
  const full = { owner: '张三', measures: '更换老化线路', fundsFen: 500_000, dueDate: '2024-06-30', contingencyPlan: '断电、疏散', contingencyFileCount: 0 };
  it('a full plan is complete', () => expect(isPlanComplete(full)).toBe(true));
  it.each([
    ['owner', { owner: null }], ['owner', { owner: '  ' }],
    ['measures', { measures: null }], ['measures', { measures: '\n' }],
    ['funds', { fundsFen: null }], ['funds', { fundsFen: -1 }],
    ['due date', { dueDate: null }], ['due date', { dueDate: ' ' }],
    ['contingency', { contingencyPlan: null }], ['contingency', { contingencyPlan: '   ' }],
  ] as const)('without %s (%o) it is incomplete', (_part, missing) => {
    expect(isPlanComplete({ ...full, ...missing })).toBe(false);
  });
  it('zero funds are funds (nothing to spend is still an answer)', () => {
    expect(isPlanComplete({ ...full, fundsFen: 0 })).toBe(true);
  });
  it('the contingency plan may be a file instead of text', () => {
    expect(isPlanComplete({ ...full, contingencyPlan: null, contingencyFileCount: 1 })).toBe(true);
    expect(isPlanComplete({ ...full, contingencyPlan: '', contingencyFileCount: 2 })).toBe(true);
    expect(isPlanComplete({ ...full, contingencyPlan: null, contingencyFileCount: 0 })).toBe(false);
    const { contingencyFileCount: _omit, ...noCount } = full;
    expect(isPlanComplete({ ...noCount, contingencyPlan: null })).toBe(false);
    expect(isPlanComplete({ ...noCount })).toBe(true);
  });
});
