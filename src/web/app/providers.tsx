import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { type ReactNode, useEffect, useState } from 'react';
import { installSessionHandlers, meQuery } from '../lib/auth.ts';
import '../lib/format.ts'; // dayjs plugins and the zh-cn locale
import { createQueryClient } from './query-client.ts';

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    // Every page first asks who is signed in: ask now, alongside the download of the page's code.
    void client.prefetchQuery(meQuery);
    return client;
  });
  useEffect(() => installSessionHandlers(queryClient), [queryClient]);
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{ token: { colorPrimary: '#1f5fbf', borderRadius: 6 } }}
    >
      {/* antd's App (message, modal) is around the signed-in pages only: app/signed-in-frame.tsx */}
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ConfigProvider>
  );
}
