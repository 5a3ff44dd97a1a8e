// Keeps the unread count live: one server-sent event stream per signed-in tab. The browser's
// EventSource reconnects by itself (the server asks for 5 s); each "unread" event sets the count
// and marks what a notification may change (the list, the 工作台) as stale.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { notificationRoutes } from '../../../../contract/notifications.ts';
import { workbenchKey } from '../../workbench/api/get-workbench.ts';
import { notificationKeys } from './notifications.ts';

export function useLiveUnread(enabled: boolean) {
  const qc = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(notificationRoutes.stream.path, { withCredentials: true });
    let last: number | null = null;
    source.addEventListener('unread', (e) => {
      const { unread } = JSON.parse((e as MessageEvent<string>).data) as { unread: number };
      qc.setQueryData(notificationKeys.unread(), { unread });
      if (last !== null && unread !== last) {
        void qc.invalidateQueries({ queryKey: [...notificationKeys.all, 'list'] });
        void qc.invalidateQueries({ queryKey: workbenchKey });
      }
      last = unread;
    });
    return () => source.close();
  }, [enabled, qc]);
}
