// 执法案件: the scoped list with status tabs, the report-form figures of the filtered set,
// filters (a drawer on phones), export and 立案 for case editors.
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { Link } from 'react-router';
import { CASE_STATUSES, CASE_STATUS_LABELS } from '../../../domain/enforcement/enforcement.ts';
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
import { useExportCases } from './api/export-cases.ts';
import { useCases } from './api/list-cases.ts';
import { CaseFilters, CaseSearchBox } from './components/case-filters.tsx';
import { CaseSummaryBar } from './components/case-summary.tsx';
import { CaseCards, CaseTable } from './components/case-table.tsx';
import { DEFAULT_PAGE_SIZE, activeFilterCount, filterFrom, listQueryFrom } from './components/list-query.ts';

export function CaseListPage() {
  const me = useCurrentUser();
  const { values, update, reset } = useSearchState();
  const query = listQueryFrom(values);
  const list = useCases(query);
  const exporter = useExportCases();
  const { message } = App.useApp();

  const setFilter = (patch: SearchPatch) => update(patch, { resetPage: true });
  const setPage = (page: number, pageSize: number) => update(pagePatch(page, pageSize, DEFAULT_PAGE_SIZE));
  const onExport = () => exporter.mutate(filterFrom(values), { onError: (e) => void message.error(`导出失败：${errorMessage(e)}`) });

  const data = list.data;
  const counts = data?.statusCounts;
  const allCount = counts ? CASE_STATUSES.reduce((n, s) => n + (counts[s] ?? 0), 0) : undefined;
  const filterCount = activeFilterCount(values);
  const hasConditions = filterCount > 0 || !!values.q || !!values.status || !!values.enterpriseId;

  const extra = (
    <>
      {userCan(me, 'run:case') && (
        <Link to={paths.cases.create(me.enterpriseId !== null || !query.enterpriseId ? {} : { enterpriseId: query.enterpriseId })}>
          <Button type="primary" icon={<PlusOutlined />} data-testid="case-create">立案</Button>
        </Link>
      )}
      <Button icon={<DownloadOutlined />} onClick={onExport} loading={exporter.isPending} data-testid="case-export">导出</Button>
    </>
  );

  return (
    <PageContainer title={me.enterpriseId !== null ? '本单位执法案件' : '执法案件'} extra={extra}>
      <FilterCard
        search={<CaseSearchBox value={values.q} onSearch={(q) => setFilter({ q: q || undefined })} />}
        filterCount={filterCount}
        filters={(vertical) => <CaseFilters values={values} onChange={setFilter} vertical={vertical} />}
        showClear={hasConditions}
        onClear={() => reset(['pageSize'])}
        drawerSize="80%"
      >
        {query.enterpriseId && me.enterpriseId === null && (
          <EnterpriseFilterTag
            id={query.enterpriseId}
            fallbackName={data?.items[0]?.enterpriseName}
            onClose={() => setFilter({ enterpriseId: undefined })}
            testId="case-filter-enterprise"
          />
        )}
      </FilterCard>
      <CaseSummaryBar s={data?.summary} />
      <Flex align="center" justify="space-between" gap={8} className="status-bar">
        <CountTabs
          value={query.status}
          onChange={(status) => setFilter({ status })}
          allCount={allCount}
          tabs={CASE_STATUSES.map((s) => ({ key: s, label: CASE_STATUS_LABELS[s], count: counts?.[s] }))}
          testIdPrefix="case-tab-"
        />
      </Flex>
      <PagedResults
        list={list}
        page={query.page as number}
        pageSize={query.pageSize as number}
        onPageChange={setPage}
        cards={(p) => <CaseCards {...p} />}
        table={(p) => <CaseTable {...p} />}
      />
    </PageContainer>
  );
}
