// One filing of 工作落实情况 with its attachments, linked inspections and review; the office
// confirms or returns the latest one here.
import { App, Button, Card, Flex, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { OccurrenceData } from '../api/keys.ts';
import { paths } from '../../../app/paths.ts';
import { errorMessage } from '../../../lib/api.ts';
import { formatMinute } from '../../../lib/format.ts';
import { useReviewReport } from '../api/progress.ts';

type Report = OccurrenceData['reports'][number];
const STATUS = { submitted: { label: '待确认', color: 'processing' }, confirmed: { label: '已确认', color: 'success' }, returned: { label: '已退回', color: 'warning' } } as const;

export function ReportCard({ report: r }: { report: Report }) {
  const review = useReviewReport();
  const { message } = App.useApp();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const onErr = (e: unknown) => void message.error(errorMessage(e));
  return (
    <Card
      size="small" style={{ marginTop: 16 }} data-testid="report-card"
      title={<Flex gap={8} align="center" wrap>第 {r.revision} 次报送<Tag color={STATUS[r.status].color}>{STATUS[r.status].label}</Tag></Flex>}
      extra={<Typography.Text type="secondary">{r.filedByName} {formatMinute(r.filedAt)}</Typography.Text>}
    >
      <Flex vertical gap={8}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.text}</Typography.Paragraph>
        {r.count !== null && <span>完成数量：{r.count}</span>}
        {r.inspections.length > 0 && (
          <Flex gap={4} wrap>关联检查：{r.inspections.map((i) => <Link key={i.id} to={paths.inspections.detail(i.id)}>{i.number ?? i.enterpriseName}（{i.at}）</Link>)}</Flex>
        )}
        {r.files.length > 0 && <Flex gap={8} wrap>附件：{r.files.map((f) => <a key={f.id} href={f.url} target="_blank" rel="noreferrer">{f.name}</a>)}</Flex>}
        {r.reviewedAt && (
          <Typography.Text type={r.status === 'returned' ? 'warning' : 'secondary'}>
            {r.status === 'returned' ? `退回原因：${r.reviewReason ?? ''}` : '已确认'}（{r.reviewedByName} {formatMinute(r.reviewedAt)}）
          </Typography.Text>
        )}
        {r.allowedActions.length > 0 && (
          <Flex gap={8}>
            {r.allowedActions.includes('confirm') && (
              <Button type="primary" loading={review.isPending} onClick={() => review.mutate({ id: r.id, body: { action: 'confirm', version: r.version } }, { onError: onErr })} data-testid="report-confirm">确认</Button>
            )}
            {r.allowedActions.includes('return') && <Button danger onClick={() => setReturning(true)} data-testid="report-return">退回</Button>}
          </Flex>
        )}
      </Flex>
      <Modal
        title="退回落实情况" open={returning} okText="退回" cancelText="取消" okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }} confirmLoading={review.isPending}
        onCancel={() => setReturning(false)}
        onOk={() => review.mutate({ id: r.id, body: { action: 'return', reason, version: r.version } }, { onSuccess: () => setReturning(false), onError: onErr })}
      >
        <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="退回原因（至少2个字），责任单位将按此补充" data-testid="report-return-reason" />
      </Modal>
    </Card>
  );
}
