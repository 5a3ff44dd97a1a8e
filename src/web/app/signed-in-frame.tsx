import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useEffect } from 'react';
import { takeFailedAttemptsNotice } from '../features/auth/failed-attempts.ts';
import '../lib/format.ts'; // dayjs plugins and the zh-cn locale
import { RequireAuth } from './require-auth.tsx';
import { deviceTheme } from './theme.ts';

/**
 * What every signed-in page stands in: antd's ConfigProvider (Chinese locale, the app's theme) and
 * App (the message, modal and notification hooks of App.useApp) around the route guard. Not among
 * the providers: the login page uses no antd, and this is where antd's code starts to load.
 */
export function SignedInFrame({ children, passwordChangePage = false, totpEnrollPage = false }: { children: ReactNode; passwordChangePage?: boolean; totpEnrollPage?: boolean }) {
  return (
    <ConfigProvider locale={zhCN} theme={deviceTheme}>
      <AntApp>
        <FailedAttemptsNotice />
        <RequireAuth passwordChangePage={passwordChangePage} totpEnrollPage={totpEnrollPage}>{children}</RequireAuth>
      </AntApp>
    </ConfigProvider>
  );
}

/** The sign-in's warning of failed attempts since the last sign-in, kept by the login page; stays until closed. */
function FailedAttemptsNotice() {
  const { notification } = AntApp.useApp();
  useEffect(() => {
    const text = takeFailedAttemptsNotice();
    if (text) notification.warning({ title: '登录提醒', description: text, duration: false, props: { 'data-testid': 'login-failed-attempts' } });
  }, [notification]);
  return null;
}
