// 技术检查员名册: the roster the caller reads (a township its own; the district its own and every
// township's), with search, filters, the 专职/兼职 tabs, pages, and the count on a chosen day.
import { PlusOutlined } from '@ant-design/icons';
import { Card, Checkbox, DatePicker, Flex, type TableProps, Tag } from 'antd';
import { Link } from 'react-router';
import { INSPECTOR_EMPLOYMENTS, INSPECTOR_EMPLOYMENT_LABELS, type TInspectorItem } from '../../../contract/inspector-roster.ts';
import { paths } from '../../app/paths.ts';
import { CountTabs } from '../../components/count-tabs.tsx';
import { FilterCard } from '../../components/filter-card.tsx';
import { type FilterPanelProps, filterSelect } from '../../components/list-filters.tsx';
import { CardList, ListTable, PagedResults, type PagedViewProps } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { SearchBox } from '../../components/search-box.tsx';
import { Button } from 'antd';
import { useCan } from '../../lib/abilities.ts';
import { useCurrentUser } from '../../lib/auth.ts';
import { dayjs } from '../../lib/format.ts';
import { type SearchPatch, dateParam, enumParam, intParam, pagePatch, uuidParam, useSearchState } from '../../lib/search-params.ts';
import { useUnits } from '../../reference-data/list-units.ts';
import { useInspectorList } from './api/inspector-roster.ts';
import { RosterCountCard } from './components/roster-count-card.tsx';

const DEFAULT_PAGE_SIZE = 20;
const PANEL_KEYS = ['roster', 'unitId', 'activeOn', 'voided'] as const;
const EMPTY = '名册中还没有技术检查员';

export const servingText = (r: Pick<TInspectorItem, 'fromDate' | 'toDate'>) => (r.toDate ? `${r.fromDate} 至 ${r.toDate}` : `${r.fromDate} 起`);

function Filters(props: FilterPanelProps & { district: boolean }) {
  const me = useCurrentUser();
  const select = filterSelect(props, { width: 150, testIdPrefix: 'roster-filter-' });
  const townships = useUnits({ kind: 'township' }, { enabled: props.district });
  const below = useUnits({ parentId: me.unit.id });
  const units = [{ value: me.unit.id, label: me.unit.name }, ...(below.data?.items ?? []).filter((u) => u.kind !== 'township').map((u) => ({ value: u.id, label: u.name }))];
  return (
    <Flex gap={8} wrap vertical={props.vertical} className="filters">
      {props.district && select('roster', '名册', [{ value: 'district', label: `${me.unit.name}（区本级）` }, ...(townships.data?.items ?? []).map((t) => ({ value: t.id, label: t.name }))])}
      {select('unitId', '所在单位', units, { showSearch: { optionFilterProp: 'label' } })}
      <DatePicker
        value={props.values.activeOn ? dayjs(props.values.activeOn) : null} placeholder="某日在岗" aria-label="某日在岗" inputReadOnly={props.vertical}
        onChange={(v) => props.onChange({ activeOn: v?.format('YYYY-MM-DD') })} style={{ width: props.vertical ? '100%' : 150 }} data-testid="roster-filter-activeOn"
      />
      <Checkbox checked={props.values.voided === 'true'} onChange={(e) => props.onChange({ voided: e.target.checked ? 'true' : undefined })} data-testid="roster-filter-voided">
        只看已作废
      </Checkbox>
    </Flex>
  );
}

const employmentTag = (r: TInspectorItem) => <Tag color={r.employment === 'full_time' ? 'blue' : undefined}>{INSPECTOR_EMPLOYMENT_LABELS[r.employment]}</Tag>;

function RosterTable(p: PagedViewProps<TInspectorItem> & { district: boolean }) {
  const columns: TableProps<TInspectorItem>['columns'] = [
    { title: '姓名', key: 'name', width: 120, render: (_v, r) => <Link to={paths.inspectorRoster.detail(r.id)} data-testid="roster-link">{r.name}</Link> },
    { title: '专兼职', key: 'employment', width: 80, render: (_v, r) => employmentTag(r) },
    { title: '所在单位', dataIndex: 'unitName', key: 'unit', width: 180, ellipsis: true },
    ...(p.district ? [{ title: '名册', dataIndex: 'rosterName', key: 'roster', width: 110 }] : []),
    { title: '在岗期间', key: 'serving', width: 200, render: (_v, r) => (r.voidedAt ? <Tag color="default">已作废</Tag> : servingText(r)) },
    { title: '证书', dataIndex: 'certificates', key: 'certificates', ellipsis: true },
  ];
  return <ListTable {...p} columns={columns} scrollX={820} emptyText={EMPTY} testId="roster-table" />;
}

function RosterCards(p: PagedViewProps<TInspectorItem>) {
  return (
    <CardList
      {...p}
      emptyText={EMPTY}
      testId="roster-cards"
      renderItem={(r) => (
        <Link key={r.id} to={paths.inspectorRoster.detail(r.id)} className="card-link" data-testid="roster-link">
          <Card size="small">
            <Flex justify="space-between" gap={8}><strong>{r.name}</strong>{employmentTag(r)}</Flex>
            <div className="card-meta">{r.unitName} · {r.voidedAt ? '已作废' : servingText(r)}</div>
            {r.certificates && <div className="card-meta">{r.certificates}</div>}
          </Card>
        </Link>
      )}
    />
  );
}

export function InspectorRosterListPage() {
  const me = useCurrentUser();
  const district = me.unit.kind === 'district';
  const { values, update, reset } = useSearchState();
  const filter = {
    q: values.q?.trim() ? values.q.trim().slice(0, 64) : undefined,
    employment: enumParam(values.employment, INSPECTOR_EMPLOYMENTS),
    roster: values.roster === 'district' ? ('district' as const) : uuidParam(values.roster),
    unitId: uuidParam(values.unitId),
    activeOn: dateParam(values.activeOn),
    voided: values.voided === 'true' ? ('true' as const) : undefined,
  };
  const query = { ...filter, page: intParam(values.page, 1), pageSize: intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100) };
  const list = useInspectorList(query);
  const can = useCan();
  const setFilter = (patch: SearchPatch) => update(patch, { resetPage: true });
  const counts = list.data?.counts;
  const filterCount = PANEL_KEYS.filter((k) => values[k]).length;
  const countOn = dateParam(values.countOn) ?? dayjs().format('YYYY-MM-DD');
  const extra = can('manage:inspector_roster') && (
    <Link to={paths.inspectorRoster.create}><Button type="primary" icon={<PlusOutlined />} data-testid="roster-create">登记检查员</Button></Link>
  );
  return (
    <PageContainer title="技术检查员名册" subTitle="专兼职技术检查员" extra={extra}>
      <RosterCountCard on={countOn} onChange={(d) => update({ countOn: d })} />
      <FilterCard
        search={<SearchBox value={values.q} onSearch={(q) => setFilter({ q: q || undefined })} placeholder="姓名、证书或备注" testId="roster-search" />}
        filterCount={filterCount}
        filters={(vertical) => <Filters values={values} onChange={setFilter} vertical={vertical} district={district} />}
        showClear={filterCount > 0 || !!values.q || !!values.employment}
        onClear={() => reset(['pageSize', 'countOn'])}
        drawerSize="40%"
      />
      <CountTabs
        value={query.employment}
        onChange={(employment) => setFilter({ employment })}
        allCount={counts ? counts.fullTime + counts.partTime : undefined}
        tabs={[
          { key: 'full_time', label: INSPECTOR_EMPLOYMENT_LABELS.full_time, count: counts?.fullTime },
          { key: 'part_time', label: INSPECTOR_EMPLOYMENT_LABELS.part_time, count: counts?.partTime },
        ]}
        testIdPrefix="roster-tab-"
        ariaLabel="专兼职"
      />
      <PagedResults
        list={list}
        page={query.page}
        pageSize={query.pageSize}
        onPageChange={(page, pageSize) => update(pagePatch(page, pageSize, DEFAULT_PAGE_SIZE))}
        cards={(p) => <RosterCards {...p} />}
        table={(p) => <RosterTable {...p} district={district} />}
      />
    </PageContainer>
  );
}
