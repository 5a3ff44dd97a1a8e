// 问责记录: 追责问责 of officials and 约谈通报 of units, with kind tabs, filters and export.
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Empty, Flex, Pagination, Select, Spin, Table, type TableProps, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import {
  ACCOUNTABILITY_KINDS, ACCOUNTABILITY_KIND_LABELS, ACCOUNTABILITY_TARGET_TYPES, ACCOUNTABILITY_TARGET_TYPE_LABELS, type TAccountabilityItem,
} from '../../../contract/accountability.ts';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { SearchBox } from '../../components/search-box.tsx';
import { useIsMobile } from '../../components/use-is-mobile.ts';
import { errorMessage } from '../../lib/api.ts';
import { dayjs } from '../../lib/format.ts';
import { type SearchPatch, dateParam, enumParam, intParam, useSearchState } from '../../lib/search-params.ts';
import { useAccountabilityList, useExportAccountability } from './api/accountability.ts';

const ALL = 'all';
const DEFAULT_PAGE_SIZE = 20;

const targetText = (r: TAccountabilityItem) =>
  r.targetType === 'person' ? [r.targetName, r.targetUnitName, r.position].filter(Boolean).join(' · ') : r.targetName;

export function AccountabilityListPage() {
  const { values, update, reset } = useSearchState();
  const filter = {
    q: values.q?.trim() ? values.q.trim().slice(0, 64) : undefined,
    kind: enumParam(values.kind, ACCOUNTABILITY_KINDS),
    targetType: enumParam(values.targetType, ACCOUNTABILITY_TARGET_TYPES),
    from: dateParam(values.from),
    to: dateParam(values.to),
  };
  const query = { ...filter, page: intParam(values.page, 1), pageSize: intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100) };
  const list = useAccountabilityList(query);
  const exporter = useExportAccountability();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const setFilter = (patch: SearchPatch) => update(patch, { resetPage: true });
  const setPage = (page: number, pageSize: number) =>
    update({ page: page > 1 ? page : undefined, pageSize: pageSize !== DEFAULT_PAGE_SIZE ? pageSize : undefined });
  const data = list.data;

  const columns: TableProps<TAccountabilityItem>['columns'] = [
    { title: '类型', key: 'kind', width: 90, render: (_v, r) => <Tag>{ACCOUNTABILITY_KIND_LABELS[r.kind]}</Tag> },
    { title: '问责对象', key: 'target', width: 220, render: (_v, r) => <Link to={paths.accountability.detail(r.id)} data-testid="accountability-link">{targetText(r)}</Link> },
    { title: '措施', dataIndex: 'measure', key: 'measure', width: 100 },
    { title: '事由', dataIndex: 'reason', key: 'reason', ellipsis: { showTitle: true } },
    { title: '决定机关', dataIndex: 'decidedBy', key: 'decidedBy', width: 130, ellipsis: true },
    { title: '决定日期', dataIndex: 'decidedOn', key: 'decidedOn', width: 100 },
  ];

  const extra = (
    <>
      {data?.canCreate && (
        <Link to={paths.accountability.create}><Button type="primary" icon={<PlusOutlined />} data-testid="accountability-create">登记问责</Button></Link>
      )}
      <Button icon={<DownloadOutlined />} loading={exporter.isPending} data-testid="accountability-export"
        onClick={() => exporter.mutate(filter, { onError: (e) => void message.error(`导出失败：${errorMessage(e)}`) })}>导出</Button>
    </>
  );
  const tabLabel = (text: string, n: number | undefined) => <span>{text}{n !== undefined && <span className="tab-count">{n}</span>}</span>;
  const counts = data?.counts;

  return (
    <PageContainer title="问责记录" extra={extra}>
      <Card size="small" className="filter-card">
        <Flex gap={8} wrap align="center">
          <SearchBox value={values.q} onSearch={(q) => setFilter({ q: q || undefined })} placeholder="对象、事由、措施或文号" testId="accountability-search" />
          <Select allowClear placeholder="对象类别" style={{ width: isMobile ? '100%' : 120 }} value={values.targetType || undefined}
            onChange={(v: string | undefined) => setFilter({ targetType: v })}
            options={ACCOUNTABILITY_TARGET_TYPES.map((t) => ({ value: t, label: ACCOUNTABILITY_TARGET_TYPE_LABELS[t] }))} />
          <DatePicker.RangePicker
            value={[values.from ? dayjs(values.from) : null, values.to ? dayjs(values.to) : null]}
            onChange={(range) => setFilter({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
            allowEmpty={[true, true]} placeholder={['决定日期起', '决定日期止']} inputReadOnly={isMobile} style={{ width: isMobile ? '100%' : 250 }}
          />
          {(values.q || values.kind || values.targetType || values.from || values.to) && (
            <Button type="link" onClick={() => reset(['pageSize'])}>清除条件</Button>
          )}
        </Flex>
      </Card>
      <Tabs
        className="status-tabs"
        size="small"
        activeKey={query.kind ?? ALL}
        onChange={(k) => setFilter({ kind: k === ALL ? undefined : k })}
        items={[
          { key: ALL, label: tabLabel('全部', counts ? counts.accountability + counts.interviewNotice : undefined) },
          { key: 'accountability', label: tabLabel(ACCOUNTABILITY_KIND_LABELS.accountability, counts?.accountability) },
          { key: 'interview_notice', label: tabLabel(ACCOUNTABILITY_KIND_LABELS.interview_notice, counts?.interviewNotice) },
        ]}
      />
      {list.isError ? (
        <ErrorDisplay error={list.error} onRetry={() => void list.refetch()} />
      ) : isMobile ? (
        <Spin spinning={list.isFetching}>
          {!list.isFetching && (data?.items.length ?? 0) === 0 && <Empty description="没有问责记录" />}
          <Flex vertical gap={8}>
            {(data?.items ?? []).map((r) => (
              <Link key={r.id} to={paths.accountability.detail(r.id)} className="card-link" data-testid="accountability-link">
                <Card size="small">
                  <Flex justify="space-between" gap={8}><strong>{targetText(r)}</strong><Tag>{ACCOUNTABILITY_KIND_LABELS[r.kind]}</Tag></Flex>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>{r.reason}</Typography.Paragraph>
                  <div className="card-meta">{r.measure} · {r.decidedBy} · {r.decidedOn}</div>
                </Card>
              </Link>
            ))}
          </Flex>
          <Flex justify="center" style={{ marginTop: 12 }}>
            <Pagination simple current={query.page} pageSize={query.pageSize} total={data?.total ?? 0} onChange={setPage} />
          </Flex>
        </Spin>
      ) : (
        <Card size="small">
          <Table<TAccountabilityItem>
            rowKey="id" size="middle" columns={columns} dataSource={data?.items ?? []} loading={list.isFetching} scroll={{ x: 900 }}
            locale={{ emptyText: <Empty description="没有问责记录" /> }}
            onChange={(p, _f, _s, extra2) => { if (extra2.action === 'paginate') setPage(p.current ?? 1, p.pageSize ?? query.pageSize); }}
            pagination={{ current: query.page, pageSize: query.pageSize, total: data?.total ?? 0, showSizeChanger: true, showTotal: (t) => `共 ${t} 条` }}
            data-testid="accountability-table"
          />
        </Card>
      )}
    </PageContainer>
  );
}
