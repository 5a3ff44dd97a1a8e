// The campaign's tab 领导履职: its required frequencies of leaders' activities (seed 000 附件1 rows
// 4–8), each with its compliance table (leader × window: done / missing / due / upcoming, the
// activities counted a tap away); the office adds, edits and removes them, or has them read from
// the task list (识别).
import { BulbOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Popover, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TCampaignLeadership, TRequirement } from '../../../../contract/leadership.ts';
import { COMPLIANCE_STATUS_LABELS, type ComplianceStatus } from '../../../../domain/supervision/compliance.ts';
import { ACTIVITY_KIND_LABELS, LEADER_POST_LABELS } from '../../../../domain/supervision/leadership.ts';
import { paths } from '../../../app/paths.ts';
import { ErrorAlert } from '../../../components/error-display.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { useCampaignLeadership, useVoidRequirement } from '../api/leadership.ts';
import { type RequirementDraft, RequirementModal } from './requirement-modal.tsx';
import { SuggestionsModal } from './suggestions-modal.tsx';
import { windowLabel } from './window-label.ts';

const STATUS_COLORS: Record<ComplianceStatus, string> = { done: 'success', missing: 'error', due: 'processing', upcoming: 'default' };
const STATUS_MARK: Record<ComplianceStatus, string> = { done: '✓', missing: '✗', due: '待', upcoming: '—' };

type Row = TRequirement['rows'][number];

function Cell({ cell, activities }: { cell: Row['cells'][number]; activities: TCampaignLeadership['activities'] }) {
  const tag = <Tag color={STATUS_COLORS[cell.status]} style={{ marginInlineEnd: 0, cursor: cell.activityIds.length ? 'pointer' : undefined }}>{STATUS_MARK[cell.status]}{cell.count > 1 ? ` ${cell.count}` : ''}</Tag>;
  if (cell.activityIds.length === 0) return <span title={`${cell.from} 至 ${cell.due}：${COMPLIANCE_STATUS_LABELS[cell.status]}`}>{tag}</span>;
  const content = (
    <Flex vertical gap={4} style={{ maxWidth: 280 }}>
      {cell.activityIds.map((id) => {
        const a = activities[id];
        return <Link key={id} to={paths.leadership.detail(id)}>{a ? `${a.heldOn} ${ACTIVITY_KIND_LABELS[a.kind]}：${a.topic}` : id}</Link>;
      })}
    </Flex>
  );
  return <Popover title={`${cell.from} 至 ${cell.due}`} content={content} trigger="click">{tag}</Popover>;
}

function ComplianceTable({ r, activities }: { r: TRequirement; activities: TCampaignLeadership['activities'] }) {
  if (!r.frequency.readable) return <Alert type="warning" showIcon title={`无法识别频次要求「${r.frequencyText}」，请修改。`} />;
  if (r.rows.length === 0) {
    return <Alert type="info" showIcon title={`本辖区还没有${r.posts.map((p) => LEADER_POST_LABELS[p]).join('、')}的账号`} description="请系统管理员在用户管理中为领导账号设置领导职务。" />;
  }
  const columns = [
    { title: '领导', key: 'leader', fixed: 'left' as const, width: 130, render: (_v: unknown, row: Row) => <><div>{row.leader.name}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{LEADER_POST_LABELS[row.leader.post]}</Typography.Text></> },
    ...r.frequency.windows.map((w, i) => ({
      title: <span title={`${w.from} 至 ${w.due}`}>{windowLabel(w)}</span>, key: `w${i}`, width: 64, align: 'center' as const,
      render: (_v: unknown, row: Row) => <Cell cell={row.cells[i]!} activities={activities} />,
    })),
  ];
  return (
    <Table<Row> rowKey={(row) => row.leader.userId} size="small" pagination={false} dataSource={r.rows} columns={columns}
      scroll={{ x: 130 + 64 * r.frequency.windows.length }} data-testid="leadership-compliance" />
  );
}

export function CampaignLeadership({ campaignId }: { campaignId: string }) {
  const q = useCampaignLeadership(campaignId);
  const remove = useVoidRequirement(campaignId);
  const { message } = App.useApp();
  const [editing, setEditing] = useState<RequirementDraft | null>(null);
  const [suggesting, setSuggesting] = useState(false);
  if (q.isError) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Skeleton active />;
  const d = q.data;
  const keeps = d.allowedActions.includes('create');
  return (
    <Flex vertical gap={12} data-testid="campaign-leadership">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          专项行动对党政领导的频次要求（如党委主要负责人每3个月听取1次汇报、主要负责人每月开展1次调研检查或专题调度）。关联任务的落实情况按领导活动记录自动确认。
        </Typography.Text>
        {keeps && (
          <Flex gap={8}>
            <Button icon={<BulbOutlined />} onClick={() => setSuggesting(true)} data-testid="leadership-suggest">从工作清单识别</Button>
            <Button icon={<PlusOutlined />} onClick={() => setEditing({})} data-testid="leadership-add-requirement">添加要求</Button>
          </Flex>
        )}
      </Flex>
      <Flex gap={12} wrap>
        {(['done', 'missing', 'due', 'upcoming'] as const).map((s) => <span key={s}><Tag color={STATUS_COLORS[s]}>{STATUS_MARK[s]}</Tag>{COMPLIANCE_STATUS_LABELS[s]}</span>)}
      </Flex>
      {d.requirements.length === 0 && <Empty description={keeps ? '还没有频次要求：可从工作清单识别' : '还没有频次要求'} />}
      {d.requirements.map((r) => (
        <Card
          key={r.id} size="small" data-testid="leadership-requirement"
          title={<Typography.Text strong style={{ whiteSpace: 'normal' }}>{r.label}</Typography.Text>}
          extra={keeps && (
            <Flex gap={4}>
              <Button size="small" type="text" icon={<EditOutlined />} aria-label="修改" onClick={() => setEditing(r)} />
              <Popconfirm title="删除该频次要求？关联任务将恢复按报送确认。" okText="删除" cancelText="取消"
                onConfirm={() => remove.mutate({ id: r.id, version: r.version }, { onError: (e) => void message.error(errorMessage(e)) })}>
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="删除" />
              </Popconfirm>
            </Flex>
          )}
        >
          <Flex vertical gap={8}>
            <Flex gap={4} wrap align="center">
              {r.posts.map((p) => <Tag key={p} color="blue">{LEADER_POST_LABELS[p]}</Tag>)}
              {r.kinds.map((k) => <Tag key={k}>{ACTIVITY_KIND_LABELS[k]}</Tag>)}
              <Tag color="purple">{r.frequencyText}</Tag>
              <Typography.Text type="secondary">已完成 {r.counts.done} · 未完成 {r.counts.missing} · 本期待完成 {r.counts.due}</Typography.Text>
            </Flex>
            {r.task && <Typography.Text type="secondary">关联任务：{r.task.number ? `${r.task.number}. ` : ''}{r.task.requirement}</Typography.Text>}
            <ComplianceTable r={r} activities={d.activities} />
          </Flex>
        </Card>
      ))}
      {editing && <RequirementModal campaignId={campaignId} draft={editing} onClose={() => setEditing(null)} />}
      {suggesting && <SuggestionsModal campaignId={campaignId} onClose={() => setSuggesting(false)} />}
    </Flex>
  );
}
