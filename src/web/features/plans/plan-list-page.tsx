// /plans: the annual inspection plans the user may see (a department its own, the office its
// township's), with their coverage; 新建 for those who keep plans.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, InputNumber, Progress, type TableProps } from 'antd';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { TPlanListItem } from '../../../contract/plans.ts';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { ListTable } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { intParam, pagePatch, useSearchState } from '../../lib/search-params.ts';
import { usePlans } from './api/list-plans.ts';
import { PlanCreateModal } from './components/plan-create-modal.tsx';

const DEFAULT_PAGE_SIZE = 20;

export function PlanListPage() {
  const { values, update } = useSearchState();
  const year = values.year ? intParam(values.year, new Date().getFullYear(), 2100) : undefined;
  const page = intParam(values.page, 1);
  const pageSize = intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100);
  const list = usePlans({ year, page, pageSize });
  const [creating, setCreating] = useState(false);
  const yearId = useId();
  const units = list.data?.unitOptions ?? [];

  const columns: TableProps<TPlanListItem>['columns'] = [
    { title: '年度', dataIndex: 'year', key: 'year', width: 70 },
    { title: '计划', key: 'name', render: (_v, p) => <Link to={paths.plans.detail(p.id)}>{p.name}</Link> },
    { title: '计划单位', dataIndex: 'unitName', key: 'unit', width: 140 },
    { title: '计划检查', key: 'planned', width: 110, render: (_v, p) => `${p.planned}（重点 ${p.keyPlanned}）` },
    {
      title: '已检查',
      key: 'covered',
      width: 160,
      render: (_v, p) => (
        <Progress
          percent={p.planned ? Math.round((p.covered / p.planned) * 100) : 0}
          size="small"
          format={() => `${p.covered}/${p.planned}`}
          aria-label={`已检查 ${p.covered}/${p.planned}`}
        />
      ),
    },
  ];

  return (
    <PageContainer
      title="检查计划"
      extra={units.length > 0 && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-create">新建计划</Button>}
    >
      <Card size="small" className="filter-card">
        <Flex gap={8} align="center">
          <label htmlFor={yearId}>年度</label>
          <InputNumber id={yearId} min={2000} max={2100} value={year} onChange={(v) => update({ year: v ?? undefined }, { resetPage: true })} placeholder="全部" data-testid="plan-year" />
        </Flex>
      </Card>
      {list.isError ? (
        <ErrorDisplay error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ListTable
          items={list.data?.items ?? []}
          loading={list.isFetching}
          page={page}
          pageSize={pageSize}
          total={list.data?.total ?? 0}
          onPageChange={(p, size) => update(pagePatch(p, size, DEFAULT_PAGE_SIZE))}
          columns={columns}
          scrollX={620}
          emptyText={year ? `${year}年没有检查计划` : '还没有检查计划'}
          unit="个计划"
          testId="plan-table"
        />
      )}
      <PlanCreateModal open={creating} onClose={() => setCreating(false)} units={units} />
    </PageContainer>
  );
}
