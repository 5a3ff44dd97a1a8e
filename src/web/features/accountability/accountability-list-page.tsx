// 问责记录: 追责问责 of officials and 约谈通报 of units, with kind tabs, filters and export.
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, type TableProps, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import {
  ACCOUNTABILITY_KINDS, ACCOUNTABILITY_KIND_LABELS, ACCOUNTABILITY_TARGET_TYPES, ACCOUNTABILITY_TARGET_TYPE_LABELS, type TAccountabilityItem,
} from '../../../contract/accountability.ts';
import { paths } from '../../app/paths.ts';
import { CountTabs } from '../../components/count-tabs.tsx';
import { FilterCard } from '../../components/filter-card.tsx';
import { DateRangeFilter, type FilterPanelProps, filterSelect } from '../../components/list-filters.tsx';
import { CardList, ListTable, PagedResults, type PagedViewProps } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { SearchBox } from '../../components/search-box.tsx';
import { useCan } from '../../lib/abilities.ts';
import { errorMessage } from '../../lib/api.ts';
import { type SearchPatch, dateParam, enumParam, intParam, pagePatch, useSearchState } from '../../lib/search-params.ts';
import { useAccountabilityList, useExportAccountability } from './api/accountability.ts';

const DEFAULT_PAGE_SIZE = 20;
const PANEL_KEYS = ['targetType', 'from', 'to'] as const;
const EMPTY = '没有问责记录';

const targetText = (r: TAccountabilityItem) =>
  r.targetType === 'person' ? [r.targetName, r.targetUnitName, r.position].filter(Boolean).join(' · ') : r.targetName;

function Filters(props: FilterPanelProps) {
  const select = filterSelect(props, { width: 120, testIdPrefix: 'accountability-filter-' });
  return (
    <Flex gap={8} wrap vertical={props.vertical} className="filters">
      {select('targetType', '对象类别', ACCOUNTABILITY_TARGET_TYPES.map((t) => ({ value: t, label: ACCOUNTABILITY_TARGET_TYPE_LABELS[t] })))}
      <DateRangeFilter {...props} placeholder={['决定日期起', '决定日期止']} testId="accountability-filter-dates" />
    </Flex>
  );
}

function AccountabilityTable(p: PagedViewProps<TAccountabilityItem>) {
  const columns: TableProps<TAccountabilityItem>['columns'] = [
    { title: '类型', key: 'kind', width: 90, render: (_v, r) => <Tag>{ACCOUNTABILITY_KIND_LABELS[r.kind]}</Tag> },
    { title: '问责对象', key: 'target', width: 220, render: (_v, r) => <Link to={paths.accountability.detail(r.id)} data-testid="accountability-link">{targetText(r)}</Link> },
    { title: '措施', dataIndex: 'measure', key: 'measure', width: 100 },
    { title: '事由', dataIndex: 'reason', key: 'reason', ellipsis: { showTitle: true } },
    { title: '决定机关', dataIndex: 'decidedBy', key: 'decidedBy', width: 130, ellipsis: true },
    { title: '决定日期', dataIndex: 'decidedOn', key: 'decidedOn', width: 100 },
  ];
  return <ListTable {...p} columns={columns} scrollX={900} emptyText={EMPTY} testId="accountability-table" />;
}

function AccountabilityCards(p: PagedViewProps<TAccountabilityItem>) {
  return (
    <CardList
      {...p}
      emptyText={EMPTY}
      testId="accountability-cards"
      renderItem={(r) => (
        <Link key={r.id} to={paths.accountability.detail(r.id)} className="card-link" data-testid="accountability-link">
          <Card size="small">
            <Flex justify="space-between" gap={8}><strong>{targetText(r)}</strong><Tag>{ACCOUNTABILITY_KIND_LABELS[r.kind]}</Tag></Flex>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>{r.reason}</Typography.Paragraph>
            <div className="card-meta">{r.measure} · {r.decidedBy} · {r.decidedOn}</div>
          </Card>
        </Link>
      )}
    />
  );
}

export function AccountabilityListPage() {
  const { values, update, reset } = useSearchState();
  const filter = {
    q: values.q?.trim() ? values.q.trim().slice(0, 64) : undefined,
    kind: enumParam(values.kind, ACCOUNTABILITY_KINDS),
    targetType: enumParam(values.targetType, ACCOUNTABILITY_TARGET_TYPES),
    from: dateParam(values.from),
    to: dateParam(values.to),
  };
  const query = { ...filter, page: intParam(values.page, 1), pageSize: intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100) };
  const list = useAccountabilityList(query);
  const exporter = useExportAccountability();
  const can = useCan();
  const { message } = App.useApp();
  const setFilter = (patch: SearchPatch) => update(patch, { resetPage: true });
  const setPage = (page: number, pageSize: number) => update(pagePatch(page, pageSize, DEFAULT_PAGE_SIZE));
  const data = list.data;
  const counts = data?.counts;
  const filterCount = PANEL_KEYS.filter((k) => values[k]).length;

  const extra = (
    <>
      {can('edit:accountability') && (
        <Link to={paths.accountability.create}><Button type="primary" icon={<PlusOutlined />} data-testid="accountability-create">登记问责</Button></Link>
      )}
      <Button icon={<DownloadOutlined />} loading={exporter.isPending} data-testid="accountability-export"
        onClick={() => exporter.mutate(filter, { onError: (e) => void message.error(`导出失败：${errorMessage(e)}`) })}>导出</Button>
    </>
  );

  return (
    <PageContainer title="问责记录" extra={extra}>
      <FilterCard
        search={<SearchBox value={values.q} onSearch={(q) => setFilter({ q: q || undefined })} placeholder="对象、事由、措施或文号" testId="accountability-search" />}
        filterCount={filterCount}
        filters={(vertical) => <Filters values={values} onChange={setFilter} vertical={vertical} />}
        showClear={filterCount > 0 || !!values.q || !!values.kind}
        onClear={() => reset(['pageSize'])}
        drawerSize="40%"
      />
      <CountTabs
        value={query.kind}
        onChange={(kind) => setFilter({ kind })}
        allCount={counts ? counts.accountability + counts.interviewNotice : undefined}
        tabs={[
          { key: 'accountability', label: ACCOUNTABILITY_KIND_LABELS.accountability, count: counts?.accountability },
          { key: 'interview_notice', label: ACCOUNTABILITY_KIND_LABELS.interview_notice, count: counts?.interviewNotice },
        ]}
        testIdPrefix="accountability-tab-"
      />
      <PagedResults
        list={list}
        page={query.page}
        pageSize={query.pageSize}
        onPageChange={setPage}
        cards={(p) => <AccountabilityCards {...p} />}
        table={(p) => <AccountabilityTable {...p} />}
      />
    </PageContainer>
  );
}
