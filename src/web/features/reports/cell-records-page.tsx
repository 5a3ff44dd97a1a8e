// /report-submissions/:key/cells/:cell: the records one figure counted (as counted when the
// version was submitted, or now for a draft or a roll-up), each linking to its record.
import { Card, Flex, List, Pagination, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { useCellRecords } from './api/reports.ts';
import { showValue } from './components/labels.ts';

export function CellRecordsPage() {
  const { key = '', cell = '' } = useParams();
  const [page, setPage] = useState(1);
  const q = useCellRecords(key, cell, page);
  if (q.isError) return <PageContainer title="指标对应记录"><ErrorDisplay error={q.error} onRetry={() => void q.refetch()} /></PageContainer>;
  const d = q.data;
  if (!d) return <PageContainer title="指标对应记录"><Card><Skeleton active /></Card></PageContainer>;
  return (
    <PageContainer title={d.label} subTitle={<Flex gap={4} wrap align="center">{d.unitName} · {showValue(d.value, d.unit, d.display)} {d.unit}{d.frozen && <Tag>提交时的记录</Tag>}</Flex>} backTo={d.backHref}>
      <Card size="small">
        <Typography.Paragraph type="secondary">
          共 {d.total} 条{d.entity}{d.frozen ? '，为该版本提交时统计的记录（之后作废或变化的记录仍按当时计入）' : '，按当前台账统计'}。
        </Typography.Paragraph>
        <List
          dataSource={d.items}
          locale={{ emptyText: '没有记录' }}
          renderItem={(r) => (
            <List.Item data-testid="record-item">
              <List.Item.Meta title={<Link to={r.href}>{r.title}</Link>} description={r.subtitle} />
            </List.Item>
          )}
        />
        {d.total > d.pageSize && <Pagination style={{ marginTop: 12 }} current={page} pageSize={d.pageSize} total={d.total} onChange={setPage} showSizeChanger={false} />}
      </Card>
    </PageContainer>
  );
}
