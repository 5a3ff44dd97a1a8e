// The 隐患 section of an enterprise's page: its latest hazards, with links to the ledger
// (filtered to it) and to the report form (with it preselected).
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Space, Table, type TableProps, Typography } from 'antd';
import { Link } from 'react-router';
import type { THazardListItem } from '../../../../contract/hazards.ts';
import { HAZARD_STATUSES, HAZARD_STATUS_LABELS } from '../../../../domain/hazards/hazard-machine.ts';
import { paths } from '../../../app/paths.ts';
import { ErrorAlert } from '../../../components/error-display.tsx';
import { HazardLevelTag, HazardStatusTag, OverdueTag } from '../../../components/hazard-tags.tsx';
import { useIsMobile } from '../../../components/use-is-mobile.ts';
import { formatDate } from '../../../lib/format.ts';
import { useEnterpriseHazards } from '../api/list-enterprise-hazards.ts';

export function EnterpriseHazards({ enterpriseId, canReport }: { enterpriseId: string; canReport: boolean }) {
  const list = useEnterpriseHazards(enterpriseId);
  const isMobile = useIsMobile();
  const data = list.data;
  const items = data?.items ?? [];
  const counts = data?.statusCounts;
  const summary = counts
    ? HAZARD_STATUSES.filter((s) => s !== 'voided' && (counts[s] ?? 0) > 0).map((s) => `${HAZARD_STATUS_LABELS[s]} ${counts[s]}`).join(' · ')
    : '';

  const columns: TableProps<THazardListItem>['columns'] = [
    { title: '编号', key: 'number', width: 170, render: (_v, h) => <Link to={paths.hazards.detail(h.id)} className="mono">{h.number}</Link> },
    { title: '隐患描述', dataIndex: 'description', key: 'description', ellipsis: true },
    { title: '等级', key: 'level', width: 70, render: (_v, h) => <HazardLevelTag level={h.level} short /> },
    { title: '状态', key: 'status', width: 90, render: (_v, h) => <HazardStatusTag status={h.status} /> },
    {
      title: '整改期限',
      key: 'due',
      width: 150,
      render: (_v, h) => (h.dueDate ? <Space size={4}><span>{h.dueDate}</span>{h.overdue && <OverdueTag />}</Space> : '—'),
    },
    { title: '发现时间', key: 'foundAt', width: 110, render: (_v, h) => formatDate(h.foundAt) },
  ];

  const extra = (
    <Space size={8}>
      {canReport && (
        <Link to={paths.hazards.create(enterpriseId)}>
          <Button type="primary" size="small" icon={<PlusOutlined />} data-testid="enterprise-report-hazard">报告隐患</Button>
        </Link>
      )}
      {(data?.total ?? 0) > 0 && <Link to={paths.hazards.ledger({ enterpriseId })} data-testid="enterprise-hazards-all">全部 {data?.total} 条</Link>}
    </Space>
  );

  return (
    <Card title="隐患" size="small" extra={extra} style={{ marginTop: 16 }} data-testid="enterprise-hazards">
      {list.isError ? (
        <ErrorAlert error={list.error} />
      ) : !list.isPending && items.length === 0 ? (
        <Empty description="暂无隐患记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <>
          {summary && <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>{summary}{data && data.overdueCount > 0 ? ` · 逾期 ${data.overdueCount}` : ''}</Typography.Text>}
          {isMobile ? (
            <Flex vertical gap={8}>
              {items.map((h) => (
                <Link key={h.id} to={paths.hazards.detail(h.id)} className="card-link overdue-item">
                  <Flex justify="space-between" gap={8} align="center">
                    <Typography.Text className="mono" type="secondary" style={{ fontSize: 12 }}>{h.number}</Typography.Text>
                    <Space size={4}><HazardLevelTag level={h.level} short /><HazardStatusTag status={h.status} /></Space>
                  </Flex>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>{h.description}</Typography.Paragraph>
                  <div className="card-meta">
                    发现 {formatDate(h.foundAt)}{h.dueDate && ` · 期限 ${h.dueDate}`} {h.overdue && <OverdueTag />}
                  </div>
                </Link>
              ))}
            </Flex>
          ) : (
            <Table<THazardListItem> rowKey="id" size="small" columns={columns} dataSource={items} loading={list.isPending} pagination={false} scroll={{ x: 760 }} />
          )}
        </>
      )}
    </Card>
  );
}
