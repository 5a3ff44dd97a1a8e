// A public report (群众举报) as the office triages it, on the workflow kernel: 待核查 → 核查中 →
// 属实 / 部分属实 / 不属实, or straight to 重复 (linking the earlier report) or 不予受理, always
// with a reason. The office of the report's township (or the district office) runs it and may ask
// a department to investigate; that department may then record the finding too. The public reply
// and the internal note are side actions in any state: the reply is what the reporter reads on the
// code page, the note never leaves the office.
import { addDays } from '../common/dates.ts';
import { defineWorkflow } from '../workflow/workflow.ts';

export const TIP_STATES = ['pending', 'investigating', 'substantiated', 'partly_substantiated', 'unfounded', 'duplicate', 'rejected'] as const;
export type TipState = (typeof TIP_STATES)[number];
export const TIP_STATE_LABELS: Record<TipState, string> = {
  pending: '待核查', investigating: '核查中', substantiated: '属实', partly_substantiated: '部分属实', unfounded: '不属实', duplicate: '重复', rejected: '不予受理',
};
/** Still awaiting the office (not concluded). */
export const OPEN_TIP_STATES = ['pending', 'investigating'] as const satisfies readonly TipState[];
/** Found true in whole or part: a hazard was recorded and a reward may be decided. */
export const TRUE_TIP_STATES = ['substantiated', 'partly_substantiated'] as const satisfies readonly TipState[];

export const TIP_ACTIONS = ['accept', 'assign', 'substantiate', 'substantiate_partly', 'find_unfounded', 'mark_duplicate', 'reject', 'reply', 'note'] as const;
export type TipAction = (typeof TIP_ACTIONS)[number];
export const TIP_ACTION_LABELS: Record<TipAction, string> = {
  accept: '受理核查', assign: '指派科室', substantiate: '核查属实', substantiate_partly: '部分属实', find_unfounded: '核查不属实',
  mark_duplicate: '重复举报', reject: '不予受理', reply: '答复举报人', note: '内部备注',
};
/** The conclusions that record a hazard through the hazards' own use case. */
export const HAZARD_CREATING_ACTIONS = ['substantiate', 'substantiate_partly'] as const satisfies readonly TipAction[];

/** office: the 安委办 over the report's township (or the district's); assignee: the department asked to investigate. */
export const TIP_RELATIONS = ['office', 'assignee'] as const;
export type TipRelation = (typeof TIP_RELATIONS)[number];

export interface TipFacts {
  status: TipState;
}
export type TipInput =
  | { action: 'accept' | 'assign' | 'substantiate' | 'substantiate_partly' | 'note' }
  | { action: 'find_unfounded' | 'reject'; reason: string }
  | { action: 'mark_duplicate'; reason: string; duplicateOfOpenable: boolean; sameReport: boolean }
  | { action: 'reply'; reply: string };
export type TipRefusal = 'reason_missing' | 'duplicate_unknown' | 'duplicate_self' | 'reply_missing';

export const tipWorkflow = defineWorkflow<TipState, TipAction, TipFacts, TipRelation, TipInput, TipRefusal>({
  entity: 'public_report',
  states: TIP_STATES,
  actions: TIP_ACTIONS,
  relations: TIP_RELATIONS,
  transitions: {
    pending: { accept: 'investigating', mark_duplicate: 'duplicate', reject: 'rejected', reply: 'pending', note: 'pending' },
    investigating: {
      assign: 'investigating', substantiate: 'substantiated', substantiate_partly: 'partly_substantiated', find_unfounded: 'unfounded',
      mark_duplicate: 'duplicate', reply: 'investigating', note: 'investigating',
    },
    substantiated: { reply: 'substantiated', note: 'substantiated' },
    partly_substantiated: { reply: 'partly_substantiated', note: 'partly_substantiated' },
    unfounded: { reply: 'unfounded', note: 'unfounded' },
    duplicate: { reply: 'duplicate', note: 'duplicate' },
    rejected: { reply: 'rejected', note: 'rejected' },
  },
  guard: (_f, input) => {
    if ((input.action === 'find_unfounded' || input.action === 'reject' || input.action === 'mark_duplicate') && input.reason.trim() === '') return 'reason_missing';
    if (input.action === 'mark_duplicate' && input.sameReport) return 'duplicate_self';
    if (input.action === 'mark_duplicate' && !input.duplicateOfOpenable) return 'duplicate_unknown';
    if (input.action === 'reply' && input.reply.trim() === '') return 'reply_missing';
    return null;
  },
  refusalMessages: {
    not_in_state: '该举报当前状态下不能进行此操作，请刷新后查看',
    reason_missing: '请填写理由',
    duplicate_unknown: '所选的原举报不存在或不在您的管辖范围内',
    duplicate_self: '不能将举报标记为与自身重复',
    reply_missing: '请填写答复内容',
  },
  permits: {
    accept: { by: ['office'], duty: {} },
    assign: { by: ['office'] },
    substantiate: { by: ['office', 'assignee'], duty: {} },
    substantiate_partly: { by: ['office', 'assignee'] },
    find_unfounded: { by: ['office', 'assignee'] },
    mark_duplicate: { by: ['office'] },
    reject: { by: ['office'] },
    reply: { by: ['office'] },
    note: { by: ['office', 'assignee'] },
  },
});

/**
 * 核查时限: a report is to be concluded within 30 days of its arrival (the 安全生产举报 practice of
 * answering within a month; a district that needs another figure changes this one constant).
 */
export const TIP_CONCLUDE_DAYS = 30;
export const tipDueDay = (submittedDay: string): string => addDays(submittedDay, TIP_CONCLUDE_DAYS);
/** Overdue: still open past its due day. */
export const tipOverdue = (t: { status: TipState; submittedDay: string }, today: string): boolean =>
  (t.status === 'pending' || t.status === 'investigating') && tipDueDay(t.submittedDay) < today;
