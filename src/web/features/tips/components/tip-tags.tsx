// A public report's state tag (with 已超时限 while open past its 30 days).
import { Tag } from 'antd';
import { TIP_STATE_LABELS, type TipState } from '../../../../domain/tips/tip-workflow.ts';

const STATE_COLOR: Record<TipState, string> = {
  pending: 'orange', investigating: 'blue', substantiated: 'red', partly_substantiated: 'volcano', unfounded: 'default', duplicate: 'default', rejected: 'default',
};

export function TipStateTag({ status, overdue }: { status: TipState; overdue?: boolean }) {
  return (
    <>
      <Tag color={STATE_COLOR[status]} data-testid="tip-state">{TIP_STATE_LABELS[status]}</Tag>
      {overdue && <Tag color="red">超时限</Tag>}
    </>
  );
}
