// 隐患整治看板: the figures of the campaign for the office and the leaders. Every figure
// and every bar opens the ledger with the matching filters (and the same date range).
import { Button, Card, Col, DatePicker, Empty, Flex, Row, Skeleton, Space, Statistic, Table, type TableProps, Tag, Typography } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import type { THazardListItem } from '../../../contract/hazards.ts';
import { shanghaiDay } from '../../../domain/common/dates.ts';
import { HAZARD_STATUSES, HAZARD_STATUS_LABELS, type HazardStatus } from '../../../domain/hazards/hazard-machine.ts';
import { type LedgerFilter, paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { HAZARD_STATUS_HEX, HazardLevelTag, HazardStatusTag } from '../../components/hazard-tags.tsx';
import { DateRangeLabels, useDateRangeIds } from '../../components/list-filters.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { useIsMobile } from '../../components/use-is-mobile.ts';
import { dayjs, daysPast, formatDate } from '../../lib/format.ts';
import { dateParam, useSearchState } from '../../lib/search-params.ts';
import { type DashboardQuery, useHazardDashboard } from './api/get-dashboard.ts';
import { Chart, type ChartClick } from './components/chart.tsx';

const SERIES = [
  { key: 'found', name: '发现', color: '#1f5fbf', filter: {} },
  { key: 'closed', name: '已销号', color: '#52c41a', filter: { status: 'closed' } },
  { key: 'overdue', name: '逾期', color: '#cf1322', filter: { overdue: 'true' } },
] as const;

function Figure({
  title, value, suffix, to, color, testId, extra,
}: {
  title: string;
  value: ReactNode;
  suffix?: string;
  to: string;
  color?: string;
  testId: string;
  extra?: ReactNode;
}) {
  return (
    <Link to={to} className="card-link" data-testid={testId}>
      <Card hoverable size="small" className="figure-card">
        <Statistic title={title} value={value as number} suffix={suffix} styles={{ content: color ? { color } : undefined }} />
        {extra}
      </Card>
    </Link>
  );
}

/** A chart in a card: its Empty when there is nothing to draw. */
function ChartCard({ title, hint, emptyText, hasData, children }: { title: string; hint: string; emptyText: string; hasData: boolean; children: ReactNode }) {
  return (
    <Card title={title} size="small" extra={<Typography.Text type="secondary">{hint}</Typography.Text>}>
      {hasData ? children : <Empty description={emptyText} />}
    </Card>
  );
}

type BarRow = { name: string; found: number; closed: number; overdue: number; villageId?: string; sectorId?: string };

/** Horizontal bars (one row per village or sector), readable on a phone too. */
function barOption(rows: BarRow[]) {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true, axisLabel: { width: 96, overflow: 'truncate' } },
    series: SERIES.map((s) => ({
      name: s.name,
      type: 'bar',
      data: rows.map((r) => r[s.key]),
      itemStyle: { color: s.color },
      barMaxWidth: 14,
      cursor: 'pointer',
    })),
  };
}

/** The figures by village or by sector; a bar opens the ledger of that village or sector and series. */
function BarsCard({
  title, rows, kind, ledger, testId,
}: {
  title: string;
  rows: BarRow[];
  kind: 'villageId' | 'sectorId';
  ledger: (f: LedgerFilter) => string;
  testId: string;
}) {
  const navigate = useNavigate();
  const option = useMemo(() => barOption(rows), [rows]);
  const onClick = (p: ChartClick) => {
    const id = rows[p.dataIndex]?.[kind];
    const series = SERIES[p.seriesIndex ?? 0];
    if (id && series) navigate(ledger({ [kind]: id, ...series.filter }));
  };
  return (
    <ChartCard title={title} hint="点击柱条查看明细" emptyText="暂无数据" hasData={rows.length > 0}>
      <Chart option={option} onClick={onClick} style={{ height: Math.max(240, rows.length * 34 + 60) }} testId={testId} />
    </ChartCard>
  );
}

export function DashboardPage() {
  const { values, update } = useSearchState();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const rangeIds = useDateRangeIds();
  // The township's month and year, whatever the browser's timezone.
  const today = shanghaiDay(new Date());
  // Opened without a range: this year (本年), the figures a township reports on; 全部 (all=1) shows
  // the whole history.
  const chosen = values.from !== undefined || values.to !== undefined || values.all === '1';
  const query: DashboardQuery = chosen ? { from: dateParam(values.from), to: dateParam(values.to) } : { from: `${today.slice(0, 5)}01-01`, to: today };
  const dash = useHazardDashboard(query);
  const range: LedgerFilter = { from: query.from, to: query.to };
  const ledger = (f: LedgerFilter) => paths.hazards.ledger({ ...f, ...range });

  const d = dash.data;
  const villages = useMemo(() => (d?.byVillage ?? []).map((v) => ({ ...v, name: v.villageName })), [d]);
  const sectors = useMemo(() => (d?.bySector ?? []).map((s) => ({ ...s, name: s.sectorName })), [d]);
  const majorByStatus = useMemo(
    () =>
      HAZARD_STATUSES.filter((s) => (d?.major.byStatus[s] ?? 0) > 0).map((s) => ({
        name: HAZARD_STATUS_LABELS[s],
        value: d?.major.byStatus[s] ?? 0,
        status: s,
        itemStyle: { color: HAZARD_STATUS_HEX[s] },
      })),
    [d],
  );

  const pieOption = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}：{c}项（{d}%）' },
      legend: {
        bottom: 0,
        formatter: (name: string) => `${name} ${majorByStatus.find((m) => m.name === name)?.value ?? 0}`,
      },
      series: [{
        type: 'pie',
        radius: ['38%', '70%'],
        center: ['50%', '44%'],
        label: { position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 'bold' },
        data: majorByStatus,
        cursor: 'pointer',
      }],
    }),
    [majorByStatus],
  );

  const onPie = (p: ChartClick) => {
    const status = (p.data as { status?: HazardStatus } | undefined)?.status;
    if (status) navigate(ledger({ level: 'major', status }));
  };

  const presets: { label: string; from?: string; to?: string }[] = [
    { label: '本月', from: `${today.slice(0, 8)}01`, to: today },
    { label: '本年', from: `${today.slice(0, 5)}01-01`, to: today },
    { label: '全部' },
  ];
  const rangeBar = (
    <Flex gap={8} wrap align="center" className="dashboard-range">
      <DateRangeLabels ids={rangeIds} labels={['发现日期起', '发现日期止']} />
      <DatePicker.RangePicker
        id={rangeIds}
        value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
        onChange={(r) => update({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD'), all: r?.[0] || r?.[1] ? undefined : '1' })}
        allowEmpty={[true, true]}
        placeholder={['发现日期起', '发现日期止']}
        inputReadOnly={isMobile}
        data-testid="dashboard-range"
      />
      <Space.Compact>
        {presets.map((p) => (
          <Button
            key={p.label}
            type={query.from === p.from && query.to === p.to ? 'primary' : 'default'}
            onClick={() => update({ from: p.from, to: p.to, all: p.from || p.to ? undefined : '1' })}
          >
            {p.label}
          </Button>
        ))}
      </Space.Compact>
    </Flex>
  );

  const overdueColumns: TableProps<THazardListItem>['columns'] = [
    { title: '编号', key: 'number', width: 170, render: (_v, h) => <Link to={paths.hazards.detail(h.id)} className="mono">{h.number}</Link> },
    { title: '单位', dataIndex: 'enterpriseName', key: 'enterprise', ellipsis: true },
    { title: '村/社区', dataIndex: 'villageName', key: 'village', width: 100 },
    { title: '隐患描述', dataIndex: 'description', key: 'description', ellipsis: true },
    { title: '等级', key: 'level', width: 70, render: (_v, h) => <HazardLevelTag level={h.level} short /> },
    { title: '状态', key: 'status', width: 90, render: (_v, h) => <HazardStatusTag status={h.status} /> },
    {
      title: '整改期限',
      key: 'due',
      width: 190,
      render: (_v, h) => (
        <Space size={4}>
          <span className="text-danger">{h.dueDate}</span>
          <Tag color="red" variant="solid">逾期{daysPast(h.dueDate)}天</Tag>
        </Space>
      ),
    },
    { title: '责任单位', dataIndex: 'responsibleUnitName', key: 'unit', width: 130, ellipsis: true },
  ];

  const rangeText = query.from || query.to ? `发现日期 ${query.from ?? '不限'} 至 ${query.to ?? '今'}` : '全部时间';

  return (
    <PageContainer title="隐患整治看板" subTitle={rangeText} extra={rangeBar}>
      {dash.isError ? (
        <ErrorDisplay error={dash.error} onRetry={() => void dash.refetch()} />
      ) : !d ? (
        <Card><Skeleton active /></Card>
      ) : (
        <>
          <Row gutter={[12, 12]} className="figure-row">
            <Col xs={12} sm={8} xl={4}>
              <Figure title="发现隐患" value={d.found} suffix="项" to={ledger({})} testId="figure-found" />
            </Col>
            <Col xs={12} sm={8} xl={4}>
              <Figure title="已销号" value={d.closed} suffix="项" to={ledger({ status: 'closed' })} color="#389e0d" testId="figure-closed" />
            </Col>
            <Col xs={12} sm={8} xl={4}>
              <Figure
                title="整改率"
                value={(d.rectificationRate * 100).toFixed(1)}
                suffix="%"
                to={ledger({ status: 'closed' })}
                color="#1f5fbf"
                testId="figure-rate"
              />
            </Col>
            <Col xs={12} sm={8} xl={4}>
              {/* 在改 = 待整改 + 整改中 + 待验收: the ledger's 在改 filter. */}
              <Figure title="在改" value={d.open} suffix="项" to={ledger({ open: 'true' })} testId="figure-open" />
            </Col>
            <Col xs={12} sm={8} xl={4}>
              <Figure title="逾期" value={d.overdue} suffix="项" to={ledger({ overdue: 'true' })} color="#cf1322" testId="figure-overdue" />
            </Col>
            <Col xs={12} sm={8} xl={4}>
              <Card size="small" className="figure-card" data-testid="figure-major">
                <div className="figure-title">重大隐患</div>
                <Flex justify="space-between" gap={4} className="major-figures">
                  <Link to={ledger({ level: 'major' })} data-testid="figure-major-found">
                    <div className="major-label">发现</div>
                    <div className="major-num">{d.major.found}</div>
                  </Link>
                  <Link to={ledger({ level: 'major', status: 'closed' })} data-testid="figure-major-closed">
                    <div className="major-label">销号</div>
                    <div className="major-num">{d.major.closed}</div>
                  </Link>
                  <Link to={ledger({ level: 'major', listed: 'true' })} data-testid="figure-major-listed">
                    <div className="major-label">挂牌</div>
                    <div className="major-num">{d.major.listed}</div>
                  </Link>
                </Flex>
              </Card>
            </Col>
          </Row>

          <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
            <Col xs={24} xl={12}>
              <BarsCard title="各村/社区隐患" rows={villages} kind="villageId" ledger={ledger} testId="chart-village" />
            </Col>
            <Col xs={24} xl={12}>
              <Flex vertical gap={12}>
                <BarsCard title="各行业领域隐患" rows={sectors} kind="sectorId" ledger={ledger} testId="chart-sector" />
                <ChartCard title="重大隐患状态" hint="点击查看明细" emptyText="暂无重大隐患" hasData={majorByStatus.length > 0}>
                  <Chart option={pieOption} onClick={onPie} style={{ height: 260 }} testId="chart-major" />
                </ChartCard>
              </Flex>
            </Col>
            <Col xs={24}>
              <Card
                title={`逾期隐患（${d.overdue}）`}
                size="small"
                extra={<Link to={ledger({ overdue: 'true' })}>在台账中查看</Link>}
                data-testid="dashboard-overdue"
              >
                {d.overdueList.length > 0 && (
                  <Typography.Paragraph type="secondary" className="form-hint" style={{ marginTop: 0 }} data-testid="dashboard-overdue-hint">
                    所选期间发现的隐患中，逾期最久的在前{d.overdue > d.overdueList.length ? `；列出前 ${d.overdueList.length} 条，全部请在台账中查看` : ''}
                  </Typography.Paragraph>
                )}
                {isMobile ? (
                  d.overdueList.length ? (
                    <Flex vertical gap={8}>
                      {d.overdueList.map((h) => (
                        <Link key={h.id} to={paths.hazards.detail(h.id)} className="card-link overdue-item">
                          <Flex justify="space-between" gap={8}>
                            <Typography.Text ellipsis strong>{h.enterpriseName}</Typography.Text>
                            <HazardLevelTag level={h.level} short />
                          </Flex>
                          <Typography.Paragraph ellipsis={{ rows: 1 }} style={{ margin: 0 }}>{h.description}</Typography.Paragraph>
                          <div className="card-meta">
                            期限 <span className="text-danger">{h.dueDate}（逾期{daysPast(h.dueDate)}天）</span> · {h.responsibleUnitName}
                          </div>
                        </Link>
                      ))}
                    </Flex>
                  ) : (
                    <Empty description="没有逾期隐患" />
                  )
                ) : (
                  <Table<THazardListItem>
                    rowKey="id"
                    size="small"
                    columns={overdueColumns}
                    dataSource={d.overdueList}
                    pagination={d.overdueList.length > 10 ? { pageSize: 10, size: 'small' } : false}
                    scroll={{ x: 900 }}
                    locale={{ emptyText: <Empty description="没有逾期隐患" /> }}
                  />
                )}
              </Card>
            </Col>
          </Row>
          <Typography.Text type="secondary" className="form-hint" style={{ display: 'block', marginTop: 8 }}>
            按发现日期统计（北京时间），不含已作废隐患；统计截至 {formatDate(new Date().toISOString())}。
          </Typography.Text>
        </>
      )}
    </PageContainer>
  );
}
