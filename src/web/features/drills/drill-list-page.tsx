// 应急演练 / 安全培训 records: the enterprises' drills and training (an enterprise its own, with this
// year's state on top), or on /drills/staff the authorities' 执法人员培训 per unit; category tabs
// with counts, search by name, filters (kind, verified, dates, voided), pages; a phone sees cards.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { Link } from 'react-router';
import { ACTIVITY_CATEGORIES, ACTIVITY_CATEGORY_LABELS } from '../../../domain/drills/drill-requirement.ts';
import { paths } from '../../app/paths.ts';
import { CountTabs } from '../../components/count-tabs.tsx';
import { EnterpriseFilterTag } from '../../components/enterprise-filter-tag.tsx';
import { FilterCard } from '../../components/filter-card.tsx';
import { PagedResults } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { SearchBox } from '../../components/search-box.tsx';
import { useCan } from '../../lib/abilities.ts';
import { useCurrentUser } from '../../lib/auth.ts';
import { type SearchPatch, pagePatch, useSearchState } from '../../lib/search-params.ts';
import { useDrillList } from './api/drills.ts';
import { DrillFilters } from './components/drill-filters.tsx';
import { DrillCards, DrillTable } from './components/drill-table.tsx';
import { EnterpriseCompliance } from './components/enterprise-drills.tsx';
import { DEFAULT_PAGE_SIZE, activeFilterCount, listQueryFrom } from './components/list-query.ts';

function DrillList({ staff }: { staff: boolean }) {
  const me = useCurrentUser();
  const can = useCan();
  const own = me.enterpriseId;
  const { values, update, reset } = useSearchState();
  const query = listQueryFrom(values, staff);
  const list = useDrillList(query);
  const setFilter = (patch: SearchPatch) => update(patch, { resetPage: true });
  const setPage = (page: number, pageSize: number) => update(pagePatch(page, pageSize, DEFAULT_PAGE_SIZE));
  const counts = list.data?.counts;
  const filterCount = activeFilterCount(values);
  const emptyText = staff ? '没有执法人员培训记录' : '没有演练或培训记录';

  const create = staff
    ? can('record:staff_training') && <Link to={paths.drills.staffCreate}><Button type="primary" icon={<PlusOutlined />} data-testid="staff-training-create">登记执法人员培训</Button></Link>
    : can('record:drill') && (
      <Link to={paths.drills.create(own || !query.enterpriseId ? {} : { enterpriseId: query.enterpriseId })}>
        <Button type="primary" icon={<PlusOutlined />} data-testid="drill-create">登记演练/培训</Button>
      </Link>
    );
  const title = staff ? '执法人员培训' : own ? '本单位演练培训' : '演练培训记录';

  return (
    <PageContainer title={title} extra={create}>
      {own && !staff && can('read:drill_compliance') && (
        <Card size="small" title="本年完成情况" style={{ marginBottom: 12 }} data-testid="own-drill-compliance">
          <EnterpriseCompliance enterpriseId={own} />
        </Card>
      )}
      <FilterCard
        search={<SearchBox value={values.q} onSearch={(q) => setFilter({ q: q || undefined })} placeholder={staff ? '受训单位、培训内容' : own ? '演练或培训内容' : '单位名称、演练或培训内容'} testId="drill-search" />}
        filterCount={filterCount}
        filters={(vertical) => <DrillFilters values={values} onChange={setFilter} vertical={vertical} category={query.category} staff={staff} />}
        showClear={filterCount > 0 || !!values.q || !!values.category || !!values.enterpriseId}
        onClear={() => reset(['pageSize'])}
        drawerSize="60%"
      >
        {query.enterpriseId && !own && (
          <EnterpriseFilterTag
            id={query.enterpriseId}
            fallbackName={list.data?.items[0]?.enterprise?.name}
            onClose={() => setFilter({ enterpriseId: undefined })}
            testId="drill-filter-enterprise"
          />
        )}
      </FilterCard>
      {!staff && (
        <CountTabs
          value={query.category}
          onChange={(category) => setFilter({ category, kind: undefined })}
          allCount={counts ? counts.drill + counts.training : undefined}
          tabs={ACTIVITY_CATEGORIES.map((c) => ({ key: c, label: ACTIVITY_CATEGORY_LABELS[c], count: counts?.[c] }))}
          testIdPrefix="drill-tab-"
          ariaLabel="类别"
        />
      )}
      <PagedResults
        list={list}
        page={query.page as number}
        pageSize={query.pageSize as number}
        onPageChange={setPage}
        cards={(p) => <DrillCards {...p} staff={staff} emptyText={emptyText} />}
        table={(p) => <DrillTable {...p} staff={staff} emptyText={emptyText} />}
      />
    </PageContainer>
  );
}

export function DrillListPage() {
  return <DrillList staff={false} />;
}

/** /drills/staff: the authorities' 执法人员培训. */
export function StaffTrainingListPage() {
  return <DrillList staff />;
}
