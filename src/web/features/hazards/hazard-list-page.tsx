import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { HAZARD_STATUSES, HAZARD_STATUS_LABELS, type HazardStatus, OPEN_HAZARD_STATUSES } from '../../../domain/hazards/hazard-machine.ts';
import { paths } from '../../app/paths.ts';
import { CountTabs } from '../../components/count-tabs.tsx';
import { EnterpriseFilterTag } from '../../components/enterprise-filter-tag.tsx';
import { PagedResults } from '../../components/paged-list.tsx';
import { FilterCard } from '../../components/filter-card.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { userCan } from '../../lib/abilities.ts';
import { errorMessage } from '../../lib/api.ts';
import { useCurrentUser } from '../../lib/auth.ts';
import { type SearchPatch, pagePatch, useSearchState } from '../../lib/search-params.ts';
import { useExportHazards } from './api/export-hazards.ts';
import { useHazards } from './api/list-hazards.ts';
import { HazardFilters, HazardSearchBox } from './components/hazard-filters.tsx';
import { HazardCards, HazardTable } from './components/hazard-table.tsx';
import { rememberLedgerSearch } from './components/last-list-url.ts';
import { DEFAULT_PAGE_SIZE, activeFilterCount, filterFrom, listQueryFrom } from './components/list-query.ts';

export function HazardListPage() {
  const me = useCurrentUser();
  const { values, update, reset } = useSearchState();
  // `after`: the cursor the previous page gave, when this page was reached by 下一页 (keyset, as
  // cheap deep in a county's ledger as on page 1); any other move drops it.
  const query = { ...listQueryFrom(values), ...(values.after ? { after: values.after } : {}) };
  const list = useHazards(query);
  // The server counts the tabs without the chosen status but with 在改; the counts while 在改
  // is on come from the same list without it (usually already cached from the 全部 tab).
  const openOn = query.open === 'true';
  const withoutOpen = useHazards({ ...query, open: undefined, after: undefined }, { enabled: openOn });
  const exporter = useExportHazards();
  const { message } = App.useApp();
  const location = useLocation();
  useEffect(() => rememberLedgerSearch(location.search), [location.search]);

  const setFilter = (patch: SearchPatch) => update({ ...patch, after: undefined }, { resetPage: true });
  const setPage = (page: number, pageSize: number) => {
    const cursor = page === Number(query.page) + 1 && pageSize === Number(query.pageSize) ? list.data?.nextCursor : undefined;
    update({ ...pagePatch(page, pageSize, DEFAULT_PAGE_SIZE), after: cursor ?? undefined });
  };

  const onExport = () =>
    exporter.mutate(filterFrom(values), { onError: (e) => void message.error(`导出失败：${errorMessage(e)}`) });

  const data = list.data;
  const countsData = openOn ? withoutOpen.data : data;
  const counts = countsData?.statusCounts;
  // Counts always include 已作废; its tab shows when there are any (or it is chosen).
  const showVoided = query.includeVoided === 'true' || query.status === 'voided' || (counts?.voided ?? 0) > 0;
  const tabStatuses = HAZARD_STATUSES.filter((s) => s !== 'voided' || showVoided);
  const count = (s: HazardStatus) => counts?.[s] ?? 0;
  const openCount = counts ? OPEN_HAZARD_STATUSES.reduce((n, s) => n + count(s), 0) : undefined;
  const overdueOn = query.overdue === 'true';

  const extra = (
    <>
      {userCan(me, 'create:hazard') && (
        <Link to={paths.hazards.create(me.enterpriseId !== null ? undefined : query.enterpriseId)}>
          <Button type="primary" icon={<PlusOutlined />} data-testid="hazard-create">报告隐患</Button>
        </Link>
      )}
      {userCan(me, 'import:hazard') && (
        <Link to={paths.hazards.import}>
          <Button icon={<UploadOutlined />} data-testid="hazard-import">导入</Button>
        </Link>
      )}
      <Button icon={<DownloadOutlined />} onClick={onExport} loading={exporter.isPending} data-testid="hazard-export">
        导出
      </Button>
    </>
  );

  const filterCount = activeFilterCount(values);
  const hasConditions = filterCount > 0 || !!values.q || !!values.status || openOn || overdueOn || !!values.enterpriseId;

  return (
    <PageContainer title={me.enterpriseId !== null ? '本单位隐患台账' : '隐患台账'} extra={extra}>
      <FilterCard
        search={<HazardSearchBox value={values.q} onSearch={(q) => setFilter({ q: q || undefined })} />}
        filterCount={filterCount}
        filters={(vertical) => <HazardFilters values={values} onChange={setFilter} vertical={vertical} />}
        showClear={hasConditions}
        onClear={() => reset(['pageSize'])}
        drawerSize="80%"
      >
        {query.enterpriseId && me.enterpriseId === null && (
          <EnterpriseFilterTag
            id={query.enterpriseId}
            fallbackName={data?.items[0]?.enterpriseName}
            onClose={() => setFilter({ enterpriseId: undefined })}
            testId="hazard-filter-enterprise"
          />
        )}
      </FilterCard>
      <Flex align="center" justify="space-between" gap={8} className="status-bar">
        {/* While the 在改 toggle beside the tabs is on, no tab is chosen. */}
        <CountTabs
          value={query.status}
          onChange={(status) => setFilter({ status, open: undefined })}
          allCount={countsData?.allCount}
          tabs={tabStatuses.map((s) => ({ key: s, label: HAZARD_STATUS_LABELS[s], count: counts ? count(s) : undefined }))}
          testIdPrefix="hazard-tab-"
          noneChosen={openOn}
        />
        <Button
          type={openOn ? 'primary' : 'default'}
          size="small"
          onClick={() => setFilter({ open: openOn ? undefined : 'true', status: undefined })}
          aria-pressed={openOn}
          title="待整改、整改中和待验收的隐患"
          data-testid="hazard-tab-open"
        >
          在改 {openCount ?? ''}
        </Button>
        <Button
          danger
          type={overdueOn ? 'primary' : 'default'}
          size="small"
          onClick={() => setFilter({ overdue: overdueOn ? undefined : 'true' })}
          aria-pressed={overdueOn}
          data-testid="hazard-tab-overdue"
        >
          逾期 {data?.overdueCount ?? ''}
        </Button>
      </Flex>
      <PagedResults
        list={list}
        page={query.page as number}
        pageSize={query.pageSize as number}
        onPageChange={setPage}
        cards={(p) => <HazardCards {...p} />}
        table={(p) => <HazardTable {...p} />}
      />
    </PageContainer>
  );
}
