// /campaigns: the campaigns of the user's region (a district's and its townships'), with their
// state, current stage and figures; 新建 for the office.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Progress, Segmented, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TCampaignListItem } from '../../../contract/campaigns.ts';
import { paths } from '../../app/paths.ts';
import { CardList, ListTable, PagedResults } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { SearchBox } from '../../components/search-box.tsx';
import { enumParam, intParam, pagePatch, useSearchState } from '../../lib/search-params.ts';
import { useCampaigns } from './api/campaigns.ts';
import { CampaignFormModal } from './components/campaign-form-modal.tsx';
import { CAMPAIGN_STATE_COLORS, CAMPAIGN_STATE_LABELS } from './components/labels.ts';

const STATES = ['active', 'draft', 'ended'] as const;

export function CampaignListPage() {
  const { values, update } = useSearchState();
  const state = enumParam(values.state, STATES);
  const page = intParam(values.page, 1);
  const pageSize = intParam(values.pageSize, 20, 100);
  const list = useCampaigns({ state, q: values.q || undefined, page, pageSize });
  const [creating, setCreating] = useState(false);

  const navigate = useNavigate();
  const progress = (c: TCampaignListItem) => c.figures.dueSoFar === 0 ? <Typography.Text type="secondary">{c.figures.tasks} 项任务</Typography.Text> : (
    <Flex vertical gap={0}>
      <Progress size="small" showInfo={false} percent={Math.round((c.figures.confirmed / c.figures.dueSoFar) * 100)} aria-label={`已确认 ${c.figures.confirmed}/${c.figures.dueSoFar}`} />
      <span>已确认 {c.figures.confirmed}/{c.figures.dueSoFar}</span>
      {c.figures.overdue > 0 && <span style={{ color: '#a8071a' }}>逾期未报 {c.figures.overdue}</span>}
    </Flex>
  );
  const stage = (c: TCampaignListItem) => c.currentStage ?? (c.state === 'ended' ? '已结束' : '—');
  const emptyText = values.q || state ? '没有符合条件的专项行动' : '还没有专项行动';

  const columns: TableProps<TCampaignListItem>['columns'] = [
    {
      title: '专项行动', key: 'name',
      render: (_v, c) => (
        <Flex vertical gap={2}>
          <Link to={paths.campaigns.detail(c.id)}>{c.name}</Link>
          <Typography.Text type="secondary">{[c.docNumber, c.issuerName].filter(Boolean).join(' · ')}</Typography.Text>
        </Flex>
      ),
    },
    { title: '状态', key: 'state', width: 90, render: (_v, c) => <Tag color={CAMPAIGN_STATE_COLORS[c.state]}>{CAMPAIGN_STATE_LABELS[c.state]}</Tag> },
    { title: '期间', key: 'period', width: 200, render: (_v, c) => `${c.periodStart} 至 ${c.periodEnd}` },
    { title: '当前阶段', key: 'stage', width: 130, render: (_v, c) => stage(c) },
    { title: '落实情况', key: 'progress', width: 190, render: (_v, c) => progress(c) },
  ];

  return (
    <PageContainer
      title="专项行动"
      extra={list.data?.allowedActions.includes('create') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="campaign-create">新建专项行动</Button>}
    >
      <Card size="small" className="filter-card">
        <Flex gap={8} wrap align="center">
          <Segmented
            value={state ?? 'all'}
            options={[{ value: 'all', label: '全部' }, ...STATES.map((s) => ({ value: s, label: CAMPAIGN_STATE_LABELS[s] }))]}
            onChange={(v) => update({ state: v === 'all' ? undefined : String(v) }, { resetPage: true })}
          />
          <SearchBox value={values.q} onSearch={(q) => update({ q: q || undefined }, { resetPage: true })} placeholder="名称或文号" testId="campaign-search" />
        </Flex>
      </Card>
      <PagedResults
        list={list} page={page} pageSize={pageSize} onPageChange={(p, size) => update(pagePatch(p, size, 20))}
        table={(p) => <ListTable {...p} columns={columns} scrollX={820} emptyText={emptyText} unit="项专项行动" testId="campaign-table" />}
        cards={(p) => (
          <CardList {...p} emptyText={emptyText} unit="项专项行动" testId="campaign-cards" renderItem={(c) => (
            <Card key={c.id} size="small" hoverable onClick={() => navigate(paths.campaigns.detail(c.id))} data-testid="campaign-card">
              <Flex vertical gap={4}>
                <Flex gap={8} align="start" justify="space-between">
                  <Typography.Text strong>{c.name}</Typography.Text>
                  <Tag color={CAMPAIGN_STATE_COLORS[c.state]} style={{ marginInlineEnd: 0 }}>{CAMPAIGN_STATE_LABELS[c.state]}</Tag>
                </Flex>
                <Typography.Text type="secondary">{[c.docNumber, c.issuerName].filter(Boolean).join(' · ')}</Typography.Text>
                <span>{c.periodStart} 至 {c.periodEnd}{c.currentStage ? ` · ${c.currentStage}` : ''}</span>
                {progress(c)}
              </Flex>
            </Card>
          )} />
        )}
      />
      <CampaignFormModal open={creating} onClose={() => setCreating(false)} parentOptions={list.data?.parentOptions ?? []} />
    </PageContainer>
  );
}
