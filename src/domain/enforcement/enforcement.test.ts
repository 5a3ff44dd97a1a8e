import { describe, expect, it } from 'vitest';
import {
  CASE_ACTIONS, CASE_ACTION_LABELS, CASE_REFUSAL_MESSAGES, CASE_STATUSES, CASE_STATUS_LABELS, type CaseAction, type CaseActionInput,
  type CaseFacts, type CaseRefusal, type CaseStatus, type EnforcementMeasure, INITIAL_CASE_STATUS, MEASURE_IMPOSES_PENALTY,
  MEASURE_KINDS, MEASURE_KIND_LABELS, MEASURE_PROBLEM_MESSAGES, type MeasureKind, type MeasureProblem, applyCaseAction, finesFen,
  imposesPenalty, isDualPenalty, judicialReferralPersons, measureProblem, noPenaltyByLaw, totalFinesFen,
} from './enforcement.ts';
import { HAZARD_LEVELS, HAZARD_SOURCES, HAZARD_STATUSES } from '../hazards/hazard-machine.ts';

const WAN = 1_000_000; // 1 万元 in fen
const penalty = (onEnterprise: number, onPrincipal: number): EnforcementMeasure => ({ kind: 'penalty', fineOnEnterpriseFen: onEnterprise, fineOnPrincipalFen: onPrincipal });
const simple = (kind: Exclude<MeasureKind, 'penalty' | 'judicial_referral'>): EnforcementMeasure => ({ kind });
const referral = (personCount: number): EnforcementMeasure => ({ kind: 'judicial_referral', personCount });

describe('labels', () => {
  it('statuses read 立案 → 调查 → 决定 → 执行 → 结案', () => {
    expect(CASE_STATUSES.map((s) => CASE_STATUS_LABELS[s]).join(' → ')).toBe('立案 → 调查 → 决定 → 执行 → 结案');
    expect(INITIAL_CASE_STATUS).toBe('filed');
  });

  it.each([
    ['actions', CASE_ACTIONS, CASE_ACTION_LABELS],
    ['measure kinds', MEASURE_KINDS, MEASURE_KIND_LABELS],
    ['penalty classification', MEASURE_KINDS, MEASURE_IMPOSES_PENALTY],
  ] as const)('every one of the %s is covered', (_name, values, map) => {
    expect(Object.keys(map).sort()).toEqual([...values].sort());
  });

  it('measure kinds are labelled as in the plans', () => {
    expect(MEASURE_KINDS.map((k) => MEASURE_KIND_LABELS[k])).toEqual([
      '行政处罚', '责令停产整顿', '责令停止作业', '移送司法机关', '提请关闭', '行业禁入', '约谈', '曝光', '联合惩戒', '通报',
    ]);
    for (const m of [...Object.values(CASE_REFUSAL_MESSAGES), ...Object.values(MEASURE_PROBLEM_MESSAGES)]) expect(m).toMatch(/[\u4e00-\u9fff]/);
  });
});

// The expected case flow, written out by hand (not derived from CASE_TRANSITIONS).
// null: the action is refused as not_in_state.
const EXPECTED: Record<CaseStatus, Record<CaseAction, CaseStatus | null>> = {
  filed: { investigate: 'investigating', decide: null, execute: null, close: null },
  investigating: { investigate: null, decide: 'decided', execute: null, close: null },
  decided: { investigate: null, decide: null, execute: 'executing', close: 'closed' },
  executing: { investigate: null, decide: null, execute: null, close: 'closed' },
  closed: { investigate: null, decide: null, execute: null, close: null },
};

/** An input for each action that satisfies every guard. */
const VALID: Record<CaseAction, CaseActionInput> = {
  investigate: { action: 'investigate' },
  decide: { action: 'decide', measures: [penalty(5 * WAN, WAN)], noPenaltyReason: null },
  execute: { action: 'execute' },
  close: { action: 'close', note: '罚款已缴纳，隐患已整改' },
};

/** Facts in which every action's guard holds: measures decided except where closing from decided needs none. */
const factsFor = (status: CaseStatus, action: CaseAction): CaseFacts => ({
  status,
  measures: status === 'decided' && action === 'close' ? [] : [penalty(5 * WAN, WAN)],
});

describe('case state machine: every status × action', () => {
  it('the expected table covers every status and action', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CASE_STATUSES].sort());
    for (const s of CASE_STATUSES) expect(Object.keys(EXPECTED[s]).sort()).toEqual([...CASE_ACTIONS].sort());
  });

  const pairs = CASE_STATUSES.flatMap((s) => CASE_ACTIONS.map((a) => [s, a, EXPECTED[s][a]] as const));
  it.each(pairs)('%s + %s → %s', (status, action, to) => {
    expect(applyCaseAction(factsFor(status, action), VALID[action])).toEqual(to === null ? { ok: false, refusal: 'not_in_state' } : { ok: true, from: status, to });
  });

  it.each(pairs.filter(([, , to]) => to === null))('%s + %s is refused as not_in_state before any guard', (status, action) => {
    const bad: Record<CaseAction, CaseActionInput> = {
      investigate: { action: 'investigate' },
      decide: { action: 'decide', measures: [], noPenaltyReason: null },
      execute: { action: 'execute' },
      close: { action: 'close', note: '' },
    };
    expect(applyCaseAction({ status, measures: [] }, bad[action])).toEqual({ ok: false, refusal: 'not_in_state' });
  });

  it('nothing leaves closed', () => {
    for (const a of CASE_ACTIONS) expect(applyCaseAction({ status: 'closed', measures: [] }, VALID[a]).ok).toBe(false);
  });

  it('a penalty case goes 立案 → 调查 → 决定 → 执行 → 结案', () => {
    let f: CaseFacts = { status: 'filed', measures: [] };
    const step = (input: CaseActionInput) => {
      const r = applyCaseAction(f, input);
      if (!r.ok) throw new Error(`${input.action} refused: ${r.refusal}`);
      f = { status: r.to, measures: input.action === 'decide' ? input.measures : f.measures };
      return r.to;
    };
    expect(step(VALID.investigate)).toBe('investigating');
    expect(step(VALID.decide)).toBe('decided');
    expect(step(VALID.execute)).toBe('executing');
    expect(step(VALID.close)).toBe('closed');
  });

  it('a 不予处罚 decision closes straight from decided', () => {
    const decided = applyCaseAction({ status: 'investigating', measures: [] }, { action: 'decide', measures: [], noPenaltyReason: '企业自查发现并已报告，正在整改' });
    expect(decided).toEqual({ ok: true, from: 'investigating', to: 'decided' });
    expect(applyCaseAction({ status: 'decided', measures: [] }, { action: 'close', note: '依法不予处罚' })).toEqual({ ok: true, from: 'decided', to: 'closed' });
    expect(applyCaseAction({ status: 'decided', measures: [] }, VALID.execute)).toEqual({ ok: false, refusal: 'nothing_to_execute' });
  });
});

describe('case guards', () => {
  const decide = (measures: EnforcementMeasure[], noPenaltyReason: string | null = null) => applyCaseAction({ status: 'investigating', measures: [] }, { action: 'decide', measures, noPenaltyReason });

  it.each<[string, EnforcementMeasure[], string | null, CaseRefusal | null]>([
    ['a fine on the enterprise', [penalty(3 * WAN, 0)], null, null],
    ['一案双罚 and a suspension', [penalty(20 * WAN, 2 * WAN), simple('suspension')], null, null],
    ['a referral of two persons', [referral(2)], null, null],
    ['only a summons', [simple('summons')], null, null],
    ['nothing and no reason', [], null, 'decision_missing'],
    ['nothing and a blank reason', [], '  ', 'decision_missing'],
    ['不予处罚 with a reason', [], '依法不予处罚', null],
    ['不予处罚 with a summons', [simple('summons')], '依法不予处罚，约谈主要负责人', null],
    ['不予处罚 with a work stop order', [simple('work_stop')], '依法不予处罚', null],
    ['不予处罚 with a fine', [penalty(WAN, 0)], '依法不予处罚', 'decision_contradictory'],
    ['不予处罚 with a suspension', [simple('suspension')], '依法不予处罚', 'decision_contradictory'],
    ['a penalty without a fine', [penalty(0, 0)], null, 'measure_invalid'],
    ['a negative fine', [penalty(-1, WAN)], null, 'measure_invalid'],
    ['a fine in fractions of a fen', [penalty(0.5, 0)], null, 'measure_invalid'],
    ['a referral of nobody', [referral(0)], null, 'measure_invalid'],
    ['an unknown measure', [{ kind: 'detention' } as unknown as EnforcementMeasure], null, 'measure_invalid'],
    ['an invalid measure among valid ones', [simple('exposure'), penalty(0, 0)], '依法不予处罚', 'measure_invalid'],
  ])('decide: %s → %s', (_name, measures, reason, refusal) => {
    const r = decide(measures, reason);
    expect(r.ok ? null : r.refusal).toBe(refusal);
  });

  it.each<[string, CaseFacts, string, CaseRefusal | null]>([
    ['executing, with a note', { status: 'executing', measures: [penalty(WAN, 0)] }, '罚款已缴纳', null],
    ['executing, without a note', { status: 'executing', measures: [penalty(WAN, 0)] }, ' ', 'note_missing'],
    ['decided with measures not executed', { status: 'decided', measures: [penalty(WAN, 0)] }, '结案', 'execution_required'],
    ['decided with nothing to execute, with a note', { status: 'decided', measures: [] }, '不予处罚', null],
    ['decided with nothing to execute, without a note', { status: 'decided', measures: [] }, '', 'note_missing'],
  ])('close: %s → %s', (_name, facts, note, refusal) => {
    const r = applyCaseAction(facts, { action: 'close', note });
    expect(r.ok ? null : r.refusal).toBe(refusal);
  });
});

describe('measureProblem', () => {
  it.each<[string, EnforcementMeasure, MeasureProblem | null]>([
    ['a fine on the enterprise', penalty(WAN, 0), null],
    ['a fine on the principal', penalty(0, WAN), null],
    ['both', penalty(WAN, WAN), null],
    ['no fine', penalty(0, 0), 'fine_missing'],
    ['a negative fine', penalty(WAN, -1), 'fine_invalid'],
    ['a fractional fen', penalty(1.5, 0), 'fine_invalid'],
    ['NaN', penalty(Number.NaN, WAN), 'fine_invalid'],
    ['an unsafe integer', penalty(2 ** 53, 0), 'fine_invalid'],
    ['a referral of one', referral(1), null],
    ['a referral of none', referral(0), 'person_count_invalid'],
    ['a referral of 1.5', referral(1.5), 'person_count_invalid'],
    ...MEASURE_KINDS.filter((k) => k !== 'penalty' && k !== 'judicial_referral').map(
      (k) => [k, simple(k as Exclude<MeasureKind, 'penalty' | 'judicial_referral'>), null] as [string, EnforcementMeasure, MeasureProblem | null],
    ),
    ['an unknown kind', { kind: 'fine' } as unknown as EnforcementMeasure, 'kind_invalid'],
  ])('%s → %s', (_name, m, problem) => {
    expect(measureProblem(m)).toBe(problem);
  });
});

describe('fines and 一案双罚', () => {
  it.each<[string, EnforcementMeasure[], { onEnterprise: number; onPrincipal: number; total: number }, boolean]>([
    ['no measures', [], { onEnterprise: 0, onPrincipal: 0, total: 0 }, false],
    ['no penalty', [simple('suspension'), simple('summons'), referral(1)], { onEnterprise: 0, onPrincipal: 0, total: 0 }, false],
    ['the enterprise fined', [penalty(5 * WAN, 0)], { onEnterprise: 5 * WAN, onPrincipal: 0, total: 5 * WAN }, false],
    ['the principal fined', [penalty(0, 2 * WAN)], { onEnterprise: 0, onPrincipal: 2 * WAN, total: 2 * WAN }, false],
    ['both in one penalty', [penalty(5 * WAN, 2 * WAN)], { onEnterprise: 5 * WAN, onPrincipal: 2 * WAN, total: 7 * WAN }, true],
    ['both in two penalties', [penalty(5 * WAN, 0), penalty(0, 2 * WAN)], { onEnterprise: 5 * WAN, onPrincipal: 2 * WAN, total: 7 * WAN }, true],
    ['two fines on the enterprise', [penalty(5 * WAN, 0), penalty(WAN, 0)], { onEnterprise: 6 * WAN, onPrincipal: 0, total: 6 * WAN }, false],
    ['both with other measures', [simple('suspension'), penalty(1, 1), simple('exposure')], { onEnterprise: 1, onPrincipal: 1, total: 2 }, true],
    ['fen precision', [penalty(1_234_567, 89)], { onEnterprise: 1_234_567, onPrincipal: 89, total: 1_234_656 }, true],
  ])('%s', (_name, measures, fines, dual) => {
    expect(finesFen(measures)).toEqual(fines);
    expect(totalFinesFen(measures)).toBe(fines.total);
    expect(isDualPenalty(measures)).toBe(dual);
  });

  it('persons referred to the judicial authorities add up', () => {
    expect(judicialReferralPersons([])).toBe(0);
    expect(judicialReferralPersons([referral(2), penalty(WAN, 0), referral(1)])).toBe(3);
  });
});

describe('which measures punish', () => {
  it.each(MEASURE_KINDS.map((k) => [k, MEASURE_IMPOSES_PENALTY[k]] as const))('%s imposes a penalty: %s', (kind, punishes) => {
    const m: EnforcementMeasure = kind === 'penalty' ? penalty(WAN, 0) : kind === 'judicial_referral' ? referral(1) : { kind };
    expect(imposesPenalty([m])).toBe(punishes);
  });

  it('the classification is the one written down', () => {
    expect(MEASURE_KINDS.filter((k) => MEASURE_IMPOSES_PENALTY[k])).toEqual(['penalty', 'suspension', 'judicial_referral', 'closure_request', 'industry_ban']);
  });
});

describe('noPenaltyByLaw: a self-reported major hazard being rectified, no penalty imposed', () => {
  // Written out by hand: the only hazard facts that qualify.
  const QUALIFYING_STATUSES = ['rectifying', 'awaiting_verification', 'closed'];
  const combos = HAZARD_SOURCES.flatMap((hazardSource) => HAZARD_LEVELS.flatMap((hazardLevel) => HAZARD_STATUSES.map((hazardStatus) => ({ hazardSource, hazardLevel, hazardStatus }))));

  it.each(combos)('$hazardSource $hazardLevel $hazardStatus, no measures', (facts) => {
    const expected = facts.hazardSource === 'self_inspection' && facts.hazardLevel === 'major' && QUALIFYING_STATUSES.includes(facts.hazardStatus);
    expect(noPenaltyByLaw({ ...facts, measures: [] })).toBe(expected);
  });

  const selfMajor = { hazardSource: 'self_inspection', hazardLevel: 'major', hazardStatus: 'rectifying' } as const;
  it.each<[string, EnforcementMeasure[], boolean]>([
    ['no measures', [], true],
    ['a summons', [simple('summons')], true],
    ['a work stop order and a circular', [simple('work_stop'), simple('circular')], true],
    ['exposure and joint sanction', [simple('exposure'), simple('joint_sanction')], true],
    ['a fine', [penalty(WAN, 0)], false],
    ['a fine on the principal only', [penalty(0, WAN)], false],
    ['a suspension', [simple('suspension')], false],
    ['a closure request', [simple('closure_request')], false],
    ['an industry ban', [simple('industry_ban')], false],
    ['a judicial referral', [referral(1)], false],
  ])('a self-reported major hazard being rectified, with %s → %s', (_name, measures, expected) => {
    expect(noPenaltyByLaw({ ...selfMajor, measures })).toBe(expected);
  });
});
