// The closed loop of a hazard (隐患闭环) as data: one transition table, one function.
// reported ─(plan on record; major: accepted by the supervising side)→ rectifying
//   → awaiting verification (rectification reported with after photos) → closed (销号)
//   awaiting verification ─(verification fails)→ rectifying
//   fixed on the spot (即查即改): created straight into awaiting verification
//   closed ─(回头看)→ closed (passed) or rectifying (reopened, with the reason)
//   any open state ─(void, with the reason)→ voided; nothing is deleted.
// Pure: no IO, the clock is passed in. Who may act is hazard-policy.ts.

export const HAZARD_STATUSES = ['reported', 'rectifying', 'awaiting_verification', 'closed', 'voided'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];
export const HAZARD_STATUS_LABELS: Record<HazardStatus, string> = {
  reported: '待整改',
  rectifying: '整改中',
  awaiting_verification: '待验收',
  closed: '已销号',
  voided: '已作废',
};
export const OPEN_HAZARD_STATUSES: readonly HazardStatus[] = ['reported', 'rectifying', 'awaiting_verification'];

export const HAZARD_LEVELS = ['general', 'major'] as const;
export type HazardLevel = (typeof HAZARD_LEVELS)[number];
export const HAZARD_LEVEL_LABELS: Record<HazardLevel, string> = { general: '一般隐患', major: '重大隐患' };

export const HAZARD_SOURCES = ['self_inspection', 'department', 'village', 'supervision', 'public', 'assigned'] as const;
export type HazardSource = (typeof HAZARD_SOURCES)[number];
export const HAZARD_SOURCE_LABELS: Record<HazardSource, string> = {
  self_inspection: '企业自查',
  department: '部门检查',
  village: '村居排查',
  supervision: '督导检查',
  public: '群众举报',
  assigned: '上级交办',
};

/** Actions that move a hazard along the loop (the state machine's alphabet). */
export const HAZARD_ACTIONS = [
  'submit_plan', // 五落实 plan recorded or revised
  'accept', // the supervising side accepts a major hazard's plan
  'start_rectification', // applied by the system as soon as its guards hold
  'report_rectification', // 整改完成，申请验收
  'verify_pass', // 验收通过，销号
  'verify_fail', // 验收不通过，退回整改
  'recheck_pass', // 回头看：通过
  'recheck_reopen', // 回头看：重新打开
  'void', // 作废
] as const;
export type HazardAction = (typeof HAZARD_ACTIONS)[number];
export const HAZARD_ACTION_LABELS: Record<HazardAction, string> = {
  submit_plan: '提交五落实整改方案',
  accept: '审核同意整改方案',
  start_rectification: '进入整改',
  report_rectification: '报告整改完成',
  verify_pass: '验收销号',
  verify_fail: '验收不通过',
  recheck_pass: '回头看通过',
  recheck_reopen: '回头看重新整改',
  void: '作废',
};

/** status × action → next status. A missing entry means the action is not possible in that state. */
export const HAZARD_TRANSITIONS: Record<HazardStatus, Partial<Record<HazardAction, HazardStatus>>> = {
  reported: { submit_plan: 'reported', accept: 'reported', start_rectification: 'rectifying', void: 'voided' },
  rectifying: { submit_plan: 'rectifying', report_rectification: 'awaiting_verification', void: 'voided' },
  awaiting_verification: { verify_pass: 'closed', verify_fail: 'rectifying', void: 'voided' },
  closed: { recheck_pass: 'closed', recheck_reopen: 'rectifying' },
  voided: {},
};

/** What the guards need to know about a hazard. */
export interface HazardFacts {
  status: HazardStatus;
  level: HazardLevel;
  hasPlan: boolean;
  accepted: boolean;
  /** 双报告: discovery reported to the supervising department and to the local government. */
  discoveryReportedToDepartment: boolean;
  discoveryReportedToGovernment: boolean;
}

export type HazardActionInput =
  | { action: 'submit_plan'; plan: { complete: boolean } }
  | { action: 'accept' }
  | { action: 'start_rectification' }
  | { action: 'report_rectification'; note: string; afterPhotoCount: number }
  | { action: 'verify_pass'; evidenceCount: number; signed: boolean }
  | { action: 'verify_fail'; reason: string }
  | { action: 'recheck_pass'; note: string }
  | { action: 'recheck_reopen'; reason: string }
  | { action: 'void'; reason: string };

export type HazardRefusal =
  | 'not_in_state'
  | 'plan_incomplete'
  | 'plan_missing'
  | 'not_major'
  | 'not_accepted'
  | 'after_photo_missing'
  | 'note_missing'
  | 'evidence_missing'
  | 'signature_missing'
  | 'dual_report_missing'
  | 'reason_missing';

export const HAZARD_REFUSAL_MESSAGES: Record<HazardRefusal, string> = {
  not_in_state: '当前状态下不能执行此操作',
  plan_incomplete: '五落实方案不完整：须填写责任人、措施、资金、时限和应急预案',
  plan_missing: '尚无五落实整改方案',
  not_major: '只有重大隐患需要审核整改方案',
  not_accepted: '重大隐患须经监管部门审核同意整改方案后方可整改',
  after_photo_missing: '请上传整改后照片',
  note_missing: '请填写整改情况说明',
  evidence_missing: '销号须有整改证据（照片或文件）',
  signature_missing: '销号须由验收人签名',
  dual_report_missing: '重大隐患须先记录向监管部门和属地政府的发现报告（双报告）方可销号',
  reason_missing: '请填写原因',
};

export type HazardActionResult =
  | { ok: true; from: HazardStatus; to: HazardStatus }
  | { ok: false; refusal: HazardRefusal };

const blank = (s: string) => s.trim().length === 0;

/** Why a state-machine action may not be taken on these facts (the state itself is the table's). */
export function hazardGuard(f: HazardFacts, input: HazardActionInput): HazardRefusal | null {
  switch (input.action) {
    case 'submit_plan':
      return input.plan.complete ? null : 'plan_incomplete';
    case 'accept':
      if (f.level !== 'major') return 'not_major';
      return f.hasPlan ? null : 'plan_missing';
    case 'start_rectification':
      if (!f.hasPlan) return 'plan_missing';
      return f.level === 'major' && !f.accepted ? 'not_accepted' : null;
    case 'report_rectification':
      if (input.afterPhotoCount < 1) return 'after_photo_missing';
      return blank(input.note) ? 'note_missing' : null;
    case 'verify_pass':
      if (input.evidenceCount < 1) return 'evidence_missing';
      if (!input.signed) return 'signature_missing';
      return dualReportMissing(f) ? 'dual_report_missing' : null;
    case 'verify_fail':
    case 'recheck_reopen':
    case 'void':
      return blank(input.reason) ? 'reason_missing' : null;
    case 'recheck_pass':
      return blank(input.note) ? 'note_missing' : null;
  }
}

/** 双报告: a major hazard is closed only once its discovery was reported to the department and the local government. */
export function dualReportMissing(
  f: Pick<HazardFacts, 'level' | 'discoveryReportedToDepartment' | 'discoveryReportedToGovernment'>,
): boolean {
  return f.level === 'major' && !(f.discoveryReportedToDepartment && f.discoveryReportedToGovernment);
}

/** Applies one action to a hazard's facts: the next status, or why not. */
export function applyHazardAction(f: HazardFacts, input: HazardActionInput): HazardActionResult {
  const to = HAZARD_TRANSITIONS[f.status][input.action];
  if (!to) return { ok: false, refusal: 'not_in_state' };
  const refusal = hazardGuard(f, input);
  return refusal ? { ok: false, refusal } : { ok: true, from: f.status, to };
}

/** Whether the system should move a reported hazard into rectification now. */
export function readyToRectify(f: HazardFacts): boolean {
  return applyHazardAction(f, { action: 'start_rectification' }).ok;
}

/**
 * The level decides which rules apply (acceptance, 双报告), so it may change only while the
 * hazard is still reported and not yet accepted: never to dodge the rules mid-loop.
 */
export function canChangeHazardLevel(f: Pick<HazardFacts, 'status' | 'accepted'>): boolean {
  return f.status === 'reported' && !f.accepted;
}

/** 判定依据: a major hazard names the standard and clause it was judged by (reported, edited or imported). */
export function criterionRefusal(level: HazardLevel, criterion: string | null | undefined): string | null {
  return level === 'major' && !criterion?.trim() ? '重大隐患须填写判定依据' : null;
}

/**
 * What a quick report must carry beyond its fields: the criterion of a major hazard, and for
 * 即查即改 (a general hazard only: a major one needs a 五落实 plan) the after photos and a note.
 */
export function hazardReportRefusals(r: {
  level: HazardLevel;
  criterion: string | null;
  fixedOnSpot: boolean;
  afterPhotoCount: number;
  rectificationNote: string | null;
}): Partial<Record<'criterion' | 'fixedOnSpot' | 'afterPhotoIds' | 'rectificationNote', string>> {
  const out: Partial<Record<'criterion' | 'fixedOnSpot' | 'afterPhotoIds' | 'rectificationNote', string>> = {};
  const criterion = criterionRefusal(r.level, r.criterion);
  if (criterion) out.criterion = criterion;
  if (r.fixedOnSpot && r.level === 'major') out.fixedOnSpot = '重大隐患须制定五落实方案，不能即查即改';
  if (r.fixedOnSpot && r.afterPhotoCount < 1) out.afterPhotoIds = '即查即改须上传整改后照片';
  if (r.fixedOnSpot && !r.rectificationNote?.trim()) out.rectificationNote = '即查即改须填写整改情况';
  return out;
}

/** The status a new hazard starts in: fixed on the spot goes straight to verification. */
export function initialHazardStatus(fixedOnSpot: boolean): HazardStatus {
  return fixedOnSpot ? 'awaiting_verification' : 'reported';
}

/** 逾期: past the due date and still open. Derived from today (Asia/Shanghai), never stored. */
export function isHazardOverdue(h: { status: HazardStatus; dueDate: string | null }, today: string): boolean {
  return h.dueDate !== null && OPEN_HAZARD_STATUSES.includes(h.status) && h.dueDate < today;
}

/** The number prefix of a district that has not set its own code. */
export const DEFAULT_HAZARD_NUMBER_PREFIX = 'AZ';

/** A readable number per district and year, e.g. YB-2024-000123. */
export function formatHazardNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
}

/** 五落实: owner, measures, funds, due date and contingency plan are all required. */
export function isPlanComplete(p: {
  owner: string | null;
  measures: string | null;
  fundsFen: number | null;
  dueDate: string | null;
  contingencyPlan: string | null;
  contingencyFileCount?: number;
}): boolean {
  const has = (s: string | null) => s !== null && s.trim().length > 0;
  return (
    has(p.owner) && has(p.measures) && p.fundsFen !== null && p.fundsFen >= 0 && has(p.dueDate) &&
    (has(p.contingencyPlan) || (p.contingencyFileCount ?? 0) > 0)
  );
}
