// /drills/compliance: who is behind on drills and training this year (or an earlier one), for the
// office, departments and villages over the enterprises in their scope: tabs by each enterprise's
// worst state with counts (the missed first), village, sector, category and name; the district's
// requirement above, with a link to change it for whoever may.
import { SettingOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { ComplianceQuery } from '../../../contract/drills.ts';
import { ACTIVITY_CATEGORIES, ACTIVITY_CATEGORY_LABELS } from '../../../domain/drills/drill-requirement.ts';
import { paths } from '../../app/paths.ts';
import { CountTabs } from '../../components/count-tabs.tsx';
import { FilterCard } from '../../components/filter-card.tsx';
import { type FilterPanelProps, filterSelect, nameOptions } from '../../components/list-filters.tsx';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { SearchBox } from '../../components/search-box.tsx';
import { useIsMobile } from '../../components/use-is-mobile.ts';
import { useCan } from '../../lib/abilities.ts';
import { dayjs } from '../../lib/format.ts';
import { countSet, listQueryFromUrl } from '../../lib/list-url.ts';
import { type SearchPatch, pagePatch, useSearchState } from '../../lib/search-params.ts';
import { useSectors } from '../../reference-data/list-sectors.ts';
import { useVillages } from '../../reference-data/list-units.ts';
import { useCompliance, useRequirement } from './api/drills.ts';
import { ComplianceCards, type ComplianceRow, ComplianceTable } from './components/compliance-table.tsx';
import { requirementText } from './components/labels.tsx';

const DEFAULT_PAGE_SIZE = 20;
const PANEL_KEYS = ['year', 'category', 'villageId', 'sectorId'] as const;
const STATUS_TABS = [
  { key: 'missed', label: '已落后' },
  { key: 'pending', label: '本期未完成' },
  { key: 'met', label: '已完成' },
] as const;

function Filters(props: FilterPanelProps) {
  const villages = useVillages();
  const sectors = useSectors();
  const select = filterSelect(props, { width: 130, testIdPrefix: 'compliance-filter-' });
  const thisYear = dayjs().year();
  const years = [thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: String(y), label: `${y}年` }));
  return (
    <Flex gap={8} wrap vertical={props.vertical} className="filters">
      {select('year', '本年度', years)}
      {select('category', '演练和培训', ACTIVITY_CATEGORIES.map((c) => ({ value: c, label: `仅${ACTIVITY_CATEGORY_LABELS[c]}` })))}
      {(villages.data?.items.length ?? 0) > 1 && select('villageId', '村/社区', nameOptions(villages.data?.items))}
      {select('sectorId', '行业领域', nameOptions(sectors.data?.items))}
    </Flex>
  );
}

export function CompliancePage() {
  const can = useCan();
  const isMobile = useIsMobile();
  const { values, update, reset } = useSearchState();
  const query = listQueryFromUrl(ComplianceQuery, values, DEFAULT_PAGE_SIZE);
  const list = useCompliance(query);
  const req = useRequirement();
  const setFilter = (patch: SearchPatch) => update(patch, { resetPage: true });
  const setPage = (page: number, pageSize: number) => update(pagePatch(page, pageSize, DEFAULT_PAGE_SIZE));
  const data = list.data;
  const counts = data?.counts;
  const filterCount = countSet(values, PANEL_KEYS);
  const rows: ComplianceRow[] = (data?.items ?? []).map((i) => ({ ...i, id: i.enterprise.id }));
  const view = { items: rows, loading: list.isFetching, page: query.page, pageSize: query.pageSize, total: data?.total ?? 0, onPageChange: setPage };

  const extra = can('manage:drill_requirement') && (
    <Link to={paths.drills.requirement}><Button icon={<SettingOutlined />} data-testid="drill-requirement-link">频次要求</Button></Link>
  );
  return (
    <PageContainer title="演练培训完成情况" subTitle={data ? `${data.year}年 · 截至 ${data.today}` : undefined} extra={extra}>
      {req.data && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-testid="drill-requirement-text">
          本区要求（{req.data.isDefault ? '默认' : '已设置'}）：{requirementText(req.data)}。按年平均分期，每期至少开展1次；期中之后才纳入台账的单位从下一期起计。
        </Typography.Paragraph>
      )}
      <FilterCard
        search={<SearchBox value={values.q} onSearch={(q) => setFilter({ q: q || undefined })} placeholder="单位名称" testId="compliance-search" />}
        filterCount={filterCount}
        filters={(vertical) => <Filters values={values} onChange={setFilter} vertical={vertical} />}
        showClear={filterCount > 0 || !!values.q || !!values.status}
        onClear={() => reset(['pageSize'])}
        drawerSize="60%"
      />
      <CountTabs
        value={query.status}
        onChange={(status) => setFilter({ status })}
        allCount={counts ? counts.missed + counts.pending + counts.met : undefined}
        tabs={STATUS_TABS.map((t) => ({ key: t.key, label: t.label, count: counts?.[t.key] }))}
        testIdPrefix="compliance-tab-"
      />
      {list.isError ? <ErrorDisplay error={list.error} onRetry={() => void list.refetch()} />
        : isMobile ? <ComplianceCards {...view} /> : <ComplianceTable {...view} />}
    </PageContainer>
  );
}
