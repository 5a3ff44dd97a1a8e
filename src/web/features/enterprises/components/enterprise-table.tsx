import { Space, Table, type TableProps, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TEnterprise } from '../../../../contract/enterprises.ts';
import { paths } from '../../../app/paths.ts';
import { EnterpriseStatusTag, FlagTags, RiskGradeTag, enterpriseKindText } from '../../../components/status-tags.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { tablePagination } from '../../../components/paged-list.tsx';

export type SortKey = 'name' | 'createdAt' | 'updatedAt' | 'employeeCount' | 'riskGrade';
export interface SortState {
  sort: SortKey | undefined;
  order: 'asc' | 'desc' | undefined;
}

export interface EnterpriseTableProps {
  items: TEnterprise[];
  loading: boolean;
  page: number;
  pageSize: number;
  total: number;
  sort: SortState;
  onPageChange: (page: number, pageSize: number) => void;
  onSortChange: (sort: SortState) => void;
}

export function EnterpriseTable({ items, loading, page, pageSize, total, sort, onPageChange, onSortChange }: EnterpriseTableProps) {
  const sortOrderOf = (key: SortKey) =>
    sort.sort === key ? (sort.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  const columns: TableProps<TEnterprise>['columns'] = [
    {
      title: '单位名称',
      dataIndex: 'name',
      key: 'name',
      fixed: 'left',
      width: 220,
      sorter: true,
      sortOrder: sortOrderOf('name'),
      // The credit code under the name: the table fits 1366 px screens without a sideways scroll.
      render: (_v, e) => (
        <div>
          <Link to={paths.enterprises.detail(e.id)} data-testid="enterprise-link">
            {e.name}
          </Link>
          {e.uscc && <div><Typography.Text copyable={{ text: e.uscc }} className="mono workbench-subtitle">{e.uscc}</Typography.Text></div>}
        </div>
      ),
    },
    { title: '类型', key: 'kind', width: 110, render: (_v, e) => enterpriseKindText(e.kind, e.venueType) },
    { title: '村/社区', dataIndex: 'villageName', key: 'village', width: 90, ellipsis: true },
    {
      title: '行业领域',
      key: 'sectors',
      width: 140,
      render: (_v, e) => (
        <Space size={[0, 4]} wrap>
          {e.sectorNames.map((n) => (
            <Tag key={n}>{n}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '从业人数',
      key: 'employeeCount',
      width: 90,
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf('employeeCount'),
      render: (_v, e) => (
        <Space size={4}>
          {e.employeeCount ?? '—'}
          {e.isSmall && <Tag color="cyan" style={{ marginInlineEnd: 0 }}>小微</Tag>}
        </Space>
      ),
    },
    {
      title: '分级',
      key: 'riskGrade',
      width: 60,
      align: 'center',
      sorter: true,
      sortOrder: sortOrderOf('riskGrade'),
      render: (_v, e) => <RiskGradeTag grade={e.riskGrade} />,
    },
    {
      title: '重点/高危',
      key: 'flags',
      width: 85,
      render: (_v, e) => (e.isKey || e.isHighRisk ? <FlagTags isKey={e.isKey} isHighRisk={e.isHighRisk} /> : '—'),
    },
    {
      title: '状态',
      key: 'status',
      width: 70,
      render: (_v, e) => <EnterpriseStatusTag status={e.status} voided={!!e.voidedAt} />,
    },
    {
      title: '主要负责人',
      key: 'principal',
      width: 115,
      render: (_v, e) => (
        <div>
          <div>{e.principalName}</div>
          <a href={`tel:${e.principalPhone}`} className="text-muted">{e.principalPhone}</a>
        </div>
      ),
    },
    {
      title: '更新时间',
      key: 'updatedAt',
      width: 100,
      sorter: true,
      sortOrder: sortOrderOf('updatedAt'),
      render: (_v, e) => <span title={formatDateTime(e.updatedAt)}>{formatDate(e.updatedAt)}</span>,
    },
  ];

  const onChange: TableProps<TEnterprise>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = s?.columnKey as SortKey | undefined;
      if (!s?.order || !key) onSortChange({ sort: undefined, order: undefined });
      else onSortChange({ sort: key, order: s.order === 'ascend' ? 'asc' : 'desc' });
    } else if (extra.action === 'paginate') {
      onPageChange(pagination.current ?? 1, pagination.pageSize ?? pageSize);
    }
  };

  return (
    <Table<TEnterprise>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      onChange={onChange}
      scroll={{ x: 1080 }}
      rowClassName={(e) => (e.voidedAt ? 'row-voided' : '')}
      sortDirections={['ascend', 'descend']}
      pagination={tablePagination({ page, pageSize, total, unit: '个单位' })}
      data-testid="enterprise-table"
    />
  );
}
