// 执法案件详情: status steps 立案 → 调查 → 决定 → 执行 → 结案, measures with fines in yuan, the
// derived tags, timeline, documents, and the actions the server allows.
import { Alert, Button, Card, type DescriptionsProps, Empty, Flex, Skeleton, Steps, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { CASE_ALLOWED_ACTIONS, type CaseAllowedAction } from '../../../domain/enforcement/case-policy.ts';
import { CASE_STATUSES, CASE_STATUS_LABELS, MEASURE_KIND_LABELS } from '../../../domain/enforcement/enforcement.ts';
import { paths } from '../../app/paths.ts';
import { ActionBar, DetailColumns, OverviewCard } from '../../components/detail-layout.tsx';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { useIsMobile } from '../../components/use-is-mobile.ts';
import { FileGallery } from '../../components/file-gallery.tsx';
import { useCase } from './api/get-case.ts';
import type { CaseDetailData } from './api/keys.ts';
import { CASE_ACTION_TITLES, CaseActionModal } from './components/case-action-modal.tsx';
import { CaseFlagTags, CaseStatusTag, formatYuan } from './components/case-tags.tsx';
import { CaseTimeline } from './components/case-timeline.tsx';

type Measure = CaseDetailData['measures'][number];
const PRIMARY: ReadonlySet<CaseAllowedAction> = new Set(['investigate', 'decide', 'execute', 'close']);

function overview(c: CaseDetailData): DescriptionsProps['items'] {
  const items: DescriptionsProps['items'] = [
    { key: 'number', label: '案件编号', children: <span className="mono">{c.number}</span> },
    { key: 'status', label: '状态', children: <CaseStatusTag status={c.status} /> },
    { key: 'enterprise', label: '生产经营单位', children: <Link to={paths.enterprises.detail(c.enterpriseId)}>{c.enterpriseName}</Link> },
    { key: 'village', label: '村/社区', children: c.villageName },
    { key: 'title', label: '案由', children: c.title, span: 'filled' },
    { key: 'facts', label: '违法事实', children: <span className="pre-wrap">{c.facts ?? '—'}</span>, span: 'filled' },
    { key: 'unit', label: '办案单位', children: c.unitName },
    { key: 'filedOn', label: '立案日期', children: c.filedOn },
  ];
  if (c.inspection) items.push({ key: 'inspection', label: '检查记录', children: <Link to={paths.inspections.detail(c.inspection.id)} className="mono">{c.inspection.number}</Link> });
  if (c.hazard) items.push({ key: 'hazard', label: '隐患', children: <Link to={paths.hazards.detail(c.hazard.id)} className="mono">{c.hazard.number}</Link> });
  if (c.decidedOn) {
    items.push(
      { key: 'decidedOn', label: '决定日期', children: c.decidedOn },
      { key: 'documentNo', label: '决定书文号', children: c.documentNo ?? '—' },
    );
  }
  if (c.noPenaltyReason) items.push({ key: 'noPenalty', label: '不予处罚理由', children: c.noPenaltyReason, span: 'filled' });
  if (c.totalFineYuan > 0) {
    items.push({
      key: 'fines', label: '罚款', span: 'filled',
      children: `对企业 ${formatYuan(c.fineOnEnterpriseYuan)}，对主要负责人 ${formatYuan(c.fineOnPrincipalYuan)}，合计 ${formatYuan(c.totalFineYuan)}`,
    });
  }
  if (c.judicialReferralPersons > 0) items.push({ key: 'referral', label: '移送司法机关', children: `${c.judicialReferralPersons} 人` });
  if (c.closedOn) items.push({ key: 'closedOn', label: '结案日期', children: c.closedOn }, { key: 'closeNote', label: '结案说明', children: c.closeNote ?? '—' });
  items.push({ key: 'createdBy', label: '立案人', children: c.createdByName });
  return items;
}

function MeasuresSection({ c }: { c: CaseDetailData }) {
  const isMobile = useIsMobile();
  const detail = (m: Measure) =>
    m.kind === 'penalty'
      ? `对企业 ${formatYuan(m.fineOnEnterpriseYuan ?? 0)}；对主要负责人 ${formatYuan(m.fineOnPrincipalYuan ?? 0)}`
      : m.kind === 'judicial_referral' ? `${m.personCount ?? 0} 人` : '';
  const columns: TableProps<Measure>['columns'] = [
    { title: '处理措施', key: 'kind', width: 120, render: (_v, m) => MEASURE_KIND_LABELS[m.kind] },
    { title: '内容', key: 'detail', render: (_v, m) => [detail(m), m.note].filter(Boolean).join('；') || '—' },
    { title: '执行', key: 'executedOn', width: 110, render: (_v, m) => m.executedOn ?? <span className="text-muted">未执行</span> },
  ];
  return (
    <Card title="处理决定" size="small" className="detail-section" data-testid="case-measures">
      {c.measures.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={c.decidedOn ? '不予处罚' : '尚未作出决定'} />
      ) : isMobile ? (
        <Flex vertical gap={6}>
          {c.measures.map((m) => (
            <div key={m.id} className="record-text">
              <strong>{MEASURE_KIND_LABELS[m.kind]}</strong> {[detail(m), m.note].filter(Boolean).join('；')}
              <div className="text-muted">{m.executedOn ? `执行 ${m.executedOn}` : '未执行'}</div>
            </div>
          ))}
        </Flex>
      ) : (
        <Table<Measure> rowKey="id" size="small" columns={columns} dataSource={c.measures} pagination={false} />
      )}
    </Card>
  );
}

export function CaseDetailPage() {
  const { id = '' } = useParams();
  const isMobile = useIsMobile();
  const query = useCase(id);
  const [open, setOpen] = useState<CaseAllowedAction | null>(null);
  const backTo = paths.cases.list;

  if (query.isPending) {
    return <PageContainer title="执法案件" backTo={backTo}><Card><Skeleton active /></Card></PageContainer>;
  }
  if (query.isError) {
    return (
      <PageContainer title="执法案件" backTo={backTo}>
        <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} backTo={backTo} />
      </PageContainer>
    );
  }
  const c = query.data;
  const actions = CASE_ALLOWED_ACTIONS.filter((a) => c.allowedActions.includes(a));
  const current = CASE_STATUSES.indexOf(c.status);

  const actionBar = (
    <ActionBar>
      {actions.map((a) => (
        <Button key={a} type={PRIMARY.has(a) ? 'primary' : 'default'} danger={a === 'unpublish'} onClick={() => setOpen(a)} data-testid={`case-action-${a}`}>
          {CASE_ACTION_TITLES[a]}
        </Button>
      ))}
    </ActionBar>
  );
  const timeline = <Card title="办案经过" size="small" className="detail-section"><CaseTimeline c={c} /></Card>;

  return (
    <PageContainer title={<span className="mono">{c.number}</span>} subTitle={c.enterpriseName} backTo={backTo}>
      <Flex className="detail-tags" gap={4} wrap>
        <CaseStatusTag status={c.status} />
        <CaseFlagTags c={c} noPenaltyByLaw={c.noPenaltyByLaw} />
      </Flex>
      <Card size="small" className="detail-section">
        <Steps
          size="small"
          orientation={isMobile ? 'vertical' : 'horizontal'}
          current={current}
          status={c.status === 'closed' ? 'finish' : 'process'}
          items={CASE_STATUSES.map((s) => ({ title: CASE_STATUS_LABELS[s] }))}
          data-testid="case-steps"
        />
      </Card>
      {c.published && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title="已公布为典型执法案例" description={<span className="pre-wrap">{c.publicationSummary}</span>} />
      )}
      <DetailColumns actions={actionBar} timeline={timeline} lastUpdate={c.events.at(-1)?.at}>
        <OverviewCard title="案件信息" items={overview(c)} phoneLabelWidth={90} />
        <MeasuresSection c={c} />
        <Card title="文书" size="small" className="detail-section" data-testid="case-documents">
          <FileGallery files={c.documents} empty="暂无文书" />
        </Card>
      </DetailColumns>
      <CaseActionModal c={c} action={open} onClose={() => setOpen(null)} />
    </PageContainer>
  );
}
