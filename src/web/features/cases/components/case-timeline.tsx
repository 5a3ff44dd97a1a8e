import { Empty, Flex, Timeline } from 'antd';
import { CASE_STATUS_LABELS, type CaseStatus } from '../../../../domain/enforcement/enforcement.ts';
import { formatDateTime } from '../../../lib/format.ts';
import type { CaseDetailData } from '../api/keys.ts';

const EVENT_LABELS: Record<string, string> = {
  file: '立案', investigate: '开始调查', decide: '作出决定', execute: '执行决定', close: '结案',
  publish: '公布为典型执法案例', unpublish: '撤回公布', attach: '上传文书',
};

export function CaseTimeline({ c }: { c: CaseDetailData }) {
  if (c.events.length === 0) return <Empty description="暂无记录" />;
  return (
    <Timeline
      data-testid="case-timeline"
      items={c.events.map((e) => ({
        key: e.id,
        color: e.toStatus === 'closed' ? 'green' : 'blue',
        content: (
          <div className="timeline-item">
            <Flex justify="space-between" wrap gap={4}>
              <strong>{EVENT_LABELS[e.action] ?? e.action}</strong>
              <span className="text-muted mono timeline-at">{formatDateTime(e.at)}</span>
            </Flex>
            <div className="record-text">{e.actorName ?? '系统'}</div>
            {e.fromStatus !== e.toStatus && e.toStatus && (
              <div className="record-text text-muted">
                {e.fromStatus ? `${CASE_STATUS_LABELS[e.fromStatus as CaseStatus]} → ` : ''}{CASE_STATUS_LABELS[e.toStatus as CaseStatus]}
              </div>
            )}
            {e.note && <div className="record-text pre-wrap">{e.note}</div>}
          </div>
        ),
      }))}
    />
  );
}
