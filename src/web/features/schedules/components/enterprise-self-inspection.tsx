// The 日周月自查 section of an enterprise's page: this month's completion and a link to the calendar.
import { Card, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.ts';
import { ErrorAlert } from '../../../components/error-display.tsx';
import { useCompliance } from '../api/get-compliance.ts';
import { ComplianceFigures } from './compliance-figures.tsx';

export function EnterpriseSelfInspection({ enterpriseId }: { enterpriseId: string }) {
  const q = useCompliance(enterpriseId);
  const extra = <Link to={paths.selfInspection.enterprise(enterpriseId)} data-testid="enterprise-self-inspection-link">自查日历</Link>;
  return (
    <Card title="日周月自查" size="small" extra={extra} style={{ marginTop: 16 }} loading={q.isPending} data-testid="enterprise-self-inspection">
      {q.isError ? (
        <ErrorAlert error={q.error} />
      ) : q.data && !q.data.configured ? (
        <Typography.Text type="secondary">尚未设置日周月自查安排</Typography.Text>
      ) : q.data?.thisMonth ? (
        <Space orientation="vertical" size={4}>
          <Typography.Text type="secondary">本月（{q.data.thisMonth.from} 至 {q.data.thisMonth.to}）</Typography.Text>
          <ComplianceFigures compliance={q.data.thisMonth.compliance} />
        </Space>
      ) : null}
    </Card>
  );
}
