// 督导检查记录: the visits in the caller's scope, newest first, filtered by group or unit from a link.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, type TableProps, Tag } from 'antd';
import { Link } from 'react-router';
import type { TVisitItem } from '../../../contract/supervision.ts';
import { paths } from '../../app/paths.ts';
import { CardList, ListTable, PagedResults, type PagedViewProps } from '../../components/paged-list.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { useCan } from '../../lib/abilities.ts';
import { intParam, pagePatch, useSearchState } from '../../lib/search-params.ts';
import { useVisits } from './api/supervision.ts';

const DEFAULT_PAGE_SIZE = 20;
const EMPTY = '还没有督导检查记录';
const UUID = /^[0-9a-f-]{36}$/i;
const findingsText = (v: TVisitItem) => (v.findings ? `问题 ${v.findings} 个${v.findingsOpen ? `，未销号 ${v.findingsOpen}` : '，已全部销号'}` : '未发现问题');

function VisitTable(p: PagedViewProps<TVisitItem>) {
  const columns: TableProps<TVisitItem>['columns'] = [
    { title: '督导日期', dataIndex: 'visitedOn', key: 'visitedOn', width: 100 },
    { title: '被督导单位', key: 'unit', width: 150, render: (_v, v) => <Link to={paths.supervision.visit(v.id)} data-testid="visit-link">{v.unit.name}</Link> },
    { title: '督导工作组', key: 'group', width: 150, render: (_v, v) => v.group.name },
    { title: '检查表', key: 'template', render: (_v, v) => v.templateName ?? '—' },
    { title: '不到位事项', dataIndex: 'notDone', key: 'notDone', width: 100 },
    { title: '问题', key: 'findings', width: 170, render: (_v, v) => findingsText(v) },
    { title: '登记人', dataIndex: 'createdByName', key: 'by', width: 90 },
  ];
  return <ListTable {...p} columns={columns} scrollX={900} emptyText={EMPTY} testId="visit-table" />;
}

function VisitCards(p: PagedViewProps<TVisitItem>) {
  return (
    <CardList {...p} emptyText={EMPTY} testId="visit-cards" renderItem={(v) => (
      <Link key={v.id} to={paths.supervision.visit(v.id)} className="card-link" data-testid="visit-link">
        <Card size="small">
          <Flex justify="space-between" gap={8}><strong>{v.unit.name}</strong><span>{v.visitedOn}</span></Flex>
          <div className="card-meta">{v.group.name} · {findingsText(v)}{v.findingsOpen ? <Tag color="orange" style={{ marginLeft: 4 }}>待销号</Tag> : null}</div>
        </Card>
      </Link>
    )} />
  );
}

export function VisitsPage() {
  const { values, update } = useSearchState();
  const can = useCan();
  const query = {
    groupId: values.groupId && UUID.test(values.groupId) ? values.groupId : undefined,
    unitId: values.unitId && UUID.test(values.unitId) ? values.unitId : undefined,
    page: intParam(values.page, 1),
    pageSize: intParam(values.pageSize, DEFAULT_PAGE_SIZE, 100),
  };
  const list = useVisits(query);
  const extra = can('visit:supervision')
    ? <Link to={paths.supervision.newVisit({ groupId: query.groupId, unitId: query.unitId })}><Button type="primary" icon={<PlusOutlined />} data-testid="visit-create">登记督导检查</Button></Link>
    : null;
  return (
    <PageContainer title="督导检查记录" extra={extra}>
      {(query.groupId || query.unitId) && (
        <Flex style={{ marginBottom: 8 }}><Tag closable onClose={() => update({ groupId: undefined, unitId: undefined }, { resetPage: true })}>
          {query.groupId ? `工作组：${list.data?.items[0]?.group.name ?? '所选'}` : `单位：${list.data?.items[0]?.unit.name ?? '所选'}`}
        </Tag></Flex>
      )}
      <PagedResults list={list} page={query.page} pageSize={query.pageSize} onPageChange={(page, size) => update(pagePatch(page, size, DEFAULT_PAGE_SIZE))}
        cards={(p) => <VisitCards {...p} />} table={(p) => <VisitTable {...p} />} />
    </PageContainer>
  );
}
