// The entries of a plan: month, enterprise, key flag, type and coverage; 检查 starts an inspection
// from the entry, 移除 drops it (the server refuses when an inspection is linked).
import { App, Button, Popconfirm, Space, Table, type TableProps, Tag } from 'antd';
import { Link } from 'react-router';
import type { TPlanEntry } from '../../../../contract/plans.ts';
import { INSPECTION_TYPE_LABELS } from '../../../../domain/inspections/inspection-rules.ts';
import { paths } from '../../../app/paths.ts';
import { useIsMobile } from '../../../components/use-is-mobile.ts';
import { errorMessage } from '../../../lib/api.ts';
import { useRemoveEntry } from '../api/remove-entry.ts';

export function EntriesTable(props: {
  planId: string;
  items: TPlanEntry[];
  loading: boolean;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number, pageSize: number) => void;
  canEdit: boolean;
  canInspect: boolean;
}) {
  const remove = useRemoveEntry(props.planId);
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const columns: TableProps<TPlanEntry>['columns'] = [
    { title: '月份', dataIndex: 'month', key: 'month', width: 60, render: (m: number) => `${m}月` },
    {
      title: '生产经营单位',
      key: 'enterprise',
      render: (_v, e) => (
        <Space size={4} wrap>
          <Link to={paths.enterprises.detail(e.enterpriseId)}>{e.enterpriseName}</Link>
          {e.isKey && <Tag color="volcano">重点</Tag>}
        </Space>
      ),
    },
    ...(isMobile ? [] : [{ title: '村/社区', dataIndex: 'villageName', key: 'village', width: 100 }]),
    { title: '类型', key: 'type', width: 90, render: (_v, e) => (e.inspectionType ? INSPECTION_TYPE_LABELS[e.inspectionType] : '不限') },
    {
      title: '完成情况',
      key: 'covered',
      width: 130,
      render: (_v, e) =>
        e.covered ? (
          <Space size={4} wrap>
            <Tag color="success">已检查</Tag>
            {e.coveredBy[0] && <Link to={paths.inspections.detail(e.coveredBy[0].id)}>{e.coveredBy[0].inspectedOn}</Link>}
          </Space>
        ) : e.overdue ? <Tag color="error">逾期未检查</Tag> : <Tag>未检查</Tag>,
    },
    {
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_v, e) => (
        <Space size={4}>
          {props.canInspect && !e.covered && (
            <Link to={paths.inspections.create({ enterpriseId: e.enterpriseId, planEntryId: e.id })} data-testid={`entry-inspect-${e.id}`}>检查</Link>
          )}
          {props.canEdit && (
            <Popconfirm
              title="移除该计划条目？"
              onConfirm={() => remove.mutate(e.id, { onError: (err) => void message.error(errorMessage(err)) })}
            >
              <Button type="link" size="small" danger data-testid={`entry-remove-${e.id}`}>移除</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table<TPlanEntry>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={props.items}
      loading={props.loading}
      scroll={{ x: 640 }}
      pagination={{ current: props.page, pageSize: props.pageSize, total: props.total, onChange: props.onPage, size: isMobile ? 'small' : undefined }}
      data-testid="plan-entries"
    />
  );
}
