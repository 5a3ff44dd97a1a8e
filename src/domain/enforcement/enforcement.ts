// Enforcement cases (执法案件) as data: one transition table, one function.
// 立案 filed → 调查 investigating → 决定 decided → 执行 executing → 结案 closed;
// a decision that imposes nothing (不予处罚, 撤销) closes straight from decided.
// Measures (行政处罚 with fines on the enterprise and on its principal, 责令停产整顿, 移送司法机关 …)
// are decided once; 一案双罚 and 依法不予处罚 are derived, never stored (seed 002 三.(二)3).
// Money is integer fen. Pure: no IO.
import type { HazardLevel, HazardSource, HazardStatus } from '../hazards/hazard-machine.ts';

export const CASE_STATUSES = ['filed', 'investigating', 'decided', 'executing', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  filed: '立案',
  investigating: '调查',
  decided: '决定',
  executing: '执行',
  closed: '结案',
};

export const CASE_ACTIONS = ['investigate', 'decide', 'execute', 'close'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];
export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  investigate: '开始调查',
  decide: '作出决定',
  execute: '执行决定',
  close: '结案',
};

/** status × action → next status. A missing entry means the action is not possible in that state. */
export const CASE_TRANSITIONS: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>> = {
  filed: { investigate: 'investigating' },
  investigating: { decide: 'decided' },
  decided: { execute: 'executing', close: 'closed' },
  executing: { close: 'closed' },
  closed: {},
};

export const MEASURE_KINDS = [
  'penalty',
  'suspension',
  'work_stop',
  'judicial_referral',
  'closure_request',
  'industry_ban',
  'summons',
  'exposure',
  'joint_sanction',
  'circular',
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export const MEASURE_KIND_LABELS: Record<MeasureKind, string> = {
  penalty: '行政处罚',
  suspension: '责令停产整顿',
  work_stop: '责令停止作业',
  judicial_referral: '移送司法机关',
  closure_request: '提请关闭',
  industry_ban: '行业禁入',
  summons: '约谈',
  exposure: '曝光',
  joint_sanction: '联合惩戒',
  circular: '通报',
};

/**
 * Which measures punish, so that a case with any of them is not 依法不予处罚: fines; 责令停产停业
 * (a penalty kind of 行政处罚法 第九条); closure and 行业禁入 (限制从业); referral for criminal
 * liability. 责令停止作业 (an on-site order, 安全生产法 第六十五条), 约谈, 曝光, 联合惩戒 and 通报
 * are not penalties.
 */
export const MEASURE_IMPOSES_PENALTY: Record<MeasureKind, boolean> = {
  penalty: true,
  suspension: true,
  work_stop: false,
  judicial_referral: true,
  closure_request: true,
  industry_ban: true,
  summons: false,
  exposure: false,
  joint_sanction: false,
  circular: false,
};

export type EnforcementMeasure =
  | { kind: 'penalty'; fineOnEnterpriseFen: number; fineOnPrincipalFen: number }
  | { kind: 'judicial_referral'; personCount: number }
  | { kind: Exclude<MeasureKind, 'penalty' | 'judicial_referral'> };

export type MeasureProblem = 'kind_invalid' | 'fine_invalid' | 'fine_missing' | 'person_count_invalid';
export const MEASURE_PROBLEM_MESSAGES: Record<MeasureProblem, string> = {
  kind_invalid: '处理措施类型无效',
  fine_invalid: '罚款金额应为不小于0的整数（分）',
  fine_missing: '行政处罚须对企业或其主要负责人处以罚款',
  person_count_invalid: '移送司法机关人数应为不小于1的整数',
};

const isFen = (n: number) => Number.isSafeInteger(n) && n >= 0;

/** What is wrong with one measure, or null. */
export function measureProblem(m: EnforcementMeasure): MeasureProblem | null {
  if (!MEASURE_KINDS.includes(m.kind)) return 'kind_invalid';
  if (m.kind === 'penalty') {
    if (!isFen(m.fineOnEnterpriseFen) || !isFen(m.fineOnPrincipalFen)) return 'fine_invalid';
    return m.fineOnEnterpriseFen + m.fineOnPrincipalFen > 0 ? null : 'fine_missing';
  }
  if (m.kind === 'judicial_referral') return Number.isSafeInteger(m.personCount) && m.personCount >= 1 ? null : 'person_count_invalid';
  return null;
}

const penalties = (measures: readonly EnforcementMeasure[]) =>
  measures.filter((m): m is Extract<EnforcementMeasure, { kind: 'penalty' }> => m.kind === 'penalty');

/** Fines of a case in fen: on the enterprise, on its principal, and both. */
export function finesFen(measures: readonly EnforcementMeasure[]): { onEnterprise: number; onPrincipal: number; total: number } {
  let onEnterprise = 0;
  let onPrincipal = 0;
  for (const p of penalties(measures)) {
    onEnterprise += p.fineOnEnterpriseFen;
    onPrincipal += p.fineOnPrincipalFen;
  }
  return { onEnterprise, onPrincipal, total: onEnterprise + onPrincipal };
}

export function totalFinesFen(measures: readonly EnforcementMeasure[]): number {
  return finesFen(measures).total;
}

/** 一案双罚: in one case both the enterprise and its principal are fined (in one penalty measure or two). */
export function isDualPenalty(measures: readonly EnforcementMeasure[]): boolean {
  const f = finesFen(measures);
  return f.onEnterprise > 0 && f.onPrincipal > 0;
}

/** Persons referred to the judicial authorities in a case (form 1: 移送司法机关（人）). */
export function judicialReferralPersons(measures: readonly EnforcementMeasure[]): number {
  return measures.reduce((n, m) => n + (m.kind === 'judicial_referral' ? m.personCount : 0), 0);
}

export function imposesPenalty(measures: readonly EnforcementMeasure[]): boolean {
  return measures.some((m) => MEASURE_IMPOSES_PENALTY[m.kind]);
}

/** A self-reported major hazard counts as being eliminated from rectification on (closed keeps the label once earned). */
const BEING_ELIMINATED: readonly HazardStatus[] = ['rectifying', 'awaiting_verification', 'closed'];

/**
 * 依法不予处罚 (seed 002 三.(二)3: 对企业自查发现的重大事故隐患，已按规定报告并正在采取有效措施消除的，
 * 依法不予行政处罚): the case's hazard is a major one the enterprise found and reported itself
 * (source 企业自查), rectification is under way (its plan accepted) or done, and the case imposes
 * no penalty.
 */
export function noPenaltyByLaw(o: {
  hazardSource: HazardSource;
  hazardLevel: HazardLevel;
  hazardStatus: HazardStatus;
  measures: readonly EnforcementMeasure[];
}): boolean {
  return o.hazardSource === 'self_inspection' && o.hazardLevel === 'major' && BEING_ELIMINATED.includes(o.hazardStatus) && !imposesPenalty(o.measures);
}

export interface CaseFacts {
  status: CaseStatus;
  /** The measures decided (empty before the decision). */
  measures: readonly EnforcementMeasure[];
}

export type CaseActionInput =
  | { action: 'investigate' }
  | { action: 'decide'; measures: readonly EnforcementMeasure[]; noPenaltyReason: string | null }
  | { action: 'execute' }
  | { action: 'close'; note: string };

export type CaseRefusal =
  | 'not_in_state'
  | 'decision_missing'
  | 'measure_invalid'
  | 'decision_contradictory'
  | 'nothing_to_execute'
  | 'execution_required'
  | 'note_missing';

export const CASE_REFUSAL_MESSAGES: Record<CaseRefusal, string> = {
  not_in_state: '当前状态下不能执行此操作',
  decision_missing: '请填写处理措施，或说明不予处罚的理由',
  measure_invalid: '处理措施填写有误',
  decision_contradictory: '不予处罚的决定不能同时包含处罚措施',
  nothing_to_execute: '决定中没有需要执行的处理措施',
  execution_required: '决定中的处理措施须执行完毕后方可结案',
  note_missing: '请填写结案说明',
};

export type CaseActionResult = { ok: true; from: CaseStatus; to: CaseStatus } | { ok: false; refusal: CaseRefusal };

const blank = (s: string | null) => s === null || s.trim().length === 0;

/** Why a case action may not be taken on these facts (the state itself is the table's). */
export function caseGuard(f: CaseFacts, input: CaseActionInput): CaseRefusal | null {
  switch (input.action) {
    case 'investigate':
      return null;
    case 'decide': {
      const reason = !blank(input.noPenaltyReason);
      if (input.measures.length === 0 && !reason) return 'decision_missing';
      if (input.measures.some((m) => measureProblem(m) !== null)) return 'measure_invalid';
      return reason && imposesPenalty(input.measures) ? 'decision_contradictory' : null;
    }
    case 'execute':
      return f.measures.length > 0 ? null : 'nothing_to_execute';
    case 'close':
      if (f.status === 'decided' && f.measures.length > 0) return 'execution_required';
      return blank(input.note) ? 'note_missing' : null;
  }
}

/** Applies one action to a case: the next status, or why not. */
export function applyCaseAction(f: CaseFacts, input: CaseActionInput): CaseActionResult {
  const to = CASE_TRANSITIONS[f.status][input.action];
  if (!to) return { ok: false, refusal: 'not_in_state' };
  const refusal = caseGuard(f, input);
  return refusal ? { ok: false, refusal } : { ok: true, from: f.status, to };
}

/** The status a new case starts in. */
export const INITIAL_CASE_STATUS: CaseStatus = 'filed';
