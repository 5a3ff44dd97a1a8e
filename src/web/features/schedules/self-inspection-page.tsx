// /self-inspection: 谁落后了 — enterprises in scope by missed self-inspections over a period, for
// the authorities; with filters (village, frequency, name, period) and export.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Select, Table, type TableProps, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { TBehindItem } from '../../../contract/schedules.ts';
import { SELF_INSPECTION_FREQUENCIES, SELF_INSPECTION_FREQUENCY_LABELS } from '../../../domain/schedules/self-inspection-schedule.ts';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { DateRangeLabels, useDateRangeIds } from '../../components/list-filters.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { SearchBox } from '../../components/search-box.tsx';
import { useIsMobile } from '../../components/use-is-mobile.ts';
import { errorMessage } from '../../lib/api.ts';
import { enumParam, intParam, useSearchState } from '../../lib/search-params.ts';
import { useVillages } from '../../reference-data/list-units.ts';
import { useExportBehind } from './api/export-behind.ts';
import type { BehindFilterQuery } from './api/keys.ts';
import { useBehind } from './api/list-behind.ts';
import { percent } from './components/labels.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function SelfInspectionPage() {
  const { values, update } = useSearchState();
  const rangeIds = useDateRangeIds();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const filter: BehindFilterQuery = {
    q: values.q || undefined,
    villageId: values.villageId || undefined,
    frequency: enumParam(values.frequency, SELF_INSPECTION_FREQUENCIES),
    from: values.from && DAY.test(values.from) ? values.from : undefined,
    to: values.to && DAY.test(values.to) ? values.to : undefined,
  };
  const page = intParam(values.page, 1);
  const pageSize = intParam(values.pageSize, 20, 100);
  const list = useBehind({ ...filter, page, pageSize });
  const villages = useVillages();
  const exporter = useExportBehind();
  const data = list.data;

  const freqCell = (f: (typeof SELF_INSPECTION_FREQUENCIES)[number]) => (_: unknown, r: TBehindItem) => {
    const c = r.byFrequency[f];
    return c.total === 0 ? '—' : <span style={{ color: c.missed > 0 ? '#cf1322' : undefined }}>{c.missed} / {percent(c.rate)}</span>;
  };
  const columns: TableProps<TBehindItem>['columns'] = [
    { title: '生产经营单位', key: 'name', render: (_v, r) => <Link to={paths.selfInspection.enterprise(r.enterpriseId)}>{r.enterpriseName}</Link> },
    { title: '村/社区', dataIndex: 'villageName', key: 'village', width: 110 },
    { title: '未按期', dataIndex: 'missed', key: 'missed', width: 80, render: (v: number) => <Typography.Text type={v > 0 ? 'danger' : undefined} strong>{v}</Typography.Text> },
    { title: '完成率', key: 'rate', width: 80, render: (_v, r) => percent(r.rate) },
    ...(isMobile ? [] : SELF_INSPECTION_FREQUENCIES.map((f) => ({ title: `${SELF_INSPECTION_FREQUENCY_LABELS[f]}查 未按期/完成率`, key: f, width: 130, render: freqCell(f) }))),
    { title: '最近自查', dataIndex: 'lastDoneOn', key: 'last', width: 110, render: (v: string | null) => v ?? '—' },
  ];

  const extra = (
    <Button
      icon={<DownloadOutlined />}
      loading={exporter.isPending}
      onClick={() => exporter.mutate(filter, { onError: (e) => void message.error(`导出失败：${errorMessage(e)}`) })}
      data-testid="behind-export"
    >
      导出
    </Button>
  );
  const set = (patch: Record<string, string | undefined>) => update(patch, { resetPage: true });

  return (
    <PageContainer title="自查情况" subTitle={data ? `${data.from} 至 ${data.to}：${data.scheduled} 家有自查安排，${data.behind} 家未按期完成` : undefined} extra={extra}>
      <Card size="small" className="filter-card">
        <Flex gap={8} wrap align="center">
          <SearchBox value={values.q} onSearch={(q) => set({ q: q || undefined })} placeholder="单位名称" testId="behind-search" />
          <Select
            allowClear
            placeholder="村/社区"
            aria-label="村/社区"
            style={{ width: 140 }}
            value={filter.villageId}
            onChange={(v?: string) => set({ villageId: v })}
            options={(villages.data?.items ?? []).map((v) => ({ value: v.id, label: v.name }))}
            data-testid="behind-village"
          />
          <Select
            allowClear
            placeholder="日/周/月"
            aria-label="自查频次"
            style={{ width: 110 }}
            value={filter.frequency}
            onChange={(v?: string) => set({ frequency: v })}
            options={SELF_INSPECTION_FREQUENCIES.map((f) => ({ value: f, label: `${SELF_INSPECTION_FREQUENCY_LABELS[f]}查` }))}
            data-testid="behind-frequency"
          />
          <DateRangeLabels ids={rangeIds} labels={['开始日期', '结束日期']} />
          <DatePicker.RangePicker
            id={rangeIds}
            allowClear
            value={filter.from && filter.to ? [dayjs(filter.from), dayjs(filter.to)] : null}
            onChange={(r) => set({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
            style={{ maxWidth: 260 }}
          />
        </Flex>
      </Card>
      {list.isError ? (
        <ErrorDisplay error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<TBehindItem>
          rowKey="enterpriseId"
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: isMobile ? 520 : 1000 }}
          pagination={{
            current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !isMobile, size: isMobile ? 'small' : undefined,
            onChange: (p, s) => update({ page: p > 1 ? p : undefined, pageSize: s !== 20 ? s : undefined }),
          }}
          data-testid="behind-table"
        />
      )}
    </PageContainer>
  );
}
