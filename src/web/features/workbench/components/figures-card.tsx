// The key figures of the month against last month (the leader's and the office's 工作台), counted
// as the 看板 counts them; each opens the ledger behind it.
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import type { TWorkbench } from '../../../../contract/workbench.ts';

type Figures = NonNullable<TWorkbench['figures']>;
type MonthKey = keyof Figures['thisMonth'];

const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

function Delta({ now, before, goodWhenUp }: { now: number; before: number; goodWhenUp: boolean }) {
  if (now === before) return <Typography.Text className="workbench-subtitle">与上月持平</Typography.Text>;
  const up = now > before;
  const good = up === goodWhenUp;
  return (
    <Typography.Text style={{ color: good ? '#135200' : '#a8071a', fontSize: 12 }}>
      {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} 上月 {before}
    </Typography.Text>
  );
}

export function FiguresCard({ figures, today }: { figures: Figures; today: string }) {
  const m = figures.thisMonth;
  const month = `${Number(today.slice(5, 7))}月`;
  // The month's figures open the ledger of the hazards found in the month.
  const range = `from=${today.slice(0, 8)}01&to=${today}`;
  const l = figures.lastMonth;
  const cells: { key: MonthKey; title: string; href: string; goodWhenUp: boolean }[] = [
    { key: 'found', title: '本月发现', href: `/hazards?${range}`, goodWhenUp: true },
    { key: 'closed', title: '其中已整改', href: `/hazards?status=closed&${range}`, goodWhenUp: true },
    { key: 'overdue', title: '其中逾期', href: `/hazards?overdue=true&${range}`, goodWhenUp: false },
    { key: 'major', title: '其中重大隐患', href: `/hazards?level=major&${range}`, goodWhenUp: false },
    { key: 'listed', title: '其中挂牌督办', href: `/hazards?listed=true&${range}`, goodWhenUp: false },
  ];
  return (
    <Card size="small" title={`${month} 隐患情况`} data-testid="workbench-figures" style={{ marginBottom: 12 }}
      extra={<Link to="/dashboard">看板</Link>}>
      <Row gutter={[12, 12]}>
        {cells.map((c) => (
          <Col key={c.key} xs={12} sm={8} lg={4}>
            <Link to={c.href} className="card-link">
              <Statistic title={c.title} value={m[c.key] as number} />
              <Delta now={m[c.key] as number} before={l[c.key] as number} goodWhenUp={c.goodWhenUp} />
            </Link>
          </Col>
        ))}
        <Col xs={12} sm={8} lg={4}>
          <Statistic title="整改率" value={pct(m.closeRate)} />
          <Typography.Text className="workbench-subtitle">上月 {pct(l.closeRate)}</Typography.Text>
        </Col>
      </Row>
      <Typography.Paragraph className="workbench-subtitle" style={{ margin: '8px 0 0' }}>
        目前在改 <Link to="/hazards?open=true">{figures.open}</Link> 条，其中逾期 <Link to="/hazards?overdue=true">{figures.overdueNow}</Link> 条
      </Typography.Paragraph>
    </Card>
  );
}
