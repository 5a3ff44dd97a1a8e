// A progress report (工作落实情况) as a workflow-kernel definition: a unit files it (a new
// revision, outside the kernel: filing creates the record), the campaign's office confirms it or
// returns it with a reason; a returned report is answered by filing a new revision.
import { defineWorkflow } from '../workflow/workflow.ts';

export const PROGRESS_REPORT_STATES = ['submitted', 'confirmed', 'returned'] as const;
export type ProgressReportState = (typeof PROGRESS_REPORT_STATES)[number];
export const PROGRESS_REPORT_ACTIONS = ['confirm', 'return'] as const;
export type ProgressReportAction = (typeof PROGRESS_REPORT_ACTIONS)[number];
export const PROGRESS_REPORT_ACTION_LABELS: Record<ProgressReportAction, string> = { confirm: '确认', return: '退回' };

/** reviewer: the 安委办 (or an admin) of the campaign's region. */
export const PROGRESS_REPORT_RELATIONS = ['reviewer'] as const;
export type ProgressReportRelation = (typeof PROGRESS_REPORT_RELATIONS)[number];

export interface ProgressReportFacts {
  status: ProgressReportState;
  /** A later revision exists: only the latest is reviewed. */
  superseded: boolean;
}
export type ProgressReportInput = { action: 'confirm' } | { action: 'return'; reason: string };
export type ProgressReportRefusal = 'reason_missing' | 'superseded';

export const progressReportWorkflow = defineWorkflow<ProgressReportState, ProgressReportAction, ProgressReportFacts, ProgressReportRelation, ProgressReportInput, ProgressReportRefusal>({
  entity: 'progress_report',
  states: PROGRESS_REPORT_STATES,
  actions: PROGRESS_REPORT_ACTIONS,
  relations: PROGRESS_REPORT_RELATIONS,
  transitions: { submitted: { confirm: 'confirmed', return: 'returned' }, confirmed: {}, returned: {} },
  guard: (f, input) => {
    if (f.superseded) return 'superseded';
    if (input.action === 'return' && input.reason.trim() === '') return 'reason_missing';
    return null;
  },
  refusalMessages: {
    not_in_state: '该落实情况已审核，不能重复审核',
    reason_missing: '退回时请填写退回原因',
    superseded: '该单位已重新报送，请审核最新报送',
  },
  permits: {
    confirm: { by: ['reviewer'], duty: {} },
    return: { by: ['reviewer'] },
  },
});
