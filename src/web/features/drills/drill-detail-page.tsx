// /drills/:id: one drill or training record with its photos and sign-in sheet, who recorded and
// who verified it; 核实 and 作废 exactly as the record's allowedActions say.
import { Alert, Button, Card, type DescriptionsProps, Skeleton, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { DrillVerifyRequest } from '../../../contract/drills.ts';
import { VoidRequest } from '../../../contract/common.ts';
import type { DrillPolicyAction } from '../../../domain/drills/drill-policy.ts';
import { ACTIVITY_CATEGORY_LABELS } from '../../../domain/drills/drill-requirement.ts';
import { paths } from '../../app/paths.ts';
import { ActionModal } from '../../components/action-modal.tsx';
import { ActionBar, DetailColumns, OverviewCard } from '../../components/detail-layout.tsx';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { FileGallery } from '../../components/file-gallery.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useActOnDrill, useDrill } from './api/drills.ts';
import type { DrillActionBody, DrillData } from './api/keys.ts';
import { DRILL_ACTION_FORMS, DRILL_ACTION_LABELS } from './components/action-forms.tsx';
import { DrillStateTag, kindLabel, subjectName } from './components/labels.tsx';

const ACTIONS: readonly DrillPolicyAction[] = ['verify', 'void'];

function overview(d: DrillData): DescriptionsProps['items'] {
  return [
    d.enterprise
      ? { key: 'enterprise', label: '生产经营单位', children: <Link to={paths.enterprises.detail(d.enterprise.id)}>{d.enterprise.name}</Link>, span: 'filled' as const }
      : { key: 'unit', label: '受训单位', children: d.unit?.name ?? '—', span: 'filled' as const },
    { key: 'kind', label: '类型', children: <Tag style={{ marginInlineEnd: 0 }}>{kindLabel(d)}</Tag> },
    { key: 'category', label: '类别', children: ACTIVITY_CATEGORY_LABELS[d.category] },
    { key: 'heldOn', label: '开展日期', children: d.heldOn },
    { key: 'participants', label: '参加人数', children: `${d.participants}人` },
    { key: 'content', label: d.category === 'drill' ? '演练内容' : '培训内容', children: <span className="pre-wrap">{d.content}</span>, span: 'filled' as const },
    { key: 'state', label: '核实', children: <DrillStateTag d={d} /> },
    { key: 'created', label: '登记', children: `${d.createdByUnitName} · ${d.createdByName}` },
  ];
}

export function DrillDetailPage() {
  const { id = '' } = useParams();
  const query = useDrill(id);
  const act = useActOnDrill(id);
  const [open, setOpen] = useState<DrillPolicyAction | null>(null);
  const backTo = paths.drills.list;
  if (query.isPending) return <PageContainer title="演练/培训记录" backTo={backTo}><Card><Skeleton active /></Card></PageContainer>;
  if (query.isError) {
    return <PageContainer title="演练/培训记录" backTo={backTo}><ErrorDisplay error={query.error} onRetry={() => void query.refetch()} backTo={backTo} /></PageContainer>;
  }
  const d = query.data;
  const back = d.unit ? paths.drills.staff : backTo;
  const bar = (
    <ActionBar>
      {ACTIONS.filter((a) => d.allowedActions.includes(a)).map((a) => (
        <Button key={a} type={a === 'verify' ? 'primary' : 'default'} danger={a === 'void'} onClick={() => setOpen(a)} data-testid={`drill-action-${a}`}>
          {DRILL_ACTION_LABELS[a]}
        </Button>
      ))}
    </ActionBar>
  );
  const events = [
    { what: '登记', who: `${d.createdByUnitName} ${d.createdByName}`, at: d.createdAt, note: null as string | null },
    ...(d.verifiedAt ? [{ what: '核实', who: d.verifiedByName ?? '', at: d.verifiedAt, note: null }] : []),
    ...(d.voidedAt ? [{ what: '作废', who: d.voidedByName ?? '', at: d.voidedAt, note: d.voidReason }] : []),
  ];
  const timeline = (
    <Card title="记录经过" size="small" className="detail-section">
      <Timeline items={events.map((e) => ({
        content: <><div>{e.what} <span className="text-muted">{e.who}</span></div><div className="text-muted">{formatDateTime(e.at)}</div>{e.note && <div className="pre-wrap">{e.note}</div>}</>,
      }))} />
    </Card>
  );
  return (
    <PageContainer title={`${kindLabel(d)}记录`} subTitle={subjectName(d)} backTo={back}>
      {d.voided && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`已作废：${d.voidReason ?? ''}`} description="不再计入完成情况和报表。" data-testid="drill-voided" />}
      <DetailColumns actions={bar} timeline={timeline} lastUpdate={events.at(-1)?.at}>
        <OverviewCard title="演练/培训情况" items={overview(d)} />
        <Card title="现场照片" size="small" className="detail-section" data-testid="drill-photos">
          <FileGallery files={d.photos} empty="未上传照片" />
        </Card>
        <Card title="签到表" size="small" className="detail-section" data-testid="drill-signin">
          <FileGallery files={d.signInSheets} empty="未上传签到表" />
        </Card>
      </DetailColumns>
      <ActionModal<DrillData, DrillActionBody, undefined>
        record={d}
        action={open && { name: open, label: DRILL_ACTION_LABELS[open], definition: DRILL_ACTION_FORMS[open] }}
        context={undefined}
        schema={open === 'void' ? VoidRequest : DrillVerifyRequest}
        send={(body) => act.mutateAsync({ action: open ?? 'verify', body })}
        sending={act.isPending}
        testIdPrefix="drill-action"
        okText="提交"
        onClose={() => setOpen(null)}
      />
    </PageContainer>
  );
}
