// A form submission (报表填报) as a workflow-kernel definition, after DHIS2's data set
// completeness and approval: a unit saves a draft and submits it (a versioned snapshot), the office
// above approves it or returns it with a reason, or excuses the unit from the round; a locked round
// can be reopened for one unit with a reason. A township's own submission of a roll-up form waits
// until every unit below it is approved or excused.
import { defineWorkflow } from '../workflow/workflow.ts';

export const SUBMISSION_STATES = ['draft', 'submitted', 'returned', 'approved', 'excused'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];
/** What a unit's row shows; 'missing' is a unit with nothing saved yet. */
export type SubmissionView = SubmissionState | 'missing';
export const SUBMISSION_STATE_LABELS: Record<SubmissionView, string> = {
  missing: '未填', draft: '已保存', submitted: '已提交', returned: '已退回', approved: '已审核', excused: '免报',
};

export const SUBMISSION_ACTIONS = ['submit', 'approve', 'return', 'excuse', 'reopen'] as const;
export type SubmissionAction = (typeof SUBMISSION_ACTIONS)[number];
export const SUBMISSION_ACTION_LABELS: Record<SubmissionAction, string> = {
  submit: '提交', approve: '审核通过', return: '退回', excuse: '免报', reopen: '重新开放',
};

/** filler: a reporting user of the submission's unit; reviewer: the office that keeps the campaign (or the district's, for a township). */
export const SUBMISSION_RELATIONS = ['filler', 'reviewer'] as const;
export type SubmissionRelation = (typeof SUBMISSION_RELATIONS)[number];

export interface SubmissionFacts {
  status: SubmissionState;
  /** Past the round's grace days and not reopened. */
  locked: boolean;
  /** Manual cells the form needs that are still empty (labels). */
  missingManual: string[];
  /** Units below a township whose submissions are neither approved nor excused (a roll-up waits for them). */
  pendingUnits: string[];
}

export type SubmissionInput =
  | { action: 'submit' | 'approve' }
  | { action: 'return' | 'excuse' | 'reopen'; reason: string };

export type SubmissionRefusal = 'locked' | 'manual_missing' | 'units_pending' | 'reason_missing' | 'not_locked';

export const submissionWorkflow = defineWorkflow<SubmissionState, SubmissionAction, SubmissionFacts, SubmissionRelation, SubmissionInput, SubmissionRefusal>({
  entity: 'report_submission',
  states: SUBMISSION_STATES,
  actions: SUBMISSION_ACTIONS,
  relations: SUBMISSION_RELATIONS,
  transitions: {
    draft: { submit: 'submitted', excuse: 'excused', reopen: 'draft' },
    submitted: { approve: 'approved', return: 'returned', reopen: 'submitted' },
    returned: { submit: 'submitted', excuse: 'excused', reopen: 'returned' },
    // an approved figure found wrong later is returned for a corrected version
    approved: { return: 'returned', reopen: 'approved' },
    excused: {},
  },
  guard: (f, input) => {
    if ('reason' in input && input.reason.trim() === '') return 'reason_missing';
    if (input.action === 'reopen') return f.locked ? null : 'not_locked';
    if (input.action === 'submit') {
      if (f.locked) return 'locked';
      if (f.missingManual.length) return 'manual_missing';
      if (f.pendingUnits.length) return 'units_pending';
    }
    return null;
  },
  refusalMessages: {
    not_in_state: '报表当前状态不能执行此操作',
    locked: '本轮报表已过锁定期，请联系安委办重新开放后再提交',
    manual_missing: '还有需手工填写的指标未填写',
    units_pending: '还有下级单位的报表未审核或免报，汇总表暂不能上报',
    reason_missing: '请填写原因',
    not_locked: '本轮报表尚未锁定，无需重新开放',
  },
  permits: {
    submit: { by: ['filler'], duty: {} },
    approve: { by: ['reviewer'], duty: {} },
    return: { by: ['reviewer'] },
    excuse: { by: ['reviewer'] },
    reopen: { by: ['reviewer'], offerWhen: (f) => f.locked },
  },
});

/** Completeness and timeliness of one round (DHIS2's reporting rates): of the units expected to report. */
export function completeness(rows: readonly { state: SubmissionView; late: boolean }[]) {
  const expected = rows.filter((r) => r.state !== 'excused').length;
  const reported = rows.filter((r) => r.state === 'submitted' || r.state === 'approved').length;
  const onTime = rows.filter((r) => (r.state === 'submitted' || r.state === 'approved') && !r.late).length;
  return { expected, reported, onTime, approved: rows.filter((r) => r.state === 'approved').length, rate: expected ? reported / expected : 1, onTimeRate: expected ? onTime / expected : 1 };
}

/** Overdue: the round's deadline has passed and the unit has not submitted (or was returned). */
export function isOverdueSubmission(state: SubmissionView, deadline: Date, now: Date): boolean {
  return (state === 'missing' || state === 'draft' || state === 'returned') && now > deadline;
}

/** Whether a unit still owes this round (the 工作台 and reminders list these). */
export const owesSubmission = (state: SubmissionView) => state === 'missing' || state === 'draft' || state === 'returned';
