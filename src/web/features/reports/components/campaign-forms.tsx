// The campaign page's 报表 tab: the forms units fill for this campaign, each round with how many
// units reported and on time; a unit's own state and a link to fill it; the office adds forms
// from the library and sets their schedule.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Form, Input, InputNumber, Modal, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../../app/paths.ts';
import { ErrorDisplay } from '../../../components/error-display.tsx';
import { errorMessage } from '../../../lib/api.ts';
import { type FormsData, useAttachForm, useCampaignForms, useEditForm, useTemplates } from '../api/reports.ts';
import { FILLER_KIND_LABELS, SUBMISSION_STATE_COLORS, SUBMISSION_STATE_LABELS } from './labels.ts';

type FormItem = FormsData['items'][number];

function AttachModal({ campaignId, open, onClose }: { campaignId: string; open: boolean; onClose: () => void }) {
  const templates = useTemplates(open);
  const attach = useAttachForm(campaignId);
  const [form] = Form.useForm<{ ref: string; dueText?: string }>();
  const { message } = App.useApp();
  return (
    <Modal title="添加报表" open={open} okText="添加" cancelText="取消" confirmLoading={attach.isPending} onCancel={onClose} destroyOnHidden
      onOk={() => void form.validateFields().then((v) => attach.mutate({ ref: v.ref, ...(v.dueText ? { dueText: v.dueText } : {}) }, {
        onSuccess: () => { void message.success('已添加'); onClose(); }, onError: (e) => void message.error(errorMessage(e)),
      }))}>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="ref" label="报表模板" rules={[{ required: true, message: '请选择报表模板' }]}>
          <Select loading={templates.isLoading} placeholder="从报表库选择" data-testid="attach-template"
            onChange={(ref: string) => form.setFieldValue('dueText', templates.data?.items.find((t) => t.ref === ref)?.dueText)}
            options={templates.data?.items.map((t) => ({ value: t.ref, label: `${t.name}（${t.computed}项自动计算，${t.manual}项手填）` }))} />
        </Form.Item>
        <Form.Item name="dueText" label="报送时限" extra="如：每月28日前；每月14日和月底18:00前">
          <Input maxLength={100} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">
        报表库里没有本镇的表？<Link to={paths.reports.newTemplate(campaignId)} data-testid="workbook-new">上传本镇报表</Link>（.xlsx），在表格中点选要填数的格子即可，导出时按原表格式填入。
      </Typography.Text>
    </Modal>
  );
}

function EditModal({ item, onClose }: { item: FormItem | null; onClose: () => void }) {
  const edit = useEditForm();
  const [form] = Form.useForm<{ dueText: string; graceDays: number }>();
  const { message } = App.useApp();
  return (
    <Modal title="修改报送时限" open={item !== null} okText="保存" cancelText="取消" confirmLoading={edit.isPending} onCancel={onClose} destroyOnHidden
      onOk={() => void form.validateFields().then((v) => edit.mutate({ id: item!.templateId, body: { version: item!.version, dueText: v.dueText, graceDays: v.graceDays } }, {
        onSuccess: () => { void message.success('已保存为新版本，已提交的报表保留原版本'); onClose(); }, onError: (e) => void message.error(errorMessage(e)),
      }))}>
      <Form form={form} layout="vertical" preserve={false} initialValues={{ dueText: item?.dueText, graceDays: item?.graceDays }}>
        <Form.Item name="dueText" label="报送时限" rules={[{ required: true, whitespace: true, message: '请填写报送时限' }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="graceDays" label="到期后锁定宽限（天）" rules={[{ required: true, message: '请填写天数' }]}><InputNumber min={0} max={60} precision={0} /></Form.Item>
      </Form>
    </Modal>
  );
}

function FormCard({ campaignId, f, canEdit, onEdit }: { campaignId: string; f: FormItem; canEdit: boolean; onEdit: () => void }) {
  const mine = f.rounds.some((r) => r.mine);
  const current = f.rounds.find((r) => r.due === f.current);
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="report-form"
      title={<Flex vertical><span>{f.name}</span><Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
        {f.fillers.map((k) => FILLER_KIND_LABELS[k]).join('、')}填报 · {f.units} 个单位 · {f.dueText}{f.cumulative ? ' · 累计数' : ''} · 第{f.version}版
      </Typography.Text></Flex>}
      extra={<Flex gap={8}>
        {current?.mine && <Link to={paths.reports.submission(current.mine.key)}><Button type="primary" size="small" data-testid="report-fill-current">填报本期</Button></Link>}
        {canEdit && <Button size="small" onClick={onEdit}>修改时限</Button>}
      </Flex>}>
      {f.unreadDue && <Typography.Text type="warning">报送时限无法识别，未生成报送期，请修改。</Typography.Text>}
      <Table rowKey="due" size="small" pagination={false} dataSource={f.rounds} scroll={{ x: 480 }}
        rowClassName={(r) => (r.due === f.current ? 'ant-table-row-selected' : '')}
        columns={[
          { title: '报送期', key: 'due', width: 130, render: (_v, r) => `${r.due}${r.time ? ` ${r.time}` : ''}` },
          ...(mine
            ? [{ title: '本单位', key: 'mine', render: (_v: unknown, r: FormItem['rounds'][number]) => r.mine && <Link to={paths.reports.submission(r.mine.key)}><Tag color={SUBMISSION_STATE_COLORS[r.mine.state]}>{SUBMISSION_STATE_LABELS[r.mine.state]}</Tag>{r.mine.overdue && <Tag color="error">逾期</Tag>}</Link> }]
            : [
              { title: '已报/应报', key: 'rep', width: 100, render: (_v: unknown, r: FormItem['rounds'][number]) => `${r.reported}/${r.expected}` },
              { title: '按时', key: 'ontime', width: 70, render: (_v: unknown, r: FormItem['rounds'][number]) => r.onTime },
              { title: '逾期未报', key: 'od', width: 90, render: (_v: unknown, r: FormItem['rounds'][number]) => (r.overdue ? <Typography.Text type="danger">{r.overdue}</Typography.Text> : 0) },
              { title: '', key: 'go', width: 90, render: (_v: unknown, r: FormItem['rounds'][number]) => <Link to={paths.reports.round(campaignId, r.due, f.seriesId)} data-testid={`round-${r.due}`}>查看汇总</Link> },
            ]),
        ]} />
    </Card>
  );
}

export function CampaignForms({ campaignId }: { campaignId: string }) {
  const q = useCampaignForms(campaignId);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<FormItem | null>(null);
  if (q.isError) return <ErrorDisplay error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <Skeleton active />;
  const { items, canEdit } = q.data;
  return (
    <>
      {canEdit && <Flex justify="flex-end" style={{ marginBottom: 12 }}><Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="report-attach">添加报表</Button></Flex>}
      {items.length === 0 && <Empty description={canEdit ? '还没有报表。可从报表库添加调度表、汇总表，系统按台账自动统计。' : '本专项行动没有需要填报的报表'} />}
      {items.map((f) => <FormCard key={f.seriesId} campaignId={campaignId} f={f} canEdit={canEdit} onEdit={() => setEditing(f)} />)}
      {canEdit && <AttachModal campaignId={campaignId} open={adding} onClose={() => setAdding(false)} />}
      <EditModal item={editing} onClose={() => setEditing(null)} />
    </>
  );
}
