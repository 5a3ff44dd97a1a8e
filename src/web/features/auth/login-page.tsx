import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginRequest } from '../../../contract/auth.ts';
import { FullPageSpin } from '../../components/full-page-spin.tsx';
import { formErrorMessage, parseWithSchema } from '../../components/form-errors.ts';
import { safeRedirect, takeLoginNotice, useMe } from '../../lib/auth.ts';
import { type LoginInput, useLogin } from './api/login.ts';
import { AuthCard } from './auth-card.tsx';
import { failedAttemptsNotice } from './failed-attempts.ts';
import { paths } from '../../app/paths.ts';

export function LoginPage() {
  const [form] = Form.useForm<LoginInput>();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const { notification } = App.useApp();
  const [notice] = useState(takeLoginNotice);
  const [error, setError] = useState<string | null>(null);
  const redirect = safeRedirect(searchParams.get('redirect'));

  if (me.isPending) return <FullPageSpin />;
  if (me.data && !login.isPending) return <Navigate to={redirect} replace />;

  const onFinish = (values: LoginInput) => {
    setError(null);
    const check = parseWithSchema(form, LoginRequest, values);
    if (!check.ok) return;
    login.mutate(check.data, {
      onSuccess: (res) => {
        // Stays until closed, over whichever page comes next.
        if (res.failedAttempts) {
          notification.warning({
            title: '登录提醒', description: failedAttemptsNotice(res.failedAttempts), duration: false, props: { 'data-testid': 'login-failed-attempts' },
          });
        }
        navigate(res.user.mustChangePassword ? paths.changePassword : redirect, { replace: true });
      },
      onError: (e) => {
        setError(formErrorMessage(form, e));
        form.setFieldValue('password', '');
      },
    });
  };

  return (
    <AuthCard title="登录">
      {notice && !error && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} size="large" autoComplete="on">
        <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          登录
        </Button>
      </Form>
    </AuthCard>
  );
}
