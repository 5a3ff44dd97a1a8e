// /campaigns/:id: a campaign's stages on a timeline, days left, the figures of its tasks, the
// townships' campaigns implementing it; its task list (工作清单和责任清单) and the office's matrix
// of tasks × units.
import { DownloadOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Skeleton, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useSearchState } from '../../lib/search-params.ts';
import { useCampaign, usePublishCampaign } from './api/campaigns.ts';
import { useExportTasks } from './api/progress.ts';
import { CampaignFormModal } from './components/campaign-form-modal.tsx';
import { CAMPAIGN_STATE_COLORS, CAMPAIGN_STATE_LABELS } from './components/labels.ts';
import { ProgressMatrix } from './components/progress-matrix.tsx';
import { StageTimeline } from './components/stage-timeline.tsx';
import { TaskList } from './components/task-list.tsx';
import { CampaignForms } from '../reports/components/campaign-forms.tsx';
import { CampaignOverview } from '../reports/components/campaign-overview.tsx';
import { CampaignLeadership } from '../leadership/components/campaign-leadership.tsx';
import { useCan } from '../../lib/abilities.ts';

export function CampaignDetailPage() {
  const { id = '' } = useParams();
  const { values, update } = useSearchState();
  const campaign = useCampaign(id);
  const publish = usePublishCampaign(id);
  const exporter = useExportTasks(id);
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const userCan = useCan();

  if (campaign.isError) {
    return (
      <PageContainer title="专项行动" backTo={paths.campaigns.list}>
        <ErrorDisplay error={campaign.error} onRetry={() => void campaign.refetch()} backTo={paths.campaigns.list} />
      </PageContainer>
    );
  }
  const c = campaign.data;
  if (!c) return <PageContainer title="专项行动" backTo={paths.campaigns.list}><Card><Skeleton active /></Card></PageContainer>;
  const can = (a: (typeof c.allowedActions)[number]) => c.allowedActions.includes(a);
  const f = c.figures;
  const tab = values.tab === 'matrix' || values.tab === 'reports' || values.tab === 'overview' || values.tab === 'leadership' ? values.tab : 'tasks';
  const stage = c.currentStageIndex === null ? undefined : c.stages[c.currentStageIndex];

  const extra = (
    <>
      {can('edit') && <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="campaign-edit">修改</Button>}
      {can('publish') && (
        <Popconfirm title="发布后各责任单位即可签收和报送，确定发布？" okText="发布" cancelText="取消" onConfirm={() => publish.mutate(c.version, { onError: (e) => void message.error(errorMessage(e)) })}>
          <Button type="primary" icon={<SendOutlined />} loading={publish.isPending} data-testid="campaign-publish">发布</Button>
        </Popconfirm>
      )}
      <Button icon={<DownloadOutlined />} loading={exporter.isPending} onClick={() => exporter.mutate(undefined, { onError: (e) => void message.error(`导出失败：${errorMessage(e)}`) })} data-testid="campaign-export">
        导出清单
      </Button>
    </>
  );

  return (
    <PageContainer
      title={c.name}
      subTitle={<Flex gap={8} wrap align="center"><Tag color={CAMPAIGN_STATE_COLORS[c.state]}>{CAMPAIGN_STATE_LABELS[c.state]}</Tag>{[c.docNumber, c.issuerName].filter(Boolean).join(' · ')}</Flex>}
      backTo={paths.campaigns.list}
      extra={extra}
    >
      <Card size="small">
        <Flex vertical gap={12}>
          <Typography.Text>
            {c.periodStart} 至 {c.periodEnd}
            {c.state === 'active' && (c.daysLeft >= 0 ? `，还剩 ${c.daysLeft} 天` : '')}
            {c.parent && <>，落实 <Link to={paths.campaigns.detail(c.parent.id)}>{c.parent.name}</Link></>}
          </Typography.Text>
          <StageTimeline c={c} />
          {stage?.due && <Typography.Text data-testid="campaign-stage-due"><b>本阶段（{stage.name}）工作重点：</b>{stage.due}</Typography.Text>}
          {c.note && <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: 'collapsible', symbol: (open) => (open ? '收起' : '展开') }} style={{ marginBottom: 0 }}>说明：{c.note}</Typography.Paragraph>}
          <Flex gap="8px 24px" wrap>
            <Statistic title="任务" value={f.tasks} />
            <Statistic title="已到期节点" value={f.dueSoFar} suffix={`/ ${f.occurrences}`} />
            <Statistic title="已确认" value={f.confirmed} />
            <Statistic title="待确认" value={f.submitted} />
            <Statistic title="已退回" value={f.returned} />
            <Statistic title="逾期未报" value={f.overdue} styles={{ content: f.overdue ? { color: '#a8071a' } : undefined }} />
          </Flex>
          {f.unreadDeadlines > 0 && <Typography.Text type="warning">有 {f.unreadDeadlines} 项任务的时限要求无法识别，未生成报送节点，请在工作清单中修改。</Typography.Text>}
          <Typography.Text type="secondary">常态化任务报送周期：{c.reportCycleLabel}；到期前 {c.remindDaysBefore} 天提醒。</Typography.Text>
          {!c.published && <Typography.Text type="secondary">草稿：导入或添加任务后发布，各责任单位即可签收和报送。</Typography.Text>}
        </Flex>
      </Card>
      {c.children.length > 0 && (
        <Card size="small" title="各镇街落实方案" style={{ marginTop: 16 }}>
          <Table
            rowKey="id" size="small" pagination={false} dataSource={c.children} scroll={{ x: 560 }}
            columns={[
              { title: '专项行动', key: 'name', render: (_v, x) => <Link to={paths.campaigns.detail(x.id)}>{x.name}</Link> },
              { title: '发布单位', dataIndex: 'issuerName', key: 'issuer', width: 120 },
              { title: '已确认/已到期', key: 'done', width: 130, render: (_v, x) => `${x.figures.confirmed}/${x.figures.dueSoFar}` },
              { title: '逾期未报', key: 'late', width: 90, render: (_v, x) => x.figures.overdue },
            ]}
          />
        </Card>
      )}
      <Card size="small" style={{ marginTop: 16 }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => update({ tab: k === 'tasks' ? undefined : k })}
          items={[
            { key: 'tasks', label: '工作清单和责任清单', children: <TaskList campaign={c} /> },
            { key: 'matrix', label: '落实情况', children: <ProgressMatrix campaign={c} /> },
            ...(c.published || can('edit') ? [{ key: 'reports', label: '报表', children: <CampaignForms campaignId={c.id} /> }] : []),
            ...(can('overview') ? [{ key: 'overview', label: '概况', children: <CampaignOverview campaignId={c.id} /> }] : []),
            ...(userCan('read:leadership') ? [{ key: 'leadership', label: '领导履职', children: <CampaignLeadership campaignId={c.id} /> }] : []),
          ]}
        />
      </Card>
      {can('edit') && <CampaignFormModal open={editing} onClose={() => setEditing(false)} campaign={c} />}
    </PageContainer>
  );
}
