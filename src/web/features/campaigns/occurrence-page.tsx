// /occurrences/:key: one task's due date for one unit: the task, the state, what the system already
// holds for the window (inspections by the unit: 最多报一次), every report with its review, the
// history (签收, 报送, 确认/退回, 催办); the unit 签收s and files here, the office confirms,
// returns or urges.
import { Alert, App, Button, Card, Descriptions, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useCurrentUser } from '../../lib/auth.ts';
import { formatMinute } from '../../lib/format.ts';
import { useAcknowledge, useOccurrence, useUrge } from './api/progress.ts';
import { OCCURRENCE_STATE_COLORS, OCCURRENCE_STATE_LABELS, taskNo } from './components/labels.ts';
import { ReportCard } from './components/report-card.tsx';
import { ReportForm } from './components/report-form.tsx';

export function OccurrencePage() {
  const { key = '' } = useParams();
  const occ = useOccurrence(key);
  const ack = useAcknowledge(key);
  const urge = useUrge();
  const { message } = App.useApp();
  const me = useCurrentUser();
  if (occ.isError) {
    return <PageContainer title="任务落实情况" backTo={paths.campaigns.myTasks}><ErrorDisplay error={occ.error} onRetry={() => void occ.refetch()} /></PageContainer>;
  }
  const o = occ.data;
  if (!o) return <PageContainer title="任务落实情况"><Card><Skeleton active /></Card></PageContainer>;
  // The unit's own task came from 我的任务; another unit's from the campaign's 落实情况.
  const backTo = o.unitId === me.unit.id ? paths.campaigns.myTasks : paths.campaigns.detail(o.campaignId, 'matrix');
  const can = (a: (typeof o.allowedActions)[number]) => o.allowedActions.includes(a);
  const onErr = (e: unknown) => void message.error(errorMessage(e));

  return (
    <PageContainer
      title={`${o.taskNumber ? `${taskNo(o.taskNumber)}任务` : '任务'}落实情况`}
      subTitle={<Flex gap={4} wrap align="center"><Tag color={OCCURRENCE_STATE_COLORS[o.state]}>{OCCURRENCE_STATE_LABELS[o.state]}</Tag>{o.overdue && <Tag color="error">已逾期</Tag>}{o.unitName} · {o.due} 到期</Flex>}
      backTo={backTo}
      extra={<>
        {can('acknowledge') && <Button onClick={() => ack.mutate(undefined, { onError: onErr })} loading={ack.isPending} data-testid="occurrence-ack">签收</Button>}
        {can('urge') && <Button onClick={() => urge.mutate({ keys: [o.key], note: null }, { onSuccess: () => void message.success('已催办'), onError: onErr })} loading={urge.isPending} data-testid="occurrence-urge">催办</Button>}
      </>}
    >
      <Card size="small">
        {/* What to do first: the requirement and its date, then where it comes from. */}
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} items={[
          { key: 'r', label: '工作要求', span: 2, children: o.requirement },
          { key: 'd', label: '时限', children: `${o.due}（${o.deadlineText || o.deadline.label}）` },
          { key: 'w', label: '本期', children: `${o.from} 至 ${o.due}` },
          { key: 'u', label: '责任单位', children: o.unitName },
          { key: 'a', label: '签收', children: o.ackState },
          { key: 'c', label: '专项行动', children: <Link to={paths.campaigns.detail(o.campaignId)}>{o.campaignName}</Link> },
          { key: 'g', label: '专项行动（分组）', children: o.groupName || '—' },
          ...(o.action ? [{ key: 't', label: '行动任务', span: 2, children: <Typography.Paragraph ellipsis={{ rows: 3, expandable: true, symbol: '展开' }} style={{ marginBottom: 0 }}>{o.action}</Typography.Paragraph> }] : []),
        ]} />
      </Card>
      {o.state === 'returned' && o.reports.at(-1)?.reviewReason && (
        <Alert type="warning" showIcon style={{ marginTop: 16 }} title={`已退回：${o.reports.at(-1)!.reviewReason}`} description="请按退回意见补充后重新报送。" />
      )}
      {o.evidence && (
        <Card size="small" title={`领导活动记录（${o.evidence.label}）`} style={{ marginTop: 16 }} data-testid="occurrence-evidence">
          <Typography.Paragraph type={o.evidence.met ? 'success' : 'warning'}>
            {o.evidence.met ? '本期已按要求开展，自动确认。' : '本期尚未按要求开展：相关领导登记活动后自动确认。'}
          </Typography.Paragraph>
          {o.evidence.records.length === 0 ? <Typography.Text type="secondary">本期没有计入的活动</Typography.Text> : (
            <Flex vertical gap={4}>
              {o.evidence.records.map((r) => <Link key={r.id} to={r.href}>{r.day} {r.title}（{r.who}）</Link>)}
            </Flex>
          )}
        </Card>
      )}
      {can('report') && <ReportForm occurrence={o} />}
      {o.reports.slice().reverse().map((r) => <ReportCard key={r.id} report={r} />)}
      {o.history.length > 0 && (
        <Card size="small" title="办理记录" style={{ marginTop: 16 }}>
          <Timeline items={o.history.map((h, i) => ({ key: i, content: <><b>{h.what}</b> {h.who} <Typography.Text type="secondary">{formatMinute(h.at)}</Typography.Text>{h.note && <div>{h.note}</div>}</> }))} />
        </Card>
      )}
    </PageContainer>
  );
}
