import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { installSessionHandlers, meQuery } from '../lib/auth.ts';
import { createQueryClient } from './query-client.ts';

/**
 * What every page runs under. antd's ConfigProvider and App, and dayjs's locale, are around the
 * signed-in pages only (signed-in-frame.tsx): the login page uses no antd, and they would add to
 * everyone's first download.
 */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => {
    const client = createQueryClient();
    // Every page first asks who is signed in: ask now, alongside the download of the page's code.
    void client.prefetchQuery(meQuery);
    return client;
  });
  useEffect(() => installSessionHandlers(queryClient), [queryClient]);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
