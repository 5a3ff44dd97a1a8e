// The header's bell: the unread count, kept live over server-sent events; opens 消息通知.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router';
import { paths } from '../../../app/paths.ts';
import { useLiveUnread } from '../api/live-unread.ts';
import { useUnreadCount } from '../api/notifications.ts';

export function NotificationBell() {
  const navigate = useNavigate();
  useLiveUnread(true);
  const unread = useUnreadCount().data?.unread ?? 0;
  return (
    <Button
      type="text"
      aria-label={unread ? `消息通知，${unread} 条未读` : '消息通知'}
      data-testid="notification-bell"
      data-unread={unread}
      onClick={() => navigate(paths.notifications)}
      icon={<Badge count={unread} size="small" overflowCount={99}><BellOutlined style={{ fontSize: 18 }} /></Badge>}
    />
  );
}
