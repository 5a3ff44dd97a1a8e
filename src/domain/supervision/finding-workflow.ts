// A supervision finding (督导检查问题清单) as a workflow-kernel definition: the group records it
// with a due date; the unit answers it (措施, evidence); the group accepts it (closed) or returns it
// with a reason, and the unit answers again. Overdue is derived from the due date and today, as
// for hazards: a finding is overdue while the unit owes an answer past its due date.
import { addDays } from '../common/dates.ts';
import { defineWorkflow } from '../workflow/workflow.ts';

export const FINDING_STATES = ['open', 'answered', 'returned', 'closed', 'withdrawn'] as const;
export type FindingState = (typeof FINDING_STATES)[number];
export const FINDING_STATE_LABELS: Record<FindingState, string> = { open: '待整改', answered: '待验收', returned: '已退回', closed: '已销号', withdrawn: '已撤回' };
/** What the unit still owes an answer on. */
export const OWED_FINDING_STATES = ['open', 'returned'] as const satisfies readonly FindingState[];
/** Not yet settled (closed or withdrawn). */
export const LIVE_FINDING_STATES = ['open', 'answered', 'returned'] as const satisfies readonly FindingState[];

/** withdraw: the group takes back a finding sent in error (with a reason); it stays on record. */
export const FINDING_ACTIONS = ['answer', 'accept', 'return', 'withdraw'] as const;
export type FindingAction = (typeof FINDING_ACTIONS)[number];
export const FINDING_ACTION_LABELS: Record<FindingAction, string> = { answer: '报送整改情况', accept: '验收销号', return: '退回', withdraw: '撤回问题' };

/** unit: a user of the unit the finding is addressed to; group: a member of the group that found it (or the office over it). */
export const FINDING_RELATIONS = ['unit', 'group'] as const;
export type FindingRelation = (typeof FINDING_RELATIONS)[number];

export interface FindingFacts {
  status: FindingState;
}
export type FindingInput =
  | { action: 'answer'; measures: string; fileCount: number }
  | { action: 'accept' }
  | { action: 'return' | 'withdraw'; reason: string };
export type FindingRefusal = 'measures_missing' | 'reason_missing';

export const findingWorkflow = defineWorkflow<FindingState, FindingAction, FindingFacts, FindingRelation, FindingInput, FindingRefusal>({
  entity: 'supervision_finding',
  states: FINDING_STATES,
  actions: FINDING_ACTIONS,
  relations: FINDING_RELATIONS,
  transitions: {
    open: { answer: 'answered', withdraw: 'withdrawn' },
    answered: { accept: 'closed', return: 'returned', withdraw: 'withdrawn' },
    returned: { answer: 'answered', withdraw: 'withdrawn' },
    closed: {},
    withdrawn: {},
  },
  guard: (_f, input) => {
    if (input.action === 'answer' && input.measures.trim() === '') return 'measures_missing';
    if ((input.action === 'return' || input.action === 'withdraw') && input.reason.trim() === '') return 'reason_missing';
    return null;
  },
  refusalMessages: {
    not_in_state: '该问题当前状态下不能进行此操作，请刷新后查看',
    measures_missing: '请填写整改措施',
    reason_missing: '请填写原因',
  },
  permits: {
    answer: { by: ['unit'], duty: {} },
    accept: { by: ['group'], duty: {} },
    return: { by: ['group'] },
    withdraw: { by: ['group'] },
  },
});

/** Overdue: the unit still owes an answer and the due day has passed. */
export const findingOverdue = (f: { status: FindingState; dueDate: string }, today: string) =>
  (f.status === 'open' || f.status === 'returned') && f.dueDate < today;

/** The longest a group may give a unit to answer, and how far back a visit may be recorded. */
export const MAX_FINDING_DAYS = 365;
export const MAX_VISIT_AGE_DAYS = 365;

/** Why a visit's day is refused, or null. */
export function visitDateRefusal(visitedOn: string, today: string): string | null {
  if (visitedOn > today) return '督导日期不能晚于今天';
  if (visitedOn < addDays(today, -MAX_VISIT_AGE_DAYS)) return '督导日期不能早于一年前';
  return null;
}

/** Why a finding's due day is refused, or null: not before the visit, not more than a year after it. */
export function findingDueRefusal(dueDate: string, visitedOn: string): string | null {
  if (dueDate < visitedOn) return '整改期限不能早于督导日期';
  if (dueDate > addDays(visitedOn, MAX_FINDING_DAYS)) return '整改期限不能晚于督导日期后一年';
  return null;
}

/** 看查问: the three ways a group checks a unit (seed 003 三.(二)). */
export const VISIT_METHODS = ['look', 'check', 'ask'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];
export const VISIT_METHOD_LABELS: Record<VisitMethod, string> = { look: '看日常安全管理', check: '查现场安全隐患', ask: '问一线员工操作' };

/** How a group rates one item of the unit checklist (附件1): 到位, 不到位 (a finding), 不涉及. */
export const VISIT_RESULTS = ['done', 'not_done', 'not_applicable'] as const;
export type VisitResult = (typeof VISIT_RESULTS)[number];
export const VISIT_RESULT_LABELS: Record<VisitResult, string> = { done: '到位', not_done: '不到位', not_applicable: '不涉及' };
