// 检查记录: every inspection in the caller's scope, filtered and paged on the server; the
// state lives in the URL like the hazard ledger's.
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { INSPECTION_STATUSES, INSPECTION_STATUS_LABELS } from '../../../contract/inspections.ts';
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
import { useExportInspections } from './api/export-inspections.ts';
import { useInspections } from './api/list-inspections.ts';
import { InspectionFilters, InspectionSearchBox } from './components/inspection-filters.tsx';
import { InspectionCards, InspectionTable } from './components/inspection-table.tsx';
import { rememberInspectionListSearch } from './components/last-list-url.ts';
import { DEFAULT_PAGE_SIZE, activeFilterCount, filterFrom, listQueryFrom } from './components/list-query.ts';

export function InspectionListPage() {
  const me = useCurrentUser();
  const ownEnterprise = me.enterpriseId !== null;
  const { values, update, reset } = useSearchState();
  const query = listQueryFrom(values);
  const list = useInspections(query);
  const exporter = useExportInspections();
  const { message } = App.useApp();
  const location = useLocation();
  useEffect(() => rememberInspectionListSearch(location.search), [location.search]);

  const setFilter = (patch: SearchPatch) => update(patch, { resetPage: true });
  const setPage = (page: number, pageSize: number) => update(pagePatch(page, pageSize, DEFAULT_PAGE_SIZE));
  const onExport = () =>
    exporter.mutate(filterFrom(values), { onError: (e) => void message.error(`导出失败：${errorMessage(e)}`) });

  const data = list.data;
  const counts = data?.counts;
  const mineOn = query.mine === 'true';

  // Every role that may start an inspection has a type to start (domain/inspection-policy).
  const canStart = userCan(me, 'create:inspection');
  const extra = (
    <>
      {canStart && (
        <Link to={paths.inspections.create({ enterpriseId: ownEnterprise ? undefined : query.enterpriseId })}>
          <Button type="primary" icon={<PlusOutlined />} data-testid="inspection-create">新建检查</Button>
        </Link>
      )}
      <Button icon={<DownloadOutlined />} onClick={onExport} loading={exporter.isPending} data-testid="inspection-export">
        导出
      </Button>
    </>
  );

  const filterCount = activeFilterCount(values);
  const hasConditions = filterCount > 0 || !!values.q || !!values.status || mineOn || !!values.enterpriseId;

  return (
    <PageContainer title={ownEnterprise ? '本单位检查记录' : '检查记录'} extra={extra}>
      <FilterCard
        search={<InspectionSearchBox value={values.q} onSearch={(q) => setFilter({ q: q || undefined })} />}
        filterCount={filterCount}
        filters={(vertical) => <InspectionFilters values={values} onChange={setFilter} ownEnterprise={ownEnterprise} vertical={vertical} />}
        showClear={hasConditions}
        onClear={() => reset(['pageSize'])}
        drawerSize="80%"
      >
        {query.enterpriseId && !ownEnterprise && (
          <EnterpriseFilterTag
            id={query.enterpriseId}
            fallbackName={data?.items[0]?.enterpriseName}
            onClose={() => setFilter({ enterpriseId: undefined })}
            testId="inspection-filter-enterprise"
          />
        )}
      </FilterCard>
      <Flex align="center" justify="space-between" gap={8} className="status-bar">
        <CountTabs
          value={query.status}
          onChange={(status) => setFilter({ status })}
          allCount={counts ? counts.draft + counts.completed : undefined}
          tabs={INSPECTION_STATUSES.map((s) => ({ key: s, label: INSPECTION_STATUS_LABELS[s], count: counts?.[s] }))}
          testIdPrefix="inspection-tab-"
        />
        {!ownEnterprise && (
          <Button
            type={mineOn ? 'primary' : 'default'}
            size="small"
            onClick={() => setFilter({ mine: mineOn ? undefined : 'true' })}
            aria-pressed={mineOn}
            title="我是检查人员的检查"
            data-testid="inspection-tab-mine"
          >
            我参与的
          </Button>
        )}
      </Flex>
      <PagedResults
        list={list}
        page={query.page as number}
        pageSize={query.pageSize as number}
        onPageChange={setPage}
        cards={(p) => <InspectionCards {...p} />}
        table={(p) => <InspectionTable {...p} />}
      />
    </PageContainer>
  );
}
