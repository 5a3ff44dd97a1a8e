import { Card, Empty, Flex, Pagination, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.ts';
import { ErrorAlert } from '../../../components/error-display.tsx';
import { useKeyUncovered } from '../api/key-uncovered.ts';

/** 重点企业未覆盖: key enterprises of the plan with no inspection by its unit this year. */
export function KeyUncoveredCard({ planId }: { planId: string }) {
  const [page, setPage] = useState(1);
  const q = useKeyUncovered(planId, page);
  return (
    <Card size="small" title={`重点企业未覆盖${q.data ? `（${q.data.total}）` : ''}`} style={{ marginTop: 16 }} data-testid="key-uncovered">
      {q.isError ? (
        <ErrorAlert error={q.error} />
      ) : q.data && q.data.total === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="重点企业均已检查" />
      ) : (
        <Spin spinning={q.isFetching}>
          <Flex vertical gap={10}>
            {(q.data?.items ?? []).map((k) => (
              <Flex key={k.enterpriseId} className="record-row" justify="space-between" align="center" gap={8}>
                <span>
                  <Link to={paths.enterprises.detail(k.enterpriseId)}>{k.enterpriseName}</Link>
                  <Typography.Text type="secondary">（{k.villageName}）计划 {k.months.map((m) => `${m}月`).join('、')}</Typography.Text>
                </span>
                {k.overdue && <Tag color="error" style={{ flexShrink: 0 }}>逾期</Tag>}
              </Flex>
            ))}
          </Flex>
          {q.data && q.data.total > 20 && (
            <Pagination style={{ marginTop: 12 }} align="end" size="small" current={page} pageSize={20} total={q.data.total} onChange={setPage} showSizeChanger={false} />
          )}
        </Spin>
      )}
    </Card>
  );
}
