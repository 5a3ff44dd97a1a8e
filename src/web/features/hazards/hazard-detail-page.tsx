import { Alert, Button, Card, type DescriptionsProps, Flex, Skeleton, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { HAZARD_SOURCE_LABELS } from '../../../domain/hazards/hazard-machine.ts';
import { paths } from '../../app/paths.ts';
import { ActionBar, DetailColumns, OverviewCard } from '../../components/detail-layout.tsx';
import { ErrorDisplay } from '../../components/error-display.tsx';
import {
  HazardLevelTag, HazardStatusTag, ListingTag, OverdueTag, ReopenTag, TransferTag,
} from '../../components/hazard-tags.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { formatMinute } from '../../lib/format.ts';
import { useHazard } from './api/get-hazard.ts';
import type { HazardDetailData } from './api/keys.ts';
import { HazardActionModal } from './components/action-modal.tsx';
import {
  DualReportGrid, ExtensionsSection, HazardTimeline, ListingsSection, PhotoCompare, PlanSection, TransfersSection,
} from './components/detail-sections.tsx';
import { DueDate } from './components/hazard-table.tsx';
import {
  ACTION_BUTTON_LABELS, ACTION_ORDER, type ActionPreset, type AllowedAction, DANGER_ACTIONS, PRIMARY_ACTIONS,
} from './components/labels.ts';
import { ledgerUrl } from './components/last-list-url.ts';
import { useCan } from '../../lib/abilities.ts';

function overviewItems(h: HazardDetailData, canReadTips: boolean): DescriptionsProps['items'] {
  return [
    { key: 'number', label: '隐患编号', children: <span className="mono">{h.number}</span> },
    { key: 'status', label: '状态', children: <HazardStatusTag status={h.status} /> },
    // An enterprise account sees only its own hazards, and its own enterprise page.
    { key: 'enterprise', label: '生产经营单位', children: <Link to={paths.enterprises.detail(h.enterpriseId)}>{h.enterpriseName}</Link> },
    { key: 'village', label: '村/社区', children: h.villageName },
    { key: 'level', label: '隐患等级', children: <HazardLevelTag level={h.level} /> },
    { key: 'source', label: '隐患来源', children: HAZARD_SOURCE_LABELS[h.source] },
    { key: 'sector', label: '行业领域', children: h.sectorName },
    { key: 'category', label: '隐患类别', children: h.category ?? '—' },
    { key: 'location', label: '隐患部位', children: h.location, span: 'filled' },
    { key: 'description', label: '隐患描述', children: <span className="pre-wrap">{h.description}</span>, span: 'filled' },
    ...(h.level === 'major' || h.criterion
      ? [{ key: 'criterion', label: '判定依据', children: h.criterion ?? '—', span: 'filled' as const }]
      : []),
    { key: 'foundBy', label: '发现人', children: `${h.foundByName}（${h.foundByUnitName}）` },
    ...(h.inspection
      ? [{ key: 'inspection', label: '来源检查', children: <Link to={paths.inspections.detail(h.inspection.id)} data-testid="hazard-inspection-link">{h.inspection.number}</Link> }]
      : []),
    // A unit that may not open public reports (a village, the enterprise) sees the number only.
    ...(h.publicReport
      ? [{ key: 'publicReport', label: '来源举报', children: canReadTips ? <Link to={paths.tips.detail(h.publicReport.id)} data-testid="hazard-report-link">{h.publicReport.number}</Link> : h.publicReport.number }]
      : []),
    { key: 'foundAt', label: '发现时间', children: formatMinute(h.foundAt) },
    { key: 'responsible', label: '责任单位', children: h.responsibleUnitName },
    { key: 'due', label: '整改期限', children: <DueDate h={h} /> },
    { key: 'fixed', label: '即查即改', children: h.fixedOnSpot ? '是' : '否' },
    ...(h.rectificationNote
      ? [{ key: 'note', label: '整改情况', children: <span className="pre-wrap">{h.rectificationNote}</span>, span: 'filled' as const }]
      : []),
    ...(h.rectifiedAt ? [{ key: 'rectifiedAt', label: '整改完成', children: formatMinute(h.rectifiedAt) }] : []),
    // The signature as a person reads it: who signed and when; the digest stays on record (the
    // tooltip and the printed record), not on the page.
    ...(h.verifierName && h.closedAt
      ? [{
          key: 'signature',
          label: '验收签名',
          span: 'filled' as const,
          children: (
            <Tooltip title={h.signatureHash ? `存证摘要 ${h.signatureHash}` : undefined}>
              <span data-testid="hazard-signature">{h.verifierName} 于 {formatMinute(h.closedAt)} 签名验收{h.signatureHash ? ' · 已存证' : ''}</span>
            </Tooltip>
          ),
        }]
      : h.closedAt ? [{ key: 'closedAt', label: '销号时间', children: formatMinute(h.closedAt) }] : []),
  ];
}

export function HazardDetailPage() {
  const userMay = useCan();
  const { id = '' } = useParams();
  const query = useHazard(id);
  const [open, setOpen] = useState<{ action: AllowedAction; preset?: ActionPreset } | null>(null);
  const backTo = ledgerUrl();

  if (query.isPending) {
    return (
      <PageContainer title="隐患详情" backTo={backTo}>
        <Card><Skeleton active /></Card>
      </PageContainer>
    );
  }
  if (query.isError) {
    return (
      <PageContainer title="隐患详情" backTo={backTo}>
        <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} backTo={backTo} />
      </PageContainer>
    );
  }
  const h = query.data;
  const allowed = new Set(h.allowedActions);
  const actions = ACTION_ORDER.filter((a) => allowed.has(a));
  const can = (a: AllowedAction | 'open_case') => allowed.has(a);

  const title = (
    <Space size={8} wrap>
      <span className="mono">{h.number}</span>
    </Space>
  );
  const tags = (
    <Space size={4} wrap data-testid="hazard-tags">
      <HazardStatusTag status={h.status} />
      <HazardLevelTag level={h.level} />
      {h.overdue && <OverdueTag />}
      <ListingTag level={h.listingLevel} />
      <TransferTag count={h.transferCount} pending={h.pendingTransfer} />
      <ReopenTag count={h.reopenCount} />
      {can('open_case') && <Link to={paths.cases.create({ hazardId: h.id })} data-testid="hazard-open-case">立案</Link>}
    </Space>
  );

  const actionBar = (
    <ActionBar>
      {actions.map((a) => (
        <Button
          key={a}
          type={PRIMARY_ACTIONS.has(a) || (a === 'submit_plan' && h.plans.length === 0) ? 'primary' : 'default'}
          danger={DANGER_ACTIONS.has(a)}
          onClick={() => setOpen({ action: a })}
          data-testid={`hazard-action-${a}`}
        >
          {a === 'submit_plan' && h.plans.length > 0 ? '修改五落实方案' : ACTION_BUTTON_LABELS[a]}
        </Button>
      ))}
    </ActionBar>
  );

  const timeline = (
    <Card title="处理经过" size="small" className="detail-section">
      <HazardTimeline h={h} />
    </Card>
  );

  return (
    <PageContainer title={title} subTitle={h.enterpriseName} backTo={backTo}>
      <Flex className="detail-tags">{tags}</Flex>
      {h.status === 'voided' && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title="该隐患已作废" description={h.voidReason ? `作废原因：${h.voidReason}` : undefined} />
      )}
      {h.pendingTransfer && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`移送待接收：${h.transfers.find((t) => t.status === 'pending')?.toUnitName ?? ''}`}
        />
      )}
      <DetailColumns actions={actionBar} timeline={timeline} lastUpdate={h.events.at(-1)?.at}>
        <OverviewCard title="隐患信息" items={overviewItems(h, userMay('read:tip'))} />
        <PhotoCompare h={h} />
        <PlanSection h={h} />
        <DualReportGrid h={h} onRecord={can('record_dual_report') ? (preset) => setOpen({ action: 'record_dual_report', preset }) : undefined} />
        <ListingsSection h={h} />
        <ExtensionsSection h={h} />
        <TransfersSection h={h} />
      </DetailColumns>
      <HazardActionModal hazard={h} action={open?.action ?? null} preset={open?.preset} onClose={() => setOpen(null)} />
    </PageContainer>
  );
}
