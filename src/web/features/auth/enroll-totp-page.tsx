// The district requires a second factor of this account: enrollment before anything else.
import { Alert, Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { paths } from '../../app/paths.ts';
import { meQueryKey, useCurrentUser, useLogout } from '../../lib/auth.ts';
import { AuthCard } from './auth-card.tsx';
import { TotpEnroll } from './components/totp-enroll.tsx';

export function EnrollTotpPage() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useLogout();
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: meQueryKey });
    navigate(paths.home, { replace: true });
  };
  return (
    <AuthCard title="启用双因素认证">
      {me.mustEnrollTotp && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="本区要求管理员和安委办账号在密码之外使用手机动态验证码登录，请先完成绑定"
          data-testid="totp-enrollment-required"
        />
      )}
      <TotpEnroll username={me.username} onDone={() => void done()} doneText="我已保存恢复码，进入系统" />
      <Button type="link" style={{ marginTop: 12, padding: 0 }} onClick={() => logout.mutate()}>退出登录</Button>
    </AuthCard>
  );
}
