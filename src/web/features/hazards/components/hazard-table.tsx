import { Card, Flex, Space, type TableProps, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { THazardListItem } from '../../../../contract/hazards.ts';
import { HAZARD_SOURCE_LABELS } from '../../../../domain/hazards/hazard-machine.ts';
import { paths } from '../../../app/paths.ts';
import {
  HazardLevelTag, HazardStatusTag, ListingTag, OverdueTag, ReopenTag, TransferTag,
} from '../../../components/hazard-tags.tsx';
import { formatDate, formatMinute } from '../../../lib/format.ts';
import { CardList, ListTable, type PagedViewProps } from '../../../components/paged-list.tsx';

export type HazardListProps = PagedViewProps<THazardListItem>;

export function DueDate({ h }: { h: Pick<THazardListItem, 'dueDate' | 'overdue'> }) {
  if (!h.dueDate) return <span className="text-muted">未设定</span>;
  return (
    <Space size={4} wrap>
      <span className={h.overdue ? 'text-danger nowrap' : 'nowrap'}>{h.dueDate}</span>
      {h.overdue && <OverdueTag />}
    </Space>
  );
}

export function HazardTable(p: HazardListProps) {
  // Fits the content area at 1366 px (1084 px) without a sideways scroll: the village under the
  // enterprise, listing beside the level, transfers beside the status, the found day without time.
  const columns: TableProps<THazardListItem>['columns'] = [
    {
      title: '编号',
      key: 'number',
      fixed: 'left',
      width: 140,
      render: (_v, h) => (
        <Link to={paths.hazards.detail(h.id)} className="mono" data-testid="hazard-link">
          {h.number}
        </Link>
      ),
    },
    {
      title: '单位',
      key: 'enterprise',
      width: 170,
      ellipsis: true,
      render: (_v, h) => (
        <div style={{ minWidth: 0 }}>
          <Typography.Text ellipsis={{ tooltip: h.enterpriseName }}>{h.enterpriseName}</Typography.Text>
          <div className="workbench-subtitle">{h.villageName}</div>
        </div>
      ),
    },
    { title: '隐患描述', dataIndex: 'description', key: 'description', width: 178, ellipsis: { showTitle: true } },
    {
      title: '等级',
      key: 'level',
      width: 80,
      render: (_v, h) => (
        <Space size={4} wrap>
          <HazardLevelTag level={h.level} short />
          <ListingTag level={h.listingLevel} />
        </Space>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 110,
      render: (_v, h) => (
        <Space size={4} wrap>
          <HazardStatusTag status={h.status} />
          {h.fixedOnSpot && <Tag style={{ marginInlineEnd: 0 }}>即查即改</Tag>}
          <ReopenTag count={h.reopenCount} />
          <TransferTag count={h.transferCount} pending={h.pendingTransfer} />
        </Space>
      ),
    },
    { title: '整改期限', key: 'dueDate', width: 120, render: (_v, h) => <DueDate h={h} /> },
    { title: '责任单位', dataIndex: 'responsibleUnitName', key: 'responsibleUnit', width: 100, ellipsis: true },
    // four characters (督导检查, 村居排查) on one line
    { title: '来源', key: 'source', width: 92, render: (_v, h) => <span className="nowrap">{HAZARD_SOURCE_LABELS[h.source]}</span> },
    { title: '发现日期', key: 'foundAt', width: 90, render: (_v, h) => <span className="nowrap" title={formatMinute(h.foundAt)}>{formatDate(h.foundAt)}</span> },
  ];

  return (
    <ListTable
      {...p}
      columns={columns}
      scrollX={1080}
      rowClassName={(h) => (h.status === 'voided' ? 'row-voided' : '')}
      emptyText="没有符合条件的隐患"
      testId="hazard-table"
    />
  );
}

/** Phone widths: one card per hazard. */
export function HazardCards(p: HazardListProps) {
  return (
    <CardList
      {...p}
      emptyText="没有符合条件的隐患"
      testId="hazard-cards"
      renderItem={(h) => (
        <Link key={h.id} to={paths.hazards.detail(h.id)} className="card-link" data-testid="hazard-link">
          <Card size="small" className={h.status === 'voided' ? 'row-voided' : undefined}>
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text className="mono" type="secondary" style={{ fontSize: 12 }}>{h.number}</Typography.Text>
              <Space size={4}>
                <HazardLevelTag level={h.level} short />
                <HazardStatusTag status={h.status} />
              </Space>
            </Flex>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0 2px' }} strong>
              {h.description}
            </Typography.Paragraph>
            <div className="card-meta">
              {h.enterpriseName} · {h.villageName}
            </div>
            <div className="card-meta">
              {HAZARD_SOURCE_LABELS[h.source]} · 发现 {formatDate(h.foundAt)} · {h.responsibleUnitName}
            </div>
            <Flex justify="space-between" align="center" wrap gap={4} style={{ marginTop: 6 }}>
              <Space size={4} wrap>
                <ListingTag level={h.listingLevel} />
                <TransferTag count={h.transferCount} pending={h.pendingTransfer} />
                <ReopenTag count={h.reopenCount} />
              </Space>
              <span className="card-meta" style={{ marginTop: 0 }}>
                期限 <DueDate h={h} />
              </span>
            </Flex>
          </Card>
        </Link>
      )}
    />
  );
}
