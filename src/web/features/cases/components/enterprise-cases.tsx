// The 执法案件 section of an enterprise's page: its latest cases, with links to the list
// (filtered to it) and to 立案 for case editors.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.ts';
import { ErrorAlert } from '../../../components/error-display.tsx';
import { useCases } from '../api/list-cases.ts';
import { CaseFlagTags, CaseStatusTag, formatYuan } from './case-tags.tsx';

export function EnterpriseCases({ enterpriseId, canOpen }: { enterpriseId: string; canOpen: boolean }) {
  const list = useCases({ enterpriseId, page: 1, pageSize: 5 });
  const data = list.data;
  const items = data?.items ?? [];
  const extra = (
    <Space size={8}>
      {canOpen && (
        <Link to={paths.cases.create({ enterpriseId })}>
          <Button size="small" icon={<PlusOutlined />} data-testid="enterprise-open-case">立案</Button>
        </Link>
      )}
      {(data?.total ?? 0) > 0 && <Link to={paths.cases.filtered({ enterpriseId })} data-testid="enterprise-cases-all">全部 {data?.total} 件</Link>}
    </Space>
  );
  return (
    <Card title="执法案件" size="small" extra={extra} style={{ marginTop: 16 }} data-testid="enterprise-cases">
      {list.isError ? (
        <ErrorAlert error={list.error} />
      ) : !list.isPending && items.length === 0 ? (
        <Empty description="暂无执法案件" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Flex vertical gap={8}>
          {items.map((c) => (
            <Link key={c.id} to={paths.cases.detail(c.id)} className="card-link overdue-item">
              <Flex justify="space-between" gap={8} align="center">
                <Typography.Text className="mono" type="secondary" style={{ fontSize: 12 }}>{c.number}</Typography.Text>
                <CaseStatusTag status={c.status} />
              </Flex>
              <Typography.Paragraph ellipsis={{ rows: 1 }} style={{ margin: '4px 0 0' }}>{c.title}</Typography.Paragraph>
              <Flex className="card-meta" gap={6} wrap align="center">
                <span>立案 {c.filedOn} · {c.unitName}{c.totalFineYuan > 0 ? ` · 罚款 ${formatYuan(c.totalFineYuan)}` : ''}</span>
                <CaseFlagTags c={c} />
              </Flex>
            </Link>
          ))}
        </Flex>
      )}
    </Card>
  );
}
