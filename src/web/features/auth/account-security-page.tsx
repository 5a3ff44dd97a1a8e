// 账号安全: the user's own second factor (turn on with a QR code, new recovery codes, turn off) and
// sessions (where signed in, ending one or all the others).
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TSessionItem } from '../../../contract/security.ts';
import { TotpConfirmRequest, TotpDisableRequest } from '../../../contract/security.ts';
import { formErrorMessage, parseWithSchema } from '../../components/form-errors.ts';
import { PageContainer } from '../../components/page-container.tsx';
import { errorMessage } from '../../lib/api.ts';
import { useCurrentUser } from '../../lib/auth.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useEndOtherSessions, useEndSession, useRegenerateRecoveryCodes, useSessions, useTotpDisable, useTotpStatus } from './api/totp.ts';
import { RecoveryCodes } from './components/recovery-codes.tsx';
import { TotpEnroll } from './components/totp-enroll.tsx';

function RegenerateButton({ username }: { username: string }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ code: string }>();
  const regenerate = useRegenerateRecoveryCodes();
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setOpen(false);
    regenerate.reset();
    form.resetFields();
    setError(null);
  };
  const onOk = async () => {
    const values = await form.validateFields();
    const check = parseWithSchema(form, TotpConfirmRequest, values);
    if (!check.ok) return;
    regenerate.mutate(check.data, { onError: (e) => setError(formErrorMessage(form, e)) });
  };
  const codes = regenerate.data?.recoveryCodes;
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="totp-regenerate">重新生成恢复码</Button>
      <Modal
        open={open}
        title="重新生成恢复码"
        onCancel={close}
        onOk={codes ? close : () => void onOk()}
        okText={codes ? '我已保存' : '生成'}
        cancelButtonProps={codes ? { style: { display: 'none' } } : {}}
        confirmLoading={regenerate.isPending}
        destroyOnHidden
      >
        {codes ? <RecoveryCodes codes={codes} username={username} /> : (
          <>
            <Typography.Paragraph>生成后，原有的恢复码全部作废。请输入当前的动态验证码：</Typography.Paragraph>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
            <Form form={form} layout="vertical" requiredMark={false}>
              <Form.Item name="code" label="动态验证码" rules={[{ required: true, message: '请输入验证码' }]}>
                <Input autoComplete="one-time-code" maxLength={16} />
              </Form.Item>
            </Form>
          </>
        )}
      </Modal>
    </>
  );
}

function DisableButton({ required }: { required: boolean }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ password: string; code: string }>();
  const disable = useTotpDisable();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const onOk = async () => {
    setError(null);
    const values = await form.validateFields();
    const check = parseWithSchema(form, TotpDisableRequest, values);
    if (!check.ok) return;
    disable.mutate(check.data, {
      onSuccess: () => {
        setOpen(false);
        void message.success('已关闭双因素认证');
      },
      onError: (e) => setError(formErrorMessage(form, e)),
    });
  };
  if (required) return <Typography.Text type="secondary">本区要求管理员和安委办启用，不能关闭</Typography.Text>;
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="totp-disable">关闭双因素认证</Button>
      <Modal open={open} title="关闭双因素认证" onCancel={() => setOpen(false)} onOk={() => void onOk()} okText="关闭" okButtonProps={{ danger: true }} confirmLoading={disable.isPending} destroyOnHidden>
        <Typography.Paragraph>关闭后仅凭密码即可登录。请输入密码和当前的动态验证码（或一个恢复码）：</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="code" label="动态验证码" rules={[{ required: true, message: '请输入验证码' }]}>
            <Input autoComplete="one-time-code" maxLength={16} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function SecondFactorCard() {
  const me = useCurrentUser();
  const status = useTotpStatus();
  const [enrolling, setEnrolling] = useState(false);
  const s = status.data;
  return (
    <Card title="双因素认证（动态验证码）" size="small" loading={status.isPending} data-testid="totp-card">
      {status.isError && <Alert type="error" showIcon title={errorMessage(status.error)} />}
      {s && !s.enabled && !enrolling && (
        <Flex vertical gap={12} align="flex-start">
          <Typography.Paragraph style={{ margin: 0 }}>
            启用后，登录时在密码之后还需输入手机身份验证器应用显示的6位动态验证码，密码泄露也不会被他人登录。
            {s.required && <Typography.Text type="warning">本区要求管理员和安委办账号启用。</Typography.Text>}
          </Typography.Paragraph>
          <Button type="primary" onClick={() => setEnrolling(true)} data-testid="totp-start">启用</Button>
        </Flex>
      )}
      {/* Kept while enrolling even once the status says enabled: the recovery codes are shown once, after it. */}
      {s && enrolling && <TotpEnroll username={me.username} onDone={() => setEnrolling(false)} doneText="完成" />}
      {s?.enabled && !enrolling && (
        <Flex vertical gap={12}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label="状态"><Tag color="green">已启用</Tag></Descriptions.Item>
            <Descriptions.Item label="启用时间">{formatDateTime(s.enabledAt)}</Descriptions.Item>
            <Descriptions.Item label="剩余恢复码"><span data-testid="totp-codes-left">{s.recoveryCodesLeft}</span> 个</Descriptions.Item>
          </Descriptions>
          <Flex gap={8} wrap align="center">
            <RegenerateButton username={me.username} />
            <DisableButton required={s.required} />
          </Flex>
        </Flex>
      )}
    </Card>
  );
}

function SessionsCard() {
  const sessions = useSessions();
  const end = useEndSession();
  const endOthers = useEndOtherSessions();
  const { message } = App.useApp();
  const onError = (e: unknown) => void message.error(errorMessage(e));
  const items = sessions.data?.items ?? [];
  return (
    <Card
      title="登录会话"
      size="small"
      data-testid="sessions-card"
      extra={items.length > 1 && (
        <Popconfirm title="结束除本机外的全部会话？" description="其他设备上需要重新登录" okText="结束" onConfirm={() => endOthers.mutate(undefined, {
          onSuccess: (r) => void message.success(`已结束 ${r.ended} 个会话`), onError,
        })}>
          <Button size="small" loading={endOthers.isPending} data-testid="sessions-end-others">结束其他全部会话</Button>
        </Popconfirm>
      )}
    >
      <Typography.Paragraph type="secondary">修改密码时，其他设备上的会话会自动结束。</Typography.Paragraph>
      <Table<TSessionItem>
        size="small"
        rowKey="id"
        loading={sessions.isPending}
        dataSource={items}
        pagination={false}
        scroll={{ x: 640 }}
        data-testid="sessions-table"
        columns={[
          { title: '设备', key: 'device', render: (_v, s) => <>{s.device} {s.current && <Tag color="blue">本机</Tag>}</> },
          { title: '来源地址', key: 'ip', render: (_v, s) => <span className="mono">{s.ip ?? '未知'}</span> },
          { title: '登录时间', key: 'createdAt', render: (_v, s) => <span className="nowrap">{formatDateTime(s.createdAt)}</span> },
          { title: '最近活动', key: 'lastSeenAt', render: (_v, s) => <span className="nowrap">{formatDateTime(s.lastSeenAt)}</span> },
          {
            // kept in sight at phone widths, where the other columns scroll under it
            title: '操作', key: 'actions', width: 64, fixed: 'right', render: (_v, s) => (
              <Popconfirm title={s.current ? '结束本机会话（即退出登录）？' : '结束这个会话？'} okText="结束" onConfirm={() => end.mutate(s.id, { onError })}>
                <Button type="link" size="small" style={{ padding: 0 }} data-testid="session-end">结束</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function AccountSecurityPage() {
  return (
    <PageContainer title="账号安全" subTitle="双因素认证和在各设备上的登录会话">
      <Flex vertical gap={16}>
        <SecondFactorCard />
        <SessionsCard />
      </Flex>
    </PageContainer>
  );
}
