// The campaign page's 概况: the region's hazards since the campaign began (the forms' own metric
// definitions), week by week, by village and by sector; each unit's tasks; each form's current
// round. Every figure and bar opens its records.
import { Card, Col, Empty, Flex, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import type { RouteResponse } from '../../../../contract/route.ts';
import type { reportRoutes } from '../../../../contract/reports.ts';
import { ErrorDisplay } from '../../../components/error-display.tsx';
import { Chart, type ChartClick } from '../../dashboard/components/chart.tsx';
import { useCampaignDashboard } from '../api/dashboard.ts';

type Data = RouteResponse<typeof reportRoutes.dashboard>;
type Bar = { name: string; found: number; rectified: number; href: string };

function bars(rows: readonly Bar[], horizontal: boolean) {
  const names = rows.map((r) => r.name);
  const cat = { type: 'category', data: names, ...(horizontal ? { inverse: true, axisLabel: { width: 96, overflow: 'truncate' } } : {}) };
  const val = { type: 'value', minInterval: 1 };
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: horizontal ? val : cat,
    yAxis: horizontal ? cat : val,
    series: [
      { name: '排查隐患', type: 'bar', data: rows.map((r) => r.found), itemStyle: { color: '#1677ff' }, barMaxWidth: 14, cursor: 'pointer' },
      { name: '已整改', type: 'bar', data: rows.map((r) => r.rectified), itemStyle: { color: '#52c41a' }, barMaxWidth: 14, cursor: 'pointer' },
    ],
  };
}

function BarChart({ title, rows, horizontal, testId }: { title: string; rows: Bar[]; horizontal: boolean; testId: string }) {
  const navigate = useNavigate();
  const option = useMemo(() => bars(rows, horizontal), [rows, horizontal]);
  const onClick = (p: ChartClick) => {
    const r = rows[p.dataIndex];
    if (r) navigate(p.seriesIndex === 1 ? `${r.href}&status=closed` : r.href);
  };
  return (
    <Card size="small" title={title} extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>点击柱条查看明细</Typography.Text>}>
      {rows.length ? <Chart option={option} onClick={onClick} testId={testId} style={{ height: horizontal ? Math.max(220, rows.length * 30 + 60) : 260 }} /> : <Empty description="暂无数据" />}
    </Card>
  );
}

function Body({ d }: { d: Data }) {
  const weekly = d.weekly.map((w) => ({ ...w, name: w.week.slice(5) }));
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={`${d.region.name} 隐患排查整治（${d.from} 至 ${d.to}）`}>
        <Flex gap="8px 24px" wrap>
          {d.hazards.map((h) => <Link key={h.key} to={h.href} data-testid={`overview-${h.key}`}><Statistic title={h.label} value={h.value} /></Link>)}
        </Flex>
      </Card>
      <BarChart title="每周排查与整改" rows={weekly} horizontal={false} testId="overview-weekly" />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}><BarChart title="按村（社区）" rows={d.byVillage} horizontal testId="overview-villages" /></Col>
        <Col xs={24} lg={12}><BarChart title="按行业领域" rows={d.bySector} horizontal testId="overview-sectors" /></Col>
      </Row>
      {d.forms.length > 0 && (
        <Card size="small" title="报表本期填报">
          <Table rowKey="seriesId" size="small" pagination={false} dataSource={d.forms} scroll={{ x: 580 }} columns={[
            { title: '报表', key: 'name', width: 180, render: (_v, f) => (f.href ? <Link to={f.href}>{f.name}</Link> : f.name) },
            { title: '报送期', dataIndex: 'due', key: 'due', width: 110 },
            { title: '已报/应报', key: 'r', width: 100, render: (_v, f) => `${f.reported}/${f.expected}` },
            { title: '已审核', dataIndex: 'approved', key: 'a', width: 80 },
            { title: '逾期未报', key: 'o', width: 90, render: (_v, f) => (f.overdue ? <Typography.Text type="danger">{f.overdue}</Typography.Text> : 0) },
          ]} />
        </Card>
      )}
      {d.units.length > 0 && (
        <Card size="small" title="各单位任务完成情况">
          <Table rowKey="id" size="small" pagination={d.units.length > 20 ? { pageSize: 20, showSizeChanger: false } : false} dataSource={d.units} scroll={{ x: 420 }} columns={[
            { title: '单位', dataIndex: 'name', key: 'name' },
            { title: '已确认/已到期', key: 'c', width: 120, render: (_v, u) => `${u.confirmed}/${u.dueSoFar}` },
            { title: '待确认', dataIndex: 'submitted', key: 's', width: 80 },
            { title: '逾期未报', key: 'o', width: 90, render: (_v, u) => (u.overdue ? <Typography.Text type="danger">{u.overdue}</Typography.Text> : 0) },
          ]} />
        </Card>
      )}
    </Flex>
  );
}

export function CampaignOverview({ campaignId }: { campaignId: string }) {
  const q = useCampaignDashboard(campaignId);
  if (q.isError) return <ErrorDisplay error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Skeleton active />;
  return <Body d={q.data} />;
}
