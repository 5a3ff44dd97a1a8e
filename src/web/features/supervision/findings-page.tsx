// 问题清单: the findings of 督导检查 in the caller's scope (a unit: those sent to it), with state
// tabs, an overdue switch, search, and the unit or group a link came from.
import { Card, Flex, Switch, type TableProps, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TFindingItem } from '../../../contract/supervision.ts';
import { FINDING_STATES, FINDING_STATE_LABELS } from '../../../domain/supervision/finding-workflow.ts';
import { paths } from '../../app/paths.ts';
import { CountTabs } from '../../components/count-tabs.tsx';
import { FilterCard } from '../../components/filter-card.tsx';
import { CardList, ListTable, PagedResults, type PagedViewProps } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { SearchBox } from '../../components/search-box.tsx';
import { type SearchPatch, enumParam, intParam, pagePatch, useSearchState } from '../../lib/search-params.ts';
import { useFindings } from './api/supervision.ts';
import { FindingStateTag } from './components/finding-tags.tsx';

const DEFAULT_PAGE_SIZE = 20;
const EMPTY = '没有督导问题';
const UUID = /^[0-9a-f-]{36}$/i;

function FindingTable(p: PagedViewProps<TFindingItem>) {
  const columns: TableProps<TFindingItem>['columns'] = [
    { title: '问题', key: 'description', render: (_v, f) => <Link to={paths.supervision.finding(f.id)} data-testid="finding-link">{f.description}</Link> },
    { title: '被督导单位', key: 'unit', width: 130, render: (_v, f) => f.unit.name },
    { title: '督导工作组', key: 'group', width: 140, render: (_v, f) => f.group.name },
    { title: '督导日期', dataIndex: 'visitedOn', key: 'visitedOn', width: 100 },
    { title: '整改期限', dataIndex: 'dueDate', key: 'dueDate', width: 100 },
    { title: '状态', key: 'status', width: 130, render: (_v, f) => <FindingStateTag status={f.status} overdue={f.overdue} /> },
  ];
  return <ListTable {...p} columns={columns} scrollX={860} emptyText={EMPTY} testId="finding-table" />;
}

function FindingCards(p: PagedViewProps<TFindingItem>) {
  return (
    <CardList {...p} emptyText={EMPTY} testId="finding-cards" renderItem={(f) => (
      <Link key={f.id} to={paths.supervision.finding(f.id)} className="card-link" data-testid="finding-link">
        <Card size="small">
          <Flex justify="space-between" gap={8}><strong>{f.unit.name}</strong><span><FindingStateTag status={f.status} overdue={f.overdue} /></span></Flex>
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>{f.description}</Typography.Paragraph>
          <div className="card-meta">{f.group.name} · 期限 {f.dueDate}</div>
        </Card>
      </Link>
    )} />
  );
}

export function FindingsPage() {
  const { values, update, reset } = useSearchState();
  const query = {
    q: values.q?.trim() ? values.q.trim().slice(0, 64) : undefined,
    status: enumParam(values.status, FINDING_STATES),
    unitId: values.unitId && UUID.test(values.unitId) ? values.unitId : undefined,
    groupId: values.groupId && UUID.test(values.groupId) ? values.groupId : undefined,
    overdue: values.overdue === 'true' ? ('true' as const) : undefined,
    owed: values.owed === 'true' ? ('true' as const) : undefined,
    page: intParam(values.page, 1),
    pageSize: intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100),
  };
  const list = useFindings(query);
  const setFilter = (patch: SearchPatch) => update(patch, { resetPage: true });
  const counts = list.data?.counts;
  const first = list.data?.items[0];
  const scoped = query.unitId ? first?.unit.name : query.groupId ? first?.group.name : undefined;
  return (
    <PageContainer title="督导问题清单">
      <FilterCard
        search={<SearchBox value={values.q} onSearch={(q) => setFilter({ q: q || undefined })} placeholder="问题描述" testId="finding-search" />}
        filterCount={(query.overdue ? 1 : 0) + (query.owed ? 1 : 0)}
        filters={() => (
          <Flex gap={8} align="center" wrap>
            <Switch checked={!!query.overdue} onChange={(on) => setFilter({ overdue: on ? 'true' : undefined })} data-testid="finding-overdue" aria-label="只看逾期" />
            <span>只看逾期</span>
            {query.owed && <Tag closable onClose={() => setFilter({ owed: undefined })}>待本单位整改（含已退回）</Tag>}
            {(query.unitId || query.groupId) && (
              <Tag closable onClose={() => setFilter({ unitId: undefined, groupId: undefined })}>{query.unitId ? '单位' : '工作组'}：{scoped ?? '所选'}</Tag>
            )}
          </Flex>
        )}
        showClear={!!(values.q || values.status || query.overdue || query.owed || query.unitId || query.groupId)}
        onClear={() => reset(['pageSize'])}
        drawerSize="40%"
      />
      <CountTabs
        value={query.status}
        onChange={(status) => setFilter({ status })}
        allCount={counts ? FINDING_STATES.reduce((n, s) => n + counts[s], 0) : undefined}
        tabs={FINDING_STATES.map((s) => ({ key: s, label: FINDING_STATE_LABELS[s], count: counts?.[s] }))}
        testIdPrefix="finding-tab-"
      />
      <PagedResults list={list} page={query.page} pageSize={query.pageSize} onPageChange={(page, size) => update(pagePatch(page, size, DEFAULT_PAGE_SIZE))}
        cards={(p) => <FindingCards {...p} />} table={(p) => <FindingTable {...p} />} />
    </PageContainer>
  );
}
