// 督导工作组: each group's people, the units it checks and how far it has got (units visited,
// findings open, overdue and closed); the office sets groups up, members start a visit from here.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { GROUP_PERSON_ROLE_LABELS } from '../../../contract/supervision.ts';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { SearchBox } from '../../components/search-box.tsx';
import { useSearchState } from '../../lib/search-params.ts';
import { type GroupData, useGroups } from './api/supervision.ts';
import { GroupFormModal } from './components/group-form-modal.tsx';

function GroupCard({ g, onEdit }: { g: GroupData; onEdit: () => void }) {
  const f = g.figures;
  const leaders = g.people.filter((p) => p.role === 'leader');
  const members = g.people.filter((p) => p.role === 'member');
  const who = (list: typeof g.people) => list.map((p) => `${p.name}${p.title ? `（${p.title}）` : ''}`).join('、') || '—';
  return (
    <Card size="small" data-testid="group-card" title={<Space>{g.name}{!g.active && <Tag>已撤销</Tag>}</Space>}
      extra={g.allowedActions.includes('edit') && <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="group-edit">修改</Button>}>
      <Typography.Paragraph style={{ marginBottom: 4 }}><strong>{GROUP_PERSON_ROLE_LABELS.leader}：</strong>{who(leaders)}</Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 4 }}><strong>{GROUP_PERSON_ROLE_LABELS.member}：</strong>{who(members)}</Typography.Paragraph>
      {g.campaign && <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>{g.campaign.name}</Typography.Paragraph>}
      <Flex wrap gap={4} style={{ marginBottom: 8 }}>{g.units.length ? g.units.map((u) => <Tag key={u.id}>{u.name}</Tag>) : <Typography.Text type="secondary">未分配督导单位</Typography.Text>}</Flex>
      <Row gutter={8}>
        <Col xs={12} sm={6}><Statistic title="已督导单位" value={f.unitsVisited} suffix={`/ ${g.units.length}`} /></Col>
        <Col xs={12} sm={6}><Statistic title="督导次数" value={f.visits} /></Col>
        <Col xs={12} sm={6}><Link to={paths.supervision.findings({ groupId: g.id })}><Statistic title="未销号问题" value={f.findingsOpen} valueStyle={f.findingsOverdue ? { color: '#cf1322' } : undefined} suffix={f.findingsOverdue ? <Typography.Text type="danger" style={{ fontSize: 12 }}>逾期{f.findingsOverdue}</Typography.Text> : null} /></Link></Col>
        <Col xs={12} sm={6}><Statistic title="已销号" value={f.findingsClosed} /></Col>
      </Row>
      <Flex gap={8} wrap style={{ marginTop: 8 }}>
        {g.allowedActions.includes('visit') && <Link to={paths.supervision.newVisit({ groupId: g.id })}><Button type="primary" size="small" data-testid="group-visit">登记督导检查</Button></Link>}
        <Link to={paths.supervision.visits({ groupId: g.id })}><Button size="small">督导记录</Button></Link>
      </Flex>
    </Card>
  );
}

export function GroupsPage() {
  const { values, update } = useSearchState();
  const list = useGroups({ q: values.q?.trim() || undefined, page: 1, pageSize: 100 });
  const [editing, setEditing] = useState<GroupData | 'new' | null>(null);
  const extra = list.data?.canCreate ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="group-create">设立工作组</Button> : null;
  return (
    <PageContainer title="督导工作组" extra={extra}>
      <div style={{ marginBottom: 12, maxWidth: 360 }}><SearchBox value={values.q} onSearch={(q) => update({ q: q || undefined })} placeholder="工作组名称" testId="group-search" /></div>
      {list.isPending ? <Card><Skeleton active /></Card> : list.isError ? <ErrorDisplay error={list.error} onRetry={() => void list.refetch()} /> : list.data.items.length === 0 ? (
        <Empty description={list.data.canCreate ? '还没有督导工作组，点击“设立工作组”' : '您不在任何督导工作组中'} />
      ) : (
        <Row gutter={[12, 12]}>
          {list.data.items.map((g) => <Col key={g.id} xs={24} lg={12}><GroupCard g={g} onEdit={() => setEditing(g)} /></Col>)}
        </Row>
      )}
      {list.data && list.data.total > list.data.items.length && <Typography.Text type="secondary">共 {list.data.total} 个工作组，请搜索名称查找其余的</Typography.Text>}
      {editing && <GroupFormModal group={editing === 'new' ? null : editing} open onClose={() => setEditing(null)} />}
    </PageContainer>
  );
}
