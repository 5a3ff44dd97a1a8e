import { Card, Flex, Space, type TableProps, Typography } from 'antd';
import { Link } from 'react-router';
import type { TCaseListItem } from '../../../../contract/cases.ts';
import { MEASURE_KIND_LABELS } from '../../../../domain/enforcement/enforcement.ts';
import { paths } from '../../../app/paths.ts';
import { CaseFlagTags, CaseStatusTag, formatYuan } from './case-tags.tsx';
import { CardList, ListTable, type PagedViewProps } from '../../../components/paged-list.tsx';

export type CaseListProps = PagedViewProps<TCaseListItem>;

const measuresText = (c: TCaseListItem) => c.measureKinds.map((k) => MEASURE_KIND_LABELS[k]).join('、') || '—';

export function CaseTable(p: CaseListProps) {
  const columns: TableProps<TCaseListItem>['columns'] = [
    {
      title: '案件编号', key: 'number', fixed: 'left', width: 170,
      render: (_v, c) => <Link to={paths.cases.detail(c.id)} className="mono" data-testid="case-link">{c.number}</Link>,
    },
    { title: '案由', dataIndex: 'title', key: 'title', width: 220, ellipsis: { showTitle: true } },
    { title: '单位', dataIndex: 'enterpriseName', key: 'enterprise', width: 160, ellipsis: true },
    { title: '村/社区', dataIndex: 'villageName', key: 'village', width: 90, ellipsis: true },
    { title: '状态', key: 'status', width: 70, render: (_v, c) => <CaseStatusTag status={c.status} /> },
    { title: '处理措施', key: 'measures', width: 180, ellipsis: true, render: (_v, c) => measuresText(c) },
    { title: '罚款', key: 'fine', width: 120, align: 'right', render: (_v, c) => (c.totalFineYuan > 0 ? formatYuan(c.totalFineYuan) : '—') },
    { title: '标记', key: 'flags', width: 150, render: (_v, c) => <CaseFlagTags c={c} /> },
    { title: '办案单位', dataIndex: 'unitName', key: 'unit', width: 110, ellipsis: true },
    { title: '立案日期', dataIndex: 'filedOn', key: 'filedOn', width: 100 },
  ];
  return <ListTable {...p} columns={columns} scrollX={1370} emptyText="没有符合条件的执法案件" unit="件" testId="case-table" />;
}

/** Phone widths: one card per case. */
export function CaseCards(p: CaseListProps) {
  return (
    <CardList
      {...p}
      emptyText="没有符合条件的执法案件"
      unit="件"
      testId="case-cards"
      renderItem={(c) => (
        <Link key={c.id} to={paths.cases.detail(c.id)} className="card-link" data-testid="case-link">
          <Card size="small">
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text className="mono" type="secondary" style={{ fontSize: 12 }}>{c.number}</Typography.Text>
              <CaseStatusTag status={c.status} />
            </Flex>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '6px 0 2px' }} strong>{c.title}</Typography.Paragraph>
            <div className="card-meta">{c.enterpriseName} · {c.villageName}</div>
            <div className="card-meta">{c.unitName} · 立案 {c.filedOn}{c.totalFineYuan > 0 ? ` · 罚款 ${formatYuan(c.totalFineYuan)}` : ''}</div>
            <Space size={4} wrap style={{ marginTop: 6 }}>
              <span className="card-meta" style={{ marginTop: 0 }}>{measuresText(c)}</span>
              <CaseFlagTags c={c} />
            </Space>
          </Card>
        </Link>
      )}
    />
  );
}
