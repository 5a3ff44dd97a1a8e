// 督导检查记录: who visited which unit when and how, the checklist as rated, the findings sent to
// the unit with their states, the hazards reported from the visit, photos; a member adds a
// finding or reports an enterprise's hazard from here.
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, type DescriptionsProps, Empty, Flex, Form, Input, List, Modal, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { NewFinding } from '../../../contract/supervision.ts';
import { HAZARD_STATUS_LABELS, type HazardStatus } from '../../../domain/hazards/hazard-machine.ts';
import { VISIT_METHOD_LABELS } from '../../../domain/supervision/finding-workflow.ts';
import { paths } from '../../app/paths.ts';
import { ActionBar, DetailColumns, OverviewCard } from '../../components/detail-layout.tsx';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { FileGallery } from '../../components/file-gallery.tsx';
import { zodPathErrors } from '../../components/form-errors.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { errorMessage } from '../../lib/api.ts';
import { dayjs, formatDateTime } from '../../lib/format.ts';
import { type VisitData, useAddFinding, useVisit } from './api/supervision.ts';
import { FindingStateTag, ResultTag } from './components/finding-tags.tsx';

function overview(v: VisitData): DescriptionsProps['items'] {
  return [
    { key: 'unit', label: '被督导单位', children: v.unit.name },
    { key: 'group', label: '督导工作组', children: v.group.name },
    { key: 'date', label: '督导日期', children: v.visitedOn },
    { key: 'members', label: '参加人员', children: v.members.map((m) => m.name).join('、') || '—' },
    { key: 'methods', label: '督导方式', children: v.methods.map((m) => VISIT_METHOD_LABELS[m]).join('；') || '—', span: 'filled' },
    { key: 'summary', label: '督导情况', children: <span className="pre-wrap">{v.summary ?? '—'}</span>, span: 'filled' },
    { key: 'by', label: '登记人', children: v.createdByName },
  ];
}

function AddFindingModal({ v, open, onClose }: { v: VisitData; open: boolean; onClose: () => void }) {
  const add = useAddFinding(v.id);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ description?: string; dueDate?: ReturnType<typeof dayjs> }>();
  const submit = async () => {
    const raw = form.getFieldsValue();
    const body = { itemKey: null, description: raw.description ?? '', dueDate: raw.dueDate ? raw.dueDate.format('YYYY-MM-DD') : '' };
    const parsed = NewFinding.safeParse(body);
    if (!parsed.success) {
      form.setFields(Object.entries(zodPathErrors(parsed.error)).map(([name, errors]) => ({ name: name as 'description', errors })));
      return;
    }
    try {
      await add.mutateAsync(body);
      void message.success(`问题已发送至${v.unit.name}`);
      form.resetFields();
      onClose();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };
  return (
    <Modal title="补充问题" open={open} onCancel={onClose} onOk={() => void submit()} okText="发送给被督导单位" confirmLoading={add.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ dueDate: dayjs().add(14, 'day') }}>
        <Form.Item name="description" label="问题描述" required><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
        <Form.Item name="dueDate" label="整改期限" required><DatePicker allowClear={false} inputReadOnly /></Form.Item>
      </Form>
    </Modal>
  );
}

export function VisitDetailPage() {
  const { id = '' } = useParams();
  const query = useVisit(id);
  const [adding, setAdding] = useState(false);
  const backTo = paths.supervision.visits();
  if (query.isPending) return <PageContainer title="督导检查记录" backTo={backTo}><Card><Skeleton active /></Card></PageContainer>;
  if (query.isError) return <PageContainer title="督导检查记录" backTo={backTo}><ErrorDisplay error={query.error} onRetry={() => void query.refetch()} backTo={backTo} /></PageContainer>;
  const v = query.data;
  const bar = (
    <ActionBar>
      {[
        ...(v.allowedActions.includes('add_finding') ? [<Button key="f" type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="visit-add-finding">补充问题</Button>] : []),
        ...(v.allowedActions.includes('record_hazard')
          ? [<Link key="h" to={paths.hazards.create(undefined, v.id)}><Button icon={<WarningOutlined />} data-testid="visit-record-hazard">登记企业隐患</Button></Link>] : []),
      ]}
    </ActionBar>
  );
  const findings = (
    <Card title={`问题清单（${v.findingList.length}）`} size="small" className="detail-section" data-testid="visit-finding-list">
      {v.findingList.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未发现问题" /> : (
        <List size="small" dataSource={v.findingList} renderItem={(f) => (
          <List.Item>
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Flex justify="space-between" gap={8}><Link to={paths.supervision.finding(f.id)} data-testid="finding-link">{f.description}</Link><span><FindingStateTag status={f.status} overdue={f.overdue} /></span></Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>整改期限 {f.dueDate}</Typography.Text>
            </Flex>
          </List.Item>
        )} />
      )}
    </Card>
  );
  return (
    <PageContainer title="督导检查记录" subTitle={`${v.unit.name} · ${v.visitedOn}`} backTo={backTo}>
      <DetailColumns actions={bar} timeline={findings} lastUpdate={v.createdAt}>
        <OverviewCard title="基本情况" items={overview(v)} />
        {v.checklist.length > 0 && (
          <Card title={v.templateName ?? '检查表'} size="small" className="detail-section" data-testid="visit-checklist">
            {v.checklist.map((g) => (
              <div key={g.title} style={{ marginBottom: 8 }}>
                <Typography.Text strong>{g.title}</Typography.Text>
                {g.items.map((i) => (
                  <Flex key={i.key} justify="space-between" gap={8} style={{ padding: '4px 0', borderBottom: '1px solid #f0f0f0' }}>
                    <span>{i.content}{i.note && <div className="text-muted">{i.note}</div>}</span>
                    <span style={{ flex: 'none' }}><ResultTag result={i.result} /></span>
                  </Flex>
                ))}
              </div>
            ))}
          </Card>
        )}
        {v.hazards.length > 0 && (
          <Card title="督导中发现的企业隐患" size="small" className="detail-section">
            {v.hazards.map((h) => (
              <div key={h.id}><Link to={paths.hazards.detail(h.id)} className="mono">{h.number}</Link> {h.enterpriseName}：{h.description} <Tag>{HAZARD_STATUS_LABELS[h.status as HazardStatus] ?? h.status}</Tag></div>
            ))}
          </Card>
        )}
        <Card title="现场照片和材料" size="small" className="detail-section"><FileGallery files={v.files} empty="无" /></Card>
        <Typography.Text type="secondary" className="form-hint">登记于 {formatDateTime(v.createdAt)}</Typography.Text>
      </DetailColumns>
      <AddFindingModal v={v} open={adding} onClose={() => setAdding(false)} />
    </PageContainer>
  );
}
