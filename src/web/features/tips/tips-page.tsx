// 群众举报: the public's reports in the caller's scope (the office's township or district; a
// department those it was asked to investigate): open ones first, oldest first, state tabs with
// counts, search, 只看超时限 and 待我处理; the QR poster for the office; a link to the rewards.
import { Button, Card, Flex, Switch, type TableProps, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TTipItem } from '../../../contract/tips.ts';
import { REWARD_STATE_LABELS } from '../../../domain/tips/reward-workflow.ts';
import { OPEN_TIP_STATES, TIP_STATES, TIP_STATE_LABELS } from '../../../domain/tips/tip-workflow.ts';
import { paths } from '../../app/paths.ts';
import { CountTabs } from '../../components/count-tabs.tsx';
import { FilterCard } from '../../components/filter-card.tsx';
import { CardList, ListTable, PagedResults, type PagedViewProps } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { SearchBox } from '../../components/search-box.tsx';
import { useCan } from '../../lib/abilities.ts';
import { formatDateTime } from '../../lib/format.ts';
import { type SearchPatch, enumParam, intParam, pagePatch, useSearchState } from '../../lib/search-params.ts';
import { useTips } from './api/tips.ts';
import { PosterButton } from './components/poster-button.tsx';
import { TipStateTag } from './components/tip-tags.tsx';

const DEFAULT_PAGE_SIZE = 20;
const EMPTY = '没有群众举报';
/** The 30-day due day matters while the report is open; a concluded one has none to keep. */
const isOpen = (t: TTipItem) => (OPEN_TIP_STATES as readonly string[]).includes(t.status);

function TipTable(p: PagedViewProps<TTipItem>) {
  const columns: TableProps<TTipItem>['columns'] = [
    { title: '编号', dataIndex: 'number', key: 'number', width: 150, render: (_v, t) => <Link to={paths.tips.detail(t.id)} data-testid="tip-link">{t.number}</Link> },
    { title: '举报内容', key: 'summary', render: (_v, t) => <Link to={paths.tips.detail(t.id)}>{t.summary}</Link> },
    { title: '镇街/村居', key: 'where', width: 140, render: (_v, t) => [t.township.name, t.village?.name].filter(Boolean).join(' · ') },
    { title: '提交时间', key: 'at', width: 150, render: (_v, t) => formatDateTime(t.submittedAt) },
    { title: '核查时限', key: 'due', width: 100, render: (_v, t) => (isOpen(t) ? t.dueDay : '已办结') },
    { title: '状态', key: 'status', width: 150, render: (_v, t) => <><TipStateTag status={t.status} overdue={t.overdue} />{t.rewardStatus && <Tag color="gold">奖励{REWARD_STATE_LABELS[t.rewardStatus]}</Tag>}</> },
  ];
  return <ListTable {...p} columns={columns} scrollX={900} emptyText={EMPTY} testId="tip-table" />;
}

function TipCards(p: PagedViewProps<TTipItem>) {
  return (
    <CardList {...p} emptyText={EMPTY} testId="tip-cards" renderItem={(t) => (
      <Link key={t.id} to={paths.tips.detail(t.id)} className="card-link" data-testid="tip-link">
        <Card size="small">
          <Flex justify="space-between" gap={8}><strong>{t.number}</strong><span><TipStateTag status={t.status} overdue={t.overdue} /></span></Flex>
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>{t.summary}</Typography.Paragraph>
          <div className="card-meta">{t.township.name}{t.village ? ` · ${t.village.name}` : ''}{isOpen(t) ? ` · 时限 ${t.dueDay}` : ''}{t.anonymous ? ' · 匿名' : ''}</div>
        </Card>
      </Link>
    )} />
  );
}

export function TipsPage() {
  const can = useCan();
  const { values, update, reset } = useSearchState();
  const query = {
    q: values.q?.trim() ? values.q.trim().slice(0, 64) : undefined,
    status: enumParam(values.status, TIP_STATES),
    overdue: values.overdue === 'true' ? ('true' as const) : undefined,
    mine: values.mine === 'true' ? ('true' as const) : undefined,
    page: intParam(values.page, 1),
    pageSize: intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100),
  };
  const list = useTips(query);
  const setFilter = (patch: SearchPatch) => update(patch, { resetPage: true });
  const counts = list.data?.counts;
  const extra = (
    <Flex gap={8} wrap>
      {can('read:tip_reward') && <Link to={paths.tips.rewards()}><Button data-testid="tip-rewards-link">举报奖励</Button></Link>}
      {can('print:tip_poster') && <PosterButton />}
    </Flex>
  );
  return (
    <PageContainer title="群众举报" extra={extra}>
      <FilterCard
        search={<SearchBox value={values.q} onSearch={(q) => setFilter({ q: q || undefined })} placeholder="编号、内容、地点、单位" testId="tip-search" />}
        filterCount={(query.overdue ? 1 : 0) + (query.mine ? 1 : 0)}
        filters={() => (
          <Flex gap={8} align="center" wrap>
            <Switch checked={!!query.mine} onChange={(on) => setFilter({ mine: on ? 'true' : undefined })} aria-label="待我处理" data-testid="tip-mine" />
            <span>待我处理</span>
            <Switch checked={!!query.overdue} onChange={(on) => setFilter({ overdue: on ? 'true' : undefined })} aria-label="只看超时限" data-testid="tip-overdue" />
            <span>只看超时限</span>
          </Flex>
        )}
        showClear={!!(values.q || values.status || query.overdue || query.mine)}
        onClear={() => reset(['pageSize'])}
        drawerSize="40%"
      />
      <CountTabs
        value={query.status}
        onChange={(status) => setFilter({ status })}
        allCount={counts ? TIP_STATES.reduce((n, s) => n + counts[s], 0) : undefined}
        tabs={TIP_STATES.map((s) => ({ key: s, label: TIP_STATE_LABELS[s], count: counts?.[s] }))}
        testIdPrefix="tip-tab-"
      />
      <PagedResults list={list} page={query.page} pageSize={query.pageSize} onPageChange={(page, size) => update(pagePatch(page, size, DEFAULT_PAGE_SIZE))}
        cards={(p) => <TipCards {...p} />} table={(p) => <TipTable {...p} />} />
    </PageContainer>
  );
}
