// 领导活动: the leaders' studies, meetings, heard briefings, inspections… of the region, with kind
// tabs, search, filters (level, dates, leader) and pages; a phone sees cards.
import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, type TableProps, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TActivityItem } from '../../../contract/leadership.ts';
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, ACTIVITY_LEVELS, ACTIVITY_LEVEL_LABELS, LEADER_POST_LABELS } from '../../../domain/supervision/leadership.ts';
import { paths } from '../../app/paths.ts';
import { CountTabs } from '../../components/count-tabs.tsx';
import { FilterCard } from '../../components/filter-card.tsx';
import { DateRangeFilter, type FilterPanelProps, filterSelect } from '../../components/list-filters.tsx';
import { CardList, ListTable, PagedResults, type PagedViewProps } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { SearchBox } from '../../components/search-box.tsx';
import { useCan } from '../../lib/abilities.ts';
import { type SearchPatch, boolParam, dateParam, enumParam, intParam, pagePatch, useSearchState, uuidParam } from '../../lib/search-params.ts';
import { useActivityList, useRegionLeaders } from './api/leadership.ts';

const DEFAULT_PAGE_SIZE = 20;
const PANEL_KEYS = ['level', 'from', 'to', 'leaderUserId', 'voided'] as const;
const EMPTY = '没有领导活动记录';

export const leaderText = (a: Pick<TActivityItem, 'leaders'>) => a.leaders.map((l) => l.name).join('、');

function Filters(props: FilterPanelProps) {
  const leaders = useRegionLeaders();
  const select = filterSelect(props, { width: 140, testIdPrefix: 'leadership-filter-' });
  return (
    <Flex gap={8} wrap vertical={props.vertical} className="filters">
      {select('level', '级别', ACTIVITY_LEVELS.map((l) => ({ value: l, label: ACTIVITY_LEVEL_LABELS[l] })))}
      {select('leaderUserId', '参加领导', (leaders.data?.items ?? []).map((l) => ({ value: l.userId, label: `${l.name}（${LEADER_POST_LABELS[l.post]}）` })))}
      <DateRangeFilter {...props} placeholder={['活动日期起', '活动日期止']} testId="leadership-filter-dates" />
      {select('voided', '作废记录', [{ value: 'true', label: '含已作废' }])}
    </Flex>
  );
}

function ActivityTable(p: PagedViewProps<TActivityItem>) {
  const columns: TableProps<TActivityItem>['columns'] = [
    { title: '日期', dataIndex: 'heldOn', key: 'heldOn', width: 100 },
    { title: '类型', key: 'kind', width: 140, render: (_v, a) => <Tag>{ACTIVITY_KIND_LABELS[a.kind]}</Tag> },
    {
      title: '主题', key: 'topic',
      render: (_v, a) => (
        <Link to={paths.leadership.detail(a.id)} data-testid="leadership-link">
          {a.topic}{a.voided && <Tag style={{ marginLeft: 8 }}>已作废</Tag>}
        </Link>
      ),
    },
    { title: '参加领导', key: 'leaders', width: 200, ellipsis: true, render: (_v, a) => leaderText(a) },
    { title: '地点/企业', key: 'place', width: 160, ellipsis: true, render: (_v, a) => a.enterprise?.name ?? a.place ?? '—' },
    { title: '级别', key: 'level', width: 80, render: (_v, a) => ACTIVITY_LEVEL_LABELS[a.level] },
    { title: '登记单位', dataIndex: 'unitName', key: 'unit', width: 110 },
    { title: '附件', key: 'files', width: 60, render: (_v, a) => (a.fileCount ? <span><PaperClipOutlined /> {a.fileCount}</span> : '') },
  ];
  return <ListTable {...p} columns={columns} scrollX={1000} emptyText={EMPTY} testId="leadership-table" />;
}

function ActivityCards(p: PagedViewProps<TActivityItem>) {
  return (
    <CardList
      {...p}
      emptyText={EMPTY}
      testId="leadership-cards"
      renderItem={(a) => (
        <Link key={a.id} to={paths.leadership.detail(a.id)} className="card-link" data-testid="leadership-link">
          <Card size="small">
            <Flex justify="space-between" gap={8}><strong>{a.topic}</strong><Tag>{ACTIVITY_KIND_LABELS[a.kind]}</Tag></Flex>
            <Typography.Paragraph ellipsis={{ rows: 1 }} style={{ margin: '4px 0 0' }}>{leaderText(a)}</Typography.Paragraph>
            <div className="card-meta">
              {a.heldOn} · {a.enterprise?.name ?? a.place ?? a.unitName}{a.fileCount ? ` · 附件${a.fileCount}` : ''}{a.voided ? ' · 已作废' : ''}
            </div>
          </Card>
        </Link>
      )}
    />
  );
}

export function ActivityListPage() {
  const { values, update, reset } = useSearchState();
  const filter = {
    q: values.q?.trim() ? values.q.trim().slice(0, 64) : undefined,
    kind: enumParam(values.kind, ACTIVITY_KINDS),
    level: enumParam(values.level, ACTIVITY_LEVELS),
    from: dateParam(values.from),
    to: dateParam(values.to),
    leaderUserId: uuidParam(values.leaderUserId),
    voided: boolParam(values.voided),
  };
  const query = { ...filter, page: intParam(values.page, 1), pageSize: intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100) };
  const list = useActivityList(query);
  const can = useCan();
  const setFilter = (patch: SearchPatch) => update(patch, { resetPage: true });
  const setPage = (page: number, pageSize: number) => update(pagePatch(page, pageSize, DEFAULT_PAGE_SIZE));
  const counts = list.data?.counts;
  const filterCount = PANEL_KEYS.filter((k) => values[k]).length;
  const extra = can('record:leadership') && (
    <Link to={paths.leadership.create}><Button type="primary" icon={<PlusOutlined />} data-testid="leadership-create">登记活动</Button></Link>
  );

  return (
    <PageContainer title="领导活动" extra={extra}>
      <FilterCard
        search={<SearchBox value={values.q} onSearch={(q) => setFilter({ q: q || undefined })} placeholder="主题、地点、领导姓名" testId="leadership-search" />}
        filterCount={filterCount}
        filters={(vertical) => <Filters values={values} onChange={setFilter} vertical={vertical} />}
        showClear={filterCount > 0 || !!values.q || !!values.kind}
        onClear={() => reset(['pageSize'])}
        drawerSize="40%"
      />
      <CountTabs
        value={query.kind}
        onChange={(kind) => setFilter({ kind })}
        allCount={counts ? ACTIVITY_KINDS.reduce((n, k) => n + (counts[k] ?? 0), 0) : undefined}
        tabs={ACTIVITY_KINDS.map((k) => ({ key: k, label: ACTIVITY_KIND_LABELS[k], count: counts?.[k] }))}
        testIdPrefix="leadership-tab-"
      />
      <PagedResults
        list={list}
        page={query.page}
        pageSize={query.pageSize}
        onPageChange={setPage}
        cards={(p) => <ActivityCards {...p} />}
        table={(p) => <ActivityTable {...p} />}
      />
    </PageContainer>
  );
}
