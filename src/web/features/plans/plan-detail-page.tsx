// /plans/:id: a plan's 12-month progress, its entries (add, remove, 检查), the key enterprises not
// yet covered, and export.
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Select, Skeleton, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { SearchBox } from '../../components/search-box.tsx';
import { errorMessage } from '../../lib/api.ts';
import { intParam, useSearchState } from '../../lib/search-params.ts';
import { useExportPlan } from './api/export-plan.ts';
import { usePlan } from './api/get-plan.ts';
import { useEntries } from './api/list-entries.ts';
import { AddEntryModal } from './components/add-entry-modal.tsx';
import { EntriesTable } from './components/entries-table.tsx';
import { KeyUncoveredCard } from './components/key-uncovered-card.tsx';
import { MonthProgress } from './components/month-progress.tsx';
import { percent } from './components/labels.ts';

const STATE_FILTERS = [
  { value: 'uncovered', label: '未检查' },
  { value: 'covered', label: '已检查' },
  { value: 'overdue', label: '逾期未检查' },
  { value: 'key', label: '重点企业' },
];

export function PlanDetailPage() {
  const { id = '' } = useParams();
  const { values, update } = useSearchState();
  const plan = usePlan(id);
  const month = values.month ? intParam(values.month, 1, 12) : undefined;
  const page = intParam(values.page, 1);
  const pageSize = intParam(values.pageSize, 20, 100);
  const state = values.state;
  const entries = useEntries(id, {
    month, q: values.q || undefined, page, pageSize,
    covered: state === 'covered' ? 'true' : state === 'uncovered' ? 'false' : undefined,
    overdue: state === 'overdue' ? 'true' : undefined,
    isKey: state === 'key' ? 'true' : undefined,
  });
  const exporter = useExportPlan();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);

  if (plan.isError) {
    return (
      <PageContainer title="检查计划" backTo={paths.plans.list}>
        <ErrorDisplay error={plan.error} onRetry={() => void plan.refetch()} backTo={paths.plans.list} />
      </PageContainer>
    );
  }
  const p = plan.data;
  if (!p) return <PageContainer title="检查计划" backTo={paths.plans.list}><Card><Skeleton active /></Card></PageContainer>;

  const extra = (
    <>
      {p.allowedActions.includes('edit') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="entry-add">添加单位</Button>}
      <Button icon={<DownloadOutlined />} loading={exporter.isPending} onClick={() => exporter.mutate(id, { onError: (e) => void message.error(`导出失败：${errorMessage(e)}`) })} data-testid="plan-export">
        导出
      </Button>
    </>
  );

  return (
    <PageContainer title={p.name} subTitle={`${p.unitName} · ${p.year}年`} backTo={paths.plans.list} extra={extra}>
      {p.note && <Typography.Paragraph type="secondary">{p.note}</Typography.Paragraph>}
      <Card size="small">
        <Flex gap={32} wrap style={{ marginBottom: 12 }}>
          <Statistic title="计划检查" value={p.planned} />
          <Statistic title="已检查" value={p.covered} />
          <Statistic title="完成率" value={percent(p.rate)} />
          <Statistic title="逾期未检查" value={p.overdue} styles={{ content: p.overdue ? { color: '#cf1322' } : undefined }} />
        </Flex>
        <MonthProgress plan={p} selected={month} onSelect={(m) => update({ month: m }, { resetPage: true })} />
      </Card>
      <Card size="small" style={{ marginTop: 16 }} title={month ? `${month}月计划` : '全部计划条目'}>
        <Flex gap={8} wrap style={{ marginBottom: 8 }}>
          <SearchBox value={values.q} onSearch={(q) => update({ q: q || undefined }, { resetPage: true })} placeholder="单位名称" testId="entry-search" />
          <Select allowClear placeholder="完成情况" aria-label="完成情况" style={{ width: 130 }} value={state} options={STATE_FILTERS} onChange={(v?: string) => update({ state: v }, { resetPage: true })} />
        </Flex>
        {entries.isError ? (
          <ErrorDisplay error={entries.error} onRetry={() => void entries.refetch()} />
        ) : (
          <EntriesTable
            planId={id}
            items={entries.data?.items ?? []}
            loading={entries.isFetching}
            page={page}
            pageSize={pageSize}
            total={entries.data?.total ?? 0}
            onPage={(pg, size) => update({ page: pg > 1 ? pg : undefined, pageSize: size !== 20 ? size : undefined })}
            canEdit={p.allowedActions.includes('edit')}
            canInspect={p.allowedActions.includes('inspect')}
          />
        )}
      </Card>
      <KeyUncoveredCard planId={id} />
      {p.allowedActions.includes('edit') && <AddEntryModal planId={id} open={adding} onClose={() => setAdding(false)} month={month} />}
    </PageContainer>
  );
}
