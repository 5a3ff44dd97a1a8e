// 群众举报 (the office's view): what was reported with its photos or video, the reporter's identity
// behind an audited button, the triage actions the server allows, the conclusion and the hazard it
// became, the public reply beside the internal note, the reward, and the history.
import { Alert, App, Button, Card, type DescriptionsProps, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { TipActionRequest, type TTipIdentity } from '../../../contract/tips.ts';
import { TIP_ACTIONS, TIP_ACTION_LABELS, type TipAction } from '../../../domain/tips/tip-workflow.ts';
import { paths } from '../../app/paths.ts';
import { ActionModal } from '../../components/action-modal.tsx';
import { ActionBar, DetailColumns, OverviewCard } from '../../components/detail-layout.tsx';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { FileGallery } from '../../components/file-gallery.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { type TipActionBody, type TipData, useActOnTip, useRevealIdentity, useTip } from './api/tips.ts';
import { RewardCard } from './components/reward-card.tsx';
import { TIP_ACTION_FORMS } from './components/tip-action-forms.tsx';
import { TipStateTag } from './components/tip-tags.tsx';

const SECONDARY: readonly TipAction[] = ['reply', 'note', 'assign'];
const DANGER: readonly TipAction[] = ['reject', 'find_unfounded', 'mark_duplicate'];

function Identity({ tip }: { tip: TipData }) {
  const { message } = App.useApp();
  const reveal = useRevealIdentity();
  const [shown, setShown] = useState<TTipIdentity | null>(null);
  // An anonymous reporter may still have left a phone when claiming a reward.
  if (!tip.mayViewIdentity) return <span>{tip.anonymous ? '匿名举报' : '实名举报（身份仅安委办可查看）'}</span>;
  if (shown) return <span data-testid="tip-identity">{[shown.reporterName, shown.reporterPhone].filter(Boolean).join(' · ')}{shown.claimPhone ? ` · 领奖联系电话 ${shown.claimPhone}` : ''}</span>;
  return (
    <Button size="small" loading={reveal.isPending} data-testid="tip-reveal"
      onClick={() => reveal.mutateAsync(tip.id).then(setShown, (e: unknown) => message.error(errorMessage(e)))}>
      {tip.anonymous ? '匿名举报 · 查看领奖联系电话（将记入审计日志）' : '查看举报人身份（将记入审计日志）'}
    </Button>
  );
}

function overview(t: TipData): DescriptionsProps['items'] {
  return [
    { key: 'description', label: '举报内容', children: <span className="pre-wrap">{t.description}</span>, span: 'filled' },
    { key: 'place', label: '地点', children: t.latitude !== null ? <>{t.place}<br /><span className="text-muted">定位 {t.latitude.toFixed(5)}, {t.longitude?.toFixed(5)}</span></> : t.place },
    { key: 'where', label: '镇街/村居', children: [t.township.name, t.village?.name].filter(Boolean).join(' · ') },
    { key: 'enterprise', label: '涉及单位', children: t.enterprise ? <Link to={paths.enterprises.detail(t.enterprise.id)}>{t.enterprise.name}</Link> : (t.enterpriseName ?? '未填写') },
    { key: 'who', label: '举报人', children: <Identity tip={t} /> },
    { key: 'at', label: '提交时间', children: formatDateTime(t.submittedAt) },
    { key: 'due', label: '核查时限', children: <>{t.dueDay}{t.overdue && <Tag color="red" style={{ marginLeft: 8 }}>已超时限</Tag>}</> },
    { key: 'state', label: '状态', children: <TipStateTag status={t.status} overdue={t.overdue} /> },
    ...(t.assignedUnit ? [{ key: 'dept', label: '核查科室', children: t.assignedUnit.name }] : []),
    ...(t.hazard ? [{ key: 'hazard', label: '登记的隐患', children: <Link to={paths.hazards.detail(t.hazard.id)} data-testid="tip-hazard-link">{t.hazard.number}</Link> }] : []),
    ...(t.duplicateOf ? [{ key: 'dup', label: '原举报', children: <Link to={paths.tips.detail(t.duplicateOf.id)}>{t.duplicateOf.number}</Link> }] : []),
    ...(t.conclusionReason ? [{ key: 'reason', label: '核查情况/理由', children: <span className="pre-wrap">{t.conclusionReason}</span>, span: 'filled' as const }] : []),
  ];
}

export function TipDetailPage() {
  const { id = '' } = useParams();
  const query = useTip(id);
  const act = useActOnTip();
  const [open, setOpen] = useState<TipAction | null>(null);
  const backTo = paths.tips.list();
  if (query.isPending) return <PageContainer title="群众举报" backTo={backTo}><Card><Skeleton active /></Card></PageContainer>;
  if (query.isError) return <PageContainer title="群众举报" backTo={backTo}><ErrorDisplay error={query.error} onRetry={() => void query.refetch()} backTo={backTo} /></PageContainer>;
  const t = query.data;
  const actions = TIP_ACTIONS.filter((a) => t.allowedActions.includes(a));
  const bar = (
    <ActionBar>
      {actions.map((a) => (
        <Button key={a} type={SECONDARY.includes(a) || DANGER.includes(a) ? 'default' : 'primary'} danger={a === 'reject'} onClick={() => setOpen(a)} data-testid={`tip-action-${a}`}>
          {TIP_ACTION_LABELS[a]}
        </Button>
      ))}
    </ActionBar>
  );
  const timeline = (
    <Card title="办理经过" size="small" className="detail-section">
      <Timeline items={t.history.map((h) => ({ content: <><div>{h.what} <span className="text-muted">{h.who}</span></div><div className="text-muted">{formatDateTime(h.at)}</div>{h.note && <div className="pre-wrap">{h.note}</div>}</> }))} />
    </Card>
  );
  return (
    <PageContainer title={`群众举报 ${t.number}`} subTitle={t.township.name} backTo={backTo}>
      {t.overdue && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`已超过核查时限（${t.dueDay}），请尽快核查办结并答复举报人`} />}
      <DetailColumns actions={bar} timeline={timeline} lastUpdate={t.history.at(-1)?.at}>
        <OverviewCard title="举报" items={overview(t)} />
        <Card title="照片/视频" size="small" className="detail-section"><FileGallery files={t.files} empty="举报人未上传照片或视频" /></Card>
        <Card title="答复举报人" size="small" className="detail-section" data-testid="tip-public-reply">
          {t.publicReply ? <Typography.Paragraph className="pre-wrap">{t.publicReply}<br /><span className="text-muted">{t.repliedAt && formatDateTime(t.repliedAt)} · 举报人凭查询码可见</span></Typography.Paragraph>
            : <p className="text-muted">尚未答复。办结后请答复举报人，答复内容举报人凭查询码可见。</p>}
        </Card>
        {t.internalNote && <Card title="内部备注" size="small" className="detail-section"><p className="pre-wrap">{t.internalNote}</p><p className="text-muted">仅工作人员可见</p></Card>}
        <RewardCard tip={t} />
      </DetailColumns>
      <ActionModal<TipData, TipActionBody, undefined>
        record={t}
        action={open && { name: open, label: TIP_ACTION_LABELS[open], definition: TIP_ACTION_FORMS[open] }}
        context={undefined}
        schema={TipActionRequest}
        send={(body) => act.mutateAsync({ id: t.id, body })}
        sending={act.isPending}
        testIdPrefix="tip-action"
        okText="提交"
        fieldKey={(k) => k.replace(/^hazard\./, '')}
        onClose={() => setOpen(null)}
      />
    </PageContainer>
  );
}
