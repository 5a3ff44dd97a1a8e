// 督导问题: what the group found at the unit, its due date and state, the unit's measures and
// evidence, the history, and the actions the server allows (the unit answers; the group accepts
// or returns).
import { Alert, Button, Card, type DescriptionsProps, Skeleton, Timeline } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { FindingActionRequest } from '../../../contract/supervision.ts';
import { FINDING_ACTIONS, FINDING_ACTION_LABELS, type FindingAction } from '../../../domain/supervision/finding-workflow.ts';
import { paths } from '../../app/paths.ts';
import { ActionModal } from '../../components/action-modal.tsx';
import { ActionBar, DetailColumns, OverviewCard } from '../../components/detail-layout.tsx';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { FileGallery } from '../../components/file-gallery.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { type FindingActionBody, type FindingData, useActOnFinding, useFinding } from './api/supervision.ts';
import { FINDING_ACTION_FORMS } from './components/finding-action-forms.tsx';
import { FindingStateTag } from './components/finding-tags.tsx';

function overview(f: FindingData): DescriptionsProps['items'] {
  return [
    { key: 'description', label: '问题描述', children: <span className="pre-wrap">{f.description}</span>, span: 'filled' },
    ...(f.itemText ? [{ key: 'item', label: '检查事项', children: f.itemText, span: 'filled' as const }] : []),
    { key: 'unit', label: '被督导单位', children: f.unit.name },
    { key: 'group', label: '督导工作组', children: f.group.name },
    { key: 'visit', label: '督导检查', children: <Link to={paths.supervision.visit(f.visitId)}>{f.visitedOn} 督导检查记录</Link> },
    { key: 'due', label: '整改期限', children: f.dueDate },
    { key: 'state', label: '状态', children: <FindingStateTag status={f.status} overdue={f.overdue} /> },
  ];
}

export function FindingDetailPage() {
  const { id = '' } = useParams();
  const query = useFinding(id);
  const act = useActOnFinding();
  const [open, setOpen] = useState<FindingAction | null>(null);
  const backTo = paths.supervision.findings();
  if (query.isPending) return <PageContainer title="督导问题" backTo={backTo}><Card><Skeleton active /></Card></PageContainer>;
  if (query.isError) {
    return <PageContainer title="督导问题" backTo={backTo}><ErrorDisplay error={query.error} onRetry={() => void query.refetch()} backTo={backTo} /></PageContainer>;
  }
  const f = query.data;
  const actions = FINDING_ACTIONS.filter((a) => f.allowedActions.includes(a));
  const bar = (
    <ActionBar>
      {actions.map((a) => (
        <Button key={a} type={a === 'return' || a === 'withdraw' ? 'default' : 'primary'} danger={a === 'return' || a === 'withdraw'} onClick={() => setOpen(a)} data-testid={`finding-action-${a}`}>
          {FINDING_ACTION_LABELS[a]}
        </Button>
      ))}
    </ActionBar>
  );
  const timeline = (
    <Card title="处理经过" size="small" className="detail-section">
      <Timeline items={f.history.map((h) => ({ content: <><div>{h.what} <span className="text-muted">{h.who}</span></div><div className="text-muted">{formatDateTime(h.at)}</div>{h.note && <div className="pre-wrap">{h.note}</div>}</> }))} />
    </Card>
  );
  return (
    <PageContainer title="督导问题" subTitle={f.unit.name} backTo={backTo}>
      {f.status === 'returned' && f.returnReason && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`已退回：${f.returnReason}`} />}
      {f.status === 'withdrawn' && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`督导组已撤回该问题：${f.withdrawReason ?? ''}`} />}
      <DetailColumns actions={bar} timeline={timeline} lastUpdate={f.history.at(-1)?.at}>
        <OverviewCard title="问题" items={overview(f)} />
        <Card title="整改情况" size="small" className="detail-section" data-testid="finding-answer">
          {f.measures ? <p className="pre-wrap">{f.measures}</p> : <p className="text-muted">单位尚未报送整改情况</p>}
          <FileGallery files={f.files} empty="暂无照片或材料" />
        </Card>
      </DetailColumns>
      <ActionModal<FindingData, FindingActionBody, undefined>
        record={f}
        action={open && { name: open, label: FINDING_ACTION_LABELS[open], definition: FINDING_ACTION_FORMS[open] }}
        context={undefined}
        schema={FindingActionRequest}
        send={(body) => act.mutateAsync({ id: f.id, body })}
        sending={act.isPending}
        testIdPrefix="finding-action"
        okText="提交"
        onClose={() => setOpen(null)}
      />
    </PageContainer>
  );
}
