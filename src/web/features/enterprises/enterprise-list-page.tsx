import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Select } from 'antd';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { paths } from '../../app/paths.ts';
import { FilterCard } from '../../components/filter-card.tsx';
import { PagedResults } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { useCan } from '../../lib/abilities.ts';
import { errorMessage } from '../../lib/api.ts';
import { type SearchPatch, pagePatch, useSearchState } from '../../lib/search-params.ts';
import { useExportEnterprises } from './api/export-enterprises.ts';
import { useEnterprises } from './api/list-enterprises.ts';
import { EnterpriseCards } from './components/enterprise-cards.tsx';
import { EnterpriseFilters, EnterpriseSearchBox } from './components/enterprise-filters.tsx';
import { type SortKey, type SortState, EnterpriseTable } from './components/enterprise-table.tsx';
import { rememberListSearch } from './components/last-list-url.ts';
import { DEFAULT_PAGE_SIZE, activeFilterCount, filterFrom, listQueryFrom } from './components/list-query.ts';

const PHONE_SORTS: { value: string; label: string }[] = [
  { value: 'updatedAt:desc', label: '最近更新' },
  { value: 'name:asc', label: '名称' },
  { value: 'riskGrade:asc', label: '风险等级' },
  { value: 'employeeCount:desc', label: '从业人数（多→少）' },
  { value: 'createdAt:desc', label: '最近新增' },
];

export function EnterpriseListPage() {
  const { values, update, reset } = useSearchState();
  const query = listQueryFrom(values);
  const list = useEnterprises(query);
  const can = useCan();
  const exporter = useExportEnterprises();
  const { message } = App.useApp();
  const location = useLocation();
  useEffect(() => rememberListSearch(location.search), [location.search]);

  const setFilter = (patch: SearchPatch) => update(patch, { resetPage: true });
  const setSort = (s: SortState) => update({ sort: s.sort, order: s.order }, { resetPage: true });
  const setPage = (page: number, pageSize: number) => update(pagePatch(page, pageSize, DEFAULT_PAGE_SIZE));

  const onExport = () =>
    exporter.mutate(filterFrom(values), {
      onError: (e) => void message.error(`导出失败：${errorMessage(e)}`),
    });

  const extra = (
    <>
      {can('create:enterprise') && (
        <Link to={paths.enterprises.create}>
          <Button type="primary" icon={<PlusOutlined />} data-testid="enterprise-create">新增</Button>
        </Link>
      )}
      {can('import:enterprise') && (
        <Link to={paths.enterprises.import}>
          <Button icon={<UploadOutlined />} data-testid="enterprise-import">导入</Button>
        </Link>
      )}
      <Button icon={<DownloadOutlined />} onClick={onExport} loading={exporter.isPending} data-testid="enterprise-export">
        导出
      </Button>
    </>
  );

  const filterCount = activeFilterCount(values);

  return (
    <PageContainer title="生产经营单位" extra={extra}>
      <FilterCard
        search={<EnterpriseSearchBox value={values.q} onSearch={(q) => setFilter({ q: q || undefined })} />}
        filterCount={filterCount}
        filters={(vertical) => <EnterpriseFilters values={values} onChange={setFilter} vertical={vertical} />}
        phoneExtra={
          <Select
            value={`${query.sort ?? 'updatedAt'}:${query.order ?? 'desc'}`}
            options={PHONE_SORTS.some((o) => o.value === `${query.sort ?? 'updatedAt'}:${query.order ?? 'desc'}`)
              ? PHONE_SORTS
              : [...PHONE_SORTS, { value: `${query.sort}:${query.order}`, label: '自定义排序' }]}
            onChange={(v: string) => {
              const [sort, order] = v.split(':') as [SortKey, 'asc' | 'desc'];
              setSort({ sort, order });
            }}
            style={{ width: 150 }}
            aria-label="排序"
          />
        }
        showClear={filterCount > 0 || !!values.q}
        onClear={() => reset(['sort', 'order', 'pageSize'])}
      />
      <PagedResults
        list={list}
        page={query.page as number}
        pageSize={query.pageSize as number}
        onPageChange={setPage}
        cards={(p) => <EnterpriseCards {...p} />}
        table={(p) => <EnterpriseTable {...p} sort={{ sort: query.sort, order: query.order }} onSortChange={setSort} />}
      />
    </PageContainer>
  );
}
