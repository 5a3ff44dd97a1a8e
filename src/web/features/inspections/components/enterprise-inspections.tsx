// The 检查记录 section of an enterprise's page: its latest inspections, with links to the list
// (filtered to it) and to 新建检查 (with it preselected) for those who may start one.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Space, Table, type TableProps, Typography } from 'antd';
import { Link } from 'react-router';
import type { TInspectionListItem } from '../../../../contract/inspections.ts';
import { paths } from '../../../app/paths.ts';
import { ErrorAlert } from '../../../components/error-display.tsx';
import { useIsMobile } from '../../../components/use-is-mobile.ts';
import { useInspections } from '../api/list-inspections.ts';
import { FailedCount } from './inspection-table.tsx';
import { InspectionStatusTag, InspectionTypeTag } from './inspection-tags.tsx';
import { inspectingUnitName } from './inspecting-unit.ts';

const RECENT = 5;

export function EnterpriseInspections({ enterpriseId, canStart }: { enterpriseId: string; canStart: boolean }) {
  const list = useInspections({ enterpriseId, page: 1, pageSize: RECENT });
  const isMobile = useIsMobile();
  const data = list.data;
  const items = data?.items ?? [];

  const columns: TableProps<TInspectionListItem>['columns'] = [
    { title: '检查编号', key: 'number', width: 170, render: (_v, i) => <Link to={paths.inspections.detail(i.id)} className="mono">{i.number}</Link> },
    { title: '检查日期', dataIndex: 'inspectedOn', key: 'date', width: 110 },
    { title: '类型', key: 'type', width: 130, render: (_v, i) => <InspectionTypeTag type={i.type} /> },
    { title: '检查人员', key: 'inspectors', ellipsis: true, render: (_v, i) => `${inspectingUnitName(i)} · ${i.inspectorNames.join('、')}` },
    { title: '不符合项', key: 'failed', width: 130, render: (_v, i) => <FailedCount i={i} /> },
    { title: '状态', key: 'status', width: 80, render: (_v, i) => <InspectionStatusTag status={i.status} /> },
  ];

  const extra = (
    <Space size={8}>
      {canStart && (
        <Link to={paths.inspections.create({ enterpriseId })}>
          <Button type="primary" size="small" icon={<PlusOutlined />} data-testid="enterprise-start-inspection">新建检查</Button>
        </Link>
      )}
      {(data?.total ?? 0) > 0 && (
        <Link to={paths.inspections.filtered({ enterpriseId })} data-testid="enterprise-inspections-all">全部 {data?.total} 次</Link>
      )}
    </Space>
  );

  return (
    <Card title="检查记录" size="small" extra={extra} style={{ marginTop: 16 }} data-testid="enterprise-inspections">
      {list.isError ? (
        <ErrorAlert error={list.error} />
      ) : !list.isPending && items.length === 0 ? (
        <Empty description="暂无检查记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : isMobile ? (
        <Flex vertical gap={8}>
          {items.map((i) => (
            <Link key={i.id} to={paths.inspections.detail(i.id)} className="card-link overdue-item">
              <Flex justify="space-between" gap={8} align="center">
                <Typography.Text className="mono" type="secondary" style={{ fontSize: 12 }}>{i.number}</Typography.Text>
                <Space size={4}><InspectionTypeTag type={i.type} /><InspectionStatusTag status={i.status} /></Space>
              </Flex>
              <div className="card-meta">
                {i.inspectedOn} · {inspectingUnitName(i)} · {i.inspectorNames.join('、')}
              </div>
              <div style={{ marginTop: 4 }}><FailedCount i={i} /></div>
            </Link>
          ))}
        </Flex>
      ) : (
        <Table<TInspectionListItem> rowKey="id" size="small" columns={columns} dataSource={items} loading={list.isPending} pagination={false} scroll={{ x: 760 }} />
      )}
    </Card>
  );
}
