// 消息通知: what the product told the user (a hazard transferred to the unit, a verification that
// failed, a deadline near or past…), newest first; opening one marks it read and goes to its record.
import { Button, Card, Empty, Flex, Pagination, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { TNotificationItem } from '../../../contract/notifications.ts';
import { NOTIFICATION_KIND_LABELS } from '../../../domain/notifications/notifications.ts';
import { ErrorAlert } from '../../components/error-display.tsx';
import { PageContainer } from '../../components/page-container.tsx';
import { errorMessage } from '../../lib/api.ts';
import { formatMinute } from '../../lib/format.ts';
import { App } from 'antd';
import { useMarkRead, useNotifications } from './api/notifications.ts';

const PAGE_SIZE = 20;

function Row({ n, onOpen }: { n: TNotificationItem; onOpen: (n: TNotificationItem) => void }) {
  return (
    <button type="button" className="notification-row" data-testid="notification-row" data-read={n.read} onClick={() => onOpen(n)}>
      <Flex justify="space-between" gap={8} align="start">
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <span>
            {!n.read && <Tag color="#1f5fbf">未读</Tag>}
            <Typography.Text strong={!n.read}>{NOTIFICATION_KIND_LABELS[n.kind]}</Typography.Text>
          </span>
          <Typography.Text ellipsis>{n.title}</Typography.Text>
          {n.body && <Typography.Text className="workbench-subtitle">{n.body}</Typography.Text>}
        </Flex>
        <Typography.Text className="workbench-subtitle" style={{ flexShrink: 0 }}>{formatMinute(n.createdAt)}</Typography.Text>
      </Flex>
    </button>
  );
}

export function NotificationsPage() {
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications({ page, unread: unreadOnly, pageSize: PAGE_SIZE });
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const data = list.data;
  const open = (n: TNotificationItem) => {
    if (!n.read) markRead.mutate({ ids: [n.id] });
    if (n.href) navigate(n.href);
  };
  return (
    <PageContainer
      title="消息通知"
      extra={
        <Button disabled={!data?.unread} loading={markRead.isPending} data-testid="notifications-read-all"
          onClick={() => markRead.mutate({ all: true }, { onError: (e) => void message.error(errorMessage(e)) })}>
          全部标为已读
        </Button>
      }
    >
      <Segmented
        value={unreadOnly ? 'unread' : 'all'}
        onChange={(v) => { setUnreadOnly(v === 'unread'); setPage(1); }}
        options={[{ value: 'all', label: '全部' }, { value: 'unread', label: `未读${data ? `（${data.unread}）` : ''}` }]}
        style={{ marginBottom: 12 }}
      />
      {list.isError && <ErrorAlert error={list.error} />}
      <Card size="small" styles={{ body: { padding: 0 } }} loading={!data && !list.isError}>
        {data && data.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={unreadOnly ? '没有未读通知' : '暂无通知'} />}
        {data?.items.map((n) => <Row key={n.id} n={n} onOpen={open} />)}
      </Card>
      {data && data.total > PAGE_SIZE && (
        <Pagination style={{ marginTop: 12 }} current={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} showSizeChanger={false}
          showTotal={(t) => `共 ${t} 条`} />
      )}
    </PageContainer>
  );
}
