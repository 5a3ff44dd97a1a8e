// A finding's state and overdue tags, and the colours of a visit's checklist results.
import { Tag } from 'antd';
import { FINDING_STATE_LABELS, type FindingState, VISIT_RESULT_LABELS, type VisitResult } from '../../../../domain/supervision/finding-workflow.ts';

const STATE_COLOR: Record<FindingState, string> = { open: 'orange', answered: 'blue', returned: 'red', closed: 'green', withdrawn: 'default' };
const RESULT_COLOR: Record<VisitResult, string> = { done: 'green', not_done: 'red', not_applicable: 'default' };

export function FindingStateTag({ status, overdue }: { status: FindingState; overdue?: boolean }) {
  return (
    <>
      <Tag color={STATE_COLOR[status]} data-testid="finding-state">{FINDING_STATE_LABELS[status]}</Tag>
      {overdue && <Tag color="red">逾期</Tag>}
    </>
  );
}

export const ResultTag = ({ result }: { result: VisitResult | null }) =>
  result ? <Tag color={RESULT_COLOR[result]}>{VISIT_RESULT_LABELS[result]}</Tag> : <Tag>未评</Tag>;
