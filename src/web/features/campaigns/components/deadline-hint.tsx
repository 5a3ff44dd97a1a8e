// What a 时限要求 phrase means in this campaign, shown under the field while a person types.
import { Typography } from 'antd';
import { useDeferredValue } from 'react';
import { useDeadlinePreview } from '../api/tasks.ts';

export function DeadlineHint({ text, period }: { text: string; period: { start: string; end: string } }) {
  const deferred = useDeferredValue(text);
  const q = useDeadlinePreview(deferred, period);
  if (!text.trim()) return <Typography.Text type="secondary">如：2023年7月30日前、8月中旬、11月中旬、每月、每季度、常态化</Typography.Text>;
  const r = q.data;
  if (!r) return null;
  const dates = r.dueDates.length > 6 ? `${r.dueDates.slice(0, 6).join('、')} 等 ${r.dueDates.length} 个` : r.dueDates.join('、');
  return (
    <Typography.Text type={r.rule.kind === 'unread' ? 'danger' : r.needsConfirmation ? 'warning' : 'success'} data-testid="deadline-hint">
      {r.label}{dates ? `：${dates}` : ''}
    </Typography.Text>
  );
}
