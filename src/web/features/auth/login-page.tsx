import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LoginRequest } from '../../../contract/auth.ts';
import { formErrorMessage, parseWithSchema } from '../../components/form-errors.ts';
import { safeRedirect, takeLoginNotice, useMe } from '../../lib/auth.ts';
import { type LoginInput, useLogin } from './api/login.ts';
import { AuthCard } from './auth-card.tsx';
import { paths } from '../../app/paths.ts';

export interface LoginPageProps {
  /** Called as the sign-in request starts: the router uses it to fetch the next page's code meanwhile. */
  onSubmitting?: () => void;
}

export function LoginPage({ onSubmitting }: LoginPageProps) {
  const [form] = Form.useForm<LoginInput>();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const [notice] = useState(takeLoginNotice);
  const [error, setError] = useState<string | null>(null);
  const redirect = safeRedirect(searchParams.get('redirect'));

  // The form shows at once, while /api/auth/me is on its way: who opens the login page is nearly
  // always signed out, and one who turns out to be signed in is sent on as soon as it answers.
  // After signing in here, onSuccess navigates, and the form stays on screen (its button spinning)
  // until the next page's code has arrived: no blank page meanwhile.
  if (me.data && login.isIdle) return <Navigate to={redirect} replace />;

  const onFinish = (values: LoginInput) => {
    setError(null);
    const check = parseWithSchema(form, LoginRequest, values);
    if (!check.ok) return;
    onSubmitting?.();
    login.mutate(check.data, {
      onSuccess: (res) => navigate(res.user.mustChangePassword ? paths.changePassword : redirect, { replace: true }),
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
        <Button type="primary" htmlType="submit" block loading={login.isPending || login.isSuccess} data-testid="login-submit">
          登录
        </Button>
      </Form>
    </AuthCard>
  );
}
