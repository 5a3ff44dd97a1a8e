import { Card, Col, Row, Statistic } from 'antd';
import type { TCaseSummary } from '../../../../contract/cases.ts';

/** The report-form figures of the filtered cases, as the server sums them. */
export function CaseSummaryBar({ s }: { s: TCaseSummary | undefined }) {
  const figures: [string, number | string, string?][] = s
    ? [
        ['案件', s.cases],
        ['行政处罚', s.penalized],
        ['罚款（万元）', (s.finesYuan / 10000).toFixed(2)],
        ['一案双罚', s.dualPenalty],
        ['停产整顿', s.suspensions],
        ['停止作业', s.workStops],
        ['移送司法', s.judicialReferrals, `${s.judicialReferralPersons} 人`],
        ['提请关闭', s.closureRequests],
        ['典型案例', s.published, s.dangerousOperationCrime ? `危险作业罪 ${s.dangerousOperationCrime}` : undefined],
      ]
    : [];
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="case-summary" loading={!s}>
      <Row gutter={[8, 8]}>
        {figures.map(([title, value, suffix]) => (
          <Col key={title} xs={8} sm={6} md={4} xl={{ flex: '1 1 0' }}>
            <Statistic title={title} value={value} styles={{ content: { fontSize: 18 } }} suffix={suffix ? <span style={{ fontSize: 12 }}>{suffix}</span> : undefined} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
