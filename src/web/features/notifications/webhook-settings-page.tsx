// 群消息推送: the district's 政务微信/企业微信 group robot. Nothing is sent anywhere until an admin
// sets an address here; the log shows every delivery, its tries and the robot's last error.
import { App, Button, Card, Checkbox, Form, Input, Popconfirm, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS, type NotificationKind } from '../../../domain/notifications/notifications.ts';
import { ErrorAlert } from '../../components/error-display.tsx';
import { formErrorMessage } from '../../components/form-errors.ts';
import { NoAccess } from '../../components/no-access.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { useIsMobile } from '../../components/use-is-mobile.ts';
import { userCan } from '../../lib/abilities.ts';
import { useCurrentUser } from '../../lib/auth.ts';
import { formatMinute } from '../../lib/format.ts';
import { useDeleteWebhook, useDeliveries, useSaveWebhook, useWebhookSettings } from './api/webhook.ts';

interface Values { url: string; enabled: boolean; kinds: NotificationKind[] }
const STATUS = { pending: ['待重试', 'orange'], delivered: ['已送达', 'green'], failed: ['失败', 'red'] } as const;

export function WebhookSettingsPage() {
  const me = useCurrentUser();
  if (!userCan(me, 'manage:notifications')) return <NoAccess text="只有管理员可以设置群消息推送" />;
  return <WebhookSettings />;
}

function WebhookSettings() {
  const settings = useWebhookSettings();
  const save = useSaveWebhook();
  const remove = useDeleteWebhook();
  const [page, setPage] = useState(1);
  const deliveries = useDeliveries(page);
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const s = settings.data;
  useEffect(() => {
    if (s) form.setFieldsValue({ url: s.url ?? '', enabled: s.configured ? s.enabled : true, kinds: s.kinds });
  }, [s, form]);

  const submit = (v: Values) =>
    save.mutate({ url: v.url, enabled: v.enabled, kinds: v.kinds ?? [], version: s?.version ?? null }, {
      onSuccess: () => void message.success('已保存'),
      onError: (e) => {
        const msg = formErrorMessage(form, e);
        if (msg) void message.error(msg);
      },
    });

  return (
    <PageContainer title="群消息推送">
      <Typography.Paragraph className="workbench-subtitle">
        在政务微信或企业微信工作群中添加“群机器人”，把它的 Webhook 地址填在这里：新的交办、移交、验收未通过、即将到期和已逾期等消息会同时推送到该群。未设置时不向外发送任何消息。
      </Typography.Paragraph>
      {settings.isError && <ErrorAlert error={settings.error} />}
      <Card size="small" loading={settings.isLoading} style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark>
          <Form.Item name="url" label="群机器人 Webhook 地址" rules={[{ required: true, message: '请填写机器人地址' }]}
            extra="形如 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…，或本地政务微信的同类地址">
            <Input placeholder="https://…" autoComplete="off" />
          </Form.Item>
          <Form.Item name="enabled" label="启用推送" valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="kinds" label="推送哪些消息" extra="都不选表示全部推送">
            <Checkbox.Group options={NOTIFICATION_KINDS.map((k) => ({ value: k, label: NOTIFICATION_KIND_LABELS[k] }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>保存</Button>
          {s?.configured && (
            <Popconfirm title="删除后不再向该群推送消息，确定删除？" okText="删除" cancelText="取消" onConfirm={() => remove.mutate()}>
              <Button danger style={{ marginLeft: 8 }} loading={remove.isPending}>删除设置</Button>
            </Popconfirm>
          )}
        </Form>
      </Card>
      <Card size="small" title="推送记录">
        <Table
          rowKey="id" size="small" loading={deliveries.isLoading} dataSource={deliveries.data?.items ?? []}
          // No sideways scroll on a phone: a scrolling region with nothing to focus in it cannot be
          // scrolled from a keyboard; the columns wrap instead.
          scroll={isMobile ? undefined : { x: 640 }}
          pagination={{ current: page, pageSize: 20, total: deliveries.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }}
          locale={{ emptyText: '暂无推送记录' }}
          columns={[
            { title: '时间', dataIndex: 'createdAt', width: 140, render: (v: string) => formatMinute(v) },
            { title: '消息', dataIndex: 'title', render: (v: string, r) => <><Tag>{NOTIFICATION_KIND_LABELS[r.kind]}</Tag>{v}</> },
            { title: '状态', dataIndex: 'status', width: 90, render: (v: keyof typeof STATUS) => <Tag color={STATUS[v][1]}>{STATUS[v][0]}</Tag> },
            { title: '尝试', dataIndex: 'attempts', width: 60 },
            { title: '最近错误', dataIndex: 'lastError', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
