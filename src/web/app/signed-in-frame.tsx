import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import '../lib/format.ts'; // dayjs plugins and the zh-cn locale
import { RequireAuth } from './require-auth.tsx';

/**
 * What every signed-in page stands in: antd's ConfigProvider (Chinese locale, the app's theme) and
 * App (the message, modal and notification hooks of App.useApp) around the route guard. Not among
 * the providers: the login page uses no antd, and this is where antd's code starts to load.
 */
export function SignedInFrame({ children, passwordChangePage = false }: { children: ReactNode; passwordChangePage?: boolean }) {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1f5fbf', borderRadius: 6 } }}>
      <AntApp>
        <RequireAuth passwordChangePage={passwordChangePage}>{children}</RequireAuth>
      </AntApp>
    </ConfigProvider>
  );
}
