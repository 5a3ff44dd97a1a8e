import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, App, Button, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ChangePasswordRequest } from '../../../contract/auth.ts';
import { comparable, passwordClasses } from '../../../domain/access/password-policy.ts';
import { PASSWORD_POLICY_TEXT, passwordRule } from '../../components/password-rule.ts';
import { formErrorMessage, parseWithSchema } from '../../components/form-errors.ts';
import { useCurrentUser, useLogout } from '../../lib/auth.ts';
import { paths } from '../../app/paths.ts';
import { type ChangePasswordInput, useChangePassword } from './api/change-password.ts';
import { AuthCard } from './auth-card.tsx';


type Values = ChangePasswordInput & { confirmPassword: string };

function PolicyCheck({ password, me }: { password: string; me: { username: string; displayName: string } }) {
  const longEnough = [...password].length >= 8;
  const classes = passwordClasses(password) >= 3;
  const p = comparable(password);
  const notOwnName = p !== '' && p !== comparable(me.username) && p !== comparable(me.displayName);
  const row = (ok: boolean, text: string) => (
    <Flex gap={6} align="center">
      {ok ? <CheckCircleFilled style={{ color: '#52c41a' }} /> : <CloseCircleFilled style={{ color: '#bfbfbf' }} />}
      <Typography.Text type={ok ? undefined : 'secondary'}>{text}</Typography.Text>
    </Flex>
  );
  return (
    <Flex vertical gap={2} className="policy-check" data-testid="password-policy">
      {row(longEnough, '至少8位')}
      {row(classes, '包含大写字母、小写字母、数字、符号中的至少三类')}
      {row(notOwnName, '不能与用户名或姓名相同')}
    </Flex>
  );
}

export function ChangePasswordPage() {
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const change = useChangePassword();
  const logout = useLogout();
  const [error, setError] = useState<string | null>(null);
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const forced = me.mustChangePassword;

  const onFinish = ({ confirmPassword: _confirm, ...values }: Values) => {
    setError(null);
    const check = parseWithSchema(form, ChangePasswordRequest, values);
    if (!check.ok) return;
    change.mutate(check.data, {
      onSuccess: async () => {
        void message.success('密码已修改');
        navigate(paths.home, { replace: true });
      },
      onError: (e) => setError(formErrorMessage(form, e)),
    });
  };

  return (
    <AuthCard title="修改密码">
      {forced && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="首次登录或密码已被重置，请先设置新密码"
          data-testid="password-change-required"
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Typography.Paragraph type="secondary">
        {me.displayName}（{me.username}），密码要求：{PASSWORD_POLICY_TEXT}。
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" data-testid="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label="新密码"
          rules={[{ required: true, message: '请输入新密码' }, passwordRule(() => ({ username: me.username, displayName: me.displayName }))]}
          extra={<PolicyCheck password={newPassword} me={me} />}
        >
          <Input.Password autoComplete="new-password" data-testid="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_r, v: string | undefined) =>
                !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="confirm-password" />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={change.isPending} block data-testid="change-password-submit">
            确认修改
          </Button>
          {forced ? (
            <Button block onClick={() => logout.mutate()} loading={logout.isPending} data-testid="change-password-logout">
              退出登录
            </Button>
          ) : (
            <Button block onClick={() => navigate(-1)}>
              返回
            </Button>
          )}
        </Flex>
      </Form>
    </AuthCard>
  );
}
