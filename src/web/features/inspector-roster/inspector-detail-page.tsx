// One roster entry: who, where, when; its keeper edits it, records the 离任 day or voids it with a reason.
import { EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Skeleton, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { INSPECTOR_EMPLOYMENT_LABELS, type TInspectorDetail } from '../../../contract/inspector-roster.ts';
import { paths } from '../../app/paths.ts';
import { ErrorDisplay } from '../../components/error-display.tsx';
import { formErrorMessage } from '../../components/form-errors.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { dayjs, formatDateTime } from '../../lib/format.ts';
import { useEndInspector, useInspector, useVoidInspector } from './api/inspector-roster.ts';
import { servingText } from './inspector-roster-list-page.tsx';

function EndModal({ r, onClose }: { r: TInspectorDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ toDate?: Dayjs | null }>();
  const end = useEndInspector();
  const { message } = App.useApp();
  const ok = (v: { toDate?: Dayjs | null }) => {
    if (!v.toDate) return form.setFields([{ name: 'toDate', errors: ['请选择离任日期'] }]);
    end.mutate({ id: r.id, toDate: v.toDate.format('YYYY-MM-DD'), version: r.version }, {
      onSuccess: () => { void message.success('已登记离任'); onClose(); },
      onError: (e) => { const m = formErrorMessage(form, e); if (m) void message.error(m); },
    });
  };
  return (
    <Modal open title="登记离任" onCancel={onClose} onOk={() => form.submit()} okText="确定" confirmLoading={end.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={ok} initialValues={{ toDate: dayjs() }}>
        <Form.Item name="toDate" label="离任日期（最后在岗日）" required>
          <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={(d) => d.isBefore(dayjs(r.fromDate), 'day')} data-testid="roster-end-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function VoidModal({ r, onClose }: { r: TInspectorDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ reason?: string }>();
  const voidIt = useVoidInspector();
  const { message } = App.useApp();
  const ok = (v: { reason?: string }) => {
    voidIt.mutate({ id: r.id, reason: v.reason ?? '', version: r.version }, {
      onSuccess: () => { void message.success('已作废'); onClose(); },
      onError: (e) => { const m = formErrorMessage(form, e); if (m) void message.error(m); },
    });
  };
  return (
    <Modal open title="作废记录" onCancel={onClose} onOk={() => form.submit()} okText="作废" okButtonProps={{ danger: true }} confirmLoading={voidIt.isPending} destroyOnHidden>
      <Alert type="warning" showIcon title="作废后该记录不再计入名册和报表，但保留备查。离任请用“登记离任”。" style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={ok}>
        <Form.Item name="reason" label="作废原因" required>
          <Input.TextArea rows={2} maxLength={500} data-testid="roster-void-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function InspectorDetailPage() {
  const { id = '' } = useParams();
  const q = useInspector(id);
  const [open, setOpen] = useState<'end' | 'void' | null>(null);
  const backTo = paths.inspectorRoster.list;
  if (q.isPending) return <PageContainer title="技术检查员" backTo={backTo}><Card><Skeleton active /></Card></PageContainer>;
  if (q.isError) return <PageContainer title="技术检查员" backTo={backTo}><ErrorDisplay error={q.error} onRetry={() => void q.refetch()} backTo={backTo} /></PageContainer>;
  const r = q.data;
  const can = (a: TInspectorDetail['allowedActions'][number]) => r.allowedActions.includes(a);
  const extra = (
    <>
      {can('edit') && <Link to={paths.inspectorRoster.edit(r.id)}><Button icon={<EditOutlined />} data-testid="roster-edit">修改</Button></Link>}
      {can('end') && <Button onClick={() => setOpen('end')} data-testid="roster-end">登记离任</Button>}
      {can('void') && <Button danger onClick={() => setOpen('void')} data-testid="roster-void">作废</Button>}
    </>
  );
  return (
    <PageContainer title={r.name} subTitle={<Tag>{INSPECTOR_EMPLOYMENT_LABELS[r.employment]}</Tag>} backTo={backTo} extra={extra}>
      {r.voidedAt && <Alert type="error" showIcon title={`已作废：${r.voidReason ?? ''}`} style={{ marginBottom: 12, maxWidth: 860 }} data-testid="roster-voided" />}
      <Card size="small" style={{ maxWidth: 860 }}>
        <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} data-testid="roster-detail">
          <Descriptions.Item label="姓名">{r.name}</Descriptions.Item>
          <Descriptions.Item label="专兼职">{INSPECTOR_EMPLOYMENT_LABELS[r.employment]}</Descriptions.Item>
          <Descriptions.Item label="所在单位">{r.unitName}</Descriptions.Item>
          <Descriptions.Item label="名册">{r.townshipId ? r.rosterName : `${r.rosterName}（区本级）`}</Descriptions.Item>
          <Descriptions.Item label="在岗期间">{servingText(r)}</Descriptions.Item>
          <Descriptions.Item label="证书">{r.certificates ?? '—'}</Descriptions.Item>
          {r.note && <Descriptions.Item label="备注" span="filled"><span className="pre-wrap">{r.note}</span></Descriptions.Item>}
          <Descriptions.Item label="登记">{r.createdByName} · {formatDateTime(r.createdAt)}</Descriptions.Item>
          <Descriptions.Item label="更新">{formatDateTime(r.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      {open === 'end' && <EndModal r={r} onClose={() => setOpen(null)} />}
      {open === 'void' && <VoidModal r={r} onClose={() => setOpen(null)} />}
    </PageContainer>
  );
}
