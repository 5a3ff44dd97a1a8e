// 举报奖励: the rewards in the caller's scope by state (待审批 for a leader, 待发放 for the office),
// each opening its report.
import { type TableProps, Tag } from 'antd';
import { Link } from 'react-router';
import type { TRewardListResponse } from '../../../contract/tips.ts';
import { REWARD_STATES, REWARD_STATE_LABELS, formatYuan } from '../../../domain/tips/reward-workflow.ts';
import { paths } from '../../app/paths.ts';
import { CountTabs } from '../../components/count-tabs.tsx';
import { ListTable, PagedResults, type PagedViewProps } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { enumParam, intParam, pagePatch, useSearchState } from '../../lib/search-params.ts';
import { useRewards } from './api/tips.ts';

type Item = TRewardListResponse['items'][number];
const DEFAULT_PAGE_SIZE = 20;

function RewardTable(p: PagedViewProps<Item>) {
  const columns: TableProps<Item>['columns'] = [
    { title: '举报编号', key: 'number', width: 160, render: (_v, w) => <Link to={paths.tips.detail(w.reportId)} data-testid="reward-link">{w.reportNumber}</Link> },
    { title: '镇街', key: 'township', width: 120, render: (_v, w) => w.township.name },
    { title: '金额（元）', key: 'amount', width: 120, align: 'right', render: (_v, w) => formatYuan(w.amountFen) },
    { title: '举报方式', key: 'anonymous', width: 100, render: (_v, w) => (w.anonymous ? '匿名' : '实名') },
    { title: '提出时间', key: 'at', width: 160, render: (_v, w) => formatDateTime(w.proposedAt) },
    { title: '发放日期', key: 'paid', width: 110, render: (_v, w) => w.paidOn ?? '—' },
    { title: '状态', key: 'status', width: 100, render: (_v, w) => <Tag color={w.status === 'paid' ? 'green' : w.status === 'rejected' ? 'default' : 'orange'}>{REWARD_STATE_LABELS[w.status]}</Tag> },
  ];
  return <ListTable {...p} columns={columns} scrollX={860} emptyText="没有举报奖励" testId="reward-table" />;
}

export function RewardsPage() {
  const { values, update } = useSearchState();
  const query = { status: enumParam(values.status, REWARD_STATES), page: intParam(values.page, 1), pageSize: intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100) };
  const list = useRewards(query);
  const counts = list.data?.counts;
  return (
    <PageContainer title="举报奖励" backTo={paths.tips.list()}>
      <CountTabs value={query.status} onChange={(status) => update({ status }, { resetPage: true })}
        allCount={counts ? REWARD_STATES.reduce((n, s) => n + counts[s], 0) : undefined}
        tabs={REWARD_STATES.map((s) => ({ key: s, label: REWARD_STATE_LABELS[s], count: counts?.[s] }))} testIdPrefix="reward-tab-" />
      <PagedResults list={list} page={query.page} pageSize={query.pageSize} onPageChange={(page, size) => update(pagePatch(page, size, DEFAULT_PAGE_SIZE))}
        cards={(p) => <RewardTable {...p} />} table={(p) => <RewardTable {...p} />} />
    </PageContainer>
  );
}
