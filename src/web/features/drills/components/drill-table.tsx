// One page of drill and training records: a table on a desktop, cards on a phone. The staff
// training page names the trained unit; the others the enterprise.
import { Card, Flex, type TableProps, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TDrillItem } from '../../../../contract/drills.ts';
import { paths } from '../../../app/paths.ts';
import { CardList, ListTable, type PagedViewProps } from '../../../components/paged-list.tsx';
import { DrillStateTag, kindLabel, subjectName } from './labels.tsx';

type Props = PagedViewProps<TDrillItem> & { staff: boolean; emptyText: string };

export function DrillTable({ staff, emptyText, ...p }: Props) {
  const columns: TableProps<TDrillItem>['columns'] = [
    { title: '开展日期', dataIndex: 'heldOn', key: 'heldOn', width: 110 },
    {
      title: staff ? '受训单位' : '生产经营单位', key: 'subject', width: 240,
      render: (_v, d) => <Link to={paths.drills.detail(d.id)} data-testid="drill-link">{subjectName(d)}</Link>,
    },
    { title: '类型', key: 'kind', width: 120, render: (_v, d) => <Tag>{kindLabel(d)}</Tag> },
    { title: '参加人数', dataIndex: 'participants', key: 'participants', width: 90, align: 'right' },
    { title: '内容', dataIndex: 'content', key: 'content', ellipsis: true },
    { title: '核实', key: 'state', width: 90, render: (_v, d) => <DrillStateTag d={d} /> },
    { title: '核实人', key: 'verifier', width: 100, render: (_v, d) => d.verifiedByName ?? '—' },
  ];
  return <ListTable {...p} columns={columns} scrollX={960} emptyText={emptyText} testId="drill-table" />;
}

export function DrillCards({ staff: _staff, emptyText, ...p }: Props) {
  return (
    <CardList
      {...p}
      emptyText={emptyText}
      testId="drill-cards"
      renderItem={(d) => (
        <Link key={d.id} to={paths.drills.detail(d.id)} className="card-link" data-testid="drill-link">
          <Card size="small">
            <Flex justify="space-between" gap={8}><strong>{subjectName(d)}</strong><Tag style={{ marginInlineEnd: 0 }}>{kindLabel(d)}</Tag></Flex>
            <Typography.Paragraph ellipsis={{ rows: 1 }} style={{ margin: '4px 0 0' }}>{d.content}</Typography.Paragraph>
            <Flex justify="space-between" align="center" className="card-meta">
              <span>{d.heldOn} · {d.participants}人</span>
              <DrillStateTag d={d} />
            </Flex>
          </Card>
        </Link>
      )}
    />
  );
}
