// 检查记录详情: the header, who inspected and signed, every answer with its photos, the hazards
// the failed items became, the signature hash and the PDF record; actions as the server allows.
import { DeleteOutlined, EditOutlined, FilePdfOutlined, FileProtectOutlined, FormOutlined, SignatureOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, type DescriptionsProps, Flex, Row, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { itemFinding } from '../../../domain/checklists/checklist.ts';
import { isSelfInspection } from '../../../domain/inspections/inspection-rules.ts';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { useIsMobile } from '../../components/use-is-mobile.ts';
import { errorMessage } from '../../lib/api.ts';
import { useCurrentUser } from '../../lib/auth.ts';
import { formatDateTime, formatMinute } from '../../lib/format.ts';
import { useDownloadInspectionRecord } from './api/download-record.ts';
import { useInspection } from './api/get-inspection.ts';
import type { InspectionDetailData } from './api/keys.ts';
import { useSignInspection } from './api/sign-inspection.ts';
import { AnswerHazard, AnswersSection } from './components/answers-section.tsx';
import { DiscardInspectionModal } from './components/discard-modal.tsx';
import { EditHeaderModal } from './components/edit-header-modal.tsx';
import { InspectionStatusTag, InspectionTypeTag, MethodTags } from './components/inspection-tags.tsx';
import { InspectorSignatures } from './components/inspector-signatures.tsx';
import { inspectionListUrl } from './components/last-list-url.ts';
import { inspectingUnitName } from './components/inspecting-unit.ts';

function overviewItems(d: InspectionDetailData): DescriptionsProps['items'] {
  return [
    { key: 'enterprise', label: '被检查单位', children: <Link to={paths.enterprises.detail(d.enterpriseId)}>{d.enterpriseName}</Link> },
    { key: 'village', label: '村/社区', children: d.villageName },
    { key: 'date', label: '检查日期', children: d.inspectedOn },
    { key: 'unit', label: '检查单位', children: inspectingUnitName(d) },
    { key: 'template', label: '检查表', span: 'filled', children: `${d.templateName}（第${d.template.version}版）` },
    { key: 'location', label: '检查地点', span: 'filled', children: d.location ?? d.enterpriseAddress },
    ...(d.periodKey ? [{ key: 'period', label: '自查周期', children: d.periodKey }] : []),
    { key: 'createdBy', label: '发起人', children: d.createdByName },
    { key: 'createdAt', label: '开始时间', children: formatMinute(d.createdAt) },
    ...(d.completedAt ? [{ key: 'completedAt', label: '完成时间', children: formatMinute(d.completedAt) }] : []),
    { key: 'summary', label: '检查小结', span: 'filled', children: d.summary ? <span className="pre-wrap">{d.summary}</span> : '—' },
  ];
}

/** The same message once, with how many items it concerns: "尚未填写（4项）；张三尚未签名". */
function problemSummary(problems: InspectionDetailData['problems']): string {
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p.message, (counts.get(p.message) ?? 0) + (p.itemKey ? 1 : 0));
  return [...counts].map(([m, n]) => (n > 1 ? `${m}（${n}项）` : m)).join('；');
}

function SignatureBlock({ d, meId }: { d: InspectionDetailData; meId: string }) {
  const r = d.representative;
  return (
    <Card title="签名" size="small" className="detail-section" data-testid="inspection-signatures">
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6 }}>检查人员</Typography.Text>
      <InspectorSignatures d={d} meId={meId} showCertificates={d.type === 'enforcement'} />
      {!isSelfInspection(d.type) && (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', margin: '12px 0 6px' }}>被检查单位</Typography.Text>
          {r?.name ? (
            <div data-testid="inspection-representative">
              负责人 <strong>{r.name}</strong> 签名 <span className="text-muted">{formatMinute(r.signedAt)}</span>
            </div>
          ) : r?.refusalNote ? (
            <div data-testid="inspection-representative">
              <Typography.Text type="danger">拒绝签名</Typography.Text>：<span className="pre-wrap">{r.refusalNote}</span>
            </div>
          ) : (
            <span className="text-muted">{d.status === 'completed' ? '—' : '完成时签名'}</span>
          )}
        </>
      )}
      {d.signatureHash && (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', margin: '12px 0 4px' }}>记录摘要（SHA-256）</Typography.Text>
          <Typography.Text className="mono hash" copyable={{ text: d.signatureHash }} ellipsis={{ tooltip: d.signatureHash }} data-testid="inspection-signature-hash">
            {d.signatureHash}
          </Typography.Text>
          {d.signatureValid === false && (
            <Alert type="error" showIcon style={{ marginTop: 8 }} title="记录在签名后被改动，与签名摘要不一致" data-testid="inspection-signature-invalid" />
          )}
          {d.signatureValid === true && (
            <Typography.Text type="success" style={{ display: 'block', marginTop: 4 }}>记录与签名摘要一致</Typography.Text>
          )}
        </>
      )}
    </Card>
  );
}

function FailedItems({ d }: { d: InspectionDetailData }) {
  const failed = d.answers.filter((a) => a.result === 'nonconform');
  if (failed.length === 0) return null;
  // Each failed item by what was found (its finding), not by its question or requirement.
  const findingOf = new Map(d.template.groups.flatMap((g) => g.items.map((i) => [i.key, itemFinding(i)] as const)));
  return (
    <Card title={`不符合项（${failed.length}）`} size="small" className="detail-section" data-testid="inspection-failed">
      <Flex vertical gap={10}>
        {failed.map((a) => (
          <div key={a.itemKey} className="record-row" data-testid="inspection-failed-item">
            <Typography.Text type="danger">{findingOf.get(a.itemKey) ?? a.itemKey}</Typography.Text>
            {a.comment && <div className="record-text pre-wrap">{a.comment}</div>}
            <div className="record-text"><AnswerHazard a={a} /></div>
          </div>
        ))}
      </Flex>
    </Card>
  );
}

export function InspectionDetailPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const query = useInspection(id);
  const sign = useSignInspection();
  const pdf = useDownloadInspectionRecord();
  const [discardOpen, setDiscardOpen] = useState(false);
  const [headerOpen, setHeaderOpen] = useState(false);
  const backTo = inspectionListUrl();

  if (query.isPending) {
    return (
      <PageContainer title="检查记录" backTo={backTo}>
        <Card><Skeleton active /></Card>
      </PageContainer>
    );
  }
  if (query.isError) {
    return (
      <PageContainer title="检查记录" backTo={backTo}>
        <ErrorDisplay error={query.error} onRetry={() => void query.refetch()} backTo={backTo} />
      </PageContainer>
    );
  }
  const d = query.data;
  const can = (a: InspectionDetailData['allowedActions'][number]) => d.allowedActions.includes(a);
  const onSign = () =>
    sign.mutate(
      { id: d.id, version: d.version },
      {
        onSuccess: () => void message.success('已签名'),
        onError: (e) => void message.error(`签名失败：${errorMessage(e)}`),
      },
    );
  const onPdf = () =>
    pdf.mutate({ id: d.id, number: d.number }, { onError: (e) => void message.error(`下载失败：${errorMessage(e)}`) });

  const actions = (
    <Flex wrap gap={8}>
      {can('edit') && (
        <Link to={paths.inspections.fill(d.id)}>
          <Button type="primary" icon={<EditOutlined />} data-testid="inspection-continue">继续填写</Button>
        </Link>
      )}
      {can('edit') && (
        <Button icon={<FormOutlined />} onClick={() => setHeaderOpen(true)} data-testid="inspection-edit-header">修改检查信息</Button>
      )}
      {can('sign') && (
        <Button type={can('edit') ? 'default' : 'primary'} icon={<SignatureOutlined />} onClick={onSign} loading={sign.isPending} data-testid="inspection-sign">
          签名
        </Button>
      )}
      <Button icon={<FilePdfOutlined />} onClick={onPdf} loading={pdf.isPending} data-testid="inspection-pdf">
        下载现场检查记录 (PDF)
      </Button>
      {can('open_case') && (
        <Link to={paths.cases.create({ inspectionId: d.id })}>
          <Button icon={<FileProtectOutlined />} data-testid="inspection-open-case">立案</Button>
        </Link>
      )}
      {can('discard') && (
        <Button danger icon={<DeleteOutlined />} onClick={() => setDiscardOpen(true)} data-testid="inspection-discard">删除草稿</Button>
      )}
    </Flex>
  );

  const signatures = <SignatureBlock d={d} meId={me.id} />;
  const failed = <FailedItems d={d} />;

  return (
    <PageContainer title={<span className="mono">{d.number}</span>} subTitle={d.enterpriseName} backTo={backTo} extra={isMobile ? undefined : actions}>
      <Space size={4} wrap className="detail-tags" data-testid="inspection-tags">
        <InspectionStatusTag status={d.status} />
        <InspectionTypeTag type={d.type} />
        <MethodTags tags={d.methodTags} />
      </Space>
      {isMobile && <Card size="small" className="detail-section">{actions}</Card>}
      {d.status === 'draft' && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`填写中：已填 ${d.progress.answered}/${d.progress.total}`}
          description={d.problems.length > 0 ? `完成前还需处理：${problemSummary(d.problems)}` : '已可完成并签名'}
          data-testid="inspection-draft-alert"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card title="检查信息" size="small" className="detail-section">
            <Descriptions
              items={overviewItems(d)}
              column={{ xs: 1, sm: 1, md: 2 }}
              size="small"
              bordered
              styles={isMobile ? { label: { width: 82, padding: '6px 8px' }, content: { padding: '6px 8px' } } : { label: { width: 110, whiteSpace: 'nowrap' } }}
            />
          </Card>
          {isMobile && failed}
          <AnswersSection d={d} />
          {isMobile && signatures}
        </Col>
        {!isMobile && (
          <Col xs={24} lg={8}>
            {signatures}
            {failed}
            {d.completedAt && <Typography.Text type="secondary" className="form-hint">时间为北京时间；完成于 {formatDateTime(d.completedAt)}</Typography.Text>}
          </Col>
        )}
      </Row>
      {can('edit') && <EditHeaderModal d={d} open={headerOpen} onClose={() => setHeaderOpen(false)} />}
      {can('discard') && <DiscardInspectionModal d={d} open={discardOpen} onClose={() => setDiscardOpen(false)} />}
    </PageContainer>
  );
}
