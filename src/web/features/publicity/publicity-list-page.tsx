// 宣传/曝光: the media columns, exposures and reports of the caller's region (the district its own and
// every township's), with kind tabs, search (titles, outlets, exposed enterprises), filters (channel,
// mainstream, dates a column runs over, whose records) and pages; a phone sees cards.
import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, type TableProps, Typography } from 'antd';
import { Link } from 'react-router';
import { PUBLICITY_CHANNELS, PUBLICITY_CHANNEL_LABELS, PUBLICITY_KINDS, PUBLICITY_KIND_LABELS, type TPublicityItem } from '../../../contract/publicity.ts';
import { paths } from '../../app/paths.ts';
import { CountTabs } from '../../components/count-tabs.tsx';
import { FilterCard } from '../../components/filter-card.tsx';
import { DateRangeFilter, type FilterPanelProps, filterSelect, yesNo } from '../../components/list-filters.tsx';
import { CardList, ListTable, PagedResults, type PagedViewProps } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { SearchBox } from '../../components/search-box.tsx';
import { useCan } from '../../lib/abilities.ts';
import { useCurrentUser } from '../../lib/auth.ts';
import { type SearchPatch, boolParam, dateParam, enumParam, intParam, pagePatch, useSearchState, uuidParam } from '../../lib/search-params.ts';
import { useUnits } from '../../reference-data/list-units.ts';
import { usePublicityList } from './api/publicity.ts';
import { KindTag, channelText, datesText } from './components/labels.tsx';

const DEFAULT_PAGE_SIZE = 20;
const PANEL_KEYS = ['channel', 'mainstream', 'from', 'to', 'region', 'voided'] as const;
const EMPTY = '没有宣传/曝光记录';

const enterprisesText = (r: TPublicityItem) => r.enterprises.map((e) => e.name).join('、');

function Filters(props: FilterPanelProps & { district: boolean }) {
  const me = useCurrentUser();
  const select = filterSelect(props, { width: 140, testIdPrefix: 'publicity-filter-' });
  const townships = useUnits({ kind: 'township' }, { enabled: props.district });
  return (
    <Flex gap={8} wrap vertical={props.vertical} className="filters">
      {select('channel', '渠道', PUBLICITY_CHANNELS.map((c) => ({ value: c, label: PUBLICITY_CHANNEL_LABELS[c] })))}
      {select('mainstream', '主流媒体', yesNo('主流媒体', '非主流媒体'))}
      <DateRangeFilter {...props} placeholder={['播出日期起', '播出日期止']} testId="publicity-filter-dates" />
      {props.district && select('region', '所属', [{ value: 'district', label: `${me.unit.name}（区本级）` }, ...(townships.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))])}
      <Checkbox checked={props.values.voided === 'true'} onChange={(e) => props.onChange({ voided: e.target.checked ? 'true' : undefined })} data-testid="publicity-filter-voided">
        只看已作废
      </Checkbox>
    </Flex>
  );
}

function PublicityTable(p: PagedViewProps<TPublicityItem> & { district: boolean }) {
  const columns: TableProps<TPublicityItem>['columns'] = [
    { title: '日期', key: 'dates', width: 190, render: (_v, r) => datesText(r) },
    { title: '类型', key: 'kind', width: 90, render: (_v, r) => <KindTag r={r} /> },
    {
      title: '标题', key: 'title',
      render: (_v, r) => (
        <Link to={paths.publicity.detail(r.id)} data-testid="publicity-link">
          {r.title}{r.voided && <Typography.Text type="secondary">（已作废）</Typography.Text>}
        </Link>
      ),
    },
    { title: '渠道', key: 'channel', width: 200, ellipsis: true, render: (_v, r) => channelText(r) },
    { title: '被曝光单位', key: 'enterprises', width: 200, ellipsis: true, render: (_v, r) => enterprisesText(r) || '—' },
    ...(p.district ? [{ title: '所属', dataIndex: 'regionName', key: 'region', width: 100 }] : []),
    { title: '附件', key: 'files', width: 60, render: (_v: unknown, r: TPublicityItem) => (r.fileCount ? <span><PaperClipOutlined /> {r.fileCount}</span> : '') },
  ];
  return <ListTable {...p} columns={columns} scrollX={1000} emptyText={EMPTY} testId="publicity-table" />;
}

function PublicityCards(p: PagedViewProps<TPublicityItem>) {
  return (
    <CardList
      {...p}
      emptyText={EMPTY}
      testId="publicity-cards"
      renderItem={(r) => (
        <Link key={r.id} to={paths.publicity.detail(r.id)} className="card-link" data-testid="publicity-link">
          <Card size="small">
            <Flex justify="space-between" gap={8}><strong>{r.title}</strong><KindTag r={r} /></Flex>
            <div className="card-meta">{datesText(r)} · {channelText(r)}{r.voided ? ' · 已作废' : ''}</div>
            {r.enterprises.length > 0 && <Typography.Paragraph ellipsis={{ rows: 1 }} style={{ margin: '4px 0 0' }}>曝光：{enterprisesText(r)}</Typography.Paragraph>}
          </Card>
        </Link>
      )}
    />
  );
}

export function PublicityListPage() {
  const me = useCurrentUser();
  const district = me.unit.kind === 'district';
  const { values, update, reset } = useSearchState();
  const filter = {
    q: values.q?.trim() ? values.q.trim().slice(0, 64) : undefined,
    kind: enumParam(values.kind, PUBLICITY_KINDS),
    channel: enumParam(values.channel, PUBLICITY_CHANNELS),
    mainstream: boolParam(values.mainstream),
    from: dateParam(values.from),
    to: dateParam(values.to),
    region: values.region === 'district' ? ('district' as const) : uuidParam(values.region),
    enterpriseId: uuidParam(values.enterpriseId),
    voided: values.voided === 'true' ? ('true' as const) : undefined,
  };
  const query = { ...filter, page: intParam(values.page, 1), pageSize: intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100) };
  const list = usePublicityList(query);
  const can = useCan();
  const setFilter = (patch: SearchPatch) => update(patch, { resetPage: true });
  const counts = list.data?.counts;
  const filterCount = PANEL_KEYS.filter((k) => values[k]).length;
  const extra = can('record:publicity') && (
    <Link to={paths.publicity.create}><Button type="primary" icon={<PlusOutlined />} data-testid="publicity-create">登记宣传/曝光</Button></Link>
  );
  return (
    <PageContainer title="宣传/曝光" subTitle="主流媒体专题栏目、曝光企业和宣传报道" extra={extra}>
      <FilterCard
        search={<SearchBox value={values.q} onSearch={(q) => setFilter({ q: q || undefined })} placeholder="标题、媒体、被曝光单位" testId="publicity-search" />}
        filterCount={filterCount}
        filters={(vertical) => <Filters values={values} onChange={setFilter} vertical={vertical} district={district} />}
        showClear={filterCount > 0 || !!values.q || !!values.kind || !!values.enterpriseId}
        onClear={() => reset(['pageSize'])}
        drawerSize="40%"
      />
      <CountTabs
        value={query.kind}
        onChange={(kind) => setFilter({ kind })}
        allCount={counts ? PUBLICITY_KINDS.reduce((n, k) => n + (counts[k] ?? 0), 0) : undefined}
        tabs={PUBLICITY_KINDS.map((k) => ({ key: k, label: PUBLICITY_KIND_LABELS[k], count: counts?.[k] }))}
        testIdPrefix="publicity-tab-"
        ariaLabel="类型"
      />
      <PagedResults
        list={list}
        page={query.page}
        pageSize={query.pageSize}
        onPageChange={(page, pageSize) => update(pagePatch(page, pageSize, DEFAULT_PAGE_SIZE))}
        cards={(p) => <PublicityCards {...p} />}
        table={(p) => <PublicityTable {...p} district={district} />}
      />
    </PageContainer>
  );
}
