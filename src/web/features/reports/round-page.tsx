// /campaigns/:id/reports/:due?form=: one round of a form for the office: completeness and
// timeliness, every unit's state (open one to approve or return it), and the roll-up: the units'
// submitted figures summed beside the same figures recounted over the whole region.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useExportRollup, useRollup } from './api/reports.ts';
import { SUBMISSION_STATE_COLORS, showValue } from './components/labels.ts';

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function RoundPage() {
  const { id = '', due = '' } = useParams();
  const [sp] = useSearchParams();
  const form = sp.get('form') ?? '';
  const q = useRollup(id, due, form);
  const exporter = useExportRollup(id, due, form);
  const { message } = App.useApp();
  const back = paths.campaigns.detail(id, 'reports');
  if (q.isError) return <PageContainer title="本轮报表" backTo={back}><ErrorDisplay error={q.error} onRetry={() => void q.refetch()} /></PageContainer>;
  const r = q.data;
  if (!r) return <PageContainer title="本轮报表" backTo={back}><Card><Skeleton active /></Card></PageContainer>;
  const k = r.completeness;
  const computed = new Set(r.indicators.filter((i) => i.kind === 'computed').map((i) => i.key));
  const rollupRows = r.indicators.map((i) => {
    const sum = r.sum[i.key];
    const region = computed.has(i.key) ? r.region.values[i.key] : undefined;
    // a 是/否 figure differs when it reads differently, not when the counts behind it do
    const differs = region !== undefined && sum !== undefined && (i.display === 'yesno' ? region > 0 !== sum > 0 : region !== sum);
    return { ...i, sum, region, differs };
  });
  return (
    <PageContainer title={`${r.form.title}`} subTitle={`报送期 ${r.round.due} · 统计期 ${r.round.from} 起`} backTo={back}
      extra={<Button icon={<DownloadOutlined />} loading={exporter.isPending} onClick={() => exporter.mutate(undefined, { onError: (e) => void message.error(errorMessage(e)) })} data-testid="rollup-export">导出汇总表</Button>}>
      <Card size="small">
        <Flex gap="8px 24px" wrap>
          <Statistic title="应报单位" value={k.expected} />
          <Statistic title="已报" value={k.reported} suffix={`（${pct(k.rate)}）`} />
          <Statistic title="按时报送" value={k.onTime} suffix={`（${pct(k.onTimeRate)}）`} />
          <Statistic title="已审核" value={k.approved} />
        </Flex>
      </Card>
      {r.byTownship.length > 0 && (
        <Card size="small" title="各乡镇（街道）报送情况" style={{ marginTop: 16 }}>
          <Table rowKey={(x) => x.id ?? 'district'} size="small" pagination={false} dataSource={r.byTownship} scroll={{ x: 420 }} data-testid="round-townships"
            columns={[
              { title: '乡镇（街道）', dataIndex: 'name', key: 'name' },
              { title: '已报/应报', key: 'r', width: 110, render: (_v, x) => `${x.reported}/${x.expected}（${pct(x.rate)}）` },
              { title: '按时', key: 'o', width: 100, render: (_v, x) => `${x.onTime}（${pct(x.onTimeRate)}）` },
              { title: '已审核', dataIndex: 'approved', key: 'a', width: 80 },
            ]} />
        </Card>
      )}
      <Card size="small" title="各单位填报情况" style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">各单位已提交的数据（未提交的单位为空）。点单位名称查看、审核或退回。</Typography.Paragraph>
        <Table rowKey={(x) => x.unit.id} size="small" pagination={false} dataSource={r.rows} scroll={{ x: 300 + 96 * r.indicators.length }} data-testid="round-units"
          columns={[
            { title: '单位', key: 'unit', fixed: 'left', width: 130, render: (_v, x) => <Link to={paths.reports.submission(x.key)}>{x.unit.name}</Link> },
            { title: '状态', key: 'state', width: 150, render: (_v, x) => <Flex gap={4} wrap><Tag color={SUBMISSION_STATE_COLORS[x.state]}>{x.stateLabel}</Tag>{x.overdue && <Tag color="error">逾期</Tag>}{x.late && <Tag color="warning">逾期提交</Tag>}</Flex> },
            ...r.indicators.map((i) => ({
              title: i.label, key: i.key, width: 96, align: 'right' as const,
              render: (_v: unknown, x: (typeof r.rows)[number]) => showValue(x.values[i.key] ?? null, i.unit, i.display),
            })),
          ]} />
      </Card>
      <Card size="small" title="汇总" style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">“各单位合计”为已提交（含已审核）单位上报数之和；“{r.region.name}全域统计”为同一口径按全域台账重新统计。两者不一致时标红：可能是同一条记录被两个单位计入，或有单位尚未提交。</Typography.Paragraph>
        <Table rowKey="key" size="small" pagination={false} dataSource={rollupRows} scroll={{ x: 480 }} data-testid="rollup-table"
          columns={[
            { title: '指标', key: 'label', render: (_v, x) => `${x.label}${x.unit && !x.label.includes('（') ? `（${x.unit}）` : ''}` },
            { title: '各单位合计', key: 'sum', width: 110, align: 'right', render: (_v, x) => showValue(x.sum ?? null, x.unit, x.display) },
            {
              title: `${r.region.name}全域统计`, key: 'region', width: 130, align: 'right',
              render: (_v, x) => (x.region === undefined ? '—' : <Link to={r.region.recordsHref[x.key]!} style={{ color: x.differs ? '#a8071a' : undefined, fontWeight: x.differs ? 600 : undefined }}>{showValue(x.region, x.unit, x.display)}</Link>),
            },
          ]} />
      </Card>
    </PageContainer>
  );
}
