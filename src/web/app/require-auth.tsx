import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageSpin } from '../components/full-page-spin.tsx';
import { errorMessage } from '../lib/api.ts';
import { useMe } from '../lib/auth.ts';
import { paths } from './paths.ts';

/**
 * Renders its children only for a signed-in user. Without a session: to the login page,
 * remembering where the user was going. With a pending forced password change: to the
 * change-password page, whatever was asked for; then, where the district requires a second factor
 * the account lacks, to its enrollment.
 */
export function RequireAuth({ children, passwordChangePage = false, totpEnrollPage = false }: { children?: ReactNode; passwordChangePage?: boolean; totpEnrollPage?: boolean }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    return (
      <Result
        status="error"
        title="无法连接服务器"
        subTitle={errorMessage(me.error)}
        extra={<Button type="primary" onClick={() => void me.refetch()}>重试</Button>}
      />
    );
  }
  if (!me.data) return <Navigate to={paths.login(location.pathname + location.search)} replace />;
  if (me.data.user.mustChangePassword && !passwordChangePage) return <Navigate to={paths.changePassword} replace />;
  // The district requires a second factor the account has not turned on yet: enrollment first.
  if (me.data.user.mustEnrollTotp && !me.data.user.mustChangePassword && !totpEnrollPage && !passwordChangePage) return <Navigate to={paths.enrollTotp} replace />;
  return children ?? <Outlet />;
}
