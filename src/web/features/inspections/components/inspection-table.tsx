import { Card, Flex, Space, type TableProps, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TInspectionListItem } from '../../../../contract/inspections.ts';
import { paths } from '../../../app/paths.ts';
import { formatMinute } from '../../../lib/format.ts';
import { InspectionStatusTag, InspectionTypeTag, MethodTags } from './inspection-tags.tsx';
import { inspectingUnitName } from './inspecting-unit.ts';
import { CardList, ListTable, type PagedViewProps } from '../../../components/paged-list.tsx';

export type InspectionListProps = PagedViewProps<TInspectionListItem>;

/** 不符合 so far, and the hazards a completed inspection created. */
export function FailedCount({ i }: { i: Pick<TInspectionListItem, 'failedCount' | 'hazardCount' | 'status'> }) {
  if (i.failedCount === 0) return <span className="text-muted">无</span>;
  return (
    <Space size={4} wrap>
      <Tag color="red" style={{ marginInlineEnd: 0 }}>{i.failedCount} 项不符合</Tag>
      {i.status === 'completed' && i.hazardCount > 0 && <span className="text-muted nowrap">隐患 {i.hazardCount}</span>}
    </Space>
  );
}

/** Desktop: a table, the number links to the record. */
export function InspectionTable(p: InspectionListProps) {
  const columns: TableProps<TInspectionListItem>['columns'] = [
    {
      title: '检查编号',
      key: 'number',
      width: 170,
      fixed: 'left',
      render: (_v, i) => (
        <Link to={paths.inspections.detail(i.id)} className="mono" data-testid="inspection-link">{i.number}</Link>
      ),
    },
    { title: '检查日期', dataIndex: 'inspectedOn', key: 'inspectedOn', width: 110 },
    {
      title: '类型',
      key: 'type',
      width: 150,
      render: (_v, i) => (
        <Space size={4} wrap>
          <InspectionTypeTag type={i.type} />
          <MethodTags tags={i.methodTags} />
        </Space>
      ),
    },
    {
      title: '被检查单位',
      key: 'enterprise',
      width: 220,
      ellipsis: true,
      render: (_v, i) => <Link to={paths.enterprises.detail(i.enterpriseId)}>{i.enterpriseName}</Link>,
    },
    { title: '村/社区', dataIndex: 'villageName', key: 'village', width: 100, ellipsis: true },
    {
      title: '检查表',
      key: 'template',
      width: 200,
      ellipsis: { showTitle: true },
      render: (_v, i) => `${i.templateName}（第${i.templateVersion}版）`,
    },
    { title: '检查人员', key: 'inspectors', width: 140, ellipsis: true, render: (_v, i) => i.inspectorNames.join('、') },
    { title: '检查单位', key: 'unit', width: 110, ellipsis: true, render: (_v, i) => inspectingUnitName(i) },
    { title: '不符合项', key: 'failed', width: 130, render: (_v, i) => <FailedCount i={i} /> },
    { title: '状态', key: 'status', width: 80, render: (_v, i) => <InspectionStatusTag status={i.status} /> },
    { title: '完成时间', key: 'completedAt', width: 140, render: (_v, i) => <span className="nowrap">{formatMinute(i.completedAt)}</span> },
  ];

  return <ListTable {...p} columns={columns} scrollX={1550} emptyText="没有符合条件的检查记录" testId="inspection-table" />;
}

/** Phone widths: one card per inspection. */
export function InspectionCards(p: InspectionListProps) {
  return (
    <CardList
      {...p}
      emptyText="没有符合条件的检查记录"
      testId="inspection-cards"
      renderItem={(i) => (
        <Link key={i.id} to={paths.inspections.detail(i.id)} className="card-link" data-testid="inspection-link">
          <Card size="small">
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text className="mono" type="secondary" style={{ fontSize: 12 }}>{i.number}</Typography.Text>
              <Space size={4}>
                <InspectionTypeTag type={i.type} />
                <InspectionStatusTag status={i.status} />
              </Space>
            </Flex>
            <Typography.Paragraph ellipsis={{ rows: 1 }} style={{ margin: '6px 0 2px' }} strong>
              {i.enterpriseName}
            </Typography.Paragraph>
            <div className="card-meta">
              {i.inspectedOn} · {i.villageName} · {i.inspectorNames.join('、')}
            </div>
            <div className="card-meta">{i.templateName}</div>
            <Flex justify="space-between" align="center" wrap gap={4} style={{ marginTop: 6 }}>
              <MethodTags tags={i.methodTags} />
              <FailedCount i={i} />
            </Flex>
          </Card>
        </Link>
      )}
    />
  );
}
